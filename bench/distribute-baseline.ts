// The greedy pass of distributeAccounts as it was at 427c3fa (before the repair pass), kept for npm run bench:distribute
// to measure against in the same run. Not part of the library.
import type { Account } from '../src/model/account.js';
import type { Assignments } from '../src/model/plan.js';
import type { Rep } from '../src/model/rep.js';
import { evaluatePlan, type MetricValues } from '../src/engine/evaluate-plan.js';
import { haversineKm } from '../src/engine/geo.js';
import { DEFAULT_FIT_WEIGHTS, type FitCriteria } from '../src/engine/recommend-reps.js';
import type { BalanceStats, Metric } from '../src/engine/types.js';

/** The owner proposed for one account of the selection. */
export interface DistributeProposal {
  accountId: string;
  /** The owner in `assignments` before (null when unassigned). */
  from: string | null;
  /** The proposed owner (may equal `from`: the account stays). */
  to: string;
  /** Weighted fit of `to` for this account when it was placed, in [0, 1] (as recommendReps scores one account). */
  score: number;
  breakdown: FitCriteria;
  /** Human-readable, e.g. "Knows Healthcare; 42 km from home; 18% headroom after". */
  reason: string;
}

/** An account of the selection that keeps its owner, and why. */
export interface DistributeKept {
  accountId: string;
  ownerId: string | null;
  /** `locked-account`: the account is locked; `locked-rep`: its owner is locked; `no-eligible-rep`: no active, unlocked rep may take it. */
  reason: 'locked-account' | 'locked-rep' | 'no-eligible-rep';
}

/** One rep's book before and after the proposal. */
export interface DistributeRepChange {
  repId: string;
  /** Accounts of the selection the rep receives (not counting ones it keeps). */
  gained: number;
  /** Accounts of the selection the rep gives away. */
  lost: number;
  before: MetricValues;
  after: MetricValues;
  /** Signed (a − target) / target after the proposal, per metric (see RepTotals.deviation). */
  deviationAfter: MetricValues;
  /** Within tolerance on every balanced metric after the proposal (inactive rep: holds nothing). */
  withinToleranceAfter: boolean;
}

export interface DistributeAccountsInput {
  accounts: readonly Account[];
  reps: readonly Rep[];
  /** The current plan: account id → rep id or null; an account missing here is unassigned (as in evaluatePlan). */
  assignments: Assignments;
  /** The selection to distribute. Give this or `fromRepId`. */
  accountIds?: readonly string[];
  /** Distribute this rep's whole book (a rep leaving); the rep receives nothing. */
  fromRepId?: string;
}

export interface DistributeAccountsOptions {
  /** Fit weights, as recommendReps. Default { skill: 0.3, relationship: 0.3, proximity: 0.2, capacity: 0.2 }. */
  weights?: Partial<FitCriteria>;
  /** Allowed relative deviation above a rep's target (as evaluatePlan). Default 0.05. */
  tolerance?: number;
  /** Attributes a receiving rep must stay within tolerance on. Default ['workload', 'potential']. */
  metrics?: readonly Metric[];
  /** Extra account ids that must not move (besides `Account.locked`). */
  lockedAccountIds?: readonly string[];
  /** Extra rep ids that neither give nor take (besides `Rep.locked`). */
  lockedRepIds?: readonly string[];
  /** Distance at which proximity falls to 0.5, as recommendReps. Default 100 km. */
  proximityHalfLifeKm?: number;
}

export interface DistributeResult {
  /** One per movable account of the selection, in selection order. */
  proposals: DistributeProposal[];
  /** Accounts of the selection that stay put, in selection order. */
  kept: DistributeKept[];
  /** Account id → new rep, only for accounts whose owner changes (null-prototype; feed to applyAssignments). */
  assignments: Assignments;
  /** Every rep, in reps order. */
  byRep: DistributeRepChange[];
  balanceBefore: Record<Metric, BalanceStats>;
  balanceAfter: Record<Metric, BalanceStats>;
  /** Every active rep within tolerance on the balanced metrics after the proposal. */
  withinTolerance: boolean;
}

const CRITERIA = ['skill', 'relationship', 'proximity', 'capacity'] as const;
const norm = (s: string) => s.trim().toLowerCase();
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Proposes an owner for every account of a selection (or of a leaving rep's whole book) so the
 * selection is spread over the team instead of handed to one rep.
 *
 * Each movable account is scored against every eligible rep with recommendReps's criteria for one
 * account — skill (industry among the rep's skills), relationship (the rep owns it now), proximity
 * (0.5^(km / half-life) from the rep's home) and capacity (1 − ρ/2, ρ the rep's workload after taking
 * it ÷ its workload target; when potential is balanced too, ρ mixes in the potential ratio in
 * proportion to the account's share of potential vs workload, relative to the mean targets) — with
 * the loads updated as accounts are placed. The selection's accounts
 * are first taken out of their owners' books; then, biggest first (workload and potential relative to
 * the mean target), each goes to the best-scoring rep that stays within `1 + tolerance` of its target
 * on every balanced metric — or within the receivers' mean load ratio when the selection cannot fit
 * within tolerance at all, so the overflow is shared — and when none can, to the rep left least over. Locked accounts,
 * accounts of locked reps and accounts with no eligible rep stay put (in `kept`). Inactive and locked
 * reps (and `fromRepId`) receive nothing. Ties go to the smaller rep id; the result is deterministic.
 *
 * @param input accounts, reps, current assignments, and `accountIds` or `fromRepId`
 * @param options weights, tolerance (0.05), metrics, locks, proximityHalfLifeKm (100)
 * @returns proposals with reasons, kept accounts, the changed assignments, per-rep gains and balance before/after
 * @throws naming the account or option at fault: an unknown account id, an unknown fromRepId, bad weights or tolerance
 *
 * @example
 * const d = distributeAccounts({ accounts, reps, assignments, fromRepId: 'r9' });
 * d.proposals[0]; // { accountId: 'a17', from: 'r9', to: 'r3', score: 0.71, reason: 'Knows Retail; 12 km from home; 9% headroom after' }
 * state = applyAssignments(state, d.assignments, 'Distribute 40 accounts');
 */
export function distributeAccounts(input: DistributeAccountsInput, options: DistributeAccountsOptions = {}): DistributeResult {
  const { accounts, reps, assignments } = input;
  const weights = { ...DEFAULT_FIT_WEIGHTS, ...options.weights };
  let weightSum = 0;
  for (const c of CRITERIA) {
    if (!(weights[c] >= 0 && weights[c] < Infinity)) throw new Error(`distributeAccounts: weights.${c} must be a finite number ≥ 0, got ${String(weights[c])}`);
    weightSum += weights[c];
  }
  if (weightSum === 0) throw new Error('distributeAccounts: at least one weight must be above 0');
  const tolerance = options.tolerance ?? 0.05;
  if (!(tolerance >= 0 && tolerance < Infinity)) throw new Error(`distributeAccounts: tolerance must be a finite number ≥ 0, got ${String(tolerance)}`);
  const halfLife = options.proximityHalfLifeKm ?? 100;
  if (!(halfLife > 0)) throw new Error(`distributeAccounts: proximityHalfLifeKm must be > 0, got ${String(halfLife)}`);
  const metrics = options.metrics ?? (['workload', 'potential'] as const);
  if ((input.accountIds === undefined) === (input.fromRepId === undefined)) {
    throw new Error('distributeAccounts: give exactly one of accountIds or fromRepId');
  }
  if (input.fromRepId !== undefined && !reps.some((r) => r.id === input.fromRepId)) {
    throw new Error(`distributeAccounts: fromRepId ${JSON.stringify(input.fromRepId)} is not a rep`);
  }

  const ownerOf = (id: string): string | null => (Object.hasOwn(assignments, id) ? (assignments[id] ?? null) : null);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  let selection: Account[];
  if (input.accountIds !== undefined) {
    selection = [];
    const seen = new Set<string>();
    for (const id of input.accountIds) {
      if (seen.has(id)) continue;
      seen.add(id);
      const a = byId.get(id);
      if (!a) throw new Error(`distributeAccounts: account ${JSON.stringify(id)} is not in accounts`);
      selection.push(a);
    }
  } else selection = accounts.filter((a) => ownerOf(a.id) === input.fromRepId);

  const lockedAccounts = new Set(options.lockedAccountIds ?? []);
  const lockedReps = new Set(options.lockedRepIds ?? []);
  for (const r of reps) if (r.locked) lockedReps.add(r.id);
  const evalOptions = { tolerance, balanceOn: metrics };
  const before = evaluatePlan(accounts, reps, assignments, evalOptions);

  // Eligible receivers and their loads once the movable selection is taken out.
  const receivers = reps.filter((r) => r.active !== false && !lockedReps.has(r.id) && r.id !== input.fromRepId);
  receivers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const k = receivers.length;
  const idx = new Map(receivers.map((r, j) => [r.id, j]));
  const loadW = new Float64Array(k);
  const loadP = new Float64Array(k);
  const targetW = new Float64Array(k);
  const targetP = new Float64Array(k);
  receivers.forEach((r, j) => {
    const t = before.byRep[r.id];
    loadW[j] = t.workload;
    loadP[j] = t.potential;
    targetW[j] = t.target.workload;
    targetP[j] = t.target.potential;
  });
  const skills = receivers.map((r) => new Set((r.skills ?? []).map(norm)));
  const homes = receivers.map((r) => r.home ?? null);
  const checkW = metrics.includes('workload');
  const checkP = metrics.includes('potential');

  const kept: DistributeKept[] = [];
  const movable: Account[] = [];
  for (const a of selection) {
    const owner = ownerOf(a.id);
    if (a.locked || lockedAccounts.has(a.id)) kept.push({ accountId: a.id, ownerId: owner, reason: 'locked-account' });
    else if (owner !== null && lockedReps.has(owner)) kept.push({ accountId: a.id, ownerId: owner, reason: 'locked-rep' });
    else if (k === 0) kept.push({ accountId: a.id, ownerId: owner, reason: 'no-eligible-rep' });
    else {
      movable.push(a);
      const j = owner === null ? undefined : idx.get(owner);
      if (j !== undefined) {
        loadW[j] -= a.workload ?? 1;
        loadP[j] -= a.potential;
      }
    }
  }

  // The ceiling a receiver may reach: 1 + tolerance, raised to the receivers' mean load ratio when
  // the selection cannot fit within tolerance at all (then the overflow is shared, not dumped).
  let sumW = 0;
  let sumP = 0;
  let sumTW = 0;
  let sumTP = 0;
  for (let j = 0; j < k; j++) {
    sumW += loadW[j];
    sumP += loadP[j];
    sumTW += targetW[j];
    sumTP += targetP[j];
  }
  for (const a of movable) {
    sumW += a.workload ?? 1;
    sumP += a.potential;
  }
  const ceilW = Math.max(1 + tolerance, sumTW > 0 ? sumW / sumTW : 0);
  const ceilP = Math.max(1 + tolerance, sumTP > 0 ? sumP / sumTP : 0);

  // Biggest first: they are the hardest to fit.
  const meanW = k ? targetW.reduce((s, x) => s + x, 0) / k : 0;
  const meanP = k ? targetP.reduce((s, x) => s + x, 0) / k : 0;
  const size = (a: Account) => (meanW > 0 ? (a.workload ?? 1) / meanW : 0) + (meanP > 0 ? a.potential / meanP : 0);
  const order = movable.map((a, i) => ({ a, i, s: size(a) }));
  order.sort((x, y) => y.s - x.s || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0));

  const placedAt: DistributeProposal[] = new Array(movable.length);
  const out = Object.create(null) as Assignments;
  const gained = new Map<string, number>();
  const lost = new Map<string, number>();
  const breakdown: FitCriteria = { skill: 0, relationship: 0, proximity: 0, capacity: 0 };
  for (const { a, i } of order) {
    const w = a.workload ?? 1;
    const owner = ownerOf(a.id);
    const ind = a.industry ? norm(a.industry) : null;
    const placed = a.lat !== null && a.lng !== null;
    // Load ratio after taking the account: workload (as recommendReps), mixed with potential in
    // proportion to the account's size in each when potential is balanced too, so accounts heavy in
    // one metric go to reps with room in that metric.
    const sw = meanW > 0 ? w / meanW : 0;
    const sp = checkP && meanP > 0 ? a.potential / meanP : 0;
    const mixP = sw + sp > 0 ? sp / (sw + sp) : 0;
    const rhoOf = (j: number): number => {
      const rw = targetW[j] > 0 ? (loadW[j] + w) / targetW[j] : loadW[j] + w > 0 ? Infinity : 0;
      if (mixP === 0 || !(targetP[j] > 0)) return rw;
      return (1 - mixP) * rw + mixP * ((loadP[j] + a.potential) / targetP[j]);
    };
    const scoreOf = (j: number): number => {
      const rho = rhoOf(j);
      const km = placed && homes[j] ? haversineKm(homes[j]!.lat, homes[j]!.lng, a.lat!, a.lng!) : null;
      const s =
        weights.skill * (ind !== null && skills[j].has(ind) ? 1 : 0) +
        weights.relationship * (owner === receivers[j].id ? 1 : 0) +
        weights.proximity * (km === null ? 0 : 0.5 ** (km / halfLife)) +
        weights.capacity * clamp01(1 - rho / 2);
      return s / weightSum;
    };
    let best = -1;
    let bestScore = -1;
    let bestFits = false;
    let bestOver = Infinity;
    for (let j = 0; j < k; j++) {
      const afterW = loadW[j] + w;
      const afterP = loadP[j] + a.potential;
      const overW = checkW && targetW[j] > 0 && w > 0 ? afterW / targetW[j] - ceilW : -Infinity;
      const overP = checkP && targetP[j] > 0 && a.potential > 0 ? afterP / targetP[j] - ceilP : -Infinity;
      const over = Math.max(overW, overP);
      const fits = over <= 1e-9;
      if (bestFits && !fits) continue;
      const score = scoreOf(j);
      if (fits && !bestFits) {
        best = j;
        bestScore = score;
        bestFits = true;
        bestOver = over;
      } else if (fits ? score > bestScore : over < bestOver - 1e-12 || (Math.abs(over - bestOver) <= 1e-12 && score > bestScore)) {
        best = j;
        bestScore = score;
        bestOver = over;
      }
    }
    const rep = receivers[best];
    const rho = rhoOf(best);
    const km = placed && homes[best] ? haversineKm(homes[best]!.lat, homes[best]!.lng, a.lat!, a.lng!) : null;
    breakdown.skill = ind !== null && skills[best].has(ind) ? 1 : 0;
    breakdown.relationship = owner === rep.id ? 1 : 0;
    breakdown.proximity = km === null ? 0 : 0.5 ** (km / halfLife);
    breakdown.capacity = clamp01(1 - rho / 2);
    loadW[best] += w;
    loadP[best] += a.potential;
    placedAt[i] = {
      accountId: a.id,
      from: owner,
      to: rep.id,
      score: clamp01(bestScore),
      breakdown: { ...breakdown },
      reason: reasonFor(a, breakdown.skill > 0, owner === rep.id, km, placed, rho, bestFits),
    };
    if (owner !== rep.id) {
      out[a.id] = rep.id;
      gained.set(rep.id, (gained.get(rep.id) ?? 0) + 1);
      if (owner !== null) lost.set(owner, (lost.get(owner) ?? 0) + 1);
    }
  }

  const afterAssignments = Object.assign(Object.create(null) as Assignments, assignments, out);
  const after = evaluatePlan(accounts, reps, afterAssignments, evalOptions);
  const byRep: DistributeRepChange[] = reps.map((r) => {
    const b = before.byRep[r.id];
    const t = after.byRep[r.id];
    return {
      repId: r.id,
      gained: gained.get(r.id) ?? 0,
      lost: lost.get(r.id) ?? 0,
      before: { workload: b.workload, potential: b.potential, count: b.count },
      after: { workload: t.workload, potential: t.potential, count: t.count },
      deviationAfter: { ...t.deviation },
      withinToleranceAfter: t.withinTolerance,
    };
  });
  return {
    proposals: placedAt,
    kept,
    assignments: out,
    byRep,
    balanceBefore: before.balance,
    balanceAfter: after.balance,
    withinTolerance: after.reps.every((r) => !r.active || r.withinTolerance),
  };
}

function reasonFor(a: Account, skill: boolean, owns: boolean, km: number | null, placed: boolean, rho: number, fits: boolean): string {
  const parts: string[] = [];
  if (skill) parts.push(`knows ${a.industry!.trim()}`);
  if (owns) parts.push('owns it already');
  if (placed) parts.push(km === null ? 'no home base' : `${Math.round(km)} km from home`);
  if (rho === Infinity) parts.push('no workload target');
  else {
    const headroom = Math.round((1 - rho) * 100);
    parts.push(headroom >= 0 ? `${headroom}% headroom after` : `${-headroom}% over target after`);
  }
  if (!fits) parts.push('every rep was at the limit: least over');
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
