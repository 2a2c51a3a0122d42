// A record page (card focused on one account) whose territory has a polygon and rules and overlaps
// another, plus two load notices, for screenshots of the worded reason and notices (scripts/card-reason-screenshots.mjs).
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import '../../widgets/index.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

const square = { type: 'Polygon' as const, coordinates: [[[-101, 39], [-99, 39], [-99, 41], [-101, 41], [-101, 39]]] as [number, number][][] };
const acct = (id: string, name: string, ownerId: string | null, extra = {}) => ({ id, name, lat: 40, lng: -100, potential: 1000, workload: 1, ownerId, ...extra });
const provider = document.querySelector<TkTerritoryProvider>('tk-territory-provider')!;
provider.storage = null;
const adapter = createMemoryAdapter({
  accounts: [acct('a1', 'Acme Stores', 'r1', { industry: 'Retail' }), acct('a2', 'Globex', 'r2', { employees: 500 })],
  reps: [{ id: 'r1', name: 'Ana Ruiz', capacity: 1, skills: [], active: true }, { id: 'r2', name: 'Ben Cole', capacity: 1, skills: [], active: true }],
  territories: [
    { id: 'w', name: 'West', repIds: ['r1'], priority: 0, definition: { geometry: square, rules: { industries: ['Retail'] } } },
    { id: 'e', name: 'East', repIds: ['r2'], priority: 0, definition: { geometry: square } },
  ],
});
const load = adapter.load.bind(adapter);
adapter.load = async (o) => ({
  ...(await load(o)),
  notices: [
    { code: 'FORECASTING_DISABLED', field: 'ForecastingQuota', message: 'Quotas stay in the plan (and export as CSV): Collaborative Forecasts is not enabled in this Salesforce org (there is no ForecastingQuota object)' },
    { code: 'INVALID_FIELD', field: 'Account.Locked__c', message: "Lock flags are not loaded from Salesforce: Account.Locked__c is not readable for this user (No such column 'Locked__c' on entity 'Account'); locks stay in this plan" },
  ],
});
provider.adapter = adapter;
Object.assign(window, { provider });
