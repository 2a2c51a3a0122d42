// Derived figures the panel shows, memoised on the (replaced, never mutated) state slices they read.
import type { Account } from '../../../src/model/account.js';
import type { Assignments } from '../../../src/model/plan.js';
import type { Rep } from '../../../src/model/rep.js';
import type { Territory } from '../../../src/model/territory.js';
import type { PlanState } from '../../../src/store/types.js';
import { memoLast } from '../../../src/store/memo.js';
import { recommendReps, type Recommendation } from '../../../src/engine/recommend-reps.js';
import { detectAlerts, type Alert } from '../../../src/engine/detect-alerts.js';
import { resolveTerritories, type ResolveResult } from '../../../src/engine/resolve-territories.js';
import { suggestQuotas, type QuotaFairness, type QuotaSuggestion } from '../../../src/engine/suggest-quotas.js';

/** A computation that may fail on bad data: the value, or the error's message. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

function attempt<T>(fn: () => T): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

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

const resolve = memoLast(
  (accounts: readonly Account[], territories: readonly Territory[]): Outcome<ResolveResult> => attempt(() => resolveTerritories(accounts, territories)),
);

/** The territories resolved against the accounts (live on every territory edit). */
export function resolution(state: PlanState): Outcome<ResolveResult> {
  return resolve(state.accounts, state.territories);
}

const alertsMemo = memoLast(
  (accounts: readonly Account[], reps: readonly Rep[], working: Assignments, territories: readonly Territory[], resolved: Outcome<ResolveResult>, tolerance: number): Outcome<Alert[]> =>
    attempt(() =>
      detectAlerts({
        accounts,
        reps,
        assignments: working,
        ...(resolved.ok && territories.length ? { resolution: resolved.value } : {}),
        options: { tolerance },
      }),
    ),
);

/** What needs a look in the working plan (detectAlerts). */
export function alertsFor(state: PlanState, tolerance = 0.05): Outcome<Alert[]> {
  return alertsMemo(state.accounts, state.reps, state.working, state.territories, resolution(state), tolerance);
}

const quotasMemo = memoLast(
  (accounts: readonly Account[], reps: readonly Rep[], working: Assignments, teamTarget: number, historyWeight: number): Outcome<{ quotas: QuotaSuggestion[]; fairness: QuotaFairness }> =>
    attempt(() => suggestQuotas({ accounts, reps, assignments: working, teamTarget, historyWeight })),
);

/** Quota suggestions for a team target on the working plan (suggestQuotas). */
export function quotasFor(state: PlanState, teamTarget: number, historyWeight = 0): Outcome<{ quotas: QuotaSuggestion[]; fairness: QuotaFairness }> {
  return quotasMemo(state.accounts, state.reps, state.working, teamTarget, historyWeight);
}
