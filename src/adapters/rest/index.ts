/** The REST adapter: a CrmAdapter over your own backend speaking the contract in docs/adapters/rest.md. */
export { createRestAdapter, type RestAdapter } from './adapter.js';
export type { RestAdapterOptions } from './options.js';
