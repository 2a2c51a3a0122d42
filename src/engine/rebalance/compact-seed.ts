import { insertNearest } from './nearest.js';
import { applyMove, budgetAllows, distance, withinReach } from './objective.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';

/** Each account is priced against this many of the nearest free reps (12 gave the same plans to ±1%, 25% slower). */
const NEAREST = 8;
/**
 * With more free reps than this, an account's nearest reps are looked for around the rep a walk on
 * the neighbour graph from its owner ends at, and all reps are scanned only when the triangle
 * inequality cannot rule out a nearer one outside that neighbourhood (the result is exact either way).
 */
const WALK_FROM = 60;
/**
 * Rounds of price updates, and the step (2 · scale / (1 + round / 5)): chosen on the bench's
 * instances. A slower decay (/10, /30) left the last assignment 40–150% off target on clustered or
 * heavy-tailed data (the prices oscillate), which the search then repaired with long moves; 60, 100
 * and 150 rounds at this decay gave the same compactness to ±1.5% (60 is the fastest).
 */
const ROUNDS = 60;
/** Prices push until a rep is within this share of its band, so the search after has little to do. */
const AIM = 0.5;
/**
 * With a move budget, the prices on changing owner aim the redraw at this share of it, leaving the
 * rest for the search that settles the loads afterwards (on the bench at 1.5× the disruption bounds:
 * 0.8 left 10% of the budget unused, 1.0 and 1.2 ran out before the loads were settled).
 */
const BUDGET_AIM = 0.9;
/**
 * Without a budget, what leaving the current rep costs, in typical territory radii (× workload): a
 * redraw that moved half the accounts to shave a few km is not what a user wants. On
 * bench/optimum.bench.ts (ZIP geography, 1k/10 and 2k/20, from the nearest-rep plan and from a compact
 * balanced plan perturbed by 2%): 0 moved 200–600 accounts from the perturbed plans for a result
 * 2.5–2.8% above the LP bound; 0.3 → 68–234 moves, 1.3–1.5%; 0.6 → 69–180, 1.0–1.2%; 1.0 → 55–173,
 * 0.9–1.0% (from the nearest-rep plans 2.3–2.8% above the bound for all of them).
 */
const STICK = 0.6;
/**
 * Accounts between two slicer checks: small, because these loops run once per rebalance, so cold
 * (interpreted) at first — on a page, 512 let a task reach 50–65 ms.
 */
const CHUNK = 128;

/**
 * The first step of `objective: 'compactness'`: redraws the plan from a clean sheet, ignoring who owns
 * what today. Every account that may move and has a position goes to whichever of its NEAREST nearest
 * free reps (found around the rep a walk from its owner over nearer and nearer neighbouring reps
 * ends at, exactly) costs least, where cost = workload × km to the rep's anchor + Σ_m price_jm · value_m; over
 * ROUNDS rounds, a rep beyond half its band gets its price raised (over target) or lowered (under) in
 * proportion. This is the Lagrangian relaxation of "the most compact plan within the bands" (the bound
 * that BENCHMARKS.md's "compactness floor" row computes); its assignment at the last prices is compact
 * and close to balanced, and the usual search then settles what is left while measuring distances
 * from here (`s.ref`) instead of from the current plan.
 *
 * Each account's current rep is a candidate too, and every other candidate costs STICK radii × its
 * workload more (what leaving costs). With `maxMoves` / `maxPotentialMoved`, that cost is μ + ν ·
 * potential instead; μ and ν are priced like the loads, so that the redraw
 * changes about BUDGET_AIM of each budget. Its moves are then made largest distance saved first, as
 * far as the hard budgets allow.
 *
 * Accounts without a position, fixed accounts (locked, or held by a locked rep) and reps that are not
 * free (inactive or locked) take no part: those accounts keep their owner here. Deterministic.
 *
 * @param s the state after its bands are set (before orphans are placed)
 * @param log the reason log (each redrawn account gets a 'redraw' reason)
 * @param slicer yields between slices
 * @param progress the progress fraction range to report while running
 * @returns how many accounts changed owner
 *
 * @example
 * const moved = await compactSeed(s, log, slicer, [0.05, 0.2]);
 */
export async function compactSeed(s: RebalanceState, log: ReasonLog, slicer: Slicer, progress: [number, number]): Promise<number> {
  const { n, r, k } = s;
  const reps: number[] = [];
  for (let j = 0; j < r; j++) if (s.free[j] && s.hasAnchor[j]) reps.push(j);
  if (reps.length < 2) return 0;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % (32 * CHUNK) === 0 && slicer.due()) await slicer.pause('balance', progress[0]);
    if (!s.fixed[i] && s.hasPos[i]) idx.push(i);
  }
  const m = idx.length;
  if (m === 0) return 0;

  // each account's K nearest free anchored reps (chord km); with a budget, also its current rep
  const budgeted = s.maxMoves !== Infinity || s.maxPotentialMoved !== Infinity;
  const K = Math.min(NEAREST, reps.length);
  const W = K + 1;
  // large arrays (≈ 10 MB at 100k accounts): start them on a fresh slice so that it stays short
  if (m * W > 65_536) await slicer.pause('balance', progress[0]);
  const cand = new Int32Array(m * W).fill(-1);
  const cost = new Float64Array(m * W);
  const own = new Int32Array(m);
  for (let q = 0; q < m; q++) own[q] = s.owner[idx[q]];
  if (slicer.due()) await slicer.pause('balance', progress[0]);
  const weight = new Float64Array(m);
  const d = new Float64Array(K);
  const order = new Int32Array(K);
  // reach[j]: chord km from rep j's anchor to the furthest of its wide neighbours (every other free
  // rep is at least that far)
  const reach = new Float64Array(r);
  for (const j of reps) {
    for (const c of s.wide[j]) {
      const dx = s.ax[j] - s.ax[c];
      const dy = s.ay[j] - s.ay[c];
      const dz = s.az[j] - s.az[c];
      reach[j] = Math.max(reach[j], Math.sqrt(dx * dx + dy * dy + dz * dz));
    }
  }
  if (slicer.due()) await slicer.pause('balance', progress[0]);
  for (let q = 0; q < m; q++) {
    // checked often: this loop runs once, so cold (interpreted) for its first few hundred accounts
    if (q % (CHUNK / 2) === 0 && slicer.due()) await slicer.pause('balance', progress[0]);
    const i = idx[q];
    const workload = s.accounts[i].workload;
    weight[q] = typeof workload === 'number' && workload >= 0 ? workload : 1;
    let count = 0;
    const start = own[q];
    if (reps.length > WALK_FROM && start >= 0 && s.free[start] && s.hasAnchor[start] && s.wide[start].length >= K) {
      // walk the neighbour graph from the owner to the nearest rep it leads to, then take the K
      // nearest of that rep and its wide neighbourhood (all reps are scanned for small teams)
      let at = start;
      let here = distance(s, i, at);
      for (;;) {
        let next = at;
        for (const c of s.neighbours[at]) {
          const dc = distance(s, i, c);
          if (dc < here || (dc === here && c < next)) {
            here = dc;
            next = c;
          }
        }
        if (next === at) break;
        at = next;
      }
      count = insertNearest(d, order, count, K, here, at);
      for (const j of s.wide[at]) count = insertNearest(d, order, count, K, distance(s, i, j), j);
      // exact when no rep outside that neighbourhood can be nearer (triangle inequality): any such rep
      // is at least reach[at] from `at`, so at least reach[at] − here from the account
      if (count < K || d[K - 1] > reach[at] - here) count = -1;
    } else {
      count = -1;
    }
    if (count < 0) {
      count = 0;
      for (const j of reps) count = insertNearest(d, order, count, K, distance(s, i, j), j);
    }
    // a weight of 0 would make the account free to go anywhere: keep a sliver of distance
    const wq = Math.max(weight[q], 1e-6);
    for (let c = 0; c < K; c++) {
      cand[q * W + c] = order[c];
      cost[q * W + c] = wq * d[c];
    }
    const o = own[q];
    if (o >= 0 && s.free[o] && s.hasAnchor[o]) {
      const dx = s.px[i] - s.ax[o];
      const dy = s.py[i] - s.ay[o];
      const dz = s.pz[i] - s.az[o];
      cand[q * W + K] = o;
      cost[q * W + K] = wq * Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }

  // without a budget, leaving the current rep costs STICK typical radii (times the workload): an
  // account changes owner only where that saves distance worth the disruption
  const stick = new Float64Array(budgeted ? 0 : m);
  if (!budgeted) for (let q = 0; q < m; q++) stick[q] = Math.max(weight[q], 1e-6) * STICK * s.radius;

  // a price of `scale` makes an average account cost one typical radius (times its workload) more
  let capTotal = 0;
  let weightTotal = 0;
  if (slicer.due()) await slicer.pause('balance', progress[0]);
  for (const j of reps) capTotal += s.cap[j];
  for (let q = 0; q < m; q++) weightTotal += weight[q];
  const scale = (s.radius * Math.max(weightTotal, 1e-9)) / capTotal;
  // Prices and values padded to three metrics (k ≤ 3: workload, potential, count), so the inner loop
  // is a fixed sum without a loop over metrics (about twice as fast at 100k accounts).
  const price = new Float64Array(r * 3);
  const v3 = new Float64Array(m * 3);
  for (let q = 0; q < m; q++) {
    if (q % (16 * CHUNK) === 0 && slicer.due()) await slicer.pause('balance', progress[0]);
    for (let mm = 0; mm < k; mm++) v3[q * 3 + mm] = s.val[idx[q] * k + mm];
  }
  const load = Float64Array.from(s.load);
  const choice = Int32Array.from(own);
  // An account's choice can only change once the prices have moved enough to close the gap between
  // its best and second-best candidate: `slack` is that gap when it was last priced, `drift[m]` the
  // running sum of the largest price change per round on metric m, `seen` its value then. A candidate's
  // cost moves by at most Σ_m Δdrift_m · value_m, so two of them by twice that; until then the account
  // is skipped (most accounts, once the prices settle).
  const slack = new Float64Array(m).fill(-1);
  const drift = new Float64Array(3);
  const seen = new Float64Array(m * 3);
  const most = new Float64Array(3);
  // With a budget: prices on changing owner (μ per account, ν per unit of potential), raised while
  // the redraw would change more than BUDGET_AIM of a budget and lowered (to 0 at least) while it
  // changes less; their drifts enter the skip bound once (they shift every candidate but the own rep).
  const pot = new Float64Array(m);
  for (let q = 0; q < m; q++) pot[q] = s.potential[idx[q]];
  if (slicer.due()) await slicer.pause('balance', progress[0]);
  const aimMoves = BUDGET_AIM * s.maxMoves;
  const aimPotential = BUDGET_AIM * s.maxPotentialMoved;
  let mu = 0;
  let nu = 0;
  let driftMu = 0;
  let driftNu = 0;
  const seenMu = new Float64Array(budgeted ? m : 0);
  const seenNu = new Float64Array(budgeted ? m : 0);
  let changed = 0;
  let changedPotential = 0;
  const perAccount = (s.radius * Math.max(weightTotal, 1e-9)) / m;
  let potTotal = 0;
  for (let q = 0; q < m; q++) potTotal += pot[q];
  const perPotential = perAccount / Math.max(1e-9, potTotal / m);
  for (let t = 0; t <= ROUNDS; t++) {
    if (t > 0) {
      const step = (2 * scale) / (1 + t / 5);
      if (budgeted) {
        const decay = 2 / (1 + t / 5);
        const muNext = aimMoves === Infinity ? 0 : Math.max(0, mu + perAccount * decay * ((changed - aimMoves) / Math.max(1, aimMoves)));
        const nuNext = aimPotential === Infinity ? 0 : Math.max(0, nu + perPotential * decay * ((changedPotential - aimPotential) / Math.max(1e-9, aimPotential)));
        driftMu += Math.abs(muNext - mu);
        driftNu += Math.abs(nuNext - nu);
        mu = muNext;
        nu = nuNext;
      }
      most.fill(0);
      for (const j of reps) {
        for (let mm = 0; mm < k; mm++) {
          const dev = load[j * k + mm] / s.cap[j] - 1;
          const b = s.band[j * k + mm] * AIM;
          const change = step * (dev > b ? dev - b : dev < -b ? dev + b : 0);
          price[j * 3 + mm] += change;
          if (Math.abs(change) > most[mm]) most[mm] = Math.abs(change);
        }
      }
      for (let mm = 0; mm < 3; mm++) drift[mm] += most[mm];
    }
    const d0 = drift[0];
    const d1 = drift[1];
    const d2 = drift[2];
    for (let q = 0; q < m; q++) {
      if (q % CHUNK === 0 && slicer.due()) await slicer.pause('balance', progress[0] + ((progress[1] - progress[0]) * t) / (ROUNDS + 1));
      const v0 = v3[q * 3];
      const v1 = v3[q * 3 + 1];
      const v2 = v3[q * 3 + 2];
      const sq = slack[q];
      if (sq >= 0) {
        let bound = 2 * ((d0 - seen[q * 3]) * v0 + (d1 - seen[q * 3 + 1]) * v1 + (d2 - seen[q * 3 + 2]) * v2);
        if (budgeted) bound += driftMu - seenMu[q] + (driftNu - seenNu[q]) * pot[q];
        if (bound < sq) continue;
      }
      const change = budgeted ? mu + nu * pot[q] : stick[q];
      const o = own[q];
      let to = -1;
      let low = Infinity;
      let next = Infinity;
      for (let c = q * W, end = c + W; c < end; c++) {
        const j = cand[c];
        if (j < 0) break;
        const v = cost[c] + price[j * 3] * v0 + price[j * 3 + 1] * v1 + price[j * 3 + 2] * v2 + (j === o ? 0 : change);
        if (v < low) {
          next = low;
          low = v;
          to = j;
        } else if (v < next) {
          next = v;
        }
      }
      slack[q] = next - low;
      seen[q * 3] = d0;
      seen[q * 3 + 1] = d1;
      seen[q * 3 + 2] = d2;
      if (budgeted) {
        seenMu[q] = driftMu;
        seenNu[q] = driftNu;
      }
      const was = choice[q];
      if (to === was) continue;
      if (was === o) {
        changed++;
        changedPotential += pot[q];
      } else if (to === o) {
        changed--;
        changedPotential -= pot[q];
      }
      for (let mm = 0; mm < k; mm++) {
        const v = v3[q * 3 + mm];
        if (was >= 0) load[was * k + mm] -= v;
        load[to * k + mm] += v;
      }
      choice[q] = to;
    }
  }

  // Apply, largest distance saved first, as far as the budgets allow (without one, all of them).
  const order2: number[] = [];
  const saved = new Float64Array(m);
  for (let q = 0; q < m; q++) {
    if (choice[q] === own[q]) continue;
    order2.push(q);
    const i = idx[q];
    // leaving no rep (or one without an anchor) saves everything
    const from = own[q] >= 0 && s.hasAnchor[own[q]] ? distance(s, i, own[q]) : Infinity;
    saved[q] = from - distance(s, i, choice[q]);
  }
  if (slicer.due()) await slicer.pause('balance', progress[1]);
  order2.sort((a, b) => saved[b] - saved[a] || a - b);
  if (slicer.due()) await slicer.pause('balance', progress[1]);
  let moved = 0;
  for (let c = 0; c < order2.length; c++) {
    if (c % CHUNK === 0 && slicer.due()) await slicer.pause('balance', progress[1]);
    const q = order2[c];
    const i = idx[q];
    if (!budgetAllows(s, i, choice[q]) || !withinReach(s, i, choice[q])) continue;
    log.redraw(i, s.owner[i], choice[q]);
    applyMove(s, i, choice[q]);
    moved++;
  }
  for (let q = 0; q < m; q++) s.ref[idx[q]] = s.owner[idx[q]];
  return moved;
}
