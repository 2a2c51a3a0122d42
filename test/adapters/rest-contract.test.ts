/** The shared CrmAdapter contract, run against the REST adapter on the reference REST emulator. */
import { runAdapterContract, type ContractSeed, type ContractHarness } from './contract.js';
import { createRestAdapter } from '../../src/adapters/rest/index.js';
import { startRestEmulator } from '../emulators/rest/server.js';

export async function openRest(seed: ContractSeed): Promise<ContractHarness> {
  const emu = await startRestEmulator({ accounts: seed.accounts, reps: seed.reps, territories: seed.territories, maxPage: 50 });
  const adapter = createRestAdapter({ baseUrl: emu.url, fetch: (url, init) => fetch(url, init), pageSize: 50, retry: { retries: 4, baseMs: 1, capMs: 5, deadlineMs: 10_000 } });
  return {
    adapter,
    owners: async () => Object.fromEntries([...emu.accounts.keys()].map((id) => [id, emu.ownerOf(id)])),
    touch: async (accountId, ownerId) => emu.touch(accountId, ownerId === undefined ? {} : { ownerId }),
    corrupt: async (accountId) => emu.touch(accountId, { lat: 'forty-one', lng: 'minus seventy' }),
    close: () => emu.close(),
  };
}

runAdapterContract('rest', openRest);
