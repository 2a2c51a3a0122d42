import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryAdapter, CrmLoadError, generateDemoData, type LoadProgress, type SaveProgress } from '../../src/index.js';
import { runAdapterContract } from './contract.js';

runAdapterContract('memory', async (seed) => {
  const adapter = createMemoryAdapter(seed);
  return {
    adapter,
    owners: async () => Object.fromEntries(adapter.snapshot().accounts.map((a) => [a.id, a.ownerId])),
    touch: async (accountId, ownerId) => adapter.touch(accountId, ownerId === undefined ? {} : { ownerId }),
    corrupt: async (accountId) => adapter.touch(accountId, { lat: 'forty-one', lng: 'minus seventy' }),
    close: async () => {},
  };
});

const data = generateDemoData({ seed: 3, accounts: 2500, reps: 6 });
const active = data.reps.filter((r) => r.active).map((r) => r.id);
const assigned = data.accounts.filter((a) => a.ownerId !== null);
const changeOf = (i: number, to = active.find((r) => r !== assigned[i].ownerId)!) => ({ accountId: assigned[i].id, from: assigned[i].ownerId, to });

describe('memory adapter', () => {
  test('deep copies across the boundary: inputs, loaded records and snapshots never alias the store', async () => {
    const input = structuredClone(data);
    const adapter = createMemoryAdapter(input);
    input.accounts[0].ownerId = 'mutated';
    const first = await adapter.load();
    assert.equal(first.accounts[0].ownerId, data.accounts[0].ownerId);
    first.accounts[0].ownerId = 'mutated';
    first.accounts[0].regions!.push('XX');
    first.reps[0].skills.push('Juggling');
    adapter.snapshot().accounts[0].ownerId = 'mutated';
    const second = await adapter.load();
    assert.equal(second.accounts[0].ownerId, data.accounts[0].ownerId);
    assert.deepEqual(second.accounts[0].regions, data.accounts[0].regions);
    assert.deepEqual(second.reps[0].skills, data.reps[0].skills);
    const patch = { fields: { segment: 'Enterprise' } };
    adapter.touch(data.accounts[1].id, patch);
    patch.fields.segment = 'changed after touch';
    assert.equal(adapter.snapshot().accounts[1].fields?.segment, 'Enterprise');
  });

  test('bad input rows are kept in the store and reported by load like a CRM adapter would', async () => {
    const adapter = createMemoryAdapter({
      accounts: [...data.accounts.slice(0, 3), { ...data.accounts[3], potential: '5000' }, 'junk', data.accounts[0]],
      reps: [...data.reps, { id: 'r-bad', name: 'Bad', capacity: 0 }],
      territories: [{ id: 't', name: 'T', color: 'red' }],
    });
    const { accounts, reps, territories, rejected } = await adapter.load();
    assert.deepEqual(accounts.map((a) => a.id), data.accounts.slice(0, 3).map((a) => a.id));
    // A bad optional rep field is dropped (capacity back to its default), never the rep (issue #13).
    assert.equal(reps.length, data.reps.length + 1);
    assert.equal(reps.at(-1)!.capacity, 1);
    assert.equal(rejected[0].kept, true);
    assert.equal(territories.length, 0);
    assert.deepEqual(
      rejected.map((r) => [r.kind, r.id ?? r.index, r.field]),
      [
        ['rep', 'r-bad', 'capacity'],
        ['territory', 't', 'color'],
        ['account', data.accounts[3].id, 'potential'],
        ['account', 4, ''],
        ['account', data.accounts[0].id, 'id'],
      ],
    );
  });

  test('every account gets a lastModified, and writes move it forward even when the clock stands still', async () => {
    const clock = new Date('2020-01-01T00:00:00Z'); // older than the data's own dates
    const rows = data.accounts.slice(0, 4).map(({ lastModified, ...rest }, i) => (i < 2 ? rest : { ...rest, lastModified }));
    const adapter = createMemoryAdapter({ accounts: rows, reps: data.reps, now: () => clock });
    const before = adapter.snapshot().accounts;
    assert.ok(before.every((a) => typeof a.lastModified === 'string'));
    const latest = Math.max(...before.map((a) => Date.parse(a.lastModified!)));
    await adapter.load();
    const change = { accountId: rows[2].id, from: rows[2].ownerId, to: active.find((r) => r !== rows[2].ownerId)! };
    const [outcome] = await adapter.save([change]);
    assert.equal(outcome.status, 'saved');
    const written = Date.parse(adapter.snapshot().accounts[2].lastModified!);
    assert.ok(written > latest, 'the stamp is later than anything already stored');
    adapter.touch(rows[3].id);
    assert.ok(Date.parse(adapter.snapshot().accounts[3].lastModified!) > written);
  });

  test('load pages accounts with progress and honours an abort between pages', async () => {
    const adapter = createMemoryAdapter({ ...data, pageSize: 1000 });
    const seen: LoadProgress[] = [];
    await adapter.load({ onProgress: (p) => seen.push(p) });
    assert.deepEqual(
      seen.filter((p) => p.phase === 'accounts').map((p) => p.loaded),
      [1000, 2000, 2500],
    );
    assert.ok(seen.every((p) => p.phase !== 'accounts' || p.total === 2500));

    const controller = new AbortController();
    const pages: number[] = [];
    await assert.rejects(
      adapter.load({
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'accounts') pages.push(p.loaded);
          if (p.loaded === 1000) controller.abort();
        },
      }),
      (e: unknown) => e instanceof CrmLoadError && e.code === 'ABORTED',
    );
    assert.deepEqual(pages, [1000], 'no page is loaded after the abort');
  });

  test('latency: an abort during a slow load or save stops it; nothing after the abort is written', async () => {
    const adapter = createMemoryAdapter({ ...data, latencyMs: 30, maxBatchSize: 2 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 45);
    await assert.rejects(adapter.load({ signal: controller.signal }), (e: unknown) => e instanceof CrmLoadError && e.code === 'ABORTED');

    await adapter.load();
    const changes = [0, 1, 2, 3, 4, 5].map((i) => changeOf(i));
    const saving = new AbortController();
    const progress: SaveProgress[] = [];
    const outcomes = await adapter.save(changes, {
      signal: saving.signal,
      onProgress: (p) => {
        progress.push(p);
        saving.abort(); // after the first batch of 2
      },
    });
    assert.deepEqual(outcomes.map((o) => o.status), ['saved', 'saved', 'failed', 'failed', 'failed', 'failed']);
    assert.ok(outcomes.slice(2).every((o) => o.code === 'ABORTED'));
    assert.deepEqual(progress, [{ done: 2, total: 6 }]);
    const owners = new Map(adapter.snapshot().accounts.map((a) => [a.id, a.ownerId]));
    changes.forEach((c, i) => assert.equal(owners.get(c.accountId), i < 2 ? c.to : c.from));
  });

  test('read-only: every change fails READ_ONLY and nothing is written', async () => {
    const adapter = createMemoryAdapter({ ...data, canWrite: false });
    assert.equal((await adapter.capabilities()).canWrite, false);
    await adapter.load();
    const outcomes = await adapter.save([changeOf(0), changeOf(1)]);
    assert.deepEqual(outcomes.map((o) => [o.status, o.code]), [['failed', 'READ_ONLY'], ['failed', 'READ_ONLY']]);
    assert.deepEqual(adapter.snapshot(), createMemoryAdapter(data).snapshot(), 'the store is as it started');
  });

  test('invalid targets, malformed changes and unassigning', async () => {
    const adapter = createMemoryAdapter(data);
    await adapter.load();
    const inactive = data.reps.find((r) => !r.active)!.id;
    const outcomes = await adapter.save([
      changeOf(0, 'rep-nobody'),
      changeOf(1, inactive),
      { accountId: '', from: null, to: active[0] },
      changeOf(2, null as unknown as string),
    ]);
    assert.deepEqual(outcomes.map((o) => [o.status, o.code]), [
      ['failed', 'INVALID_OWNER'],
      ['failed', 'INVALID_OWNER'],
      ['failed', 'INVALID'],
      ['saved', undefined],
    ]);
    assert.match(outcomes[1].message!, /inactive/);
    assert.equal(adapter.snapshot().accounts.find((a) => a.id === assigned[2].id)!.ownerId, null);
  });

  test('two changes to one account in one call: the first is saved, the later one is a conflict', async () => {
    const adapter = createMemoryAdapter(data);
    await adapter.load();
    const first = changeOf(0);
    const chained = { accountId: first.accountId, from: first.to, to: active.find((r) => r !== first.to && r !== first.from)! };
    const outcomes = await adapter.save([first, chained]);
    assert.deepEqual(outcomes.map((o) => [o.status, o.code]), [['saved', undefined], ['conflict', 'STALE']]);
    assert.equal(adapter.snapshot().accounts.find((a) => a.id === first.accountId)!.ownerId, first.to);
  });

  test('options are checked', () => {
    assert.throws(() => createMemoryAdapter({ ...data, maxBatchSize: 0 }), /maxBatchSize must be a whole number/);
    assert.throws(() => createMemoryAdapter({ ...data, latencyMs: -1 }), /latencyMs must be a finite number/);
    assert.throws(() => createMemoryAdapter(data).touch('nope'), /no account "nope"/);
  });
});
