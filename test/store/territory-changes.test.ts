// Pending territory changes: state.territories against the base (as loaded / last saved) (#14).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPlanState } from '../../src/store/create-plan-state.js';
import { loadSucceeded, loadStarted } from '../../src/store/load.js';
import { setTerritories } from '../../src/store/edit.js';
import { pendingTerritoryChanges, territoriesSaved } from '../../src/store/territory-changes.js';
import type { Territory } from '../../src/model/territory.js';

const west: Territory = { id: 't-west', name: 'West', repIds: ['r1'], priority: 0, definition: { regions: ['CA'] }, lastModified: '2026-01-01T00:00:00.000Z' };
const east: Territory = { id: 't-east', name: 'East', repIds: [], priority: 0, definition: {} };

function loaded() {
  return loadSucceeded(loadStarted(createPlanState()), { accounts: [], reps: [{ id: 'r1', name: 'Ana', active: true, skills: [] } as never], territories: [west, east], rejected: [] }, { canWrite: true, canWriteTerritories: true, system: 'memory' });
}

describe('pendingTerritoryChanges', () => {
  it('is empty right after a load, and for a copy with the same content in another key order', () => {
    const s = loaded();
    assert.deepEqual(pendingTerritoryChanges(s), []);
    const reordered = { definition: { regions: ['CA'] }, priority: 0, repIds: ['r1'], name: 'West', id: 't-west' } as Territory;
    assert.deepEqual(pendingTerritoryChanges(setTerritories(s, [reordered, east], 'same')), []);
  });

  it('lists changed and new territories as upserts with the base stamp, removed ones as deletes', () => {
    const s = loaded();
    const drawn: Territory = { id: 't-new', name: 'Drawn', repIds: [], priority: 0, definition: { regions: ['NV'] } };
    const next = setTerritories(s, [{ ...west, definition: { regions: ['CA', 'OR'] } }, drawn], 'edit');
    assert.deepEqual(pendingTerritoryChanges(next), [
      { id: 't-west', territory: { ...west, definition: { regions: ['CA', 'OR'] } }, lastModified: west.lastModified },
      { id: 't-new', territory: drawn },
      { id: 't-east', territory: null },
    ]);
  });

  it('territoriesSaved: saved ones leave the pending list with the new stamp; a conflict stays pending', () => {
    const s = loaded();
    const next = setTerritories(s, [{ ...west, name: 'W' }, { ...east, name: 'E' }], 'rename');
    const changes = pendingTerritoryChanges(next);
    const after = territoriesSaved(next, changes, [
      { territoryId: 't-west', status: 'saved', lastModified: '2026-02-02T00:00:00.000Z' },
      { territoryId: 't-east', status: 'conflict', code: 'STALE' },
    ]);
    const left = pendingTerritoryChanges(after);
    assert.deepEqual(left.map((c) => c.id), ['t-east']);
    assert.equal(after.lastTerritorySave?.length, 2);
    // An edit after the save uses the new stamp as its base.
    const again = pendingTerritoryChanges(setTerritories(after, [{ ...west, name: 'W2' }, { ...east, name: 'E' }], 'again'));
    assert.equal(again.find((c) => c.id === 't-west')?.lastModified, '2026-02-02T00:00:00.000Z');
  });
});
