/**
 * Lower bounds on compactness for bench/rebalance.bench.ts: how compact can ANY plan be that keeps
 * every rep within ±tolerance of its capacity-scaled target on workload and potential, with the reps'
 * homes as they are — and, with `budget`, that also changes at most `budget.accounts` owners and
 * `budget.potential` potential relative to the current plan (as comparePlans counts them).
 */

import { haversineKm } from '../src/engine/geo.js';
import { insertNearest } from '../src/engine/rebalance/nearest.js';
import type { Instance } from './instances.js';

export interface FloorOptions {
  /** Allowed relative deviation from target on workload and potential. Default 0.05. */
  tolerance?: number;
  /** Subgradient steps. Default 200 (400 with a budget: two more prices to settle). */
  iterations?: number;
  /** Homes priced exactly per account (the others are bounded below). Default 16. */
  near?: number;
  /** Most owners changed and most potential moved, relative to `inst.current`. Default none. */
  budget?: { accounts: number; potential: number };
}

/**
 * The Lagrangian dual of the assignment problem (balance constraints relaxed with prices λ per rep
 * and metric; with a budget, the two budget constraints with prices μ, ν ≥ 0), maximised by
 * subgradient steps. Every set of prices gives a valid lower bound; the steps only make it tighter,
 * and the best one is returned. Only each account's `near` nearest homes (and its current rep) are
 * priced exactly; any other rep costs at least the (near+1)-th distance plus the cheapest price on
 * each metric (plus μ and ν: it is not the current rep), which keeps the bound valid.
 *
 * @returns km: workload-weighted mean km to the rep's home that no such plan can beat
 *
 * @example
 * const anyBalanced = compactnessFloor(inst);
 * const withinDisruptionTarget = compactnessFloor(inst, { budget: { accounts: 1.5 * lb.accounts, potential: 1.5 * lb.potential } });
 */
export function compactnessFloor(inst: Instance, options: FloorOptions = {}): number {
  const { tolerance = 0.05, near = 16, budget } = options;
  const iterations = options.iterations ?? (budget ? 400 : 200);
  const n = inst.accounts.length;
  const r = inst.reps.length;
  const K = Math.min(near, r);
  const W = K + 1; // the K nearest, then the current rep
  const capTotal = inst.reps.reduce((t, x) => t + (x.capacity ?? 1), 0);
  const w = Float64Array.from(inst.accounts, (a) => a.workload ?? 1);
  const p = Float64Array.from(inst.accounts, (a) => a.potential);
  const totW = w.reduce((a, b) => a + b, 0);
  const totP = p.reduce((a, b) => a + b, 0);
  // values in units where rep j's target is its capacity
  const v = [w.map((x) => (x * capTotal) / totW), p.map((x) => (x * capTotal) / totP)];
  const cap = Float64Array.from(inst.reps, (x) => x.capacity ?? 1);
  const repIndex = new Map(inst.reps.map((x, j) => [x.id, j]));
  const cur = Int32Array.from(inst.accounts, (a) => {
    const o = inst.current[a.id];
    return typeof o === 'string' ? (repIndex.get(o) ?? -1) : -1;
  });
  // each account's K nearest homes, its current rep, and the (K+1)-th distance, weighted by workload
  const cand = new Int32Array(n * W).fill(-1);
  const cost = new Float64Array(n * W);
  const beyond = new Float64Array(n);
  const d = new Float64Array(K + 1);
  const order = new Int32Array(K + 1);
  const km = (i: number, j: number) => haversineKm(inst.accounts[i].lat as number, inst.accounts[i].lng as number, inst.reps[j].home!.lat, inst.reps[j].home!.lng);
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let j = 0; j < r; j++) count = insertNearest(d, order, count, K + 1, km(i, j), j);
    for (let q = 0; q < K; q++) {
      cand[i * W + q] = order[q];
      cost[i * W + q] = w[i] * d[q];
    }
    if (cur[i] >= 0) {
      cand[i * W + K] = cur[i];
      cost[i * W + K] = w[i] * km(i, cur[i]);
    }
    beyond[i] = K < r ? w[i] * d[K] : Infinity;
  }
  const lam = [new Float64Array(r), new Float64Array(r)];
  const load = [new Float64Array(r), new Float64Array(r)];
  let mu = 0; // price of a changed owner
  let nu = 0; // price of a unit of potential moved
  let best = 0;
  let meanCost = 0;
  for (let i = 0; i < n; i++) meanCost += cost[i * W];
  const scale = meanCost / capTotal; // km·workload per unit of normalised load
  const perAccount = meanCost / n; // km·workload per account
  for (let t = 0; t < iterations; t++) {
    load[0].fill(0);
    load[1].fill(0);
    let minL0 = Infinity;
    let minL1 = Infinity;
    for (let j = 0; j < r; j++) {
      minL0 = Math.min(minL0, lam[0][j]);
      minL1 = Math.min(minL1, lam[1][j]);
    }
    let dual = 0;
    let moved = 0;
    let potMoved = 0;
    for (let i = 0; i < n; i++) {
      const change = budget ? mu + nu * p[i] : 0;
      let bj = -1;
      let bc = Infinity;
      for (let q = 0; q < W; q++) {
        const j = cand[i * W + q];
        if (j < 0) continue;
        const c = cost[i * W + q] + lam[0][j] * v[0][i] + lam[1][j] * v[1][i] + (j === cur[i] ? 0 : change);
        if (c < bc) {
          bc = c;
          bj = j;
        }
      }
      // any other rep is not the current one and costs at least this much
      dual += Math.min(bc, beyond[i] + minL0 * v[0][i] + minL1 * v[1][i] + change);
      load[0][bj] += v[0][i];
      load[1][bj] += v[1][i];
      if (bj !== cur[i]) {
        moved++;
        potMoved += p[i];
      }
    }
    for (let m = 0; m < 2; m++) {
      for (let j = 0; j < r; j++) {
        const U = cap[j] * (1 + tolerance);
        const L = cap[j] * (1 - tolerance);
        const l = lam[m][j];
        dual -= l > 0 ? l * U : l * L;
      }
    }
    if (budget) dual -= mu * budget.accounts + nu * budget.potential;
    if (dual > best) best = dual;
    const step = 2 / (1 + t / 25);
    for (let m = 0; m < 2; m++) {
      for (let j = 0; j < r; j++) {
        const U = cap[j] * (1 + tolerance);
        const L = cap[j] * (1 - tolerance);
        const l = lam[m][j];
        const g = l > 0 ? load[m][j] - U : l < 0 ? load[m][j] - L : Math.max(0, load[m][j] - U) - Math.max(0, L - load[m][j]);
        lam[m][j] += (scale * step * g) / cap[j];
      }
    }
    if (budget) {
      mu = Math.max(0, mu + perAccount * step * ((moved - budget.accounts) / Math.max(1, budget.accounts)));
      nu = Math.max(0, nu + (perAccount / Math.max(1e-9, totP / n)) * step * ((potMoved - budget.potential) / Math.max(1e-9, budget.potential)));
    }
  }
  return best / totW;
}
