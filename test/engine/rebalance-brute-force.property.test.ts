import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluatePlan } from '../../src/engine/evaluate-plan.js';
import { rebalance } from '../../src/engine/rebalance.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';

// Tiny random instances (≤ 8 accounts, ≤ 3 reps) checked against every possible plan (≤ 3^8).

const caseArb = fc.record({
  reps: fc.integer({ min: 1, max: 3 }),
  accounts: fc.array(
    fc.record({
      lat: fc.double({ min: 30, max: 45, noNaN: true }),
      lng: fc.double({ min: -120, max: -75, noNaN: true }),
      potential: fc.integer({ min: 1, max: 100 }),
      workload: fc.integer({ min: 1, max: 4 }),
      /** starting owner: a rep index, or −1 unassigned */
      owner: fc.integer({ min: -1, max: 2 }),
      locked: fc.constantFrom(false, false, false, false, true),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  tolerance: fc.constantFrom(0.05, 0.1, 0.2, 0.3, 0.5),
  homes: fc.array(fc.record({ lat: fc.double({ min: 30, max: 45, noNaN: true }), lng: fc.double({ min: -120, max: -75, noNaN: true }) }), { minLength: 3, maxLength: 3 }),
});

interface Tiny {
  accounts: Account[];
  reps: Rep[];
  current: Assignments;
  tolerance: number;
}

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): Tiny {
  const reps: Rep[] = Array.from({ length: c.reps }, (_, j) => ({ id: `r${j}`, name: `Rep ${j}`, home: c.homes[j], capacity: 1, skills: [], active: true }));
  const current: Assignments = {};
  const accounts: Account[] = c.accounts.map((a, i) => {
    const owner = a.owner >= 0 && a.owner < c.reps ? `r${a.owner}` : null;
    current[`a${i}`] = owner;
    // a locked account only where it has an owner (a locked orphan makes every plan unbalanced)
    return { id: `a${i}`, name: `Account ${i}`, lat: a.lat, lng: a.lng, potential: a.potential, workload: a.workload, ownerId: owner, locked: a.locked && owner !== null };
  });
  return { accounts, reps, current, tolerance: c.tolerance };
}

/**
 * The fewest moves of any plan with every rep within tolerance on workload and potential (locks kept),
 * or null. Loads are summed directly (targets as evaluatePlan: total / reps, every rep active with
 * capacity 1); one plan is checked with evaluatePlan itself so the two cannot drift apart.
 */
export function fewestBalanced(t: Tiny): number | null {
  const n = t.accounts.length;
  const r = t.reps.length;
  const work = t.accounts.map((a) => a.workload ?? 1);
  const pot = t.accounts.map((a) => a.potential);
  const tw = work.reduce((x, y) => x + y, 0) / r;
  const tp = pot.reduce((x, y) => x + y, 0) / r;
  const start = t.accounts.map((a) => Number(String(t.current[a.id] ?? 'r-1').slice(1)));
  let best: number | null = null;
  let bestPlan: Int32Array | null = null;
  const owner = new Int32Array(n);
  const lw = new Float64Array(r);
  const lp = new Float64Array(r);
  const total = r ** n;
  for (let code = 0; code < total; code++) {
    let x = code;
    let moves = 0;
    let ok = true;
    lw.fill(0);
    lp.fill(0);
    for (let i = 0; i < n; i++) {
      owner[i] = x % r;
      x = Math.floor(x / r);
      if (owner[i] !== start[i]) {
        moves++;
        if (t.accounts[i].locked) ok = false;
      }
      lw[owner[i]] += work[i];
      lp[owner[i]] += pot[i];
    }
    if (!ok || (best !== null && moves >= best)) continue;
    let balanced = true;
    for (let j = 0; j < r; j++) {
      if (Math.abs(lw[j] / tw - 1) > t.tolerance + 1e-9 || Math.abs(lp[j] / tp - 1) > t.tolerance + 1e-9) balanced = false;
    }
    if (balanced) {
      best = moves;
      bestPlan = Int32Array.from(owner);
    }
  }
  if (bestPlan) {
    const plan: Assignments = {};
    t.accounts.forEach((a, i) => (plan[a.id] = `r${(bestPlan as Int32Array)[i]}`));
    const ev = evaluatePlan(t.accounts, t.reps, plan, { tolerance: t.tolerance });
    assert.ok(ev.reps.every((rep) => Math.abs(rep.deviation.workload) <= t.tolerance + 1e-9 && Math.abs(rep.deviation.potential) <= t.tolerance + 1e-9));
  }
  return best;
}

describe('rebalance against brute force on tiny instances', () => {
  it('whenever a balanced plan exists, finds one with at most one move more than the fewest possible', async () => {
    let feasible = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const t = build(c);
        const fewest = fewestBalanced(t);
        if (fewest === null) return;
        feasible++;
        const result = await rebalance(t, { tolerance: t.tolerance });
        assert.equal(result.status, 'balanced', `a balanced plan with ${fewest} moves exists; got ${result.status}: ${result.explanation}`);
        assert.ok(result.moves.length <= fewest + 1, `${result.moves.length} moves where ${fewest} suffice`);
      }),
      { numRuns: 300, seed: 16 },
    );
    // the generator must give the property something to check
    assert.ok(feasible >= 50, `only ${feasible} of 300 cases had a balanced plan`);
  });
});
