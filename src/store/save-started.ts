import type { PlanState } from './types.js';

/** A save has started. (Its own module: a page can mark a save started without loading the outcome checks.) */
export function saveStarted(state: PlanState): PlanState {
  return state.saving ? state : { ...state, saving: true };
}
