import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { L } from '../leaflet.js';
import type { AccountIndex } from './account-index.js';
import type { Coloring } from './coloring.js';

/**
 * Fits the view to the focused rep's or territory's accounts whenever the focus changes (the
 * colouring fades everyone else). Clearing the focus leaves the view where it is.
 */
export class MapFocus implements ReactiveController {
  private key: unknown[] = [null, null, null];
  private readonly map: () => L.Map | null;

  constructor(host: ReactiveControllerHost, options: { map(): L.Map | null }) {
    this.map = options.map;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.key = [null, null, null];
  }

  /** Fits to the accounts inside the focus when the focus (or the index) changed; returns whether it did. */
  sync(focusRepId: string | null, focusTerritoryId: string | null, ix: AccountIndex, coloring: Coloring): boolean {
    const map = this.map();
    if (!map || (this.key[0] === focusRepId && this.key[1] === focusTerritoryId && this.key[2] === ix)) return false;
    this.key = [focusRepId, focusTerritoryId, ix];
    if (focusRepId === null && focusTerritoryId === null) return false;
    const full = coloring.colors.length / 2;
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (let i = 0; i < ix.accounts.length; i++) {
      if (coloring.colorOf[i] >= full) continue;
      w = Math.min(w, ix.lng[i]);
      e = Math.max(e, ix.lng[i]);
      s = Math.min(s, ix.lat[i]);
      n = Math.max(n, ix.lat[i]);
    }
    if (w > e || map.getSize().x === 0) return false;
    map.fitBounds([[s, w], [n, e]], { padding: [24, 24], maxZoom: 11, animate: false });
    return true;
  }
}
