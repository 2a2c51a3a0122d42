import { emptyAssignments } from '../model/assignments.js';
import type { PlanState, ViewerRole } from './types.js';

export interface CreatePlanStateOptions {
  /** Who is looking. Default `admin`. */
  role?: ViewerRole;
  /** The viewing rep (role `rep`). Default null. */
  repId?: string | null;
}

/**
 * An empty working plan, before anything has loaded.
 *
 * @param options role and viewing rep
 * @returns a fresh `idle` PlanState
 * @example
 * const state = createPlanState({ role: 'rep', repId: '005A' });
 */
export function createPlanState(options: CreatePlanStateOptions = {}): PlanState {
  return {
    status: 'idle',
    progress: null,
    error: null,
    capabilities: null,
    accounts: [],
    reps: [],
    territories: [],
    rejected: [],
    current: emptyAssignments(),
    working: emptyAssignments(),
    selection: [],
    focusRepId: null,
    focusTerritoryId: null,
    previewAssignments: null,
    past: [],
    future: [],
    role: options.role ?? 'admin',
    repId: options.repId ?? null,
    readOnlyReason: null,
    lastSave: null,
    saving: false,
    scenarios: [],
    activeScenarioId: null,
  };
}
