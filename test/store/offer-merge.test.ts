// Issue #13 item 1: edits made while a stored plan is still offered are kept together with it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assign,
  canEdit,
  createPlanState,
  loadStarted,
  loadSucceeded,
  parseStoredPlan,
  pendingChanges,
  restoreWorkingPlan,
  serialiseWorkingPlan,
  setTerritories,
  undo,
  type StoredPlan,
} from '../../src/store/index.js';
import { smallLoad } from '../helpers/plan-fixture.js';

const load = () => loadSucceeded(loadStarted(createPlanState()), smallLoad(), null);
const stored = (text: string | null): StoredPlan => {
  const parsed = parseStoredPlan(text, 'test');
  assert.ok(parsed.plan, 'parses');
  return parsed.plan;
};

describe('a stored plan kept while it is offered', () => {
  it('serialises the union: the offered changes plus this session\'s, the session winning per account', () => {
    const offered = stored(serialiseWorkingPlan(assign(load(), ['a1', 'a2'], 'r2'), 'test'));
    // A fresh load, the offer still open, the user moves a2 elsewhere and a4 too.
    const session = assign(assign(load(), ['a2'], null), ['a4'], 'r1');
    const merged = stored(serialiseWorkingPlan(session, 'test', { keep: offered }));
    assert.deepEqual(
      merged.changes.map((c) => [c.accountId, c.from, c.to]).sort(),
      [
        ['a1', 'r1', 'r2'],
        ['a2', 'r1', null],
        ['a4', 'r2', 'r1'],
      ],
    );
    // Nothing edited in the session: the offered plan alone is kept, not removed.
    assert.deepEqual(stored(serialiseWorkingPlan(load(), 'test', { keep: offered })).changes, offered.changes);
  });

  it('keeps the offered territories unless the session edited its own', () => {
    const base = load();
    const offered = stored(
      serialiseWorkingPlan(setTerritories(base, [{ ...base.territories[0], name: 'Far West' }], 'x'), 'test', { loadedTerritories: base.territories }),
    );
    const fresh = load();
    assert.deepEqual(stored(serialiseWorkingPlan(fresh, 'test', { loadedTerritories: fresh.territories, keep: offered })).territories!.map((t) => t.name), ['Far West']);
    const mine = setTerritories(fresh, [{ ...fresh.territories[1], name: 'Far East' }], 'y');
    assert.deepEqual(stored(serialiseWorkingPlan(mine, 'test', { loadedTerritories: fresh.territories, keep: offered })).territories!.map((t) => t.name), ['Far East']);
  });

  it('restoring later applies the offered changes but never over a newer edit of the same account', () => {
    const offered = stored(serialiseWorkingPlan(assign(load(), ['a1', 'a2'], 'r2'), 'test'));
    const session = assign(load(), ['a2'], null);
    const { state, applied, skipped } = restoreWorkingPlan(session, offered);
    assert.deepEqual(applied.map((c) => c.accountId), ['a1']);
    assert.deepEqual(skipped.map((k) => [k.change.accountId, k.reason]), [['a2', 'edited-since']]);
    assert.deepEqual(pendingChanges(state).map((c) => [c.accountId, c.to]), [['a1', 'r2'], ['a2', null]]);
    assert.deepEqual(pendingChanges(undo(state)).map((c) => [c.accountId, c.to]), [['a2', null]]);
  });

  it('a plan another tab owns is read-only: no edit, undo or restore', () => {
    const s = { ...assign(load(), ['a1'], 'r2'), readOnlyReason: 'other-tab' as const };
    assert.equal(canEdit(s), false);
    assert.equal(assign(s, ['a2'], 'r2'), s);
    assert.equal(undo(s), s);
    const offered = stored(serialiseWorkingPlan(assign(load(), ['a3'], 'r2'), 'test'));
    assert.equal(restoreWorkingPlan(s, offered).state, s);
  });
});
