/** Shared engine types. */

import type { Assignments } from '../model/plan.js';
export type { Assignments };

/** The balanced attributes. */
export type Metric = 'workload' | 'potential' | 'count';
export const METRICS: readonly Metric[] = ['workload', 'potential', 'count'];

/** Spread of a(S_j)/target_j across active reps. */
export interface BalanceStats {
  /** max_j |a(S_j) − target_j| / target_j. */
  maxDeviation: number;
  /** Coefficient of variation of a(S_j)/target_j. */
  cv: number;
  /** Gini coefficient of a(S_j)/target_j. */
  gini: number;
  /** Balance lower bound L / mean − 1 (unequal capacities: each term of L over the largest target instead; see evaluatePlan). */
  lowerBound: number;
}

/**
 * Codes of the engine errors a user can cause from the UI (a setting out of range), with what the
 * widgets need to word them (`EngineError.params`):
 * - `rebalance-option` — `{ option: 'tolerance' | 'maxMoves' | 'maxPotentialMoved' | 'maxDistanceKm', value }`;
 * - `quota-target` — `{ target }`: the team target is not a whole amount ≥ 0;
 * - `quota-locked-over-target` — `{ locked, target }`: locked quotas add up to more than the target;
 * - `quota-no-rep-left` — `{ rest }`: part of the target is left and every active rep's quota is locked.
 */
export type EngineErrorCode = 'rebalance-option' | 'quota-target' | 'quota-locked-over-target' | 'quota-no-rep-left';

// The error class of these codes is EngineError (src/engine/engine-error.ts: its own module, since a class
// that extends Error is kept by bundlers wherever its module is imported, and this one is in every page).
