export * from './limits.js';
export * from './geometry.js';
export * from './account.js';
export * from './rep.js';
export * from './territory.js';
export * from './plan.js';
export * from './validate-batch.js';
export * from './quota.js';
