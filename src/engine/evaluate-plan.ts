import type { Account } from '../model/account.js';
import type { Assignments } from '../model/plan.js';
import type { Rep } from '../model/rep.js';
import { evaluatePlanSteps } from './metrics/evaluate-plan-steps.js';
import { runSteps } from './metrics/steps.js';
import type { BalanceStats, Metric } from './types.js';

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
 * have unique ids (as `validateBatch` guarantees). Missing `workload` counts as 1. The work is done by
 * `evaluatePlanSteps` (metrics/evaluate-plan-steps.ts), which `rebalance` drives in time slices.
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
  return runSteps(evaluatePlanSteps(accounts, reps, assignments, options));
}
