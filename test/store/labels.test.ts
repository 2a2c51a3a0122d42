import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyQuotas,
  applyScenario,
  assign,
  createPlanState,
  createScenario,
  discard,
  duplicateScenario,
  historyLabelEnglish,
  loadStarted,
  loadSucceeded,
  parseStoredPlan,
  redo,
  renameScenario,
  restoreWorkingPlan,
  scenarioNameEnglish,
  serialiseWorkingPlan,
  setTerritories,
  undo,
} from '../../src/store/index.js';
import { smallLoad } from '../helpers/plan-fixture.js';

const NOW = new Date('2026-12-06T06:00:00Z');
const load = () => loadSucceeded(loadStarted(createPlanState({})), smallLoad(), null);

describe('default undo labels as data', () => {
  it('assign without a label keeps the English label and its parts; a caller label has no parts', () => {
    const s = assign(load(), ['a1', 'a2'], 'r2');
    assert.deepEqual(s.past.at(-1)!.labelParts, { kind: 'assign', count: 2 });
    assert.equal(s.past.at(-1)!.label, 'Assign 2 accounts');
    const one = assign(load(), ['a1'], 'r2');
    assert.equal(one.past.at(-1)!.label, 'Assign 1 account');
    const given = assign(load(), ['a1'], 'r2', 'Zuweisen');
    assert.equal(given.past.at(-1)!.label, 'Zuweisen');
    assert.equal('labelParts' in given.past.at(-1)!, false);
  });

  it('undo and redo carry the parts with the label', () => {
    const s = assign(load(), ['a1'], 'r2');
    const u = undo(s);
    assert.deepEqual(u.future[0].labelParts, { kind: 'assign', count: 1 });
    assert.equal(u.future[0].label, 'Assign 1 account');
    const r = redo(u);
    assert.deepEqual(r.past.at(-1)!.labelParts, { kind: 'assign', count: 1 });
  });

  it('quotas, scenario apply and restore have parts too', () => {
    const d = discard(assign(load(), ['a1'], 'r2', 'Mine'));
    assert.deepEqual(d.past.at(-1)!.labelParts, { kind: 'discard' });
    assert.equal(d.past.at(-1)!.label, 'Discard unsaved changes');

    const q = applyQuotas(load(), '2027-01-01', [{ repId: 'r1', amount: 5 }]);
    assert.deepEqual(q.past.at(-1)!.labelParts, { kind: 'set-quotas', count: 1, period: '2027-01-01' });
    assert.equal(q.past.at(-1)!.label, 'Set 1 quota for 2027-01-01');

    let s = duplicateScenario(load(), 'plan', { now: NOW });
    const nameParts = { kind: 'rebalanced', objective: 'disruption', maxMoves: 5, of: 'Working plan', ofParts: { kind: 'first' } } as const;
    s = createScenario(s, { name: scenarioNameEnglish(nameParts), nameParts, assignments: { a1: 'r2' }, now: NOW });
    const applied = applyScenario(s, s.scenarios[2].id);
    assert.equal(applied.past.at(-1)!.label, 'Apply scenario "Rebalanced (≤ 5 moves) from Working plan"');
    assert.deepEqual(applied.past.at(-1)!.labelParts, {
      kind: 'apply-scenario',
      name: 'Rebalanced (≤ 5 moves) from Working plan',
      nameParts: { kind: 'rebalanced', objective: 'disruption', maxMoves: 5, of: 'Working plan', ofParts: { kind: 'first' } },
    });

    const edited = setTerritories(assign(load(), ['a1', 'a2'], 'r2'), [{ ...load().territories[0], name: 'Far West' }], 'Rename');
    const stored = parseStoredPlan(serialiseWorkingPlan(edited, 't', { loadedTerritories: load().territories }), 't').plan!;
    const restored = restoreWorkingPlan(load(), stored).state;
    assert.deepEqual(restored.past.at(-1)!.labelParts, { kind: 'restore', changes: 2, territories: true, quotas: false });
    assert.equal(restored.past.at(-1)!.label, 'Restore 2 unsaved changes and territory edits');
  });

  it('the English of each kind', () => {
    assert.equal(historyLabelEnglish({ kind: 'restore', changes: 1, territories: true, quotas: true }), 'Restore 1 unsaved change, territory edits and quotas');
    assert.equal(historyLabelEnglish({ kind: 'restore', changes: 0, territories: false, quotas: true }), 'Restore quotas');
    assert.equal(historyLabelEnglish({ kind: 'apply-scenario', name: 'Plan B' }), 'Apply scenario "Plan B"');
    assert.equal(scenarioNameEnglish({ kind: 'copy', of: 'x', ofParts: { kind: 'copy', of: 'y', ofParts: { kind: 'first' } } }), 'Working plan (copy) (copy)');
    assert.equal(scenarioNameEnglish({ kind: 'copy', of: 'Plan B' }), 'Plan B (copy)');
    assert.equal(scenarioNameEnglish({ kind: 'rebalanced', objective: 'compactness', maxMoves: null, of: 'Plan B' }), 'Compact from Plan B');
    assert.equal(scenarioNameEnglish({ kind: 'rebalanced', objective: 'disruption', maxMoves: null, of: 'Plan B' }), 'Rebalanced from Plan B');
  });
});

describe('default scenario names as data', () => {
  it('the first scenario and a duplicate carry how their name was made; a typed name has none', () => {
    let s = duplicateScenario(load(), 'plan', { now: NOW });
    assert.deepEqual(s.scenarios.map((x) => [x.name, x.nameParts]), [
      ['Working plan', { kind: 'first' }],
      ['Working plan (copy)', { kind: 'copy', of: 'Working plan', ofParts: { kind: 'first' } }],
    ]);
    assert.equal(JSON.stringify(s.scenarios[1].nameParts), '{"kind":"copy","of":"Working plan","ofParts":{"kind":"first"}}');
    s = duplicateScenario(s, 'plan', { name: 'Plan B', now: NOW });
    assert.equal(s.scenarios[2].name, 'Plan B');
    assert.equal(s.scenarios[2].nameParts, undefined);
    s = renameScenario(s, 's2', 'Mine');
    assert.equal(s.scenarios[1].name, 'Mine');
    assert.equal(s.scenarios[1].nameParts, undefined, 'renaming makes the name the user’s');
  });

  it('default names survive the stored unsaved work; a bad description is dropped, the name kept', () => {
    const s = duplicateScenario(assign(load(), ['a1'], 'r2'), 'plan', { now: NOW });
    const text = serialiseWorkingPlan(s, 't')!;
    const back = restoreWorkingPlan(load(), parseStoredPlan(text, 't').plan!).state;
    assert.deepEqual(back.scenarios.map((x) => x.nameParts), [{ kind: 'first' }, { kind: 'copy', of: 'Working plan', ofParts: { kind: 'first' } }]);
    const raw = JSON.parse(text);
    raw.scenarios[1].nameParts = { kind: 'copy', of: 'Working plan', ofParts: { kind: 'nonsense' } };
    raw.scenarios[0].nameParts = { kind: 'rebalanced', objective: 'x', maxMoves: 1, of: 'y' };
    const parsed = parseStoredPlan(JSON.stringify(raw), 't').plan!;
    assert.deepEqual(parsed.scenarios!.map((x) => [x.name, x.nameParts]), [['Working plan', undefined], ['Working plan (copy)', undefined]]);
  });
});
