import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyScenario,
  assign,
  createPlanState,
  createScenario,
  duplicateScenario,
  exportScenarios,
  listScenarios,
  loadStarted,
  loadSucceeded,
  parseStoredPlan,
  pendingChanges,
  redo,
  removeScenario,
  renameScenario,
  restoreWorkingPlan,
  scenarioAssignments,
  serialiseWorkingPlan,
  storedPlanDiffers,
  switchScenario,
  undo,
} from '../../src/store/index.js';
import type { PlanState } from '../../src/store/index.js';
import { account, smallLoad } from '../helpers/plan-fixture.js';

const NOW = new Date('2026-12-06T06:00:00Z');
const load = (data = smallLoad(), role?: 'rep') => loadSucceeded(loadStarted(createPlanState(role ? { role, repId: 'r1' } : {})), data, null);
const owners = (s: PlanState, id: string) => ({ ...scenarioAssignments(s, id)! });

describe('scenarios', () => {
  it('duplicating makes the working plan the first scenario and adds a copy with its unsaved edits', () => {
    let s = assign(load(), ['a3'], 'r2');
    assert.equal(listScenarios(s).length, 1, 'the working plan alone, before any is made');
    s = duplicateScenario(s, 'plan', { now: NOW });
    assert.deepEqual(s.scenarios.map((x) => [x.id, x.name]), [['plan', 'Working plan'], ['s2', 'Working plan (copy)']]);
    assert.equal(s.activeScenarioId, 'plan');
    assert.equal(owners(s, 's2').a3, 'r2', 'the copy carries the unsaved edit');
    assert.equal(Object.getPrototypeOf(s.scenarios[1].assignments), null);
    assert.notEqual(s.scenarios[1].assignments, s.working, 'a copy, not the same object');
    assert.equal(s.scenarios[1].createdAt, NOW.toISOString());
  });

  it('switching keeps each scenario\'s edits and undo history', () => {
    let s = duplicateScenario(load(), 'plan', { name: 'B' });
    s = assign(s, ['a1'], 'r2', 'Move a1'); // on "plan"
    s = switchScenario(s, 's2');
    assert.equal(s.working.a1, 'r1', 'B has not got the edit made on the working plan');
    assert.equal(s.past.length, 0, 'B has its own (empty) history');
    s = assign(s, ['a4'], 'r1', 'Move a4');
    assert.deepEqual(pendingChanges(s).map((c) => c.accountId), ['a4']);
    s = switchScenario(s, 'plan');
    assert.equal(s.working.a1, 'r2');
    assert.equal(s.working.a4, 'r2');
    assert.equal(owners(s, 's2').a4, 'r1', 'B kept its edit while inactive');
    s = undo(s);
    assert.equal(s.working.a1, 'r1', 'the working plan\'s own undo step came back with it');
    s = switchScenario(redo(s), 's2');
    s = undo(s);
    assert.equal(s.working.a4, 'r2', 'B\'s undo step too');
  });

  it('applying a scenario is one undoable step on the first scenario', () => {
    let s = duplicateScenario(load(), 'plan', { name: 'Alt' });
    s = switchScenario(s, 's2');
    s = assign(s, ['a1', 'a2'], 'r2');
    s = applyScenario(s, 's2');
    assert.equal(s.activeScenarioId, 'plan');
    assert.equal(s.working.a1, 'r2');
    assert.equal(s.working.a2, 'r2');
    assert.equal(s.past.at(-1)!.label, 'Apply scenario "Alt"');
    assert.deepEqual(pendingChanges(s).map((c) => c.accountId), ['a1', 'a2']);
    s = undo(s);
    assert.deepEqual(pendingChanges(s), [], 'undo restores the working plan as it was');
    assert.equal(owners(s, 's2').a1, 'r2', 'the scenario itself is untouched');
  });

  it('renames, refuses empty names, removes all but the active one, and refuses in the rep role', () => {
    let s = duplicateScenario(load(), 'plan');
    s = renameScenario(s, 's2', '  Budget 2  ', 'at most 2 moves');
    assert.equal(s.scenarios[1].name, 'Budget 2');
    assert.equal(s.scenarios[1].note, 'at most 2 moves');
    assert.throws(() => renameScenario(s, 's2', '   '), /renameScenario: scenario name must not be empty/);
    assert.equal(removeScenario(s, 'plan'), s, 'the active scenario stays');
    assert.deepEqual(removeScenario(s, 's2').scenarios.map((x) => x.id), ['plan']);
    const partial = createScenario(assign(load(), ['a3'], 'r2'), { name: 'P', assignments: Object.assign(Object.create(null), { a1: 'r2' }) });
    assert.deepEqual(owners(partial, 's2'), { a1: 'r2', a2: 'r1', a3: 'r2', a4: 'r2', a5: null }, 'accounts left out keep their working owner');
    const rep = load(undefined, 'rep');
    assert.equal(createScenario(rep, { name: 'X' }), rep);
    assert.throws(() => createScenario(load(), { name: 'X', assignments: Object.assign(Object.create(null), { a1: 'nobody' }) }), /account "a1".*unknown rep id "nobody"/);
  });

  it('persists scenarios with the unsaved work and brings them back after a reload', () => {
    let s = duplicateScenario(load(), 'plan', { name: 'Alt' });
    s = switchScenario(s, 's2');
    s = assign(s, ['a1'], 'r2');
    s = switchScenario(s, 'plan');
    s = assign(s, ['a5'], 'r1');
    const text = serialiseWorkingPlan(s, 'test:1', { now: NOW })!;
    const parsed = parseStoredPlan(text, 'test:1');
    assert.ok(parsed.plan);
    assert.equal(parsed.dropped, 0);
    const fresh = load();
    assert.equal(storedPlanDiffers(fresh, parsed.plan), true);
    const { state } = restoreWorkingPlan(fresh, parsed.plan);
    assert.deepEqual(state.scenarios.map((x) => [x.id, x.name]), [['plan', 'Working plan'], ['s2', 'Alt']]);
    assert.equal(state.activeScenarioId, 'plan');
    assert.equal(state.working.a5, 'r1');
    assert.equal(owners(state, 's2').a1, 'r2');
    assert.equal(owners(state, 's2').a5, null, 'Alt does not get the working plan\'s edit');
    // Scenarios alone (no pending change) are unsaved work too.
    const only = duplicateScenario(load(), 'plan');
    assert.notEqual(serialiseWorkingPlan(only, 'test:1'), null);
    assert.equal(restoreWorkingPlan(load(), parseStoredPlan(serialiseWorkingPlan(only, 'test:1'), 'test:1').plan!).state.scenarios.length, 2);
  });

  it('keeps `__proto__` as an ordinary account and scenario id through duplicate, apply, storage and export', () => {
    const data = smallLoad();
    data.accounts.push(account('__proto__', 'r1', { potential: 50 }));
    let s = createScenario(load(data), { name: 'Proto', id: '__proto__' });
    s = switchScenario(s, '__proto__');
    s = assign(s, ['__proto__'], 'r2');
    assert.equal(Object.getPrototypeOf(s.working), null);
    assert.equal(owners(s, '__proto__')['__proto__'], 'r2');
    const restored = restoreWorkingPlan(load(data), parseStoredPlan(serialiseWorkingPlan(s, 'test:1'), 'test:1').plan!).state;
    assert.equal(restored.activeScenarioId, '__proto__');
    assert.equal(Object.hasOwn(restored.working, '__proto__'), true);
    assert.equal(restored.working['__proto__'], 'r2');
    assert.equal(Object.getPrototypeOf(restored.scenarios[0].assignments), null);
    const applied = applyScenario(restored, '__proto__');
    assert.equal(applied.working['__proto__'], 'r2');
    const exported = JSON.parse(exportScenarios(s, NOW));
    assert.equal(exported.scenarios[1].id, '__proto__');
    assert.equal(Object.hasOwn(exported.scenarios[1].assignments, '__proto__'), true);
    assert.deepEqual(exported.scenarios[1].changes, [{ accountId: '__proto__', from: 'r1', to: 'r2' }]);
  });

  it('drops a corrupt stored scenario (counted) but keeps the rest of the plan', () => {
    const s = duplicateScenario(load(), 'plan');
    const raw = JSON.parse(serialiseWorkingPlan(s, 'test:1')!);
    raw.scenarios.push({ id: '', name: 'bad' }, { id: 's9', name: 'ok', createdAt: 'x', changes: [{ accountId: 'a1' }] });
    const parsed = parseStoredPlan(JSON.stringify(raw), 'test:1');
    assert.ok(parsed.plan);
    assert.deepEqual(parsed.plan.scenarios!.map((x) => x.id), ['plan', 's2', 's9']);
    assert.equal(parsed.dropped, 2, 'the bad scenario and the bad change');
  });
});
