/**
 * territory-kit/adapters/salesforce — the Salesforce CRM adapter (owner and Territory2 modes) with
 * two transports: jsforce (REST, outside Lightning) and Apex (inside Lightning). jsforce is an
 * optional peer dependency; this entry never imports it at run time.
 */
export { createSalesforceAdapter, type SalesforceAdapter } from './adapter.js';
export type { SalesforceAdapterOptions, SalesforceFieldMap } from './options.js';
export type { PlanningModelOptions } from './territory-model-save.js';
export type { SalesforceLoadResult, SalesforceLoadReport } from './load.js';
export { jsforceTransport, type JsforceTransportOptions } from './jsforce-transport.js';
export { apexTransport, type ApexMethods, type ApexTransportOptions } from './apex-transport.js';
export { SalesforceError } from './types.js';
export type { SalesforceTransport, SoqlQuery, SoqlCondition, QueryPage, SfRecord, SfSaveResult, SfSaveError, BulkQueryOptions } from './types.js';
export { toSoql } from './soql.js';
