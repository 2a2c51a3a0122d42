// The quotas section's figures (suggestQuotas), memoised on the state slices they read; loaded with the
// section's chunk (the quotas section is closed at first).
import type { Account } from '../../../src/model/account.js';
import type { Assignments } from '../../../src/model/plan.js';
import type { Rep } from '../../../src/model/rep.js';
import type { PlanState } from '../../../src/store/types.js';
import { memoLast } from '../../../src/store/memo.js';
import { suggestQuotas, type QuotaFairness, type QuotaSuggestion } from '../../../src/engine/suggest-quotas.js';
import { attempt, type Outcome } from '../../shared/plan-alerts.js';

const quotasMemo = memoLast(
  (accounts: readonly Account[], reps: readonly Rep[], working: Assignments, teamTarget: number, historyWeight: number): Outcome<{ quotas: QuotaSuggestion[]; fairness: QuotaFairness }> =>
    attempt(() => suggestQuotas({ accounts, reps, assignments: working, teamTarget, historyWeight })),
);

/** Quota suggestions for a team target on the working plan (suggestQuotas). */
export function quotasFor(state: PlanState, teamTarget: number, historyWeight = 0): Outcome<{ quotas: QuotaSuggestion[]; fairness: QuotaFairness }> {
  return quotasMemo(state.accounts, state.reps, state.working, teamTarget, historyWeight);
}
