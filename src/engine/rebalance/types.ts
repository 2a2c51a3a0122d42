/** Types of the rebalance engine: plain serialisable data in and out (except `signal`/`onProgress`). */

import type { Account } from '../../model/account.js';
import type { Assignments } from '../../model/plan.js';
import type { Rep } from '../../model/rep.js';
import type { PlanComparison } from '../compare-plans.js';
import type { PlanEvaluation } from '../evaluate-plan.js';
import type { Metric } from '../types.js';

/** What a rebalance starts from. */
export interface RebalanceInput {
  accounts: readonly Account[];
  reps: readonly Rep[];
  /** The current plan: account id → rep id or null; an account missing here is unassigned (as in evaluatePlan). */
  current: Assignments;
}

/** Phases reported through `onProgress`, in order. */
export type RebalancePhase = 'prepare' | 'assign' | 'balance' | 'swap' | 'evaluate' | 'done';

/** One progress report. */
export interface RebalanceProgress {
  phase: RebalancePhase;
  /** Rough share of the work done, 0..1, never decreasing. */
  fraction: number;
  /** Accounts whose owner currently differs from the starting plan. */
  moves: number;
  /** Current worst |deviation| over the balanced metrics and the active reps. */
  maxDeviation: number;
}

export interface RebalanceOptions {
  /** Allowed relative deviation τ from target, applied to every balanced metric at once. Default 0.05. */
  tolerance?: number;
  /** Attributes to balance. Default ['workload', 'potential']. */
  metrics?: readonly Metric[];
  /** Extra account ids that must not move (besides `Account.locked`). Default none. */
  lockedAccountIds?: readonly string[];
  /** Extra rep ids that neither give nor take (besides `Rep.locked`). Default none. */
  lockedRepIds?: readonly string[];
  /**
   * Hard budget: at most this many accounts end with a different owner than in `current`
   * (assigning an unassigned account counts as one). Default unlimited.
   */
  maxMoves?: number;
  /** Hard budget: at most this much potential changes hands (same counting). Default unlimited. */
  maxPotentialMoved?: number;
  /**
   * How much to prefer near accounts over far ones (0 = ignore distance). A move whose account lies
   * Δ km further from its new rep's anchor than from its old one is scored
   * gain / (1 + proximity · x · (1 + x)), x = Δ / typical territory radius. Default 0.3.
   */
  proximity?: number;
  /**
   * What to keep small besides the deviation. 'disruption' (default): change as few owners as the
   * balance needs, starting from `current`. 'compactness': redraw from a clean sheet — every account
   * that may move and has a position is first placed with one of its nearest reps at prices that
   * balance the loads (ignoring who owns it today), then the usual search settles the rest; the
   * territories come out near the most compact balanced plan, at the cost of many more moves (every
   * move still gets a reason). With `maxMoves` / `maxPotentialMoved` it redraws only as much as the
   * budgets allow (they stay hard), spending them where they shorten distances most. Locks and
   * inactive reps are honoured as usual.
   */
  objective?: 'disruption' | 'compactness';
  /** Abort: the promise rejects with a DOMException named "AbortError" within one slice. */
  signal?: AbortSignal;
  /** Called between slices (and at each phase change). */
  onProgress?: (progress: RebalanceProgress) => void;
  /**
   * Longest stretch of synchronous work, in ms, before yielding to the event loop (the step in progress
   * finishes first, so a slice can run a little over). Default 16: about one frame, which leaves
   * headroom under the 50 ms long-task limit on a loaded machine.
   */
  sliceMs?: number;
}

/** Why the result is what it is. */
export type RebalanceStatus =
  /** Every active rep is within tolerance on every balanced metric and every account has an active owner. */
  | 'balanced'
  /** Every rep is within the balance lower bound (+ 1 point) though not within tolerance: no plan can do better. */
  | 'at-lower-bound'
  /** `maxMoves` or `maxPotentialMoved` stopped the work before it was done. */
  | 'budget-exhausted'
  /** Locks, unplaceable accounts or missing active reps make the tolerance unreachable. */
  | 'infeasible'
  /** No single move or swap improves the balance any more, yet some rep is outside tolerance. */
  | 'local-optimum';

/** One account changing hands, with a readable reason. */
export interface RebalanceMove {
  accountId: string;
  from: string | null;
  to: string;
  reason: string;
}

export interface RebalanceResult {
  /** The new plan: every account id of the input → rep id or null. */
  assignments: Assignments;
  /** The diff from `current`, in account order: exactly the accounts whose owner changed. */
  moves: RebalanceMove[];
  metrics: { before: PlanEvaluation; after: PlanEvaluation; comparison: PlanComparison };
  status: RebalanceStatus;
  /** One or two sentences saying why (e.g. which budget ran out, which accounts stayed). */
  explanation: string;
  /** Accounts that must leave their rep (unassigned, inactive or unknown owner) but could not. */
  unplacedAccountIds: string[];
}
