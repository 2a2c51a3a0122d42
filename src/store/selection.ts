import type { PlanState, SelectMode } from './types.js';

/**
 * Changes the selected accounts. Unknown ids are ignored; order follows first selection.
 *
 * @param state the state
 * @param accountIds accounts to select, add, remove or toggle
 * @param mode how they combine with the current selection (default `replace`)
 * @returns the new state, or `state` itself when the selection is unchanged
 * @example
 * state = select(state, ['001A', '001B'], 'add');
 */
export function select(state: PlanState, accountIds: readonly string[], mode: SelectMode = 'replace'): PlanState {
  const known = new Set(Object.keys(state.current));
  const ids = accountIds.filter((id) => known.has(id));
  const set = new Set(mode === 'replace' ? [] : state.selection);
  for (const id of ids) {
    if (mode === 'remove') set.delete(id);
    else if (mode === 'toggle' && set.has(id)) set.delete(id);
    else set.add(id);
  }
  const selection = [...set];
  const same = selection.length === state.selection.length && selection.every((id, i) => id === state.selection[i]);
  return same ? state : { ...state, selection };
}

/** Focuses a rep (null clears). Unknown rep ids are an error. */
export function focusRep(state: PlanState, repId: string | null): PlanState {
  if (repId !== null && !state.reps.some((r) => r.id === repId)) {
    throw new RangeError(`focusRep: unknown rep id ${JSON.stringify(repId)}`);
  }
  return state.focusRepId === repId ? state : { ...state, focusRepId: repId };
}
