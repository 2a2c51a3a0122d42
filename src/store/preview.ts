import type { Assignments } from '../model/plan.js';
import type { PlanState } from './types.js';

/**
 * Shows (or clears, with null) a proposed plan that is not applied — e.g. the rebalance preview — so
 * every widget can draw it (the map marks the accounts it would move). Only the accounts whose rep
 * would change need to be listed; unknown account ids are dropped. Not an edit: no undo step, never
 * saved or persisted.
 *
 * @param state the state
 * @param assignments account id → proposed rep id (null: unassigned), or null to clear
 * @returns the new state, or `state` itself when nothing changes
 * @example
 * state = previewAssignments(state, { '001A': 'r2' });
 */
export function previewAssignments(state: PlanState, assignments: Assignments | null): PlanState {
  if (assignments === null) return (state.previewAssignments ?? null) === null ? state : { ...state, previewAssignments: null };
  const kept: Assignments = Object.create(null) as Assignments;
  for (const id of Object.keys(assignments)) if (Object.hasOwn(state.current, id)) kept[id] = assignments[id];
  return { ...state, previewAssignments: kept };
}

/** Focuses a territory (null clears); the map dims the rest and fits its accounts. Unknown ids are an error. */
export function focusTerritory(state: PlanState, territoryId: string | null): PlanState {
  if (territoryId !== null && !state.territories.some((t) => t.id === territoryId)) {
    throw new RangeError(`focusTerritory: unknown territory id ${JSON.stringify(territoryId)}`);
  }
  return (state.focusTerritoryId ?? null) === territoryId ? state : { ...state, focusTerritoryId: territoryId };
}
