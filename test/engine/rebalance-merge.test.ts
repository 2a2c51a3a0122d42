import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
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
function state(reps: Rep[], list: [string, number, number, number][]) {
  const accounts: Account[] = list.map(([id, potential, , lng]) => ({ id, name: id, lat: 40, lng, potential, workload: 1, ownerId: null }));
  const current: Assignments = {};
  for (const [id, , j] of list) current[id] = reps[j].id;
  const s = buildState(accounts, reps, current, { metrics: ['potential'], lockedAccountIds: new Set(), lockedRepIds: new Set(), maxMoves: Infinity, maxPotentialMoved: Infinity });
  s.band.fill(0.0475);
  const at = (id: string): number => accounts.findIndex((a) => a.id === id);
  return { s, at };
}

describe('mergeMoves', () => {
  it('shortens a chain A → B → C into one move when B and C stay within their bands', async () => {
    const reps = [rep('A', -100), rep('B', -99), rep('C', -98)];
    const { s, at } = state(reps, [
      ['a', 10, 0, -99.5],
      ['fA', 100, 0, -100],
      ['x', 10, 1, -98.5],
      ['fB', 90, 1, -99],
      ['fC', 90, 2, -98],
    ]);
    // what a search might leave: a went A → B, x went B → C (all three on target, two moves)
    applyMove(s, at('a'), 1);
    applyMove(s, at('x'), 2);
    assert.equal(s.moved, 2);
    const saved = await mergeMoves(s, new ReasonLog(s), slicer(), 0.5);
    assert.equal(saved, 1);
    assert.equal(s.moved, 1);
    assert.equal(s.owner[at('a')], 2, 'a goes straight to C');
    assert.equal(s.owner[at('x')], 1, 'x stays with B');
    for (let j = 0; j < 3; j++) assert.ok(Math.abs(s.load[j] / s.cap[j] - 1) <= 0.0475 + 1e-9);
  });

  it('merges two moves A → B into one move of an account worth both', async () => {
    const reps = [rep('A', -100), rep('B', -99)];
    const { s, at } = state(reps, [
      ['a', 10, 0, -99.6],
      ['x', 10, 0, -99.7],
      ['y', 20, 0, -99.8],
      ['fA', 80, 0, -100],
      ['fB', 80, 1, -99],
    ]);
    applyMove(s, at('a'), 1);
    applyMove(s, at('x'), 1);
    const saved = await mergeMoves(s, new ReasonLog(s), slicer(), 0.5);
    assert.equal(saved, 1);
    assert.equal(s.moved, 1);
    assert.equal(s.owner[at('y')], 1);
    assert.equal(s.owner[at('a')], 0);
    assert.equal(s.owner[at('x')], 0);
  });

  it('leaves the moves when no rewrite keeps the reps within their bands', async () => {
    const reps = [rep('A', -100), rep('B', -99)];
    const { s, at } = state(reps, [
      ['a', 10, 0, -99.6],
      ['x', 10, 0, -99.7],
      ['y', 35, 0, -99.8],
      ['fA', 65, 0, -100],
      ['fB', 80, 1, -99],
    ]);
    applyMove(s, at('a'), 1);
    applyMove(s, at('x'), 1);
    assert.equal(await mergeMoves(s, new ReasonLog(s), slicer(), 0.5), 0);
    assert.equal(s.moved, 2);
  });
});
