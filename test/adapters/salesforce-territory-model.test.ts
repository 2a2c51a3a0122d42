// Salesforce territory2 mode: the plan's territories saved into a Territory2Model in Planning state
// (issue #14), through jsforce (REST emulator) and through the Apex controller (its TypeScript twin).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apexTransport, createSalesforceAdapter, jsforceTransport } from '../../src/adapters/salesforce/index.js';
import type { SalesforceAdapterOptions } from '../../src/adapters/salesforce/index.js';
import type { Territory } from '../../src/model/territory.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/server.js';
import { seedOrg, seedTerritories } from '../emulators/salesforce/seed.js';
import { emulatorConnection } from '../emulators/salesforce/connect.js';
import { apexMethodsFor } from '../emulators/salesforce/apex-methods.js';
import { installFakeClock, settleWithin, until } from '../helpers/fake-clock.js';

const fastRetry = () => ({ retries: 3, baseMs: 1, capMs: 5, deadlineMs: 10_000 });
const PLAN_OBJECTS = ['Territory2Model', 'Territory2', 'ObjectTerritory2AssignmentRule', 'ObjectTerritory2AssignmentRuleItem', 'RuleTerritory2Association', 'ObjectTerritory2Association', 'UserTerritory2Association'];

async function setup(transport: 'jsforce' | 'apex', extra: Partial<SalesforceAdapterOptions> = {}, withType = true) {
  const emu = await startSalesforceEmulator();
  const org = seedOrg(emu.store, { users: 4, accounts: 20 });
  const tm = seedTerritories(emu.store, org, 4);
  const typeId = withType ? emu.store.insert('Territory2Type', { MasterLabel: 'Sales', DeveloperName: 'Sales', Priority: 1 }) : null;
  const methods = apexMethodsFor(emu.store);
  const t = transport === 'apex' ? apexTransport(methods) : jsforceTransport(emulatorConnection(emu));
  const sf = createSalesforceAdapter({ transport: t, mode: 'territory2', retry: fastRetry(), performance: false, ...extra });
  return { emu, org, tm, sf, typeId, methods };
}

/** The records of the model with this DeveloperName, by object. */
function modelContent(emu: SalesforceEmulator, modelId: string) {
  const st = emu.store;
  const territories = st.all('Territory2').filter((t) => t.Territory2ModelId === modelId);
  const tids = new Set(territories.map((t) => t.Id));
  const rules = st.all('ObjectTerritory2AssignmentRule').filter((r) => r.Territory2ModelId === modelId);
  const ruleIds = new Set(rules.map((r) => r.Id));
  return {
    territories,
    rules,
    items: st.all('ObjectTerritory2AssignmentRuleItem').filter((i) => ruleIds.has(i.RuleId as string)),
    links: st.all('RuleTerritory2Association').filter((l) => tids.has(l.Territory2Id as string)),
    users: st.all('UserTerritory2Association').filter((u) => tids.has(u.Territory2Id as string)),
    objects: st.all('ObjectTerritory2Association').filter((o) => tids.has(o.Territory2Id as string)),
  };
}

/** Rule items of a planning territory, in SortOrder, as [Field, Operation, Value]. */
function itemsOf(emu: SalesforceEmulator, modelId: string, territoryId: string): string[][] {
  const c = modelContent(emu, modelId);
  const ruleIds = c.links.filter((l) => l.Territory2Id === territoryId).map((l) => l.RuleId);
  return c.items.filter((i) => ruleIds.includes(i.RuleId)).sort((a, b) => Number(a.SortOrder) - Number(b.SortOrder)).map((i) => [String(i.Field), String(i.Operation), String(i.Value)]);
}

const polygon: NonNullable<Territory['definition']['geometry']> = { type: 'Polygon', coordinates: [[[-120, 35], [-119, 35], [-119, 36], [-120, 35]]] };

for (const transport of ['jsforce', 'apex'] as const) {
  describe(`Salesforce territory2 mode: territories saved to a planning model (${transport})`, () => {
    it('creates a Planning model with every plan territory, rules, named accounts and reps, in order; the Active model untouched', async () => {
      const { emu, org, tm, sf, typeId } = await setup(transport);
      try {
        assert.equal((await sf.capabilities()).canWriteTerritories, true);
        const { territories } = await sf.load();
        const activeBefore = JSON.stringify(emu.store.all('Territory2').filter((t) => t.Territory2ModelId === tm.modelId));
        const first: Territory = { ...territories[0], name: 'West (plan)', repIds: [org.userIds[0], org.userIds[1]], definition: { regions: ['06', 'US-NY', '06037'], rules: { industries: ['Healthcare', 'Retail'], employees: { min: 100 } }, include: [org.accountIds[3]], exclude: [org.accountIds[4]] } };
        const drawn: Territory = { id: 't-drawn', name: 'Drawn', repIds: [org.userIds[2]], priority: 0, parentId: territories[0].id, definition: { geometry: polygon, rules: { industries: ['Technology'] } } };
        const big: Territory = { id: 't-big', name: 'Big revenue', repIds: [], priority: 0, definition: { rules: { annualRevenue: { min: 1_000_000, max: 5_000_000 } } } };
        emu.store.applied.length = 0;
        const out = await sf.saveTerritories!([{ id: first.id, territory: first }, { id: drawn.id, territory: drawn }, { id: big.id, territory: big }]);
        assert.deepEqual(out.map((o) => [o.territoryId, o.status, o.code]), [[first.id, 'saved', undefined], ['t-drawn', 'saved', undefined], ['t-big', 'saved', undefined]]);

        const models = emu.store.all('Territory2Model').filter((m) => m.DeveloperName === 'TerritoryKit_Plan');
        assert.equal(models.length, 1);
        const model = models[0];
        assert.equal(model.State, 'Planning');
        assert.equal(model.Name, `Territory Kit plan ${new Date().toISOString().slice(0, 10)}`);
        for (const o of out) assert.deepEqual(o.savedTo, { kind: 'Territory2Model', id: model.Id, name: model.Name });
        assert.match(out[0].message ?? '', /review and activate the model in Setup/);

        // Every plan territory is in the model: the 3 unchanged loaded ones are copied.
        const c = modelContent(emu, model.Id);
        assert.deepEqual(c.territories.map((t) => t.Name).sort(), ['Big revenue', 'Drawn', 'Territory 2', 'Territory 3', 'Territory 4', 'West (plan)']);
        assert.ok(c.territories.every((t) => t.Territory2TypeId === typeId), 'every territory has the org\'s Territory2Type');
        const west = c.territories.find((t) => t.Name === 'West (plan)')!;
        const drawnT = c.territories.find((t) => t.Name === 'Drawn')!;
        const bigT = c.territories.find((t) => t.Name === 'Big revenue')!;
        assert.equal(drawnT.ParentTerritory2Id, west.Id, 'the hierarchy points at the planning copy of the parent');
        assert.equal(west.ParentTerritory2Id ?? null, null);

        // Rules: exactly the items that express the plan; none for the drawn territory.
        assert.deepEqual(itemsOf(emu, model.Id, west.Id), [
          ['Account.Industry', 'equals', 'Healthcare,Retail'],
          ['Account.NumberOfEmployees', 'greaterOrEqual', '100'],
          ['Account.BillingState', 'equals', 'CA,NY'],
        ]);
        assert.deepEqual(itemsOf(emu, model.Id, bigT.Id), [['Account.AnnualRevenue', 'greaterOrEqual', '1000000'], ['Account.AnnualRevenue', 'lessOrEqual', '5000000']]);
        assert.deepEqual(itemsOf(emu, model.Id, drawnT.Id), []);
        assert.equal(c.rules.length, 2);
        assert.ok(c.rules.every((r) => r.ObjectType === 'Account' && r.IsActive === true && r.BooleanFilter == null));

        // Named accounts (manual) and reps.
        assert.deepEqual(c.objects.map((a) => [a.ObjectId, a.Territory2Id, a.AssociationCause]), [[org.accountIds[3], west.Id, 'Territory2Manual']]);
        const repsOf = (tid: string) => c.users.filter((u) => u.Territory2Id === tid).map((u) => u.UserId).sort();
        assert.deepEqual(repsOf(west.Id), [org.userIds[0], org.userIds[1]].sort());
        assert.deepEqual(repsOf(drawnT.Id), [org.userIds[2]]);
        const copy = c.territories.find((t) => t.Name === 'Territory 2')!;
        assert.deepEqual(repsOf(copy.Id), [org.userIds[1]], 'a copied territory keeps its reps');

        // What Territory2 cannot hold is said per territory, naming the field.
        const codes = (i: number) => (out[i].notices ?? []).map((n) => `${n.code}@${n.field}`);
        assert.deepEqual(codes(0), ['NOT_EXPRESSIBLE@definition.regions', 'RULE_NARROWED@definition.regions', 'NOT_EXPRESSIBLE@definition.exclude']);
        assert.match(out[0].notices![0].message, /West \(plan\).*06037/);
        assert.deepEqual(codes(1), ['NOT_EXPRESSIBLE@definition.geometry', 'RULE_NOT_WRITTEN@definition']);
        assert.deepEqual(codes(2), []);
        assert.match(out[1].message ?? '', /drawn area cannot be a Territory2 rule/);

        // Order: model → territories → parents → rules → items → associations; nothing in the Active model.
        const order = emu.store.applied.map((w) => `${w.op}:${w.object}`).filter((x, i, a) => a.indexOf(x) === i);
        assert.deepEqual(order, [
          'create:Territory2Model', 'create:Territory2', 'update:Territory2', 'create:ObjectTerritory2AssignmentRule',
          'create:ObjectTerritory2AssignmentRuleItem', 'create:RuleTerritory2Association', 'create:ObjectTerritory2Association', 'create:UserTerritory2Association',
        ]);
        assert.equal(JSON.stringify(emu.store.all('Territory2').filter((t) => t.Territory2ModelId === tm.modelId)), activeBefore, 'the Active model is not touched');
        const planningIds = new Set([model.Id, ...Object.values(c).flat().map((r) => (r as { Id: string }).Id)]);
        assert.ok(emu.store.applied.every((w) => planningIds.has(w.id)), 'every write is a record of the planning model');
        assert.ok(out.every((o) => o.lastModified && !Number.isNaN(Date.parse(o.lastModified))), 'saved territories carry the Territory2 stamp');
      } finally {
        await emu.close();
      }
    });

    it('a second save updates the same planning model: items replaced, removals, no third model; a changed copy is a conflict', async () => {
      const { emu, org, sf } = await setup(transport);
      try {
        const { territories } = await sf.load();
        const big: Territory = { id: 't-big', name: 'Big', repIds: [org.userIds[0]], priority: 0, definition: { rules: { industries: ['Retail'] }, include: [org.accountIds[1]] } };
        const gone: Territory = { id: 't-gone', name: 'Gone', repIds: [], priority: 0, definition: { regions: ['36'] } };
        const [a, b] = await sf.saveTerritories!([{ id: big.id, territory: big }, { id: gone.id, territory: gone }]);
        assert.equal(a.status, 'saved');
        assert.equal(b.status, 'saved');
        const modelId = a.savedTo!.id;
        const bigT = emu.store.all('Territory2').find((t) => t.Territory2ModelId === modelId && t.Name === 'Big')!;
        const ruleBefore = emu.store.all('ObjectTerritory2AssignmentRule').filter((r) => r.Territory2ModelId === modelId).map((r) => r.Id).sort();
        const models = emu.store.all('Territory2Model').length;

        // A new adapter (as after a reload) finds the model by its DeveloperName.
        const again = createSalesforceAdapter({ transport: jsforceTransport(emulatorConnection(emu)), mode: 'territory2', retry: fastRetry(), performance: false });
        await again.load();
        const changed: Territory = { ...big, name: 'Big retail', repIds: [org.userIds[1]], definition: { rules: { industries: ['Retail', 'Healthcare'] } }, lastModified: a.lastModified };
        emu.store.applied.length = 0;
        const out = await again.saveTerritories!([{ id: big.id, territory: changed, lastModified: a.lastModified }, { id: gone.id, territory: null, lastModified: b.lastModified }]);
        assert.deepEqual(out.map((o) => [o.status, o.code]), [['saved', undefined], ['saved', undefined]]);
        assert.equal(out[0].savedTo!.id, modelId, 'the same planning model');
        assert.equal(emu.store.all('Territory2Model').length, models, 'no new model');
        assert.equal(emu.store.get('Territory2', bigT.Id)!.Name, 'Big retail', 'the same Territory2, renamed');
        assert.deepEqual(itemsOf(emu, modelId, bigT.Id), [['Account.Industry', 'equals', 'Retail,Healthcare']]);
        const c = modelContent(emu, modelId);
        assert.deepEqual(c.rules.map((r) => r.Id).sort(), ruleBefore.filter((id) => c.rules.some((r) => r.Id === id)), 'the rule kept; the removed territory\'s rule deleted');
        assert.equal(c.rules.length, 1);
        assert.ok(!c.territories.some((t) => t.Name === 'Gone'), 'the removed territory is deleted');
        assert.deepEqual(c.objects.filter((o) => o.Territory2Id === bigT.Id).length, 0, 'the named account no longer in the plan is removed');
        assert.deepEqual(c.users.filter((u) => u.Territory2Id === bigT.Id).map((u) => u.UserId), [org.userIds[1]], 'reps follow the plan');
        assert.ok(!emu.store.applied.some((w) => w.op === 'create' && (w.object === 'Territory2Model' || w.object === 'Territory2')), 'nothing re-created');
        // unchanged copies are not written again
        assert.ok(!emu.store.applied.some((w) => w.op === 'update' && w.object === 'Territory2' && w.id !== bigT.Id));

        // Someone edits the planning copy in Setup: the plan's older version is a conflict, not written.
        emu.store.touch('Territory2', bigT.Id, { Name: 'Edited in Setup' });
        const [conflict] = await again.saveTerritories!([{ id: big.id, territory: { ...changed, name: 'Mine' }, lastModified: out[0].lastModified }]);
        assert.equal(conflict.status, 'conflict');
        assert.equal(conflict.code, 'STALE');
        assert.equal(emu.store.get('Territory2', bigT.Id)!.Name, 'Edited in Setup');
        void territories;
      } finally {
        await emu.close();
      }
    });

    it('refuses when the model was activated meanwhile (nothing written), then starts a new planning model', async () => {
      const { emu, tm, sf } = await setup(transport);
      try {
        await sf.load();
        const t1: Territory = { id: 't-1', name: 'One', repIds: [], priority: 0, definition: { rules: { industries: ['Retail'] } } };
        const [first] = await sf.saveTerritories!([{ id: 't-1', territory: t1 }]);
        const modelId = first.savedTo!.id;
        emu.store.touch('Territory2Model', tm.modelId, { State: 'Archived' });
        emu.store.touch('Territory2Model', modelId, { State: 'Active' });
        const writes = emu.store.applied.length;
        const [refused] = await sf.saveTerritories!([{ id: 't-1', territory: { ...t1, name: 'One more' } }]);
        assert.equal(refused.status, 'failed');
        assert.equal(refused.code, 'MODEL_NOT_IN_PLANNING');
        assert.match(refused.message ?? '', /TerritoryKit|Territory Kit plan/);
        assert.match(refused.message ?? '', /is now Active/);
        assert.equal(emu.store.applied.length, writes, 'nothing written');
        const [next] = await sf.saveTerritories!([{ id: 't-1', territory: { ...t1, name: 'One more' } }]);
        assert.equal(next.status, 'saved');
        assert.notEqual(next.savedTo!.id, modelId);
        assert.equal(emu.store.get('Territory2Model', next.savedTo!.id)!.DeveloperName, 'TerritoryKit_Plan_2');
        assert.equal(emu.store.get('Territory2Model', next.savedTo!.id)!.State, 'Planning');
        assert.equal(emu.store.all('Territory2').filter((t) => t.Territory2ModelId === modelId && t.Name === 'One more').length, 0, 'the activated model is not touched');
      } finally {
        await emu.close();
      }
    });

    it('fails per territory with the record and code; the others are saved; a later save completes it', async () => {
      const { emu, org, sf } = await setup(transport);
      try {
        await sf.load();
        const ghost = '005000000000999AAA';
        const ok: Territory = { id: 't-ok', name: 'Fine', repIds: [org.userIds[0]], priority: 0, definition: { rules: { industries: ['Retail'] } } };
        const bad: Territory = { id: 't-bad', name: 'Ghost rep', repIds: [ghost], priority: 0, definition: { rules: { industries: ['Retail'] } } };
        const invalid = { id: 't-invalid', name: 'Bad colour', repIds: [], priority: 0, color: 'red', definition: {} } as unknown as Territory;
        const out = await sf.saveTerritories!([{ id: 't-ok', territory: ok }, { id: 't-bad', territory: bad }, { id: 't-invalid', territory: invalid }]);
        assert.deepEqual(out.map((o) => [o.territoryId, o.status]), [['t-ok', 'saved'], ['t-bad', 'failed'], ['t-invalid', 'failed']]);
        assert.equal(out[1].code, 'INVALID_CROSS_REFERENCE_KEY');
        assert.match(out[1].message ?? '', new RegExp(`Ghost rep.*UserTerritory2Association of User ${ghost}`));
        assert.equal(out[2].code, 'INVALID');
        assert.match(out[2].message ?? '', /t-invalid, color/);
        const [retry] = await sf.saveTerritories!([{ id: 't-bad', territory: { ...bad, repIds: [org.userIds[2]] } }]);
        assert.equal(retry.status, 'saved');
        const tid = emu.store.all('Territory2').filter((t) => t.Territory2ModelId === out[0].savedTo!.id && t.Name === 'Ghost rep');
        assert.equal(tid.length, 1, 'the half-written territory is completed, not duplicated');
      } finally {
        await emu.close();
      }
    });

    it('says what the admin must create when the org has no Territory2Type; nothing written', async () => {
      const { emu, sf } = await setup(transport, {}, false);
      try {
        await sf.load();
        const before = emu.store.applied.length;
        const [o] = await sf.saveTerritories!([{ id: 't', territory: { id: 't', name: 'T', repIds: [], priority: 0, definition: {} } }]);
        assert.equal(o.status, 'failed');
        assert.equal(o.code, 'NO_TERRITORY_TYPE');
        assert.match(o.message ?? '', /Setup → Territory Types/);
        assert.equal(emu.store.applied.length, before);
        assert.ok(!PLAN_OBJECTS.slice(0, 1).some((obj) => emu.store.all(obj).some((m) => m.DeveloperName === 'TerritoryKit_Plan')));
      } finally {
        await emu.close();
      }
    });
  });
}

describe('Salesforce territory2 mode: planning-model save, limits and guards', () => {
  it('owner mode keeps territories in the plan: canWriteTerritories false, no saveTerritories', async () => {
    const emu = await startSalesforceEmulator();
    try {
      const sf = createSalesforceAdapter({ transport: jsforceTransport(emulatorConnection(emu)), mode: 'owner', retry: fastRetry(), performance: false });
      assert.equal((await sf.capabilities()).canWriteTerritories, false);
      assert.equal(sf.saveTerritories, undefined);
    } finally {
      await emu.close();
    }
  });

  it('ends by the save deadline: a write that never answers ends failed (UNKNOWN_OUTCOME), never saved', async () => {
    // On a fake clock: the 200 ms request timeout cannot fire during the set-up load on a busy
    // machine; the bound (deadline 300 ms + grace 200 ms) is checked exactly once the write hangs.
    const clock = installFakeClock();
    const { emu, sf } = await setup('jsforce', { saveDeadlineMs: 300, requestTimeoutMs: 200 });
    try {
      await sf.load();
      const fault = { route: 'composite:POST', status: 0, hang: true, times: 10 };
      emu.requestFaults.push(fault);
      const saving = sf.saveTerritories!([{ id: 't', territory: { id: 't', name: 'T', repIds: [], priority: 0, definition: {} } }]);
      await until(clock, () => fault.times < 10, 'the create reached the emulator and hangs');
      const { value: [o] } = await settleWithin(clock, saving, 300 + 200);
      assert.equal(o.status, 'failed');
      assert.equal(o.code, 'UNKNOWN_OUTCOME', o.message);
    } finally {
      await emu.close();
      clock.uninstall();
    }
  });

  it('a create whose answer is lost is re-read, not repeated: one model, one territory, all saved', async () => {
    const { emu, sf } = await setup('jsforce');
    try {
      await sf.load();
      // The model create is applied, then the answer is a 500; the Territory2 create's connection drops after applying.
      emu.requestFaults.push({ route: 'composite:POST', status: 500, errorCode: 'UNKNOWN_EXCEPTION', afterApply: true, times: 1 });
      emu.requestFaults.push({ route: 'composite:POST', status: 0, drop: true, afterApply: true, times: 1 });
      const [o] = await sf.saveTerritories!([{ id: 't', territory: { id: 't', name: 'T', repIds: [], priority: 0, definition: { rules: { industries: ['Retail'] } } } }]);
      assert.equal(o.status, 'saved', o.message);
      assert.equal(emu.store.all('Territory2Model').filter((m) => String(m.DeveloperName).startsWith('TerritoryKit_Plan')).length, 1);
      assert.equal(emu.store.all('Territory2').filter((t) => t.Territory2ModelId === o.savedTo!.id && t.Name === 'T').length, 1);
    } finally {
      await emu.close();
    }
  });

  it('a plan loaded from our planning model is updated in place (matched by Territory2 id)', async () => {
    const { emu, org, sf } = await setup('apex');
    try {
      await sf.load();
      const [first] = await sf.saveTerritories!([{ id: 't-a', territory: { id: 't-a', name: 'A', repIds: [org.userIds[0]], priority: 0, definition: { rules: { industries: ['Retail'] } } } }]);
      const modelId = first.savedTo!.id;
      const planning = createSalesforceAdapter({ transport: apexTransport(apexMethodsFor(emu.store)), mode: 'territory2', territoryModel: { id: modelId }, retry: fastRetry(), performance: false });
      const { territories } = await planning.load();
      const a = territories.find((t) => t.name === 'A')!;
      const before = emu.store.all('Territory2').filter((t) => t.Territory2ModelId === modelId).length;
      const [o] = await planning.saveTerritories!([{ id: a.id, territory: { ...a, name: 'A renamed', definition: { regions: ['48'] } } }]);
      assert.equal(o.status, 'saved', o.message);
      assert.equal(o.savedTo!.id, modelId);
      assert.equal(emu.store.get('Territory2', a.id)!.Name, 'A renamed', 'the same Territory2');
      assert.equal(emu.store.all('Territory2').filter((t) => t.Territory2ModelId === modelId).length, before, 'nothing copied again');
      assert.deepEqual(itemsOf(emu, modelId, a.id), [['Account.BillingState', 'equals', 'TX']]);
    } finally {
      await emu.close();
    }
  });

  it('the Apex side refuses planning-model writes into a model that is not in Planning, per record', async () => {
    const { emu, tm, methods, typeId } = await setup('apex');
    try {
      const res = await methods.createRecords({ objectName: 'Territory2', recordsJson: JSON.stringify([{ Name: 'X', DeveloperName: 'X1', Territory2ModelId: tm.modelId, Territory2TypeId: typeId }, { Name: 'Y', DeveloperName: 'Y1', Territory2ModelId: tm.planningModelId, Territory2TypeId: typeId }]) });
      assert.equal(res[0].success, false);
      assert.equal(res[0].errors[0].statusCode, 'MODEL_NOT_IN_PLANNING');
      assert.equal(res[1].success, true);
      await assert.rejects(methods.createRecords({ objectName: 'Territory2', recordsJson: JSON.stringify([{ Name: 'Z', DeveloperName: 'Z1', Territory2ModelId: tm.planningModelId, Territory2TypeId: typeId, Description: 'x', State: 'Active' }]) }), (e: { body: { message: string } }) => /INVALID_FIELD_FOR_INSERT_UPDATE/.test(e.body.message) && /Territory2\.State/.test(e.body.message));
      const [del] = await methods.deleteRecords({ objectName: 'Territory2', ids: [tm.territoryIds[0]] });
      assert.equal(del.errors[0].statusCode, 'MODEL_NOT_IN_PLANNING');
      assert.ok(emu.store.get('Territory2', tm.territoryIds[0]), 'the Active territory is still there');
    } finally {
      await emu.close();
    }
  });
});
