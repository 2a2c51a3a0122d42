import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adjacency } from '../../src/engine/rebalance/balance-moves.js';
import { compactTidy } from '../../src/engine/rebalance/compact-tidy.js';
import { runSteps } from '../../src/engine/metrics/steps.js';
import { setBands } from '../../src/engine/rebalance/limits.js';
import { ReasonLog } from '../../src/engine/rebalance/reasons.js';
import { Slicer } from '../../src/engine/rebalance/slicer.js';
import { buildState } from '../../src/engine/rebalance/state.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';

const rep = (id: string, lng: number): Rep => ({ id, name: id, home: { lat: 40, lng }, capacity: 1, skills: [], active: true });

/**
 * Reps A (0°) and B (2°), target 50 workload each: A holds 51 (+2%) at its home, B holds 49 (−2%),
 * of which account "x" (workload 1.45) lies 0.1° from A's home. Giving x to A leaves both reps 4.9%
 * off: outside the search's band (4.75%), inside the ±5% tolerance.
 */
function setup(): ReturnType<typeof buildState> {
  const reps = [rep('A', 0), rep('B', 2)];
  const accounts: Account[] = [];
  const current: Assignments = {};
  const add = (id: string, lng: number, workload: number, owner: string): void => {
    accounts.push({ id, name: id, lat: 40, lng, potential: 100, workload, ownerId: owner });
    current[id] = owner;
  };
  for (let q = 0; q < 51; q++) add(`A${q}`, 0, 1, 'A');
  for (let q = 0; q < 47; q++) add(`B${q}`, 2, 1, 'B');
  add('B47', 2, 0.55, 'B');
  add('x', 0.1, 1.45, 'B');
  const s = buildState(accounts, reps, current, { metrics: ['workload'], lockedAccountIds: new Set(), lockedRepIds: new Set(), maxMoves: Infinity, maxPotentialMoved: Infinity });
  runSteps(setBands(s, 0.05, [0]));
  return s;
}

const slicer = (): Slicer => new Slicer(40, undefined, undefined, () => ({ moves: 0, maxDeviation: 0 }));
const dev = (s: ReturnType<typeof buildState>, j: number): number => s.load[j] / s.cap[j] - 1;

describe('compactTidy', () => {
  it('uses the room between the band and the tolerance when given the tolerance, and never leaves it', async () => {
    const s = setup();
    const x = s.accounts.findIndex((a) => a.id === 'x');
    await compactTidy(s, adjacency(s), new ReasonLog(s), slicer(), 0.84, 0.05);
    assert.equal(s.reps[s.owner[x]].id, 'A');
    for (let j = 0; j < 2; j++) assert.ok(Math.abs(dev(s, j)) <= 0.05, `rep ${j}: ${dev(s, j)}`);
  });

  it('without the tolerance keeps to the band: x stays with B', async () => {
    const s = setup();
    const x = s.accounts.findIndex((a) => a.id === 'x');
    await compactTidy(s, adjacency(s), new ReasonLog(s), slicer(), 0.84);
    assert.equal(s.reps[s.owner[x]].id, 'B');
  });

  it('does not take a move that would leave a rep outside the tolerance', async () => {
    const s = setup();
    const x = s.accounts.findIndex((a) => a.id === 'x');
    // ±4.8%: x to A would leave both 4.9% off
    await compactTidy(s, adjacency(s), new ReasonLog(s), slicer(), 0.84, 0.048);
    assert.equal(s.reps[s.owner[x]].id, 'B');
  });
});
