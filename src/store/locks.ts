import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';
import type { PlanState } from './types.js';
import type { LockChange } from '../adapters/crm-adapter.js';

/** Lock flags by id (a null-prototype object, so any id is a safe key). */
export type LockMap = Readonly<Record<string, boolean>>;

/** What to lock or unlock. */
export interface LockTarget {
  accounts?: readonly string[];
  reps?: readonly string[];
}

/** One lock the user changed and has not saved to the CRM: the id and the new value. */
export type { LockChange };

const blank = (): Record<string, boolean> => Object.create(null) as Record<string, boolean>;
const copy = (m: LockMap | undefined): Record<string, boolean> => Object.assign(blank(), m);

/** Whether the account may not change hands: it is locked, or its working owner is a locked rep. */
export function isHeld(state: PlanState, account: Account, lockedReps?: ReadonlySet<string>): boolean {
  if (account.locked) return true;
  const owner = state.working[account.id];
  if (owner == null) return false;
  return lockedReps ? lockedReps.has(owner) : state.reps.some((r) => r.id === owner && r.locked === true);
}

/** The ids of the locked reps. */
export function lockedRepIds(state: PlanState): Set<string> {
  return new Set(state.reps.filter((r) => r.locked).map((r) => r.id));
}

/**
 * Splits account ids into those that may move and those held by a lock (their own, or their
 * owner's). Unknown ids are kept in `movable` (the assign updater names them in its error).
 */
export function splitHeld(state: PlanState, accountIds: readonly string[]): { movable: string[]; held: string[] } {
  const reps = lockedRepIds(state);
  const locked = new Set(state.accounts.filter((a) => a.locked).map((a) => a.id));
  const movable: string[] = [];
  const held: string[] = [];
  for (const id of accountIds) {
    const owner = state.working[id];
    if (locked.has(id) || (owner != null && reps.has(owner))) held.push(id);
    else movable.push(id);
  }
  return { movable, held };
}

/**
 * Locks or unlocks accounts and reps in the working plan. The flags live on the records themselves
 * (`Account.locked`, `Rep.locked`), so the rebalance, the map and exports all see them; the value
 * each record had when loaded is kept in `lockBase`, so unsaved lock changes can be listed, stored
 * with the unsaved work and written to the CRM. Not an undo step (locks are guards, not edits).
 *
 * @param state the state
 * @param target the account and rep ids to change (unknown ids are ignored)
 * @param locked the new value
 * @returns the new state, or `state` itself when refused (rep role) or nothing changes
 * @example
 * state = setLocked(state, { accounts: state.selection }, true);
 */
export function setLocked(state: PlanState, target: LockTarget, locked: boolean): PlanState {
  if (state.role === 'rep' || state.readOnlyReason) return state;
  const wantA = new Set(target.accounts ?? []);
  const wantR = new Set(target.reps ?? []);
  const base = { accounts: copy(state.lockBase?.accounts), reps: copy(state.lockBase?.reps) };
  let changed = false;
  const flip = <T extends Account | Rep>(rec: T, bases: Record<string, boolean>): T => {
    if (Boolean(rec.locked) === locked) return rec;
    changed = true;
    if (!(rec.id in bases)) bases[rec.id] = Boolean(rec.locked);
    if (bases[rec.id] === locked) delete bases[rec.id];
    return { ...rec, locked };
  };
  const accounts = wantA.size ? state.accounts.map((a) => (wantA.has(a.id) ? flip(a, base.accounts) : a)) : state.accounts;
  const reps = wantR.size ? state.reps.map((r) => (wantR.has(r.id) ? flip(r, base.reps) : r)) : state.reps;
  if (!changed) return state;
  return {
    ...state,
    accounts: accounts.some((a, i) => a !== state.accounts[i]) ? accounts : state.accounts,
    reps: reps.some((r, i) => r !== state.reps[i]) ? reps : state.reps,
    lockBase: base,
  };
}

/** The lock changes not yet saved to the CRM (records whose flag differs from the loaded one). */
export function pendingLocks(state: PlanState): LockChange[] {
  const out: LockChange[] = [];
  const base = state.lockBase;
  if (!base) return out;
  for (const a of state.accounts) if (a.id in base.accounts && Boolean(a.locked) !== base.accounts[a.id]) out.push({ kind: 'account', id: a.id, locked: Boolean(a.locked) });
  for (const r of state.reps) if (r.id in base.reps && Boolean(r.locked) !== base.reps[r.id]) out.push({ kind: 'rep', id: r.id, locked: Boolean(r.locked) });
  return out;
}

/**
 * Records which lock changes the CRM now holds: their loaded value becomes the new one, so they are
 * no longer pending.
 */
export function locksSaved(state: PlanState, saved: readonly LockChange[]): PlanState {
  if (!state.lockBase || saved.length === 0) return state;
  const base = { accounts: copy(state.lockBase.accounts), reps: copy(state.lockBase.reps) };
  for (const c of saved) delete (c.kind === 'account' ? base.accounts : base.reps)[c.id];
  return { ...state, lockBase: base };
}
