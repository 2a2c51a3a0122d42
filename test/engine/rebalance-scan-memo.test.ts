import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { rebalance } from '../../src/engine/rebalance.js';
import { makeInstance } from '../../bench/instances.js';

// The direct pass of the local search (rebalance/balance-moves.ts) answers repeated scans of a rep
// from a memo of its best pairs, and rescans only the candidate reps that moved the wrong way since
// (issue #16, speed at 100k × 500). The memo is an exact shortcut: the plan must be the one of the
// engine before it (main 977752a's balance-moves.ts, where any stale candidate meant a full scan, with
// the later passes of today; checked by swapping that file in). The golden values
// below were taken from that engine; dropping the rescan of the stale pairs changes them.

/** sha1 of the move list (account, from, to, in order), first 12 hex digits. */
function digest(moves: unknown[]): string {
  return createHash('sha1').update(JSON.stringify(moves)).digest('hex').slice(0, 12);
}

describe('rebalance: the scan memo changes no choice', () => {
  it('gives the same moves as the full-scan engine on a seeded 4k × 40 instance with heavy accounts', async () => {
    const result = await rebalance(makeInstance('heavy', 4000, 40));
    assert.equal(result.status, 'balanced');
    assert.equal(result.moves.length, 340);
    assert.equal(digest(result.moves), 'b9c0d50cb9c6');
  });
});
