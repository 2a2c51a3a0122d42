import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apexTransport, createSalesforceAdapter, jsforceTransport, type ApexMethods } from '../../src/adapters/salesforce/index.js';
import { CrmLoadError } from '../../src/adapters/crm-adapter.js';
import { startSalesforceEmulator } from '../emulators/salesforce/server.js';
import { seedOrg } from '../emulators/salesforce/seed.js';
import { emulatorConnection } from '../emulators/salesforce/connect.js';
import { apexMethodsFor } from '../emulators/salesforce/apex-methods.js';

const fastRetry = () => ({ retries: 4, baseMs: 1, capMs: 5, deadlineMs: 10_000 });

describe('Salesforce adapter: Apex transport (Lightning)', () => {
  it('loads exactly what the REST path loads, 2,000 rows per Apex call with keyset paging', async () => {
    const emu = await startSalesforceEmulator();
    try {
      seedOrg(emu.store, { users: 6, accounts: 4500, opportunitiesPerAccount: 1 });
      const methods = apexMethodsFor(emu.store);
      const viaApex = await createSalesforceAdapter({ transport: apexTransport(methods, { userId: '005000000000001AAA' }), retry: fastRetry() }).load();
      const viaRest = await createSalesforceAdapter({ transport: jsforceTransport(emulatorConnection(emu)), retry: fastRetry() }).load();
      assert.deepEqual(viaApex.accounts, viaRest.accounts);
      assert.deepEqual(viaApex.reps, viaRest.reps);
      assert.deepEqual(viaApex.report.withoutCoordinates, viaRest.report.withoutCoordinates);
      // COUNT() 1 + accounts 3 + users 1 + opportunities 3
      assert.equal(methods.calls, 8);
    } finally {
      await emu.close();
    }
  });

  it('saves through updateRecords with per-record results, retrying locked rows', async () => {
    const emu = await startSalesforceEmulator();
    try {
      const org = seedOrg(emu.store, { users: 3, accounts: 250 });
      const sf = createSalesforceAdapter({ transport: apexTransport(apexMethodsFor(emu.store)), retry: fastRetry(), performance: false });
      const caps = await sf.capabilities();
      assert.equal(caps.system, 'salesforce');
      const { accounts } = await sf.load();
      const changes = accounts.map((a) => ({ accountId: a.id, from: a.ownerId, to: org.userIds[(org.userIds.indexOf(a.ownerId!) + 1) % 3] }));
      emu.store.recordFaults.set(changes[10].accountId, { statusCode: 'UNABLE_TO_LOCK_ROW', times: 1 });
      emu.store.recordFaults.set(changes[20].accountId, { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Region must be set', times: 1 });
      const outcomes = await sf.save(changes);
      assert.equal(outcomes[20].status, 'failed');
      assert.equal(outcomes[20].code, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
      assert.equal(outcomes[20].message, 'Region must be set');
      assert.equal(outcomes.filter((o) => o.status === 'saved').length, 249);
      for (const [i, c] of changes.entries()) {
        assert.equal(emu.store.get('Account', c.accountId)!.OwnerId, i === 20 ? c.from : c.to);
        assert.equal(emu.store.applied.filter((w) => w.id === c.accountId).length, i === 20 ? 0 : 1);
      }
    } finally {
      await emu.close();
    }
  });

  it('turns Apex errors into codes: a field the Apex class refuses fails the load with INVALID_FIELD', async () => {
    const emu = await startSalesforceEmulator();
    try {
      seedOrg(emu.store, { users: 2, accounts: 5 });
      const sf = createSalesforceAdapter({ transport: apexTransport(apexMethodsFor(emu.store)), retry: fastRetry(), fieldMap: { custom: ['Secret__c'] } });
      await assert.rejects(sf.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'INVALID_FIELD' && /Secret__c/.test(e.message));
    } finally {
      await emu.close();
    }
  });

  it('an Apex exception (transaction rolled back) is a definite failure; a lost connection is re-read before deciding', async () => {
    const emu = await startSalesforceEmulator();
    try {
      const org = seedOrg(emu.store, { users: 2, accounts: 4 });
      const real = apexMethodsFor(emu.store);
      let mode: 'throw' | 'lose' | 'ok' = 'throw';
      const methods: ApexMethods = {
        ...real,
        queryPage: (args) => real.queryPage(args),
        async updateRecords(args) {
          if (mode === 'throw') throw { status: 500, body: { message: 'Something broke', exceptionType: 'System.NullPointerException' } };
          const res = await real.updateRecords(args);
          if (mode === 'lose') {
            mode = 'ok';
            throw { status: 0, body: { message: 'Disconnected or Canceled' } };
          }
          return res;
        },
      };
      const sf = createSalesforceAdapter({ transport: apexTransport(methods), retry: fastRetry(), performance: false });
      const { accounts } = await sf.load();
      const change = { accountId: accounts[0].id, from: accounts[0].ownerId, to: org.userIds.find((u) => u !== accounts[0].ownerId)! };
      const [failed] = await sf.save([change]);
      assert.equal(failed.status, 'failed');
      assert.equal(failed.code, 'APEX_ERROR');
      assert.equal(emu.store.get('Account', change.accountId)!.OwnerId, change.from);
      mode = 'lose';
      const [saved] = await sf.save([change]);
      assert.equal(saved.status, 'saved', 'the write had landed: the re-read says so');
      assert.equal(emu.store.applied.filter((w) => w.id === change.accountId).length, 1, 'and it was not written twice');
    } finally {
      await emu.close();
    }
  });
});
