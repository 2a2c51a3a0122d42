import { L } from '../leaflet.js';

export interface PolygonDrawOptions {
  /** Renderer for the preview (a canvas in the drawing pane). */
  renderer: L.Renderer;
  color?: string;
  /** Called with `[lng, lat]` vertices when the user finishes a polygon of at least 3 vertices. */
  onFinish(vertices: [number, number][]): void;
  /** Called after each change (vertex added, finished, cancelled). */
  onChange?(count: number): void;
}

/** A vertex closer than this (px) to the previous one is ignored (the second click of a double-click). */
const SAME_VERTEX_PX = 4;

/**
 * Polygon drawing by clicking vertices: `add` a vertex per click, `finish` on double-click or Enter,
 * `cancel` on Escape. Shows a dashed preview; the caller decides what the finished polygon becomes.
 */
export class PolygonDraw {
  readonly vertices: L.LatLng[] = [];
  private readonly preview: L.Polyline;
  private readonly handles: L.LayerGroup;

  constructor(
    private readonly map: L.Map,
    private readonly options: PolygonDrawOptions,
  ) {
    const color = options.color ?? '#0b5cad';
    this.preview = L.polyline([], { renderer: options.renderer, color, weight: 2, dashArray: '6 4', interactive: false });
    this.handles = L.layerGroup();
  }

  add(latlng: L.LatLng): void {
    const last = this.vertices[this.vertices.length - 1];
    if (last && this.map.latLngToContainerPoint(last).distanceTo(this.map.latLngToContainerPoint(latlng)) < SAME_VERTEX_PX) return;
    this.vertices.push(latlng);
    if (!this.map.hasLayer(this.preview)) this.preview.addTo(this.map);
    if (!this.map.hasLayer(this.handles)) this.handles.addTo(this.map);
    this.preview.setLatLngs([...this.vertices, this.vertices[0]]);
    L.circleMarker(latlng, { renderer: this.options.renderer, radius: 4, weight: 2, color: '#fff', fillColor: this.preview.options.color, fillOpacity: 1, interactive: false }).addTo(this.handles);
    this.options.onChange?.(this.vertices.length);
  }

  /** Ends the polygon; returns whether one was produced (needs 3 vertices). */
  finish(): boolean {
    if (this.vertices.length < 3) return false;
    const vertices = this.vertices.map((v): [number, number] => [v.lng, v.lat]);
    this.clear();
    this.options.onFinish(vertices);
    return true;
  }

  cancel(): void {
    this.clear();
  }

  private clear(): void {
    this.vertices.length = 0;
    this.preview.setLatLngs([]);
    this.handles.clearLayers();
    this.preview.remove();
    this.handles.remove();
    this.options.onChange?.(0);
  }
}
