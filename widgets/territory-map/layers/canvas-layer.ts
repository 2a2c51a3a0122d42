import { L } from '../leaflet.js';

export interface CanvasLayerOptions extends L.LayerOptions {
  /** Extra canvas around the view, as a fraction of its size, so a pan shows no blank edge. Default 0.1. */
  padding?: number;
}

/**
 * A Leaflet layer that owns one canvas covering the view (plus padding) and repaints it after every
 * move or zoom, the way Leaflet's own Canvas renderer does — but with a single `draw` call instead of
 * one object per feature. Subclasses implement `draw`.
 */
export abstract class CanvasLayer extends L.Layer {
  protected canvas: HTMLCanvasElement | null = null;
  /** Layer point of the canvas' top-left corner. */
  protected topLeft: L.Point = L.point(0, 0);
  protected width = 0;
  protected height = 0;
  private viewZoom = 0;
  private viewCenter: L.LatLng = L.latLng(0, 0);
  private readonly padding: number;
  /** Milliseconds the last `draw` took. */
  lastDrawMs = 0;
  /** How many times the layer has drawn. */
  draws = 0;

  constructor(options: CanvasLayerOptions = {}) {
    super(options);
    L.Util.setOptions(this, options);
    this.padding = options.padding ?? 0.1;
  }

  override onAdd(map: L.Map): this {
    this.canvas = L.DomUtil.create('canvas', 'tk-canvas-layer leaflet-zoom-animated') as HTMLCanvasElement;
    this.getPane()!.appendChild(this.canvas);
    this._map = map;
    this.redraw();
    return this;
  }

  override onRemove(): this {
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  override getEvents(): { [name: string]: L.LeafletEventHandlerFn } {
    return {
      moveend: this.redraw as L.LeafletEventHandlerFn,
      viewreset: this.redraw as L.LeafletEventHandlerFn,
      resize: this.redraw as L.LeafletEventHandlerFn,
      zoom: this.onZoom as L.LeafletEventHandlerFn,
      zoomanim: this.onZoomAnim as L.LeafletEventHandlerFn,
    };
  }

  /** Repositions the canvas over the current view and draws it again. */
  redraw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const started = performance.now();
    const size = map.getSize();
    const pad = size.multiplyBy(this.padding).round();
    this.topLeft = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
    this.width = size.x + 2 * pad.x;
    this.height = size.y + 2 * pad.y;
    this.viewZoom = map.getZoom();
    this.viewCenter = map.getCenter();
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(this.width * dpr));
    const h = Math.max(1, Math.round(this.height * dpr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      canvas.style.width = `${this.width}px`;
      canvas.style.height = `${this.height}px`;
    }
    L.DomUtil.setPosition(canvas, this.topLeft);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    this.draw(ctx, map);
    this.draws++;
    this.lastDrawMs = performance.now() - started;
  }

  /** Canvas pixel → container point offset: canvasX = containerX + offset.x. */
  protected containerToCanvas(p: L.Point): L.Point {
    return this._map.containerPointToLayerPoint(p).subtract(this.topLeft);
  }

  /** The canvas' extent as `[west, south, east, north]`, clamped to valid longitudes and latitudes. */
  protected canvasBox(): [number, number, number, number] {
    const map = this._map;
    const nw = map.layerPointToLatLng(this.topLeft);
    const se = map.layerPointToLatLng(this.topLeft.add([this.width, this.height]));
    return [Math.max(-180, nw.lng), Math.max(-90, se.lat), Math.min(180, se.lng), Math.min(90, nw.lat)];
  }

  protected abstract draw(ctx: CanvasRenderingContext2D, map: L.Map): void;

  private onZoom(): void {
    this.updateTransform(this._map.getCenter(), this._map.getZoom());
  }

  private onZoomAnim(e: L.ZoomAnimEvent): void {
    this.updateTransform(e.center, e.zoom);
  }

  // Same arithmetic as Leaflet's Renderer._updateTransform: scale the old picture while zooming.
  private updateTransform(center: L.LatLng, zoom: number): void {
    const map = this._map;
    if (!map || !this.canvas) return;
    const scale = map.getZoomScale(zoom, this.viewZoom);
    const viewHalf = map.getSize().multiplyBy(0.5 + this.padding);
    const currentCenterPoint = map.project(this.viewCenter, zoom);
    const origin = (map as unknown as { _getNewPixelOrigin(c: L.LatLng, z: number): L.Point })._getNewPixelOrigin(center, zoom);
    const offset = viewHalf.multiplyBy(-scale).add(currentCenterPoint).subtract(origin);
    L.DomUtil.setTransform(this.canvas, offset, scale);
  }
}
