import type { Account } from '../model/account.js';
import type { Assignments } from '../model/plan.js';
import type { Rep } from '../model/rep.js';
import { evaluatePlan, type MetricValues } from './evaluate-plan.js';
import { haversineKm, sphericalCentroid } from './geo.js';
import { fitWeights, type FitCriteria, type FitReasonPart } from './recommend-reps.js';
import type { BalanceStats, Metric } from './types.js';
import { repairBalance } from './distribute/repair-balance.js';
import { NEARER_KM, NEARER_SHARE, nearerReceivers } from './distribute/nearer-receivers.js';

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
  /** The same reason as clauses (see FitReasonPart). */
  reasonParts?: FitReasonPart[];
  /**
   * Great-circle km from the account to `to`'s home (for a rep without a home base: the centroid of
   * the accounts it holds in `assignments`, as evaluatePlan's compactness and the rebalance's limit);
   * null when the account has no coordinates or the rep no position at all.
   */
  distanceKm: number | null;
}

/** An account of the selection that keeps its owner, and why. */
export interface DistributeKept {
  accountId: string;
  ownerId: string | null;
  /**
   * `locked-account`: the account is locked; `locked-rep`: its owner is locked; `no-eligible-rep`: no
   * active, unlocked rep may take it; `beyond-distance-limit`: no rep that may take it (other than its
   * current owner) is within `maxDistanceKm` (see that option).
   */
  reason: DistributeKeptReason;
  /** The same in English, e.g. "No other rep within 300 km (the nearest, r7, is 840 km away)". */
  text: string;
  /** `beyond-distance-limit`: the nearest rep that could otherwise take it and its distance in km (rounded). */
  nearestRepId?: string;
  nearestKm?: number;
}

export type DistributeKeptReason = 'locked-account' | 'locked-rep' | 'no-eligible-rep' | 'beyond-distance-limit';

/** The distance limit's effect (`maxDistanceKm` given). */
export interface DistributeDistanceLimit {
  maxDistanceKm: number;
  /** Whether the limit held back at least one account (`accountCount` > 0). */
  binds: boolean;
  /** How many accounts of the selection it held back (in `kept` with reason `beyond-distance-limit`). */
  accountCount: number;
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
  /**
   * Distance limit in km: no account goes to a rep whose home (for a rep without one: the centroid of
   * the accounts it holds) is further than this great-circle distance. An account that has to leave its
   * owner (unassigned, or the owner inactive or leaving) with no rep within reach stays where it is,
   * reported in `kept` as `beyond-distance-limit`; one whose owner may keep it and no other rep is within
   * reach stays with the owner, reported so only when the owner ends over its ceiling (as many as cover
   * the excess, largest first: the ones the balance needed to move). As the rebalance's limit: staying with the current owner is never limited,
   * and accounts without coordinates or reps without any position are not limited (their distance is
   * unknown). Default none (Infinity).
   */
  maxDistanceKm?: number;
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
  /** The distance limit's effect; null when `maxDistanceKm` was not set. */
  distanceLimit: DistributeDistanceLimit | null;
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
 * within tolerance at all, so the overflow is shared — and when none can, to the rep left least over. That
 * pass caps reps from above only, so a repair pass follows (distribute/repair-balance.ts): single moves,
 * then swaps, of the selection's accounts between receivers, each lowering the summed squared excess
 * outside the band [1 − tolerance, 1 + tolerance] (widened around the receivers' mean load ratio when
 * the selection cannot reach it; when the selection is too small to lift every rep to the floor, each
 * rep's floor is where the greedy pass left it, so a region's accounts are not sent across the map to
 * make up for an imbalance they did not cause), preferring the step that loses the least fit; it stops when every
 * receiver is inside the band on every balanced metric, or no step helps. Distance: among the reps
 * with room, one clearly further than the nearest (by NEARER_KM and NEARER_SHARE, see
 * distribute/nearer-receivers.ts) is not considered — skills and relationship choose among reps at
 * about the same distance, and the owner keeping its account is never excluded; after the repair, a
 * last pass gives each hand-over, longest first, to a clearly nearer rep (or exchanges it with one of
 * that rep's accounts) where neither rep ends further outside the band. With `maxDistanceKm`, no
 * account goes to a rep further than that; one with no other rep within reach stays with its owner
 * (or unassigned) in `kept` as `beyond-distance-limit`, counted in `distanceLimit`. Locked accounts,
 * accounts of locked reps and accounts with no eligible rep stay put (in `kept`). Inactive and locked
 * reps (and `fromRepId`) receive nothing; a leaving rep counts as inactive for the targets and the
 * balance after (its share of the team's targets goes to the others). Ties go to the smaller rep id; the result is deterministic.
 *
 * @param input accounts, reps, current assignments, and `accountIds` or `fromRepId`
 * @param options weights, tolerance (0.05), metrics, locks, proximityHalfLifeKm (100), maxDistanceKm (none)
 * @returns proposals with reasons, kept accounts, the changed assignments, per-rep gains and balance before/after
 * @throws naming the account or option at fault: an unknown account id, an unknown fromRepId, bad weights, tolerance or maxDistanceKm
 *
 * @example
 * const d = distributeAccounts({ accounts, reps, assignments, fromRepId: 'r9' });
 * d.proposals[0]; // { accountId: 'a17', from: 'r9', to: 'r3', score: 0.71, reason: 'Knows Retail; 12 km from home; 9% headroom after' }
 * state = applyAssignments(state, d.assignments, 'Distribute 40 accounts');
 */
export function distributeAccounts(input: DistributeAccountsInput, options: DistributeAccountsOptions = {}): DistributeResult {
  const { accounts, reps, assignments } = input;
  const { weights, weightSum } = fitWeights('distributeAccounts', options.weights);
  const tolerance = options.tolerance ?? 0.05;
  if (!(tolerance >= 0 && tolerance < Infinity)) throw new Error(`distributeAccounts: tolerance must be a finite number ≥ 0, got ${String(tolerance)}`);
  const halfLife = options.proximityHalfLifeKm ?? 100;
  if (!(halfLife > 0)) throw new Error(`distributeAccounts: proximityHalfLifeKm must be > 0, got ${String(halfLife)}`);
  const metrics = options.metrics ?? (['workload', 'potential'] as const);
  const maxKm = options.maxDistanceKm ?? Infinity;
  if (!(maxKm > 0)) throw new Error(`distributeAccounts: maxDistanceKm must be a number > 0, got ${String(maxKm)}`);
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
  // A leaving rep counts as gone for the targets the book is shared against, and in the balance after.
  const leaving = input.fromRepId;
  const repsAfter = leaving === undefined ? reps : reps.map((r) => (r.id === leaving && r.active !== false ? { ...r, active: false } : r));
  const goal = repsAfter === reps ? before : evaluatePlan(accounts, repsAfter, assignments, evalOptions);

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
    const t = goal.byRep[r.id];
    loadW[j] = t.workload;
    loadP[j] = t.potential;
    targetW[j] = t.target.workload;
    targetP[j] = t.target.potential;
  });
  const skills = receivers.map((r) => new Set((r.skills ?? []).map(norm)));
  const homes = receivers.map((r) => r.home ?? null);
  // Where distances are measured from: the home, else the centroid of the accounts the rep holds.
  const anchors = homes.slice();
  if (anchors.some((h) => h === null)) {
    const held = new Map<string, { lat: number; lng: number }[]>();
    receivers.forEach((r, j) => homes[j] === null && held.set(r.id, []));
    for (const a of accounts) {
      const o = ownerOf(a.id);
      if (o !== null && a.lat !== null && a.lng !== null) held.get(o)?.push({ lat: a.lat, lng: a.lng });
    }
    receivers.forEach((r, j) => {
      if (anchors[j] === null) anchors[j] = sphericalCentroid(held.get(r.id)!);
    });
  }
  /** Great-circle km from account `a` to receiver `j`'s anchor; NaN when either has no position. */
  const kmTo = (a: Account, j: number): number => {
    const h = anchors[j];
    return h && a.lat !== null && a.lng !== null ? haversineKm(h.lat, h.lng, a.lat, a.lng) : NaN;
  };
  /** The distance limit: staying with the owner, and unknown distances, are never limited. */
  const reach = (a: Account, j: number): boolean => maxKm === Infinity || !(kmTo(a, j) > maxKm) || ownerOf(a.id) === receivers[j].id;
  const checkW = metrics.includes('workload');
  const checkP = metrics.includes('potential');

  const kept: DistributeKept[] = [];
  const movable: Account[] = [];
  /** The nearest receiver but the owner, for accounts no other receiver can reach (index into receivers). */
  const nearestOther = (a: Account, owner: string | null): number => {
    let near = -1;
    for (let j = 0; j < k; j++) if (receivers[j].id !== owner && (near < 0 || kmTo(a, j) < kmTo(a, near))) near = j;
    return near;
  };
  const farEntry = (a: Account, owner: string | null) => {
    const near = nearestOther(a, owner);
    return keptEntry(a.id, owner, 'beyond-distance-limit', { maxKm, repId: receivers[near].id, km: Math.round(kmTo(a, near)) });
  };
  /** Movable accounts whose owner is a receiver and no other receiver is within reach (index into movable). */
  const stuck: number[] = [];
  for (const a of selection) {
    const owner = ownerOf(a.id);
    if (a.locked || lockedAccounts.has(a.id)) kept.push(keptEntry(a.id, owner, 'locked-account'));
    else if (owner !== null && lockedReps.has(owner)) kept.push(keptEntry(a.id, owner, 'locked-rep'));
    else if (k === 0) kept.push(keptEntry(a.id, owner, 'no-eligible-rep'));
    else if (maxKm !== Infinity && (owner === null || !idx.has(owner)) && !receivers.some((_, j) => reach(a, j))) {
      // held back by the distance limit: it must leave its owner (none, inactive or leaving) and no rep is within reach
      kept.push(farEntry(a, owner));
    } else {
      // an owner that may keep it, and no other rep within reach: it stays (counted as held back below if its owner is over)
      if (maxKm !== Infinity && owner !== null && idx.has(owner) && receivers.some((r) => r.id !== owner) && !receivers.some((r, j) => r.id !== owner && reach(a, j))) stuck.push(movable.length);
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
  // The receivers' loads without the selection (for the repair's floors).
  const baseW = loadW.slice();
  const baseP = loadP.slice();
  const at = new Int32Array(movable.length);
  /** The static part of the fit (skill, relationship, proximity) and the km, for account `a` and receiver `j`. */
  const staticFit = (a: Account, j: number) => {
    const ind = a.industry ? norm(a.industry) : null;
    const placed = a.lat !== null && a.lng !== null;
    const km = placed && homes[j] ? haversineKm(homes[j]!.lat, homes[j]!.lng, a.lat!, a.lng!) : null;
    const skill = ind !== null && skills[j].has(ind) ? 1 : 0;
    const relationship = ownerOf(a.id) === receivers[j].id ? 1 : 0;
    const proximity = km === null ? 0 : 0.5 ** (km / halfLife);
    return { skill, relationship, proximity, km, placed };
  };
  /**
   * Load ratio of receiver `j` holding `a`, given its loads with `a` counted: workload (as recommendReps),
   * mixed with potential in proportion to the account's size in each when potential is balanced too,
   * so accounts heavy in one metric go to reps with room in that metric.
   */
  const rhoWith = (a: Account, j: number, lw: number, lp: number): number => {
    const w = a.workload ?? 1;
    const sw = meanW > 0 ? w / meanW : 0;
    const sp = checkP && meanP > 0 ? a.potential / meanP : 0;
    const mixP = sw + sp > 0 ? sp / (sw + sp) : 0;
    const rw = targetW[j] > 0 ? lw / targetW[j] : lw > 0 ? Infinity : 0;
    if (mixP === 0 || !(targetP[j] > 0)) return rw;
    return (1 - mixP) * rw + mixP * (lp / targetP[j]);
  };
  const proposal = (a: Account, j: number, lw: number, lp: number, fits: boolean): DistributeProposal => {
    const f = staticFit(a, j);
    const rho = rhoWith(a, j, lw, lp);
    const breakdown: FitCriteria = { skill: f.skill, relationship: f.relationship, proximity: f.proximity, capacity: clamp01(1 - rho / 2) };
    let score = 0;
    for (const c of CRITERIA) score += weights[c] * breakdown[c];
    return {
      accountId: a.id,
      from: ownerOf(a.id),
      to: receivers[j].id,
      score: clamp01(score / weightSum),
      breakdown,
      ...reasonFor(a, f.skill > 0, f.relationship > 0, f.km, f.placed, rho, fits),
      distanceKm: Number.isNaN(kmTo(a, j)) ? null : Math.round(kmTo(a, j)),
    };
  };
  const kmJ = new Float64Array(k);
  const overJ = new Float64Array(k);
  for (const { a, i } of order) {
    const w = a.workload ?? 1;
    // Nearest first: a rep with room clearly further than the nearest rep with room is not considered
    // (skills and relationship choose among reps at about the same distance, not across the country).
    let nearest = Infinity;
    for (let j = 0; j < k; j++) {
      kmJ[j] = reach(a, j) ? kmTo(a, j) : -1;
      const overW = checkW && targetW[j] > 0 && w > 0 ? (loadW[j] + w) / targetW[j] - ceilW : -Infinity;
      const overP = checkP && targetP[j] > 0 && a.potential > 0 ? (loadP[j] + a.potential) / targetP[j] - ceilP : -Infinity;
      overJ[j] = Math.max(overW, overP);
      if (overJ[j] <= 1e-9 && kmJ[j] >= 0 && kmJ[j] < nearest) nearest = kmJ[j];
    }
    let best = -1;
    let bestScore = -1;
    let bestFits = false;
    let bestOver = Infinity;
    for (let j = 0; j < k; j++) {
      if (kmJ[j] === -1) continue; // beyond the distance limit
      const afterW = loadW[j] + w;
      const afterP = loadP[j] + a.potential;
      const over = overJ[j];
      const fits = over <= 1e-9;
      if (bestFits && !fits) continue;
      // (its owner keeping it is no hand-over: never excluded)
      if (fits && nearest <= kmJ[j] - NEARER_KM && nearest <= kmJ[j] * (1 - NEARER_SHARE) && receivers[j].id !== ownerOf(a.id)) continue;
      const f = staticFit(a, j);
      const score =
        (weights.skill * f.skill +
          weights.relationship * f.relationship +
          weights.proximity * f.proximity +
          weights.capacity * clamp01(1 - rhoWith(a, j, afterW, afterP) / 2)) /
        weightSum;
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
    loadW[best] += w;
    loadP[best] += a.potential;
    at[i] = best;
    placedAt[i] = proposal(a, best, loadW[best], loadP[best], bestFits);
  }

  // Repair: the greedy pass caps reps from above only; moves and swaps within the selection bring the
  // reps it left under (or over) into the band where the selection allows. The band is the tolerance
  // around target, widened around the receivers' mean load ratio when that is outside it (the
  // selection cannot bring everyone within tolerance then, so it is shared evenly).
  if (movable.length && k > 1) {
    let tw = 0;
    let tp = 0;
    let lw = 0;
    let lp = 0;
    for (let j = 0; j < k; j++) {
      if (targetW[j] > 0) (tw += targetW[j]), (lw += loadW[j]);
      if (targetP[j] > 0) (tp += targetP[j]), (lp += loadP[j]);
    }
    const muW = tw > 0 ? lw / tw : 1;
    const muP = tp > 0 ? lp / tp : 1;
    // The floor is 1 − tolerance (around the mean ratio when that is below it) when the selection is
    // enough to lift every receiver to it; otherwise (a region's accounts in a team that is imbalanced
    // anyway) the selection cannot fix the team, and it is not pulled across the map trying: each
    // receiver's floor is then no higher than where the greedy pass left it.
    const floors = (mu: number, base: Float64Array, load: Float64Array, target: Float64Array, selected: number) => {
      const band = mu < 1 - tolerance ? mu * (1 - tolerance) : 1 - tolerance;
      let deficit = 0;
      for (let j = 0; j < k; j++) if (target[j] > 0) deficit += Math.max(0, band * target[j] - base[j]);
      const reachable = selected >= deficit - 1e-9;
      return Float64Array.from(receivers, (_, j) => (reachable || !(target[j] > 0) ? band : Math.min(band, load[j] / target[j])));
    };
    let selW = 0;
    let selP = 0;
    for (const a of movable) (selW += a.workload ?? 1), (selP += a.potential);
    const band = {
      loadW,
      loadP,
      targetW,
      targetP,
      w: Float64Array.from(movable, (a) => a.workload ?? 1),
      p: Float64Array.from(movable, (a) => a.potential),
      at,
      checkW,
      checkP,
      loW: floors(muW, baseW, loadW, targetW, selW),
      hiW: muW > 1 + tolerance ? Math.max(ceilW, muW * (1 + tolerance)) : ceilW,
      loP: floors(muP, baseP, loadP, targetP, selP),
      hiP: muP > 1 + tolerance ? Math.max(ceilP, muP * (1 + tolerance)) : ceilP,
    };
    // fits and distances cached when that stays small (≤ 32 MB each)
    const cache = movable.length * k <= 4_000_000;
    const fitAt = cache ? new Float64Array(movable.length * k).fill(-1) : null;
    const moved = repairBalance({
      ...band,
      fit: (i, j) => {
        if (fitAt && fitAt[i * k + j] >= 0) return fitAt[i * k + j];
        const f = staticFit(movable[i], j);
        const v = (weights.skill * f.skill + weights.relationship * f.relationship + weights.proximity * f.proximity) / weightSum;
        if (fitAt) fitAt[i * k + j] = v;
        return v;
      },
      reach: (i, j) => reach(movable[i], j),
    });
    // No hand-over to a far rep when a clearly nearer one can take it within the band.
    const km = cache ? new Float64Array(movable.length * k).fill(-1) : null;
    const redirected = nearerReceivers({
      ...band,
      owner: Int32Array.from(movable, (a) => {
        const o = ownerOf(a.id);
        return o === null ? -1 : (idx.get(o) ?? -1);
      }),
      km: (i, j) => {
        if (!km) return kmTo(movable[i], j);
        const c = i * k + j;
        if (km[c] === -1) km[c] = kmTo(movable[i], j);
        return km[c];
      },
      reach: (i, j) => reach(movable[i], j),
    });
    // Every proposal is stated against the final loads (the repair may have changed any rep's).
    if (moved.size || redirected) {
      for (let i = 0; i < movable.length; i++) {
        const j = at[i];
        const over =
          (checkW && targetW[j] > 0 && loadW[j] / targetW[j] > ceilW + 1e-9) || (checkP && targetP[j] > 0 && loadP[j] / targetP[j] > ceilP + 1e-9);
        placedAt[i] = proposal(movable[i], j, loadW[j], loadP[j], !over);
      }
    }
  }

  // Accounts only their owner could reach, with the owner left over its ceiling: the limit held back as
  // many as cover the owner's excess (largest first), as a greedy pass would have moved them.
  let proposals = placedAt;
  if (stuck.length) {
    const held = new Set<number>();
    const vW = loadW.slice();
    const vP = loadP.slice();
    const over = (j: number) => (checkW && targetW[j] > 0 && vW[j] / targetW[j] > ceilW + 1e-9) || (checkP && targetP[j] > 0 && vP[j] / targetP[j] > ceilP + 1e-9);
    const bySize = [...stuck].sort((x, y) => size(movable[y]) - size(movable[x]) || x - y);
    for (const i of bySize) {
      const j = at[i];
      if (!over(j)) continue;
      held.add(i);
      vW[j] -= movable[i].workload ?? 1;
      vP[j] -= movable[i].potential;
    }
    if (held.size) {
      for (const i of held) kept.push(farEntry(movable[i], ownerOf(movable[i].id)));
      const pos = new Map(selection.map((a, q) => [a.id, q]));
      kept.sort((x, y) => pos.get(x.accountId)! - pos.get(y.accountId)!);
      proposals = placedAt.filter((_, i) => !held.has(i));
    }
  }
  const heldBack = kept.filter((x) => x.reason === 'beyond-distance-limit').length;
  const out = Object.create(null) as Assignments;
  const gained = new Map<string, number>();
  const lost = new Map<string, number>();
  for (const p of proposals) {
    if (p.from === p.to) continue;
    out[p.accountId] = p.to;
    gained.set(p.to, (gained.get(p.to) ?? 0) + 1);
    if (p.from !== null) lost.set(p.from, (lost.get(p.from) ?? 0) + 1);
  }

  const afterAssignments = Object.assign(Object.create(null) as Assignments, assignments, out);
  const after = evaluatePlan(accounts, repsAfter, afterAssignments, evalOptions);
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
    proposals,
    kept,
    assignments: out,
    byRep,
    balanceBefore: before.balance,
    balanceAfter: after.balance,
    withinTolerance: after.reps.every((r) => !r.active || r.withinTolerance),
    distanceLimit: maxKm === Infinity ? null : { maxDistanceKm: maxKm, binds: heldBack > 0, accountCount: heldBack },
  };
}

function keptEntry(accountId: string, ownerId: string | null, reason: DistributeKeptReason, far?: { maxKm: number; repId: string; km: number }): DistributeKept {
  const text =
    reason === 'locked-account'
      ? 'The account is locked'
      : reason === 'locked-rep'
        ? 'Its rep is locked'
        : reason === 'no-eligible-rep'
          ? 'No active, unlocked rep may take it'
          : `No other rep within ${far!.maxKm} km (the nearest, ${far!.repId}, is ${far!.km} km away)`;
  return far ? { accountId, ownerId, reason, text, nearestRepId: far.repId, nearestKm: far.km } : { accountId, ownerId, reason, text };
}

function reasonFor(
  a: Account,
  skill: boolean,
  owns: boolean,
  km: number | null,
  placed: boolean,
  rho: number,
  fits: boolean,
): { reason: string; reasonParts: FitReasonPart[] } {
  const parts: string[] = [];
  const reasonParts: FitReasonPart[] = [];
  if (skill) {
    parts.push(`knows ${a.industry!.trim()}`);
    reasonParts.push({ code: 'skill', industries: [a.industry!.trim()], more: 0 });
  }
  if (owns) {
    parts.push('owns it already');
    reasonParts.push({ code: 'owns-already' });
  }
  if (placed) {
    parts.push(km === null ? 'no home base' : `${Math.round(km)} km from home`);
    reasonParts.push(km === null ? { code: 'no-home' } : { code: 'distance', km: Math.round(km) });
  }
  if (rho === Infinity) {
    parts.push('no workload target');
    reasonParts.push({ code: 'no-workload-target' });
  } else {
    const headroom = Math.round((1 - rho) * 100);
    parts.push(headroom >= 0 ? `${headroom}% headroom after` : `${-headroom}% over target after`);
    reasonParts.push(headroom >= 0 ? { code: 'headroom', percent: headroom, after: true } : { code: 'over-target', percent: -headroom, after: true });
  }
  if (!fits) {
    parts.push('every rep was at the limit: least over');
    reasonParts.push({ code: 'least-over' });
  }
  const text = parts.join('; ');
  return { reason: text.charAt(0).toUpperCase() + text.slice(1), reasonParts };
}
