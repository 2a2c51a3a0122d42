import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adjacency } from '../../src/engine/rebalance/balance-moves.js';
import { fewerMoves } from '../../src/engine/rebalance/fewer-moves.js';
import { mergeMoves } from '../../src/engine/rebalance/merge-moves.js';
import { applyMove } from '../../src/engine/rebalance/objective.js';
import { ReasonLog } from '../../src/engine/rebalance/reasons.js';
import { Slicer } from '../../src/engine/rebalance/slicer.js';
import { buildState } from '../../src/engine/rebalance/state.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';

const slicer = (): Slicer => new Slicer(40, undefined, undefined, () => ({ moves: 0, maxDeviation: 0 }));
const rep = (id: string, lng: number): Rep => ({ id, name: id, home: { lat: 40, lng }, capacity: 1, skills: [], active: true });

/** Reps on a line (1° apart), accounts [id, potential, starting rep index, lng]; potential is the only metric. */
function state(reps: Rep[], list: [string, number, number, number][], maxMoves = Infinity) {
  const accounts: Account[] = list.map(([id, potential, , lng]) => ({ id, name: id, lat: 40, lng, potential, workload: 1, ownerId: null }));
  const current: Assignments = {};
  for (const [id, , j] of list) current[id] = reps[j].id;
  const s = buildState(accounts, reps, current, { metrics: ['potential'], lockedAccountIds: new Set(), lockedRepIds: new Set(), maxMoves, maxPotentialMoved: Infinity });
  s.band.fill(0.0475);
  const at = (id: string): number => accounts.findIndex((a) => a.id === id);
  return { s, at };
}

const list: [string, number, number, number][] = [
  ['a', 10, 0, -99.6],
  ['b', 10, 0, -99.7],
  ['x', 10, 0, -99.8],
  ['y', 30, 0, -99.9],
  ['fA', 70, 0, -100],
  ['fB', 70, 1, -99],
];

describe('fewerMoves', () => {
  it('replaces three small moves by one large one, which pairwise merges cannot', async () => {
    const { s, at } = state([rep('A', -100), rep('B', -99)], list);
    // what a search might leave: three accounts of 10 went A → B (both reps on target, three moves)
    for (const id of ['a', 'b', 'x']) applyMove(s, at(id), 1);
    const log = new ReasonLog(s);
    assert.equal(await mergeMoves(s, log, slicer(), 0.5), 0, 'no account of A is worth two of them');
    assert.equal(s.moved, 3);
    const saved = await fewerMoves(s, adjacency(s), log, slicer(), 0.5);
    assert.equal(saved, 2);
    assert.equal(s.moved, 1);
    assert.equal(s.owner[at('y')], 1, 'y (30) goes instead');
    for (const id of ['a', 'b', 'x']) assert.equal(s.owner[at(id)], 0, `${id} stays with A`);
    for (let j = 0; j < 2; j++) assert.ok(Math.abs(s.load[j] / s.cap[j] - 1) <= 0.0475 + 1e-9);
  });

  it('restores the plan exactly when no repair has fewer moves', async () => {
    const { s, at } = state([rep('A', -100), rep('B', -99)], list);
    applyMove(s, at('y'), 1); // already the fewest: one move
    const owners = Array.from(s.owner);
    const load = Array.from(s.load);
    assert.equal(await fewerMoves(s, adjacency(s), new ReasonLog(s), slicer(), 0.5), 0);
    assert.deepEqual(Array.from(s.owner), owners);
    assert.deepEqual(Array.from(s.load), load);
    assert.equal(s.moved, 1);
  });

  it('leaves a plan outside its bands alone', async () => {
    const { s, at } = state([rep('A', -100), rep('B', -99)], list);
    applyMove(s, at('a'), 1); // A 130 → 120, still over its band
    assert.equal(await fewerMoves(s, adjacency(s), new ReasonLog(s), slicer(), 0.5), 0);
    assert.equal(s.owner[at('a')], 1);
    assert.equal(s.moved, 1);
  });
});
