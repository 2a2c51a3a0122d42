// The best reps for the selection (recommendReps), memoised on the state slices it reads; in the panel's
// on-demand chunk (nothing is selected at first paint).
import type { Account } from '../../../src/model/account.js';
import type { Assignments } from '../../../src/model/plan.js';
import type { Rep } from '../../../src/model/rep.js';
import type { PlanState } from '../../../src/store/types.js';
import { memoLast } from '../../../src/store/memo.js';
import { recommendReps, type Recommendation } from '../../../src/engine/recommend-reps.js';
import { attempt, type Outcome } from '../../shared/plan-alerts.js';
import { selectedAccounts } from './derived.js';

const recommend = memoLast(
  (selected: readonly Account[], accounts: readonly Account[], reps: readonly Rep[], working: Assignments, limit: number): Outcome<Recommendation[]> =>
    selected.length === 0 ? { ok: true, value: [] } : attempt(() => recommendReps(selected, reps, { accounts, assignments: working, limit })),
);

/** The best reps for the selection (recommendReps on the working plan). */
export function recommendationsFor(state: PlanState, limit = 5): Outcome<Recommendation[]> {
  return recommend(selectedAccounts(state), state.accounts, state.reps, state.working, limit);
}

