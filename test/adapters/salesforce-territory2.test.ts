import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apexTransport, createSalesforceAdapter, jsforceTransport } from '../../src/adapters/salesforce/index.js';
import { CrmLoadError, type Change } from '../../src/adapters/crm-adapter.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/server.js';
import { seedOrg, seedTerritories } from '../emulators/salesforce/seed.js';
import { emulatorConnection } from '../emulators/salesforce/connect.js';
import { apexMethodsFor } from '../emulators/salesforce/apex-methods.js';

const fastRetry = () => ({ retries: 4, baseMs: 1, capMs: 5, deadlineMs: 10_000 });

async function setup(accounts = 40, territories = 4, apex = false) {
  const emu = await startSalesforceEmulator();
  const org = seedOrg(emu.store, { users: territories, accounts });
  const tm = seedTerritories(emu.store, org, territories);
  const methods = apexMethodsFor(emu.store);
  const transport = apex ? apexTransport(methods) : jsforceTransport(emulatorConnection(emu));
  const sf = createSalesforceAdapter({ transport, mode: 'territory2', retry: fastRetry(), performance: false });
  return { emu, org, tm, sf, methods };
}

/** Territories of an account in the Active model, as the org holds them now. */
function territoriesOf(emu: SalesforceEmulator, accountId: string, modelId: string): string[] {
  return emu.store.all('ObjectTerritory2Association')
    .filter((a) => a.ObjectId === accountId && emu.store.get('Territory2', a.Territory2Id as string)?.Territory2ModelId === modelId)
    .map((a) => a.Territory2Id as string)
    .sort();
}

/** Move each account to the next territory. */
function nextTerritory(accounts: { id: string; territoryId?: string | null }[], territoryIds: string[]): Change[] {
  return accounts.map((a) => ({ accountId: a.id, from: a.territoryId ?? null, to: territoryIds[(territoryIds.indexOf(a.territoryId!) + 1) % territoryIds.length] }));
}

describe('Salesforce adapter: territory2 mode', () => {
  it('loads the Active model only: territories, their reps, each account\'s territory and its owner', async () => {
    const { emu, org, tm, sf } = await setup();
    try {
      const { accounts, territories, reps, report } = await sf.load();
      assert.deepEqual(report.territoryModel, { id: tm.modelId, name: 'FY26', state: 'Active' });
      assert.deepEqual(territories.map((t) => t.id), tm.territoryIds);
      assert.deepEqual(territories.map((t) => t.repIds), org.userIds.map((u) => [u]));
      assert.deepEqual(report.multipleTerritories, []); // the Planning-model association does not count
      accounts.forEach((a) => {
        const i = org.accountIds.indexOf(a.id);
        assert.equal(a.territoryId, tm.territoryIds[i % 4]);
        assert.equal(a.ownerId, org.userIds[i % 4], 'owner = the territory\'s Owner');
        assert.equal(a.fields?.OwnerId, emu.store.get('Account', a.id)!.OwnerId, 'the record owner is kept in fields');
      });
      assert.equal(reps.length, 4);
    } finally {
      await emu.close();
    }
  });

  it('reports accounts in several territories, and filters territory reps by role', async () => {
    const { emu, org, tm } = await setup();
    try {
      emu.store.insert('ObjectTerritory2Association', { ObjectId: org.accountIds[1], Territory2Id: tm.territoryIds[3], AssociationCause: 'Territory2Manual' });
      const helper = emu.store.insert('User', { Name: 'Overlay', IsActive: true, UserType: 'Standard' });
      emu.store.insert('UserTerritory2Association', { UserId: helper, Territory2Id: tm.territoryIds[0], RoleInTerritory2: 'Sales Rep', IsActive: true });
      const all = await createSalesforceAdapter({ transport: jsforceTransport(emulatorConnection(emu)), mode: 'territory2', retry: fastRetry(), performance: false }).load();
      assert.deepEqual(all.report.multipleTerritories, [org.accountIds[1]]);
      assert.deepEqual(all.territories[0].repIds, [org.userIds[0], helper]);
      assert.equal(all.accounts.find((a) => a.id === org.accountIds[0])?.ownerId, org.userIds[0], 'the Owner role decides the owner');
      const owners = await createSalesforceAdapter({ transport: jsforceTransport(emulatorConnection(emu)), mode: 'territory2', roles: ['Owner'], retry: fastRetry(), performance: false }).load();
      assert.deepEqual(owners.territories[0].repIds, [org.userIds[0]]);
    } finally {
      await emu.close();
    }
  });

  it('loads a chosen Planning model by id, and fails clearly when there is no model', async () => {
    const { emu, org, tm } = await setup();
    try {
      const planning = createSalesforceAdapter({ transport: jsforceTransport(emulatorConnection(emu)), mode: 'territory2', territoryModel: { id: tm.planningModelId }, retry: fastRetry(), performance: false });
      const { territories, accounts, report } = await planning.load();
      assert.equal(report.territoryModel?.state, 'Planning');
      assert.deepEqual(territories.map((t) => t.name), ['Plan T']);
      assert.equal(accounts.find((a) => a.id === org.accountIds[0])?.territoryId, territories[0].id);
      assert.equal(accounts.filter((a) => a.territoryId).length, 1);
      const none = createSalesforceAdapter({ transport: jsforceTransport(emulatorConnection(emu)), mode: 'territory2', territoryModel: { id: '0MA000000000999AAA' }, retry: fastRetry() });
      await assert.rejects(none.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'NO_TERRITORY_MODEL');
    } finally {
      await emu.close();
    }
  });

  it('moves 300 accounts: create the new association first, then delete the old, each once, in ≤ 200-record requests', async () => {
    const { emu, tm, sf } = await setup(320, 4);
    try {
      const { accounts } = await sf.load();
      const changes = nextTerritory(accounts.slice(0, 300), tm.territoryIds);
      emu.resetCounts();
      const applied = emu.store.applied.length;
      const outcomes = await sf.save(changes);
      assert.ok(outcomes.every((o) => o.status === 'saved'));
      assert.equal(emu.counts.get('composite:POST'), 2);
      assert.equal(emu.counts.get('composite:DELETE'), 2);
      const log = emu.store.applied.slice(applied);
      for (const c of changes) {
        assert.deepEqual(territoriesOf(emu, c.accountId, tm.modelId), [c.to]);
        const creates = log.flatMap((w, i) => (w.op === 'create' && w.fields?.ObjectId === c.accountId ? [i] : []));
        const deletes = log.flatMap((w, i) => (w.op === 'delete' && w.fields?.ObjectId === c.accountId ? [i] : []));
        assert.equal(creates.length, 1);
        assert.equal(deletes.length, 1);
        assert.ok(creates[0] < deletes[0], 'never in no territory: the create comes first');
      }
      for (const a of accounts.slice(300)) assert.deepEqual(territoriesOf(emu, a.id, tm.modelId), [a.territoryId]);
      assert.equal(log.length, 600, 'nothing else written');
    } finally {
      await emu.close();
    }
  });

  it('accepts rep ids for reps who own exactly one territory', async () => {
    const { emu, org, tm, sf } = await setup();
    try {
      const { accounts } = await sf.load();
      const a = accounts[0];
      const [outcome] = await sf.save([{ accountId: a.id, from: a.ownerId, to: org.userIds[2] }]);
      assert.equal(outcome.status, 'saved');
      assert.deepEqual(territoriesOf(emu, a.id, tm.modelId), [tm.territoryIds[2]]);
      const [bad] = await sf.save([{ accountId: accounts[1].id, from: accounts[1].ownerId, to: '005000000000ZZZAAA' }]);
      assert.equal(bad.status, 'failed');
      assert.equal(bad.code, 'INVALID_TERRITORY');
    } finally {
      await emu.close();
    }
  });

  it('a failed create changes nothing: the account stays in its old territory', async () => {
    const { emu, tm, sf } = await setup();
    try {
      const { accounts } = await sf.load();
      const changes = nextTerritory(accounts.slice(0, 3), tm.territoryIds);
      emu.store.recordFaults.set(changes[1].accountId, { statusCode: 'FIELD_INTEGRITY_EXCEPTION', times: 1, op: 'create' });
      const outcomes = await sf.save(changes);
      assert.deepEqual(outcomes.map((o) => o.status), ['saved', 'failed', 'saved']);
      assert.equal(outcomes[1].code, 'FIELD_INTEGRITY_EXCEPTION');
      assert.match(outcomes[1].message!, /stays in/);
      assert.deepEqual(territoriesOf(emu, changes[1].accountId, tm.modelId), [changes[1].from]);
      assert.equal(emu.store.applied.filter((w) => w.fields?.ObjectId === changes[1].accountId).length, 0);
    } finally {
      await emu.close();
    }
  });

  it('a failed delete is undone (the new association removed); if the undo fails too, PARTIAL_MOVE says so', async () => {
    const { emu, tm, sf } = await setup();
    try {
      const { accounts } = await sf.load();
      const changes = nextTerritory(accounts.slice(0, 3), tm.territoryIds);
      emu.store.recordFaults.set(changes[0].accountId, { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', times: 1, op: 'delete' });
      emu.store.recordFaults.set(changes[2].accountId, { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', times: 2, op: 'delete' });
      const outcomes = await sf.save(changes);
      assert.deepEqual(outcomes.map((o) => [o.status, o.code]), [['failed', 'INSUFFICIENT_ACCESS_OR_READONLY'], ['saved', undefined], ['failed', 'PARTIAL_MOVE']]);
      assert.deepEqual(territoriesOf(emu, changes[0].accountId, tm.modelId), [changes[0].from], 'undone: back in the old territory only');
      assert.match(outcomes[0].message!, /removed again/);
      assert.deepEqual(territoriesOf(emu, changes[2].accountId, tm.modelId), [changes[2].from, changes[2].to].sort(), 'reported: in both');
      assert.match(outcomes[2].message!, /BOTH/);
      for (const c of changes) assert.ok(territoriesOf(emu, c.accountId, tm.modelId).length > 0, `${c.accountId} is in some territory`);
    } finally {
      await emu.close();
    }
  });

  it('conflicts when someone else moved the account; retries locks; an ambiguous create is not duplicated', async () => {
    const { emu, tm, sf } = await setup();
    try {
      const { accounts } = await sf.load();
      const changes = nextTerritory(accounts.slice(0, 6), tm.territoryIds);
      const moved = emu.store.all('ObjectTerritory2Association').find((a) => a.ObjectId === changes[0].accountId)!;
      emu.store.objects.get('ObjectTerritory2Association')!.delete(moved.Id);
      emu.store.insert('ObjectTerritory2Association', { ObjectId: changes[0].accountId, Territory2Id: tm.territoryIds.find((t) => t !== changes[0].from && t !== changes[0].to), AssociationCause: 'Territory2Manual' });
      emu.store.recordFaults.set(changes[1].accountId, { statusCode: 'UNABLE_TO_LOCK_ROW', times: 2, op: 'create' });
      emu.requestFaults.push({ route: 'composite:POST', status: 500, errorCode: 'UNKNOWN_EXCEPTION', afterApply: true });
      const outcomes = await sf.save(changes);
      assert.equal(outcomes[0].status, 'conflict');
      assert.equal(emu.requestFaults[0].times, 0, 'the ambiguous failure happened');
      assert.equal(emu.store.recordFaults.get(changes[1].accountId)!.times, 0, 'the lock was hit twice');
      assert.ok(outcomes.slice(1).every((o) => o.status === 'saved'), JSON.stringify(outcomes));
      for (const c of changes.slice(1)) {
        assert.deepEqual(territoriesOf(emu, c.accountId, tm.modelId), [c.to]);
        assert.equal(emu.store.applied.filter((w) => w.op === 'create' && w.fields?.ObjectId === c.accountId).length, 1, 'created once');
      }
    } finally {
      await emu.close();
    }
  });

  it('a DELETE that was applied but answered 500 (and re-sent by jsforce) still counts as done', async () => {
    const { emu, tm, sf } = await setup();
    try {
      const { accounts } = await sf.load();
      const changes = nextTerritory(accounts.slice(0, 4), tm.territoryIds);
      emu.requestFaults.push({ route: 'composite:DELETE', status: 500, errorCode: 'UNKNOWN_EXCEPTION', afterApply: true });
      const outcomes = await sf.save(changes);
      assert.equal(emu.requestFaults[0].times, 0);
      assert.ok(outcomes.every((o) => o.status === 'saved'), JSON.stringify(outcomes));
      for (const c of changes) assert.deepEqual(territoriesOf(emu, c.accountId, tm.modelId), [c.to], 'in the new territory, never in none');
    } finally {
      await emu.close();
    }
  });

  it('runs the same through the Apex transport', async () => {
    const { emu, tm, sf, methods } = await setup(30, 3, true);
    try {
      const { accounts, territories } = await sf.load();
      assert.equal(territories.length, 3);
      const changes = nextTerritory(accounts.slice(0, 5), tm.territoryIds);
      const outcomes = await sf.save(changes);
      assert.ok(outcomes.every((o) => o.status === 'saved'));
      for (const c of changes) assert.deepEqual(territoriesOf(emu, c.accountId, tm.modelId), [c.to]);
      assert.ok(methods.calls > 0);
    } finally {
      await emu.close();
    }
  });
});
