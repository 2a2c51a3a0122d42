/** The core of `evaluatePlan`, cut into bounded steps (see steps.ts). */

import type { Account } from '../../model/account.js';
import type { Assignments } from '../../model/plan.js';
import type { Rep } from '../../model/rep.js';
import type { EvaluatePlanOptions, MetricValues, PlanEvaluation, RepTotals } from '../evaluate-plan.js';
import { haversineKm, sphericalCentroid } from '../geo.js';
import { METRICS, type BalanceStats, type Metric } from '../types.js';
import { balanceLowerBound, ratioStats, TOLERANCE_EPSILON } from './balance-stats.js';
import { STEP, type Steps } from './steps.js';

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
 * `evaluatePlan` as a generator that yields after every `STEP` accounts (or reps) of work, so a
 * caller can spread a 100k-account evaluation over several event-loop tasks. Same arguments, same
 * result and same errors as `evaluatePlan` (which runs it to the end with `runSteps`).
 *
 * @param accounts every account of the plan
 * @param reps the reps, active or not
 * @param assignments account id → rep id or null; an account missing here is unassigned
 * @param options `tolerance` (default 0.05), `balanceOn` (default ['workload', 'potential'])
 * @returns a generator whose return value is the evaluation
 *
 * @example
 * const ev = await slicer.run(evaluatePlanSteps(accounts, reps, current, { tolerance }), 'prepare', 0.01);
 */
export function* evaluatePlanSteps(
  accounts: readonly Account[],
  reps: readonly Rep[],
  assignments: Assignments,
  options: EvaluatePlanOptions = {},
): Steps<PlanEvaluation> {
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
    if (j % STEP === STEP - 1) yield;
  }

  const n = accounts.length;
  const t: Tally = {
    assignments,
    index,
    active,
    work: new Float64Array(k),
    pot: new Float64Array(k),
    cnt: new Float64Array(k),
    workValues: new Float64Array(n),
    potValues: new Float64Array(n),
    repOf: new Int32Array(n),
    totalWork: 0,
    totalPot: 0,
    unassigned: { count: 0, workload: 0, potential: 0, accountIds: [] },
    onInactive: { count: 0, potential: 0, accountIds: [] },
    unknownOwner: { accountIds: [] },
    lastOwner: undefined,
    lastIndex: undefined,
  };
  for (let from = 0; from < n; from += STEP) {
    tally(accounts, t, from, Math.min(n, from + STEP));
    yield;
  }
  const { work, pot, cnt, workValues, potValues, repOf, totalWork, totalPot, unassigned, onInactive, unknownOwner } = t;

  // Compactness: anchors, then a second pass over the placed accounts.
  const anchorLat = new Float64Array(k);
  const anchorLng = new Float64Array(k);
  const hasAnchor = new Uint8Array(k);
  const homeless = reps.some((r) => !r.home) ? yield* byRepIndex(repOf, k) : null;
  const pool: { lat: number; lng: number; weight: number }[] = [];
  const points: { lat: number; lng: number; weight: number }[] = [];
  let done = 0;
  for (let j = 0; j < k; j++) {
    // one rep's centroid is one step (its accounts); yield once about STEP accounts are done
    const anchor = reps[j].home ?? (homeless ? sphericalCentroid(placedAccounts(accounts, workValues, homeless, j, pool, points)) : null);
    if (anchor) {
      anchorLat[j] = anchor.lat;
      anchorLng[j] = anchor.lng;
      hasAnchor[j] = 1;
    }
    done += 1 + (homeless && !reps[j].home ? homeless.start[j + 1] - homeless.start[j] : 0);
    if (done >= STEP) {
      done = 0;
      yield;
    }
  }
  const sumWD = new Float64Array(k);
  const sumW = new Float64Array(k);
  for (let from = 0; from < n; from += STEP) {
    compactness(accounts, repOf, workValues, anchorLat, anchorLng, hasAnchor, sumWD, sumW, from, Math.min(n, from + STEP));
    yield;
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
    if (j % (STEP >> 2) === (STEP >> 2) - 1) yield;
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
  // (balanceLowerBound reorders the value arrays: the compactness pass above is done with them.
  // Each call is one linear-time selection over n values, ≈ 1 ms per 100k: a step of its own.)
  yield;
  const workStats: BalanceStats = { ...ratioStats(ratios.workload), lowerBound: balanceLowerBound(workValues, totalWork, activeCount, maxShare) };
  yield;
  const potStats: BalanceStats = { ...ratioStats(ratios.potential), lowerBound: balanceLowerBound(potValues, totalPot, activeCount, maxShare) };
  yield;
  const balance: Record<Metric, BalanceStats> = {
    workload: workStats,
    potential: potStats,
    // every value is 1: largest 1, pair 2 when n > k
    count: {
      ...ratioStats(ratios.count),
      lowerBound: activeCount > 0 && n > 0 ? Math.max(0, (n > activeCount ? 2 : 1) / (maxShare * n) - 1) : 0,
    },
  };

  // Null prototype: a rep id such as `constructor` or `__proto__` is an ordinary key, and a missing
  // one reads undefined instead of an Object.prototype member.
  const byRep = Object.create(null) as Record<string, (typeof repTotals)[number]>;
  for (const r of repTotals) byRep[r.repId] = r;
  return {
    reps: repTotals,
    byRep,
    balance,
    compactnessKm: totalW > 0 ? totalWD / totalW : null,
    unassigned,
    onInactive,
    unknownOwner,
    totals,
    tolerance,
  };
}

/** The running sums of the account pass. */
interface Tally {
  assignments: Assignments;
  index: Map<string, number>;
  active: Uint8Array;
  work: Float64Array;
  pot: Float64Array;
  cnt: Float64Array;
  workValues: Float64Array;
  potValues: Float64Array;
  /** Rep index per account; -1 unassigned, -2 unknown rep. */
  repOf: Int32Array;
  totalWork: number;
  totalPot: number;
  unassigned: PlanEvaluation['unassigned'];
  onInactive: PlanEvaluation['onInactive'];
  unknownOwner: PlanEvaluation['unknownOwner'];
  lastOwner: string | undefined;
  lastIndex: number | undefined;
}

/** The account pass over accounts[from .. to): amounts, owners, coverage (a plain function, so it optimises well). */
function tally(accounts: readonly Account[], t: Tally, from: number, to: number): void {
  const { assignments, index, active, work, pot, cnt, workValues, potValues, repOf, unassigned, onInactive, unknownOwner } = t;
  let { totalWork, totalPot, lastOwner, lastIndex } = t;
  for (let i = from; i < to; i++) {
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
  // (a bad amount throws mid-pass: the evaluation is abandoned, so the sums need not be saved)
  t.totalWork = totalWork;
  t.totalPot = totalPot;
  t.lastOwner = lastOwner;
  t.lastIndex = lastIndex;
}

/** Σ w·km to the anchor and Σ w per rep over accounts[from .. to). */
function compactness(
  accounts: readonly Account[],
  repOf: Int32Array,
  workValues: Float64Array,
  anchorLat: Float64Array,
  anchorLng: Float64Array,
  hasAnchor: Uint8Array,
  sumWD: Float64Array,
  sumW: Float64Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const j = repOf[i];
    if (j < 0 || hasAnchor[j] === 0) continue;
    const acc = accounts[i];
    if (acc.lat === null || acc.lng === null) continue;
    const w = workValues[i];
    if (w === 0) continue;
    sumWD[j] += w * haversineKm(acc.lat, acc.lng, anchorLat[j], anchorLng[j]);
    sumW[j] += w;
  }
}

/** Account indices grouped by rep index (counting sort): rep j owns order[start[j] .. start[j + 1]). */
function* byRepIndex(repOf: Int32Array, k: number): Steps<{ order: Int32Array; start: Int32Array }> {
  const start = new Int32Array(k + 1);
  const chunk = STEP * 8; // typed arrays only: cheap per account
  for (let i = 0; i < repOf.length; i++) {
    if (i % chunk === chunk - 1) yield;
    if (repOf[i] >= 0) start[repOf[i] + 1]++;
  }
  for (let j = 0; j < k; j++) start[j + 1] += start[j];
  const fill = start.slice(0, k);
  const order = new Int32Array(start[k]);
  for (let i = 0; i < repOf.length; i++) {
    if (i % chunk === chunk - 1) yield;
    if (repOf[i] >= 0) order[fill[repOf[i]]++] = i;
  }
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
