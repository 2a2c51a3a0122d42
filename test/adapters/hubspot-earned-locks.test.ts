import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHubSpotAdapter, type HubSpotAdapterOptions } from '../../src/adapters/hubspot/index.js';
import type { LockChange } from '../../src/adapters/crm-adapter.js';
import { startHubSpotEmulator, type HubSpotEmulator, type HubSpotEmulatorOptions } from '../emulators/hubspot/server.js';
import { makeCompanies, makeDeals, makeOwners } from '../emulators/hubspot/fixture.js';
import { isWordedNotice } from '../../widgets/territory-provider/load-notice.js';

const opened: HubSpotEmulator[] = [];
after(() => Promise.all(opened.map((e) => e.close())));

const fastRetry = () => ({ retries: 3, baseMs: 1, capMs: 5, deadlineMs: 10_000 });
const LOCK = 'territory_locked';
const lockDefinition: HubSpotEmulatorOptions = { companyProperties: { [LOCK]: { type: 'bool', fieldType: 'booleancheckbox' } } };

async function setup(emuOptions: HubSpotEmulatorOptions, adapterOptions: Partial<HubSpotAdapterOptions> = {}) {
  const emu = await startHubSpotEmulator(emuOptions);
  opened.push(emu);
  const adapter = createHubSpotAdapter({ fetch: (url, init) => fetch(url, init), baseUrl: emu.url, retry: fastRetry(), ...adapterOptions });
  return { emu, adapter };
}

describe('HubSpot earned history (deals)', () => {
  const owners = makeOwners(4);

  it('loads deals page by page with their company and owner, credits won deals to the deal owner, and keeps the last dealMonths', async () => {
    const companies = makeCompanies(120, owners);
    const deals = makeDeals(companies, owners, 30);
    // closed two years ago: outside a 12-month history; open deals load whatever their close date
    deals.push({ id: 'old-won', companies: ['1'], properties: { amount: '500', closedate: new Date(Date.now() - 730 * 86_400_000).toISOString(), hs_is_closed_won: 'true', hs_is_closed: 'true', hubspot_owner_id: owners[0].id } });
    deals.push({ id: 'old-open', companies: ['1'], properties: { amount: '700', closedate: new Date(Date.now() - 730 * 86_400_000).toISOString(), hs_is_closed_won: 'false', hs_is_closed: 'false', hubspot_owner_id: owners[0].id } });
    const { emu, adapter } = await setup({ companies, owners, deals }, { deals: true, dealMonths: 12 });
    const { accounts, opportunities, rejected, notices } = await adapter.load();
    assert.deepEqual(rejected, []);
    assert.equal(notices, undefined);
    assert.equal(opportunities?.length, 360 + 1, 'every deal of the last 12 months, and the old open one');
    assert.ok(!opportunities!.some((o) => o.id === 'old-won'));
    assert.ok(emu.count('GET', '/crm/v3/objects/deals') >= 4, 'paged at 100 a page');
    const won5 = opportunities!.find((o) => o.id === '5-1')!;
    assert.deepEqual({ accountId: won5.accountId, stage: won5.stage, amount: won5.amount }, { accountId: '5', stage: 'won', amount: 2000 });
    const company5 = accounts.find((a) => a.id === '5')!;
    assert.notEqual(won5.ownerId, company5.ownerId, 'the won deal belongs to the rep who earned it, not the company owner');
    assert.equal(won5.ownerId, deals.find((d) => d.id === '5-1')!.properties.hubspot_owner_id);
    assert.equal(opportunities!.find((o) => o.id === '5-2')!.stage, 'lost');
    assert.equal(opportunities!.find((o) => o.id === '5-0')!.stage, 'open');
  });

  it('rejects bad deals naming the deal and the property; deals without a company are counted in a notice', async () => {
    const companies = makeCompanies(3, owners);
    const deals = makeDeals(companies, owners);
    deals[0].properties.amount = 'lots';
    deals[1].properties.hs_is_closed_won = 'maybe';
    deals[2].properties.amount = '-10';
    deals.push({ id: 'orphan', properties: { amount: '1', hs_is_closed_won: 'false', hs_is_closed: 'false' } });
    const { adapter } = await setup({ companies, owners, deals }, { deals: true });
    const { opportunities, rejected, notices } = await adapter.load();
    const byId = new Map(rejected.map((r) => [r.id, r]));
    assert.equal(byId.get(deals[0].id)?.field, 'amount');
    assert.match(byId.get(deals[0].id)!.reason, /"lots".*HubSpot property amount/);
    assert.equal(byId.get(deals[1].id)?.field, 'stage');
    assert.match(byId.get(deals[1].id)!.reason, /hs_is_closed_won/);
    assert.equal(byId.get(deals[2].id)?.field, 'amount');
    assert.match(byId.get(deals[2].id)!.reason, /HubSpot property amount/);
    assert.equal(opportunities?.length, 9 - 3);
    assert.deepEqual(notices?.map((n) => n.code), ['DEALS_WITHOUT_COMPANY']);
    assert.ok(isWordedNotice(notices![0]), `the provider words this notice in the UI language: ${notices![0].message}`);
  });

  it('a portal that refuses deals (403, missing scope) loads companies and owners, with a notice', async () => {
    const companies = makeCompanies(5, owners);
    const { emu, adapter } = await setup({ companies, owners, deals: makeDeals(companies, owners) }, { deals: true });
    emu.inject({ method: 'GET', path: '/crm/v3/objects/deals', kind: 'status', status: 403, body: { status: 'error', category: 'MISSING_SCOPES', message: 'This app hasn\'t been granted all required scopes to make this call.' } });
    const { accounts, opportunities, notices } = await adapter.load();
    assert.equal(accounts.length, 5);
    assert.equal(opportunities, undefined);
    assert.equal(notices?.[0].field, 'deals');
    assert.match(notices![0].message, /Deals are left out.*HTTP 403/);
  });

  it('without the deals option no deal is requested', async () => {
    const companies = makeCompanies(2, owners);
    const { emu, adapter } = await setup({ companies, owners, deals: makeDeals(companies, owners) });
    const { opportunities } = await adapter.load();
    assert.equal(opportunities, undefined);
    assert.equal(emu.count('GET', '/crm/v3/objects/deals'), 0);
  });
});

describe('HubSpot lock property', () => {
  const owners = makeOwners(3);
  const lockedCompanies = (n: number) => makeCompanies(n, owners).map((c, i) => ({ ...c, properties: { ...c.properties, [LOCK]: i === 0 ? 'true' : i === 1 ? '' : 'false' } }));

  it('loads the checkbox into Account.locked, offers canWriteLocks, and saves lock changes (round trip)', async () => {
    const { emu, adapter } = await setup({ companies: lockedCompanies(4), owners, ...lockDefinition }, { lockProperty: LOCK });
    assert.equal((await adapter.capabilities()).canWriteLocks, true);
    const { accounts } = await adapter.load();
    assert.deepEqual(accounts.map((a) => a.locked), [true, false, false, false]);
    const changes: LockChange[] = [
      { kind: 'account', id: '1', locked: false },
      { kind: 'account', id: '2', locked: true },
      { kind: 'rep', id: owners[0].id, locked: true },
      { kind: 'account', id: '3', locked: false }, // already unlocked: saved without a write
    ];
    const outcomes = await adapter.saveLocks!(changes);
    assert.deepEqual(outcomes.map((o) => [o.accountId, o.status, o.code]), [['1', 'saved', undefined], ['2', 'saved', undefined], [owners[0].id, 'failed', 'NO_LOCK_FIELD'], ['3', 'saved', undefined]]);
    assert.deepEqual(['1', '2', '3'].map((id) => emu.companies.get(id)!.properties[LOCK]), ['false', 'true', 'false']);
    assert.deepEqual(['1', '2', '3'].map((id) => emu.writes.get(id) ?? 0), [1, 1, 0]);
    // an owner change of a company just locked does not conflict with our own lock write
    const [c2] = (await adapter.load()).accounts.filter((a) => a.id === '2');
    assert.equal(c2.locked, true);
    const lockAgain = await adapter.saveLocks!([{ kind: 'account', id: '4', locked: true }]);
    assert.equal(lockAgain[0].status, 'saved');
    const moved = await adapter.save([{ accountId: '4', from: emu.ownerOf('4'), to: owners[0].id === emu.ownerOf('4') ? owners[1].id : owners[0].id }]);
    assert.equal(moved[0].status, 'saved');
  });

  it('a company edited since load is a conflict; a value HubSpot refuses fails its own record; nothing else is written', async () => {
    const definitions: NonNullable<HubSpotEmulatorOptions['companyProperties']> = { [LOCK]: { type: 'bool' } };
    const { emu, adapter } = await setup({ companies: lockedCompanies(3), owners, companyProperties: definitions }, { lockProperty: LOCK });
    await adapter.load();
    emu.touch('2', { name: 'Renamed by someone else' });
    definitions[LOCK].readOnlyValue = true; // an admin made the property read-only after the load: HubSpot refuses the value
    const outcomes = await adapter.saveLocks!([{ kind: 'account', id: '2', locked: true }, { kind: 'account', id: '3', locked: true }]);
    assert.deepEqual(outcomes.map((o) => [o.status, o.code]), [['conflict', 'STALE'], ['failed', 'VALIDATION_ERROR']]);
    assert.deepEqual(['2', '3'].map((id) => emu.companies.get(id)!.properties[LOCK]), ['', 'false']);
    assert.equal(emu.writes.size, 0);
  });

  it('a write whose answer is lost is re-read: saved when it landed, never reported saved when it did not', async () => {
    const { emu, adapter } = await setup({ companies: lockedCompanies(3), owners, ...lockDefinition }, { lockProperty: LOCK, retry: { retries: 0, baseMs: 1, capMs: 1, deadlineMs: 5000 } });
    await adapter.load();
    emu.inject({ method: 'POST', path: '/crm/v3/objects/companies/batch/update', kind: 'apply-then-reset' });
    const landed = await adapter.saveLocks!([{ kind: 'account', id: '3', locked: true }]);
    assert.equal(landed[0].status, 'saved');
    emu.inject({ method: 'POST', path: '/crm/v3/objects/companies/batch/update', kind: 'reset' });
    const lost = await adapter.saveLocks!([{ kind: 'account', id: '2', locked: true }]);
    assert.equal(lost[0].status, 'failed');
    assert.equal(lost[0].code, 'NETWORK');
    assert.equal(emu.companies.get('2')!.properties[LOCK], '');
  });

  it('canWriteLocks is false when the property is missing, read-only or the adapter may not write; no lock property: no capability', async () => {
    const companies = lockedCompanies(1);
    const missing = await setup({ companies, owners }, { lockProperty: LOCK });
    assert.equal((await missing.adapter.capabilities()).canWriteLocks, false);
    const readOnly = await setup({ companies, owners, companyProperties: { [LOCK]: { type: 'bool', readOnlyValue: true } } }, { lockProperty: LOCK });
    assert.equal((await readOnly.adapter.capabilities()).canWriteLocks, false);
    const noWrite = await setup({ companies, owners, ...lockDefinition }, { lockProperty: LOCK, canWrite: false });
    assert.equal((await noWrite.adapter.capabilities()).canWriteLocks, false);
    assert.deepEqual((await noWrite.adapter.saveLocks!([{ kind: 'account', id: '1', locked: false }])).map((o) => o.code), ['READ_ONLY']);
    const none = await setup({ companies, owners });
    assert.equal((await none.adapter.capabilities()).canWriteLocks, undefined);
    assert.throws(() => createHubSpotAdapter({ fetch, baseUrl: 'https://x.example', lockProperty: 'bad name' }), /lockProperty/);
  });
});
