import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assign,
  createPlanState,
  loadStarted,
  loadSucceeded,
  parseStoredPlan,
  pendingChanges,
  restoreWorkingPlan,
  serialiseWorkingPlan,
  setTerritories,
  storageKey,
  storedPlanDiffers,
  undo,
} from '../../src/store/index.js';
import { smallLoad } from '../helpers/plan-fixture.js';

const load = (data = smallLoad()) => loadSucceeded(loadStarted(createPlanState()), data, null);

describe('persistence', () => {
  it('keys by adapter, role and user', () => {
    assert.equal(storageKey('sf:00D', 'manager', '005X'), 'territory-kit:plan:sf:00D:manager:005X');
    assert.equal(storageKey('sf:00D', 'admin', null), 'territory-kit:plan:sf:00D:admin:-');
  });

  it('serialises only pending changes and round-trips them', () => {
    assert.equal(serialiseWorkingPlan(load(), 'a'), null);
    const s = assign(load(), ['a1', 'a5'], 'r2');
    const text = serialiseWorkingPlan(s, 'test:1', { now: new Date('2026-11-27T05:00:00Z') })!;
    const parsed = parseStoredPlan(text, 'test:1');
    assert.ok(parsed.plan);
    assert.equal(parsed.plan.savedAt, '2026-11-27T05:00:00.000Z');
    assert.deepEqual(parsed.plan.changes, pendingChanges(s));
    assert.equal(storedPlanDiffers(s, parsed.plan), false);
    assert.equal(storedPlanDiffers(load(), parsed.plan), true);
  });

  it('refuses corrupt, foreign or other-adapter text with a reason, and drops bad changes', () => {
    assert.match((parseStoredPlan('{nope') as { reason: string }).reason, /not valid JSON/);
    assert.match((parseStoredPlan('{"version":2}') as { reason: string }).reason, /version/);
    const text = JSON.stringify({ version: 1, adapterId: 'x', savedAt: '2026-01-01T00:00:00Z', changes: [] });
    assert.match((parseStoredPlan(text, 'y') as { reason: string }).reason, /adapter "x"/);
    const mixed = JSON.stringify({
      version: 1,
      adapterId: 'x',
      savedAt: '2026-01-01T00:00:00Z',
      changes: [{ accountId: 'a1', from: 'r1', to: 'r2' }, { accountId: '', from: 1 }],
    });
    const r = parseStoredPlan(mixed, 'x');
    assert.ok(r.plan);
    assert.equal(r.plan.changes.length, 1);
    assert.equal((r as { dropped: number }).dropped, 1);
  });

  it('stores edited territories (and only edited ones) and restores them in the same step', () => {
    const loaded = load();
    assert.equal(serialiseWorkingPlan(loaded, 't', { loadedTerritories: loaded.territories }), null);
    const renamed = setTerritories(loaded, [{ ...loaded.territories[0], name: 'Far West' }], 'Rename');
    const text = serialiseWorkingPlan(renamed, 't', { loadedTerritories: loaded.territories })!;
    const parsed = parseStoredPlan(text, 't');
    assert.ok(parsed.plan);
    assert.equal(parsed.plan.changes.length, 0);
    assert.deepEqual(parsed.plan.territories!.map((t) => t.name), ['Far West']);
    assert.equal(storedPlanDiffers(load(), parsed.plan), true);
    const { state, territories } = restoreWorkingPlan(load(), parsed.plan);
    assert.equal(territories, true);
    assert.deepEqual(state.territories.map((t) => t.name), ['Far West']);
    assert.equal(state.past.at(-1)!.label, 'Restore territory edits');
    assert.equal(undo(state).territories.length, 2);
  });

  it('restores only changes whose account exists, whose owner is still `from`, and whose rep exists', () => {
    const s = assign(assign(load(), ['a1', 'a2', 'a4'], 'r2'), ['a5'], 'r1');
    const plan = parseStoredPlan(serialiseWorkingPlan(s, 't')!).plan!;
    // After the reload: a2 was deleted in the CRM and a4's owner changed there.
    const data = smallLoad();
    data.accounts = data.accounts.filter((a) => a.id !== 'a2');
    data.accounts.find((a) => a.id === 'a5')!.ownerId = 'r2';
    plan.changes.push({ accountId: 'a3', from: 'r1', to: 'ghost' });
    const fresh = load(data);
    const { state, applied, skipped } = restoreWorkingPlan(fresh, plan);
    assert.deepEqual(applied.map((c) => c.accountId), ['a1']);
    assert.deepEqual(skipped.map((x) => [x.change.accountId, x.reason]), [
      ['a2', 'missing-account'],
      ['a5', 'owner-changed'],
      ['a3', 'unknown-rep'],
    ]);
    assert.deepEqual(pendingChanges(state), [{ accountId: 'a1', from: 'r1', to: 'r2' }]);
    assert.equal(state.past.length, 1, 'restore is one undoable step');
    assert.deepEqual(pendingChanges(undo(state)), []);
  });
});
