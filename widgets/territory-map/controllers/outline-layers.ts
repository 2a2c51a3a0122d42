import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { L } from '../leaflet.js';
import { same } from '../../shared/same.js';
import type { Territory } from '../../../src/model/territory.js';
import type { Account } from '../../../src/model/account.js';
import type { Rep } from '../../../src/model/rep.js';
import type { AccountIndex } from './account-index.js';
import { colorsFor, UNASSIGNED_COLOR } from './colors.js';
import { convexHull } from './convex-hull.js';
import type { RegionPaint } from './region-controller.js';

/**
 * Vector outlines on the territories pane: each territory's drawn geometry (shaded like its regions)
 * and, when asked, a dashed convex hull around each rep's accounts.
 */
export class OutlineLayers implements ReactiveController {
  private territories: L.LayerGroup | null = null;
  private hulls: L.LayerGroup | null = null;
  private renderer: L.Renderer | null = null;
  private territoryKey: unknown[] = [];
  private hullKey: unknown[] = [];

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.territories = this.hulls = this.renderer = null;
    this.territoryKey = [];
    this.hullKey = [];
  }

  attach(map: L.Map, renderer: L.Renderer): void {
    this.renderer = renderer;
    this.territories = L.layerGroup().addTo(map);
    this.hulls = L.layerGroup().addTo(map);
  }

  /** Draws each territory's geometry in its paint (territory or owner colour, faded outside the focus). */
  syncTerritories(territories: readonly Territory[], paintOf: (t: Territory) => RegionPaint): void {
    const paints = territories.map(paintOf);
    const key = [territories, ...paints.map((p) => `${p.color}${p.faded}`)];
    if (!this.territories || same(key, this.territoryKey)) return;
    this.territoryKey = key;
    this.territories.clearLayers();
    territories.forEach((t, k) => {
      const g = t.definition?.geometry;
      if (!g) return;
      const { color, faded } = paints[k];
      const rings = (polygon: readonly (readonly number[])[][]) => polygon.map((ring) => ring.map(([lng, lat]): L.LatLngTuple => [lat, lng]));
      const latlngs = g.type === 'Polygon' ? rings(g.coordinates) : g.coordinates.map(rings);
      L.polygon(latlngs, { renderer: this.renderer!, interactive: false, color, weight: 2, opacity: faded ? 0.3 : 1, fillColor: color, fillOpacity: faded ? 0.04 : 0.14 }).addTo(this.territories!);
    });
  }

  /** Dashed convex hulls of each rep's accounts (cleared when `on` is false). */
  syncHulls(on: boolean, ix: AccountIndex, repOf: (a: Account) => string | null, working: unknown, reps: readonly Rep[]): void {
    const key = [on, ix, working, reps];
    if (!this.hulls || same(key, this.hullKey)) return;
    this.hullKey = key;
    this.hulls.clearLayers();
    if (!on) return;
    const byRep = new Map<string, number[]>();
    ix.accounts.forEach((a, i) => {
      const rep = repOf(a);
      if (rep === null) return;
      let list = byRep.get(rep);
      if (!list) byRep.set(rep, (list = []));
      list.push(i);
    });
    const colors = colorsFor(reps.map((r) => r.id));
    for (const [rep, positions] of byRep) {
      const hull = convexHull(ix.lng, ix.lat, positions);
      if (hull.length < 3) continue;
      L.polygon(
        hull.map(([lng, lat]) => [lat, lng] as L.LatLngTuple),
        { renderer: this.renderer!, interactive: false, color: colors.get(rep) ?? UNASSIGNED_COLOR, weight: 2, dashArray: '6 4', fillOpacity: 0.04 },
      ).addTo(this.hulls);
    }
  }
}
