// Quotas saved through the adapter (issue #17): memory in memory, REST by GET /quotas + POST /quotas:batch.
// Every quota change ends saved, failed or conflict within the save deadline; failures name rep, period and field.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { createRestAdapter } from '../../src/adapters/rest/adapter.js';
import { validateQuotaOutcomes } from '../../src/adapters/shared/quota-save-guard.js';
import { startRestEmulator, touchQuota } from '../emulators/rest/server.js';
import { createPlanState } from '../../src/store/create-plan-state.js';
import { loadSucceeded } from '../../src/store/load.js';
import { applyQuotas, pendingQuotaChanges } from '../../src/store/quotas.js';
import { quotaChangesToSave, quotasSaved } from '../../src/store/quota-save.js';
import { installFakeClock, settleWithin, until } from '../helpers/fake-clock.js';

const reps = [{ id: 'r1', name: 'Ana Ruiz' }, { id: 'r2', name: 'Ben Cole' }, { id: 'r3', name: 'Cy Diaz' }];
const Q1 = '2027-01-01';

describe('saveQuotas: memory', () => {
  it('loads the held quotas, inserts, updates, removes, and a later load sees them', async () => {
    const adapter = createMemoryAdapter({ accounts: [], reps, quotas: [{ repId: 'r1', period: Q1, amount: 400 }, { repId: 'r3', period: Q1, amount: 100 }] });
    assert.equal((await adapter.capabilities()).canWriteQuotas, true);
    const loaded = await adapter.load();
    assert.deepEqual(loaded.quotas, [{ repId: 'r1', period: Q1, amount: 400 }, { repId: 'r3', period: Q1, amount: 100 }]);
    const out = await adapter.saveQuotas!([
      { repId: 'r1', period: Q1, from: 400, to: 450 },
      { repId: 'r2', period: Q1, from: null, to: 300 },
      { repId: 'r3', period: Q1, from: 100, to: null },
    ]);
    assert.deepEqual(out.map((o) => [o.repId, o.period, o.status]), [['r1', Q1, 'saved'], ['r2', Q1, 'saved'], ['r3', Q1, 'saved']]);
    assert.deepEqual((await adapter.load()).quotas, [{ repId: 'r1', period: Q1, amount: 450 }, { repId: 'r2', period: Q1, amount: 300 }]);
  });

  it('conflict when the CRM amount changed since load (nothing written); saved without writing when it already holds the amount', async () => {
    const adapter = createMemoryAdapter({ accounts: [], reps, quotas: [{ repId: 'r1', period: Q1, amount: 400 }] });
    await adapter.load();
    adapter.touchQuota('r1', Q1, 420);
    const [conflict] = await adapter.saveQuotas!([{ repId: 'r1', period: Q1, from: 400, to: 500 }]);
    assert.equal(conflict.status, 'conflict');
    assert.equal(conflict.code, 'STALE');
    assert.match(conflict.message ?? '', /Ana Ruiz \(r1\).*2027-01-01.*now 420/);
    assert.deepEqual(adapter.quotas(), [{ repId: 'r1', period: Q1, amount: 420 }], 'a conflict writes nothing');
    const [same] = await adapter.saveQuotas!([{ repId: 'r1', period: Q1, from: 400, to: 420 }]);
    assert.equal(same.status, 'saved', 'already held: re-sending is harmless');
  });

  it('failures name the rep, period and field; READ_ONLY without the capability; ends by the deadline', async () => {
    const adapter = createMemoryAdapter({ accounts: [], reps });
    const out = await adapter.saveQuotas!([
      { repId: 'r1', period: '2027-1-1', from: null, to: 5 },
      { repId: 'r2', period: Q1, from: null, to: 1.5 },
      { repId: 'nobody', period: Q1, from: null, to: 5 },
      { repId: 'r2', period: Q1, from: null, to: 7 },
      { repId: 'r2', period: Q1, from: null, to: 8 },
    ]);
    assert.deepEqual(out.map((o) => [o.status, o.code]), [['failed', 'INVALID_CHANGE'], ['failed', 'INVALID_CHANGE'], ['failed', 'INVALID_OWNER'], ['saved', undefined], ['failed', 'DUPLICATE_CHANGE']]);
    assert.match(out[0].message ?? '', /Ana Ruiz \(r1\).*field period/);
    assert.match(out[1].message ?? '', /Ben Cole \(r2\) for the period starting 2027-01-01: field amount/);
    assert.match(out[2].message ?? '', /nobody.*field repId/);

    const readOnly = createMemoryAdapter({ accounts: [], reps, canWriteQuotas: false });
    assert.equal((await readOnly.capabilities()).canWriteQuotas, false);
    assert.deepEqual((await readOnly.saveQuotas!([{ repId: 'r1', period: Q1, from: null, to: 5 }])).map((o) => o.code), ['READ_ONLY']);

  });

  it('ends by the save deadline: a slow store makes quotas fail TIMEOUT, never saved', async () => {
    // On a fake clock: the deadline (50 ms) and the store's latency (400 ms) race exactly, however busy the machine.
    const clock = installFakeClock();
    try {
      const slow = createMemoryAdapter({ accounts: [], reps, latencyMs: 400, saveDeadlineMs: 50, requestTimeoutMs: 100 });
      const { value: [late], elapsedMs } = await settleWithin(clock, slow.saveQuotas!([{ repId: 'r1', period: Q1, from: null, to: 5 }]), 50 + 100);
      assert.ok(elapsedMs >= 50, `not before the deadline (${elapsedMs} ms)`);
      assert.deepEqual([late.status, late.code], ['failed', 'TIMEOUT']);
      assert.deepEqual(slow.quotas(), [], 'nothing written');
      await clock.tickAsync(400);
      assert.deepEqual(slow.quotas(), [], 'nothing written once the slow store would have answered');
    } finally {
      clock.uninstall();
    }
  });
});

describe('saveQuotas: REST', () => {
  it('GET /quotas loads the base; POST /quotas:batch saves, conflicts, fails naming the field; the next load sees the writes', async () => {
    const emu = await startRestEmulator({ reps, quotas: [{ repId: 'r1', period: Q1, amount: 400 }, { repId: 'r2', period: Q1, amount: 200 }] });
    try {
      const adapter = createRestAdapter({ baseUrl: emu.url, quotas: true });
      assert.equal((await adapter.capabilities()).canWriteQuotas, true);
      const { quotas } = await adapter.load();
      assert.deepEqual(quotas, [{ repId: 'r1', period: Q1, amount: 400 }, { repId: 'r2', period: Q1, amount: 200 }]);
      touchQuota(emu, 'r2', Q1, 250);
      const out = await adapter.saveQuotas!([
        { repId: 'r1', period: Q1, from: 400, to: 450 },
        { repId: 'r2', period: Q1, from: 200, to: 300 },
        { repId: 'ghost', period: Q1, from: null, to: 10 },
        { repId: 'r3', period: '2027-13-01', from: null, to: 10 },
      ]);
      assert.deepEqual(out.map((o) => [o.repId, o.status, o.code]), [['r1', 'saved', undefined], ['r2', 'conflict', 'STALE'], ['ghost', 'failed', 'UNKNOWN_REP'], ['r3', 'failed', 'INVALID_CHANGE']]);
      assert.match(out[3].message ?? '', /Cy Diaz \(r3\).*field period/);
      assert.equal(emu.count('POST', '/quotas:batch'), 1, 'one batch; the malformed change is never sent');
      assert.deepEqual((await adapter.load()).quotas, [{ repId: 'r1', period: Q1, amount: 450 }, { repId: 'r2', period: Q1, amount: 250 }]);
    } finally {
      await emu.close();
    }
  });

  it('a lost answer is retried with the same requestId and applied once', async () => {
    const emu = await startRestEmulator({ reps });
    try {
      const adapter = createRestAdapter({ baseUrl: emu.url, quotas: true, retry: { retries: 2, baseMs: 1, capMs: 2 } });
      await adapter.load();
      emu.inject({ kind: 'apply-then-status', path: '/quotas:batch', status: 502, times: 1 });
      const [o] = await adapter.saveQuotas!([{ repId: 'r1', period: Q1, from: null, to: 99 }]);
      assert.equal(o.status, 'saved');
      assert.equal(emu.writes.get(`quota:r1|${Q1}`), 1, 'written once although sent twice');
      assert.equal(emu.count('POST', '/quotas:batch'), 2);
    } finally {
      await emu.close();
    }
  });

  it('a server that never answers: the save ends by its deadline, failed and never saved', async () => {
    // On a fake clock: the 100 ms request timeout cannot fire during the set-up load on a busy
    // machine, and the save's bound is checked exactly once the server has taken the write.
    const clock = installFakeClock();
    const emu = await startRestEmulator({ reps });
    try {
      const adapter = createRestAdapter({ baseUrl: emu.url, quotas: true, saveDeadlineMs: 150, requestTimeoutMs: 100, retry: { retries: 0 } });
      await adapter.load();
      emu.inject({ kind: 'apply-then-hang', path: '/quotas:batch', times: 10 });
      const saving = adapter.saveQuotas!([{ repId: 'r1', period: Q1, from: null, to: 5 }]);
      await until(clock, () => emu.writes.get(`quota:r1|${Q1}`) === 1, 'the server applied the write and hangs');
      const { value: [o] } = await settleWithin(clock, saving, 150 + 100);
      assert.equal(o.status, 'failed');
      assert.equal(o.code, 'UNKNOWN_OUTCOME', 'written but never answered: the outcome is unknown, not saved');
    } finally {
      await emu.close();
      clock.uninstall();
    }
  });

  it('a server that never answers while the save deadline is the shorter limit: unknown outcome, not "not written"', async () => {
    const clock = installFakeClock();
    const emu = await startRestEmulator({ reps });
    try {
      const adapter = createRestAdapter({ baseUrl: emu.url, quotas: true, saveDeadlineMs: 150, requestTimeoutMs: 1000, retry: { retries: 0 } });
      await adapter.load();
      emu.inject({ kind: 'apply-then-hang', path: '/quotas:batch', times: 10 });
      const saving = adapter.saveQuotas!([{ repId: 'r1', period: Q1, from: null, to: 5 }]);
      await until(clock, () => emu.writes.get(`quota:r1|${Q1}`) === 1, 'the server applied the write and hangs');
      const { value: [o], elapsedMs } = await settleWithin(clock, saving, 150 + 1000);
      assert.ok(elapsedMs >= 150 && elapsedMs <= 150 + 1000, `ended by the deadline and its grace (${elapsedMs} ms)`);
      assert.equal(o.status, 'failed');
      assert.equal(o.code, 'UNKNOWN_OUTCOME', 'the deadline cut off a write the server applied');
    } finally {
      await emu.close();
      clock.uninstall();
    }
  });

  it('without the quotas option: no capability, READ_ONLY, nothing sent, no GET /quotas', async () => {
    let sent = 0;
    const adapter = createRestAdapter({ baseUrl: 'https://crm.example/api', fetch: async () => (sent++, new Response('{}')) });
    assert.equal((await adapter.capabilities()).canWriteQuotas, false);
    assert.deepEqual((await adapter.saveQuotas!([{ repId: 'r1', period: Q1, from: null, to: 5 }])).map((o) => o.code), ['READ_ONLY']);
    assert.equal(sent, 0);
  });
});

describe('quota outcomes and the store', () => {
  it('validateQuotaOutcomes: one per change, matched by rep and period, never saved unless said', () => {
    const changes = [{ repId: 'r1', period: Q1, from: null, to: 1 }, { repId: 'r2', period: Q1, from: null, to: 2 }, { repId: 'r3', period: Q1, from: null, to: 3 }];
    const out = validateQuotaOutcomes(changes, [{ repId: 'r2', period: Q1, status: 'saved' }, { repId: 'r1', period: Q1, status: 'ok' }]);
    assert.deepEqual(out.map((o) => [o.repId, o.status, o.code]), [['r1', 'failed', 'INVALID_OUTCOME'], ['r2', 'saved', undefined], ['r3', 'failed', 'NO_OUTCOME']]);
    assert.deepEqual(validateQuotaOutcomes(changes, 'yes').map((o) => o.code), ['INVALID_OUTCOME', 'INVALID_OUTCOME', 'INVALID_OUTCOME']);
  });

  it('quotasSaved: saved quotas leave the pending list, failed and conflicting ones stay', async () => {
    const adapter = createMemoryAdapter({ accounts: [], reps, quotas: [{ repId: 'r2', period: Q1, amount: 200 }] });
    let state = loadSucceeded(createPlanState(), await adapter.load(), await adapter.capabilities());
    assert.deepEqual(state.quotaBase, [{ repId: 'r2', period: Q1, amount: 200 }]);
    state = applyQuotas(state, Q1, [{ repId: 'r1', amount: 500 }, { repId: 'r2', amount: 300 }, { repId: 'r3', amount: 100 }]);
    adapter.touchQuota('r2', Q1, 210);
    const changes = quotaChangesToSave(state);
    assert.equal(changes.length, 3);
    const bad = changes.map((c) => (c.repId === 'r3' ? { ...c, to: -1 } : c));
    state = quotasSaved(state, bad, await adapter.saveQuotas!(bad));
    assert.deepEqual(state.lastQuotaSave!.map((o) => [o.repId, o.status]), [['r1', 'saved'], ['r2', 'conflict'], ['r3', 'failed']]);
    assert.deepEqual(pendingQuotaChanges(state).map((c) => c.repId), ['r2', 'r3'], 'only the saved one left the pending list');
  });
});
