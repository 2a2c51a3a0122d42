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
   * Distance limit in km: no account goes to a rep whose anchor (home, else the centroid of its
   * starting accounts) is further than this great-circle distance from the account — orphans
   * included (an orphan with no active rep in reach stays unplaced). Going back to the starting
   * owner, and accounts or reps without a position, are never limited. Default none (Infinity).
   * When it refuses a move the search wanted, the result's `distanceLimit.binds` is true.
   */
  maxDistanceKm?: number;
  /**
   * How much to prefer near accounts over far ones (0 = ignore distance). A move whose account lies
   * Δ km further from its new rep's anchor than from its old one is scored
   * gain / (1 + proximity · x · (1 + x)), x = Δ / typical territory radius. Default 0.3. From 1 on,
   * 'disruption' also routes regional surplus as chains of hand-overs between neighbouring reps
   * (shorter moves, more of them) and does not merge pairs of moves into one; below 1 the fewest
   * moves come first.
   */
  proximity?: number;
  /**
   * What to keep small besides the deviation. 'disruption' (default): change as few owners as the
   * balance needs, starting from `current`. 'compactness': redraw from a clean sheet — every account
   * that may move and has a position is first placed with one of its nearest reps at prices that
   * balance the loads, where leaving its current rep costs a little (0.6 typical territory radii ×
   * workload, so an account changes owner only where that shortens distances noticeably), then the
   * usual search settles the rest; the territories come out within about 3% of the most compact
   * balanced plan's LP bound on bench/optimum.bench.ts, at the cost of more moves (every move still
   * gets a reason). With `maxMoves` / `maxPotentialMoved` it redraws only as much as the
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

/**
 * Why the result is what it is. Each status is returned only when its sentence is true; checked in
 * this order.
 */
export type RebalanceStatus =
  /** Every active rep is within tolerance on every balanced metric and every account has an active owner. */
  | 'balanced'
  /**
   * `maxMoves` or `maxPotentialMoved` refused a move the search wanted, and the result is neither
   * balanced nor within the reachable bands of `limits`.
   */
  | 'budget-exhausted'
  /**
   * The tolerance is provably unreachable because of locks or reps: a locked rep outside tolerance,
   * locked accounts that alone put a rep over, no active unlocked rep, or accounts without an active
   * owner that cannot be placed (locked, or no rep within `maxDistanceKm`). `limits` and
   * `unplacedAccountIds` name them; the other reps are balanced as far as that allows.
   */
  | 'infeasible'
  /**
   * The tolerance is provably unreachable because of large accounts (`limits` with cause
   * 'large-account' / 'large-accounts', no lock involved), and every rep is within 1 point of the
   * least deviation it can reach (a proven lower bound, `limits[].bound`): the reps the large accounts
   * touch near their bound, every other rep within the tolerance (or near the bound of a
   * 'remaining-reps' limit).
   */
  | 'at-lower-bound'
  /** No single move or swap improves the balance any more, yet some rep is outside what it can reach. */
  | 'local-optimum';

/** Why a rep cannot be within tolerance on a metric. */
export type RebalanceLimitCause =
  /** One account alone exceeds (1 + tolerance)·target of every free rep: it stays with its rep (in `repIds`). */
  | 'large-account'
  /** Accounts that may not move (locked, or held by a locked rep) alone put the rep over (1 + tolerance)·target. */
  | 'locked-accounts'
  /** A locked rep (neither gives nor takes) is outside tolerance. */
  | 'locked-rep'
  /**
   * What the limits above leave for the other reps is more (or less) than their targets ± tolerance
   * on average: `repIds` are those reps, `bound` their least possible worst deviation.
   */
  | 'remaining-reps'
  /** Two of the largest accounts (in `accountIds`) must share a rep whichever it is: every rep may end that far off. */
  | 'large-accounts';

/** A proven reason why some reps cannot reach the tolerance on one metric, and what they reached. */
export interface RebalanceLimit {
  cause: RebalanceLimitCause;
  metric: Metric;
  /** The reps it touches (every other rep keeps the tolerance unless another limit names it). */
  repIds: string[];
  /** The accounts that force it, largest first (at most 20). */
  accountIds: string[];
  /** How many accounts force it in all (accountIds lists at most 20). */
  accountCount: number;
  /** The least worst |deviation| these reps can have on `metric` (a lower bound; no plan does better). */
  bound: number;
  /** The worst |deviation| these reps have on `metric` in the result. */
  reached: number;
}

/** The distance limit's effect, present when `maxDistanceKm` was set. */
export interface RebalanceDistanceLimit {
  maxDistanceKm: number;
  /** Whether the limit left some account where it is that the plan still needed to move (accountCount > 0). */
  binds: boolean;
  /**
   * Accounts the limit left where they are, in account order (at most 50): orphans with no rep within
   * reach, and accounts whose move to a rep beyond the limit would still improve the balance
   * (counted as a greedy pass would spend them; see heldBackByDistance in rebalance/limits.ts).
   */
  accountIds: string[];
  /** How many accounts the limit left where they are, in all. */
  accountCount: number;
}

/**
 * A rep's standing on one metric when the move was decided: `deviation` is load / target − 1 (0.23: 23%
 * over target; within ±0.005 reads "on target").
 */
export interface MoveReasonStanding {
  metric: Metric;
  deviation: number;
}

/** The receiving rep of a clause, with its distance to the account in whole km (null when either has no position). */
export interface MoveReasonReceiver extends MoveReasonStanding {
  repId: string;
  km: number | null;
}

/**
 * One clause of a move's reason, as data, for a UI that words it in its own language; the English
 * `reason` is these clauses joined with "; ". One code per kind of clause (English wording in quotes):
 * - `unassigned` "Unassigned"; `unknown-owner` "Owner is not a known rep"; `inactive` "Wen Patel is inactive"
 *   (the account had no active owner: the first clause)
 * - `giver-over` "Wen Patel was 23% over potential target" (`repId` null: "No owner was …")
 * - `nearest-with-room` "Zoe Costa (42 km away) is the nearest rep with room (12% under workload target)"
 * - `receiver-under` "Zoe Costa (42 km away) was 12% under workload target"
 * - `chain` the same, as a hand-over in a chain between neighbouring reps
 * - `swap` "swapped with Acme from Zoe Costa (42 km away), which was 12% under workload target"
 * - `redrawn` "Territories redrawn for compactness: Zoe Costa (42 km away) is one of the nearest reps with room",
 *   followed by `was-unassigned` "it was unassigned", `was-unknown-owner` "its owner is not a known rep",
 *   `was-inactive` "Wen Patel is inactive", `was-held` "Wen Patel held it" or `was-away` "Wen Patel is 310 km away"
 * - `no-nearer-room` "no nearer rep had room for it"; `nearer-had-room` "nearer Uma Owens (12 km away) had room,
 *   but Zoe Costa needed the account to reach its target" (a long move)
 * - `moved` "moved to Zoe Costa (42 km away)" (no reason was recorded)
 */
export type MoveReasonPart =
  | { code: 'unassigned' | 'unknown-owner' | 'was-unassigned' | 'was-unknown-owner' | 'no-nearer-room' }
  | { code: 'inactive' | 'was-inactive' | 'was-held'; repId: string }
  | { code: 'was-away'; repId: string; km: number }
  | ({ code: 'giver-over'; repId: string | null } & MoveReasonStanding)
  | ({ code: 'nearest-with-room' | 'receiver-under' | 'chain' } & MoveReasonReceiver)
  | ({ code: 'swap'; accountId: string } & MoveReasonReceiver)
  | { code: 'redrawn' | 'moved'; repId: string; km: number | null }
  | { code: 'nearer-had-room'; repId: string; km: number | null; toRepId: string };

/** A metric's worst deviation in the result ("potential 12.5%"). */
export interface ExplanationWorst {
  metric: Metric;
  /** Worst |deviation| as a fraction (0.125: 12.5%). */
  deviation: number;
}

/**
 * One sentence of a rebalance explanation (`RebalanceResult.explanationParts`), as data for wording in the
 * UI language; the English sentences joined with a space are `explanation`. Fractions are ratios (0.1: 10%);
 * `placed` of `balanced` / `moved` counts the moved accounts that had no active owner ("(all of them had no
 * active owner)" when it equals `moved`); `names` show up to three names, `more` counts the rest.
 * - `compact-redrawn` "Territories redrawn for compactness (40 accounts placed with one of their nearest reps first)."
 * - `balanced` "Every active rep is within ±10.0% (worst: workload 8.1%, potential 9.0%); 12 accounts moved."
 * - `within` "Every active rep is within ±10.0% (worst: …)." · `others-within` "Every other rep is within ±10.0%."
 * - `still-outside` "Still outside ±10.0%: 2 reps (worst: …)." · `moved` "12 accounts moved."
 * - `budget-stopped` "Stopped at the move limit of 20 accounts and the limit on potential moved (5,000): 20 accounts moved."
 * - `orphans-first` "Accounts without an active owner are placed first: 3 of the moves went to them."
 * - `unplaced` "2 accounts without an active owner could not be placed (all of them locked: unlock them or assign them by hand)."
 * - `undone` "1 move was undone to keep it." · `allow-more` "Allow more moves to balance further."
 * - `distance-kept` "The distance limit kept 4 accounts from going to a rep further away than allowed."
 * - `no-free-rep` "No active, unlocked rep can take accounts." · `no-improving-move` "No single move or swap improves the balance further."
 * - `limit-*`: one per RebalanceLimit cause (large-account, locked-accounts, locked-rep, remaining-reps, large-accounts).
 */
export type ExplanationPart =
  | { code: 'compact-redrawn'; redrawn: number }
  | { code: 'balanced'; tolerance: number; worst: ExplanationWorst[]; moved: number; placed: number }
  | { code: 'within'; tolerance: number; worst: ExplanationWorst[] }
  | { code: 'others-within'; tolerance: number }
  | { code: 'still-outside'; tolerance: number; reps: number; worst: ExplanationWorst[] }
  | { code: 'moved'; moved: number; placed: number }
  | { code: 'budget-stopped'; maxMoves: number | null; maxPotentialMoved: number | null; moved: number }
  | { code: 'orphans-first'; placed: number }
  | { code: 'unplaced'; accounts: number; locked: number }
  | { code: 'undone'; moves: number }
  | { code: 'distance-kept'; accounts: number; orphansOutOfReach: boolean }
  | { code: 'allow-more' | 'no-free-rep' | 'no-improving-move' }
  | { code: 'limit-large-account'; metric: Metric; account: string; rep: string; share: number; tolerance: number; reached: number; bound: number }
  | { code: 'limit-locked-accounts'; metric: Metric; rep: string; names: string[]; more: number; tolerance: number; reached: number; bound: number }
  | { code: 'limit-locked-rep'; metric: Metric; rep: string; bound: number }
  | { code: 'limit-remaining-reps'; metric: Metric; reps: number; reached: number; bound: number }
  | { code: 'limit-large-accounts'; metric: Metric; names: string[]; more: number; tolerance: number; reached: number; bound: number };

/** One account changing hands, with a readable reason. */
export interface RebalanceMove {
  accountId: string;
  from: string | null;
  to: string;
  /** English sentence. */
  reason: string;
  /** The same reason as clauses (absent in results made elsewhere, e.g. by hand). */
  reasonParts?: MoveReasonPart[];
}

export interface RebalanceResult {
  /** The new plan: every account id of the input → rep id or null. */
  assignments: Assignments;
  /** The diff from `current`, in account order: exactly the accounts whose owner changed. */
  moves: RebalanceMove[];
  metrics: { before: PlanEvaluation; after: PlanEvaluation; comparison: PlanComparison };
  status: RebalanceStatus;
  /**
   * Plain sentences for the user: what was done, what remains, and why (which limit ran out, which
   * accounts or locks force a wider band and the bound reached). Names no option (e.g. "the move
   * limit of 60 accounts", not "maxMoves 60").
   */
  explanation: string;
  /** The explanation as sentences, for wording in another language (absent in results made elsewhere). */
  explanationParts?: ExplanationPart[];
  /** Accounts that must leave their rep (unassigned, inactive or unknown owner) but could not. */
  unplacedAccountIds: string[];
  /** Proven reasons why some reps cannot reach the tolerance (empty when nothing stands in the way). */
  limits: RebalanceLimit[];
  /** The distance limit's effect; null when `maxDistanceKm` was not set. */
  distanceLimit: RebalanceDistanceLimit | null;
  /** Active reps outside the tolerance on some balanced metric in the result, in rep order. */
  outsideToleranceRepIds: string[];
  /** Moves that placed an account that had no active owner (counted in `moves`). */
  orphansPlaced: number;
}
