import { assignedTo, copyAssignments } from '../model/assignments.js';
import type { Assignments } from '../model/plan.js';
import type { Territory } from '../model/territory.js';
import { commit, HISTORY_LIMIT } from './history.js';
import type { PlanState } from './types.js';
import { lockedRepIds, splitHeld } from './locks.js';

/** Whether the viewer may edit the working plan: every role except `rep`, unless another tab owns the plan. */
export function canEdit(state: PlanState): boolean {
  return state.role !== 'rep' && !state.readOnlyReason;
}

function checkRep(state: PlanState, repId: string | null, where: string): void {
  if (repId !== null && !state.reps.some((r) => r.id === repId)) {
    throw new RangeError(`${where}: unknown rep id ${JSON.stringify(repId)}`);
  }
}

function checkAccount(state: PlanState, accountId: string, where: string): void {
  if (!Object.hasOwn(state.current, accountId)) throw new RangeError(`${where}: unknown account id ${JSON.stringify(accountId)}`);
}

/**
 * Assigns accounts to a rep (null unassigns) as one undoable step. Locked accounts, and accounts
 * of locked reps, stay where they are (unlock them first); a locked rep receives nothing.
 *
 * @param state the state
 * @param accountIds the accounts to move
 * @param repId the receiving rep, or null
 * @param label the undo label (default `Assign N accounts`, with `labelParts` `{ kind: 'assign', count }`)
 * @param limit undo steps kept (default {@link HISTORY_LIMIT})
 * @returns the new state, or `state` itself when refused (rep role) or nothing changes
 * @throws RangeError naming an unknown account or rep id
 * @example
 * state = assign(state, ['001A'], '005B');
 */
export function assign(
  state: PlanState,
  accountIds: readonly string[],
  repId: string | null,
  label?: string,
  limit = HISTORY_LIMIT,
): PlanState {
  if (!canEdit(state)) return state;
  checkRep(state, repId, 'assign');
  if (repId !== null && lockedRepIds(state).has(repId)) return state;
  for (const id of accountIds) checkAccount(state, id, 'assign');
  const { movable } = splitHeld(state, accountIds);
  let working: Assignments | null = null;
  for (const id of movable) {
    if (assignedTo(working ?? state.working, id) === repId) continue;
    working ??= copyAssignments(state.working);
    working[id] = repId;
  }
  if (working === null) return state;
  const moved = movable.length;
  return commit(state, { working }, label ?? { kind: 'assign', count: moved }, limit);
}

/**
 * Applies a whole set of assignments (e.g. an accepted rebalance) as one undoable step. Accounts
 * missing from `assignments` keep their working owner; so do locked accounts and accounts of locked
 * reps, and no account goes to a locked rep.
 *
 * @returns the new state, or `state` itself when refused or nothing changes
 * @throws RangeError naming an unknown account or rep id
 */
export function applyAssignments(state: PlanState, assignments: Assignments, label: string, limit = HISTORY_LIMIT): PlanState {
  if (!canEdit(state)) return state;
  let working: Assignments | null = null;
  const entries = Object.entries(assignments);
  const held = new Set(splitHeld(state, entries.map(([id]) => id)).held);
  const lockedReps = lockedRepIds(state);
  for (const [id, repId] of entries) {
    checkAccount(state, id, 'applyAssignments');
    checkRep(state, repId, `applyAssignments (account ${JSON.stringify(id)})`);
    if (assignedTo(working ?? state.working, id) === repId || held.has(id) || (repId !== null && lockedReps.has(repId))) continue;
    working ??= copyAssignments(state.working);
    working[id] = repId;
  }
  return working === null ? state : commit(state, { working }, label, limit);
}

/**
 * Replaces the territories as one undoable step.
 *
 * @returns the new state, or `state` itself when refused or `territories` is the current list
 */
export function setTerritories(state: PlanState, territories: readonly Territory[], label: string, limit = HISTORY_LIMIT): PlanState {
  if (!canEdit(state) || territories === state.territories) return state;
  return commit(state, { territories }, label, limit);
}

/**
 * Drops unsaved assignment edits (working := current) as one undoable step.
 *
 * @returns the new state, or `state` itself when refused or nothing is pending
 */
export function discard(state: PlanState, limit = HISTORY_LIMIT): PlanState {
  if (!canEdit(state) || state.working === state.current) return state;
  const pending = Object.keys(state.current).some((id) => assignedTo(state.working, id) !== state.current[id]);
  return pending ? commit(state, { working: state.current }, { kind: 'discard' }, limit) : state;
}
