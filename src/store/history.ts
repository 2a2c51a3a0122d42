import type { Assignments } from '../model/plan.js';
import type { Territory } from '../model/territory.js';
import type { QuotaEntry } from '../model/quota.js';
import type { HistoryEntry, HistoryLabelPart, PlanState } from './types.js';
import { historyLabelEnglish } from './labels.js';

/** Undo steps kept by default; older steps are dropped first. */
export const HISTORY_LIMIT = 100;

/**
 * Records an edit as one undoable step: the state before it goes on `past` (bounded to `limit`
 * entries, oldest dropped), `future` is cleared, and the new working data is applied.
 *
 * @param state the state before the edit
 * @param next the new working assignments and territories
 * @param label what the step did, e.g. `Assign 3 accounts to Ana Ruiz`; or, for a label the store
 *   makes itself, its data (`HistoryLabelPart`: the entry gets the English `label` and the `labelParts`)
 * @param limit most steps kept on `past` (default {@link HISTORY_LIMIT})
 * @returns the new state
 */
export function commit(
  state: PlanState,
  next: { working?: Assignments; territories?: readonly Territory[]; quotas?: readonly QuotaEntry[] },
  label: string | HistoryLabelPart,
  limit = HISTORY_LIMIT,
): PlanState {
  // The caller's text, or the store's data with its English.
  const entry: HistoryEntry = { ...(typeof label === 'string' ? { label } : { label: historyLabelEnglish(label), labelParts: label }), working: state.working, territories: state.territories, quotas: state.quotas ?? [] };
  const past = [...state.past, entry];
  if (past.length > limit) past.splice(0, past.length - Math.max(0, limit));
  return {
    ...state,
    working: next.working ?? state.working,
    territories: next.territories ?? state.territories,
    ...(next.quotas ? { quotas: next.quotas } : {}),
    past,
    future: [],
  };
}

/**
 * Steps back one edit. The current working data moves to `future` under the undone step's label.
 *
 * @returns the new state, or `state` itself when there is nothing to undo or the role may not edit
 */
export function undo(state: PlanState): PlanState {
  if (state.role === 'rep' || state.readOnlyReason || state.past.length === 0) return state;
  const entry = state.past[state.past.length - 1];
  return {
    ...state,
    working: entry.working,
    territories: entry.territories,
    quotas: entry.quotas ?? state.quotas,
    past: state.past.slice(0, -1),
    future: [{ ...entry, working: state.working, territories: state.territories, quotas: state.quotas ?? [] }, ...state.future],
  };
}

/**
 * Re-applies the last undone edit.
 *
 * @returns the new state, or `state` itself when there is nothing to redo or the role may not edit
 */
export function redo(state: PlanState): PlanState {
  if (state.role === 'rep' || state.readOnlyReason || state.future.length === 0) return state;
  const [entry, ...future] = state.future;
  return {
    ...state,
    working: entry.working,
    territories: entry.territories,
    quotas: entry.quotas ?? state.quotas,
    past: [...state.past, { ...entry, working: state.working, territories: state.territories, quotas: state.quotas ?? [] }],
    future,
  };
}
