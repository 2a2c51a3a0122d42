// The working-plan store: plain serialisable state and pure updaters (no DOM).
export type { PlanState, PlanActions, HistoryEntry, HistoryLabelPart, ScenarioNamePart, ViewerRole, SelectMode, AlertSettings, Scenario, ScenarioActions } from './types.js';
export { historyLabelEnglish, scenarioNameEnglish } from './labels.js';
export { setLocked, pendingLocks, locksSaved, splitHeld, isHeld, lockedRepIds } from './locks.js';
export type { LockMap, LockTarget, LockChange } from './locks.js';
export { createPlanState } from './create-plan-state.js';
export type { CreatePlanStateOptions } from './create-plan-state.js';
export { commit, undo, redo, HISTORY_LIMIT } from './history.js';
export { loadStarted, loadProgressed, loadSucceeded, loadFailed } from './load.js';
export { select, focusRep } from './selection.js';
export { previewAssignments, focusTerritory } from './preview.js';
export { canEdit, assign, applyAssignments, setTerritories, discard } from './edit.js';
export { saveStarted, saveFinished, matchOutcomes } from './save.js';
export {
  pendingChanges,
  planEvaluation,
  accountsById,
  repsById,
  ownerOf,
  accountsOf,
  undoLabel,
  redoLabel,
} from './selectors.js';
export { memoLast } from './memo.js';
export {
  storageKey,
  serialiseWorkingPlan,
  storedPlanDiffers,
  restoreWorkingPlan,
} from './persistence.js';
export { parseStoredPlan } from './parse-stored-plan.js';
export type { StoredPlan, SkippedChange, RestoreResult, SerialiseOptions, RestoreOptions } from './persistence.js';
export {
  FIRST_SCENARIO,
  SCENARIO_NAME_MAX,
  listScenarios,
  activeScenarioId,
  scenarioAssignments,
  nextScenarioId,
  createScenario,
  duplicateScenario,
  renameScenario,
  removeScenario,
  switchScenario,
  applyScenario,
  scenarioChanges,
  storedScenarios,
  restoreScenarios,
  exportScenarios,
} from './scenarios.js';
export type { StoredScenario } from './scenarios.js';
export { applyQuotas, pendingQuotaChanges, quotaInForce, quotasWritten } from './quotas.js';
export type { QuotaInForce } from './quotas.js';
export { pendingTerritoryChanges, territoriesSaved } from './territory-changes.js';
