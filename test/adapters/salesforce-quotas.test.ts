// Salesforce quotas (issue #17): ForecastingQuota through both transports — jsforce against the REST
// emulator (real wire format: describe, SOQL, sObject Collections) and the Apex transport against the
// TypeScript re-statement of TerritoryKitController.quotas → TerritoryKitQuotas.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apexTransport, createSalesforceAdapter, jsforceTransport } from '../../src/adapters/salesforce/index.js';
import type { SalesforceTransport } from '../../src/adapters/salesforce/types.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/server.js';
import { seedOrg } from '../emulators/salesforce/seed.js';
import { emulatorConnection } from '../emulators/salesforce/connect.js';
import { apexMethodsFor } from '../emulators/salesforce/apex-methods.js';
import { installFakeClock, settleWithin, until, type FakeClock } from '../helpers/fake-clock.js';

const fastRetry = () => ({ retries: 3, baseMs: 1, capMs: 5, deadlineMs: 5_000 });
const Q1 = '2027-01-01';
const Q2 = '2027-04-01';

type Make = (emu: SalesforceEmulator) => SalesforceTransport;
const TRANSPORTS: [string, Make][] = [
  ['jsforce', (emu) => jsforceTransport(emulatorConnection(emu))],
  ['apex', (emu) => apexTransport(apexMethodsFor(emu.store, {}, 2000, { withQuotas: true }))],
];

async function org(forecasting = true) {
  const emu = await startSalesforceEmulator();
  const seeded = seedOrg(emu.store, { users: 3, accounts: 4 });
  const types = forecasting ? emu.store.enableForecasting([{ DeveloperName: 'Units', IsAmount: false }]) : {};
  return { emu, users: seeded.userIds, types };
}

for (const [name, make] of TRANSPORTS) {
  describe(`Salesforce quotas through the ${name} transport`, () => {
    it('loads the held quotas; updates an existing one, inserts a new one, deletes a removed one; a reload sees them', async () => {
      const { emu, users: [u1, u2, u3], types } = await org();
      try {
        const existing = emu.store.insert('ForecastingQuota', { QuotaOwnerId: u1, QuotaAmount: 400000, StartDate: Q1, ForecastingTypeId: types.OpportunityRevenue, IsAmount: true });
        emu.store.insert('ForecastingQuota', { QuotaOwnerId: u3, QuotaAmount: 90000, StartDate: Q1, ForecastingTypeId: types.OpportunityRevenue, IsAmount: true });
        // another forecast type's quota is not ours
        emu.store.insert('ForecastingQuota', { QuotaOwnerId: u2, QuotaAmount: 7, StartDate: Q1, ForecastingTypeId: types.Units, IsAmount: false });
        const adapter = createSalesforceAdapter({ transport: make(emu), retry: fastRetry(), performance: false, quotasFrom: '2027-01-01' });
        const [caps, loaded] = await Promise.all([adapter.capabilities(), adapter.load()]);
        assert.equal(caps.canWriteQuotas, true);
        assert.deepEqual(loaded.quotas, [{ repId: u1, period: Q1, amount: 400000 }, { repId: u3, period: Q1, amount: 90000 }].sort((a, b) => (a.repId < b.repId ? -1 : 1)));
        assert.deepEqual(loaded.notices ?? [], []);

        const out = await adapter.saveQuotas!([
          { repId: u1, period: Q1, from: 400000, to: 450000 },
          { repId: u2, period: Q1, from: null, to: 300000 },
          { repId: u3, period: Q1, from: 90000, to: null },
        ]);
        assert.deepEqual(out.map((o) => [o.repId, o.status, o.code]), [[u1, 'saved', undefined], [u2, 'saved', undefined], [u3, 'saved', undefined]]);
        assert.equal(emu.store.get('ForecastingQuota', existing)!.QuotaAmount, 450000, 'the existing quota was updated, not duplicated');
        const writes = emu.store.applied.filter((w) => w.object === 'ForecastingQuota').map((w) => w.op).sort();
        assert.deepEqual(writes, ['create', 'delete', 'update']);
        const created = emu.store.all('ForecastingQuota').find((q) => q.QuotaOwnerId === u2 && q.ForecastingTypeId === types.OpportunityRevenue)!;
        assert.deepEqual([created.StartDate, created.QuotaAmount], [Q1, 300000]);

        const again = await adapter.load();
        assert.deepEqual(again.quotas?.map((q) => [q.repId, q.amount]).sort(), [[u1, 450000], [u2, 300000]].sort());
      } finally {
        await emu.close();
      }
    });

    it('conflict when the quota changed in Salesforce since load (not written); saved without writing when it already holds the amount', async () => {
      const { emu, users: [u1, u2], types } = await org();
      try {
        const id = emu.store.insert('ForecastingQuota', { QuotaOwnerId: u1, QuotaAmount: 400000, StartDate: Q2, ForecastingTypeId: types.OpportunityRevenue, IsAmount: true });
        const adapter = createSalesforceAdapter({ transport: make(emu), retry: fastRetry(), performance: false, quotasFrom: '2027-01-01' });
        await adapter.load();
        emu.store.touch('ForecastingQuota', id, { QuotaAmount: 410000 });
        // someone else also set u2's quota although none was loaded
        emu.store.insert('ForecastingQuota', { QuotaOwnerId: u2, QuotaAmount: 5, StartDate: Q2, ForecastingTypeId: types.OpportunityRevenue, IsAmount: true });
        const before = emu.store.applied.length;
        const out = await adapter.saveQuotas!([
          { repId: u1, period: Q2, from: 400000, to: 500000 },
          { repId: u2, period: Q2, from: null, to: 200000 },
        ]);
        assert.deepEqual(out.map((o) => [o.status, o.code]), [['conflict', 'STALE'], ['conflict', 'STALE']]);
        assert.match(out[0].message ?? '', /Rep 1 \(005\w+\) for the period starting 2027-04-01 changed in the CRM since it was loaded \(now 410000; 400000 when/);
        assert.equal(emu.store.applied.length, before, 'a conflict writes nothing');
        const [same] = await adapter.saveQuotas!([{ repId: u1, period: Q2, from: 400000, to: 410000 }]);
        assert.equal(same.status, 'saved');
        assert.equal(emu.store.applied.length, before, 'already held: nothing written');
      } finally {
        await emu.close();
      }
    });

    it('a refused write fails naming the rep, period and field (own quota; a cross-reference)', async () => {
      const { emu, users: [u1, u2] } = await org();
      try {
        emu.store.actingUserId = u2; // the manager: may not set their own quota
        const adapter = createSalesforceAdapter({ transport: make(emu), retry: fastRetry(), performance: false });
        await adapter.load();
        const out = await adapter.saveQuotas!([
          { repId: u1, period: Q1, from: null, to: 100 },
          { repId: u2, period: Q1, from: null, to: 100 },
          { repId: '005000000000zzzAAA', period: Q1, from: null, to: 100 },
        ]);
        assert.deepEqual(out.map((o) => [o.status, o.code]), [['saved', undefined], ['failed', 'INSUFFICIENT_ACCESS_OR_READONLY'], ['failed', 'INVALID_CROSS_REFERENCE_KEY']]);
        assert.match(out[1].message ?? '', /Rep 2 \(005\w+\) for the period starting 2027-01-01: field ForecastingQuota\.QuotaOwnerId: you cannot edit your own quota/);
        assert.match(out[2].message ?? '', /005000000000zzzAAA for the period starting 2027-01-01: field ForecastingQuota\.QuotaOwnerId/);
      } finally {
        await emu.close();
      }
    });

    it('forecasting not enabled: canWriteQuotas false with a notice saying why; saves fail without a write', async () => {
      const { emu, users: [u1] } = await org(false);
      try {
        const adapter = createSalesforceAdapter({ transport: make(emu), retry: fastRetry(), performance: false });
        const [caps, loaded] = await Promise.all([adapter.capabilities(), adapter.load()]);
        assert.equal(caps.canWriteQuotas, false);
        assert.equal(loaded.quotas, undefined);
        const notice = loaded.notices?.find((n) => n.field === 'ForecastingQuota');
        assert.ok(notice, 'a notice about quotas');
        assert.equal(notice.code, name === 'apex' ? 'QUOTAS_UNAVAILABLE' : 'FORECASTING_DISABLED');
        assert.match(notice.message, name === 'apex' ? /Collaborative Forecasts enabled and the quotas folder/ : /Collaborative Forecasts is not enabled/);
        const [o] = await adapter.saveQuotas!([{ repId: u1, period: Q1, from: null, to: 5 }]);
        assert.equal(o.status, 'failed');
        assert.equal(o.code, notice.code);
        assert.match(o.message ?? '', /Rep 1 \(005\w+\) for the period starting 2027-01-01: not written/);
      } finally {
        await emu.close();
      }
    });

    it('no Manage Quotas (describe: not createable) and an inactive or quantity forecast type: canWriteQuotas false, the notice says which', async () => {
      const { emu } = await org();
      try {
        emu.store.access.set('ForecastingQuota', { queryable: true, createable: false, updateable: false, deletable: false });
        const noManage = createSalesforceAdapter({ transport: make(emu), retry: fastRetry(), performance: false });
        const [caps, loaded] = await Promise.all([noManage.capabilities(), noManage.load()]);
        assert.equal(caps.canWriteQuotas, false);
        assert.equal(loaded.notices?.find((n) => n.field === 'ForecastingQuota')?.code, 'NO_MANAGE_QUOTAS');
        assert.match(loaded.notices!.find((n) => n.field === 'ForecastingQuota')!.message, /Manage Quotas permission/);

        emu.store.access.set('ForecastingQuota', { queryable: false, createable: false, updateable: false, deletable: false });
        const noView = createSalesforceAdapter({ transport: make(emu), retry: fastRetry(), performance: false });
        assert.match((await noView.load()).notices!.find((n) => n.field === 'ForecastingQuota')!.message, /View All Forecasts or Allow Forecasting/);

        emu.store.access.delete('ForecastingQuota');
        const units = createSalesforceAdapter({ transport: make(emu), retry: fastRetry(), performance: false, forecastingType: 'Units' });
        assert.match((await units.load()).notices!.find((n) => n.field === 'ForecastingQuota')!.message, /"Units" forecasts quantities/);
        const missing = createSalesforceAdapter({ transport: make(emu), retry: fastRetry(), performance: false, forecastingType: 'Renewals' });
        assert.equal(await missing.capabilities().then((c) => c.canWriteQuotas), false);
        assert.match((await missing.load()).notices!.find((n) => n.field === 'ForecastingQuota')!.message, /"Renewals" is not active in this org \(active: OpportunityRevenue, Units\)/);
      } finally {
        await emu.close();
      }
    });

    it('a write that never answers ends by the save deadline, failed and never saved', async () => {
      // On a fake clock: the 150 ms request timeout cannot fire during the set-up load on a busy
      // machine; the bound (deadline 300 ms + grace 150 ms) is checked exactly once the write hangs.
      const clock = installFakeClock();
      const { emu, users: [u1] } = await org();
      try {
        const { saving } = name === 'apex' ? await hangApex(clock, emu, u1) : await hangRest(clock, emu, u1);
        const { value: [o] } = await settleWithin(clock, saving, 300 + 150);
        assert.equal(o.status, 'failed');
        assert.equal(o.code, 'UNKNOWN_OUTCOME', 'sent and never answered: the outcome is unknown');
        assert.match(o.message ?? '', /reload/);
        assert.deepEqual(emu.store.all('ForecastingQuota'), [], 'nothing written');
      } finally {
        await emu.close();
        clock.uninstall();
      }
    });
  });
}

/** The jsforce transport against an emulator whose sObject Collections inserts never answer: the save, once the insert hangs. */
async function hangRest(clock: FakeClock, emu: SalesforceEmulator, u1: string) {
  const adapter = createSalesforceAdapter({ transport: jsforceTransport(emulatorConnection(emu)), retry: { retries: 0 }, performance: false, saveDeadlineMs: 300, requestTimeoutMs: 150 });
  await adapter.load();
  const fault = { route: 'composite:POST', status: 0, hang: true, times: 5 };
  emu.requestFaults.push(fault);
  const saving = adapter.saveQuotas!([{ repId: u1, period: Q1, from: null, to: 5 }]);
  await until(clock, () => fault.times < 5, 'the insert reached the emulator and hangs');
  return { saving };
}

/** The Apex transport with a `quotas` method whose writes never answer: the save, once the create hangs. */
async function hangApex(clock: FakeClock, emu: SalesforceEmulator, u1: string) {
  const methods = apexMethodsFor(emu.store, {}, 2000, { withQuotas: true });
  const real = methods.quotas!;
  let creates = 0;
  const hanging = { ...methods, quotas: (args: { action: string; requestJson: string }) => (args.action === 'create' ? (creates++, new Promise<never>(() => {})) : real(args)) };
  const adapter = createSalesforceAdapter({ transport: apexTransport(hanging), retry: { retries: 0 }, performance: false, saveDeadlineMs: 300, requestTimeoutMs: 150 });
  await adapter.load();
  const saving = adapter.saveQuotas!([{ repId: u1, period: Q1, from: null, to: 5 }]);
  await until(clock, () => creates > 0, 'the create call hangs');
  return { saving };
}
