export { TkSelectionChangeEvent } from './selection-change-event.js';
export { TkAssignmentChangeEvent } from './assignment-change-event.js';
export type { AssignmentChangeSource } from './assignment-change-event.js';
export { TkPlanAppliedEvent } from './plan-applied-event.js';
export type { AppliedPlanKind } from './plan-applied-event.js';
export { TkSaveResultEvent } from './save-result-event.js';
export { TkLoadEvent } from './load-event.js';
export { TkAlertsChangeEvent } from './alerts-change-event.js';
