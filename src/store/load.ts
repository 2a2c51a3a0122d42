import { emptyAssignments } from '../model/assignments.js';
import type { Capabilities, LoadProgress, LoadResult } from '../adapters/crm-adapter.js';
import type { PlanState } from './types.js';

/** Loading (again) has begun: progress resets, a previous error clears; loaded data stays visible. */
export function loadStarted(state: PlanState): PlanState {
  return { ...state, status: 'loading', progress: { loaded: 0 }, error: null };
}

/** Reports load progress. Ignored unless loading. */
export function loadProgressed(state: PlanState, progress: LoadProgress): PlanState {
  if (state.status !== 'loading') return state;
  return { ...state, progress: { ...progress } };
}

/**
 * Takes in what the adapter loaded. `current` and `working` become the loaded owners (unsaved edits,
 * scenarios and undo history are dropped: restore them from persistence), the selection keeps only accounts
 * that still exist, and a focused rep that vanished is cleared.
 *
 * @param state the state while loading
 * @param result the adapter's load result
 * @param capabilities what the user may do through the adapter
 * @returns a `ready` state
 * @example
 * state = loadSucceeded(loadStarted(state), await adapter.load(), await adapter.capabilities());
 */
export function loadSucceeded(state: PlanState, result: LoadResult, capabilities: Capabilities | null): PlanState {
  const current = emptyAssignments(); // ids such as `__proto__` stay ordinary keys
  for (const account of result.accounts) current[account.id] = account.ownerId;
  const ids = new Set(result.accounts.map((a) => a.id));
  const kept = state.selection.filter((id) => ids.has(id));
  const focusRepId =
    state.focusRepId !== null && result.reps.some((r) => r.id === state.focusRepId) ? state.focusRepId : null;
  return {
    ...state,
    status: 'ready',
    progress: null,
    error: null,
    capabilities,
    accounts: result.accounts,
    reps: result.reps,
    territories: result.territories,
    territoryBase: result.territories,
    lastTerritorySave: null,
    rejected: result.rejected,
    current,
    working: current,
    selection: kept.length === state.selection.length ? state.selection : kept,
    focusRepId,
    focusTerritoryId: result.territories.some((t) => t.id === state.focusTerritoryId) ? state.focusTerritoryId : null,
    previewAssignments: null,
    past: [],
    future: [],
    lastSave: null,
    saving: false,
    lockBase: undefined,
    opportunities: result.opportunities ?? [],
    notices: result.notices ?? [],
    scenarios: [], // like unsaved edits: restored from persistence
    activeScenarioId: null,
    // Quotas the CRM holds, when the adapter loads them: the plan starts from them (unsaved ones are restored from persistence).
    ...(result.quotas ? { quotas: result.quotas, quotaBase: result.quotas, lastQuotaSave: null } : {}),
  };
}

/** Loading failed as a whole; keeps whatever had loaded before. */
export function loadFailed(state: PlanState, error: NonNullable<PlanState['error']>): PlanState {
  const words = typeof error.key === 'string' ? { key: error.key, ...(error.params ? { params: error.params } : {}) } : {};
  return { ...state, status: 'error', progress: null, error: { code: error.code, message: error.message, ...words } };
}
