import { applyMove, baseDistance, distanceCost, budgetAllowsSwap, distance, EPS, penalty, penaltySwap, violation, withinReach } from './objective.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';

/** Accounts per side considered for a swap between two reps. */
const POOL = 32;

/**
 * The `size` accounts with the best `score`, best first (ties to the lower account index): one pass
 * that keeps the best so far in order, instead of sorting every account.
 */
function top(accounts: number[], score: (i: number) => number, size: number): number[] {
  const best = new Float64Array(size);
  const which = new Int32Array(size);
  let count = 0;
  for (const i of accounts) {
    const v = score(i);
    if (count === size && !(v > best[size - 1] || (v === best[size - 1] && i < which[size - 1]))) continue;
    let at = count < size ? count++ : size - 1;
    while (at > 0 && (v > best[at - 1] || (v === best[at - 1] && i < which[at - 1]))) {
      best[at] = best[at - 1];
      which[at] = which[at - 1];
      at--;
    }
    best[at] = v;
    which[at] = i;
  }
  return Array.from(which.subarray(0, count));
}

/**
 * Pairwise swaps for reps still outside their band when no single move helps — typically a rep on
 * target in workload but over in potential, which must trade a rich account for a poorer one of the
 * same workload. For each such rep and each partner rep, the POOL accounts per side with the best
 * one-way gains are paired; the best pair (objective decrease per unit of distance cost, both
 * accounts counted against the budgets) is applied.
 *
 * @returns the number of swaps applied
 */
export async function balanceSwaps(
  s: RebalanceState,
  adj: Int32Array[],
  proximity: number,
  log: ReasonLog,
  slicer: Slicer,
  fraction: number,
): Promise<number> {
  const outside: [number, number][] = [];
  for (let j = 0; j < s.r; j++) {
    if (!s.free[j]) continue;
    const v = violation(s, j);
    if (v.amount > 1e-12) outside.push([v.amount, j]);
  }
  outside.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let applied = 0;
  const limited = s.maxMoves !== Infinity || s.maxPotentialMoved !== Infinity;
  for (const [, j] of outside) {
    if (violation(s, j).amount <= 1e-12) continue;
    let bestScore = 0;
    let bestA = -1;
    let bestB = -1;
    let bestC = -1;
    const fj = penalty(s, j, 0, 0);
    const mine = s.members[j].filter((i) => !s.fixed[i]);
    for (const c of adj[j]) {
      if (slicer.due()) await slicer.pause('swap', fraction);
      const fc = penalty(s, c, 0, 0);
      const theirs = s.members[c].filter((i) => !s.fixed[i]);
      if (mine.length === 0 || theirs.length === 0) continue;
      const as = top(mine, (a) => fj - penalty(s, j, a, -1) + fc - penalty(s, c, a, 1), POOL);
      const bs = top(theirs, (b) => fc - penalty(s, c, b, -1) + fj - penalty(s, j, b, 1), POOL);
      for (const a of as) {
        const da = distance(s, a, c) - baseDistance(s, a);
        for (const b of bs) {
          // once a budget has stopped a swap, pairs it rules out are skipped unscored: they could
          // only be rejected again (same choice, same flag)
          if (limited && s.budgetHit && !budgetAllowsSwap(s, a, c, b, j)) continue;
          const gain = fj + fc - penaltySwap(s, j, a, b) - penaltySwap(s, c, b, a);
          if (gain <= EPS || gain <= bestScore) continue;
          if (!withinReach(s, a, c) || !withinReach(s, b, j)) continue;
          const extra = Math.max(0, da) + Math.max(0, distance(s, b, j) - baseDistance(s, b));
          const score = gain / distanceCost(proximity, extra, s.radius);
          if (score <= bestScore) continue;
          if (!budgetAllowsSwap(s, a, c, b, j)) {
            s.budgetHit = true;
            continue;
          }
          bestScore = score;
          bestA = a;
          bestB = b;
          bestC = c;
        }
      }
    }
    if (bestA < 0) continue;
    log.swap(bestA, j, bestC, bestB);
    log.swap(bestB, bestC, j, bestA);
    applyMove(s, bestA, bestC);
    applyMove(s, bestB, j);
    applied++;
  }
  return applied;
}
