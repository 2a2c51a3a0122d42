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
