// Issue #13 item 12: ids named like built-in properties are ordinary ids in the store.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createPlanState,
  loadStarted,
  loadSucceeded,
  assign,
  applyAssignments,
  discard,
  undo,
  select,
  saveFinished,
  pendingChanges,
  ownerOf,
  accountsOf,
  restoreWorkingPlan,
  serialiseWorkingPlan,
  parseStoredPlan,
} from '../../src/store/index.js';
import { account, rep } from '../helpers/plan-fixture.js';

const IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

function ready() {
  const accounts = [...IDS.map((id) => account(id, 'valueOf')), account('a1', 'r1')];
  const reps = [rep('valueOf', 'Val'), rep('r1', 'Ana'), rep('__proto__', 'Proto')];
  return loadSucceeded(loadStarted(createPlanState()), { accounts, reps, territories: [], rejected: [] }, { canWrite: true, system: 'test' });
}

describe('ids named like built-in properties', () => {
  it('loads them as own keys of current and working', () => {
    const s = ready();
    for (const id of IDS) {
      assert.ok(Object.hasOwn(s.current, id), id);
      assert.equal(s.current[id], 'valueOf');
    }
    assert.deepEqual(pendingChanges(s), []);
  });

  it('reassigns an account with id __proto__ (and the others), undo restores them', () => {
    let s = ready();
    for (const id of IDS) {
      s = assign(s, [id], '__proto__');
      assert.equal(ownerOf(s, id), '__proto__', id);
    }
    assert.deepEqual(
      pendingChanges(s).map((c) => [c.accountId, c.from, c.to]),
      IDS.map((id) => [id, 'valueOf', '__proto__']),
    );
    assert.deepEqual(accountsOf(s, '__proto__').map((a) => a.id), IDS);
    assert.equal(s.past.length, IDS.length);
    s = undo(s);
    assert.equal(ownerOf(s, 'hasOwnProperty'), 'valueOf');
    s = applyAssignments(s, JSON.parse('{"__proto__": "r1", "constructor": null}'), 'apply');
    assert.equal(ownerOf(s, '__proto__'), 'r1');
    assert.equal(ownerOf(s, 'constructor'), null);
    s = discard(s);
    assert.deepEqual(pendingChanges(s), []);
  });

  it('refuses ids of accounts that do not exist, even when they are built-in property names', () => {
    const s = { ...ready(), current: { a1: 'r1' } as Record<string, string | null> };
    // A state from elsewhere holding a plain object: `constructor` is still not an account.
    assert.throws(() => assign(s, ['constructor'], 'r1'), /unknown account id "constructor"/);
    assert.throws(() => assign(ready(), ['valueOf'], 'r1'), /unknown account id "valueOf"/);
    assert.throws(() => applyAssignments(ready(), { isPrototypeOf: 'r1' }, 'x'), /unknown account id "isPrototypeOf"/);
    assert.throws(() => assign(ready(), ['a1'], 'constructor'), /unknown rep id "constructor"/);
    assert.deepEqual(select(ready(), ['toLocaleString', '__proto__']).selection, ['__proto__']);
  });

  it('saving a __proto__ change makes it current', () => {
    let s = assign(ready(), ['__proto__'], 'r1');
    s = saveFinished(s, pendingChanges(s), [{ accountId: '__proto__', status: 'saved' }]);
    assert.ok(Object.hasOwn(s.current, '__proto__'));
    assert.equal(s.current['__proto__'], 'r1');
    assert.deepEqual(pendingChanges(s), []);
    assert.equal(s.accounts.find((a) => a.id === '__proto__')!.ownerId, 'r1');
  });

  it('a stored plan with such ids survives serialise → parse → restore', () => {
    const edited = assign(assign(ready(), ['__proto__'], 'r1'), ['constructor'], null);
    const text = serialiseWorkingPlan(edited, 'test')!;
    const parsed = parseStoredPlan(text, 'test');
    assert.ok(parsed.plan);
    const { state, applied, skipped } = restoreWorkingPlan(ready(), parsed.plan);
    assert.deepEqual(skipped, []);
    assert.equal(applied.length, 2);
    assert.equal(ownerOf(state, '__proto__'), 'r1');
    assert.equal(ownerOf(state, 'constructor'), null);
  });
});
