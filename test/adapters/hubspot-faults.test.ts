/**
 * Property test: whatever faults the CRM throws at a save (429s, 5xx, answers lost after the write,
 * connections cut mid-batch, other users editing records), the outcome is honest and nothing is
 * lost or doubled: every `saved` change is in HubSpot, no record is written twice, nothing outside
 * the changes is written, and a `conflict` or a `failed` with a known cause was not written.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createHubSpotAdapter } from '../../src/adapters/hubspot/index.js';
import type { Change } from '../../src/adapters/crm-adapter.js';
import { startHubSpotEmulator, type HubSpotEmulator } from '../emulators/hubspot/server.js';
import { makeCompanies, makeOwners } from '../emulators/hubspot/fixture.js';
import type { Fault } from '../emulators/http-util.js';

const opened: HubSpotEmulator[] = [];
after(() => Promise.all(opened.map((e) => e.close())));

const READ = '/crm/v3/objects/companies/batch/read';
const UPDATE = '/crm/v3/objects/companies/batch/update';
const owners = makeOwners(4);

const faultArb = fc.record({
  kind: fc.constantFrom<Fault['kind']>('status', 'apply-then-status', 'reset', 'apply-then-reset', 'hook'),
  path: fc.constantFrom(READ, UPDATE),
  skip: fc.nat({ max: 6 }),
  times: fc.integer({ min: 1, max: 3 }),
  status: fc.constantFrom(429, 500, 502, 503),
  applyFirst: fc.option(fc.nat({ max: 10 }), { nil: undefined }),
  touch: fc.integer({ min: 1, max: 40 }),
});

describe('HubSpot adapter under random faults', () => {
  it('reports every change honestly and applies none twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(faultArb, { maxLength: 6 }), fc.subarray(Array.from({ length: 40 }, (_, i) => String(i + 1)), { minLength: 1 }), async (faults, ids) => {
        const emu = await startHubSpotEmulator({ companies: makeCompanies(50, owners), owners });
        opened.push(emu);
        const adapter = createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: emu.url, batchSize: 10, retry: { retries: 6, baseMs: 1, capMs: 2, sleep: async () => {} } });
        const { accounts } = await adapter.load();
        const before = new Map([...emu.companies.keys()].map((id) => [id, emu.ownerOf(id)]));
        for (const f of faults) {
          const touchId = String(f.touch);
          // A 429 is HubSpot refusing before doing anything: it never follows a write (the adapter relies on that).
          const status = f.kind === 'apply-then-status' && f.status === 429 ? 503 : f.status;
          emu.inject(f.kind === 'hook' ? { kind: 'hook', path: f.path, skip: f.skip, times: f.times, run: () => emu.touch(touchId, { name: `edited ${Math.random()}` }) } : { kind: f.kind, path: f.path, skip: f.skip, times: f.times, status, ...(f.applyFirst !== undefined ? { applyFirst: f.applyFirst } : {}) });
        }
        const changes: Change[] = ids.map((id) => {
          const from = accounts.find((a) => a.id === id)!.ownerId;
          return { accountId: id, from, to: owners[(owners.findIndex((o) => o.id === from) + 1) % owners.length].id };
        });
        const outcomes = await adapter.save(changes);
        assert.deepEqual(outcomes.map((o) => o.accountId), ids);
        const intended = new Map(changes.map((c) => [c.accountId, c]));
        for (const [id, owner] of before) {
          const writes = emu.writes.get(id) ?? 0;
          assert.ok(writes <= 1, `company ${id} written ${writes} times`);
          if (!intended.has(id)) {
            assert.equal(writes, 0, `company ${id} was not in the save`);
            assert.equal(emu.ownerOf(id), owner);
          }
        }
        outcomes.forEach((o, i) => {
          const c = changes[i];
          if (o.status === 'saved') assert.equal(emu.ownerOf(c.accountId), c.to, `saved ${c.accountId} is in HubSpot`);
          else if (o.code !== 'UNKNOWN_OUTCOME' && !(o.code === 'ABORTED')) {
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
