import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { comparePlans } from '../../src/engine/compare-plans.js';
import { evaluatePlan } from '../../src/engine/evaluate-plan.js';
import { comparePlansSteps } from '../../src/engine/metrics/compare-plans-steps.js';
import { evaluatePlanSteps } from '../../src/engine/metrics/evaluate-plan-steps.js';
import { runSteps, STEP, type Steps } from '../../src/engine/metrics/steps.js';
import { rebalance } from '../../src/engine/rebalance.js';
import { buildState, buildStateSteps } from '../../src/engine/rebalance/state.js';
import type { RebalancePhase } from '../../src/engine/rebalance/types.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';
import { createRandom } from '../../src/data/random.js';

/** n accounts over 12 reps (one without a home, one inactive), a skewed plan with a few orphans. */
function plan(n: number, seed: number): { accounts: Account[]; reps: Rep[]; current: Assignments } {
  const rng = createRandom(seed);
  const reps: Rep[] = Array.from({ length: 12 }, (_, j) => ({
    id: `r${j}`,
    name: `Rep ${j}`,
    home: j === 2 ? undefined : { lat: 30 + (j % 4) * 3, lng: -110 + Math.floor(j / 4) * 6 },
    capacity: 1,
    skills: [],
    active: j !== 11,
  }));
  const accounts: Account[] = [];
  const current: Assignments = {};
  for (let i = 0; i < n; i++) {
    const j = rng.chance(0.6) ? rng.int(0, 5) : rng.int(0, 11);
    const home = reps[j].home ?? { lat: 33, lng: -104 };
    accounts.push({
      id: `a${i}`,
      name: `Account ${i}`,
      lat: i % 50 === 0 ? null : home.lat + rng.normal(),
      lng: i % 50 === 0 ? null : home.lng + rng.normal(),
      potential: rng.int(100, 5000),
      workload: rng.int(1, 4),
      ownerId: null,
    });
    if (i % 97 !== 0) current[`a${i}`] = `r${j}`;
  }
  return { accounts, reps, current };
}

/** Runs steps to the end, counting the yields. */
function count<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, yields };
    yields++;
  }
}

describe('engine steps (the fixed rebalance steps, cut into bounded chunks)', () => {
  const n = 6000;
  const { accounts, reps, current } = plan(n, 11);

  it('evaluatePlanSteps yields at least once per STEP accounts and returns evaluatePlan', () => {
    const { value, yields } = count(evaluatePlanSteps(accounts, reps, current, { tolerance: 0.07 }));
    assert.ok(yields >= 2 * Math.floor(n / STEP), `${yields} yields`);
    assert.deepStrictEqual(value, evaluatePlan(accounts, reps, current, { tolerance: 0.07 }));
  });

  it('comparePlansSteps gives comparePlans, with or without the evaluation of `before` handed in', () => {
    const after = { ...current };
    for (let i = 0; i < n; i += 7) after[`a${i}`] = `r${(i / 7) % 12}`;
    const expected = comparePlans(accounts, current, after, { reps, tolerance: 0.04 });
    const ev = evaluatePlan(accounts, reps, current, { tolerance: 0.04, balanceOn: ['count'] });
    const { value, yields } = count(comparePlansSteps(accounts, current, after, { reps, tolerance: 0.04 }, ev));
    assert.deepStrictEqual(value, expected);
    assert.ok(yields >= Math.floor(n / STEP), `${yields} yields`);
    assert.deepStrictEqual(runSteps(comparePlansSteps(accounts, current, after, { reps, tolerance: 0.04 })), expected);
    assert.ok(expected.lowerBound.accounts > 0, 'the plan has over-target reps, so the bound is exercised');
  });

  it('buildStateSteps yields per chunk of accounts and builds the same state', () => {
    const opts = { metrics: ['workload', 'potential'] as const, lockedAccountIds: new Set(['a3']), lockedRepIds: new Set(['r4']), maxMoves: 50, maxPotentialMoved: Infinity };
    const { value, yields } = count(buildStateSteps(accounts, reps, current, opts));
    assert.ok(yields >= Math.floor(n / STEP), `${yields} yields`);
    assert.deepStrictEqual(value, buildState(accounts, reps, current, opts));
  });

  it('errors are the same when they come from inside a chunk', () => {
    const bad = accounts.map((a, i) => (i === 4000 ? { ...a, potential: -1 } : a));
    assert.throws(() => runSteps(evaluatePlanSteps(bad, reps, current)), /account "a4000": potential must be a finite number ≥ 0, got -1/);
    const dup = accounts.map((a, i) => (i === 5000 ? { ...a, id: 'a17' } : a));
    const opts = { metrics: ['count'] as const, lockedAccountIds: new Set<string>(), lockedRepIds: new Set<string>(), maxMoves: Infinity, maxPotentialMoved: Infinity };
    assert.throws(() => runSteps(buildStateSteps(dup, reps, current, opts)), /account "a17": id is used by more than one account/);
  });

  it('rebalance yields inside the steps before and after the search, not only between them', async () => {
    const reports = new Map<RebalancePhase, number>();
    // a slice shorter than any step: the slicer yields at every step boundary
    const result = await rebalance({ accounts, reps, current }, { sliceMs: 1e-6, onProgress: (p) => reports.set(p.phase, (reports.get(p.phase) ?? 0) + 1) });
    const direct = await rebalance({ accounts, reps, current });
    assert.deepStrictEqual(result, direct);
    // evaluatePlan, buildState: a few per STEP accounts each; without chunking there were 3 reports
    assert.ok((reports.get('prepare') ?? 0) >= 3 * Math.floor(n / STEP), `prepare: ${reports.get('prepare')}`);
    // buildPlan, evaluatePlan, comparePlans; without chunking there were 4 reports
    assert.ok((reports.get('evaluate') ?? 0) >= 3 * Math.floor(n / STEP), `evaluate: ${reports.get('evaluate')}`);
  });

  it('an abort during buildState rejects with an AbortError', async () => {
    const controller = new AbortController();
    let seen = 0;
    const run = rebalance({ accounts, reps, current }, {
      sliceMs: 1e-6,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'prepare' && p.fraction >= 0.03 && ++seen === 2) controller.abort();
      },
    });
    await assert.rejects(run, { name: 'AbortError' });
    assert.equal(seen, 2);
  });
});
