import type { Account } from '../model/account.js';
import type { Assignments } from '../model/plan.js';
import type { Rep } from '../model/rep.js';
import { evaluatePlan } from './evaluate-plan.js';

/** One active rep's suggested quota. */
export interface QuotaSuggestion {
  repId: string;
  /** teamTarget × blended share. */
  quota: number;
  /** Potential of the rep's accounts under the plan. */
  potential: number;
  /** potential ÷ team potential (capacity share when the team has no potential). */
  potentialShare: number;
  /** The history share blended in; present only when historyWeight > 0. */
  historyShare?: number;
}

/** Spread of quota ÷ potential across active reps with potential > 0. */
export interface QuotaFairness {
  min: number;
  max: number;
  /** max ÷ min (1 = perfectly fair; Infinity when min is 0). */
  spread: number;
  /** Coefficient of variation. */
  cv: number;
}

export interface SuggestQuotasInput {
  accounts: readonly Account[];
  reps: readonly Rep[];
  assignments: Assignments;
  /** The team's quota to split, ≥ 0. */
  teamTarget: number;
  /** Weight in [0, 1] of last period's closed-won (rep.priorClosedWon) in the blend. Default 0. */
  historyWeight?: number;
}

/**
 * Splits a team target into rep quotas in proportion to the potential each active rep holds,
 * optionally blended with last period's results.
 *
 * share_j = (1 − h)·potentialShare_j + h·historyShare_j, quota_j = teamTarget · share_j.
 * historyShare: reps with a priorClosedWon split, among themselves, the potential share they hold
 * together, in proportion to their closed-won; a rep without history keeps its potential share (so a
 * new hire is not penalised) and the shares still sum to 1. With no closed-won at all, history
 * equals potential. When the team holds no potential, shares follow capacity. Inactive reps get no
 * quota and are not listed. Fairness is measured on quota ÷ potential over reps with potential > 0.
 *
 * @param input accounts, reps, assignments, teamTarget and historyWeight (default 0)
 * @returns one suggestion per active rep (in reps order) whose quotas sum to teamTarget, and fairness
 *
 * @example
 * const { quotas, fairness } = suggestQuotas({ accounts, reps, assignments, teamTarget: 2_000_000, historyWeight: 0.3 });
 * quotas[0]; // { repId: 'r1', quota: 412000, potential: 1.9e6, potentialShare: 0.21, historyShare: 0.18 }
 * fairness.spread; // 1.12: the hardest quota asks 12% more per unit of potential than the easiest
 */
export function suggestQuotas(input: SuggestQuotasInput): { quotas: QuotaSuggestion[]; fairness: QuotaFairness } {
  const { accounts, reps, assignments, teamTarget } = input;
  const h = input.historyWeight ?? 0;
  if (!(teamTarget >= 0 && teamTarget < Infinity)) throw new Error(`suggestQuotas: teamTarget must be a finite number ≥ 0, got ${String(teamTarget)}`);
  if (!(h >= 0 && h <= 1)) throw new Error(`suggestQuotas: historyWeight must be between 0 and 1, got ${String(h)}`);
  for (const rep of reps) {
    const prior = rep.priorClosedWon;
    if (prior !== undefined && prior !== null && !(prior >= 0 && prior < Infinity)) {
      throw new Error(`rep "${rep.id}": priorClosedWon must be a finite number ≥ 0, got ${String(prior)}`);
    }
  }

  const evaluation = evaluatePlan(accounts, reps, assignments);
  const active = evaluation.reps.filter((r) => r.active);
  const teamPotential = active.reduce((s, r) => s + r.potential, 0);
  const teamCapacity = active.reduce((s, r) => s + r.capacity, 0);
  const potentialShare = active.map((r) => (teamPotential > 0 ? r.potential / teamPotential : r.capacity / teamCapacity));

  // History: reps with a figure share the potential share they hold together.
  const repById = new Map(reps.map((r) => [r.id, r]));
  const prior = active.map((r) => repById.get(r.repId)!.priorClosedWon ?? null);
  let pooledShare = 0;
  let pooledHistory = 0;
  active.forEach((_, i) => {
    if (prior[i] !== null) {
      pooledShare += potentialShare[i];
      pooledHistory += prior[i]!;
    }
  });
  const historyShare = active.map((_, i) =>
    prior[i] !== null && pooledHistory > 0 ? (pooledShare * prior[i]!) / pooledHistory : potentialShare[i],
  );

  const quotas: QuotaSuggestion[] = active.map((r, i) => {
    const share = (1 - h) * potentialShare[i] + h * historyShare[i];
    const q: QuotaSuggestion = { repId: r.repId, quota: teamTarget * share, potential: r.potential, potentialShare: potentialShare[i] };
    if (h > 0) q.historyShare = historyShare[i];
    return q;
  });

  const ratios = quotas.filter((q) => q.potential > 0).map((q) => q.quota / q.potential);
  let fairness: QuotaFairness = { min: 0, max: 0, spread: 1, cv: 0 };
  if (ratios.length > 0) {
    const min = Math.min(...ratios);
    const max = Math.max(...ratios);
    const mean = ratios.reduce((s, x) => s + x, 0) / ratios.length;
    const sd = Math.sqrt(ratios.reduce((s, x) => s + (x - mean) ** 2, 0) / ratios.length);
    fairness = { min, max, spread: min > 0 ? max / min : max > 0 ? Infinity : 1, cv: mean > 0 ? sd / mean : 0 };
  }
  return { quotas, fairness };
}
