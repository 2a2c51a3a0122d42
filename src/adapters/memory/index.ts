export * from './memory-adapter.js';
