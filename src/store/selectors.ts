import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';
import { assignedTo } from '../model/assignments.js';
import type { Assignments } from '../model/plan.js';
import type { Change } from '../adapters/crm-adapter.js';
import { evaluatePlan, type PlanEvaluation } from '../engine/evaluate-plan.js';
import { memoLast } from './memo.js';
import type { PlanState } from './types.js';


const computePending = memoLast((accounts: readonly Account[], current: Assignments, working: Assignments): Change[] => {
  const changes: Change[] = [];
  if (current === working) return changes;
  for (const a of accounts) {
    const from = assignedTo(current, a.id) ?? null;
    const to = Object.hasOwn(working, a.id) ? working[a.id] : from;
    if (from !== to) changes.push({ accountId: a.id, from, to });
  }
  return changes;
});

/**
 * The unsaved changes: every account whose working owner differs from its current owner, in account
 * order. Memoised: the same array comes back until accounts, current or working are replaced.
 *
 * @example
 * await adapter.save(pendingChanges(state));
 */
export function pendingChanges(state: PlanState): Change[] {
  return computePending(state.accounts, state.current, state.working);
}

const computeEvaluation = memoLast(
  (accounts: readonly Account[], reps: readonly Rep[], working: Assignments, tolerance: number): PlanEvaluation =>
    evaluatePlan(accounts, reps, working, { tolerance }),
);

/**
 * The engine's evaluation of the working plan (per-rep totals, targets, deviations, balance
 * statistics). Memoised on accounts, reps, working and tolerance.
 *
 * @param state the state
 * @param tolerance allowed relative deviation τ (default 0.05)
 */
export function planEvaluation(state: PlanState, tolerance = 0.05): PlanEvaluation {
  return computeEvaluation(state.accounts, state.reps, state.working, tolerance);
}

const computeById = memoLast((accounts: readonly Account[]) => new Map(accounts.map((a) => [a.id, a])));
const computeRepsById = memoLast((reps: readonly Rep[]) => new Map(reps.map((r) => [r.id, r])));

/** Accounts by id (memoised). */
export function accountsById(state: PlanState): ReadonlyMap<string, Account> {
  return computeById(state.accounts);
}

/** Reps by id (memoised). */
export function repsById(state: PlanState): ReadonlyMap<string, Rep> {
  return computeRepsById(state.reps);
}

/** The working owner of an account (null when unassigned or unknown). */
export function ownerOf(state: PlanState, accountId: string): string | null {
  return assignedTo(state.working, accountId) ?? null;
}

/** The accounts a rep owns in the working plan, in account order. */
export function accountsOf(state: PlanState, repId: string): Account[] {
  return state.accounts.filter((a) => assignedTo(state.working, a.id) === repId);
}

/** The label of the step `undo` would revert, or null. */
export function undoLabel(state: PlanState): string | null {
  return state.past.length ? state.past[state.past.length - 1].label : null;
}

/** The label of the step `redo` would re-apply, or null. */
export function redoLabel(state: PlanState): string | null {
  return state.future.length ? state.future[0].label : null;
}
