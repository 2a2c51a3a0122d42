import type { L } from '../leaflet.js';
import { CanvasLayer } from './canvas-layer.js';
import { toMercator } from '../controllers/mercator.js';

/** One proposed move to draw: the account's position and the colours of its current and proposed rep. */
export interface PreviewMove {
  /** Account position in the map's index. */
  position: number;
  /** Web Mercator x, y in [0, 1]. */
  mx: number;
  my: number;
  from: string;
  to: string;
  /** The proposed rep's home (Web Mercator), when known: a line is drawn to it. */
  home: [number, number] | null;
}

const TAU = Math.PI * 2;

/**
 * The rebalance preview on the map: each account that would move is marked by a ring in its proposed
 * rep's colour around a dot in its current rep's colour, with a thin line towards the proposed rep's
 * home — so long hand-overs stand out. Drawn above the clusters, so moves show at every zoom.
 */
export class PreviewLayer extends CanvasLayer {
  private moves: readonly PreviewMove[] = [];
  /** Canvas positions of the markers drawn last (x, y, move index), for hit tests. */
  private drawn: number[] = [];
  /** Markers drawn at the last draw. */
  shown = 0;

  setMoves(moves: readonly PreviewMove[]): void {
    this.moves = moves;
    this.redraw();
  }

  protected override draw(ctx: CanvasRenderingContext2D, map: L.Map): void {
    this.drawn = [];
    this.shown = 0;
    if (!this.moves.length) return;
    const scale = 256 * Math.pow(2, map.getZoom());
    const origin = map.getPixelOrigin();
    const ox = origin.x + this.topLeft.x;
    const oy = origin.y + this.topLeft.y;
    const inView: number[] = [];
    this.moves.forEach((m, k) => {
      const x = m.mx * scale - ox;
      const y = m.my * scale - oy;
      if (x >= -8 && y >= -8 && x <= this.width + 8 && y <= this.height + 8) inView.push(k);
    });
    // Lines first (under the markers), translucent.
    ctx.lineWidth = 1.25;
    ctx.globalAlpha = 0.55;
    for (const k of inView) {
      const m = this.moves[k];
      if (!m.home) continue;
      ctx.beginPath();
      ctx.moveTo(m.mx * scale - ox, m.my * scale - oy);
      ctx.lineTo(m.home[0] * scale - ox, m.home[1] * scale - oy);
      ctx.strokeStyle = m.to;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    for (const k of inView) {
      const m = this.moves[k];
      const x = m.mx * scale - ox;
      const y = m.my * scale - oy;
      ctx.beginPath();
      ctx.arc(x, y, 7, 0, TAU);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.lineWidth = 3.5;
      ctx.strokeStyle = m.to;
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(x, y, 3.2, 0, TAU);
      ctx.fillStyle = m.from;
      ctx.fill();
      this.drawn.push(x, y, k);
    }
    this.shown = inView.length;
  }

  /** The move whose marker is under a container point (within 9 px), or null. */
  hitTest(p: L.Point): PreviewMove | null {
    if (!this._map || !this.drawn.length) return null;
    const c = this._map.containerPointToLayerPoint(p).subtract(this.topLeft);
    let best: PreviewMove | null = null;
    let bestD = 9;
    for (let k = 0; k < this.drawn.length; k += 3) {
      const d = Math.hypot(this.drawn[k] - c.x, this.drawn[k + 1] - c.y);
      if (d <= bestD) (bestD = d), (best = this.moves[this.drawn[k + 2]]);
    }
    return best;
  }
}

/** Web Mercator of a rep's home, or null. */
export function homeOf(home: { lat: number; lng: number } | null | undefined): [number, number] | null {
  return home ? toMercator(home.lng, home.lat) : null;
}
