import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apexTransport, createSalesforceAdapter, jsforceTransport, SalesforceError, type ApexMethods } from '../../src/adapters/salesforce/index.js';
import { apexError } from '../../src/adapters/salesforce/apex-transport.js';
import { classify, fieldOf } from '../../src/adapters/salesforce/errors.js';
import { CrmLoadError } from '../../src/adapters/crm-adapter.js';
import { startSalesforceEmulator } from '../emulators/salesforce/server.js';
import { seedOrg, seedTerritories } from '../emulators/salesforce/seed.js';
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

  it('turns Apex errors into codes: a field the Apex class refuses fails the load with INVALID_FIELD, asked once', async () => {
    const emu = await startSalesforceEmulator();
    try {
      seedOrg(emu.store, { users: 2, accounts: 5 });
      const methods = apexMethodsFor(emu.store);
      const sf = createSalesforceAdapter({ transport: apexTransport(methods), retry: fastRetry(), fieldMap: { custom: ['Secret__c'] } });
      await assert.rejects(sf.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'INVALID_FIELD' && /Account\.Secret__c/.test(e.message));
      assert.equal(methods.calls, 2, 'COUNT() and the refused page: a handled Apex error is final, never retried');
    } finally {
      await emu.close();
    }
  });

  it('a user who cannot read Opportunity.Amount gets accounts without performance and a notice naming the field; the query is sent once', async () => {
    const emu = await startSalesforceEmulator();
    try {
      seedOrg(emu.store, { users: 3, accounts: 30, opportunitiesPerAccount: 1 });
      const real = apexMethodsFor(emu.store, {}, 2000, { unreadable: ['Opportunity.Amount'] });
      const asked: string[] = [];
      const methods: ApexMethods = { ...real, queryPage: (args) => (asked.push(JSON.parse(args.requestJson).name), real.queryPage(args)) };
      const { accounts, reps, report, notices } = await createSalesforceAdapter({ transport: apexTransport(methods), retry: fastRetry() }).load();
      assert.equal(accounts.length, 30);
      assert.equal(reps.length, 3);
      assert.ok(accounts.every((a) => a.performance === undefined), 'performance figures left out');
      assert.equal(report.performanceSkipped?.code, 'INVALID_FIELD');
      assert.equal(report.performanceSkipped?.field, 'Opportunity.Amount');
      assert.match(report.performanceSkipped!.message, /Opportunity\.Amount is not readable/);
      // The same notice reaches the provider, which shows it (test/widgets/territory-provider.test.ts).
      assert.deepEqual(notices?.map((n) => n.field), ['Opportunity.Amount']);
      assert.equal(asked.filter((n) => n === 'opportunities').length, 1, 'not retried: the Apex class said the field is unreadable');
    } finally {
      await emu.close();
    }
  });

  it('an INSUFFICIENT_ACCESS save is sent once and every change ends failed with that code', async () => {
    const emu = await startSalesforceEmulator();
    try {
      const org = seedOrg(emu.store, { users: 2, accounts: 3 });
      const real = apexMethodsFor(emu.store, {}, 2000, { ownerNotUpdateable: true });
      let updates = 0;
      const methods: ApexMethods = { ...real, updateRecords: (args) => (updates++, real.updateRecords(args)) };
      const sf = createSalesforceAdapter({ transport: apexTransport(methods), retry: fastRetry(), performance: false });
      const { accounts } = await sf.load();
      const changes = accounts.map((a) => ({ accountId: a.id, from: a.ownerId, to: org.userIds.find((u) => u !== a.ownerId)! }));
      const outcomes = await sf.save(changes);
      assert.deepEqual(outcomes.map((o) => [o.status, o.code]), changes.map(() => ['failed', 'INSUFFICIENT_ACCESS']));
      assert.equal(updates, 1, 'a definite refusal is not retried');
      assert.equal(emu.store.applied.length, 0);
    } finally {
      await emu.close();
    }
  });

  it('checks every id before writing: a non-Account id fails its own record, the rest of the batch is written', async () => {
    const emu = await startSalesforceEmulator();
    try {
      const org = seedOrg(emu.store, { users: 2, accounts: 2 });
      const t = apexTransport(apexMethodsFor(emu.store));
      const results = await t.update('Account', [
        { Id: org.accountIds[0], OwnerId: org.userIds[1] },
        { Id: org.userIds[0], OwnerId: org.userIds[1] },
        { Id: org.accountIds[1], OwnerId: org.accountIds[0] },
        { Id: 42, OwnerId: org.userIds[1] },
      ]);
      assert.deepEqual(results.map((r) => [r.success, r.errors[0]?.statusCode]), [[true, undefined], [false, 'INVALID_ID_FIELD'], [false, 'INVALID_CROSS_REFERENCE_KEY'], [false, 'MALFORMED_ID']]);
      assert.equal(emu.store.get('Account', org.accountIds[0])!.OwnerId, org.userIds[1]);
      assert.deepEqual(emu.store.applied.map((w) => w.id), [org.accountIds[0]]);
    } finally {
      await emu.close();
    }
  });

  it('deletes manual territory associations only; a rule-assigned one fails its own record', async () => {
    const emu = await startSalesforceEmulator();
    try {
      const org = seedOrg(emu.store, { users: 2, accounts: 2 });
      seedTerritories(emu.store, org, 2);
      const [manual, ruled] = emu.store.all('ObjectTerritory2Association').filter((a) => a.ObjectId === org.accountIds[0] || a.ObjectId === org.accountIds[1]);
      ruled.AssociationCause = 'Territory2AssignmentRule';
      const t = apexTransport(apexMethodsFor(emu.store));
      const results = await t.destroy('ObjectTerritory2Association', [String(manual.Id), String(ruled.Id), org.accountIds[0]]);
      assert.deepEqual(results.map((r) => [r.success, r.errors[0]?.statusCode]), [[true, undefined], [false, 'INVALID_OPERATION'], [false, 'INVALID_ID_FIELD']]);
      assert.ok(emu.store.get('ObjectTerritory2Association', String(ruled.Id)), 'the rule-assigned row is still there');
      assert.equal(emu.store.get('ObjectTerritory2Association', String(manual.Id)), undefined);
    } finally {
      await emu.close();
    }
  });

  it('knows definite failures from unknown outcomes', () => {
    const handled = apexError({ status: 500, body: { message: JSON.stringify({ code: 'INVALID_FIELD', message: 'Opportunity.Amount is not readable', field: 'Opportunity.Amount' }), exceptionType: 'System.AuraHandledException' } });
    assert.deepEqual([handled.code, handled.status, handled.definite, handled.field, handled.message], ['INVALID_FIELD', 500, true, 'Opportunity.Amount', 'Opportunity.Amount is not readable']);
    assert.equal(classify(handled), 'fatal');
    const legacy = apexError({ status: 500, body: { message: 'INSUFFICIENT_ACCESS: no' } });
    assert.deepEqual([legacy.code, legacy.definite, classify(legacy)], ['INSUFFICIENT_ACCESS', true, 'fatal']);
    const unhandled = apexError({ status: 500, body: { message: 'Attempt to de-reference a null object', exceptionType: 'System.NullPointerException' } });
    assert.deepEqual([unhandled.code, classify(unhandled)], ['APEX_ERROR', 'fatal']);
    const lost = apexError({ status: 0, body: { message: 'Disconnected or Canceled' } });
    assert.deepEqual([lost.code, classify(lost)], ['NETWORK', 'ambiguous']);
    const gateway = apexError({ status: 502, body: { message: 'Bad Gateway' } });
    assert.deepEqual([gateway.code, classify(gateway)], ['ERROR_HTTP_502', 'ambiguous']);
    assert.equal(classify(new SalesforceError('REQUEST_LIMIT_EXCEEDED', 'x', { status: 403, definite: true })), 'transient', 'refused before doing anything: retry later');
    for (const code of ['INSUFFICIENT_ACCESS', 'INVALID_FIELD', 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'INSUFFICIENT_ACCESS_OR_READONLY']) {
      assert.equal(classify(new SalesforceError(code, 'x', { status: 500 })), 'fatal', `${code} at 500 is final`);
    }
    assert.equal(classify(new SalesforceError('UNKNOWN_EXCEPTION', 'x', { status: 500 })), 'ambiguous');
    assert.equal(classify(new SalesforceError('TIMEOUT', 'x')), 'ambiguous');
    assert.equal(fieldOf(new SalesforceError('INVALID_FIELD', "\nAmount FROM Opportunity\n^\nERROR at Row:1:Column:20\nNo such column 'Amount' on entity 'Opportunity'.")), 'Opportunity.Amount');
    assert.equal(fieldOf(new SalesforceError('INVALID_TYPE', "sObject type 'Opportunity' is not supported.")), undefined);
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
