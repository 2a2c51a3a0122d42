/**
 * The shared CrmAdapter contract, run against the HubSpot adapter on the CRM v3 emulator. Seed
 * accounts become companies with string property values (custom `latitude`, `longitude`,
 * `tk_potential`, `tk_workload`), seed reps become owners (inactive → archived).
 */
import { runAdapterContract, type ContractSeed, type ContractHarness } from './contract.js';
import { createHubSpotAdapter } from '../../src/adapters/hubspot/index.js';
import { startHubSpotEmulator } from '../emulators/hubspot/server.js';

const str = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));

export async function openHubSpot(seed: ContractSeed): Promise<ContractHarness> {
  const emu = await startHubSpotEmulator({
    owners: seed.reps.map((r) => {
      const [firstName, ...rest] = r.name.split(' ');
      return { id: r.id, email: r.email ?? null, firstName, lastName: rest.join(' '), archived: !r.active };
    }),
    companies: seed.accounts.map((a) => ({
      id: a.id,
      properties: {
        name: a.name,
        industry: str(a.industry),
        latitude: str(a.lat),
        longitude: str(a.lng),
        tk_potential: str(a.potential),
        tk_workload: str(a.workload),
        numberofemployees: str(a.employees),
        annualrevenue: str(a.annualRevenue),
        hubspot_owner_id: str(a.ownerId),
      },
    })),
  });
  const adapter = createHubSpotAdapter({
    fetch: (url, init) => fetch(url, init),
    baseUrl: emu.url,
    propertyMap: { potential: 'tk_potential', workload: 'tk_workload' },
    territories: seed.territories,
    retry: { retries: 4, baseMs: 1, capMs: 5, deadlineMs: 10_000 },
  });
  return {
    adapter,
    owners: async () => Object.fromEntries([...emu.companies.keys()].map((id) => [id, emu.ownerOf(id)])),
    touch: async (accountId, ownerId) => emu.touch(accountId, ownerId === undefined ? {} : { hubspot_owner_id: ownerId ?? '' }),
    corrupt: async (accountId) => emu.touch(accountId, { latitude: 'forty-one', longitude: 'minus seventy' }),
    close: () => emu.close(),
  };
}

runAdapterContract('hubspot', openHubSpot);
