import { balanceMoves } from './balance-moves.js';
import { mergeMoves } from './merge-moves.js';
import { balanceSwaps } from './swaps.js';
import { applyMove, violation } from './objective.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';

/** Plans with more moves than this are left alone (each attempt costs a pass over every account). */
const MAX_MOVES = 64;

/**
 * Fewer moves for a small balanced repair (≤ 64 moves, e.g. a plan a few accounts away from a
 * balanced one): for each rep the plan touches, in index order, every move into or out of it is
 * undone and the plan is repaired within one move fewer than before: direct moves at proximity 0
 * (balance per move, whatever the detour), then if needed moves at any range, swaps and relays, and a
 * merge pass (merge-moves.ts) when the repair used as many moves as before. Orphans keep the rep
 * they were placed with. The attempt is kept when every free rep ends
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
      if (!inBand(s)) await balanceSwaps(s, adj, 0, log, slicer, fraction);
      if (!inBand(s)) await balanceMoves(s, adj, 0, log, slicer, [fraction, fraction], 'relay');
      if (inBand(s) && s.moved >= before) await mergeMoves(s, log, slicer, fraction);
      s.maxMoves = maxMoves;
      if (inBand(s) && s.moved < before && orphansKept(s, saved)) {
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

/** Whether every account without an active starting owner kept the rep it had before the attempt (placed near by assign-orphans.ts). */
function orphansKept(s: RebalanceState, saved: Int32Array): boolean {
  for (let i = 0; i < s.n; i++) {
    const o = s.orig[i];
    if ((o < 0 || !s.active[o]) && s.owner[i] !== saved[i]) return false;
  }
  return true;
}
