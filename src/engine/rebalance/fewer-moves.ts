import { balanceMoves } from './balance-moves.js';
import { applyMove, violation } from './objective.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';

/** Plans with more moves than this are left alone (each attempt costs a pass over every account). */
const MAX_MOVES = 64;

/**
 * Fewer moves for a small balanced repair (≤ 64 moves, e.g. a plan a few accounts away from a
 * balanced one): for each rep the plan touches, in index order, every move into or out of it is
 * undone and the balance search (direct moves, proximity 0: balance per move, whatever the detour)
 * repairs the plan within one move fewer than before. The attempt is kept when every free rep ends
 * within its band with fewer moves, else the plan (owners, budgets, reasons) is restored exactly. A
 * large-neighbourhood search: it finds the plans where the search's first moves were the wrong ones —
 * several small moves where one large account does — which pairwise merges (merge-moves.ts) cannot.
 * Runs only when the plan is within its bands; keeps the locks, the budgets and the distance limit.
 *
 * @returns the number of moves saved
 */
export async function fewerMoves(s: RebalanceState, adj: Int32Array[], log: ReasonLog, slicer: Slicer, fraction: number): Promise<number> {
  if (s.moved === 0 || s.moved > MAX_MOVES || !inBand(s)) return 0;
  const start = s.moved;
  const saved = new Int32Array(s.n);
  let improved = true;
  while (improved) {
    improved = false;
    for (let j = 0; j < s.r && s.moved > 0; j++) {
      if (!s.free[j]) continue;
      const touching: number[] = [];
      for (let i = 0; i < s.n; i++) {
        if (s.fixed[i] || s.owner[i] === s.orig[i] || s.orig[i] < 0 || !s.active[s.orig[i]]) continue;
        if (s.owner[i] === j || s.orig[i] === j) touching.push(i);
      }
      if (touching.length === 0) continue;
      if (slicer.due()) await slicer.pause('balance', fraction);
      const before = s.moved;
      saved.set(s.owner);
      const budgetHit = s.budgetHit;
      const maxMoves = s.maxMoves;
      const reasons = log.snapshot();
      for (const i of touching) applyMove(s, i, s.orig[i]);
      s.maxMoves = Math.min(maxMoves, before - 1);
      await balanceMoves(s, adj, 0, log, slicer, [fraction, fraction], 'direct');
      if (!inBand(s)) await balanceMoves(s, adj, 0, log, slicer, [fraction, fraction], 'direct-anywhere');
      s.maxMoves = maxMoves;
      if (inBand(s) && s.moved < before) {
        improved = true;
        continue;
      }
      // not better: back to the plan before the attempt
      for (let i = 0; i < s.n; i++) if (s.owner[i] !== saved[i]) applyMove(s, i, saved[i]);
      s.budgetHit = budgetHit;
      log.restore(reasons);
    }
  }
  return start - s.moved;
}

/** Whether every free rep is within its band on every metric. */
function inBand(s: RebalanceState): boolean {
  for (let j = 0; j < s.r; j++) if (s.free[j] && violation(s, j).amount > 1e-12) return false;
  return true;
}
