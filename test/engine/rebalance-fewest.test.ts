import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fewestSearch } from '../../src/engine/rebalance/fewest-search.js';
import { applyMove } from '../../src/engine/rebalance/objective.js';
import { ReasonLog } from '../../src/engine/rebalance/reasons.js';
import { Slicer } from '../../src/engine/rebalance/slicer.js';
import { buildState } from '../../src/engine/rebalance/state.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';

const slicer = (): Slicer => new Slicer(40, undefined, undefined, () => ({ moves: 0, maxDeviation: 0 }));
const rep = (id: string, lng: number): Rep => ({ id, name: id, home: { lat: 40, lng }, capacity: 1, skills: [], active: true });

/** Reps on a line, accounts [id, potential, starting rep index, lng]; potential is the only metric. */
function state(reps: Rep[], list: [string, number, number, number][], options: { maxMoves?: number; locked?: string[] } = {}) {
  const accounts: Account[] = list.map(([id, potential, , lng]) => ({ id, name: id, lat: 40, lng, potential, workload: 1, ownerId: null }));
  const current: Assignments = {};
  for (const [id, , j] of list) current[id] = reps[j].id;
  const s = buildState(accounts, reps, current, {
    metrics: ['potential'],
    lockedAccountIds: new Set(options.locked ?? []),
    lockedRepIds: new Set(),
    maxMoves: options.maxMoves ?? Infinity,
    maxPotentialMoved: Infinity,
  });
  s.band.fill(0.0475);
  const at = (id: string): number => accounts.findIndex((a) => a.id === id);
  return { s, at };
}
const within = (s: ReturnType<typeof state>['s'], tol = 0.05): boolean => {
  for (let j = 0; j < s.r; j++) if (Math.abs(s.load[j] / s.cap[j] - 1) > tol + 1e-9) return false;
  return true;
};

// A holds 130, B 70: A must give 25–35
const list: [string, number, number, number][] = [
  ['a', 10, 0, -99.6],
  ['b', 10, 0, -99.7],
  ['x', 10, 0, -99.8],
  ['y', 30, 0, -99.9],
  ['fA', 70, 0, -100],
  ['fB', 70, 1, -99],
];

describe('fewestSearch', () => {
  it('replaces a plan of three moves by the single move the lower bound says is enough', async () => {
    const { s, at } = state([rep('A', -100), rep('B', -99)], list);
    for (const id of ['a', 'b', 'x']) applyMove(s, at(id), 1);
    assert.equal(await fewestSearch(s, 0.05, 0.3, new ReasonLog(s), slicer(), 0.5), 2);
    assert.equal(s.moved, 1);
    assert.equal(s.owner[at('y')], 1);
    for (const id of ['a', 'b', 'x']) assert.equal(s.owner[at(id)], 0, `${id} back with A`);
    assert.ok(within(s));
  });

  it('keeps locked accounts where they are', async () => {
    const { s, at } = state([rep('A', -100), rep('B', -99)], list, { locked: ['y'] });
    for (const id of ['a', 'b', 'x']) applyMove(s, at(id), 1);
    assert.equal(await fewestSearch(s, 0.05, 0.3, new ReasonLog(s), slicer(), 0.5), 0, 'without y, three moves are the fewest');
    assert.equal(s.owner[at('y')], 0);
    assert.equal(s.moved, 3);
  });

  it('under a move budget, balances a plan the search left outside its bands', async () => {
    const { s, at } = state([rep('A', -100), rep('B', -99)], list, { maxMoves: 1 });
    applyMove(s, at('a'), 1); // A 120: still over
    assert.ok(!within(s));
    assert.equal(await fewestSearch(s, 0.05, 0.3, new ReasonLog(s), slicer(), 0.5), 1);
    assert.equal(s.moved, 1);
    assert.equal(s.owner[at('y')], 1);
    assert.ok(within(s));
  });

  it('when no balanced plan fits the budget, keeps the moves that matter most if that ends closer', async () => {
    // A 150, B 50: A must give 45–55, and no single account of A does (two of 25 and one of 100)
    const l2: [string, number, number, number][] = [
      ['p', 25, 0, -99.5],
      ['q', 25, 0, -99.6],
      ['z', 100, 0, -100],
      ['fB', 50, 1, -99],
    ];
    const { s, at } = state([rep('A', -100), rep('B', -99)], l2, { maxMoves: 1 });
    assert.equal(await fewestSearch(s, 0.05, 0.3, new ReasonLog(s), slicer(), 0.5), 0, 'trimmed, not balanced: no move saved');
    assert.equal(s.moved, 1, 'one move, the budget');
    assert.equal(s.owner[at('p')] + s.owner[at('q')], 1, 'one of the 25s went to B');
    assert.equal(s.owner[at('z')], 0);
  });

  it('does not trade two short moves for one long one unless proximity is 0', async () => {
    // A 130, B 90 (target 110): near1 + near2 (beside B) or far alone (12° west)
    const l3: [string, number, number, number][] = [
      ['near1', 10, 0, -99.1],
      ['near2', 10, 0, -99.2],
      ['far', 20, 0, -112],
      ['base', 90, 0, -100],
      ['fB', 90, 1, -99],
    ];
    for (const [proximity, moves] of [
      [0.3, 2],
      [0, 1],
    ] as const) {
      const { s, at } = state([rep('A', -100), rep('B', -99)], l3);
      applyMove(s, at('near1'), 1);
      applyMove(s, at('near2'), 1);
      await fewestSearch(s, 0.05, proximity, new ReasonLog(s), slicer(), 0.5);
      assert.equal(s.moved, moves, `proximity ${proximity}`);
      assert.equal(s.owner[at('far')], moves === 1 ? 1 : 0);
      assert.ok(within(s));
    }
  });

  it('shortens the plan it finds at the same count: a near account of the same rep instead of a far one', async () => {
    // A 145 (37 locked), B 55: A must give 40–50. The search's first pick is far (33, 12° west, the
    // best fit), then one of 15; near (30, beside B) does the same job with a shorter move
    const l4: [string, number, number, number][] = [
      ['far', 33, 0, -112],
      ['near', 30, 0, -99.2],
      ['s1', 15, 0, -99.5],
      ['s2', 15, 0, -99.5],
      ['s3', 15, 0, -99.5],
      ['base', 37, 0, -100],
      ['fB', 55, 1, -99],
    ];
    const { s, at } = state([rep('A', -100), rep('B', -99)], l4, { locked: ['base'] });
    for (const id of ['s1', 's2', 's3']) applyMove(s, at(id), 1);
    assert.equal(await fewestSearch(s, 0.05, 0.3, new ReasonLog(s), slicer(), 0.5), 1);
    assert.equal(s.moved, 2);
    assert.equal(s.owner[at('far')], 0, 'far stays');
    assert.equal(s.owner[at('near')], 1, 'near goes instead');
    assert.ok(within(s));
  });
});
