// guardBatchSave (territory and quota saves): one save at a time per adapter, each ended by its
// deadline — and, as guardSave does for account saves, the next save waits until the previous inner
// save has really stopped (bounded), so a late write of a save already reported UNKNOWN_OUTCOME cannot
// interleave with the next save's re-read and write. Runs on a fake clock: exact and independent of load.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SaveOptions, TerritoryChange, TerritorySaveOutcome } from '../../src/adapters/crm-adapter.js';
import { guardTerritorySave } from '../../src/adapters/shared/territory-save-guard.js';
import { installFakeClock, settleWithin } from '../helpers/fake-clock.js';

const limits = { saveDeadlineMs: 300, requestTimeoutMs: 100 };
const change: TerritoryChange = { id: 't1', territory: null };

/** An inner save whose first call ignores its signal and ends only when `finishFirst()` is called (or never). */
function slowFirst() {
  const log: string[] = [];
  let finishFirst: () => void = () => {};
  let calls = 0;
  const inner = async (changes: readonly TerritoryChange[], _options: SaveOptions): Promise<TerritorySaveOutcome[]> => {
    const n = ++calls;
    log.push(`start ${n}`);
    if (n === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
    log.push(`end ${n}`);
    return changes.map((c) => ({ territoryId: c.id, status: 'saved' }));
  };
  return { log, inner, finish: () => finishFirst() };
}

describe('guardBatchSave', () => {
  it('a save reported UNKNOWN_OUTCOME at its deadline still holds the queue until its inner save stops', async () => {
    const clock = installFakeClock();
    try {
      const { log, inner, finish } = slowFirst();
      const save = guardTerritorySave(inner, limits);
      const first = save([change]);
      const second = save([change]);
      const { value: [late], elapsedMs } = await settleWithin(clock, first, 300 + 100);
      assert.equal(elapsedMs, 300 + 100, 'deadline, then the grace');
      assert.deepEqual([late.status, late.code], ['failed', 'UNKNOWN_OUTCOME']);
      await clock.tickAsync(50);
      assert.deepEqual(log, ['start 1'], 'the second save waits while the first may still write');
      finish();
      const { value: [next] } = await settleWithin(clock, second, 300 + 100);
      assert.equal(next.status, 'saved');
      assert.deepEqual(log, ['start 1', 'end 1', 'start 2', 'end 2']);
    } finally {
      clock.uninstall();
    }
  });

  it('an inner save that never stops holds the queue only for a bounded time (twice the request timeout + 1 s)', async () => {
    const clock = installFakeClock();
    try {
      const { log, inner } = slowFirst();
      const save = guardTerritorySave(inner, limits);
      const first = save([change]);
      const second = save([change]);
      await settleWithin(clock, first, 300 + 100);
      // The cap runs from the deadline (300 ms): 2 × 100 + 1000 ms later the next save starts.
      const { value: [next], elapsedMs } = await settleWithin(clock, second, 2 * 100 + 1000);
      assert.equal(next.status, 'saved');
      assert.equal(elapsedMs, 2 * 100 + 1000 - 100, 'started at deadline + cap, answered at once');
      assert.deepEqual(log, ['start 1', 'start 2', 'end 2']);
    } finally {
      clock.uninstall();
    }
  });
});
