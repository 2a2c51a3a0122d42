/**
 * Outcomes are checked at the boundary (issue #13 item 9): whatever a custom adapter's save() resolves
 * with, every change ends saved, failed or conflict, and nothing unrecognised passes as a success.
 * Also the save guard every built-in adapter uses: one save at a time, a deadline, checked outcomes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateOutcomes } from '../../src/adapters/index.js';
import { matchOutcomes } from '../../src/store/save.js';
import { guardSave } from '../../src/adapters/shared/save-guard.js';
import type { Change, SaveOptions, SaveOutcome } from '../../src/adapters/crm-adapter.js';

const changes: Change[] = [
  { accountId: 'a1', from: 'r1', to: 'r2' },
  { accountId: '__proto__', from: 'r1', to: 'r2' },
];
const statuses = (o: SaveOutcome[]) => o.map((x) => [x.accountId, x.status, x.code ?? null]);

describe('validateOutcomes', () => {
  it('a save that resolves undefined, null, a string or an object fails every change with INVALID_OUTCOME', () => {
    for (const junk of [undefined, null, 'ok', { a1: 'saved' }, 42]) {
      const out = validateOutcomes(changes, junk);
      assert.deepEqual(statuses(out), [['a1', 'failed', 'INVALID_OUTCOME'], ['__proto__', 'failed', 'INVALID_OUTCOME']]);
      assert.match(out[0].message!, /instead of a list of outcomes.*reload/);
    }
  });

  it('[null] and outcomes without an account id never count as a success', () => {
    assert.deepEqual(statuses(validateOutcomes(changes, [null])), [['a1', 'failed', 'INVALID_OUTCOME'], ['__proto__', 'failed', 'INVALID_OUTCOME']]);
    assert.deepEqual(statuses(validateOutcomes(changes, [{ status: 'saved' }, { status: 'saved' }])), [['a1', 'failed', 'INVALID_OUTCOME'], ['__proto__', 'failed', 'INVALID_OUTCOME']]);
  });

  it('unknown statuses ("ok", "SAVED", true) and non-string codes are failed INVALID_OUTCOME naming what came', () => {
    const out = validateOutcomes(changes, [{ accountId: 'a1', status: 'ok' }, { accountId: '__proto__', status: 'saved', code: 7 }]);
    assert.deepEqual(statuses(out), [['a1', 'failed', 'INVALID_OUTCOME'], ['__proto__', 'failed', 'INVALID_OUTCOME']]);
    assert.match(out[0].message!, /"ok".*none of saved, failed or conflict/);
    assert.equal(validateOutcomes([changes[0]], [{ accountId: 'a1', status: 'SAVED' }])[0].code, 'INVALID_OUTCOME');
    assert.equal(validateOutcomes([changes[0]], [{ accountId: 'a1', status: true }])[0].code, 'INVALID_OUTCOME');
  });

  it('matches by account id (reordered is fine; a missing one is NO_OUTCOME), keeps only known fields', () => {
    const out = validateOutcomes(
      [...changes, { accountId: 'constructor', from: null, to: 'r1' }],
      [{ accountId: '__proto__', status: 'conflict', code: 'STALE', message: 'moved on', extra: '<img onerror>' }, { accountId: 'a1', status: 'saved' }],
    );
    assert.deepEqual(out, [
      { accountId: 'a1', status: 'saved' },
      { accountId: '__proto__', status: 'conflict', code: 'STALE', message: 'moved on' },
      { accountId: 'constructor', status: 'failed', code: 'NO_OUTCOME', key: 'guard.no-outcome', message: 'the adapter reported no outcome for this change; it may or may not be written — reload to check' },
    ]);
  });

  it('the store pairs outcomes through it (a custom adapter resolving undefined cannot throw in saveFinished)', () => {
    assert.deepEqual(statuses(matchOutcomes(changes, undefined)), [['a1', 'failed', 'INVALID_OUTCOME'], ['__proto__', 'failed', 'INVALID_OUTCOME']]);
    assert.deepEqual(statuses(matchOutcomes(changes, [{ accountId: 'a1', status: 'ok' }])), [['a1', 'failed', 'INVALID_OUTCOME'], ['__proto__', 'failed', 'NO_OUTCOME']]);
  });
});

describe('guardSave', () => {
  const limits = { saveDeadlineMs: 300, requestTimeoutMs: 100 };

  it('runs saves one at a time, in call order', async () => {
    const log: string[] = [];
    const save = guardSave(async (cs) => {
      log.push(`start ${cs[0].accountId}`);
      await new Promise((r) => setTimeout(r, 20));
      log.push(`end ${cs[0].accountId}`);
      return cs.map((c) => ({ accountId: c.accountId, status: 'saved' as const }));
    }, { saveDeadlineMs: 5000, requestTimeoutMs: 1000 });
    await Promise.all([save([changes[0]]), save([changes[1]])]);
    assert.deepEqual(log, ['start a1', 'end a1', 'start __proto__', 'end __proto__']);
  });

  it('a save that never resolves ends at its deadline with UNKNOWN_OUTCOME, and the next save still runs', async () => {
    let calls = 0;
    const save = guardSave((cs, options: SaveOptions) => {
      calls++;
      if (calls === 1) return new Promise<SaveOutcome[]>(() => {}); // ignores its signal
      return Promise.resolve(cs.map((c) => ({ accountId: c.accountId, status: 'saved' as const })));
    }, limits);
    const started = Date.now();
    const first = await save(changes);
    assert.deepEqual(statuses(first), [['a1', 'failed', 'UNKNOWN_OUTCOME'], ['__proto__', 'failed', 'UNKNOWN_OUTCOME']]);
    assert.match(first[0].message!, /deadline of 300 ms.*reload/);
    const second = await save([changes[0]]);
    assert.deepEqual(statuses(second), [['a1', 'saved', null]]);
    assert.ok(Date.now() - started < 3000);
  });

  it('past the deadline, what the save reports ABORTED (not written) becomes TIMEOUT; a rejecting save is UNKNOWN_OUTCOME', async () => {
    const save = guardSave((cs, options: SaveOptions) => new Promise<SaveOutcome[]>((resolve) => {
      options.signal!.addEventListener('abort', () => resolve(cs.map((c) => ({ accountId: c.accountId, status: 'failed', code: 'ABORTED' }))));
    }), limits);
    assert.deepEqual(statuses(await save([changes[0]])), [['a1', 'failed', 'TIMEOUT']]);
    const throwing = guardSave(async () => {
      throw new Error('boom');
    }, limits);
    assert.deepEqual(statuses(await throwing([changes[0]])), [['a1', 'failed', 'UNKNOWN_OUTCOME']]);
  });
});
