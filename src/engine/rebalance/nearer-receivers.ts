import { EARTH_RADIUS_KM } from '../geo.js';
import { applyMove, budgetAllows, budgetAllowsSwap, distance, moveDelta, penalty, penaltySwap, repDistance, withinReach } from './objective.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';
import { withinTolerance } from './within-tolerance.js';

/** Rounds over the moved accounts (each only shortens moves and stops early when none does); from the third on, only moves longer than FAR_KM. */
const ROUNDS = 4;
/** Moves longer than this (great-circle km) get a note on why no nearer rep took them. */
export const FAR_KM = 500;
/** Shortenings smaller than this (chord km) are not worth an exchange. */
const MIN_GAIN_KM = 1;

/**
 * A pass over the accounts that change hands, longest move first, that gives each to a nearer rep
 * whenever one can take it with no more moves and balance kept (the objective does not grow, or
 * every rep touched ends within the tolerance; no rep ends past it): no cross-country move when a
 * nearer rep can take the account, orphans included. Per account, the first that applies:
 * 1. redirect: to the nearest free rep nearer than its new owner that can take it;
 * 2. (moves longer than 3 typical territory radii or FAR_KM) exchange destinations with a moved
 *    account x of such a nearer rep c — x goes to the first one's new owner instead — when the two
 *    moves get shorter in sum;
 * 3. (moves longer than FAR_KM) a relay: to the nearest nearer rep with room, while the rep that
 *    needed it takes a moved account of one of its neighbours (an orphan may take any account: one
 *    move more); see `relay`.
 * Moves within 1.5 typical radii (hand-overs between neighbours) are left as they are. The moves
 * count is never raised except by an orphan's relay, budgets and the distance limit hold. What is
 * left longer than FAR_KM is noted for its reason: no nearer rep had room for it, or the nearest that
 * had room and the rep that needed the account.
 *
 * @param s the state after the search and the other tidying passes (objective 'disruption')
 * @param tolerance the tolerance: a change is also taken when the reps it touches all end within
 *   it (less a twentieth of a point), though the search's band is narrower
 * @param log the reason log (moves keep the reason they first left their starting owner)
 * @param slicer yields between slices
 * @param fraction progress to report while yielding
 * @returns how many changes (redirects, exchanges, relays) were made
 *
 * @example
 * const changes = await nearerReceivers(s, 0.05, log, slicer, 0.84);
 */
export async function nearerReceivers(
  s: RebalanceState,
  tolerance: number,
  log: ReasonLog,
  slicer: Slicer,
  fraction: number,
): Promise<number> {
  const fine: Fine = withinTolerance(s, tolerance);
  // never past the tolerance on a metric where the rep was within it (a falling objective sum alone could allow that)
  const ok: Fine = withinTolerance(s, tolerance, true);
  const farChord = 2 * EARTH_RADIUS_KM * Math.sin(FAR_KM / (2 * EARTH_RADIUS_KM));
  const longChord = Math.min(farChord, 3 * s.radius);
  const shortChord = Math.min(farChord, 1.5 * s.radius);
  const freeReps: number[] = [];
  for (let j = 0; j < s.r; j++) if (s.free[j] && s.hasAnchor[j]) freeReps.push(j);
  // chord km from each rep to its WIDE nearest reps
  const gaps = s.wide.map((w, t) => Float64Array.from(w, (c) => repDistance(s, t, c)));
  let changes = 0;
  const dist = new Float64Array(s.r);
  const movedHere = (i: number, o = s.owner[i]): boolean => o >= 0 && o !== s.orig[i] && !s.fixed[i] && s.free[o] && s.hasPos[i] && s.hasAnchor[o] ? true : false;
  for (let round = 0; round < ROUNDS; round++) {
    const moved: number[] = [];
    const far = new Float64Array(s.n);
    for (let i = 0; i < s.n; i++) {
      if ((i & 4095) === 0 && slicer.due()) await slicer.pause('balance', fraction);
      if (!movedHere(i)) continue;
      moved.push(i);
      far[i] = distance(s, i, s.owner[i]);
    }
    moved.sort((a, b) => far[b] - far[a] || a - b);
    // each rep's moved accounts (kept up to date below: an exchange swaps two entries' owners)
    const arrived: number[][] = Array.from({ length: s.r }, () => []);
    for (const i of moved) arrived[s.owner[i]].push(i);
    let changed = 0;
    for (const i of moved) {
      if (slicer.due()) await slicer.pause('balance', fraction);
      if (!movedHere(i)) continue;
      const t = s.owner[i];
      const dt = distance(s, i, t);
      // a move within 1.5 typical territory radii (and under FAR_KM) is a hand-over between neighbours, not worth the scan
      if (dt <= shortChord) continue;
      // after the first two rounds only the cross-country moves (> FAR_KM) are looked at again
      if (round >= 2 && dt <= farChord) continue;
      // nearer free reps, nearest first: only reps within 2·dt of t can be nearer (triangle inequality),
      // so t's WIDE nearest reps suffice when they reach that far; else every free rep is looked at
      const nearer: number[] = [];
      const wide = s.wide[t];
      const wg = gaps[t];
      const all = wide.length === 0 || wg[wide.length - 1] < 2 * dt;
      const cands = all ? freeReps : wide;
      for (let q = 0; q < cands.length && (all || wg[q] < 2 * dt); q++) {
        const c = cands[q];
        if (c === t || !s.free[c]) continue;
        dist[c] = distance(s, i, c);
        if (dist[c] < dt - 1e-9 && withinReach(s, i, c)) nearer.push(c);
      }
      if (nearer.length === 0) continue;
      nearer.sort((a, b) => dist[a] - dist[b] || a - b);
      // exchanges scan other reps' accounts: only for long moves (longer than FAR_KM or three
      // typical territory radii), where a detour is worth it — at 100k × 500 most moves are short hand-overs
      const long = dt > longChord;
      const done =
        redirect(s, i, t, nearer, log, fine, ok) ||
        (long && exchangeDestination(s, i, t, dt, nearer, dist, arrived, log, fine, ok)) ||
        (dt > farChord && relay(s, i, t, nearer, arrived, log, ok, farChord));
      if (done) changed++;
    }
    changes += changed;
    if (changed === 0) break;
  }
  noteFar(s, log, freeReps, farChord);
  return changes;
}

/** Whether rep j ends within its tolerance after adding account `plus` and removing `minus` (−1: none). */
type Fine = (j: number, plus: number, minus: number) => boolean;

/** 1: to the nearest rep nearer than `t` that takes it without raising the objective (or with both reps within tolerance). */
function redirect(s: RebalanceState, i: number, t: number, nearer: number[], log: ReasonLog, fine: Fine, ok: Fine): 'redirect' | null {
  for (const c of nearer) {
    if ((moveDelta(s, i, c) > 0 && !(fine(c, i, -1) && fine(t, -1, i))) || !budgetAllows(s, i, c)) continue;
    if (!ok(c, i, -1) || !ok(t, -1, i)) continue;
    log.move(i, t, c);
    applyMove(s, i, c);
    return 'redirect';
  }
  return null;
}

/** 2: i goes to a nearer rep c and a moved account x of c goes to t, when the two moves get shorter. */
function exchangeDestination(
  s: RebalanceState,
  i: number,
  t: number,
  dt: number,
  nearer: number[],
  dist: Float64Array,
  arrived: number[][],
  log: ReasonLog,
  fine: Fine,
  ok: Fine,
): 'exchange' | null {
  const ft = penalty(s, t, 0, 0);
  let bestX = -1;
  let bestC = -1;
  let bestGain = MIN_GAIN_KM;
  for (const c of nearer) {
    const list = arrived[c];
    if (list.length === 0) continue;
    const fc = penalty(s, c, 0, 0);
    for (const x of list) {
      if (s.owner[x] !== c || x === i) continue;
      const gain = dt + distance(s, x, c) - dist[c] - distance(s, x, t);
      if (gain <= bestGain) continue;
      if (penaltySwap(s, t, i, x) + penaltySwap(s, c, x, i) > ft + fc + 1e-15 && !(fine(t, x, i) && fine(c, i, x))) continue;
      if (!withinReach(s, x, t) || !budgetAllowsSwap(s, i, c, x, t) || !ok(t, x, i) || !ok(c, i, x)) continue;
      bestGain = gain;
      bestX = x;
      bestC = c;
    }
  }
  if (bestX < 0) return null;
  log.move(i, t, bestC);
  log.move(bestX, bestC, t);
  applyMove(s, i, bestC);
  applyMove(s, bestX, t);
  // keep the per-rep lists of moved accounts right: i now at bestC, x at t
  const a = arrived[bestC];
  a[a.indexOf(bestX)] = i;
  const b = arrived[t];
  b[b.indexOf(i)] = bestX;
  return 'exchange';
}

/**
 * 3 (moves longer than FAR_KM): the account goes to the nearest nearer rep c with room and the rep t
 * that needed it takes an account x from one of its 30 nearest reps instead, over a short distance
 * (≤ FAR_KM), when no rep's penalty grows in sum, no rep leaves the tolerance and the budgets allow.
 * x must already have moved (it changes destination: no extra move), except for an orphan: an
 * orphan has to move anyway and it is the balance search that carries it across the country (moving
 * an account that already moved costs no move), so a relay that costs one move more is taken for it.
 * Without such a relay, once a budget has already stopped the search (the plan stays outside
 * tolerance whatever the orphan does), an orphan goes to that nearest rep with room.
 */
function relay(s: RebalanceState, i: number, t: number, nearer: number[], arrived: number[][], log: ReasonLog, ok: Fine, farChord: number): 'relay' | 'nearest' | null {
  const o = s.orig[i];
  const orphan = o < 0 || !s.active[o];
  // room within the search's band, or (the last passes' room) within the tolerance
  const c = nearer.find((q) => hasRoom(s, q, i) || ok(q, i, -1)) ?? -1;
  if (c < 0 || !budgetAllows(s, i, c)) return null;
  const ft = penalty(s, t, 0, 0);
  const fc = penalty(s, c, 0, 0);
  const gainC = fc - penalty(s, c, i, 1);
  let bestX = -1;
  // the relayed move: under FAR_KM, or at most half the move it replaces (a 4,000 km orphan may be
  // relayed through a 540 km neighbour hand-over)
  let bestD = Math.max(farChord, distance(s, i, t) / 2);
  for (const h of s.wide[t]) {
    if (!s.free[h]) continue;
    const fh = penalty(s, h, 0, 0);
    // an orphan may cost one move more (any account of h); else only accounts that already moved
    for (const x of orphan ? s.members[h] : arrived[h]) {
      if (x === i || s.fixed[x] || !s.hasPos[x] || s.owner[x] !== h) continue;
      const d = distance(s, x, t);
      if (d >= bestD) continue;
      // t loses i and gains x; h loses x (h ≠ c: c's change is gainC; h = c: both at once)
      let before: number;
      let after: number;
      if (h === c) {
        before = ft + fc;
        after = penaltySwap(s, t, i, x) + penaltySwap(s, c, x, i);
      } else {
        before = ft + fh;
        after = penaltySwap(s, t, i, x) + penalty(s, h, x, -1) - gainC;
      }
      if (after > before + 1e-15) continue;
      if (!withinReach(s, x, t) || !ok(t, x, i) || !(h === c ? ok(c, i, x) : ok(h, -1, x) && ok(c, i, -1))) continue;
      if (!budgetAllowsSwap(s, i, c, x, t)) continue;
      bestX = x;
      bestD = d;
    }
  }
  if (bestX < 0) {
    if (!orphan || !s.budgetHit) return null;
    log.orphan(i, o, c);
    applyMove(s, i, c);
    return 'nearest';
  }
  const h = s.owner[bestX];
  if (orphan) log.orphan(i, o, c);
  else log.move(i, t, c);
  applyMove(s, i, c);
  log.move(bestX, h, t);
  applyMove(s, bestX, t);
  // (the per-rep lists of moved accounts go stale here: every use checks the owner)
  return 'relay';
}

/** Room: no metric of rep q goes over its band with account i added. */
function hasRoom(s: RebalanceState, q: number, i: number): boolean {
  for (let m = 0; m < s.k; m++) if ((s.load[q * s.k + m] + s.val[i * s.k + m]) / s.cap[q] - 1 > s.band[q * s.k + m]) return false;
  return true;
}


/** Notes, for each move still longer than FAR_KM, the nearest nearer rep that had room for it (or none). */
function noteFar(s: RebalanceState, log: ReasonLog, freeReps: number[], farChord: number): void {
  for (let i = 0; i < s.n; i++) {
    const t = s.owner[i];
    if (t < 0 || t === s.orig[i] || !s.hasPos[i] || !s.hasAnchor[t]) continue;
    const dt = distance(s, i, t);
    if (dt <= farChord) continue;
    let roomy = -1;
    let roomyD = dt - 1e-9;
    for (const c of freeReps) {
      // the starting owner keeping it is not a place it could go (that is why it moved at all)
      if (c === t || c === s.orig[i]) continue;
      const d = distance(s, i, c);
      if (d >= roomyD || !withinReach(s, i, c)) continue;
      if (!hasRoom(s, c, i)) continue;
      roomy = c;
      roomyD = d;
    }
    log.far(i, roomy);
  }
}
