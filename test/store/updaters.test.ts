import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createPlanState,
  loadStarted,
  loadProgressed,
  loadSucceeded,
  loadFailed,
  select,
  focusRep,
  assign,
  applyAssignments,
  setTerritories,
  discard,
  undo,
  redo,
  saveStarted,
  saveFinished,
  pendingChanges,
  planEvaluation,
  HISTORY_LIMIT,
  type PlanState,
} from '../../src/store/index.js';
import { smallLoad } from '../helpers/plan-fixture.js';

function ready(role: PlanState['role'] = 'admin'): PlanState {
  return loadSucceeded(loadStarted(createPlanState({ role })), smallLoad(), { canWrite: true, system: 'test' });
}

describe('load updaters', () => {
  it('goes idle → loading → ready with current = working = loaded owners', () => {
    let s = createPlanState();
    assert.equal(s.status, 'idle');
    s = loadStarted(s);
    assert.equal(s.status, 'loading');
    s = loadProgressed(s, { loaded: 2, total: 5, phase: 'accounts' });
    assert.deepEqual(s.progress, { loaded: 2, total: 5, phase: 'accounts' });
    s = loadSucceeded(s, smallLoad(), null);
    assert.equal(s.status, 'ready');
    assert.equal(s.progress, null);
    assert.deepEqual({ ...s.current }, { a1: 'r1', a2: 'r1', a3: 'r1', a4: 'r2', a5: null });
    assert.equal(s.rejected.length, 1);
    assert.deepEqual(pendingChanges(s), []);
  });

  it('a reload keeps the selection (same array when nothing vanished) and drops vanished ids', () => {
    const s = select(ready(), ['a1', 'a2']);
    const again = loadSucceeded(loadStarted(s), smallLoad(), null);
    assert.equal(again.selection, s.selection);
    const data = smallLoad();
    data.accounts = data.accounts.filter((a) => a.id !== 'a2');
    assert.deepEqual(loadSucceeded(loadStarted(s), data, null).selection, ['a1']);
  });

  it('records a load failure and ignores progress when not loading', () => {
    const s = loadFailed(loadStarted(createPlanState()), { code: 'INVALID_SESSION_ID', message: 'expired' });
    assert.equal(s.status, 'error');
    assert.deepEqual(s.error, { code: 'INVALID_SESSION_ID', message: 'expired' });
    assert.equal(loadProgressed(s, { loaded: 1 }), s);
  });
});

describe('selection', () => {
  it('replaces, adds, removes and toggles; unknown ids are ignored; no-op returns the same state', () => {
    let s = ready();
    s = select(s, ['a1', 'nope']);
    assert.deepEqual(s.selection, ['a1']);
    s = select(s, ['a2'], 'add');
    assert.deepEqual(s.selection, ['a1', 'a2']);
    s = select(s, ['a1'], 'remove');
    assert.deepEqual(s.selection, ['a2']);
    s = select(s, ['a2', 'a3'], 'toggle');
    assert.deepEqual(s.selection, ['a3']);
    assert.equal(select(s, ['a3']), s);
  });

  it('focuses a known rep and refuses an unknown one by name', () => {
    const s = focusRep(ready(), 'r2');
    assert.equal(s.focusRepId, 'r2');
    assert.throws(() => focusRep(s, 'zz'), /unknown rep id "zz"/);
  });
});

describe('edits', () => {
  it('assign moves accounts, creates one undo step and shows up as pending changes', () => {
    const s0 = ready();
    const s1 = assign(s0, ['a1', 'a5'], 'r2', 'Give two to Ben');
    assert.notEqual(s1, s0);
    assert.equal(s1.working.a1, 'r2');
    assert.equal(s1.current.a1, 'r1', 'current is untouched');
    assert.deepEqual(pendingChanges(s1), [
      { accountId: 'a1', from: 'r1', to: 'r2' },
      { accountId: 'a5', from: null, to: 'r2' },
    ]);
    assert.equal(s1.past.length, 1);
    assert.equal(s1.past[0].label, 'Give two to Ben');
    assert.equal(assign(s1, ['a1'], 'r2'), s1, 'a no-op assign adds no step');
  });

  it('assign names an unknown account or rep', () => {
    assert.throws(() => assign(ready(), ['zz'], 'r1'), /unknown account id "zz"/);
    assert.throws(() => assign(ready(), ['a1'], 'zz'), /unknown rep id "zz"/);
  });

  it('the rep role refuses every edit (same state back)', () => {
    const s = ready('rep');
    assert.equal(assign(s, ['a1'], 'r2'), s);
    assert.equal(applyAssignments(s, { a1: 'r2' }, 'x'), s);
    assert.equal(setTerritories(s, [], 'x'), s);
    assert.equal(discard(s), s);
    assert.equal(undo(s), s);
    assert.equal(redo(s), s);
  });

  it('applyAssignments merges over working as one step; setTerritories replaces territories', () => {
    let s = applyAssignments(ready(), { a1: 'r2', a2: 'r2', a4: 'r2' }, 'Rebalance');
    assert.deepEqual(pendingChanges(s).map((c) => c.accountId), ['a1', 'a2']);
    assert.equal(s.past.length, 1);
    s = setTerritories(s, [], 'Clear territories');
    assert.deepEqual(s.territories, []);
    assert.equal(s.past.length, 2);
    s = undo(s);
    assert.equal(s.territories.length, 2);
    assert.equal(s.working.a1, 'r2');
  });

  it('discard returns working to current as an undoable step', () => {
    let s = assign(ready(), ['a1'], 'r2');
    s = discard(s);
    assert.deepEqual(pendingChanges(s), []);
    s = undo(s);
    assert.equal(pendingChanges(s).length, 1);
    assert.equal(discard(ready()).past.length, 0, 'nothing pending: no step');
  });
});

describe('undo / redo', () => {
  it('walks back and forth through steps; a new edit clears the future', () => {
    let s = ready();
    s = assign(s, ['a1'], 'r2', 'one');
    s = assign(s, ['a2'], 'r2', 'two');
    s = undo(s);
    assert.equal(s.working.a2, 'r1');
    assert.equal(s.working.a1, 'r2');
    assert.equal(s.future[0].label, 'two');
    s = undo(s);
    assert.equal(s.working.a1, 'r1');
    assert.equal(undo(s), s, 'nothing more to undo');
    s = redo(s);
    assert.equal(s.working.a1, 'r2');
    assert.equal(s.past[s.past.length - 1].label, 'one');
    s = assign(s, ['a3'], 'r2', 'three');
    assert.equal(s.future.length, 0);
    assert.equal(redo(s), s);
  });

  it('keeps at most HISTORY_LIMIT steps (or the limit passed), dropping the oldest', () => {
    let s = ready();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) s = assign(s, ['a1'], i % 2 ? 'r1' : 'r2', `step ${i}`);
    assert.equal(s.past.length, HISTORY_LIMIT);
    assert.equal(s.past[0].label, 'step 5');
    let t = ready();
    for (let i = 0; i < 4; i++) t = assign(t, ['a1'], i % 2 ? 'r1' : 'r2', `s${i}`, 2);
    assert.deepEqual(t.past.map((e) => e.label), ['s2', 's3']);
    t = undo(undo(t));
    assert.equal(undo(t), t, 'only two steps could be undone');
  });
});

describe('save updaters', () => {
  it('moves only saved changes into current; failed and conflict stay pending', () => {
    let s = assign(ready(), ['a1', 'a2', 'a3'], 'r2');
    const changes = pendingChanges(s);
    s = saveStarted(s);
    assert.equal(s.saving, true);
    s = saveFinished(s, changes, [
      { accountId: 'a1', status: 'saved' },
      { accountId: 'a2', status: 'failed', code: 'UNABLE_TO_LOCK_ROW' },
    ]);
    assert.equal(s.saving, false);
    assert.equal(s.current.a1, 'r2');
    assert.equal(s.accounts.find((a) => a.id === 'a1')!.ownerId, 'r2');
    assert.deepEqual(pendingChanges(s).map((c) => c.accountId), ['a2', 'a3']);
    assert.deepEqual(s.lastSave!.map((o) => [o.accountId, o.status, o.code]), [
      ['a1', 'saved', undefined],
      ['a2', 'failed', 'UNABLE_TO_LOCK_ROW'],
      ['a3', 'failed', 'NO_OUTCOME'],
    ]);
  });
});

describe('selectors', () => {
  it('pendingChanges is memoised until the inputs are replaced', () => {
    const s = assign(ready(), ['a1'], 'r2');
    assert.equal(pendingChanges(s), pendingChanges({ ...s, selection: ['a1'] }));
    assert.notEqual(pendingChanges(s), pendingChanges(assign(s, ['a2'], 'r2')));
  });

  it('planEvaluation reflects the working plan and is memoised', () => {
    let s = ready();
    const ev = planEvaluation(s);
    assert.equal(ev, planEvaluation({ ...s, selection: ['a1'] }));
    assert.equal(ev.byRep.r1.workload, 6);
    assert.equal(ev.byRep.r1.target.workload, 4);
    s = assign(s, ['a1'], 'r2');
    assert.equal(planEvaluation(s).byRep.r2.potential, 700);
  });
});
