import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyAssignments,
  assign,
  createPlanState,
  loadStarted,
  loadSucceeded,
  locksSaved,
  pendingChanges,
  pendingLocks,
  restoreWorkingPlan,
  serialiseWorkingPlan,
  setLocked,
  splitHeld,
  type PlanState,
} from '../../src/store/index.js';
import { parseStoredPlan } from '../../src/store/parse-stored-plan.js';
import { smallLoad } from '../helpers/plan-fixture.js';

function ready(role: PlanState['role'] = 'admin'): PlanState {
  return loadSucceeded(loadStarted(createPlanState({ role })), smallLoad(), { canWrite: true, system: 'test' });
}

describe('locks', () => {
  it('a locked account never moves through assign or applyAssignments until unlocked', () => {
    let s = setLocked(ready(), { accounts: ['a1'] }, true);
    assert.equal(s.accounts.find((a) => a.id === 'a1')!.locked, true);
    s = assign(s, ['a1', 'a2'], 'r2');
    assert.equal(s.working.a1, 'r1', 'locked a1 stays');
    assert.equal(s.working.a2, 'r2', 'a2 moves');
    assert.equal(s.past.at(-1)!.label, 'Assign 1 account');
    s = applyAssignments(s, { a1: 'r2' }, 'x');
    assert.equal(s.working.a1, 'r1');
    s = assign(setLocked(s, { accounts: ['a1'] }, false), ['a1'], 'r2');
    assert.equal(s.working.a1, 'r2', 'moves once unlocked');
  });

  it('a locked rep keeps its accounts and takes none', () => {
    const s = setLocked(ready(), { reps: ['r2'] }, true);
    assert.deepEqual(splitHeld(s, ['a1', 'a4']), { movable: ['a1'], held: ['a4'] });
    assert.equal(assign(s, ['a1'], 'r2'), s, 'assigning to a locked rep is refused');
    assert.equal(assign(s, ['a4'], 'r1'), s, "the locked rep's account stays");
    assert.equal(applyAssignments(s, { a4: 'r1', a1: 'r2' }, 'x'), s);
  });

  it('lists unsaved lock changes against the loaded flags and forgets saved ones', () => {
    let s = ready();
    assert.deepEqual(pendingLocks(s), []);
    s = setLocked(s, { accounts: ['a1', 'a2'], reps: ['r1'] }, true);
    assert.deepEqual(pendingLocks(s), [
      { kind: 'account', id: 'a1', locked: true },
      { kind: 'account', id: 'a2', locked: true },
      { kind: 'rep', id: 'r1', locked: true },
    ]);
    assert.deepEqual(pendingLocks(setLocked(s, { accounts: ['a2'] }, false)).map((c) => c.id), ['a1', 'r1'], 'unlocking again is no change');
    s = locksSaved(s, [{ kind: 'account', id: 'a1', locked: true }]);
    assert.deepEqual(pendingLocks(s).map((c) => c.id), ['a2', 'r1']);
    assert.equal(setLocked(ready('rep'), { accounts: ['a1'] }, true).accounts[0].locked, undefined, 'the rep role may not lock');
  });

  it('keeps lock changes with the unsaved work and restores them after a reload', () => {
    const s = setLocked(assign(ready(), ['a3'], 'r2'), { accounts: ['a1'], reps: ['r2'] }, true);
    const text = serialiseWorkingPlan(s, 'test:1', { now: new Date('2026-12-01T00:00:00Z') });
    assert.ok(text);
    const parsed = parseStoredPlan(text, 'test:1');
    assert.ok(parsed.plan);
    assert.deepEqual(parsed.plan.locks, { accounts: { a1: true }, reps: { r2: true } });
    const { state } = restoreWorkingPlan(ready(), parsed.plan);
    assert.equal(state.accounts.find((a) => a.id === 'a1')!.locked, true);
    assert.equal(state.reps.find((r) => r.id === 'r2')!.locked, true);
    assert.deepEqual(pendingChanges(state).map((c) => c.accountId), ['a3']);
    assert.equal(pendingLocks(state).length, 2);
    // A change to an account locked in the CRM since is not restored.
    const lockedNow = setLocked(ready(), { accounts: ['a3'] }, true);
    const again = restoreWorkingPlan(lockedNow, parsed.plan);
    assert.deepEqual(again.skipped.map((k) => [k.change.accountId, k.reason]), [['a3', 'locked']]);
    assert.equal(again.state.working.a3, 'r1');
    // Locks alone are unsaved work too.
    assert.ok(serialiseWorkingPlan(setLocked(ready(), { accounts: ['a2'] }, true), 'test:1'));
  });
});
