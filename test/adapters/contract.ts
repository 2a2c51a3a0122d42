/**
 * The contract every CrmAdapter must pass. Each adapter's test file calls `runAdapterContract` with a
 * function that fills its backend (emulator, memory store…) with the seed and returns a harness.
 *
 * Decisions the suite pins down (see the JSDoc of `CrmAdapter` in src/adapters/crm-adapter.ts):
 * - A change whose account the backend already holds with owner `to` ends `saved` without writing, so
 *   saving the same change twice is harmless (the second time is `saved`, and nothing else changes).
 * - A record edited by someone else since the adapter last loaded it ends `conflict` and is not
 *   written, even when its owner still equals `from`; so does a `from` that is not the backend owner.
 * - An already-aborted signal: every save outcome `failed` with code `ABORTED`, nothing written; a
 *   load rejects with a `CrmLoadError` whose code is `ABORTED`.
 *
 * Every case opens a fresh harness on the seed and closes it afterwards; every case loads before it
 * saves, as an app does.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Account } from '../../src/model/account.js';
import type { Rep } from '../../src/model/rep.js';
import type { Territory } from '../../src/model/territory.js';
import { CrmLoadError, type Change, type CrmAdapter, type LoadProgress, type SaveOutcome, type SaveProgress } from '../../src/adapters/crm-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';

/**
 * What the harness must put into its backend. Some accounts are unassigned (`ownerId: null`), one rep
 * is inactive and still owns accounts, and exactly 2 accounts have no coordinates (`lat`/`lng` null).
 */
export interface ContractSeed { accounts: Account[]; reps: Rep[]; territories: Territory[] }

export interface ContractHarness {
  adapter: CrmAdapter;
  /** Owner of every account as the backend holds it now. */
  owners(): Promise<Record<string, string | null>>;
  /** Another CRM user edits the account: its modified time moves on; the owner changes if given. */
  touch(accountId: string, ownerId?: string | null): Promise<void>;
  /** Makes the backend hold a malformed version of this account (coordinates that are not numbers). */
  corrupt(accountId: string): Promise<void>;
  close(): Promise<void>;
}

/** How many seed accounts have no coordinates (the last two of the seed). */
export const NO_COORDINATES = 2;

/**
 * The contract seed: `generateDemoData({ seed: 7, accounts, reps: 5 })` with coordinates filled in
 * for every account except the last two, which have none. `accounts` defaults to 60; the batch-size
 * case uses 300.
 */
export function contractSeed(accounts = 60): ContractSeed {
  const data = generateDemoData({ seed: 7, accounts, reps: 5 });
  data.accounts.forEach((a, i) => {
    if (i >= accounts - NO_COORDINATES) {
      a.lat = null;
      a.lng = null;
    } else if (a.lat === null || a.lng === null) {
      a.lat = 39.5 + i / 1000;
      a.lng = -98.35 - i / 1000;
    }
  });
  return data;
}

/**
 * Registers the contract tests (node:test) for one adapter.
 *
 * @param name - shown in the test names, e.g. `memory` or `salesforce (owner mode)`
 * @param open - fills a fresh backend with the seed and returns a harness around an adapter on it
 */
export function runAdapterContract(name: string, open: (seed: ContractSeed) => Promise<ContractHarness>): void {
  const seed = contractSeed();
  const big = contractSeed(300);
  const activeReps = seed.reps.filter((r) => r.active).map((r) => r.id);

  /** `count` valid changes on assigned accounts, starting at the `skip`-th one: each to another active rep. */
  function pickChanges(from: ContractSeed, count: number, skip = 0): Change[] {
    const active = from.reps.filter((r) => r.active).map((r) => r.id);
    const assigned = from.accounts.filter((a) => a.ownerId !== null).slice(skip, skip + count);
    assert.equal(assigned.length, count, 'the seed has enough assigned accounts');
    return assigned.map((a, i) => {
      const others = active.filter((r) => r !== a.ownerId);
      return { accountId: a.id, from: a.ownerId, to: others[i % others.length] };
    });
  }

  function applied(before: Record<string, string | null>, changes: readonly Change[], outcomes: readonly SaveOutcome[]) {
    const expected = { ...before };
    changes.forEach((c, i) => {
      if (outcomes[i].status === 'saved') expected[c.accountId] = c.to;
    });
    return expected;
  }

  async function withHarness(fn: (h: ContractHarness) => Promise<void>, data: ContractSeed = seed): Promise<void> {
    const h = await open(structuredClone(data));
    try {
      await fn(h);
    } finally {
      await h.close();
    }
  }

  describe(`CrmAdapter contract: ${name}`, () => {
    test('load returns every seed account and rep, with ids, owners and coordinates preserved', () =>
      withHarness(async (h) => {
        const result = await h.adapter.load();
        assert.deepEqual(result.rejected, [], 'a clean seed loads without rejections');
        assert.deepEqual(result.accounts.map((a) => a.id).sort(), seed.accounts.map((a) => a.id).sort());
        assert.deepEqual(result.reps.map((r) => r.id).sort(), seed.reps.map((r) => r.id).sort());
        const byId = new Map(result.accounts.map((a) => [a.id, a]));
        for (const want of seed.accounts) {
          const got = byId.get(want.id)!;
          assert.equal(got.ownerId, want.ownerId, `owner of ${want.id}`);
          if (want.lat === null) {
            assert.equal(got.lat, null, `${want.id} has no coordinates`);
            assert.equal(got.lng, null, `${want.id} has no coordinates`);
          } else {
            assert.ok(Math.abs(got.lat! - want.lat) < 1e-6 && Math.abs(got.lng! - want.lng!) < 1e-6, `coordinates of ${want.id}`);
          }
        }
        assert.equal(result.accounts.filter((a) => a.lat === null).length, NO_COORDINATES);
        const inactive = seed.reps.find((r) => !r.active)!;
        assert.equal(result.reps.find((r) => r.id === inactive.id)?.active, false, 'the inactive rep loads as inactive');
      }));

    test('a malformed account is rejected with its id and field while the others load', () =>
      withHarness(async (h) => {
        const bad = seed.accounts[5].id;
        await h.corrupt(bad);
        const result = await h.adapter.load();
        const rejection = result.rejected.find((r) => r.id === bad);
        assert.ok(rejection, `account ${bad} is in rejected`);
        assert.equal(rejection.field, 'lat');
        assert.equal(rejection.kind, 'account');
        assert.equal(result.accounts.length, seed.accounts.length - 1);
        assert.ok(!result.accounts.some((a) => a.id === bad));
      }));

    test('load reports progress with loaded counts', () =>
      withHarness(async (h) => {
        const calls: LoadProgress[] = [];
        await h.adapter.load({ onProgress: (p) => calls.push({ ...p }) });
        assert.ok(calls.length > 0, 'onProgress was called');
        assert.ok(calls.every((p) => Number.isInteger(p.loaded) && p.loaded >= 0), 'loaded is a count');
        assert.ok(Math.max(...calls.map((p) => p.loaded)) >= seed.accounts.length, 'some report covers every account');
      }));

    test('load with an already-aborted signal rejects with CrmLoadError ABORTED', () =>
      withHarness(async (h) => {
        const controller = new AbortController();
        controller.abort();
        await assert.rejects(h.adapter.load({ signal: controller.signal }), (e: unknown) => {
          assert.ok(e instanceof CrmLoadError, `a CrmLoadError, got ${String(e)}`);
          assert.equal(e.code, 'ABORTED');
          return true;
        });
      }));

    test('capabilities: may write, names its system', () =>
      withHarness(async (h) => {
        const caps = await h.adapter.capabilities();
        assert.equal(caps.canWrite, true);
        assert.ok(typeof caps.system === 'string' && caps.system.length > 0);
        assert.ok(typeof h.adapter.id === 'string' && h.adapter.id.length > 0);
      }));

    test('save: one outcome per change in order; saved owners show in the backend and in a fresh load; nothing else changes', () =>
      withHarness(async (h) => {
        await h.adapter.load();
        const before = await h.owners();
        const changes = pickChanges(seed, 6, 3);
        const outcomes = await h.adapter.save(changes);
        assert.deepEqual(outcomes.map((o) => o.accountId), changes.map((c) => c.accountId));
        assert.deepEqual(outcomes.map((o) => o.status), changes.map(() => 'saved'));
        const after = await h.owners();
        assert.deepEqual(after, applied(before, changes, outcomes), 'exactly the intended records changed');
        const reloaded = await h.adapter.load();
        const owners = Object.fromEntries(reloaded.accounts.map((a) => [a.id, a.ownerId]));
        for (const c of changes) assert.equal(owners[c.accountId], c.to, `fresh load sees ${c.accountId} → ${c.to}`);
      }));

    test('save: a record edited by someone else since the load is a conflict and is not written', () =>
      withHarness(async (h) => {
        await h.adapter.load();
        const [stale, fresh] = pickChanges(seed, 2, 0);
        await h.touch(stale.accountId);
        const before = await h.owners();
        const outcomes = await h.adapter.save([stale, fresh]);
        assert.deepEqual(outcomes.map((o) => [o.accountId, o.status]), [[stale.accountId, 'conflict'], [fresh.accountId, 'saved']]);
        assert.deepEqual(await h.owners(), applied(before, [stale, fresh], outcomes));
        assert.equal((await h.owners())[stale.accountId], stale.from, 'the touched record keeps its owner');
      }));

    test('save: a record whose owner another user changed is a conflict and keeps that owner', () =>
      withHarness(async (h) => {
        await h.adapter.load();
        const [change] = pickChanges(seed, 1, 1);
        const third = activeReps.find((r) => r !== change.from && r !== change.to)!;
        await h.touch(change.accountId, third);
        const outcomes = await h.adapter.save([change]);
        assert.equal(outcomes[0].status, 'conflict');
        assert.equal((await h.owners())[change.accountId], third);
      }));

    test('save: `from` that is not the backend owner is a conflict and is not written', () =>
      withHarness(async (h) => {
        await h.adapter.load();
        const [real] = pickChanges(seed, 1, 2);
        const wrongFrom = activeReps.find((r) => r !== real.from && r !== real.to)!;
        const before = await h.owners();
        const outcomes = await h.adapter.save([{ ...real, from: wrongFrom }]);
        assert.equal(outcomes.length, 1);
        assert.equal(outcomes[0].accountId, real.accountId);
        assert.equal(outcomes[0].status, 'conflict');
        assert.deepEqual(await h.owners(), before);
      }));

    test('save: an unknown account fails with a code while the rest of the batch is saved', () =>
      withHarness(async (h) => {
        await h.adapter.load();
        const [ok] = pickChanges(seed, 1, 4);
        const unknown: Change = { accountId: 'no-such-account-0000', from: activeReps[0], to: activeReps[1] };
        const before = await h.owners();
        const outcomes = await h.adapter.save([unknown, ok]);
        assert.deepEqual(outcomes.map((o) => [o.accountId, o.status]), [[unknown.accountId, 'failed'], [ok.accountId, 'saved']]);
        assert.ok(typeof outcomes[0].code === 'string' && outcomes[0].code.length > 0, 'a failure carries a code');
        assert.deepEqual(await h.owners(), applied(before, [unknown, ok], outcomes));
      }));

    test('save: an already-aborted signal fails every change with ABORTED and writes nothing', () =>
      withHarness(async (h) => {
        await h.adapter.load();
        const changes = pickChanges(seed, 4, 0);
        const before = await h.owners();
        const controller = new AbortController();
        controller.abort();
        const outcomes = await h.adapter.save(changes, { signal: controller.signal });
        assert.deepEqual(outcomes.map((o) => [o.accountId, o.status, o.code]), changes.map((c) => [c.accountId, 'failed', 'ABORTED']));
        assert.deepEqual(await h.owners(), before);
      }));

    test('save: the same change twice is harmless — the second time is saved and changes nothing', () =>
      withHarness(async (h) => {
        await h.adapter.load();
        const changes = pickChanges(seed, 2, 5);
        const first = await h.adapter.save(changes);
        assert.deepEqual(first.map((o) => o.status), ['saved', 'saved']);
        const between = await h.owners();
        const second = await h.adapter.save(changes);
        assert.deepEqual(second.map((o) => [o.accountId, o.status]), changes.map((c) => [c.accountId, 'saved']));
        assert.deepEqual(await h.owners(), between);
      }));

    test('save: a batch larger than maxBatchSize (250 changes) is written in full, with progress', () =>
      withHarness(async (h) => {
        const caps = await h.adapter.capabilities();
        await h.adapter.load();
        const changes = pickChanges(big, 250, 0);
        const before = await h.owners();
        const progress: SaveProgress[] = [];
        const outcomes = await h.adapter.save(changes, { onProgress: (p) => progress.push({ ...p }) });
        assert.equal(outcomes.length, 250);
        assert.deepEqual(outcomes.map((o) => o.accountId), changes.map((c) => c.accountId));
        assert.ok(outcomes.every((o) => o.status === 'saved'), `all saved (maxBatchSize ${caps.maxBatchSize ?? 'unset'})`);
        assert.deepEqual(await h.owners(), applied(before, changes, outcomes));
        assert.ok(progress.some((p) => p.done === 250 && p.total === 250), 'progress reaches 250 of 250');
      }, big));
  });
}
