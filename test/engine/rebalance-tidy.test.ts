import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adjacency } from '../../src/engine/rebalance/balance-moves.js';
import { applyMove } from '../../src/engine/rebalance/objective.js';
import { ReasonLog } from '../../src/engine/rebalance/reasons.js';
import { Slicer } from '../../src/engine/rebalance/slicer.js';
import { buildState } from '../../src/engine/rebalance/state.js';
import { tidyMoves } from '../../src/engine/rebalance/tidy.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';

const rep = (id: string, lng: number): Rep => ({ id, name: id, home: { lat: 40, lng }, capacity: 1, skills: [], active: true });

/** Three reps on a parallel (A at 0°, B at 1°, C at 5°), ten accounts around each home, plus account "x" of A at 0.8°. */
function setup(): ReturnType<typeof buildState> {
  const reps = [rep('A', 0), rep('B', 1), rep('C', 5)];
  const accounts: Account[] = [];
  const current: Assignments = {};
  for (const r of reps) {
    for (let q = 0; q < 10; q++) {
      const id = `${r.id}${q}`;
      accounts.push({ id, name: id, lat: 40 + (q - 5) * 0.01, lng: r.home!.lng, potential: 100, workload: 1, ownerId: r.id });
      current[id] = r.id;
    }
  }
  accounts.push({ id: 'x', name: 'x', lat: 40, lng: 0.8, potential: 100, workload: 1, ownerId: 'A' });
  current.x = 'A';
  return buildState(accounts, reps, current, {
    metrics: ['workload'],
    lockedAccountIds: new Set(),
    lockedRepIds: new Set(),
    maxMoves: Infinity,
    maxPotentialMoved: Infinity,
  });
}

const slicer = (): Slicer => new Slicer(40, undefined, undefined, () => ({ moves: 0, maxDeviation: 0 }));

describe('tidyMoves', () => {
  it('sends a moved account back to its starting rep when both reps stay within their bands', async () => {
    const s = setup();
    s.band.fill(0.2);
    const x = s.accounts.findIndex((a) => a.id === 'x');
    applyMove(s, x, 2); // A → C, a long detour
    assert.equal(s.moved, 1);
    const got = await tidyMoves(s, adjacency(s), new ReasonLog(s), slicer(), 0.8);
    assert.deepEqual(got, { undone: 1, rerouted: 0 });
    assert.equal(s.owner[x], 0);
    assert.equal(s.moved, 0);
  });

  it('reroutes a moved account to a nearer rep with room when going back would break the band', async () => {
    const s = setup();
    const x = s.accounts.findIndex((a) => a.id === 'x');
    applyMove(s, x, 2); // A → C
    // without x, A is 3% under target and C 6% over: taking x back would put A 6% over (band 0),
    // B has room (band 20%), C is over its 5% band
    s.band.fill(0);
    s.band[1] = 0.2;
    s.band[2] = 0.05;
    const before = [0, 1, 2].map((j) => s.load[j]);
    const got = await tidyMoves(s, adjacency(s), new ReasonLog(s), slicer(), 0.8);
    assert.deepEqual(got, { undone: 0, rerouted: 1 });
    assert.equal(s.owner[x], 1);
    assert.equal(s.moved, 1);
    assert.ok(s.load[2] < before[2]);
  });

  it('leaves a moved account where it is when no nearer rep can take it without losing balance', async () => {
    const s = setup();
    const x = s.accounts.findIndex((a) => a.id === 'x');
    applyMove(s, x, 2);
    s.band.fill(0);
    s.band[2] = 0.2; // C is happy with x; A and B would go over their band
    const got = await tidyMoves(s, adjacency(s), new ReasonLog(s), slicer(), 0.8);
    assert.deepEqual(got, { undone: 0, rerouted: 0 });
    assert.equal(s.owner[x], 2);
  });
});
