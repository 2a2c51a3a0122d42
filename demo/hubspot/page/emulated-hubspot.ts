/**
 * Server side, not part of the page's bundle: the HubSpot the demo server (demo/server.mjs) uses when no
 * real proxy is configured. The test suite's HubSpot CRM v3 emulator (test/emulators/hubspot/server.ts,
 * the real wire format: string property values, paging cursors, 207 batch results) seeded with the
 * demo's generated companies and owners, behind the example proxy (demo/hubspot/proxy/server.mjs) with
 * a made-up token, so the page goes through the same proxy code as with a real portal.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generateDemoData } from '../../../src/data/generate-demo-data.js';
import { startHubSpotEmulator, type EmuCompany, type EmuDeal, type EmuGoalTarget, type EmuOwner } from '../../../test/emulators/hubspot/server.js';
import { createHubSpotProxy } from '../proxy/server.mjs';

export interface EmulatedHubSpot {
  /** The proxy's request handler (paths as the adapter sends them, e.g. `/crm/v3/owners`). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Seeded companies and owners. */
  companies: number;
  owners: number;
  /** The emulator's own URL (for tests). */
  url: string;
  close(): Promise<void>;
}

/** The demo portal's boolean company property for lock flags (the page's `lockProperty`). */
export const DEMO_LOCK_PROPERTY = 'territory_locked';

/** The demo portal's goal whose targets are the quotas (the page's `goals.name` when emulated). */
export const DEMO_GOAL = 'Quarterly revenue (demo)';

/** HubSpot's shapes of the demo data: owners with numeric ids, companies with string properties, deals with their company, and a quarterly goal target per owner for this year. */
export function demoHubSpotData(options: { seed?: number; accounts?: number; reps?: number } = {}): { companies: EmuCompany[]; owners: EmuOwner[]; deals: EmuDeal[]; goalTargets: EmuGoalTarget[] } {
  const data = generateDemoData({ seed: options.seed ?? 7, accounts: options.accounts ?? 1500, reps: options.reps ?? 12, asOf: new Date() });
  const ownerId = new Map(data.reps.map((r, i) => [r.id, String(80_000_001 + i)]));
  const owners: EmuOwner[] = data.reps.map((r, i) => {
    const [firstName, ...rest] = r.name.split(' ');
    return { id: ownerId.get(r.id)!, email: r.email ?? null, firstName, lastName: rest.join(' '), userId: 5_000_001 + i, archived: false };
  });
  const str = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const companies: EmuCompany[] = data.accounts.map((a, i) => ({
    id: String(1001 + i),
    properties: {
      name: a.name,
      industry: a.industry ?? '',
      latitude: str(a.lat),
      longitude: str(a.lng),
      annualrevenue: str(a.potential),
      numberofemployees: str(a.employees),
      hubspot_owner_id: a.ownerId ? (ownerId.get(a.ownerId) ?? '') : '',
      [DEMO_LOCK_PROPERTY]: a.locked ? 'true' : 'false',
    },
  }));
  const companyId = new Map(data.accounts.map((a, i) => [a.id, String(1001 + i)]));
  const deals: EmuDeal[] = data.opportunities.map((o, i) => ({
    id: String(5_000_001 + i),
    companies: companyId.has(o.accountId) ? [companyId.get(o.accountId)!] : [],
    properties: {
      amount: String(o.amount),
      closedate: o.closeDate ?? null,
      hs_is_closed_won: o.stage === 'won' ? 'true' : 'false',
      hs_is_closed: o.stage === 'open' ? 'false' : 'true',
      hubspot_owner_id: o.ownerId ? (ownerId.get(o.ownerId) ?? '') : '',
    },
  }));
  // A tenth of each owner's book potential a year, in quarterly targets of whole thousands.
  const potential = new Map<string, number>();
  for (const a of data.accounts) if (a.ownerId) potential.set(a.ownerId, (potential.get(a.ownerId) ?? 0) + (a.potential ?? 0));
  const year = new Date().getUTCFullYear();
  const goalTargets: EmuGoalTarget[] = data.reps.flatMap((r, i) =>
    ['01', '04', '07', '10'].map((month, q) => ({
      id: String(7_000_001 + i * 4 + q),
      properties: {
        hs_goal_name: DEMO_GOAL,
        hubspot_owner_id: ownerId.get(r.id)!,
        hs_start_datetime: `${year}-${month}-01T00:00:00.000Z`,
        hs_target_amount: String(Math.round((potential.get(r.id) ?? 0) / 40 / 1000) * 1000),
      },
    })),
  );
  return { companies, owners, deals, goalTargets };
}

/** Starts the emulator (127.0.0.1, random port) and returns the proxy handler in front of it. */
export async function startEmulatedHubSpot(options: { seed?: number; accounts?: number; reps?: number } = {}): Promise<EmulatedHubSpot> {
  const token = 'pat-demo-emulator-not-a-real-token';
  const { companies, owners, deals, goalTargets } = demoHubSpotData(options);
  const emulator = await startHubSpotEmulator({ companies, owners, deals, goalTargets, token, companyProperties: { [DEMO_LOCK_PROPERTY]: { type: 'bool', fieldType: 'booleancheckbox' } } });
  // The example proxy in its local-development mode (callers on this machine only; the token is made
  // up), allowing the page's own origin: the demo server mounts it on the page's origin, whatever port.
  const proxies = new Map<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>();
  const proxyFor = (host: string) => {
    let proxy = proxies.get(host);
    if (!proxy) {
      proxy = createHubSpotProxy({ token, upstream: emulator.url, localDevelopment: true, allowOrigin: [`http://${host}`], writableProperties: ['hubspot_owner_id', DEMO_LOCK_PROPERTY], goalWrites: true });
      proxies.set(host, proxy);
    }
    return proxy;
  };
  return {
    handle: (req, res) => proxyFor(String(req.headers.host ?? 'localhost')).call(null, req, res),
    companies: companies.length,
    owners: owners.length,
    url: emulator.url,
    close: () => emulator.close(),
  };
}
