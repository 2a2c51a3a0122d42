/**
 * Property: under any mix of injected faults, a save loses nothing and invents nothing.
 * - `saved` ⇒ the org holds `to` and the record was written exactly once;
 * - `conflict` / `failed` ⇒ the record was not written by us — except a `failed` whose message says
 *   the outcome is unknown (the write and the re-read both failed), where either state is allowed;
 * - accounts not in the save are never written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createSalesforceAdapter, jsforceTransport } from '../../src/adapters/salesforce/index.js';
import { startSalesforceEmulator, type RequestFault } from '../emulators/salesforce/server.js';
import { seedOrg } from '../emulators/salesforce/seed.js';
import { emulatorConnection } from '../emulators/salesforce/connect.js';

const recordFault = fc.oneof(
  fc.constant(null),
  fc.record({ statusCode: fc.constant('UNABLE_TO_LOCK_ROW'), times: fc.integer({ min: 1, max: 7 }) }),
  fc.record({ statusCode: fc.constant('FIELD_CUSTOM_VALIDATION_EXCEPTION'), times: fc.constant(1000) }), // permanent, as validation rules are
);
const requestFault: fc.Arbitrary<RequestFault> = fc.oneof(
  fc.record({ route: fc.constant('composite:PATCH'), status: fc.constantFrom(503, 429), times: fc.integer({ min: 1, max: 3 }) }),
  // jsforce itself retries GETs on 429/5xx after 0.5 s, 1 s, …: keep read faults short
  fc.record({ route: fc.constant('query'), status: fc.constantFrom(503, 429), times: fc.constant(1) }),
  fc.record({ route: fc.constant('composite:PATCH'), status: fc.constant(403), errorCode: fc.constant('REQUEST_LIMIT_EXCEEDED'), times: fc.constant(1) }),
  fc.record({ route: fc.constant('composite:PATCH'), status: fc.constant(500), errorCode: fc.constant('UNKNOWN_EXCEPTION'), afterApply: fc.boolean(), times: fc.constant(1) }),
  fc.record({ route: fc.constant('composite:PATCH'), status: fc.constant(0), drop: fc.constant(true), afterApply: fc.boolean(), times: fc.constant(1) }),
);

test('Salesforce save under random faults: saved ⇔ written once, nothing else written', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(recordFault, { minLength: 30, maxLength: 30 }),
      fc.array(requestFault, { maxLength: 4 }),
      fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { maxLength: 5 }),
      fc.integer({ min: 5, max: 40 }),
      async (recordFaults, requestFaults, touched, batchSize) => {
        const emu = await startSalesforceEmulator();
        try {
          const org = seedOrg(emu.store, { users: 4, accounts: 40 });
          const sf = createSalesforceAdapter({ transport: jsforceTransport(emulatorConnection(emu)), batchSize, performance: false, retry: { retries: 4, baseMs: 1, capMs: 4, deadlineMs: 20_000 } });
          const { accounts } = await sf.load();
          const changes = accounts.slice(0, 30).map((a, i) => ({ accountId: a.id, from: a.ownerId, to: org.userIds[(org.userIds.indexOf(a.ownerId!) + 1 + (i % 3)) % 4] }));
          recordFaults.forEach((f, i) => f && emu.store.recordFaults.set(changes[i].accountId, { ...f }));
          for (const i of touched) emu.store.touch('Account', changes[i].accountId, { Industry: 'edited by someone else' });
          emu.requestFaults.push(...requestFaults.map((f) => ({ ...f })));
          const before = new Map(emu.store.all('Account').map((a) => [a.Id, a.OwnerId]));
          const outcomes = await sf.save(changes);

          assert.equal(outcomes.length, changes.length);
          changes.forEach((c, i) => {
            const o = outcomes[i];
            assert.equal(o.accountId, c.accountId);
            const writes = emu.store.applied.filter((w) => w.id === c.accountId).length;
            const owner = emu.store.get('Account', c.accountId)!.OwnerId;
            if (o.status === 'saved') {
              assert.equal(owner, c.to, `${i} saved but owner is ${String(owner)}`);
              assert.equal(writes, 1, `${i} saved: written once`);
            } else if (o.status === 'failed' && /outcome unknown/.test(o.message ?? '')) {
              assert.ok(writes <= 1);
            } else {
              assert.equal(writes, 0, `${i} ${o.status} ${o.code}: not written`);
              assert.equal(owner, c.from);
            }
            if (touched.includes(i)) assert.equal(o.status, 'conflict', `${i} was edited after load`);
            if (recordFaults[i]?.statusCode === 'FIELD_CUSTOM_VALIDATION_EXCEPTION' && !touched.includes(i) && o.status !== 'failed') assert.fail(`${i} had a permanent error but ended ${o.status}`);
          });
          for (const a of accounts.slice(30)) {
            assert.equal(emu.store.applied.filter((w) => w.id === a.id).length, 0);
            assert.equal(emu.store.get('Account', a.id)!.OwnerId, before.get(a.id));
          }
        } finally {
          await emu.close();
        }
      },
    ),
    { numRuns: 25, seed: 20261127 },
  );
});

const territoryFault = fc.oneof(
  fc.constant(null),
  fc.record({ statusCode: fc.constant('UNABLE_TO_LOCK_ROW'), times: fc.integer({ min: 1, max: 3 }), op: fc.constantFrom('create' as const, 'delete' as const) }),
  fc.record({ statusCode: fc.constant('INSUFFICIENT_ACCESS_OR_READONLY'), times: fc.integer({ min: 1, max: 2 }), op: fc.constantFrom('create' as const, 'delete' as const) }),
);
const territoryRequestFault: fc.Arbitrary<RequestFault> = fc.oneof(
  fc.record({ route: fc.constantFrom('composite:POST', 'composite:DELETE'), status: fc.constant(500), errorCode: fc.constant('UNKNOWN_EXCEPTION'), afterApply: fc.boolean(), times: fc.constant(1) }),
  fc.record({ route: fc.constant('composite:POST'), status: fc.constant(0), drop: fc.constant(true), afterApply: fc.boolean(), times: fc.constant(1) }),
  fc.record({ route: fc.constant('composite:POST'), status: fc.constantFrom(503, 429), times: fc.integer({ min: 1, max: 2 }) }),
);

test('Salesforce territory2 moves under random faults: never in no territory, outcomes say where each account is', async () => {
  const { seedTerritories } = await import('../emulators/salesforce/seed.js');
  await fc.assert(
    fc.asyncProperty(
      fc.array(territoryFault, { minLength: 20, maxLength: 20 }),
      fc.array(territoryRequestFault, { maxLength: 3 }),
      fc.integer({ min: 4, max: 25 }),
      async (faults, requestFaults, batchSize) => {
        const emu = await startSalesforceEmulator();
        try {
          const org = seedOrg(emu.store, { users: 4, accounts: 24 });
          const tm = seedTerritories(emu.store, org, 4);
          const sf = createSalesforceAdapter({ transport: jsforceTransport(emulatorConnection(emu)), mode: 'territory2', batchSize, performance: false, retry: { retries: 4, baseMs: 1, capMs: 4, deadlineMs: 20_000 } });
          const { accounts } = await sf.load();
          const changes = accounts.slice(0, 20).map((a, i) => ({ accountId: a.id, from: a.territoryId ?? null, to: tm.territoryIds[(tm.territoryIds.indexOf(a.territoryId!) + 1 + (i % 3)) % 4] }));
          faults.forEach((f, i) => f && emu.store.recordFaults.set(changes[i].accountId, { ...f }));
          emu.requestFaults.push(...requestFaults.map((f) => ({ ...f })));
          const outcomes = await sf.save(changes);
          const where = (id: string) => emu.store.all('ObjectTerritory2Association')
            .filter((x) => x.ObjectId === id && tm.territoryIds.includes(x.Territory2Id as string)).map((x) => x.Territory2Id as string).sort();
          changes.forEach((c, i) => {
            const o = outcomes[i];
            const now = where(c.accountId);
            assert.ok(now.length > 0, `${i} ${o.status} ${o.code}: in no territory`);
            if (o.status === 'saved') assert.deepEqual(now, [c.to], `${i} saved`);
            else if (o.code === 'PARTIAL_MOVE') assert.deepEqual(now, [c.from!, c.to].sort(), `${i} partial`);
            else assert.deepEqual(now, [c.from], `${i} ${o.status} ${o.code} ${o.message}`);
          });
          for (const a of accounts.slice(20)) assert.deepEqual(where(a.id), [a.territoryId]);
        } finally {
          await emu.close();
        }
      },
    ),
    { numRuns: 15, seed: 20261127 },
  );
});
