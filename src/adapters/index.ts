export * from './crm-adapter.js';
export * from './memory/index.js';
export * from './rest/index.js';
export { validateOutcomes } from './validate-outcomes.js';
export { guardSave, type SaveGuardOptions } from './shared/save-guard.js';
