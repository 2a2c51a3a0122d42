import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPlanState, loadStarted, loadSucceeded, previewAssignments, focusTerritory, applyAssignments, type PlanState } from '../../src/store/index.js';
import { smallLoad } from '../helpers/plan-fixture.js';

const ready = (): PlanState => loadSucceeded(loadStarted(createPlanState()), smallLoad(), null);

describe('previewAssignments', () => {
  it('holds a proposed plan without editing: working, history and pending changes stay as they were', () => {
    const s = ready();
    const p = previewAssignments(s, { a1: 'r2', a5: 'r1', ghost: 'r1' });
    assert.deepEqual({ ...p.previewAssignments }, { a1: 'r2', a5: 'r1' }); // unknown ids dropped
    assert.equal(p.working, s.working);
    assert.equal(p.past, s.past);
    const cleared = previewAssignments(p, null);
    assert.equal(cleared.previewAssignments, null);
    assert.equal(previewAssignments(cleared, null), cleared);
  });

  it('survives an edit (the map then shows only what still differs) and is dropped by a reload', () => {
    const p = previewAssignments(ready(), { a1: 'r2' });
    const applied = applyAssignments(p, { a1: 'r2' }, 'Rebalance');
    assert.deepEqual({ ...applied.previewAssignments }, { a1: 'r2' });
    assert.equal(loadSucceeded(loadStarted(applied), smallLoad(), null).previewAssignments, null);
  });
});

describe('focusTerritory', () => {
  it('focuses a known territory, clears with null, rejects unknown ids', () => {
    const s = ready();
    const f = focusTerritory(s, 't2');
    assert.equal(f.focusTerritoryId, 't2');
    assert.equal(focusTerritory(f, 't2'), f);
    assert.equal(focusTerritory(f, null).focusTerritoryId, null);
    assert.throws(() => focusTerritory(s, 'nope'), /unknown territory id "nope"/);
  });
});
