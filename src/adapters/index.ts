export * from './crm-adapter.js';
export * from './memory/index.js';
