import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rebalance } from '../../src/engine/rebalance.js';
import { adjacency } from '../../src/engine/rebalance/balance-moves.js';
import { maxDeviation } from '../../src/engine/rebalance/objective.js';
import { priceMoves } from '../../src/engine/rebalance/price-moves.js';
import { ReasonLog } from '../../src/engine/rebalance/reasons.js';
import { Slicer } from '../../src/engine/rebalance/slicer.js';
import { buildState } from '../../src/engine/rebalance/state.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';

const rep = (id: string, lng: number): Rep => ({ id, name: id, home: { lat: 40, lng }, capacity: 1, skills: [], active: true });

/**
 * Four reps in a row on a parallel (A at 0°, B at 1°, C at 2°, D at 3°) and 160 accounts spread
 * evenly from −0.5° to 3.5°. A holds everything west of 0.8° (52 accounts, 30% over), B and C a
 * degree each (40, on target), D the rest (28, 30% under): the balanced plan shifts every border
 * 0.3° east — a chain A→B→C→D of short hand-overs, where direct moves would send A's accounts 2–3°
 * away to D.
 */
function line(): { accounts: Account[]; reps: Rep[]; current: Assignments } {
  const reps = [rep('A', 0), rep('B', 1), rep('C', 2), rep('D', 3)];
  const accounts: Account[] = [];
  const current: Assignments = {};
  for (let q = 0; q < 160; q++) {
    const lng = -0.5 + (q + 0.5) / 40;
    const id = `a${String(q).padStart(3, '0')}`;
    accounts.push({ id, name: id, lat: 40 + ((q % 5) - 2) * 0.01, lng, potential: 100, workload: 1, ownerId: null });
    current[id] = lng < 0.8 ? 'A' : lng < 1.8 ? 'B' : lng < 2.8 ? 'C' : 'D';
  }
  return { accounts, reps, current };
}

function state(budget = Infinity, locked: string[] = []): ReturnType<typeof buildState> {
  const { accounts, reps, current } = line();
  const s = buildState(accounts, reps, current, {
    metrics: ['workload', 'potential'],
    lockedAccountIds: new Set(locked),
    lockedRepIds: new Set(),
    maxMoves: budget,
    maxPotentialMoved: Infinity,
  });
  s.band.fill(0.0475);
  return s;
}

const slicer = (): Slicer => new Slicer(40, undefined, undefined, () => ({ moves: 0, maxDeviation: 0 }));

describe('priceMoves', () => {
  it('passes a regional surplus along a chain of neighbouring reps, one short hand-over per border', async () => {
    const s = state();
    const start = maxDeviation(s);
    const moved = await priceMoves(s, adjacency(s), 0.3, new ReasonLog(s), slicer(), [0, 1]);
    assert.ok(moved > 0);
    assert.ok(maxDeviation(s) < start / 2, `max deviation ${maxDeviation(s)} from ${start}`);
    let oneStep = 0;
    for (let i = 0; i < s.n; i++) {
      if (s.owner[i] === s.orig[i]) continue;
      // moves go east, never straight across the map (A to D), nearly all to the next rep
      assert.ok(s.owner[i] > s.orig[i] && !(s.orig[i] === 0 && s.owner[i] === 3), `${s.accounts[i].id} went from ${s.orig[i]} to ${s.owner[i]}`);
      if (s.owner[i] === s.orig[i] + 1) oneStep++;
    }
    assert.ok(oneStep >= moved - 2, `${oneStep} of ${moved} moves to the next rep`);
    // B and C pass accounts on as well as taking them: the chain carries the surplus to D
    const gave = (j: number): number => s.orig.filter((o, i) => o === j && s.owner[i] !== j).length;
    assert.ok(gave(1) > 0 && gave(2) > 0);
  });

  it('leaves everything to the local search when a budget is set', async () => {
    const s = state(20);
    assert.equal(await priceMoves(s, adjacency(s), 0.3, new ReasonLog(s), slicer(), [0, 1]), 0);
    assert.equal(s.moved, 0);
  });

  it('never moves a locked account', async () => {
    const locked = ['a030', 'a031', 'a032', 'a070', 'a071'];
    const s = state(Infinity, locked);
    await priceMoves(s, adjacency(s), 0.3, new ReasonLog(s), slicer(), [0, 1]);
    for (const id of locked) {
      const i = s.accounts.findIndex((a) => a.id === id);
      assert.equal(s.owner[i], s.orig[i], id);
    }
  });

  it('lets rebalance balance the row with neighbour hand-overs only (proximity ≥ 1), and says so in the reasons', async () => {
    const input = line();
    const result = await rebalance(input, { proximity: 1 });
    assert.equal(result.status, 'balanced');
    const order = ['A', 'B', 'C', 'D'];
    for (const m of result.moves) assert.equal(order.indexOf(m.to), order.indexOf(m.from as string) + 1, `${m.accountId}: ${m.from} → ${m.to}`);
    // B gives while on target: its moves are explained as links of the chain
    const fromB = result.moves.filter((m) => m.from === 'B');
    assert.ok(fromB.length > 0);
    for (const m of fromB) assert.match(m.reason, /^B was on (workload|potential) target; C \(\d+ km away\) was on (workload|potential) target \(a hand-over in a chain between neighbouring reps/);
  });
});
