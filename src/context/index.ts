export { adapterContext } from './adapter-context.js';
export { planStateContext } from './plan-state-context.js';
export { planActionsContext } from './plan-actions-context.js';
