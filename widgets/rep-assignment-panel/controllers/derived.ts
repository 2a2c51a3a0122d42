// Derived figures the panel shows, memoised on the (replaced, never mutated) state slices they read.
import type { Account } from '../../../src/model/account.js';
import type { Assignments } from '../../../src/model/plan.js';
import type { Rep } from '../../../src/model/rep.js';
import type { PlanState } from '../../../src/store/types.js';
import { memoLast } from '../../../src/store/memo.js';
import { recommendReps, type Recommendation } from '../../../src/engine/recommend-reps.js';
import { suggestQuotas, type QuotaFairness, type QuotaSuggestion } from '../../../src/engine/suggest-quotas.js';

import { attempt, type Outcome } from '../../shared/plan-alerts.js';
export type { Outcome } from '../../shared/plan-alerts.js';

const selectedOf = memoLast((accounts: readonly Account[], selection: readonly string[]): Account[] => {
  if (selection.length === 0) return [];
  const wanted = new Set(selection);
  return accounts.filter((a) => wanted.has(a.id));
});

/** The selected accounts, in account order. */
export function selectedAccounts(state: PlanState): Account[] {
  return selectedOf(state.accounts, state.selection);
}

const recommend = memoLast(
  (selected: readonly Account[], accounts: readonly Account[], reps: readonly Rep[], working: Assignments, limit: number): Outcome<Recommendation[]> =>
    selected.length === 0 ? { ok: true, value: [] } : attempt(() => recommendReps(selected, reps, { accounts, assignments: working, limit })),
);

/** The best reps for the selection (recommendReps on the working plan). */
export function recommendationsFor(state: PlanState, limit = 5): Outcome<Recommendation[]> {
  return recommend(selectedAccounts(state), state.accounts, state.reps, state.working, limit);
}

export { resolution, alertsFor } from '../../shared/plan-alerts.js';

const quotasMemo = memoLast(
  (accounts: readonly Account[], reps: readonly Rep[], working: Assignments, teamTarget: number, historyWeight: number): Outcome<{ quotas: QuotaSuggestion[]; fairness: QuotaFairness }> =>
    attempt(() => suggestQuotas({ accounts, reps, assignments: working, teamTarget, historyWeight })),
);

/** Quota suggestions for a team target on the working plan (suggestQuotas). */
export function quotasFor(state: PlanState, teamTarget: number, historyWeight = 0): Outcome<{ quotas: QuotaSuggestion[]; fairness: QuotaFairness }> {
  return quotasMemo(state.accounts, state.reps, state.working, teamTarget, historyWeight);
}
