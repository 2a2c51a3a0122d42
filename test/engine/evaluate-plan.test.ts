import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatePlan, EARTH_RADIUS_KM, type Account, type Rep } from '../../src/index.js';

const acc = (id: string, potential: number, workload: number, lat: number | null, lng: number | null): Account => ({
  id,
  name: id.toUpperCase(),
  lat,
  lng,
  potential,
  workload,
  ownerId: null,
});
const rep = (id: string, extra: Partial<Rep> = {}): Rep => ({ id, name: `Rep ${id}`, capacity: 1, skills: [], active: true, ...extra });
const close = (actual: number | null, expected: number, msg?: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${msg ?? ''} ${actual} ≠ ${expected}`);
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

// Hand-computed fixture: capacities 1 and 3, an inactive rep, an unknown owner, an unassigned account.
const accounts = [
  acc('a1', 100, 1, 0, 0), // r1 (home at 0,0)
  acc('a2', 200, 1, 0, 1), // r2 (no home: centroid of a2, a3 is 0,2)
  acc('a3', 300, 1, 0, 3), // r2
  acc('a4', 400, 4, null, null), // missing from the assignments → unassigned
  acc('a5', 0, 1, 0, 0), // r3, inactive, home at 10,0
  acc('a6', 10, 2, 0, 0), // "ghost": not a rep
];
const reps = [
  rep('r1', { home: { lat: 0, lng: 0 } }),
  rep('r2', { capacity: 3 }),
  rep('r3', { active: false, home: { lat: 10, lng: 0 } }),
];
const assignments = { a1: 'r1', a2: 'r2', a3: 'r2', a5: 'r3', a6: 'ghost' };

test('targets are capacity-scaled shares of all accounts, over active reps only', () => {
  const ev = evaluatePlan(accounts, reps, assignments);
  assert.deepEqual(ev.totals, { workload: 10, potential: 1010, count: 6 });
  assert.deepEqual(ev.reps.map((r) => r.repId), ['r1', 'r2', 'r3']);
  // r1: share 1/4; r2: share 3/4; r3 inactive: 0
  assert.deepEqual(ev.byRep.r1.target, { workload: 2.5, potential: 252.5, count: 1.5 });
  assert.deepEqual(ev.byRep.r2.target, { workload: 7.5, potential: 757.5, count: 4.5 });
  assert.deepEqual(ev.byRep.r3.target, { workload: 0, potential: 0, count: 0 });
  assert.deepEqual(
    [ev.byRep.r1.workload, ev.byRep.r1.potential, ev.byRep.r1.count, ev.byRep.r2.workload, ev.byRep.r2.potential, ev.byRep.r2.count],
    [1, 100, 1, 2, 500, 2],
  );
  close(ev.byRep.r1.deviation.potential, (100 - 252.5) / 252.5);
  close(ev.byRep.r2.deviation.workload, (2 - 7.5) / 7.5);
  close(ev.byRep.r2.deviation.count, (2 - 4.5) / 4.5);
  // inactive rep holding an account: infinite count deviation, zero-potential deviation 0, never within
  assert.equal(ev.byRep.r3.deviation.count, Infinity);
  assert.equal(ev.byRep.r3.deviation.potential, 0);
  assert.equal(ev.byRep.r3.withinTolerance, false);
  assert.equal(ev.byRep.r1.withinTolerance, false);
  assert.equal(ev.byRep.r3.active, false);
});

test('coverage: unassigned, on inactive reps and unknown owners are reported separately', () => {
  const ev = evaluatePlan(accounts, reps, assignments);
  assert.deepEqual(ev.unassigned, { count: 1, workload: 4, potential: 400, accountIds: ['a4'] });
  assert.deepEqual(ev.onInactive, { count: 1, potential: 0, accountIds: ['a5'] });
  assert.deepEqual(ev.unknownOwner, { accountIds: ['a6'] });
  assert.equal(ev.tolerance, 0.05);
});

test('balance statistics over the active reps', () => {
  const ev = evaluatePlan(accounts, reps, assignments);
  const x = [100 / 252.5, 500 / 757.5];
  const mean = (x[0] + x[1]) / 2;
  close(ev.balance.potential.maxDeviation, 1 - x[0]);
  close(ev.balance.potential.cv, Math.abs(x[0] - x[1]) / 2 / mean);
  // Gini of two values: |x0 − x1| · 2 / (2 · 2² · mean)
  close(ev.balance.potential.gini, (2 * Math.abs(x[0] - x[1])) / (8 * mean));
  // workload ratios 1/2.5 and 2/7.5
  close(ev.balance.workload.maxDeviation, 1 - 2 / 7.5);
});

test('compactness: km to the home, or to the centroid of the rep’s accounts, weighted by workload', () => {
  const ev = evaluatePlan(accounts, reps, assignments);
  close(ev.byRep.r1.compactnessKm, 0);
  close(ev.byRep.r2.compactnessKm, KM_PER_DEGREE); // a2 and a3 are each 1° from their centroid (0,2)
  close(ev.byRep.r3.compactnessKm, 10 * KM_PER_DEGREE);
  // a4 (no coordinates, unassigned) and a6 (unknown rep) are left out
  close(ev.compactnessKm, (0 + 2 * KM_PER_DEGREE + 10 * KM_PER_DEGREE) / 4);
  const none = evaluatePlan([acc('x', 1, 1, null, null)], [rep('r1')], { x: 'r1' });
  assert.equal(none.compactnessKm, null);
  assert.equal(none.byRep.r1.compactnessKm, null);
});

test('balance lower bound: the mean, the largest account, or the k-th plus (k+1)-th largest', () => {
  const two = [rep('r1'), rep('r2')];
  // [10, 1, 1], k = 2: mean 6, largest 10 → 10/6 − 1
  let ev = evaluatePlan([acc('a', 10, 1, null, null), acc('b', 1, 1, null, null), acc('c', 1, 1, null, null)], two, {});
  close(ev.balance.potential.lowerBound, 10 / 6 - 1);
  // three accounts on two reps: one rep gets two → count bound 2 / 1.5 − 1
  close(ev.balance.count.lowerBound, 2 / 1.5 - 1);
  // [5, 5, 5], k = 2: pair 10 vs mean 7.5
  ev = evaluatePlan([acc('a', 5, 2, null, null), acc('b', 5, 2, null, null), acc('c', 5, 2, null, null)], two, {});
  close(ev.balance.potential.lowerBound, 10 / 7.5 - 1);
  // [6, 5, 4, 3], k = 2: mean 9, largest 6, pair 5 + 4 = 9 → 0
  ev = evaluatePlan(
    [acc('a', 6, 1, null, null), acc('b', 5, 1, null, null), acc('c', 4, 1, null, null), acc('d', 3, 1, null, null)],
    two,
    {},
  );
  assert.equal(ev.balance.potential.lowerBound, 0);
  // unequal capacities 1 and 3, [10, 1, 1]: the largest target is 9 → 10/9 − 1
  ev = evaluatePlan([acc('a', 10, 1, null, null), acc('b', 1, 1, null, null), acc('c', 1, 1, null, null)], [rep('r1'), rep('r2', { capacity: 3 })], {});
  close(ev.balance.potential.lowerBound, 10 / 9 - 1);
});

test('edge cases: one rep, zero targets, all equal, no active rep, no accounts', () => {
  const one = evaluatePlan([acc('a', 7, 1, null, null), acc('b', 3, 1, null, null)], [rep('r1')], { a: 'r1', b: 'r1' });
  assert.deepEqual(one.balance.potential, { maxDeviation: 0, cv: 0, gini: 0, lowerBound: 0 });
  assert.equal(one.byRep.r1.withinTolerance, true);

  const zero = evaluatePlan([acc('a', 0, 0, null, null)], [rep('r1'), rep('r2')], { a: 'r1' });
  assert.deepEqual(zero.balance.potential, { maxDeviation: 0, cv: 0, gini: 0, lowerBound: 0 });
  assert.deepEqual(zero.byRep.r2.deviation, { workload: 0, potential: 0, count: -1 });

  // capacities 1 and 2 holding exactly 1/3 and 2/3 of everything: all ratios 1
  const equal = evaluatePlan(
    [acc('a', 4, 1, null, null), acc('b', 4, 1, null, null), acc('c', 4, 1, null, null)],
    [rep('r1'), rep('r2', { capacity: 2 })],
    { a: 'r1', b: 'r2', c: 'r2' },
  );
  for (const m of ['workload', 'potential', 'count'] as const) {
    assert.deepEqual({ ...equal.balance[m], lowerBound: 0 }, { maxDeviation: 0, cv: 0, gini: 0, lowerBound: 0 }, m);
  }

  const skewed = evaluatePlan([acc('a', 10, 1, null, null)], [rep('r1'), rep('r2')], { a: 'r1' });
  // ratios [2, 0]: max deviation 1, CV 1, Gini 0.5
  assert.deepEqual(
    { ...skewed.balance.potential, lowerBound: undefined },
    { maxDeviation: 1, cv: 1, gini: 0.5, lowerBound: undefined },
  );

  const nobody = evaluatePlan([acc('a', 10, 1, null, null)], [rep('r1', { active: false })], { a: 'r1' });
  assert.deepEqual(nobody.balance.potential, { maxDeviation: 0, cv: 0, gini: 0, lowerBound: 0 });
  assert.deepEqual(nobody.onInactive.accountIds, ['a']);

  const empty = evaluatePlan([], [rep('r1')], {});
  assert.deepEqual(empty.totals, { workload: 0, potential: 0, count: 0 });
  assert.equal(empty.byRep.r1.withinTolerance, true);
});

test('tolerance: a rep exactly at the bound is within; balanceOn chooses the metrics', () => {
  // two reps, potential 105 vs 95 → deviations ±0.05
  const accs = [acc('a', 105, 1, null, null), acc('b', 95, 1, null, null)];
  const ev = evaluatePlan(accs, [rep('r1'), rep('r2')], { a: 'r1', b: 'r2' });
  assert.equal(ev.byRep.r1.withinTolerance, true);
  assert.equal(evaluatePlan(accs, [rep('r1'), rep('r2')], { a: 'r1', b: 'r2' }, { tolerance: 0.04 }).byRep.r1.withinTolerance, false);
  const onCount = evaluatePlan(accs, [rep('r1'), rep('r2')], { a: 'r1', b: 'r2' }, { tolerance: 0.04, balanceOn: ['count'] });
  assert.equal(onCount.byRep.r1.withinTolerance, true);
});

test('inherited keys of the assignments object are not owners', () => {
  const ev = evaluatePlan([acc('constructor', 1, 1, null, null), acc('__proto__', 1, 1, null, null)], [rep('r1')], {});
  assert.deepEqual(ev.unassigned.accountIds, ['constructor', '__proto__']);
});

test('bad input is rejected naming the record and field', () => {
  assert.throws(() => evaluatePlan([acc('a1', -1, 1, null, null)], [rep('r1')], {}), /account "a1": potential must be a finite number ≥ 0, got -1/);
  assert.throws(() => evaluatePlan([acc('a2', 1, NaN, null, null)], [rep('r1')], {}), /account "a2": workload .* got NaN/);
  assert.throws(() => evaluatePlan([], [rep('r1', { capacity: 0 })], {}), /rep "r1": capacity must be a finite number > 0, got 0/);
  assert.throws(() => evaluatePlan([], [rep('r1'), rep('r1')], {}), /rep "r1": id is used by more than one rep/);
  assert.throws(() => evaluatePlan([], [rep('r1')], {}, { tolerance: -0.1 }), /tolerance must be a finite number ≥ 0/);
});

test('byRep: rep ids named like built-in properties are ordinary keys, and a missing id reads undefined', () => {
  const reps = [
    { id: '__proto__', name: 'Proto', capacity: 1, skills: [], active: true },
    { id: 'toString', name: 'Str', capacity: 1, skills: [], active: true },
  ];
  const accounts = [
    { id: 'a1', name: 'A1', lat: 40, lng: -100, potential: 10, workload: 1, ownerId: '__proto__' },
    { id: 'a2', name: 'A2', lat: 41, lng: -101, potential: 30, workload: 1, ownerId: 'toString' },
  ];
  const ev = evaluatePlan(accounts as never, reps as never, { a1: '__proto__', a2: 'toString' });
  assert.equal(ev.byRep['__proto__']?.potential, 10);
  assert.equal(ev.byRep['toString']?.potential, 30);
  assert.equal(ev.byRep['constructor'], undefined);
  assert.equal(ev.byRep['hasOwnProperty'], undefined);
});
