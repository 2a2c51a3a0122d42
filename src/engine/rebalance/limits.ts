/**
 * What makes the tolerance unreachable, rep by rep, and the band each free rep aims for.
 *
 * The tolerance holds for every rep except those a proven cause touches:
 * - 'large-account': a movable account whose value alone exceeds (1 + τ)·target of every free rep on
 *   some metric. It stays with its rep (moving it only moves the excess elsewhere), and that rep's band
 *   on the metric is what the account forces: its value (plus, on potential, the least potential the
 *   rep must hold to keep its other metrics within band, from the lowest-ratio accounts) / target − 1.
 * - 'locked-accounts': accounts that may not move (locked, or on a locked rep) already put a free rep
 *   over (1 + τ)·target on some metric; its band is that floor.
 * - 'locked-rep': a locked active rep (neither gives nor takes) is outside the tolerance.
 * - 'remaining-reps': once the reps above hold what they must, the others' average on a metric is
 *   beyond ±τ (e.g. a whale holding 30% of all potential leaves the other reps 22% under target on
 *   average): their band becomes that average's distance from target. Only then do the other reps
 *   get a wider band, and only on that metric.
 * - 'large-accounts': the balance lower bound of evaluatePlan (two of the k + 1 largest accounts must
 *   share a rep) exceeds τ though no single account does: every free rep gets that bound as band
 *   (which rep ends with the pair is not known in advance).
 *
 * A rep holding a large or locked load aims at its floor (+ 0.1 point): every bit above it would be
 * taken from the others. The other reps' widened band is their average + ½ point; the goal inside
 * the tolerance is τ less min(¼ point, τ/10) as before.
 */

import { STEP, type Steps } from '../metrics/steps.js';
import { penalty, withinReach } from './objective.js';
import type { RebalanceState } from './state.js';

/** A cause that keeps some reps from the tolerance (indices; turned into ids in the result). */
export interface Limit {
  cause: 'large-account' | 'locked-accounts' | 'locked-rep' | 'remaining-reps' | 'large-accounts';
  metric: number;
  reps: number[];
  accounts: number[];
  /** The least |deviation| these reps can reach on the metric (their band less the margin). */
  bound: number;
}

/** Margin over a proven floor for the reps holding a large or locked load: every bit above it is taken from the others. */
const FORCED_MARGIN = 0.001;
/** Margin over the average the other reps are left with. */
const MARGIN = 0.005;

/**
 * Sets `s.band` (per free rep and metric) and returns the causes, largest first per kind. May mark a
 * large account `fixed` (it stays with its rep).
 *
 * @param s the state (loads as in the starting plan)
 * @param tolerance the tolerance τ
 * @param pairBounds per metric, evaluatePlan's balance lower bound of the starting plan
 */
export function* setBands(s: RebalanceState, tolerance: number, pairBounds: readonly number[]): Steps<Limit[]> {
  const { r, k, n } = s;
  const goal = tolerance - Math.min(0.0025, tolerance * 0.1);
  const limits: Limit[] = [];
  let maxFreeCap = 0;
  for (let j = 0; j < r; j++) if (s.free[j] && s.cap[j] > maxFreeCap) maxFreeCap = s.cap[j];

  // large accounts: alone over (1 + τ)·target of every free rep; they stay where they are
  const whales: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % (8 * STEP) === 8 * STEP - 1) yield;
    const j = s.owner[i];
    if (s.fixed[i] || j < 0 || !s.free[j]) continue;
    for (let m = 0; m < k; m++) {
      if (s.val[i * k + m] > (1 + tolerance) * maxFreeCap && s.cap[j] >= maxFreeCap) {
        whales.push(i);
        s.fixed[i] = 1;
        break;
      }
    }
  }

  // what each rep must hold: its unmovable accounts (a locked rep: everything it holds)
  const floor = new Float64Array(r * k);
  const whaleOf = new Int32Array(r).fill(-1);
  const lockedOn: number[][] = Array.from({ length: r }, () => []);
  const stranded = new Float64Array(k);
  const isWhale = new Set(whales);
  for (let i = 0; i < n; i++) {
    if (i % (8 * STEP) === 8 * STEP - 1) yield;
    if (!s.fixed[i]) continue;
    const j = s.owner[i];
    if (j < 0 || !s.active[j]) {
      // locked and without an active owner: its share of the total is held by no rep
      for (let m = 0; m < k; m++) stranded[m] += s.val[i * k + m];
      continue;
    }
    for (let m = 0; m < k; m++) floor[j * k + m] += s.val[i * k + m];
    if (isWhale.has(i)) whaleOf[j] = i;
    else lockedOn[j].push(i);
  }
  // a rep holding a large account must still carry its other metrics to at least (1 − goal)·target:
  // on each metric where the account alone is over, add the least it must take along for that (the
  // accounts with the lowest ratio of this metric to the other, as a fractional lower bound)
  if (k > 1) {
    for (let j = 0; j < r; j++) {
      if (whaleOf[j] < 0) continue;
      yield;
      for (let m = 0; m < k; m++) {
        if (floor[j * k + m] <= (1 + tolerance) * s.cap[j]) continue;
        for (let o = 0; o < k; o++) {
          if (o === m) continue;
          let need = (1 - goal) * s.cap[j] - floor[j * k + o];
          if (need <= 0) continue;
          const pool: number[] = [];
          for (let i = 0; i < n; i++) if (!s.fixed[i] && s.val[i * k + o] > 0) pool.push(i);
          pool.sort((a, b) => s.val[a * k + m] / s.val[a * k + o] - s.val[b * k + m] / s.val[b * k + o] || a - b);
          let extra = 0;
          for (const i of pool) {
            if (need <= 0) break;
            const take = Math.min(1, need / s.val[i * k + o]);
            extra += take * s.val[i * k + m];
            need -= take * s.val[i * k + o];
          }
          floor[j * k + m] += extra;
        }
      }
    }
  }

  // per metric: the forced reps' bands, then what is left for the others
  for (let m = 0; m < k; m++) {
    const forced = new Uint8Array(r);
    let held = stranded[m];
    let total = 0;
    let otherCap = 0;
    for (let j = 0; j < r; j++) if (s.active[j]) total += s.cap[j];
    for (let j = 0; j < r; j++) {
      if (!s.active[j]) continue;
      const dev = (s.free[j] ? floor[j * k + m] : s.load[j * k + m]) / s.cap[j] - 1;
      if (!s.free[j]) {
        forced[j] = 1;
        held += s.load[j * k + m];
        if (Math.abs(dev) > tolerance) {
          limits.push({ cause: 'locked-rep', metric: m, reps: [j], accounts: [], bound: Math.abs(dev) });
        }
        continue;
      }
      if (dev > tolerance) {
        forced[j] = 1;
        held += floor[j * k + m];
        s.band[j * k + m] = dev + FORCED_MARGIN;
        const w = whaleOf[j];
        if (w >= 0 && s.val[w * k + m] > (1 + tolerance) * s.cap[j]) {
          limits.push({ cause: 'large-account', metric: m, reps: [j], accounts: [w], bound: dev });
        } else {
          const acc = lockedOn[j].slice().sort((a, b) => s.val[b * k + m] - s.val[a * k + m] || a - b);
          limits.push({ cause: 'locked-accounts', metric: m, reps: [j], accounts: w >= 0 ? [w, ...acc] : acc, bound: dev });
        }
      } else {
        s.band[j * k + m] = goal;
        otherCap += s.cap[j];
      }
    }
    if (otherCap === 0) continue;
    // the total of the metric is Σ active capacity (the normalisation of state.ts)
    const avg = (total - held) / otherCap - 1;
    if (Math.abs(avg) > goal) {
      const others: number[] = [];
      for (let j = 0; j < r; j++) {
        if (!s.free[j] || forced[j]) continue;
        s.band[j * k + m] = Math.max(goal, Math.abs(avg) + MARGIN);
        others.push(j);
      }
      if (Math.abs(avg) > tolerance) limits.push({ cause: 'remaining-reps', metric: m, reps: others, accounts: [], bound: Math.abs(avg) });
    }
    // the pair bound of the largest accounts: no rep can be told apart in advance
    const pair = pairBounds[m];
    if (pair > tolerance && whales.length === 0) {
      for (let j = 0; j < r; j++) if (s.free[j]) s.band[j * k + m] = Math.max(s.band[j * k + m], pair + MARGIN);
      const all: number[] = [];
      for (let j = 0; j < r; j++) if (s.free[j]) all.push(j);
      limits.push({ cause: 'large-accounts', metric: m, reps: all, accounts: largest(s, m, Math.min(n, all.length + 1)), bound: pair });
    }
  }
  return limits;
}

/** The `count` largest accounts on metric m (largest first). */
function largest(s: RebalanceState, m: number, count: number): number[] {
  const idx = Array.from({ length: s.n }, (_, i) => i);
  idx.sort((a, b) => s.val[b * s.k + m] - s.val[a * s.k + m] || a - b);
  return idx.slice(0, count);
}

/**
 * The accounts the distance limit (`maxDistanceKm`) actually left where they are, from the final plan
 * — what `distanceLimit` and the explanation report. During the search the limit refuses every
 * candidate move it is asked about (`s.refusedFar`), most of which the search would never have made:
 * counting those over-reports (e.g. thousands "kept" on a 5,000-account plan whose result needed a
 * few dozen more moves). An account counts only when it ends unmoved and the limit is what stops it:
 * - an orphan (no active owner) still unplaced, when no free rep is within reach at all;
 * - an account still with its starting owner, when a move to a rep beyond the limit would still
 *   lower the balance objective (one of the two reps is outside its band). These are counted as a
 *   greedy pass would spend them: each counted move is applied to the loads before the next account
 *   is looked at (loads restored afterwards), so an under-target rep that one more account would
 *   fill is not credited with every account of an over-target rep; the move budgets are respected too.
 *
 * @param s the state after the search, with `s.refusedFar` as the search left it
 * @returns the account indices, ascending
 */
export function heldBackByDistance(s: RebalanceState): number[] {
  if (s.maxChord === Infinity || s.refusedFar.size === 0) return [];
  const k = s.k;
  const free: number[] = [];
  for (let j = 0; j < s.r; j++) if (s.free[j]) free.push(j);
  // free reps outside their band: when an account's own rep is inside its band, only these can gain
  let out = free.filter((j) => penalty(s, j, 0, 0) > 0);
  const held: number[] = [];
  const saved = s.load.slice();
  let moved = s.moved;
  let potential = s.potentialMoved;
  try {
    for (const i of [...s.refusedFar].sort((a, b) => a - b)) {
      const o = s.owner[i];
      if (s.fixed[i] || o !== s.orig[i]) continue;
      if (o < 0 || !s.active[o]) {
        // an unplaced orphan: held back by the limit when no free rep is within reach
        if (free.length > 0 && !free.some((j) => withinReach(s, i, j))) held.push(i);
        continue;
      }
      if (!s.free[o] || moved + 1 > s.maxMoves || potential + s.potential[i] > s.maxPotentialMoved * (1 + 1e-12)) continue;
      const here = penalty(s, o, i, 0) - penalty(s, o, i, -1);
      let best = -1;
      let bestGain = 1e-12;
      for (const c of here > 0 ? free : out) {
        if (c === o || withinReach(s, i, c)) continue;
        const gain = here + penalty(s, c, i, 0) - penalty(s, c, i, 1);
        if (gain > bestGain) {
          bestGain = gain;
          best = c;
        }
      }
      if (best < 0) continue;
      held.push(i);
      moved++;
      potential += s.potential[i];
      for (let m = 0; m < k; m++) {
        s.load[o * k + m] -= s.val[i * k + m];
        s.load[best * k + m] += s.val[i * k + m];
      }
      out = free.filter((j) => penalty(s, j, 0, 0) > 0);
    }
  } finally {
    s.load.set(saved);
  }
  return held;
}
