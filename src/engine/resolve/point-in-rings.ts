/**
 * Point in polygon on a flat coordinate array: crossing-number (ray casting) with an exact
 * orientation test from robust-predicates. Same algorithm and boundary rules as
 * point-in-polygon-hao (what @turf/boolean-point-in-polygon runs), without its per-call overhead:
 * Hao et al., "Optimal Reliable Point-in-Polygon Test and Differential Coding Boolean Operations on
 * Polygons", Symmetry 10(10), 2018. Private to resolveTerritories.
 */
import { orient2d } from 'robust-predicates';

/** A polygon flattened for the test: `xy` holds x0, y0, x1, y1, … of every ring, closing position included. */
export interface FlatPolygon {
  xy: Float64Array;
  /** Start of each ring in `xy` (in numbers, i.e. 2 × position index), plus the end. */
  rings: Uint32Array;
}

/** Flattens GeoJSON Polygon coordinates (closed rings). */
export function flattenPolygon(coordinates: readonly (readonly (readonly number[])[])[]): FlatPolygon {
  let n = 0;
  for (const ring of coordinates) n += ring.length;
  const xy = new Float64Array(n * 2);
  const rings = new Uint32Array(coordinates.length + 1);
  let k = 0;
  coordinates.forEach((ring, r) => {
    rings[r] = k;
    for (const p of ring) {
      xy[k++] = p[0];
      xy[k++] = p[1];
    }
  });
  rings[coordinates.length] = k;
  return { xy, rings };
}

/**
 * True when (x, y) is inside the polygon or on any of its edges (outer ring or hole); false outside
 * or inside a hole.
 */
export function pointInRings(x: number, y: number, poly: FlatPolygon): boolean {
  const { xy, rings } = poly;
  let crossings = 0;
  for (let r = 0; r + 1 < rings.length; r++) {
    const end = rings[r + 1] - 2; // last position repeats the first
    let k = rings[r];
    let u1 = xy[k] - x;
    let v1 = xy[k + 1] - y;
    for (; k < end; k += 2) {
      const u2 = xy[k + 2] - x;
      const v2 = xy[k + 3] - y;
      if (v1 === 0 && v2 === 0) {
        if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
      } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
        const f = orient2d(u1, u2, v1, v2, 0, 0);
        if (f === 0) return true;
        if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) crossings++;
      }
      u1 = u2;
      v1 = v2;
    }
  }
  return crossings % 2 === 1;
}
