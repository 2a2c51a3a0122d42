import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apexTransport, createSalesforceAdapter, jsforceTransport, type SalesforceAdapterOptions } from '../../src/adapters/salesforce/index.js';
import type { LockChange } from '../../src/adapters/crm-adapter.js';
import { startSalesforceEmulator, type EmulatorOptions, type SalesforceEmulator } from '../emulators/salesforce/server.js';
import { seedOrg } from '../emulators/salesforce/seed.js';
import { emulatorConnection } from '../emulators/salesforce/connect.js';
import { apexMethodsFor, type ApexFakeOptions } from '../emulators/salesforce/apex-methods.js';
import { isWordedNotice } from '../../widgets/territory-provider/load-notice.js';

const fastRetry = () => ({ retries: 3, baseMs: 1, capMs: 5, deadlineMs: 10_000 });
const LOCK = 'Territory_Locked__c';
const withLockField: EmulatorOptions = { extraFields: { Account: [LOCK] }, fieldSecurity: { types: { [`Account.${LOCK}`]: 'boolean' } } };

async function withEmulator(options: EmulatorOptions, run: (emu: SalesforceEmulator) => Promise<void>) {
  const emu = await startSalesforceEmulator(options);
  try {
    await run(emu);
  } finally {
    await emu.close();
  }
}

type Transport = 'jsforce' | 'apex';
function adapterFor(emu: SalesforceEmulator, via: Transport, options: Partial<SalesforceAdapterOptions> = {}, apex: ApexFakeOptions = {}, pageSize = 2000) {
  const transport = via === 'jsforce'
    ? jsforceTransport(emulatorConnection(emu))
    : apexTransport(apexMethodsFor(emu.store, { Account: [LOCK] }, pageSize, { checkboxes: [`Account.${LOCK}`], ...apex }));
  return createSalesforceAdapter({ transport, retry: fastRetry(), quotas: false, ...options });
}

for (const via of ['jsforce', 'apex'] as const) {
  describe(`Salesforce earned history (${via})`, () => {
    it('loads every opportunity with the rep who owns it, paged, and credits won deals to that rep, not the account owner', async () => {
      await withEmulator({ pageSize: 250 }, async (emu) => {
        const org = seedOrg(emu.store, { users: 4, accounts: 200, opportunitiesPerAccount: 3 });
        const sf = adapterFor(emu, via, { period: { from: '2026-01-01', to: '2026-12-31' } }, {}, 250);
        const { opportunities, accounts, rejected } = await sf.load();
        assert.deepEqual(rejected, []);
        assert.equal(opportunities?.length, 600, 'all 600 rows over three pages');
        if (via === 'jsforce') assert.ok((emu.counts.get('queryMore') ?? 0) >= 2, 'followed nextRecordsUrl');
        const raw = new Map(emu.store.all('Opportunity').map((o) => [o.Id, o]));
        for (const o of opportunities!) {
          const r = raw.get(o.id)!;
          assert.equal(o.ownerId, r.OwnerId, `owner of ${o.id}`);
          assert.equal(o.accountId, r.AccountId);
          assert.equal(o.amount, r.Amount);
          assert.equal(o.stage, r.IsWon ? 'won' : r.IsClosed ? 'lost' : 'open');
          assert.equal(o.closeDate, '2026-06-15');
        }
        // account #5 (index 4) is owned by rep 0; its won deal was earned by rep 3
        const a5 = accounts.find((a) => a.id === org.accountIds[4])!;
        const won = opportunities!.filter((o) => o.accountId === a5.id && o.stage === 'won');
        assert.equal(won.length, 1);
        assert.equal(a5.ownerId, org.userIds[0]);
        assert.equal(won[0].ownerId, org.userIds[3], 'closed-won credited to the rep who earned it');
        const earnedElsewhere = opportunities!.filter((o) => o.stage === 'won' && o.ownerId !== accounts.find((a) => a.id === o.accountId)!.ownerId);
        assert.equal(earnedElsewhere.length, 40, 'the won deals of every 5th account are credited to another rep than its owner');
      });
    });

    it('rejects bad rows naming the record and the Salesforce field, and keeps the rest', async () => {
      await withEmulator({}, async (emu) => {
        seedOrg(emu.store, { users: 2, accounts: 4, opportunitiesPerAccount: 3 });
        const [o1, o2, o3] = emu.store.all('Opportunity');
        emu.store.touch('Opportunity', o1.Id, { Amount: -50 });
        emu.store.touch('Opportunity', o2.Id, { IsClosed: 'maybe' });
        emu.store.touch('Opportunity', o3.Id, { CloseDate: 'not a date', IsClosed: false, IsWon: false });
        const { opportunities, rejected } = await adapterFor(emu, via, { period: { from: '2026-01-01', to: '2026-12-31' } }).load();
        const byId = new Map(rejected.filter((r) => r.kind === 'opportunity').map((r) => [r.id, r]));
        assert.equal(byId.size, 3);
        assert.equal(byId.get(o1.Id)?.field, 'amount');
        assert.match(byId.get(o1.Id)!.reason, /Opportunity\.Amount/);
        assert.equal(byId.get(o2.Id)?.field, 'stage');
        assert.match(byId.get(o2.Id)!.reason, /Opportunity\.IsClosed is "maybe"/);
        assert.equal(byId.get(o3.Id)?.field, 'closeDate');
        assert.match(byId.get(o3.Id)!.reason, /Opportunity\.CloseDate/);
        assert.equal(opportunities?.length, 12 - 3);
      });
    });

    it('bounds closed deals to the last historyMonths months; open deals always load', async () => {
      await withEmulator({}, async (emu) => {
        const org = seedOrg(emu.store, { users: 2, accounts: 2 });
        const day = (monthsAgo: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - monthsAgo, 1)).toISOString().slice(0, 10);
        const recent = emu.store.insert('Opportunity', { Name: 'recent', AccountId: org.accountIds[0], OwnerId: org.userIds[0], Amount: 10, IsClosed: true, IsWon: true, CloseDate: day(2) });
        emu.store.insert('Opportunity', { Name: 'old', AccountId: org.accountIds[0], OwnerId: org.userIds[0], Amount: 20, IsClosed: true, IsWon: true, CloseDate: day(20) });
        const open = emu.store.insert('Opportunity', { Name: 'open', AccountId: org.accountIds[1], OwnerId: org.userIds[1], Amount: 30, IsClosed: false, IsWon: false, CloseDate: day(30) });
        const { opportunities } = await adapterFor(emu, via, { historyMonths: 12 }).load();
        assert.deepEqual(opportunities?.map((o) => o.id).sort(), [recent, open].sort());
      });
    });

    it('a user who cannot read Opportunity.Amount gets accounts and reps, no deals, and a notice naming the field', async () => {
      await withEmulator({ fieldSecurity: { hidden: ['Opportunity.Amount'] } }, async (emu) => {
        seedOrg(emu.store, { users: 2, accounts: 5, opportunitiesPerAccount: 2 });
        const { accounts, opportunities, notices } = await adapterFor(emu, via, {}, { unreadable: ['Opportunity.Amount'] }).load();
        assert.equal(accounts.length, 5);
        assert.equal(opportunities, undefined);
        assert.equal(notices?.length, 1);
        assert.equal(notices![0].field, 'Opportunity.Amount');
        assert.match(notices![0].message, /Opportunity\.Amount is not readable/);
        assert.ok(isWordedNotice(notices![0]), `the provider words this notice in the UI language: ${notices![0].message}`);
      });
    });
  });

  describe(`Salesforce lock field (${via})`, () => {
    it('loads the checkbox into Account.locked, offers canWriteLocks, and saves lock changes (round trip)', async () => {
      await withEmulator(withLockField, async (emu) => {
        const org = seedOrg(emu.store, { users: 2, accounts: 6 });
        emu.store.touch('Account', org.accountIds[0], { [LOCK]: true });
        for (const id of org.accountIds.slice(1)) emu.store.touch('Account', id, { [LOCK]: false });
        const sf = adapterFor(emu, via, { lockField: LOCK, performance: false });
        assert.equal((await sf.capabilities()).canWriteLocks, true);
        const { accounts, notices } = await sf.load();
        assert.equal(notices, undefined);
        const locked = (id: string) => accounts.find((a) => a.id === id)!.locked;
        assert.equal(locked(org.accountIds[0]), true);
        assert.equal(locked(org.accountIds[1]), false);

        const changes: LockChange[] = [
          { kind: 'account', id: org.accountIds[0], locked: false },
          { kind: 'account', id: org.accountIds[1], locked: true },
          { kind: 'rep', id: org.userIds[0], locked: true },
          { kind: 'account', id: org.accountIds[2], locked: false }, // already unlocked: saved without a write
        ];
        const before = emu.store.applied.length;
        const outcomes = await sf.saveLocks!(changes);
        assert.deepEqual(outcomes.map((o) => [o.accountId, o.status, o.code]), [
          [org.accountIds[0], 'saved', undefined],
          [org.accountIds[1], 'saved', undefined],
          [org.userIds[0], 'failed', 'NO_LOCK_FIELD'],
          [org.accountIds[2], 'saved', undefined],
        ]);
        assert.equal(emu.store.get('Account', org.accountIds[0])![LOCK], false);
        assert.equal(emu.store.get('Account', org.accountIds[1])![LOCK], true);
        const writes = emu.store.applied.slice(before);
        assert.deepEqual(writes.map((w) => [w.id, w.fields]), [[org.accountIds[0], { [LOCK]: false }], [org.accountIds[1], { [LOCK]: true }]], 'only the lock field, only where it changes');
        const again = await sf.load();
        assert.equal(again.accounts.find((a) => a.id === org.accountIds[1])!.locked, true);
        assert.equal(again.accounts.find((a) => a.id === org.accountIds[0])!.locked, false);
      });
    });

    it('a record that fails or moved on since load ends failed or conflict, and is not written', async () => {
      await withEmulator(withLockField, async (emu) => {
        const org = seedOrg(emu.store, { users: 2, accounts: 3 });
        for (const id of org.accountIds) emu.store.touch('Account', id, { [LOCK]: false });
        const sf = adapterFor(emu, via, { lockField: LOCK, performance: false });
        await sf.load();
        emu.store.recordFaults.set(org.accountIds[0], { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Locks need a region', times: 1 });
        emu.store.touch('Account', org.accountIds[1], { Name: 'Renamed by someone else' });
        const outcomes = await sf.saveLocks!(org.accountIds.map((id) => ({ kind: 'account' as const, id, locked: true })));
        assert.deepEqual(outcomes.map((o) => [o.status, o.code]), [['failed', 'FIELD_CUSTOM_VALIDATION_EXCEPTION'], ['conflict', 'STALE'], ['saved', undefined]]);
        assert.equal(outcomes[0].message, 'Locks need a region');
        assert.deepEqual(org.accountIds.map((id) => emu.store.get('Account', id)![LOCK]), [false, false, true]);
      });
    });

    it('a lock field the user cannot edit: canWriteLocks false, and a save fails every account with the reason', async () => {
      await withEmulator({ ...withLockField, fieldSecurity: { ...withLockField.fieldSecurity, readOnly: [`Account.${LOCK}`] } }, async (emu) => {
        const org = seedOrg(emu.store, { users: 2, accounts: 2 });
        for (const id of org.accountIds) emu.store.touch('Account', id, { [LOCK]: false });
        const sf = adapterFor(emu, via, { lockField: LOCK, performance: false }, { notUpdateable: [`Account.${LOCK}`] });
        assert.equal((await sf.capabilities()).canWriteLocks, false);
        await sf.load();
        const outcomes = await sf.saveLocks!([{ kind: 'account', id: org.accountIds[0], locked: true }]);
        assert.equal(outcomes[0].status, 'failed');
        assert.match(outcomes[0].code!, via === 'apex' ? /^INSUFFICIENT_ACCESS$/ : /^INVALID_FIELD_FOR_INSERT_UPDATE$/);
        assert.equal(emu.store.get('Account', org.accountIds[0])![LOCK], false);
      });
    });

    it('a lock field the user cannot read: accounts load without locks, a notice names the field, canWriteLocks false', async () => {
      await withEmulator({ ...withLockField, fieldSecurity: { ...withLockField.fieldSecurity, hidden: [`Account.${LOCK}`] } }, async (emu) => {
        seedOrg(emu.store, { users: 2, accounts: 3 });
        const sf = adapterFor(emu, via, { lockField: LOCK, performance: false }, { unreadable: [`Account.${LOCK}`] });
        assert.equal((await sf.capabilities()).canWriteLocks, false);
        const { accounts, notices, report } = await sf.load();
        assert.equal(accounts.length, 3);
        assert.ok(accounts.every((a) => a.locked === undefined));
        assert.equal(report.lockFieldSkipped?.field, `Account.${LOCK}`);
        assert.deepEqual(notices?.map((n) => n.field), [`Account.${LOCK}`]);
        assert.ok(isWordedNotice(notices![0]), `the provider words this notice in the UI language: ${notices![0].message}`);
      });
    });
  });
}

describe('Salesforce lock field options', () => {
  it('refuses a lock field name that is not an API name, and period with historyMonths', () => {
    const transport = { kind: 'x', orgKey: 'x' } as never;
    assert.throws(() => createSalesforceAdapter({ transport, lockField: "X__c' OR Name != '" }), /options\.lockField/);
    assert.throws(() => createSalesforceAdapter({ transport, historyMonths: 6, period: { from: '2026-01-01', to: '2026-12-31' } }), /not both/);
    assert.throws(() => createSalesforceAdapter({ transport, historyMonths: 0 }), /historyMonths/);
  });

  it('without a lock field there is no canWriteLocks and saveLocks writes nothing', async () => {
    await withEmulator({}, async (emu) => {
      const org = seedOrg(emu.store, { users: 1, accounts: 1 });
      const sf = adapterFor(emu, 'jsforce', { performance: false });
      assert.equal((await sf.capabilities()).canWriteLocks, undefined);
      const outcomes = await sf.saveLocks!([{ kind: 'account', id: org.accountIds[0], locked: true }]);
      assert.deepEqual(outcomes.map((o) => o.code), ['NO_LOCK_FIELD']);
      assert.equal(emu.store.applied.length, 0);
    });
  });
});
