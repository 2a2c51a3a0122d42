export * from './crm-adapter.js';
