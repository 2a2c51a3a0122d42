/**
 * Point in polygon on a flat coordinate array: crossing-number (ray casting) with an exact
 * orientation test from robust-predicates. Same per-edge rule and boundary handling as
 * point-in-polygon-hao (what @turf/boolean-point-in-polygon runs), without its per-call overhead:
 * Hao et al., "Optimal Reliable Point-in-Polygon Test and Differential Coding Boolean Operations on
 * Polygons", Symmetry 10(10), 2018. Edges are bucketed into horizontal bands, so a test visits only
 * the edges whose y-range can contain the point's y (the others contribute nothing to the count).
 * Used by resolveTerritories, and by the map's lasso and region picking (one point-in-polygon test in the bundle).
 */
import { orient2d } from 'robust-predicates';

/** A polygon flattened for the test. */
export interface FlatPolygon {
  /** x0, y0, x1, y1, … of every ring, each ring's closing position included. */
  xy: Float64Array;
  minY: number;
  /** Height of one band (> 0), and the number of bands. */
  bandHeight: number;
  bands: number;
  /** Edges of band b are `edges[bandStart[b] .. bandStart[b + 1])`, each the offset in `xy` of its first end. */
  bandStart: Uint32Array;
  edges: Uint32Array;
}

/** About this many edges per band. */
const EDGES_PER_BAND = 4;
const MAX_BANDS = 1024;

function bandOf(y: number, p: Pick<FlatPolygon, 'minY' | 'bandHeight' | 'bands'>): number {
  const b = Math.floor((y - p.minY) / p.bandHeight);
  return b < 0 ? 0 : b >= p.bands ? p.bands - 1 : b;
}

/** Flattens GeoJSON Polygon coordinates (closed rings) and bands its edges. */
export function flattenPolygon(coordinates: readonly (readonly (readonly number[])[])[]): FlatPolygon {
  let n = 0;
  for (const ring of coordinates) n += ring.length;
  const xy = new Float64Array(n * 2);
  const starts = new Uint32Array(Math.max(0, n - coordinates.length)); // offset of each edge's first end
  let edgeCount = 0;
  let k = 0;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const ring of coordinates) {
    const first = k;
    for (const p of ring) {
      const y = p[1];
      xy[k++] = p[0];
      xy[k++] = y;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    for (let e = first; e + 2 < k; e += 2) starts[edgeCount++] = e;
  }
  const bands = Math.max(1, Math.min(MAX_BANDS, Math.floor(edgeCount / EDGES_PER_BAND)));
  const bandHeight = maxY > minY ? (maxY - minY) / bands : 1;
  const poly = { xy, minY, bandHeight, bands, bandStart: new Uint32Array(bands + 1), edges: new Uint32Array(0) };
  // Counting sort of edges into every band their y-range touches.
  const { bandStart } = poly;
  const lo = new Uint32Array(edgeCount);
  const hi = new Uint32Array(edgeCount);
  for (let i = 0; i < edgeCount; i++) {
    const y1 = xy[starts[i] + 1];
    const y2 = xy[starts[i] + 3];
    lo[i] = bandOf(y1 < y2 ? y1 : y2, poly);
    hi[i] = bandOf(y1 < y2 ? y2 : y1, poly);
    for (let b = lo[i]; b <= hi[i]; b++) bandStart[b + 1]++;
  }
  for (let b = 0; b < bands; b++) bandStart[b + 1] += bandStart[b];
  const fill = bandStart.slice(0, bands);
  const edges = new Uint32Array(bandStart[bands]);
  for (let i = 0; i < edgeCount; i++) for (let b = lo[i]; b <= hi[i]; b++) edges[fill[b]++] = starts[i];
  poly.edges = edges;
  return poly;
}

/**
 * True when (x, y) is inside the polygon or on any of its edges (outer ring or hole); false outside
 * or inside a hole.
 */
export function pointInRings(x: number, y: number, poly: FlatPolygon): boolean {
  const { xy, edges } = poly;
  const b = bandOf(y, poly);
  const end = poly.bandStart[b + 1];
  let crossings = 0;
  for (let i = poly.bandStart[b]; i < end; i++) {
    const k = edges[i];
    const u1 = xy[k] - x;
    const v1 = xy[k + 1] - y;
    const u2 = xy[k + 2] - x;
    const v2 = xy[k + 3] - y;
    if (v1 === 0 && v2 === 0) {
      if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
    } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
      const f = orient2d(u1, u2, v1, v2, 0, 0);
      if (f === 0) return true;
      if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) crossings++;
    }
  }
  return crossings % 2 === 1;
}
