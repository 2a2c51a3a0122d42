import { applyMove, withinReach } from './objective.js';
import type { ReasonLog } from './reasons.js';
import type { RebalanceState } from './state.js';

/** Most plans the exact search may enumerate (free reps ^ movable accounts). */
const MAX_PLANS = 200_000;

/**
 * For small plans only: the fewest moves of any plan with every active rep within ±tolerance on every
 * balanced metric, found by enumerating plans by number of moves (0, 1, 2, …) — exact where the local
 * search can stop early (a swap that first needs a move undone). Runs when (free reps)^(movable
 * accounts) ≤ 200,000, and keeps the locks, the budgets and the distance limit; accounts without an
 * active owner must go to a free rep. When it finds a balanced plan with fewer moves than the search
 * (or the search's is not balanced), that plan replaces it.
 *
 * @returns whether the plan was replaced
 */
export function exactSmall(s: RebalanceState, tolerance: number, log: ReasonLog): boolean {
  const { k, r } = s;
  const free: number[] = [];
  for (let j = 0; j < r; j++) if (s.free[j]) free.push(j);
  if (free.length === 0) return false;
  const cand: number[] = [];
  for (let i = 0; i < s.n; i++) {
    const o = s.orig[i];
    const orphan = o < 0 || !s.active[o];
    if (s.fixed[i]) {
      if (orphan) return false; // a locked account without an active owner: never balanced
      continue;
    }
    cand.push(i);
  }
  if (cand.length === 0 || free.length ** cand.length > MAX_PLANS) return false;
  // moves first: accounts that must move (orphans) are decided first, then the others
  const mustMove = (i: number): boolean => s.orig[i] < 0 || !s.active[s.orig[i]];
  cand.sort((a, b) => Number(mustMove(b)) - Number(mustMove(a)) || a - b);
  const forced = cand.filter(mustMove).length;

  // loads with every candidate at its starting owner (orphans nowhere)
  const load = new Float64Array(r * k);
  for (let i = 0; i < s.n; i++) {
    const o = s.fixed[i] || !mustMove(i) ? s.orig[i] : -1;
    if (o < 0) continue;
    for (let m = 0; m < k; m++) load[o * k + m] += s.val[i * k + m];
  }
  const balanced = (): boolean => {
    for (let j = 0; j < r; j++) {
      if (!s.active[j]) continue;
      for (let m = 0; m < k; m++) if (Math.abs(load[j * k + m] / s.cap[j] - 1) > tolerance + 1e-9) return false;
    }
    return true;
  };
  const inTolerance = (): boolean => {
    for (let j = 0; j < r; j++) {
      if (!s.active[j]) continue;
      for (let m = 0; m < k; m++) if (Math.abs(s.load[j * k + m] / s.cap[j] - 1) > tolerance + 1e-9) return false;
    }
    return true;
  };
  let unplaced = false;
  for (let i = 0; i < s.n; i++) if (s.owner[i] < 0 || !s.active[s.owner[i]]) unplaced = true;
  const have = inTolerance() && !unplaced ? s.moved : Infinity;

  const choice = new Int32Array(cand.length);
  const bestChoice = new Int32Array(cand.length);
  let best = Math.min(have, s.maxMoves + 1);
  const move = (i: number, from: number, to: number): void => {
    for (let m = 0; m < k; m++) {
      const v = s.val[i * k + m];
      if (from >= 0) load[from * k + m] -= v;
      if (to >= 0) load[to * k + m] += v;
    }
  };
  /** Every plan of candidates `at`… with fewer than `best` moves in all (`moves` so far, `pot` potential moved). */
  const search = (at: number, moves: number, pot: number): void => {
    if (moves + (at < forced ? forced - at : 0) >= best) return;
    if (at === cand.length) {
      if (balanced()) {
        best = moves;
        bestChoice.set(choice);
      }
      return;
    }
    const i = cand[at];
    const o = s.orig[i];
    const must = at < forced;
    if (!must) {
      choice[at] = o;
      search(at + 1, moves, pot);
    }
    const p = pot + s.potential[i];
    if (moves + 1 >= best || p > s.maxPotentialMoved * (1 + 1e-12)) return;
    for (const j of free) {
      if (j === o || !withinReach(s, i, j)) continue;
      choice[at] = j;
      move(i, must ? -1 : o, j);
      search(at + 1, moves + 1, p);
      move(i, j, must ? -1 : o);
    }
  };
  search(0, 0, 0);
  if (best >= Math.min(have, s.maxMoves + 1)) return false;
  for (let c = 0; c < cand.length; c++) {
    const i = cand[c];
    const to = bestChoice[c];
    if (s.owner[i] === to) continue;
    if (to !== s.orig[i]) log.move(i, s.owner[i], to);
    applyMove(s, i, to);
  }
  return true;
}
