import type { Account } from '../model/account.js';
import type { Assignments } from '../model/plan.js';
import type { Rep } from '../model/rep.js';
import { haversineKm, sphericalCentroid } from './geo.js';
import { balanceLowerBound, ratioStats, TOLERANCE_EPSILON } from './metrics/balance-stats.js';
import { METRICS, type BalanceStats, type Metric } from './types.js';

/** A value per balanced attribute. */
export type MetricValues = Record<Metric, number>;

/** One rep's book under a plan. */
export interface RepTotals {
  repId: string;
  active: boolean;
  capacity: number;
  workload: number;
  potential: number;
  count: number;
  /** c_j / Σc · Σ_i a_i over active reps; 0 for an inactive rep. */
  target: MetricValues;
  /**
   * Signed (a − target) / target. When the target is 0 (an inactive rep, or nothing to share) it is
   * 0 if the rep holds nothing of that attribute and +Infinity otherwise (JSON turns that into null).
   */
  deviation: MetricValues;
  /**
   * Active rep: |deviation| ≤ tolerance for every metric in `options.balanceOn`. Inactive rep: holds
   * no account.
   */
  withinTolerance: boolean;
  /** Workload-weighted mean great-circle km from the rep's accounts to its anchor; null when none. */
  compactnessKm: number | null;
}

/** The balance, compactness and coverage of one assignment of accounts to reps. */
export interface PlanEvaluation {
  /** One entry per rep, in the order the reps were given. */
  reps: RepTotals[];
  /** The same entries by rep id. */
  byRep: Record<string, RepTotals>;
  /** Spread of a(S_j)/target_j over the active reps, per attribute. */
  balance: Record<Metric, BalanceStats>;
  /** Workload-weighted mean km from each placed, assigned account to its rep's anchor; null when none. */
  compactnessKm: number | null;
  /** Accounts with no rep (null or missing in the assignments). */
  unassigned: { count: number; workload: number; potential: number; accountIds: string[] };
  /** Accounts assigned to an inactive rep. */
  onInactive: { count: number; potential: number; accountIds: string[] };
  /** Accounts assigned to a rep id that is not in `reps` (not counted as unassigned). */
  unknownOwner: { accountIds: string[] };
  /** Σ over every account passed (assigned or not). */
  totals: MetricValues;
  tolerance: number;
}

export interface EvaluatePlanOptions {
  /** Allowed relative deviation τ from target. Default 0.05. */
  tolerance?: number;
  /** Attributes that must be within tolerance for `withinTolerance`. Default ['workload', 'potential']. */
  balanceOn?: readonly Metric[];
}

const DEFAULT_BALANCE_ON: readonly Metric[] = ['workload', 'potential'];

function checkAmount(value: number, account: Account, field: string): void {
  if (!(value >= 0 && value < Infinity)) {
    throw new Error(`account "${account.id}": ${field} must be a finite number ≥ 0, got ${String(value)}`);
  }
}

function deviationOf(actual: number, target: number): number {
  if (target > 0) return (actual - target) / target;
  return actual > 0 ? Infinity : 0;
}

/**
 * Evaluates a plan: per-rep totals against capacity-scaled targets, balance statistics, the balance
 * lower bound, compactness and coverage, with the formulas of PRODUCT.md "Metrics".
 *
 * For attribute a ∈ {workload, potential, count} and active rep j with capacity c_j:
 * target_j = c_j / Σc · Σ_i a_i, where Σc runs over active reps and Σ_i over every account passed —
 * so unassigned accounts still count toward the targets. Inactive reps get target 0. Max deviation,
 * CV and Gini are taken over a(S_j)/target_j of the active reps. The lower bound is
 * L/mean − 1 with L = max(mean, largest a_i, a_(k) + a_(k+1)); with unequal capacities each term is
 * divided by the largest target instead (see `balanceLowerBound`). Compactness is
 * Σ_i w_i·d(i, anchor) / Σ_i w_i with w_i = workload, d great-circle km and the anchor the rep's home,
 * or the workload-weighted spherical centroid of its accounts when it has no home; accounts without
 * coordinates, unassigned accounts and accounts of unknown reps are left out.
 *
 * Runs in O(n + k) with typed arrays (plus an O(k log k) sort for the Gini); accounts are assumed to
 * have unique ids (as `validateBatch` guarantees). Missing `workload` counts as 1.
 *
 * @param accounts every account of the plan
 * @param reps the reps, active or not
 * @param assignments account id → rep id or null; an account missing here is unassigned
 * @param options `tolerance` (default 0.05), `balanceOn` (default ['workload', 'potential'])
 * @returns the evaluation; throws naming the record and field for a negative or non-finite workload or
 *   potential, a capacity ≤ 0, a duplicate rep id, or a bad tolerance
 *
 * @example
 * const ev = evaluatePlan(accounts, reps, { a1: 'r1', a2: 'r2', a3: null });
 * ev.balance.potential.maxDeviation; // e.g. 0.12 → 12% off target at worst
 * ev.byRep.r1.withinTolerance;       // false when r1 is more than 5% off on workload or potential
 * ev.unassigned.accountIds;          // ['a3']
 */
export function evaluatePlan(
  accounts: readonly Account[],
  reps: readonly Rep[],
  assignments: Assignments,
  options: EvaluatePlanOptions = {},
): PlanEvaluation {
  const tolerance = options.tolerance ?? 0.05;
  if (!(tolerance >= 0 && tolerance < Infinity)) {
    throw new Error(`evaluatePlan: tolerance must be a finite number ≥ 0, got ${String(tolerance)}`);
  }
  const balanceOn = options.balanceOn ?? DEFAULT_BALANCE_ON;

  const k = reps.length;
  const index = new Map<string, number>();
  const capacity = new Float64Array(k);
  const active = new Uint8Array(k);
  let activeCapacity = 0;
  let activeCount = 0;
  let maxActiveCapacity = 0;
  for (let j = 0; j < k; j++) {
    const rep = reps[j];
    if (index.has(rep.id)) throw new Error(`rep "${rep.id}": id is used by more than one rep`);
    index.set(rep.id, j);
    const c = rep.capacity ?? 1;
    if (!(c > 0 && c < Infinity)) throw new Error(`rep "${rep.id}": capacity must be a finite number > 0, got ${String(c)}`);
    capacity[j] = c;
    if (rep.active !== false) {
      active[j] = 1;
      activeCapacity += c;
      activeCount++;
      if (c > maxActiveCapacity) maxActiveCapacity = c;
    }
  }

  const n = accounts.length;
  const work = new Float64Array(k);
  const pot = new Float64Array(k);
  const cnt = new Float64Array(k);
  const workValues = new Float64Array(n);
  const potValues = new Float64Array(n);
  /** Rep index per account; -1 unassigned, -2 unknown rep. */
  const repOf = new Int32Array(n);

  let totalWork = 0;
  let totalPot = 0;
  const unassigned = { count: 0, workload: 0, potential: 0, accountIds: [] as string[] };
  const onInactive = { count: 0, potential: 0, accountIds: [] as string[] };
  const unknownOwner = { accountIds: [] as string[] };

  let lastOwner: string | undefined;
  let lastIndex: number | undefined;
  for (let i = 0; i < n; i++) {
    const acc = accounts[i];
    const w = acc.workload ?? 1;
    const p = acc.potential;
    checkAmount(w, acc, 'workload');
    checkAmount(p, acc, 'potential');
    workValues[i] = w;
    potValues[i] = p;
    totalWork += w;
    totalPot += p;
    // typeof guard: a missing key (or an inherited one such as "constructor") is unassigned
    const owner = assignments[acc.id];
    if (typeof owner !== 'string') {
      repOf[i] = -1;
      unassigned.count++;
      unassigned.workload += w;
      unassigned.potential += p;
      unassigned.accountIds.push(acc.id);
      continue;
    }
    // consecutive accounts often share an owner: skip the map lookup then
    const j = owner === lastOwner ? lastIndex : index.get(owner);
    lastOwner = owner;
    lastIndex = j;
    if (j === undefined) {
      repOf[i] = -2;
      unknownOwner.accountIds.push(acc.id);
      continue;
    }
    repOf[i] = j;
    work[j] += w;
    pot[j] += p;
    cnt[j] += 1;
    if (active[j] === 0) {
      onInactive.count++;
      onInactive.potential += p;
      onInactive.accountIds.push(acc.id);
    }
  }

  // Compactness: anchors, then a second pass over the placed accounts.
  const anchorLat = new Float64Array(k);
  const anchorLng = new Float64Array(k);
  const hasAnchor = new Uint8Array(k);
  const homeless = reps.some((r) => !r.home) ? byRepIndex(repOf, k) : null;
  const pool: { lat: number; lng: number; weight: number }[] = [];
  const points: { lat: number; lng: number; weight: number }[] = [];
  for (let j = 0; j < k; j++) {
    const anchor = reps[j].home ?? (homeless ? sphericalCentroid(placedAccounts(accounts, workValues, homeless, j, pool, points)) : null);
    if (anchor) {
      anchorLat[j] = anchor.lat;
      anchorLng[j] = anchor.lng;
      hasAnchor[j] = 1;
    }
  }
  const sumWD = new Float64Array(k);
  const sumW = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const j = repOf[i];
    if (j < 0 || hasAnchor[j] === 0) continue;
    const acc = accounts[i];
    if (acc.lat === null || acc.lng === null) continue;
    const w = workValues[i];
    if (w === 0) continue;
    sumWD[j] += w * haversineKm(acc.lat, acc.lng, anchorLat[j], anchorLng[j]);
    sumW[j] += w;
  }

  // Targets, deviations and ratios.
  const totals: MetricValues = { workload: totalWork, potential: totalPot, count: n };
  const byMetric: Record<Metric, Float64Array> = { workload: work, potential: pot, count: cnt };
  const ratios: Record<Metric, Float64Array> = {
    workload: new Float64Array(activeCount),
    potential: new Float64Array(activeCount),
    count: new Float64Array(activeCount),
  };
  const repTotals: RepTotals[] = new Array(k);
  let totalWD = 0;
  let totalW = 0;
  let a = 0;
  for (let j = 0; j < k; j++) {
    const isActive = active[j] === 1;
    const share = isActive ? capacity[j] / activeCapacity : 0;
    const target = { workload: share * totalWork, potential: share * totalPot, count: share * n };
    const deviation = {
      workload: deviationOf(work[j], target.workload),
      potential: deviationOf(pot[j], target.potential),
      count: deviationOf(cnt[j], target.count),
    };
    let within = true;
    if (isActive) {
      for (const m of balanceOn) if (Math.abs(deviation[m]) > tolerance + TOLERANCE_EPSILON) within = false;
      for (const m of METRICS) {
        const t = target[m];
        ratios[m][a] = t > 0 ? byMetric[m][j] / t : byMetric[m][j] > 0 ? Infinity : 1;
      }
      a++;
    } else {
      within = cnt[j] === 0;
    }
    totalWD += sumWD[j];
    totalW += sumW[j];
    repTotals[j] = {
      repId: reps[j].id,
      active: isActive,
      capacity: capacity[j],
      workload: work[j],
      potential: pot[j],
      count: cnt[j],
      target,
      deviation,
      withinTolerance: within,
      compactnessKm: sumW[j] > 0 ? sumWD[j] / sumW[j] : null,
    };
  }

  const maxShare = activeCount > 0 ? maxActiveCapacity / activeCapacity : 0;
  // (balanceLowerBound reorders the value arrays: the compactness pass above is done with them)
  const balance: Record<Metric, BalanceStats> = {
    workload: { ...ratioStats(ratios.workload), lowerBound: balanceLowerBound(workValues, totalWork, activeCount, maxShare) },
    potential: { ...ratioStats(ratios.potential), lowerBound: balanceLowerBound(potValues, totalPot, activeCount, maxShare) },
    // every value is 1: largest 1, pair 2 when n > k
    count: {
      ...ratioStats(ratios.count),
      lowerBound: activeCount > 0 && n > 0 ? Math.max(0, (n > activeCount ? 2 : 1) / (maxShare * n) - 1) : 0,
    },
  };

  return {
    reps: repTotals,
    byRep: Object.fromEntries(repTotals.map((r) => [r.repId, r])),
    balance,
    compactnessKm: totalW > 0 ? totalWD / totalW : null,
    unassigned,
    onInactive,
    unknownOwner,
    totals,
    tolerance,
  };
}

/** Account indices grouped by rep index (counting sort): rep j owns order[start[j] .. start[j + 1]). */
function byRepIndex(repOf: Int32Array, k: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(k + 1);
  for (let i = 0; i < repOf.length; i++) if (repOf[i] >= 0) start[repOf[i] + 1]++;
  for (let j = 0; j < k; j++) start[j + 1] += start[j];
  const fill = start.slice(0, k);
  const order = new Int32Array(start[k]);
  for (let i = 0; i < repOf.length; i++) if (repOf[i] >= 0) order[fill[repOf[i]]++] = i;
  return { order, start };
}

/**
 * Fills `out` with the placed accounts of rep j as { lat, lng, weight } for sphericalCentroid,
 * reusing the point objects of `pool` (so there is no allocation per account), and returns it.
 */
function placedAccounts(
  accounts: readonly Account[],
  weights: Float64Array,
  groups: { order: Int32Array; start: Int32Array },
  j: number,
  pool: { lat: number; lng: number; weight: number }[],
  out: { lat: number; lng: number; weight: number }[],
): { lat: number; lng: number; weight: number }[] {
  out.length = 0;
  for (let p = groups.start[j], end = groups.start[j + 1]; p < end; p++) {
    const i = groups.order[p];
    const acc = accounts[i];
    if (acc.lat === null || acc.lng === null) continue;
    if (pool.length === out.length) pool.push({ lat: 0, lng: 0, weight: 0 });
    const point = pool[out.length];
    point.lat = acc.lat;
    point.lng = acc.lng;
    point.weight = weights[i];
    out.push(point);
  }
  return out;
}
