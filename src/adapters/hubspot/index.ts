/**
 * territory-kit/adapters/hubspot — a CrmAdapter over HubSpot CRM v3 through a fetch-like transport
 * (your proxy holds the private-app token; see docs/adapters/hubspot.md).
 */
export { createHubSpotAdapter, type HubSpotAdapter } from './adapter.js';
export { DEFAULT_PROPERTY_MAP, type HubSpotAdapterOptions, type HubSpotGoalOptions, type HubSpotPropertyMap } from './options.js';
export type { Transport } from '../shared/http.js';
