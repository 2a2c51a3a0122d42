import type { Account } from '../model/account.js';
import type { AssignmentChange, Assignments } from '../model/plan.js';
import type { Rep } from '../model/rep.js';
import { comparePlansSteps } from './metrics/compare-plans-steps.js';
import { runSteps } from './metrics/steps.js';

/** How one rep's book changes between two plans. */
export interface RepChange {
  repId: string;
  /** Accounts the rep receives. */
  gained: number;
  /** Accounts the rep gives up. */
  lost: number;
  potentialIn: number;
  potentialOut: number;
  /** potentialIn − potentialOut. */
  netPotential: number;
}

/** The diff between two plans over the same accounts, with its disruption and a lower bound. */
export interface PlanComparison {
  /** Every account whose rep differs, in accounts order (unassigned ↔ assigned included). */
  changes: AssignmentChange[];
  accountsMoved: number;
  /** accountsMoved / number of accounts (0 for no accounts). */
  accountsMovedShare: number;
  potentialMoved: number;
  /** potentialMoved / total potential (0 when the total is 0). */
  potentialMovedShare: number;
  /** Reps that gain or lose something: the given reps in their order, then unknown ids as met. */
  reps: RepChange[];
  /**
   * Fewest accounts, and least potential, that any plan bringing every rep within tolerance must
   * move away from `before` (PRODUCT.md disruption lower bound).
   */
  lowerBound: { accounts: number; potential: number };
}

export interface ComparePlansOptions {
  /** The reps (capacities, active flags) for targets. Default: every rep id in either plan, capacity 1, active. */
  reps?: readonly Rep[];
  /** Allowed relative deviation τ from target. Default 0.05. */
  tolerance?: number;
}

/**
 * Compares two plans over the same accounts: the list of changes, how many accounts and how much
 * potential move, per-rep gains and losses, and a lower bound on the disruption any balanced plan
 * needs.
 *
 * Lower bound (PRODUCT.md): for each active rep whose `before` workload or potential is over
 * (1 + τ)·target, the fewest of its accounts, largest first, whose values cover the excess — taken per
 * rep as the larger of the two counts, and summed over reps. Every account of an inactive rep must
 * move (an inactive rep is within tolerance only when it holds nothing). The potential bound is the
 * summed potential excess (plus the inactive reps' potential): no balanced plan moves less. Targets
 * use `evaluatePlan`, so "balanced" means `evaluatePlan(...).reps.every(r => r.withinTolerance)`.
 * The work is done by `comparePlansSteps` (metrics/compare-plans-steps.ts), which `rebalance` drives
 * in time slices.
 *
 * @param accounts the accounts of both plans
 * @param before the current assignments (account id → rep id or null; missing = unassigned)
 * @param after the proposed assignments
 * @param options `reps` (default: derived from the plans, capacity 1) and `tolerance` (default 0.05)
 * @returns the comparison
 *
 * @example
 * const diff = comparePlans(accounts, current, proposal, { reps });
 * diff.accountsMoved;        // 12
 * diff.potentialMovedShare;  // 0.031 → 3.1% of potential changes hands
 * diff.lowerBound.accounts;  // 9: no balanced plan moves fewer
 */
export function comparePlans(
  accounts: readonly Account[],
  before: Assignments,
  after: Assignments,
  options: ComparePlansOptions = {},
): PlanComparison {
  return runSteps(comparePlansSteps(accounts, before, after, options));
}
