/**
 * Keeps the `size` nearest candidates seen so far, nearest first: inserts candidate `j` at distance
 * `dj` into the sorted buffers `d` / `order`, which hold `count` entries, and returns the new count.
 * A candidate no nearer than the last of a full buffer is dropped; ties keep the earlier one first.
 *
 * @param d distances, ascending (length ≥ size)
 * @param order the candidates, in the same order as `d`
 * @param count entries in the buffers now (≤ size)
 * @param size how many to keep
 * @param dj the candidate's distance
 * @param j the candidate
 * @returns the number of entries after the insertion
 *
 * @example
 * let count = 0;
 * for (let j = 0; j < reps; j++) count = insertNearest(d, order, count, 12, distanceTo(j), j);
 */
export function insertNearest(d: Float64Array, order: Int32Array, count: number, size: number, dj: number, j: number): number {
  if (count === size && dj >= d[size - 1]) return count;
  let at = count < size ? count++ : size - 1;
  while (at > 0 && d[at - 1] > dj) {
    d[at] = d[at - 1];
    order[at] = order[at - 1];
    at--;
  }
  d[at] = dj;
  order[at] = j;
  return count;
}
