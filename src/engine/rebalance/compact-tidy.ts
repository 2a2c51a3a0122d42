import { applyMove, budgetAllows, budgetAllowsSwap, distance, moveDelta, penalty, penaltySwap, repDistance, withinReach } from './objective.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';
import { withinTolerance } from './within-tolerance.js';

/** Accounts (largest distance saved first) that look for a swap partner when no single move fits. */
const SWAP_TRIES = 2000;

/**
 * The last pass of `objective: 'compactness'`: every account that may move and sits further from its
 * rep than from one of that rep's neighbours goes to the nearest such neighbour that can take it
 * without raising the objective (both reps' penalties do not grow in sum, so balance never gets
 * worse) and within the budgets — largest distance saved first; when no single move fits, a swap
 * with an account of that neighbour that lies nearer to this rep (both shorter in sum, balance no
 * worse, within the budgets; for the first SWAP_TRIES such accounts). Unlike `tidyMoves`, which only looks
 * at accounts that changed hands, this also straightens borders the current plan drew badly, which
 * is where a redraw under a move budget has its remaining moves best spent.
 *
 * @param s the state after the search and tidying
 * @param adj candidate partner reps of each free rep (from `adjacency`)
 * @param log the reason log
 * @param slicer yields between slices
 * @param fraction progress to report while yielding
 * @param tolerance the user's tolerance: with it, a move or swap is also taken when both reps end
 *   within it (less a hair; see within-tolerance.ts), not only when their penalties do not grow
 * @returns how many accounts moved (a swap counts two)
 *
 * @example
 * const moved = await compactTidy(s, adjacency(s), log, slicer, 0.84);
 */
export async function compactTidy(
  s: RebalanceState,
  adj: Int32Array[],
  log: ReasonLog,
  slicer: Slicer,
  fraction: number,
  tolerance?: number,
): Promise<number> {
  // with the tolerance: a move or swap is also taken when both reps end within it (the room between
  // the search's band and the tolerance buys distance; no rep ever ends outside the tolerance)
  const fine = tolerance === undefined ? null : withinTolerance(s, tolerance);
  const allowed = (i: number, j: number, c: number): boolean => moveDelta(s, i, c) <= 0 || (fine !== null && fine(c, i, -1) && fine(j, -1, i));
  // each rep's free anchored partners, nearest first, with their chord km: by the triangle
  // inequality an account `here` km from its rep is at least chord − here from a partner, so the
  // scans below stop at the first partner that cannot be nearer (exact)
  const near: Int32Array[] = [];
  const gap: Float64Array[] = [];
  for (let j = 0; j < s.r; j++) {
    const list = Array.from(adj[j]).filter((c) => s.free[c] && s.hasAnchor[c] && s.hasAnchor[j]);
    const d = (c: number): number => repDistance(s, j, c);
    list.sort((a, b) => d(a) - d(b) || a - b);
    near.push(Int32Array.from(list));
    gap.push(Float64Array.from(list, (c) => d(c) * (1 - 1e-9) - 1e-9));
  }
  const list: number[] = [];
  const gain = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) {
    if ((i & 4095) === 0 && slicer.due()) await slicer.pause('balance', fraction);
    const j = s.owner[i];
    if (s.fixed[i] || j < 0 || !s.free[j] || !s.hasPos[i] || !s.hasAnchor[j]) continue;
    const here = distance(s, i, j);
    let best = here;
    const nj = near[j];
    const gj = gap[j];
    for (let q = 0; q < nj.length && gj[q] - here < here; q++) best = Math.min(best, distance(s, i, nj[q]));
    if (best >= here) continue;
    list.push(i);
    gain[i] = here - best;
  }
  list.sort((a, b) => gain[b] - gain[a] || a - b);
  let moved = 0;
  let tries = 0;
  for (let q = 0; q < list.length; q++) {
    if ((q & 255) === 0 && slicer.due()) await slicer.pause('balance', fraction);
    const i = list[q];
    const j = s.owner[i];
    let best = -1;
    const here = distance(s, i, j);
    let bestD = here - 1e-9;
    const nj = near[j];
    const gj = gap[j];
    for (let q = 0; q < nj.length && gj[q] - here <= bestD; q++) {
      const c = nj[q];
      const d = distance(s, i, c);
      if (d > bestD || (d === bestD && c > best)) continue;
      if (!allowed(i, j, c) || !budgetAllows(s, i, c) || !withinReach(s, i, c)) continue;
      best = c;
      bestD = d;
    }
    if (best >= 0) {
      log.redraw(i, j, best);
      applyMove(s, i, best);
      moved++;
    } else if (tries < SWAP_TRIES) {
      tries++;
      // a swap search scans the neighbours' accounts (hundreds each): check the clock before each
      if (slicer.due()) await slicer.pause('balance', fraction);
      if (swap(s, adj, log, i, fine)) moved += 2;
    }
  }
  return moved;
}

/**
 * Swaps account i (rep j) with the account x of a nearer neighbour c that saves the most distance in
 * sum, when neither rep's penalty grows in sum and the budgets allow; returns whether it did.
 */
function swap(s: RebalanceState, adj: Int32Array[], log: ReasonLog, i: number, fine: ((j: number, plus: number, minus: number) => boolean) | null): boolean {
  const j = s.owner[i];
  const here = distance(s, i, j);
  const fj = penalty(s, j, 0, 0);
  let bestGain = 1e-9;
  let bestX = -1;
  let bestC = -1;
  for (const c of adj[j]) {
    if (!s.free[c] || !s.hasAnchor[c]) continue;
    const saved = here - distance(s, i, c);
    if (saved <= 0) continue;
    const fc = penalty(s, c, 0, 0);
    for (const x of s.members[c]) {
      if (s.fixed[x] || !s.hasPos[x]) continue;
      const gain = saved + distance(s, x, c) - distance(s, x, j);
      if (gain <= bestGain) continue;
      if (penaltySwap(s, j, i, x) + penaltySwap(s, c, x, i) > fj + fc + 1e-15 && !(fine !== null && fine(j, x, i) && fine(c, i, x))) continue;
      if (!budgetAllowsSwap(s, i, c, x, j) || !withinReach(s, i, c) || !withinReach(s, x, j)) continue;
      bestGain = gain;
      bestX = x;
      bestC = c;
    }
  }
  if (bestX < 0) return false;
  log.redraw(i, j, bestC);
  log.redraw(bestX, bestC, j);
  applyMove(s, i, bestC);
  applyMove(s, bestX, j);
  return true;
}
