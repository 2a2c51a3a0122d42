/** Private helpers for the balance metrics of PRODUCT.md "Metrics" (not re-exported). */

import type { BalanceStats } from '../types.js';

/**
 * Slack added to the tolerance when a deviation is compared with it, so that a value exactly at the
 * bound is not flagged because of floating-point rounding. Shared by evaluatePlan and comparePlans so
 * that "within tolerance" and the disruption lower bound agree.
 */
export const TOLERANCE_EPSILON = 1e-9;

/**
 * Max deviation, coefficient of variation and Gini of the ratios a(S_j)/target_j of the active reps.
 * A rep whose target is 0 (nothing to share) counts as ratio 1 when it holds nothing, and as
 * +Infinity otherwise. An empty list gives all zeros.
 */
export function ratioStats(ratios: Float64Array): Omit<BalanceStats, 'lowerBound'> {
  const k = ratios.length;
  if (k === 0) return { maxDeviation: 0, cv: 0, gini: 0 };
  let maxDeviation = 0;
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const r = ratios[j];
    const d = Math.abs(r - 1);
    if (d > maxDeviation) maxDeviation = d;
    sum += r;
  }
  if (!Number.isFinite(sum)) return { maxDeviation, cv: Infinity, gini: Infinity };
  const mean = sum / k;
  let sq = 0;
  for (let j = 0; j < k; j++) sq += (ratios[j] - mean) ** 2;
  const cv = mean > 0 ? Math.sqrt(sq / k) / mean : 0;
  // Gini with values sorted ascending: Σ (2i − k − 1)·x_i / (k·Σx), i = 1..k.
  const sorted = Float64Array.from(ratios).sort();
  let weighted = 0;
  for (let i = 0; i < k; i++) weighted += (2 * (i + 1) - k - 1) * sorted[i];
  const gini = sum > 0 ? Math.max(0, weighted / (k * sum)) : 0;
  return { maxDeviation, cv, gini };
}

/**
 * Rearranges `values` in place so that values[m] is the (m+1)-th largest, everything before it is
 * ≥ it and everything after it is ≤ it (Hoare quickselect, median of three, expected O(n)).
 */
export function selectDescending(values: Float64Array, m: number): void {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as the pivot
    const a = values[lo];
    const b = values[mid];
    const c = values[hi];
    const pivot = a > b ? (b > c ? b : a > c ? c : a) : a > c ? a : b > c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (m <= j) hi = j;
    else if (m >= i) lo = i;
    else return;
  }
}

/**
 * Balance lower bound for one attribute, as an overshoot L/mean − 1 (PRODUCT.md, P‖Cmax style).
 *
 * Equal capacities: L = max(mean, largest a_i, a_(k) + a_(k+1)) with a sorted descending and k the
 * number of active reps. Unequal capacities: the same three quantities, each divided by the largest
 * target instead of the mean (the largest account, and the two accounts among the k + 1 largest that
 * must share a rep, are best placed with the biggest rep); with equal capacities this is exactly the
 * formula above. Never negative; 0 when there is nothing to share or no active rep.
 *
 * @param values the attribute of every account (consumed: reordered in place)
 * @param total Σ values
 * @param k number of active reps
 * @param maxShare largest c_j / Σc over active reps (1/k for equal capacities)
 */
export function balanceLowerBound(values: Float64Array, total: number, k: number, maxShare: number): number {
  const n = values.length;
  if (k === 0 || n === 0 || !(total > 0)) return 0;
  const maxTarget = maxShare * total;
  let largest = 0;
  for (let i = 0; i < n; i++) if (values[i] > largest) largest = values[i];
  let pair = 0;
  if (n > k) {
    selectDescending(values, k);
    let kth = Infinity;
    for (let i = 0; i < k; i++) if (values[i] < kth) kth = values[i];
    pair = kth + values[k];
  }
  return Math.max(0, Math.max(largest, pair) / maxTarget - 1);
}
