import type Supercluster from 'supercluster';
import type { L } from '../leaflet.js';
import { CanvasLayer } from './canvas-layer.js';
import { accountsIn, type AccountIndex, type ClusterProps } from '../controllers/account-index.js';
import { toMercator } from '../controllers/mercator.js';
import { drawClusterMarks, type ClusterLook, type ClusterMark } from './cluster-marks.js';

/** Everything the account layer draws from; replaced as a whole when the plan changes. */
export interface AccountLayerData {
  ix: AccountIndex;
  /** Colour slot per account position (index into `colors`). */
  colorOf: Uint16Array;
  colors: readonly string[];
  /** 1 where the account is selected. */
  selected: Uint8Array;
  selectedCount: number;
  /**
   * Clusters to draw at zooms ≤ `clusterMaxZoom`; `pending` while the supercluster index is being built
   * (a screen-grid aggregation stands in); null draws every account.
   */
  clusters: Supercluster<ClusterProps, ClusterProps> | 'pending' | null;
  clusterMaxZoom: number;
  /** What cluster circle size shows. */
  clusterBy: 'count' | 'potential';
  /** Cluster centre and label colours (from the theme). */
  look: ClusterLook;
  /** Index position of the record page's account (`focus-account`), drawn as a pin over everything; -1: none. */
  focus: number;
}

/** What is under a point of the map (`clusterId` -1 for a stand-in grid cell). */
export type AccountHit =
  | { kind: 'account'; position: number }
  | { kind: 'cluster'; clusterId: number; count: number };

/** Grid cell size (px) of the stand-in aggregation. */
const GRID = 64;

/** What the last draw showed (for tests, benchmarks and the status line). */
export interface AccountDrawStats {
  /** `grid` is the stand-in aggregation drawn until the supercluster index is ready. */
  mode: 'points' | 'clusters' | 'grid';
  points: number;
  clusters: number;
  ms: number;
}

const TAU = Math.PI * 2;
const SELECTED_STROKE = '#111';

const clusterRadius = (by: 'count' | 'potential', count: number, potential: number) =>
  Math.min(28, by === 'potential' ? 8 + 2.2 * Math.log10(1 + potential) : 8 + 2.4 * Math.log2(count));

/**
 * Accounts on one canvas: supercluster clusters when zoomed out, individual points coloured by rep or
 * territory when zoomed in, selected accounts ringed. Points are batched by colour into one path each,
 * so a redraw costs one fill per colour rather than one per account.
 */
export class AccountLayer extends CanvasLayer {
  private data: AccountLayerData | null = null;
  /** Drawn items (canvas coordinates) for hit testing in cluster mode: x, y, r, id, count (count 0: id is an account position). */
  private drawn: number[] = [];
  stats: AccountDrawStats = { mode: 'points', points: 0, clusters: 0, ms: 0 };
  /** The cluster marks of the last draw (position, radius, accounts per colour slot), for tests. */
  marks: ClusterMark[] = [];
  /** Leaf positions per supercluster cluster id (clusters partition the accounts at each zoom). */
  private leaves = new Map<number, Uint32Array>();
  private leavesOf: unknown = null;

  setData(data: AccountLayerData): void {
    this.data = data;
    this.redraw();
  }

  /** The account positions under a supercluster cluster (cached per index). */
  private leavesFor(sc: Supercluster<ClusterProps, ClusterProps>, id: number): Uint32Array {
    if (this.leavesOf !== sc) {
      this.leavesOf = sc;
      this.leaves.clear();
    }
    let out = this.leaves.get(id);
    if (!out) {
      const feats = sc.getLeaves(id, Infinity);
      out = new Uint32Array(feats.length);
      for (let k = 0; k < feats.length; k++) out[k] = feats[k].properties.i!;
      this.leaves.set(id, out);
    }
    return out;
  }

  /** Whether the layer currently shows clusters. */
  clustering(): boolean {
    const d = this.data;
    return !!d?.clusters && !!this._map && this._map.getZoom() <= d.clusterMaxZoom;
  }

  protected override draw(ctx: CanvasRenderingContext2D, map: L.Map): void {
    const started = performance.now();
    this.drawn = [];
    this.marks = [];
    const d = this.data;
    if (!d || !d.ix.accounts.length) {
      this.stats = { mode: 'points', points: 0, clusters: 0, ms: 0 };
      return;
    }
    const z = map.getZoom();
    const scale = 256 * Math.pow(2, z);
    const origin = map.getPixelOrigin();
    const ox = origin.x + this.topLeft.x;
    const oy = origin.y + this.topLeft.y;
    const box = this.canvasBox();
    let points = 0;
    let clusters = 0;
    const r = z <= 5 ? 2.5 : z <= 9 ? 3.5 : 5;
    if (this.clustering() && d.clusters === 'pending') {
      const singles = this.drawGrid(ctx, d, scale, ox, oy, r);
      this.stats = { mode: 'grid', points: singles.length, clusters: this.marks.length, ms: performance.now() - started };
      if (d.selectedCount) this.drawSelection(ctx, d, singles, scale, ox, oy, r);
      this.pin(ctx, d, scale, ox, oy);
      return;
    }
    let shown: number[];
    if (this.clustering()) {
      const sc = d.clusters as Supercluster<ClusterProps, ClusterProps>;
      const feats = sc.getClusters(box, Math.floor(z));
      const singles: number[] = [];
      const slotCount = d.colors.length;
      for (const f of feats) {
        const p = f.properties as ClusterProps & { point_count?: number };
        if (p.cluster) {
          const [wx, wy] = toMercator(f.geometry.coordinates[0], f.geometry.coordinates[1]);
          const x = wx * scale - ox;
          const y = wy * scale - oy;
          const count = p.point_count ?? 0;
          const rad = clusterRadius(d.clusterBy, count, p.potential ?? 0);
          const slots = new Uint32Array(slotCount);
          let sel = 0;
          const leaves = this.leavesFor(sc, p.cluster_id ?? 0);
          for (const i of leaves) {
            slots[d.colorOf[i]]++;
            sel += d.selected[i];
          }
          this.marks.push({ x, y, r: rad, count, slots, sel, leaves });
          this.drawn.push(x, y, rad, p.cluster_id ?? 0, count);
          clusters++;
        } else if (p.i !== undefined) {
          singles.push(p.i);
        }
      }
      drawClusterMarks(ctx, this.marks, d.colors, d.look);
      points = this.drawPoints(ctx, d, (shown = singles), scale, ox, oy, r, true);
    } else {
      // A linear pass over the typed arrays beats a range query when most accounts are in view.
      const inView: number[] = [];
      const { mx, my } = d.ix;
      const pad = r + 2;
      for (let i = 0, n = mx.length; i < n; i++) {
        const x = mx[i] * scale - ox;
        const y = my[i] * scale - oy;
        if (x >= -pad && y >= -pad && x <= this.width + pad && y <= this.height + pad) inView.push(i);
      }
      points = this.drawPoints(ctx, d, (shown = inView), scale, ox, oy, r, false);
    }
    if (d.selectedCount) this.drawSelection(ctx, d, shown, scale, ox, oy, r);
    this.pin(ctx, d, scale, ox, oy);
    this.stats = { mode: this.clustering() ? 'clusters' : 'points', points, clusters, ms: performance.now() - started };
  }

  /**
   * Stand-in aggregation while supercluster builds: one linear pass over the typed arrays, binning
   * accounts into GRID-pixel cells; a cell with several accounts is drawn as a cluster at their mean.
   * Returns the accounts drawn as points.
   */
  private drawGrid(ctx: CanvasRenderingContext2D, d: AccountLayerData, scale: number, ox: number, oy: number, r: number): number[] {
    const { mx, my } = d.ix;
    const cols = Math.ceil(this.width / GRID);
    const rows = Math.ceil(this.height / GRID);
    const count = new Uint32Array(cols * rows);
    const sx = new Float64Array(cols * rows);
    const sy = new Float64Array(cols * rows);
    const last = new Int32Array(cols * rows);
    const slotCount = d.colors.length;
    const slots = new Uint32Array(cols * rows * slotCount);
    const w = this.width;
    const h = this.height;
    for (let i = 0, n = mx.length; i < n; i++) {
      const x = mx[i] * scale - ox;
      const y = my[i] * scale - oy;
      if (x < 0 || y < 0 || x >= w || y >= h) continue;
      const c = ((y / GRID) | 0) * cols + ((x / GRID) | 0);
      count[c]++;
      slots[c * slotCount + d.colorOf[i]]++;
      sx[c] += x;
      sy[c] += y;
      last[c] = i;
    }
    const singles: number[] = [];
    for (let c = 0; c < count.length; c++) {
      const k = count[c];
      if (!k) continue;
      if (k === 1) {
        singles.push(last[c]);
        continue;
      }
      const x = sx[c] / k;
      const y = sy[c] / k;
      const rad = clusterRadius('count', k, 0);
      this.marks.push({ x, y, r: rad, count: k, slots: slots.subarray(c * slotCount, (c + 1) * slotCount) });
      this.drawn.push(x, y, rad, -1, k);
    }
    drawClusterMarks(ctx, this.marks, d.colors, d.look);
    this.drawPoints(ctx, d, singles, scale, ox, oy, r, true);
    return singles;
  }

  private drawPoints(
    ctx: CanvasRenderingContext2D,
    d: AccountLayerData,
    positions: readonly number[],
    scale: number,
    ox: number,
    oy: number,
    r: number,
    remember: boolean,
  ): number {
    const { mx, my } = d.ix;
    const k = d.colors.length;
    // Counting sort by colour so each colour is one path and one fill.
    const counts = new Uint32Array(k + 1);
    for (const i of positions) counts[d.colorOf[i] + 1]++;
    for (let c = 1; c <= k; c++) counts[c] += counts[c - 1];
    const sorted = new Uint32Array(positions.length);
    const next = counts.slice(0, k);
    for (const i of positions) sorted[next[d.colorOf[i]]++] = i;
    const dense = positions.length > 8000;
    const rr = dense ? Math.max(1.5, r - 1) : r;
    for (let c = 0; c < k; c++) {
      const from = counts[c];
      const to = counts[c + 1];
      if (from === to) continue;
      ctx.beginPath();
      for (let s = from; s < to; s++) {
        const i = sorted[s];
        const x = mx[i] * scale - ox;
        const y = my[i] * scale - oy;
        if (dense) ctx.rect(x - rr, y - rr, 2 * rr, 2 * rr);
        else {
          ctx.moveTo(x + rr, y);
          ctx.arc(x, y, rr, 0, TAU);
        }
        if (remember) this.drawn.push(x, y, rr + 2, i, 0);
      }
      ctx.fillStyle = d.colors[c];
      ctx.fill();
      if (!dense) {
        ctx.lineWidth = 0.75;
        ctx.strokeStyle = 'rgba(255,255,255,0.9)';
        ctx.stroke();
      }
    }
    return positions.length;
  }

  /**
   * Selected points get a ring; a cluster holding selected accounts gets an outer arc for the share
   * selected (a ring per account would cover the cluster's count). The stand-in grid's cells get none.
   */
  private drawSelection(ctx: CanvasRenderingContext2D, d: AccountLayerData, positions: readonly number[], scale: number, ox: number, oy: number, r: number): void {
    ctx.beginPath();
    for (const i of positions) {
      if (!d.selected[i]) continue;
      const x = d.ix.mx[i] * scale - ox;
      const y = d.ix.my[i] * scale - oy;
      ctx.moveTo(x + r + 2, y);
      ctx.arc(x, y, r + 2, 0, TAU);
    }
    for (const m of this.marks) {
      if (!m.sel) continue;
      ctx.moveTo(m.x, m.y - m.r - 3);
      ctx.arc(m.x, m.y, m.r + 3, -TAU / 4, TAU * (m.sel / m.count - 0.25));
    }
    ctx.lineWidth = 2;
    ctx.strokeStyle = SELECTED_STROKE;
    ctx.stroke();
  }

  /** The focus account's pin: a ring 21 px above the point on a short stem (clear of a cluster's count), in the text colour on a surface halo that fills it. */
  private pin(ctx: CanvasRenderingContext2D, d: AccountLayerData, scale: number, ox: number, oy: number): void {
    const i = d.focus;
    if (i < 0) return;
    const x = d.ix.mx[i] * scale - ox;
    const y = d.ix.my[i] * scale - oy;
    ctx.beginPath();
    // The stem, then the ring from its bottom (the path joins them).
    ctx.moveTo(x, y - 9);
    ctx.arc(x, y - 21, 5, TAU / 4, TAU * 1.25);
    for (const [w, c] of [[7, d.look.centre], [2, d.look.text]] as const) {
      ctx.lineWidth = w;
      ctx.strokeStyle = c;
      ctx.stroke();
    }
  }

  /**
   * What is drawn under a container point (the nearest cluster or account within a few pixels).
   * @param p container point
   * @param tolerance extra pixels around small points; default 4
   */
  hitTest(p: L.Point, tolerance = 4): AccountHit | null {
    const d = this.data;
    const map = this._map;
    if (!d || !map || !d.ix.accounts.length) return null;
    const c = this.containerToCanvas(p);
    if (this.clustering()) {
      let best: AccountHit | null = null;
      let bestD = Infinity;
      const a = this.drawn;
      for (let k = 0; k < a.length; k += 5) {
        const dist = Math.hypot(a[k] - c.x, a[k + 1] - c.y);
        const point = a[k + 4] === 0;
        const reach = a[k + 2] + (point ? tolerance : 0);
        if (dist <= reach && dist < bestD) {
          bestD = dist;
          best = point ? { kind: 'account', position: a[k + 3] } : { kind: 'cluster', clusterId: a[k + 3], count: a[k + 4] };
        }
      }
      return best;
    }
    const reach = 6 + tolerance;
    const nw = map.containerPointToLatLng(p.subtract([reach, reach]));
    const se = map.containerPointToLatLng(p.add([reach, reach]));
    const scale = 256 * Math.pow(2, map.getZoom());
    const origin = map.getPixelOrigin();
    const lp = map.containerPointToLayerPoint(p);
    let best = -1;
    let bestD = Infinity;
    for (const i of accountsIn(d.ix, [nw.lng, se.lat, se.lng, nw.lat])) {
      const dist = Math.hypot(d.ix.mx[i] * scale - origin.x - lp.x, d.ix.my[i] * scale - origin.y - lp.y);
      if (dist <= reach && dist < bestD) {
        bestD = dist;
        best = i;
      }
    }
    return best < 0 ? null : { kind: 'account', position: best };
  }
}
