/**
 * The shared CrmAdapter contract, run against the Salesforce adapter three ways: owner mode and
 * territory2 mode through a real jsforce Connection on the REST emulator, and owner mode through
 * the Apex transport (the Apex class re-stated over the emulator's data).
 *
 * territory2 mapping used here: one Territory2 per seed rep, with the rep's id as the territory id,
 * so the contract's rep ids double as territory ids; "owner" = the account's territory in the model.
 */
import { runAdapterContract, type ContractSeed, type ContractHarness } from './contract.js';
import { apexTransport, createSalesforceAdapter, jsforceTransport, type SalesforceTransport } from '../../src/adapters/salesforce/index.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/server.js';
import { emulatorConnection } from '../emulators/salesforce/connect.js';
import { apexMethodsFor } from '../emulators/salesforce/apex-methods.js';

const fastRetry = { retries: 4, baseMs: 1, capMs: 5, deadlineMs: 10_000 };

function seedOrg(emu: SalesforceEmulator, seed: ContractSeed, territories: boolean): string | null {
  const s = emu.store;
  for (const r of seed.reps) {
    s.insert('User', { Id: r.id, Name: r.name, Email: r.email ?? null, IsActive: r.active, UserType: 'Standard', Latitude: r.home?.lat ?? null, Longitude: r.home?.lng ?? null });
  }
  for (const a of seed.accounts) {
    s.insert('Account', {
      Id: a.id, Name: a.name, OwnerId: a.ownerId, Industry: a.industry ?? null, NumberOfEmployees: a.employees ?? null,
      AnnualRevenue: a.annualRevenue ?? null, BillingLatitude: a.lat, BillingLongitude: a.lng,
    });
  }
  if (!territories) return null;
  const modelId = s.insert('Territory2Model', { Name: 'Contract', DeveloperName: 'Contract', State: 'Active' });
  for (const r of seed.reps) {
    s.insert('Territory2', { Id: r.id, Name: `${r.name} territory`, DeveloperName: r.id.replace(/\W/g, '_'), Territory2ModelId: modelId });
    s.insert('UserTerritory2Association', { UserId: r.id, Territory2Id: r.id, RoleInTerritory2: 'Owner', IsActive: true });
  }
  for (const a of seed.accounts) {
    if (a.ownerId) s.insert('ObjectTerritory2Association', { ObjectId: a.id, Territory2Id: a.ownerId, AssociationCause: 'Territory2Manual', SobjectType: 'Account' });
  }
  return modelId;
}

function harness(kind: 'jsforce-owner' | 'jsforce-territory2' | 'apex-owner') {
  return async (seed: ContractSeed): Promise<ContractHarness> => {
    const emu = await startSalesforceEmulator();
    const territory2 = kind === 'jsforce-territory2';
    seedOrg(emu, seed, territory2);
    const transport: SalesforceTransport = kind === 'apex-owner' ? apexTransport(apexMethodsFor(emu.store)) : jsforceTransport(emulatorConnection(emu));
    const adapter = createSalesforceAdapter({ transport, mode: territory2 ? 'territory2' : 'owner', retry: fastRetry, performance: false });
    const territoryOf = (id: string) => emu.store.all('ObjectTerritory2Association').find((x) => x.ObjectId === id);
    return {
      adapter,
      owners: async () => Object.fromEntries(emu.store.all('Account').map((a) => [a.Id, territory2 ? ((territoryOf(a.Id)?.Territory2Id as string | undefined) ?? null) : ((a.OwnerId as string | null) ?? null)])),
      touch: async (accountId, ownerId) => {
        if (!territory2) return emu.store.touch('Account', accountId, ownerId === undefined ? {} : { OwnerId: ownerId });
        emu.store.touch('Account', accountId);
        if (ownerId === undefined) return;
        const old = territoryOf(accountId);
        if (old) emu.store.objects.get('ObjectTerritory2Association')!.delete(old.Id);
        if (ownerId !== null) emu.store.insert('ObjectTerritory2Association', { ObjectId: accountId, Territory2Id: ownerId, AssociationCause: 'Territory2Manual', SobjectType: 'Account' });
      },
      corrupt: async (accountId) => emu.store.touch('Account', accountId, { BillingLatitude: 'forty-one', BillingLongitude: 'minus seventy' }),
      close: () => emu.close(),
    };
  };
}

runAdapterContract('salesforce owner mode (jsforce → REST emulator)', harness('jsforce-owner'));
runAdapterContract('salesforce territory2 mode (jsforce → REST emulator)', harness('jsforce-territory2'));
runAdapterContract('salesforce owner mode (apexTransport → Apex methods)', harness('apex-owner'));
