import { applyMove, budgetAllows, distance, moveDelta, withinReach } from './objective.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';

/**
 * A last pass over the accounts that changed hands, longest detours first: each goes back to its
 * starting rep (`s.ref`: under objective 'compactness', the rep the redraw gave it) when that does not raise the objective (one move fewer), else to the nearest free rep
 * among the neighbours of its starting and current reps that is nearer than where it is and can take
 * it without raising the objective (same number of moves, shorter distance). Balance never gets worse:
 * a move is taken only when the two reps' penalties do not grow in sum.
 *
 * @param s the state after the search
 * @param adj candidate partner reps of each free rep (from `adjacency`)
 * @param log the reason log (a rerouted account keeps the reason it first left its starting rep)
 * @param slicer yields between slices
 * @param fraction progress to report while yielding
 * @returns how many accounts went back to their starting rep and how many were rerouted
 *
 * @example
 * const { undone, rerouted } = await tidyMoves(s, adjacency(s), log, slicer, 0.84);
 */
export async function tidyMoves(
  s: RebalanceState,
  adj: Int32Array[],
  log: ReasonLog,
  slicer: Slicer,
  fraction: number,
): Promise<{ undone: number; rerouted: number }> {
  const moved: number[] = [];
  const detour = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) {
    if ((i & 4095) === 0 && slicer.due()) await slicer.pause('balance', fraction);
    const o = s.ref[i];
    const j = s.owner[i];
    if (j === o || s.fixed[i] || o < 0 || j < 0 || !s.free[o] || !s.free[j]) continue;
    moved.push(i);
    detour[i] = distance(s, i, j) - distance(s, i, o);
  }
  moved.sort((a, b) => detour[b] - detour[a] || a - b);
  const delta = (i: number, c: number): number => moveDelta(s, i, c);
  let undone = 0;
  let rerouted = 0;
  for (const i of moved) {
    if (slicer.due()) await slicer.pause('balance', fraction);
    const o = s.ref[i];
    const j = s.owner[i];
    if (delta(i, o) <= 0 && budgetAllows(s, i, o) && withinReach(s, i, o)) {
      applyMove(s, i, o);
      undone++;
      continue;
    }
    const here = distance(s, i, j);
    let best = -1;
    let bestD = here - 1e-9;
    for (const list of [adj[o], adj[j]]) {
      for (let q = 0; q < list.length; q++) {
        const c = list[q];
        if (c === j || c === o || !s.free[c]) continue;
        const d = distance(s, i, c);
        if (d > bestD || (d === bestD && c > best)) continue;
        if (delta(i, c) > 0 || !budgetAllows(s, i, c) || !withinReach(s, i, c)) continue;
        best = c;
        bestD = d;
      }
    }
    if (best < 0) continue;
    log.move(i, j, best);
    applyMove(s, i, best);
    rerouted++;
  }
  return { undone, rerouted };
}
