export * from './crm-adapter.js';
export * from './memory/index.js';
export * from './rest/index.js';
