// Derived figures the panel shows, memoised on the (replaced, never mutated) state slices they read.
import type { Account } from '../../../src/model/account.js';
import type { PlanState } from '../../../src/store/types.js';
import { memoLast } from '../../../src/store/memo.js';

// quotasFor is in ./quotas.ts, loaded with the (closed at first) quotas section.
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

// recommendationsFor is in ./recommend.ts, loaded after first paint (no selection at first).

export { resolution, alertsFor } from '../../shared/plan-alerts.js';
