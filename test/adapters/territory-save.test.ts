// Territories saved through the adapter (issue #14): memory in memory, REST by POST /territories:batch.
// Every territory change ends saved, failed or conflict, within the save deadline.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { createRestAdapter } from '../../src/adapters/rest/adapter.js';
import { startRestEmulator } from '../emulators/rest/server.js';
import type { Territory } from '../../src/model/territory.js';
import { installFakeClock, settleWithin, until } from '../helpers/fake-clock.js';

const west = { id: 't-west', name: 'West', repIds: ['r1'], priority: 0, definition: { regions: ['CA'] } };
const east = { id: 't-east', name: 'East', repIds: [], priority: 0, definition: { rules: { industries: ['Retail'] } } };
const reps = [{ id: 'r1', name: 'Ana' }];

describe('saveTerritories: memory', () => {
  it('saves upserts and deletes, a later load sees them, capabilities say so', async () => {
    const adapter = createMemoryAdapter({ accounts: [], reps, territories: [west, east] });
    assert.equal((await adapter.capabilities()).canWriteTerritories, true);
    const { territories } = await adapter.load();
    const changed: Territory = { ...territories[0], name: 'West Coast', definition: { regions: ['CA', 'OR'] } };
    const created: Territory = { id: 't-new', name: 'Drawn', repIds: ['r1'], priority: 1, definition: { geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } } };
    const out = await adapter.saveTerritories!([
      { id: 't-west', territory: changed },
      { id: 't-new', territory: created },
      { id: 't-east', territory: null },
    ]);
    assert.deepEqual(out.map((o) => [o.territoryId, o.status]), [['t-west', 'saved'], ['t-new', 'saved'], ['t-east', 'saved']]);
    assert.ok(out[0].lastModified && out[1].lastModified, 'saved upserts carry the new stamp');
    const again = await adapter.load();
    assert.deepEqual(again.territories.map((t) => [t.id, t.name]), [['t-west', 'West Coast'], ['t-new', 'Drawn']]);
    assert.deepEqual(again.territories[0].definition.regions, ['CA', 'OR']);
    assert.equal(again.territories[0].lastModified, out[0].lastModified);
  });

  it('conflict when the CRM copy moved on; failed INVALID naming the field; READ_ONLY without the capability', async () => {
    const adapter = createMemoryAdapter({ accounts: [], reps, territories: [west] });
    const [loaded] = (await adapter.load()).territories;
    adapter.touchTerritory('t-west', { name: 'Edited elsewhere' });
    const [conflict] = await adapter.saveTerritories!([{ id: 't-west', territory: { ...loaded, name: 'Mine' }, lastModified: loaded.lastModified }]);
    assert.equal(conflict.status, 'conflict');
    assert.equal(conflict.code, 'STALE');
    assert.equal(adapter.snapshot().territories[0].name, 'Edited elsewhere', 'a conflict writes nothing');
    const [bad] = await adapter.saveTerritories!([{ id: 't-x', territory: { ...loaded, id: 't-x', color: 'red' } as Territory }]);
    assert.equal(bad.status, 'failed');
    assert.equal(bad.code, 'INVALID');
    assert.match(bad.message ?? '', /color/);
    const readOnly = createMemoryAdapter({ accounts: [], reps, territories: [west], canWriteTerritories: false });
    assert.equal((await readOnly.capabilities()).canWriteTerritories, false);
    assert.deepEqual((await readOnly.saveTerritories!([{ id: 't-west', territory: loaded }])).map((o) => o.code), ['READ_ONLY']);
  });

  it('ends by the save deadline: a slow store makes territories fail TIMEOUT, never saved', async () => {
    // On a fake clock: the deadline (50 ms) and the store's latency (400 ms) race exactly, however busy the machine.
    const clock = installFakeClock();
    try {
      const adapter = createMemoryAdapter({ accounts: [], reps, territories: [west], latencyMs: 400, saveDeadlineMs: 50, requestTimeoutMs: 100 });
      const { value: out, elapsedMs } = await settleWithin(clock, adapter.saveTerritories!([{ id: 't-new', territory: { ...west, id: 't-new' } }]), 50 + 100);
      assert.ok(elapsedMs >= 50, `not before the deadline (${elapsedMs} ms)`);
      assert.equal(out[0].status, 'failed');
      assert.equal(out[0].code, 'TIMEOUT');
      assert.equal(adapter.snapshot().territories.length, 1, 'nothing written');
      await clock.tickAsync(400);
      assert.equal(adapter.snapshot().territories.length, 1, 'nothing written once the slow store would have answered');
    } finally {
      clock.uninstall();
    }
  });
});

describe('saveTerritories: REST', () => {
  it('POST /territories:batch with expectedLastModified: saved, conflict, failed; the next load sees the writes', async () => {
    const emu = await startRestEmulator({ reps, territories: [west, east] });
    try {
      const adapter = createRestAdapter({ baseUrl: emu.url });
      assert.equal((await adapter.capabilities()).canWriteTerritories, true);
      await adapter.load();
      emu.touchTerritory('t-east', { name: 'East (edited elsewhere)' });
      const out = await adapter.saveTerritories!([
        { id: 't-west', territory: { ...west, name: 'West Coast' } as Territory },
        { id: 't-east', territory: { ...east, name: 'Mine' } as Territory },
        { id: 't-bad', territory: { id: 't-bad' } as unknown as Territory },
      ]);
      assert.deepEqual(out.map((o) => [o.territoryId, o.status, o.code]), [['t-west', 'saved', undefined], ['t-east', 'conflict', 'STALE'], ['t-bad', 'failed', 'INVALID']]);
      assert.equal(emu.count('POST', '/territories:batch'), 1);
      const { territories } = await adapter.load();
      assert.deepEqual(territories.map((t) => t.name), ['West Coast', 'East (edited elsewhere)']);
      assert.equal(territories[0].lastModified, out[0].lastModified);
      // Saving again with the stale (pre-save) stamp is a conflict; with the new one it is saved.
      const [stale] = await adapter.saveTerritories!([{ id: 't-west', territory: territories[0] }]);
      assert.equal(stale.status, 'conflict');
      const [fresh] = await adapter.saveTerritories!([{ id: 't-west', territory: { ...territories[0], name: 'W' }, lastModified: territories[0].lastModified }]);
      assert.equal(fresh.status, 'saved');
    } finally {
      await emu.close();
    }
  });

  it('a server that never answers: the save ends by its deadline, failed and never saved', async () => {
    // On a fake clock: the 100 ms request timeout cannot fire during the set-up load on a busy
    // machine, and the save's bound is checked exactly once the server has taken the write.
    const clock = installFakeClock();
    const emu = await startRestEmulator({ reps, territories: [west] });
    try {
      const adapter = createRestAdapter({ baseUrl: emu.url, saveDeadlineMs: 150, requestTimeoutMs: 100, retry: { retries: 0 } });
      await adapter.load();
      emu.inject({ kind: 'apply-then-hang', path: '/territories:batch', times: 10 });
      const saving = adapter.saveTerritories!([{ id: 't-west', territory: { ...west, name: 'X' } as Territory }]);
      await until(clock, () => emu.writes.get('territory:t-west') === 1, 'the server applied the write and hangs');
      const { value: [o] } = await settleWithin(clock, saving, 150 + 100);
      assert.equal(o.status, 'failed');
      assert.equal(o.code, 'UNKNOWN_OUTCOME', 'written but never answered: the outcome is unknown, not saved');
      assert.match(o.message ?? '', /may or may not be written/);
    } finally {
      await emu.close();
      clock.uninstall();
    }
  });

  // The save deadline, not the request timeout, cuts off a request the server already applied: the outcome
  // is unknown (it was written), never "not written".
  it('a server that never answers while the save deadline is the shorter limit: unknown outcome, not "not written"', async () => {
    const clock = installFakeClock();
    const emu = await startRestEmulator({ reps, territories: [west] });
    try {
      const adapter = createRestAdapter({ baseUrl: emu.url, saveDeadlineMs: 150, requestTimeoutMs: 1000, retry: { retries: 0 } });
      await adapter.load();
      emu.inject({ kind: 'apply-then-hang', path: '/territories:batch', times: 10 });
      const saving = adapter.saveTerritories!([{ id: 't-west', territory: { ...west, name: 'X' } as Territory }]);
      await until(clock, () => emu.writes.get('territory:t-west') === 1, 'the server applied the write and hangs');
      const { value: [o], elapsedMs } = await settleWithin(clock, saving, 150 + 1000);
      assert.ok(elapsedMs >= 150, `not before the deadline (${elapsedMs} ms)`);
      assert.equal(o.status, 'failed');
      assert.equal(o.code, 'UNKNOWN_OUTCOME', 'the deadline cut off a write the server applied');
    } finally {
      await emu.close();
      clock.uninstall();
    }
  });

  it('canWriteTerritories: false keeps territories out of the CRM (READ_ONLY, nothing sent)', async () => {
    let sent = 0;
    const adapter = createRestAdapter({ baseUrl: 'https://crm.example/api', canWriteTerritories: false, fetch: async () => (sent++, new Response('{}')) });
    assert.equal((await adapter.capabilities()).canWriteTerritories, false);
    assert.deepEqual((await adapter.saveTerritories!([{ id: 't', territory: west as Territory }])).map((o) => o.code), ['READ_ONLY']);
    assert.equal(sent, 0);
  });
});
