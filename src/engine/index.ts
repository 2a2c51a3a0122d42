// The headless engine: pure functions, no DOM. One exported function per module.
export { METRICS } from './types.js';
export { EngineError } from './engine-error.js';
export type { Metric, BalanceStats, EngineErrorCode } from './types.js';
export * from './geo.js';
export * from './evaluate-plan.js';
export * from './compare-plans.js';
export * from './rebalance.js';
export * from './rebalance/run-rebalance.js';
export * from './recommend-reps.js';
export * from './suggest-quotas.js';
export * from './detect-alerts.js';
export * from './resolve-territories.js';
export * from './distribute-accounts.js';
export * from './split-quota.js';
