import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatePlan } from '../../src/engine/evaluate-plan.js';
import { rebalance } from '../../src/engine/rebalance.js';
import { runRebalance } from '../../src/engine/rebalance/run-rebalance.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';
import { createRandom } from '../../src/data/random.js';

const rep = (id: string, lat: number, lng: number, extra: Partial<Rep> = {}): Rep => ({
  id,
  name: `Rep ${id}`,
  home: { lat, lng },
  capacity: 1,
  skills: [],
  active: true,
  ...extra,
});

const account = (id: string, lat: number | null, lng: number | null, potential: number, extra: Partial<Account> = {}): Account => ({
  id,
  name: `Account ${id}`,
  lat,
  lng,
  potential,
  workload: 1,
  ownerId: null,
  ...extra,
});

/** n accounts around `reps` homes, all assigned to the first `skew` share of reps (seeded). */
function instance(n: number, repCount: number, seed: number, heavy = false): { accounts: Account[]; reps: Rep[]; current: Assignments } {
  const rng = createRandom(seed);
  const reps = Array.from({ length: repCount }, (_, j) => rep(`r${j}`, 35 + (j % 4) * 2, -100 + Math.floor(j / 4) * 3));
  const accounts: Account[] = [];
  const current: Assignments = {};
  for (let i = 0; i < n; i++) {
    const home = reps[rng.int(0, repCount - 1)].home!;
    const a = account(`a${i}`, home.lat + rng.normal() * 0.6, home.lng + rng.normal() * 0.6, heavy ? Math.round(rng.lognormal(1000, 1)) : rng.int(500, 1500), {
      workload: rng.int(1, 3),
    });
    accounts.push(a);
    // a skewed plan: the lower half of the reps get two thirds of the accounts
    const owner = rng.chance(0.67) ? rng.int(0, Math.floor(repCount / 2) - 1) : rng.int(0, repCount - 1);
    current[a.id] = reps[owner].id;
  }
  return { accounts, reps, current };
}

describe('rebalance', () => {
  it('balances a skewed plan within tolerance on workload and potential, moving few accounts', async () => {
    const input = instance(600, 8, 1);
    const result = await rebalance(input);
    assert.equal(result.status, 'balanced');
    assert.ok(result.metrics.before.balance.workload.maxDeviation > 0.3);
    assert.ok(result.metrics.after.balance.workload.maxDeviation <= 0.05 + 1e-9);
    assert.ok(result.metrics.after.balance.potential.maxDeviation <= 0.05 + 1e-9);
    const { accountsMoved, lowerBound } = result.metrics.comparison;
    assert.ok(accountsMoved >= lowerBound.accounts);
    assert.ok(accountsMoved <= 2 * lowerBound.accounts, `${accountsMoved} moves vs lower bound ${lowerBound.accounts}`);
  });

  it('gives a readable reason naming both reps and the distance', async () => {
    const reps = [rep('ana', 40, -100, { name: 'Ana' }), rep('ben', 40, -99.5, { name: 'Ben' })];
    const accounts = Array.from({ length: 20 }, (_, i) => account(`a${i}`, 40, -100 + i * 0.025, 100));
    const current = Object.fromEntries(accounts.map((a, i) => [a.id, i < 16 ? 'ana' : 'ben']));
    const result = await rebalance({ accounts, reps, current });
    assert.equal(result.status, 'balanced');
    assert.equal(result.moves.length, 6);
    for (const m of result.moves) {
      assert.equal(m.from, 'ana');
      assert.equal(m.to, 'ben');
      assert.match(m.reason, /^Ana was \d+% over (workload|potential) target; Ben \(\d+ km away\) was \d+% under (workload|potential) target$/);
    }
    // the accounts nearest to Ben move
    assert.deepEqual(
      result.moves.map((m) => m.accountId).sort(),
      ['a10', 'a11', 'a12', 'a13', 'a14', 'a15'],
    );
  });

  it('empties an inactive rep and assigns unassigned accounts', async () => {
    const input = instance(300, 6, 2);
    const reps = input.reps.map((r) => (r.id === 'r1' ? { ...r, active: false } : r));
    const current = { ...input.current, a0: null, a1: null };
    const result = await rebalance({ ...input, reps, current });
    assert.equal(result.status, 'balanced');
    assert.equal(result.metrics.after.byRep.r1.count, 0);
    assert.equal(result.metrics.after.unassigned.count, 0);
    assert.deepEqual(result.unplacedAccountIds, []);
    const fromInactive = result.moves.filter((m) => m.from === 'r1');
    assert.ok(fromInactive.length > 0);
    assert.match(fromInactive[0].reason, /^Rep r1 is inactive; /);
    assert.match(result.moves.find((m) => m.accountId === 'a0')!.reason, /^Unassigned; /);
  });

  it('stops at maxMoves when an inactive rep has more accounts, and says so', async () => {
    const input = instance(300, 6, 3);
    const reps = input.reps.map((r) => (r.id === 'r0' ? { ...r, active: false } : r));
    const onR0 = input.accounts.filter((a) => input.current[a.id] === 'r0').length;
    const result = await rebalance({ ...input, reps }, { maxMoves: 10 });
    assert.ok(onR0 > 10);
    assert.equal(result.status, 'budget-exhausted');
    assert.equal(result.moves.length, 10);
    assert.equal(result.unplacedAccountIds.length, onR0 - 10);
    // plain words, no option names (#14)
    assert.match(result.explanation, /^Stopped at the move limit of 10 accounts: 10 accounts moved\./);
    assert.doesNotMatch(result.explanation, /maxMoves/);
    assert.equal(result.orphansPlaced, 10);
    assert.match(result.explanation, /Accounts without an active owner are placed first: 10 of the moves went to them\./);
    assert.match(result.explanation, /could not be placed/);
  });

  it('names locked accounts left on an inactive rep as the reason they stay', async () => {
    const input = instance(300, 6, 3);
    const reps = input.reps.map((r) => (r.id === 'r0' ? { ...r, active: false } : r));
    const onR0 = input.accounts.filter((a) => input.current[a.id] === 'r0');
    const lockedIds = new Set(onR0.slice(0, 2).map((a) => a.id));
    const accounts = input.accounts.map((a) => (lockedIds.has(a.id) ? { ...a, locked: true } : a));
    const result = await rebalance({ ...input, accounts, reps });
    assert.deepEqual(new Set(result.unplacedAccountIds), lockedIds);
    assert.match(result.explanation, /^2 accounts without an active owner could not be placed \(all of them locked: unlock them or assign them by hand\)\./);
    // the reps themselves are balanced, and the result says so (#14: not "blocked" when balanced)
    assert.equal(result.status, 'infeasible');
    assert.deepEqual(result.outsideToleranceRepIds, []);
    assert.match(result.explanation, /\. Every active rep is within ±5\.0% \(worst: /);
    const one = await rebalance({ ...input, accounts, reps }, { lockedAccountIds: [], maxMoves: 2 });
    assert.match(one.explanation, /could not be placed \(2 of them locked: unlock them or assign them by hand\)/);
  });

  it('never moves locked accounts or touches locked reps', async () => {
    const input = instance(400, 6, 4);
    const lockedAccounts = input.accounts.filter((_, i) => i % 5 === 0).map((a) => a.id);
    const result = await rebalance(input, { lockedAccountIds: lockedAccounts, lockedRepIds: ['r0'] });
    const moved = new Set(result.moves.map((m) => m.accountId));
    for (const id of lockedAccounts) assert.ok(!moved.has(id));
    for (const m of result.moves) {
      assert.notEqual(m.from, 'r0');
      assert.notEqual(m.to, 'r0');
    }
    assert.ok(result.moves.length > 0);
  });

  it('reports the lower bound when one account is larger than a fair share', async () => {
    const reps = [rep('a', 40, -100), rep('b', 40, -101), rep('c', 40, -102)];
    const accounts = [account('big', 40, -100, 10_000), ...Array.from({ length: 30 }, (_, i) => account(`s${i}`, 40, -100 - (i % 3), 100))];
    const current = Object.fromEntries(accounts.map((acc, i) => [acc.id, reps[i % 3].id]));
    const result = await rebalance({ accounts, reps, current }, { metrics: ['potential'] });
    const bound = result.metrics.after.balance.potential.lowerBound;
    assert.ok(bound > 0.05);
    assert.equal(result.status, 'at-lower-bound');
    assert.ok(result.metrics.after.balance.potential.maxDeviation <= bound + 0.01 + 1e-9);
  });

  it('rejects bad input naming the record and field', async () => {
    const reps = [rep('a', 40, -100)];
    await assert.rejects(rebalance({ accounts: [account('x', 40, -100, -5)], reps, current: {} }), /account "x": potential/);
    await assert.rejects(rebalance({ accounts: [account('x', 40, -100, 5), account('x', 40, -100, 5)], reps, current: {} }), /account "x"/);
    await assert.rejects(rebalance({ accounts: [], reps, current: {} }, { maxMoves: -1 }), /maxMoves/);
  });

  it('rejects with an AbortError when aborted, before or during the run', async () => {
    const input = instance(2000, 12, 5, true);
    const before = new AbortController();
    before.abort();
    await assert.rejects(rebalance(input, { signal: before.signal }), { name: 'AbortError' });

    const during = new AbortController();
    let reports = 0;
    const run = rebalance(input, {
      signal: during.signal,
      sliceMs: 1,
      onProgress: (p) => {
        reports++;
        if (p.phase === 'balance') during.abort();
      },
    });
    await assert.rejects(run, { name: 'AbortError' });
    assert.ok(reports > 0);
  });

  it('yields to the event loop between slices and reports progress', async () => {
    const input = instance(2000, 12, 6, true);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const fractions: number[] = [];
    const result = await rebalance(input, { sliceMs: 2, onProgress: (p) => fractions.push(p.fraction) });
    clearInterval(timer);
    assert.ok(ticks > 0, 'a timer ran while the rebalance was in progress');
    assert.ok(fractions.length > 2);
    assert.deepEqual(fractions, fractions.slice().sort((a, b) => a - b));
    assert.equal(fractions.at(-1), 1);
    assert.ok(result.moves.length > 0);
  });

  it('breaks ties between equally good moves by the lower account id, whatever the input order', async () => {
    // A holds three identical accounts (same place, same values), B one: one of A's must move to B,
    // and every candidate move is exactly as good as the others. (A move budget skips the price pass,
    // whose hand-overs follow the input order; the rule is the local search's.)
    const reps = [rep('A', 40, -100), rep('B', 40, -99)];
    for (const order of [['a2', 'a3', 'a1'], ['a3', 'a1', 'a2'], ['a1', 'a2', 'a3']]) {
      const accounts = [...order.map((id) => account(id, 40, -99.5, 100, { ownerId: 'A' })), account('b1', 40, -99, 100, { ownerId: 'B' })];
      const current: Assignments = { a1: 'A', a2: 'A', a3: 'A', b1: 'B' };
      const r = await rebalance({ accounts, reps, current }, { tolerance: 0.05, maxMoves: 10 });
      assert.deepEqual(
        r.moves.map((m) => [m.accountId, m.from, m.to]),
        [['a1', 'A', 'B']],
        `input order ${order.join(', ')}`,
      );
    }
  });

  it('returns metrics equal to evaluatePlan of the result', async () => {
    const input = instance(500, 7, 7, true);
    const result = await rebalance(input, { tolerance: 0.08 });
    assert.deepEqual(result.metrics.after, evaluatePlan(input.accounts, input.reps, result.assignments, { tolerance: 0.08, balanceOn: ['workload', 'potential'] }));
    assert.deepEqual(result.metrics.before, evaluatePlan(input.accounts, input.reps, input.current, { tolerance: 0.08, balanceOn: ['workload', 'potential'] }));
  });

  it('runRebalance falls back to the main thread in Node and gives the same result', async () => {
    const input = instance(500, 7, 8);
    assert.equal(typeof (globalThis as { Worker?: unknown }).Worker, 'undefined');
    const viaRun = await runRebalance(input, { worker: 'auto' });
    const direct = await rebalance(input);
    assert.deepEqual(viaRun.assignments, direct.assignments);
    assert.deepEqual(viaRun.moves, direct.moves);
  });
});
