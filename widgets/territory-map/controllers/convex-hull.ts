/**
 * Convex hull of planar points by Andrew's monotone chain (A. M. Andrew, "Another efficient algorithm
 * for convex hulls in two dimensions", Information Processing Letters 9(5), 1979). O(n log n).
 * @param xs x coordinates (e.g. longitudes)
 * @param ys y coordinates (e.g. latitudes), same length as `xs`
 * @param indices which points to use; default all
 * @returns the hull's vertices counter-clockwise as `[x, y]` pairs, not closed; fewer than 3 points when
 *   the input is degenerate (0–2 distinct points or all collinear)
 * @example
 * convexHull([0, 1, 1, 0, 0.5], [0, 0, 1, 1, 0.5]); // [[0,0],[1,0],[1,1],[0,1]]
 */
export function convexHull(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  indices?: ArrayLike<number>,
): [number, number][] {
  const n = indices ? indices.length : xs.length;
  const order: number[] = new Array(n);
  for (let k = 0; k < n; k++) order[k] = indices ? indices[k] : k;
  order.sort((a, b) => xs[a] - xs[b] || ys[a] - ys[b]);
  const cross = (o: number, a: number, b: number) =>
    (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
  const lower: number[] = [];
  for (const p of order) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: number[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const p = order[k];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  const hull = n < 3 ? order : lower.concat(upper);
  const out: [number, number][] = [];
  for (const p of hull) {
    const last = out[out.length - 1];
    if (!last || last[0] !== xs[p] || last[1] !== ys[p]) out.push([xs[p], ys[p]]);
  }
  return out;
}
