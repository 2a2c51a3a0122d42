import { applyMove, budgetAllows, distance, penalty, refuseFar, withinReach } from './objective.js';
import { insertNearest } from './nearest.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';

/** How many nearest reps an orphan account may go to. */
const CANDIDATES = 12;

/**
 * Gives every movable account that has no active owner (unassigned, held by an inactive rep, or by
 * an unknown rep id) to a free rep, largest potential first (ties by id): the nearest rep that can
 * take it without leaving its band; when none of the nearest free reps can, the one (among them and
 * the reps without an anchor) whose penalty grows least, weighted by distance. An account whose move would break a budget stays where it is and is returned.
 *
 * @returns the indices of the orphans that could not be placed
 */
export async function assignOrphans(
  s: RebalanceState,
  proximity: number,
  log: ReasonLog,
  slicer: Slicer,
): Promise<number[]> {
  const orphans: number[] = [];
  for (let i = 0; i < s.n; i++) {
    if ((i & 4095) === 0 && slicer.due()) await slicer.pause('assign', 0.05);
    const o = s.owner[i];
    if (s.fixed[i]) continue;
    if (o < 0 || !s.active[o]) orphans.push(i);
  }
  if (orphans.length === 0) return [];
  const ids = s.accounts;
  orphans.sort((a, b) => s.potential[b] - s.potential[a] || (ids[a].id < ids[b].id ? -1 : 1));

  const anchored: number[] = [];
  for (let j = 0; j < s.r; j++) if (s.free[j] && s.hasAnchor[j]) anchored.push(j);
  const unplaced: number[] = [];
  if (anchored.length + s.floating.length === 0) return orphans;

  const near = new Int32Array(CANDIDATES);
  const nearD = new Float64Array(CANDIDATES);
  for (let q = 0; q < orphans.length; q++) {
    if ((q & 63) === 0 && slicer.due()) await slicer.pause('assign', 0.05 + 0.15 * (q / orphans.length));
    const i = orphans[q];
    // nearest anchored free reps, or all of them without a position
    let count = 0;
    if (s.hasPos[i]) for (const j of anchored) count = insertNearest(nearD, near, count, CANDIDATES, distance(s, i, j), j);
    const candidates = s.hasPos[i] ? [...near.subarray(0, count), ...s.floating] : [...anchored, ...s.floating];
    let best = -1;
    let bestScore = -Infinity;
    let far = false;
    // the nearest anchored rep that can take the account without leaving its band (no cross-country
    // move when a nearer rep has room)
    let roomy = -1;
    for (const j of candidates) {
      const gain = penalty(s, j, i, 0) - penalty(s, j, i, 1);
      if (roomy < 0 && s.hasPos[i] && s.hasAnchor[j] && gain >= 0 && withinReach(s, i, j)) roomy = j;
      const cost = 1 + (proximity * distance(s, i, j)) / s.radius;
      const score = gain >= 0 ? gain / cost : gain * cost;
      // a tiny preference for nearer reps when the penalty does not tell them apart
      const tie = score === bestScore && best >= 0 && distance(s, i, j) < distance(s, i, best);
      if (!withinReach(s, i, j)) {
        // the distance limit: never to a rep further than maxDistanceKm
        if (score > bestScore || tie) far = true;
        continue;
      }
      if (score > bestScore || tie) {
        bestScore = score;
        best = j;
      }
    }
    if (roomy >= 0) best = roomy;
    if (far || best < 0) refuseFar(s, i);
    if (best < 0 || !budgetAllows(s, i, best)) {
      if (best >= 0) s.budgetHit = true;
      unplaced.push(i);
      continue;
    }
    log.orphan(i, s.owner[i], best);
    applyMove(s, i, best);
  }
  return unplaced;
}
