/**
 * Property test for the REST adapter against the reference server: under random 429s, 5xx, lost
 * answers, cut connections and concurrent edits, every `saved` change is applied, none twice, nothing
 * outside the changes is written, and a `conflict` or a `failed` with a known cause was not written.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createRestAdapter } from '../../src/adapters/rest/index.js';
import type { Change } from '../../src/adapters/crm-adapter.js';
import { startRestEmulator, type RestEmulator } from '../emulators/rest/server.js';
import type { Fault } from '../emulators/http-util.js';

const opened: RestEmulator[] = [];
after(() => Promise.all(opened.map((e) => e.close())));

const reps = [1, 2, 3, 4].map((i) => ({ id: `r${i}`, name: `Rep ${i}`, active: true }));
const seedAccounts = Array.from({ length: 50 }, (_, i) => ({ id: `a${i + 1}`, name: `A${i + 1}`, lat: 40, lng: -100, potential: 1, ownerId: reps[i % 4].id }));

const faultArb = fc.record({
  kind: fc.constantFrom<Fault['kind']>('status', 'apply-then-status', 'reset', 'apply-then-reset', 'hook'),
  skip: fc.nat({ max: 5 }),
  times: fc.integer({ min: 1, max: 3 }),
  status: fc.constantFrom(429, 500, 502, 503),
  touch: fc.integer({ min: 1, max: 40 }),
});

describe('REST adapter under random faults', () => {
  it('reports every change honestly and applies none twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(faultArb, { maxLength: 6 }), fc.subarray(Array.from({ length: 40 }, (_, i) => `a${i + 1}`), { minLength: 1 }), async (faults, ids) => {
        const emu = await startRestEmulator({ accounts: seedAccounts, reps });
        opened.push(emu);
        const adapter = createRestAdapter({ baseUrl: emu.url, fetch: (u, i) => fetch(u, i), batchSize: 10, retry: { retries: 6, baseMs: 1, capMs: 2, sleep: async () => {} } });
        const { accounts } = await adapter.load();
        const before = new Map([...emu.accounts.keys()].map((id) => [id, emu.ownerOf(id)]));
        for (const f of faults) {
          const touchId = `a${f.touch}`;
          const status = f.kind === 'apply-then-status' && f.status === 429 ? 503 : f.status; // a 429 never follows a write
          emu.inject(f.kind === 'hook' ? { kind: 'hook', path: '/assignments:batch', skip: f.skip, times: f.times, run: () => emu.touch(touchId, { name: 'edited' }) } : { kind: f.kind, path: '/assignments:batch', skip: f.skip, times: f.times, status });
        }
        const changes: Change[] = ids.map((id) => {
          const from = accounts.find((a) => a.id === id)!.ownerId;
          return { accountId: id, from, to: reps[(reps.findIndex((r) => r.id === from) + 1) % 4].id };
        });
        const outcomes = await adapter.save(changes);
        assert.deepEqual(outcomes.map((o) => o.accountId), ids);
        const intended = new Set(ids);
        for (const [id, owner] of before) {
          const writes = emu.writes.get(id) ?? 0;
          assert.ok(writes <= 1, `account ${id} written ${writes} times`);
          if (!intended.has(id)) assert.equal(emu.ownerOf(id), owner, `account ${id} was not in the save`);
        }
        outcomes.forEach((o, i) => {
          const c = changes[i];
          if (o.status === 'saved') assert.equal(emu.ownerOf(c.accountId), c.to, `saved ${c.accountId} is applied`);
          else if (o.code !== 'UNKNOWN_OUTCOME' && o.code !== 'ABORTED') {
            assert.equal(emu.writes.get(c.accountId) ?? 0, 0, `${o.status} ${o.code} ${c.accountId} was not written`);
            assert.equal(emu.ownerOf(c.accountId), c.from);
          }
        });
        await emu.close();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 40) },
    );
  });
});
