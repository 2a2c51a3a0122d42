/**
 * The objective of the local search and the primitive operations on the state.
 *
 * Each free rep j pays Σ_m (|dev_jm| − band_jm)² for every metric where it is outside its band
 * (dev = load / capacity − 1): zero inside the band, so a rep that is balanced costs nothing and is
 * never touched (continuity), and a move is taken only when it strictly lowers the sum — the search
 * cannot cycle.
 */

import type { RebalanceState } from './state.js';

/** Smallest objective decrease that counts as an improvement. */
export const EPS = 1e-12;

/** One metric's share of a rep's penalty: (|d| − b)² beyond the band, 0 inside (d: deviation, b: band). */
export function bandPenalty(d: number, b: number): number {
  const e = (d < 0 ? -d : d) - b;
  return e > 0 ? e * e : 0;
}

/** Rep j's penalty with account i's values added (sign +1) or removed (sign −1); sign 0 = as is. */
export function penalty(s: RebalanceState, j: number, i: number, sign: number): number {
  const k = s.k;
  const c = s.cap[j];
  let f = 0;
  for (let m = 0; m < k; m++) {
    f += bandPenalty((s.load[j * k + m] + (sign === 0 ? 0 : sign * s.val[i * k + m])) / c - 1, s.band[j * k + m]);
  }
  return f;
}

/** Rep j's penalty with account a removed and account b added (a swap seen from j). */
export function penaltySwap(s: RebalanceState, j: number, a: number, b: number): number {
  const k = s.k;
  const c = s.cap[j];
  let f = 0;
  for (let m = 0; m < k; m++) {
    f += bandPenalty((s.load[j * k + m] - s.val[a * k + m] + s.val[b * k + m]) / c - 1, s.band[j * k + m]);
  }
  return f;
}

/**
 * How far rep j is outside its band at worst (≤ 0 when inside on every metric), and whether it is
 * outside over target on some metric, and under target on some metric.
 */
export function violation(s: RebalanceState, j: number): { amount: number; over: boolean; under: boolean } {
  const k = s.k;
  let amount = -Infinity;
  let over = false;
  let under = false;
  for (let m = 0; m < k; m++) {
    const d = s.load[j * k + m] / s.cap[j] - 1;
    const e = Math.abs(d) - s.band[j * k + m];
    if (e > amount) amount = e;
    if (e > 0 && d > 0) over = true;
    if (e > 0 && d < 0) under = true;
  }
  return { amount, over, under };
}

/** Worst |deviation| over the active reps and balanced metrics. */
export function maxDeviation(s: RebalanceState): number {
  let worst = 0;
  for (let j = 0; j < s.r; j++) {
    if (!s.active[j]) continue;
    for (let m = 0; m < s.k; m++) {
      const d = Math.abs(s.load[j * s.k + m] / s.cap[j] - 1);
      if (d > worst) worst = d;
    }
  }
  return worst;
}

/** Chord km from account i to rep j's anchor; 0 when either has no position. */
export function distance(s: RebalanceState, i: number, j: number): number {
  if (j < 0 || !s.hasPos[i] || !s.hasAnchor[j]) return 0;
  const dx = s.px[i] - s.ax[j];
  const dy = s.py[i] - s.ay[j];
  const dz = s.pz[i] - s.az[j];
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/**
 * What a move costs for the extra distance it adds: 1 + proximity · x · (1 + x) with x = extra km /
 * typical territory radius (x ≤ 0 costs 1). Gains are divided by it, so a move twice as far as the
 * typical radius must gain seven times more (proximity 1).
 */
export function distanceCost(proximity: number, extra: number, radius: number): number {
  if (!(extra > 0)) return 1;
  const x = extra / radius;
  return 1 + proximity * x * (1 + x);
}

/** Chord km between the anchors of reps a and b. */
export function repDistance(s: RebalanceState, a: number, b: number): number {
  return Math.hypot(s.ax[a] - s.ax[b], s.ay[a] - s.ay[b], s.az[a] - s.az[b]);
}

/**
 * The distance a move of account i is measured against: to its starting owner's anchor (`s.ref`:
 * under objective 'compactness', the owner the redraw gave it) when that owner is an active rep, else
 * to its current owner's. Measuring from the start (not the current
 * owner) stops an account from drifting across the map through a chain of moves, each of which looks
 * short from where the account just was.
 */
export function baseDistance(s: RebalanceState, i: number): number {
  const o = s.ref[i];
  return o >= 0 && s.active[o] ? distance(s, i, o) : distance(s, i, s.owner[i]);
}

/**
 * Change in accounts moved if account i went to rep `to`: +1 when it leaves its starting owner, −1
 * when it goes back to it, else 0; the change in potential moved is this times its potential.
 * (A number, not a pair: the search calls this in its inner loops, where an array per call is garbage.)
 */
function movesDelta(s: RebalanceState, i: number, to: number): number {
  const o = s.orig[i];
  return (s.owner[i] === o ? 1 : 0) - (to === o ? 1 : 0);
}

/** Whether changes of dm accounts and dp potential moved keep both hard budgets. */
function fits(s: RebalanceState, dm: number, dp: number): boolean {
  if (dm <= 0 && dp <= 0) return true;
  return s.moved + dm <= s.maxMoves && s.potentialMoved + dp <= s.maxPotentialMoved * (1 + 1e-12);
}

/**
 * Whether account i may go to rep `to` under the distance limit (`maxDistanceKm`): always back to
 * its starting owner, and always when either has no position; else only within the limit (compared
 * as chord lengths, the same order as great-circle km). Static: depends only on i and `to`.
 */
export function withinReach(s: RebalanceState, i: number, to: number): boolean {
  if (s.maxChord === Infinity || to === s.orig[i] || to < 0 || !s.hasPos[i] || !s.hasAnchor[to]) return true;
  const dx = s.px[i] - s.ax[to];
  const dy = s.py[i] - s.ay[to];
  const dz = s.pz[i] - s.az[to];
  return dx * dx + dy * dy + dz * dz <= s.maxChord * s.maxChord;
}

/** Notes that the distance limit refused a move of account i that the search wanted. */
export function refuseFar(s: RebalanceState, i: number): void {
  s.refusedFar.add(i);
}

/** Whether moving account i to `to` keeps both hard budgets. */
export function budgetAllows(s: RebalanceState, i: number, to: number): boolean {
  const dm = movesDelta(s, i, to);
  return fits(s, dm, dm * s.potential[i]);
}

/** Whether swapping accounts a (to rep ra) and b (to rep rb) keeps both budgets. */
export function budgetAllowsSwap(s: RebalanceState, a: number, ra: number, b: number, rb: number): boolean {
  const ma = movesDelta(s, a, ra);
  const mb = movesDelta(s, b, rb);
  return fits(s, ma + mb, ma * s.potential[a] + mb * s.potential[b]);
}

/** Objective change (sum of the two reps' penalties) if account i went from its owner to rep c. */
export function moveDelta(s: RebalanceState, i: number, c: number): number {
  const j = s.owner[i];
  return penalty(s, c, i, 1) - penalty(s, c, 0, 0) + penalty(s, j, i, -1) - penalty(s, j, 0, 0);
}

/** Moves account i to rep `to` (a rep index ≥ 0), updating loads, member lists and budgets. */
export function applyMove(s: RebalanceState, i: number, to: number): void {
  const from = s.owner[i];
  const dm = movesDelta(s, i, to);
  s.moved += dm;
  s.potentialMoved += dm * s.potential[i];
  const k = s.k;
  if (from >= 0) {
    const list = s.members[from];
    const at = s.slot[i];
    const last = list.pop() as number;
    if (last !== i) {
      list[at] = last;
      s.slot[last] = at;
    }
    for (let m = 0; m < k; m++) s.load[from * k + m] -= s.val[i * k + m];
  }
  s.slot[i] = s.members[to].length;
  s.members[to].push(i);
  for (let m = 0; m < k; m++) s.load[to * k + m] += s.val[i * k + m];
  s.owner[i] = to;
}
