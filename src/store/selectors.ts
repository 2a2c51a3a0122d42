import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';
import type { Assignments } from '../model/plan.js';
import type { Change } from '../adapters/crm-adapter.js';
import { memoLast } from './memo.js';
import type { PlanState } from './types.js';

/** The attributes a workload figure can be measured in (PRODUCT.md "Metrics"). */
export type LoadMetric = 'workload' | 'potential' | 'count';

/** One rep's totals in the working plan. */
export interface RepTotals {
  workload: number;
  potential: number;
  count: number;
}

const computePending = memoLast((accounts: readonly Account[], current: Assignments, working: Assignments): Change[] => {
  const changes: Change[] = [];
  if (current === working) return changes;
  for (const a of accounts) {
    const from = current[a.id] ?? null;
    const to = a.id in working ? working[a.id] : from;
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

const computeTotals = memoLast((accounts: readonly Account[], working: Assignments): Map<string | null, RepTotals> => {
  const totals = new Map<string | null, RepTotals>();
  for (const a of accounts) {
    const owner = a.id in working ? working[a.id] : a.ownerId;
    let t = totals.get(owner);
    if (!t) totals.set(owner, (t = { workload: 0, potential: 0, count: 0 }));
    t.workload += a.workload;
    t.potential += a.potential;
    t.count += 1;
  }
  return totals;
});

/**
 * Workload, potential and account count per owner in the working plan (key null = unassigned).
 * Memoised on accounts and working.
 */
export function repTotals(state: PlanState): ReadonlyMap<string | null, RepTotals> {
  return computeTotals(state.accounts, state.working);
}

const computeTargets = memoLast((reps: readonly Rep[], accounts: readonly Account[]): Map<string, RepTotals> => {
  const sum: RepTotals = { workload: 0, potential: 0, count: accounts.length };
  for (const a of accounts) {
    sum.workload += a.workload;
    sum.potential += a.potential;
  }
  const active = reps.filter((r) => r.active);
  const capacity = active.reduce((s, r) => s + r.capacity, 0);
  const targets = new Map<string, RepTotals>();
  for (const r of reps) {
    const share = r.active && capacity > 0 ? r.capacity / capacity : 0;
    targets.set(r.id, { workload: share * sum.workload, potential: share * sum.potential, count: share * sum.count });
  }
  return targets;
});

/**
 * Each rep's target per metric: target_j = c_j / Σc · Σ_i a_i over active reps (inactive reps
 * target 0). Memoised on reps and accounts.
 */
export function repTargets(state: PlanState): ReadonlyMap<string, RepTotals> {
  return computeTargets(state.reps, state.accounts);
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
  return state.working[accountId] ?? null;
}

/** The accounts a rep owns in the working plan, in account order. */
export function accountsOf(state: PlanState, repId: string): Account[] {
  return state.accounts.filter((a) => state.working[a.id] === repId);
}

/** The label of the step `undo` would revert, or null. */
export function undoLabel(state: PlanState): string | null {
  return state.past.length ? state.past[state.past.length - 1].label : null;
}

/** The label of the step `redo` would re-apply, or null. */
export function redoLabel(state: PlanState): string | null {
  return state.future.length ? state.future[0].label : null;
}
