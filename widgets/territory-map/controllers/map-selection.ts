import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { L } from '../leaflet.js';
import { flattenPolygon, pointInRings } from '../../../src/engine/resolve/point-in-rings.js';
import type { SelectMode } from '../../../src/store/types.js';
import { accountsIn, type AccountIndex } from './account-index.js';

export interface MapSelectionOptions {
  map(): L.Map | null;
  ix(): AccountIndex | null;
  /** Sends a selection to the store (`actions.select`). */
  select(ids: string[], mode: SelectMode): void;
}

/** How a pointer or key event's modifiers combine with the selection: shift adds, ctrl/cmd toggles. */
export function modeFor(e: { shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean }): SelectMode {
  return e.shiftKey ? 'add' : e.ctrlKey || e.metaKey ? 'toggle' : 'replace';
}

/**
 * The store's selection as the map draws it (one byte per index position), and the spatial ways to
 * change it: box, lasso and everything in view. Selections go to the store; the store's answer comes
 * back through `sync`.
 */
export class MapSelection implements ReactiveController {
  /** 1 where the account at that index position is selected. */
  selected = new Uint8Array(0);
  count = 0;
  private key: unknown[] = [];
  private readonly options: MapSelectionOptions;

  constructor(host: ReactiveControllerHost, options: MapSelectionOptions) {
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Rebuilds the bitmap when the index or the selection changed; returns whether it did. */
  sync(ix: AccountIndex, selection: readonly string[]): boolean {
    if (this.key[0] === ix && this.key[1] === selection) return false;
    this.key = [ix, selection];
    this.selected = new Uint8Array(ix.accounts.length);
    this.count = 0;
    for (const id of selection) {
      const i = ix.positionOf.get(id);
      if (i !== undefined && !this.selected[i]) {
        this.selected[i] = 1;
        this.count++;
      }
    }
    return true;
  }

  /** Selects the accounts inside the box between two container points. */
  box(a: L.Point, b: L.Point, mode: SelectMode = 'replace'): string[] {
    const map = this.options.map();
    const ix = this.options.ix();
    if (!map || !ix) return [];
    const p = map.containerPointToLatLng(L.point(Math.min(a.x, b.x), Math.min(a.y, b.y)));
    const q = map.containerPointToLatLng(L.point(Math.max(a.x, b.x), Math.max(a.y, b.y)));
    const ids = accountsIn(ix, [p.lng, q.lat, q.lng, p.lat], true).map((i) => ix.accounts[i].id);
    this.options.select(ids, mode);
    return ids;
  }

  /** Selects the accounts inside the polygon through these container points (bbox query, then point in polygon). */
  lasso(points: readonly L.Point[], mode: SelectMode = 'replace'): string[] {
    const map = this.options.map();
    const ix = this.options.ix();
    if (!map || !ix || points.length < 3) return [];
    const ring = points.map((p) => {
      const ll = map.containerPointToLatLng(p);
      return [ll.lng, ll.lat];
    });
    ring.push(ring[0]);
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (const [x, y] of ring) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
    const polygon = flattenPolygon([ring]);
    const ids = accountsIn(ix, [w, s, e, n], true)
      .filter((i) => pointInRings(ix.lng[i], ix.lat[i], polygon))
      .map((i) => ix.accounts[i].id);
    this.options.select(ids, mode);
    return ids;
  }

  /** Adds every account in view (not just the listed ones) to the selection. */
  allInView(): void {
    const map = this.options.map();
    const ix = this.options.ix();
    if (!map || !ix) return;
    const b = map.getBounds();
    this.options.select(accountsIn(ix, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], true).map((i) => ix.accounts[i].id), 'add');
  }
}
