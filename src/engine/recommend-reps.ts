import type { Account } from '../model/account.js';
import type { Assignments } from '../model/plan.js';
import type { Rep } from '../model/rep.js';
import type { Territory } from '../model/territory.js';
import { evaluatePlan } from './evaluate-plan.js';
import { haversineKm } from './geo.js';

/** The four fit criteria, each in [0, 1] (or, as weights, any non-negative numbers). */
export interface FitCriteria {
  skill: number;
  relationship: number;
  proximity: number;
  capacity: number;
}

/**
 * One clause of a fit reason, as data, for a UI that words it in its own language; the English `reason`
 * is these clauses joined with "; " (first letter capitalised). English wording in quotes:
 * - `skill` "knows Retail, Healthcare +2 more (3 of 5)": `industries` named (at most 3), `more` not named,
 *   `count` of `of` accounts matched (both absent when every account matched or there is one)
 * - `owns-it` "owns it"; `owns-some` "owns 3 of 5"; `owns-already` "owns it already" (distributeAccounts)
 * - `distance` "42 km from home" (`km` whole); `no-home` "no home base"
 * - `headroom` "18% headroom"; `over-target` "7% over target" (`percent` whole; `after: true` adds " after":
 *   the rep's workload with the account, in distributeAccounts); `no-workload-target` "no workload target"
 * - `least-over` "every rep was at the limit: least over"
 */
export type FitReasonPart =
  | { code: 'skill'; industries: string[]; more: number; count?: number; of?: number }
  | { code: 'owns-it' | 'owns-already' | 'no-home' | 'no-workload-target' | 'least-over' }
  | { code: 'owns-some'; count: number; of: number }
  | { code: 'distance'; km: number }
  | { code: 'headroom' | 'over-target'; percent: number; after?: true };

/** One rep's fit for a target. */
export interface Recommendation {
  repId: string;
  /** Weighted mean of the breakdown, in [0, 1]. */
  score: number;
  breakdown: FitCriteria;
  /** Human-readable, e.g. "Knows Healthcare; owns 3 of 5; 42 km from home; 18% headroom". */
  reason: string;
  /** The same reason as clauses. */
  reasonParts?: FitReasonPart[];
}

export interface RecommendRepsContext {
  /** Every account of the plan (for capacity targets and territory membership). */
  accounts: readonly Account[];
  /** The current plan; an account missing here falls back to its `ownerId`. */
  assignments: Assignments;
  /** Criterion weights. Default { skill: 0.3, relationship: 0.3, proximity: 0.2, capacity: 0.2 }. */
  weights?: Partial<FitCriteria>;
  /** Territory id → its account ids. Default: accounts whose `territoryId` is the territory's id. */
  territoriesAccounts?: Record<string, readonly string[]>;
  /** Distance at which proximity falls to 0.5 (it halves again every such distance). Default 100 km. */
  proximityHalfLifeKm?: number;
  /** Return at most this many recommendations. Default: all active reps. */
  limit?: number;
}

export const DEFAULT_FIT_WEIGHTS: Readonly<FitCriteria> = { skill: 0.3, relationship: 0.3, proximity: 0.2, capacity: 0.2 };
const CRITERIA = ['skill', 'relationship', 'proximity', 'capacity'] as const;

/**
 * The fit weights with the defaults filled in and their sum, checked (each finite and ≥ 0, at least one above 0);
 * `fn` names the caller in the error. Shared by recommendReps and distributeAccounts.
 */
export function fitWeights(fn: string, given: Partial<FitCriteria> | undefined): { weights: FitCriteria; weightSum: number } {
  const weights = { ...DEFAULT_FIT_WEIGHTS, ...given };
  let weightSum = 0;
  for (const c of CRITERIA) {
    if (!(weights[c] >= 0 && weights[c] < Infinity)) throw new Error(`${fn}: weights.${c} must be a finite number ≥ 0, got ${String(weights[c])}`);
    weightSum += weights[c];
  }
  if (weightSum === 0) throw new Error(`${fn}: at least one weight must be above 0`);
  return { weights, weightSum };
}

const normalise = (s: string) => s.trim().toLowerCase();
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

function targetAccounts(target: Account | readonly Account[] | Territory, context: RecommendRepsContext): Account[] {
  if (Array.isArray(target)) return target as Account[];
  if ('potential' in target) return [target as Account];
  const territory = target as Territory;
  const ids = context.territoriesAccounts?.[territory.id];
  if (!ids) return context.accounts.filter((a) => a.territoryId === territory.id);
  const byId = new Map(context.accounts.map((a) => [a.id, a]));
  return ids.map((id) => {
    const a = byId.get(id);
    if (!a) throw new Error(`territory "${territory.id}": account "${id}" is not in context.accounts`);
    return a;
  });
}

/**
 * Ranks the active reps by fit for an account, a set of accounts or a territory, with a reason.
 *
 * Criteria, each in [0, 1]:
 * - skill: share of the target accounts whose industry is one of the rep's skills (case-insensitive);
 * - relationship: share of the target accounts the rep owns now;
 * - proximity: 0.5^(d / halfLife), d the mean great-circle km from the rep's home to the target
 *   accounts that have coordinates (1 at home, 0.5 at 100 km by default, 0.25 at 200 km); 0 when the
 *   rep has no home or no target account has coordinates;
 * - capacity: 1 − ρ/2 clamped to [0, 1], ρ the rep's workload after taking the target divided by its
 *   `evaluatePlan` workload target (1 with an empty book, 0.5 exactly at target, 0 at twice the target).
 * The score is the weighted mean. Inactive reps are left out; ties go to the smaller rep id.
 *
 * @param target an account, a list of accounts, or a territory
 * @param reps the candidate reps
 * @param context accounts, current assignments and options (see RecommendRepsContext)
 * @returns recommendations, best first; throws on bad weights or an unknown territory account
 *
 * @example
 * const [best] = recommendReps(account, reps, { accounts, assignments });
 * best.repId;  // 'r7'
 * best.reason; // "Knows Healthcare; owns it; 42 km from home; 18% headroom"
 */
export function recommendReps(
  target: Account | readonly Account[] | Territory,
  reps: readonly Rep[],
  context: RecommendRepsContext,
): Recommendation[] {
  const { weights, weightSum } = fitWeights('recommendReps', context.weights);
  const halfLife = context.proximityHalfLifeKm ?? 100;
  if (!(halfLife > 0)) throw new Error(`recommendReps: proximityHalfLifeKm must be > 0, got ${String(halfLife)}`);

  // the target accounts, each once
  const targets = [...new Map(targetAccounts(target, context).map((a) => [a.id, a])).values()];
  const n = targets.length;
  const { assignments } = context;
  const ownerOf = (a: Account): string | null => {
    const owner = Object.hasOwn(assignments, a.id) ? assignments[a.id] : a.ownerId;
    return typeof owner === 'string' ? owner : null;
  };

  // Capacity: evaluate the plan over the accounts plus any target not among them.
  const known = new Set(context.accounts.map((a) => a.id));
  const extra = targets.filter((a) => !known.has(a.id));
  const evaluation = evaluatePlan(extra.length ? [...context.accounts, ...extra] : context.accounts, reps, assignments);
  const targetWorkload = targets.reduce((s, a) => s + (a.workload ?? 1), 0);

  const industries = targets.map((a) => (a.industry ? normalise(a.industry) : null));
  const placed = targets.filter((a) => a.lat !== null && a.lng !== null);

  const out: Recommendation[] = [];
  for (const rep of reps) {
    if (rep.active === false) continue;
    const skills = new Set((rep.skills ?? []).map(normalise));
    const matched = new Map<string, number>();
    let skillCount = 0;
    let owned = 0;
    let ownedWorkload = 0;
    targets.forEach((a, i) => {
      const ind = industries[i];
      if (ind !== null && skills.has(ind)) {
        skillCount++;
        const label = a.industry!.trim();
        matched.set(label, (matched.get(label) ?? 0) + 1);
      }
      if (ownerOf(a) === rep.id) owned++;
      // already in the rep's evaluated workload: not added twice
      if (Object.hasOwn(assignments, a.id) && assignments[a.id] === rep.id) ownedWorkload += a.workload ?? 1;
    });

    let km: number | null = null;
    if (rep.home && placed.length) {
      let sum = 0;
      for (const a of placed) sum += haversineKm(rep.home.lat, rep.home.lng, a.lat!, a.lng!);
      km = sum / placed.length;
    }

    const totals = evaluation.byRep[rep.id];
    const load = totals.workload - ownedWorkload + targetWorkload;
    const rho = totals.target.workload > 0 ? load / totals.target.workload : load > 0 ? Infinity : 0;

    const breakdown: FitCriteria = {
      skill: n ? skillCount / n : 0,
      relationship: n ? owned / n : 0,
      proximity: km === null ? 0 : 0.5 ** (km / halfLife),
      capacity: clamp01(1 - rho / 2),
    };
    let score = 0;
    for (const c of CRITERIA) score += weights[c] * breakdown[c];
    out.push({ repId: rep.id, score: clamp01(score / weightSum), breakdown, ...reasonFor(n, matched, skillCount, owned, km, placed.length, rho) });
  }
  out.sort((a, b) => b.score - a.score || (a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : 0));
  return context.limit !== undefined ? out.slice(0, Math.max(0, context.limit)) : out;
}

function reasonFor(
  n: number,
  matched: Map<string, number>,
  skillCount: number,
  owned: number,
  km: number | null,
  placedCount: number,
  rho: number,
): { reason: string; reasonParts: FitReasonPart[] } {
  const parts: string[] = [];
  const reasonParts: FitReasonPart[] = [];
  if (skillCount > 0) {
    const names = [...matched].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
    const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` +${names.length - 3} more` : '');
    const some = n > 1 && skillCount < n;
    parts.push(`knows ${shown}` + (some ? ` (${skillCount} of ${n})` : ''));
    reasonParts.push({ code: 'skill', industries: names.slice(0, 3), more: Math.max(0, names.length - 3), ...(some ? { count: skillCount, of: n } : {}) });
  }
  if (owned > 0) {
    parts.push(n === 1 ? 'owns it' : `owns ${owned} of ${n}`);
    reasonParts.push(n === 1 ? { code: 'owns-it' } : { code: 'owns-some', count: owned, of: n });
  }
  if (placedCount > 0) {
    parts.push(km === null ? 'no home base' : `${Math.round(km)} km from home`);
    reasonParts.push(km === null ? { code: 'no-home' } : { code: 'distance', km: Math.round(km) });
  }
  if (rho === Infinity) {
    parts.push('no workload target');
    reasonParts.push({ code: 'no-workload-target' });
  } else {
    const headroom = Math.round((1 - rho) * 100);
    parts.push(headroom >= 0 ? `${headroom}% headroom` : `${-headroom}% over target`);
    reasonParts.push(headroom >= 0 ? { code: 'headroom', percent: headroom } : { code: 'over-target', percent: -headroom });
  }
  const text = parts.join('; ');
  return { reason: text.charAt(0).toUpperCase() + text.slice(1), reasonParts };
}
