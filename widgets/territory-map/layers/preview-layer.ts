import type { L } from '../leaflet.js';
import { CanvasLayer } from './canvas-layer.js';
import { toMercator } from '../controllers/mercator.js';
import type { ClusterMark } from './cluster-marks.js';

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

/** A cluster's moves, drawn as one badge on the cluster's rim (for tests: canvas position, cluster centre and radius, moves). */
export interface PreviewBadge {
  x: number;
  y: number;
  cx: number;
  cy: number;
  r: number;
  count: number;
}

/** The marker: a ring in the proposed rep's colour around a dot in the current rep's colour. */
function marker(ctx: CanvasRenderingContext2D, x: number, y: number, from: string, to: string): void {
  ctx.beginPath();
  ctx.arc(x, y, 7, 0, TAU);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.lineWidth = 3.5;
  ctx.strokeStyle = to;
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(x, y, 3.2, 0, TAU);
  ctx.fillStyle = from;
  ctx.fill();
}

/** The most frequent value (first seen on a tie). */
function most(values: readonly string[]): string {
  const n = new Map<string, number>();
  let best = values[0];
  for (const v of values) {
    const c = (n.get(v) ?? 0) + 1;
    n.set(v, c);
    if (c > (n.get(best) ?? 0)) best = v;
  }
  return best;
}

/**
 * The rebalance preview on the map: each account that would move is marked by a ring in its proposed
 * rep's colour around a dot in its current rep's colour, with a thin line towards the proposed rep's
 * home — so long hand-overs stand out. Accounts inside a cluster are not marked one by one over the
 * cluster (that covered its count): the cluster gets one badge on its rim, top right — the marker of
 * its most common move and the number of its accounts that would move — with one line per receiving
 * rep's home. Drawn above the clusters, so moves show at every zoom.
 */
export class PreviewLayer extends CanvasLayer {
  private moves: readonly PreviewMove[] = [];
  /** Canvas positions of the markers drawn last (x, y, move index), for hit tests. */
  private drawn: number[] = [];
  /** Markers drawn at the last draw (single accounts, plus the moves badged on clusters). */
  shown = 0;
  /** The cluster badges of the last draw. */
  badges: PreviewBadge[] = [];
  /**
   * The account layer's cluster marks of its last draw (same pane offsets: both canvases cover the
   * view with the same padding and redraw on the same map events, the account layer first).
   */
  clusters: () => readonly ClusterMark[] = () => [];

  setMoves(moves: readonly PreviewMove[]): void {
    this.moves = moves;
    this.redraw();
  }

  protected override draw(ctx: CanvasRenderingContext2D, map: L.Map): void {
    this.drawn = [];
    this.badges = [];
    this.shown = 0;
    if (!this.moves.length) return;
    const scale = 256 * Math.pow(2, map.getZoom());
    const origin = map.getPixelOrigin();
    const ox = origin.x + this.topLeft.x;
    const oy = origin.y + this.topLeft.y;
    // Which cluster (if any) each moved account is drawn in.
    const marks = this.clusters();
    const want = new Set(this.moves.map((m) => m.position));
    const markOf = new Map<number, number>();
    marks.forEach((c, k) => {
      if (c.leaves) for (const i of c.leaves) if (want.has(i)) markOf.set(i, k);
    });
    const inView: number[] = [];
    const grouped = new Map<number, number[]>();
    this.moves.forEach((m, k) => {
      const c = markOf.get(m.position);
      if (c !== undefined) {
        const g = grouped.get(c);
        if (g) g.push(k);
        else grouped.set(c, [k]);
        return;
      }
      const x = m.mx * scale - ox;
      const y = m.my * scale - oy;
      if (x >= -8 && y >= -8 && x <= this.width + 8 && y <= this.height + 8) inView.push(k);
    });
    const line = (x: number, y: number, m: PreviewMove) => {
      if (!m.home) return;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(m.home[0] * scale - ox, m.home[1] * scale - oy);
      ctx.strokeStyle = m.to;
      ctx.stroke();
    };
    // Badges on the cluster rim (clear of the count in the centre): up right, or the first place round
    // the rim whose pill keeps off the other clusters' counts.
    const labels = marks.filter((m) => m.r >= 12);
    const clear = (x: number, y: number, w: number, self: ClusterMark) =>
      labels.every((m) => m === self || (Math.hypot(m.x - x, m.y - y) > 16 && Math.hypot(m.x - x - w, m.y - y) > 16));
    const badges: [PreviewBadge, PreviewMove[]][] = [];
    for (const [c, ks] of grouped) {
      const mark = marks[c];
      const w = ks.length > 1 ? 10 + 6 * String(ks.length).length : 0;
      let x = 0;
      let y = 0;
      for (const a of [-0.25, 0, -0.5, 0.25, -0.75, 0.5, 0.75, 1]) {
        x = mark.x + (mark.r + 3) * Math.cos(a * Math.PI);
        y = mark.y + (mark.r + 3) * Math.sin(a * Math.PI);
        if (clear(x, y, w, mark)) break;
        if (a === 1) (x = mark.x + (mark.r + 3) * Math.SQRT1_2), (y = mark.y - (mark.r + 3) * Math.SQRT1_2);
      }
      badges.push([{ x, y, cx: mark.x, cy: mark.y, r: mark.r, count: ks.length }, ks.map((k) => this.moves[k])]);
    }
    // Lines first (under the markers), translucent: one per receiving home from a badge.
    ctx.lineWidth = 1.25;
    ctx.globalAlpha = 0.55;
    for (const k of inView) line(this.moves[k].mx * scale - ox, this.moves[k].my * scale - oy, this.moves[k]);
    for (const [b, ms] of badges) {
      const homes = new Set<string>();
      for (const m of ms) if (m.home && !homes.has(String(m.home))) homes.add(String(m.home)), line(b.x, b.y, m);
    }
    ctx.globalAlpha = 1;
    for (const k of inView) {
      const m = this.moves[k];
      const x = m.mx * scale - ox;
      const y = m.my * scale - oy;
      marker(ctx, x, y, m.from, m.to);
      this.drawn.push(x, y, k);
    }
    ctx.font = '700 10px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    for (const [b, ms] of badges) {
      const to = most(ms.map((m) => m.to));
      if (b.count > 1) {
        // A white pill holding the marker and the number of moves.
        const label = String(b.count);
        const w = ctx.measureText(label).width;
        ctx.beginPath();
        ctx.roundRect(b.x - 9, b.y - 9, 18 + w + 4, 18, 9);
        ctx.fillStyle = '#ffffff';
        ctx.fill();
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = to;
        ctx.stroke();
        ctx.fillStyle = '#1f2328';
        ctx.fillText(label, b.x + 9, b.y + 0.5);
      }
      marker(ctx, b.x, b.y, most(ms.map((m) => m.from)), to);
      this.shown += ms.length;
    }
    this.badges = badges.map(([b]) => b);
    this.shown += inView.length;
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
