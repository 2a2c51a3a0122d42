import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRestAdapter, type RestAdapterOptions } from '../../src/adapters/rest/index.js';
import { CrmLoadError, createRestAdapter as fromRoot, type Change } from '../../src/index.js';
import { startRestEmulator, type RestEmulator, type RestEmulatorOptions } from '../emulators/rest/server.js';

const opened: RestEmulator[] = [];
after(() => Promise.all(opened.map((e) => e.close())));

const reps = [1, 2, 3].map((i) => ({ id: `r${i}`, name: `Rep ${i}`, active: true }));
const accounts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i + 1}`, name: `Account ${i + 1}`, lat: 40 + i / 100, lng: -100, potential: 1000 + i, ownerId: reps[i % 3].id }));

async function setup(emuOptions: RestEmulatorOptions = {}, adapterOptions: Partial<RestAdapterOptions> = {}, delays: number[] = []) {
  const emu = await startRestEmulator({ accounts: accounts(20), reps, ...emuOptions });
  opened.push(emu);
  const adapter = createRestAdapter({ baseUrl: emu.url, fetch: (u, i) => fetch(u, i), pageSize: 7, retry: { retries: 3, baseMs: 100, capMs: 1000, sleep: async (ms: number) => void delays.push(ms) }, ...adapterOptions });
  const loaded = await adapter.load();
  const rotate = (ids: string[]): Change[] => ids.map((id) => {
    const from = loaded.accounts.find((a) => a.id === id)!.ownerId;
    return { accountId: id, from, to: reps[(reps.findIndex((r) => r.id === from) + 1) % 3].id };
  });
  return { emu, adapter, loaded, rotate };
}

function owners(emu: RestEmulator) {
  return Object.fromEntries([...emu.accounts.keys()].map((id) => [id, emu.ownerOf(id)]));
}

describe('REST adapter', () => {
  it('is exported from the root entry', () => assert.equal(fromRoot, createRestAdapter));

  it('follows nextCursor, reports total, and rejects bad records by id and field', async () => {
    const emu = await startRestEmulator({ accounts: [...accounts(20), { id: 'bad', name: 'Bad', lat: '41.2', lng: -100, potential: 1, ownerId: null }], reps });
    opened.push(emu);
    const adapter = createRestAdapter({ baseUrl: emu.url, fetch: (u, i) => fetch(u, i), pageSize: 7 });
    const progress: { loaded: number; total?: number; phase?: string }[] = [];
    const { accounts: got, rejected } = await adapter.load({ onProgress: (p) => progress.push({ ...p }) });
    assert.equal(got.length, 20);
    assert.equal(emu.count('GET', '/accounts'), 3);
    assert.equal(rejected.length, 1);
    assert.equal(rejected[0].id, 'bad');
    assert.equal(rejected[0].field, 'lat');
    assert.equal(rejected[0].index, 20);
    assert.deepEqual(progress.filter((p) => p.phase === 'accounts').map((p) => [p.loaded, p.total]), [[7, 21], [14, 21], [20, 21]]);
  });

  it('turns an error body into a CrmLoadError with its code', async () => {
    const { emu, adapter } = await setup();
    emu.inject({ kind: 'status', method: 'GET', path: '/reps', status: 403, body: { error: { code: 'FORBIDDEN', message: 'no access' } } });
    await assert.rejects(adapter.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'FORBIDDEN' && /no access/.test(e.message));
  });

  it('sends from, to and expectedLastModified with a requestId; saved changes land once', async () => {
    const bodies: unknown[] = [];
    const { emu, adapter, loaded, rotate } = await setup({}, { batchSize: 4, fetch: (u, i) => (bodies.push(i?.body ? JSON.parse(String(i.body)) : null), fetch(u, i)) });
    const changes = rotate(['a1', 'a2', 'a3', 'a4', 'a5']);
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => o.status), ['saved', 'saved', 'saved', 'saved', 'saved']);
    assert.equal(emu.count('POST', '/assignments:batch'), 2);
    const sent = bodies.filter(Boolean) as { requestId: string; changes: { accountId: string; expectedLastModified: string }[] }[];
    assert.notEqual(sent[0].requestId, sent[1].requestId);
    assert.equal(sent[0].changes[0].expectedLastModified, loaded.accounts[0].lastModified);
    for (const c of changes) {
      assert.equal(emu.ownerOf(c.accountId), c.to);
      assert.equal(emu.writes.get(c.accountId), 1);
    }
  });

  it('retries a lost answer with the same requestId: saved, written once', async () => {
    const { emu, adapter, rotate } = await setup();
    emu.inject({ kind: 'apply-then-status', method: 'POST', path: '/assignments:batch', status: 503 });
    emu.inject({ kind: 'apply-then-reset', method: 'POST', path: '/assignments:batch' });
    const changes = rotate(['a1', 'a2']);
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => o.status), ['saved', 'saved']);
    assert.equal(emu.requests.filter((r) => r.path === '/assignments:batch').length, 3);
    for (const c of changes) assert.equal(emu.writes.get(c.accountId), 1);
  });

  it('honours Retry-After on 429', async () => {
    const delays: number[] = [];
    const { emu, adapter, rotate } = await setup({}, {}, delays);
    emu.inject({ kind: 'status', method: 'POST', path: '/assignments:batch', status: 429, headers: { 'retry-after': '3' } });
    const outcomes = await adapter.save(rotate(['a1']));
    assert.equal(outcomes[0].status, 'saved');
    assert.deepEqual(delays, [3000]);
  });

  it('5xx until retries run out: failed, never saved; UNKNOWN when the request may have landed', async () => {
    const { emu, adapter, rotate } = await setup();
    const before = owners(emu);
    emu.inject({ kind: 'status', method: 'POST', path: '/assignments:batch', status: 500, times: 100 });
    const outcomes = await adapter.save(rotate(['a1', 'a2']));
    assert.deepEqual(outcomes.map((o) => [o.status, o.code]), [['failed', 'UNKNOWN_OUTCOME'], ['failed', 'UNKNOWN_OUTCOME']]);
    assert.equal(emu.count('POST', '/assignments:batch'), 4);
    assert.deepEqual(owners(emu), before);
  });

  it('endless 429: failed RATE_LIMITED, nothing written', async () => {
    const { emu, adapter, rotate } = await setup();
    const before = owners(emu);
    emu.inject({ kind: 'status', method: 'POST', path: '/assignments:batch', status: 429, times: 100 });
    const outcomes = await adapter.save(rotate(['a1']));
    assert.deepEqual([outcomes[0].status, outcomes[0].code], ['failed', 'RATE_LIMITED']);
    assert.deepEqual(owners(emu), before);
  });

  it('a 409 from an all-or-nothing server makes every change in the batch a conflict, nothing written', async () => {
    const { emu, adapter, rotate } = await setup({ atomic: true });
    const changes = rotate(['a1', 'a2', 'a3']);
    emu.touch('a2');
    const before = owners(emu);
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => [o.status, o.code]), [['conflict', 'CONFLICT'], ['conflict', 'CONFLICT'], ['conflict', 'CONFLICT']]);
    assert.deepEqual(owners(emu), before);
  });

  it('per-change results: stale and unknown-rep settle per record', async () => {
    const { emu, adapter, rotate } = await setup();
    const changes = rotate(['a1', 'a2', 'a3']);
    changes[2] = { ...changes[2], to: 'r-nobody' };
    emu.touch('a2', { name: 'renamed' });
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => [o.status, o.code ?? '']), [['saved', ''], ['conflict', 'STALE'], ['failed', 'UNKNOWN_REP']]);
    assert.equal(emu.writes.get('a2'), undefined);
    assert.equal(emu.writes.get('a3'), undefined);
  });

  it('a 400 fails the batch with the server code, and the next batch still goes', async () => {
    const { emu, adapter, rotate } = await setup({}, { batchSize: 1 });
    emu.inject({ kind: 'status', method: 'POST', path: '/assignments:batch', status: 400, body: { error: { code: 'BAD_REQUEST', message: 'nope' } } });
    const outcomes = await adapter.save(rotate(['a1', 'a2']));
    assert.deepEqual(outcomes.map((o) => [o.status, o.code ?? '']), [['failed', 'BAD_REQUEST'], ['saved', '']]);
  });
});
