/**
 * territory-kit — the headless core: model, engine, store, adapter interface and memory adapter.
 * Imports no DOM API, no Lit and no jsforce; runs in Node and in the browser.
 */
export * from './model/index.js';
export * from './engine/index.js';
export * from './adapters/index.js';
export * from './store/index.js';
export * from './data/generate-demo-data.js';
