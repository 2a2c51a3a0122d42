import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatePlan } from '../../src/engine/evaluate-plan.js';
import { rebalance } from '../../src/engine/rebalance.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';

const rep = (id: string, lng: number, extra: Partial<Rep> = {}): Rep => ({ id, name: `Rep ${id}`, home: { lat: 40, lng }, capacity: 1, skills: [], active: true, ...extra });
const account = (id: string, lng: number, extra: Partial<Account> = {}): Account => ({
  id,
  name: `Account ${id}`,
  lat: 40 + (Number(id.slice(1)) % 5) * 0.05,
  lng,
  potential: 100,
  workload: 1,
  ownerId: null,
  ...extra,
});

/**
 * West (home −100) and East (home −90) each have 10 accounts around their home, but today every
 * second account is held by the rep on the other side: balanced, and sprawling.
 */
function crossed(): { accounts: Account[]; reps: Rep[]; current: Assignments } {
  const reps = [rep('W', -100), rep('E', -90)];
  const accounts: Account[] = [];
  const current: Assignments = {};
  for (let i = 0; i < 20; i++) {
    const west = i < 10;
    const a = account(`a${i}`, (west ? -100 : -90) + (i % 3) * 0.1);
    accounts.push(a);
    current[a.id] = (i % 2 === 0) === west ? 'W' : 'E';
  }
  return { accounts, reps, current };
}

describe("rebalance, objective 'compactness'", () => {
  it('checks the option: an unknown objective is refused with a clear error', async () => {
    await assert.rejects(rebalance(crossed(), { objective: 'shortest' as 'compactness' }), /objective must be 'disruption' or 'compactness', got "shortest"/);
  });

  it('keeps hard budgets: only as many redraws as maxMoves / maxPotentialMoved allow, still balanced, shortest detours fixed first', async () => {
    const input = crossed();
    // move a1 (West, held by East) further west: straightening it saves the most distance
    input.accounts[1] = { ...input.accounts[1], lng: -101.5 };
    for (const budget of [{ maxMoves: 4 }, { maxPotentialMoved: 400 }]) {
      const r = await rebalance(input, { objective: 'compactness', ...budget });
      assert.equal(r.metrics.comparison.accountsMoved, 4, JSON.stringify(budget));
      assert.equal(r.status, 'balanced');
      assert.ok(r.moves.some((m) => m.accountId === 'a1' && m.to === 'W'), 'the longest detour is straightened');
      const before = evaluatePlan(input.accounts, input.reps, input.current).compactnessKm!;
      assert.ok(evaluatePlan(input.accounts, input.reps, r.assignments).compactnessKm! < before);
    }
    const none = await rebalance(input, { objective: 'compactness', maxMoves: 0 });
    assert.equal(none.moves.length, 0);
  });

  it('redraws a balanced but sprawling plan that the default objective leaves alone', async () => {
    const input = crossed();
    const kept = await rebalance(input);
    assert.equal(kept.moves.length, 0, 'already balanced: the default objective moves nothing');

    const result = await rebalance(input, { objective: 'compactness' });
    assert.equal(result.status, 'balanced');
    // every account now sits with the rep on its own side
    for (const a of input.accounts) assert.equal(result.assignments[a.id], a.lng! < -95 ? 'W' : 'E', a.id);
    assert.equal(result.moves.length, 10);
    const before = evaluatePlan(input.accounts, input.reps, input.current).compactnessKm!;
    const after = evaluatePlan(input.accounts, input.reps, result.assignments).compactnessKm!;
    assert.ok(after < before / 20, `compactness ${after} km against ${before} km before`);
    for (const m of result.moves) {
      assert.match(m.reason, /^Territories redrawn for compactness: Rep [WE] \(\d+ km away\) is one of the nearest reps with room; Rep [WE] is \d+ km away$/);
    }
    assert.match(result.explanation, /^Territories redrawn for compactness \(10 accounts placed with one of their nearest reps first\)\. Every active rep is within/);
  });

  it('keeps locked accounts and the accounts of locked reps where they are, and gives locked reps nothing', async () => {
    const input = crossed();
    assert.equal(input.current.a1, 'E');
    input.accounts[1] = { ...input.accounts[1], locked: true }; // a West account held by East
    const r = await rebalance(input, { objective: 'compactness', tolerance: 0.1 });
    assert.equal(r.assignments.a1, 'E');
    assert.ok(r.moves.every((m) => m.accountId !== 'a1'));
    assert.ok(r.moves.length >= 8, 'the others are still redrawn');

    const withLockedRep = { ...crossed(), reps: [rep('W', -100), rep('E', -90), rep('L', -95, { locked: true })] };
    withLockedRep.current.a2 = 'L';
    const q = await rebalance(withLockedRep, { objective: 'compactness', tolerance: 0.5 });
    assert.equal(q.assignments.a2, 'L', 'an account of a locked rep stays');
    assert.ok(Object.entries(q.assignments).every(([id, o]) => o !== 'L' || id === 'a2'), 'a locked rep takes nothing');
  });

  it('places accounts of inactive reps with a near rep too, and explains it', async () => {
    const input = crossed();
    input.reps.push(rep('X', -95, { active: false }));
    input.current.a3 = 'X';
    const r = await rebalance(input, { objective: 'compactness' });
    assert.equal(r.assignments.a3, 'W');
    assert.match(r.moves.find((m) => m.accountId === 'a3')!.reason, /; Rep X is inactive$/);
  });

  it('reports monotone progress, lets timers run, and stops with an AbortError when aborted during the redraw', async () => {
    const data = generateDemoData({ seed: 12, accounts: 3000, reps: 20 });
    const input = { accounts: data.accounts, reps: data.reps, current: Object.fromEntries(data.accounts.map((a) => [a.id, a.ownerId])) };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const fractions: number[] = [];
    await rebalance(input, { objective: 'compactness', sliceMs: 2, onProgress: (p) => fractions.push(p.fraction) });
    clearInterval(timer);
    assert.ok(ticks > 0);
    assert.deepEqual(fractions, fractions.slice().sort((a, b) => a - b));
    assert.ok(fractions.some((f) => f > 0.05 && f < 0.18), 'progress inside the redraw');
    const abort = new AbortController();
    const run = rebalance(input, {
      objective: 'compactness',
      sliceMs: 1,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.fraction > 0.06 && p.fraction < 0.18) abort.abort();
      },
    });
    await assert.rejects(run, { name: 'AbortError' });
  });

  it('on generated demo data: more compact than the default objective, still within tolerance, same result twice', async () => {
    const data = generateDemoData({ seed: 11, accounts: 1500, reps: 12 });
    const current: Assignments = Object.fromEntries(data.accounts.map((a) => [a.id, a.ownerId]));
    const input = { accounts: data.accounts, reps: data.reps, current };
    const plain = await rebalance(input);
    const compact = await rebalance(input, { objective: 'compactness' });
    assert.equal(compact.status, 'balanced');
    const km = (p: Assignments) => evaluatePlan(data.accounts, data.reps, p).compactnessKm!;
    assert.ok(km(compact.assignments) < km(plain.assignments), `${km(compact.assignments)} km against ${km(plain.assignments)} km`);
    assert.ok(compact.metrics.after.balance.workload.maxDeviation <= 0.05 && compact.metrics.after.balance.potential.maxDeviation <= 0.05);
    assert.deepEqual(await rebalance(input, { objective: 'compactness' }), compact);
  });
});
