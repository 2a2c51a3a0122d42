import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { L } from '../leaflet.js';
import type { PlanActions, PlanState } from '../../../src/store/types.js';
import type { Territory } from '../../../src/model/territory.js';
import { regionAt, type RegionFeature, type RegionLevel } from '../basemap.js';
import { PolygonDraw } from './polygon-draw.js';
import { toggleRegion } from './toggle-region.js';
import { addPolygon } from './add-polygon.js';
import { TkRegionPaintEvent, type RegionPaintDetail } from '../events/region-paint-event.js';
import { TkTerritoryDrawnEvent, type TerritoryDrawnDetail } from '../events/territory-drawn-event.js';

let newIds = 0;
const newId = () => `tk-${Date.now().toString(36)}-${(newIds++).toString(36)}`;

export interface TerritoryDrawingOptions {
  state(): PlanState | undefined;
  actions(): PlanActions | undefined;
  editable(): boolean;
  /** The territory edited (empty: a new one on the next edit), read and set. */
  target(): string;
  setTarget(id: string): void;
  paintLevel(): RegionLevel;
  /** Decoded regions of a level, or undefined while loading (then `load` is asked for them). */
  regions(level: RegionLevel): readonly RegionFeature[] | undefined;
  load(): void;
  notice(text: string): void;
  /** Vertex count of the polygon being drawn (for the Finish button). */
  onVertices(count: number): void;
}

/**
 * Defining territories on the map: the paint tool adds / removes the region under a click to / from
 * the target territory, the draw tool collects polygon vertices (Enter or double-click finishes,
 * Escape cancels). Every edit is one undo step through `actions.setTerritories` and an event.
 */
export class TerritoryDrawing implements ReactiveController {
  private drawer: PolygonDraw | null = null;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: TerritoryDrawingOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: TerritoryDrawingOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.drawer = null;
  }

  /** Binds the polygon tool to a new map. */
  attach(map: L.Map, renderer: L.Renderer): void {
    this.drawer = new PolygonDraw(map, { renderer, onFinish: (v) => this.commit(v), onChange: (n) => this.options.onVertices(n) });
  }

  add(latlng: L.LatLng): void {
    this.drawer?.add(latlng);
  }

  finish(): void {
    this.drawer?.finish();
  }

  cancel(): void {
    this.drawer?.cancel();
  }

  /** Adds or removes the region under a position to / from the target territory (a new one when none is targeted). */
  paintAt(latlng: L.LatLng): RegionPaintDetail | null {
    const o = this.options;
    const level = o.paintLevel() === 'county' ? 'county' : 'state';
    const actions = o.actions();
    const state = o.state();
    if (!o.editable() || !actions || !state) return null;
    const features = o.regions(level);
    if (!features) {
      o.notice(msg('Loading regions…'));
      o.load();
      return null;
    }
    const region = regionAt(features, latlng.lng, latlng.lat);
    if (!region) return null;
    let territories: Territory[];
    let territoryId = o.target();
    let added = true;
    if (territoryId && state.territories.some((t) => t.id === territoryId)) {
      ({ territories, added } = toggleRegion(state.territories, territoryId, region.id));
    } else {
      territoryId = newId();
      territories = [...state.territories, { id: territoryId, name: msg(str`Territory ${state.territories.length + 1}`), repIds: [], priority: 0, definition: { regions: [region.id] } }];
    }
    if (!actions.setTerritories(territories, added ? msg(str`Add ${region.properties.name}`) : msg(str`Remove ${region.properties.name}`))) return null;
    o.setTarget(territoryId);
    const detail: RegionPaintDetail = { territoryId, region: region.id, level, added };
    this.host.dispatchEvent(new TkRegionPaintEvent(detail));
    return detail;
  }

  private commit(vertices: [number, number][]): void {
    const o = this.options;
    const actions = o.actions();
    const state = o.state();
    if (!o.editable() || !actions || !state) return;
    const existing = o.target() && state.territories.some((t) => t.id === o.target());
    const target = existing ? o.target() : { id: newId(), name: msg(str`Territory ${state.territories.length + 1}`) };
    const result = addPolygon(state.territories, vertices, target);
    if (!actions.setTerritories(result.territories, result.created ? msg('Draw territory') : msg('Add polygon to territory'))) return;
    o.setTarget(result.territoryId);
    const detail: TerritoryDrawnDetail = { territoryId: result.territoryId, created: result.created, geometry: result.geometry };
    this.host.dispatchEvent(new TkTerritoryDrawnEvent(detail));
  }
}
