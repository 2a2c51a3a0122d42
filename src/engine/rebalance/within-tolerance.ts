import type { RebalanceState } from './state.js';

/**
 * A check for the last passes (nearer-receivers.ts, compact-tidy.ts), which may use the room between
 * the search's band (the tolerance less ¼ point) and the user's tolerance: whether rep j, after adding
 * account `plus` and removing account `minus` (−1: none), is within the tolerance less a hair
 * (min(0.05 point, 2% of it)) on every metric. A rep whose band is wider than the tolerance (a proven
 * limit: large or locked accounts) never passes — it is left to the objective.
 *
 * @param s the state
 * @param tolerance the user's tolerance
 * @param noWorse the weaker check instead: no metric ends beyond the tolerance (less the hair) unless it
 *   was already, and then no further off; reps with a band wider than the tolerance always pass
 * @returns the check (j, plus, minus) → boolean
 *
 * @example
 * const fine = withinTolerance(s, 0.05);
 * if (fine(c, i, -1) && fine(j, -1, i)) applyMove(s, i, c);
 */
export function withinTolerance(s: RebalanceState, tolerance: number, noWorse = false): (j: number, plus: number, minus: number) => boolean {
  const slack = tolerance - Math.min(0.0005, tolerance * 0.02);
  const k = s.k;
  return (j, plus, minus) => {
    for (let m = 0; m < k; m++) {
      const l = s.load[j * k + m] / s.cap[j] - 1;
      if (s.band[j * k + m] > tolerance) {
        if (noWorse) continue;
        return false;
      }
      const v = s.load[j * k + m] + (plus >= 0 ? s.val[plus * k + m] : 0) - (minus >= 0 ? s.val[minus * k + m] : 0);
      if (Math.abs(v / s.cap[j] - 1) > (noWorse ? Math.max(slack, Math.abs(l)) : slack)) return false;
    }
    return true;
  };
}
