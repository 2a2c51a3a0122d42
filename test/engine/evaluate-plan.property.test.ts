import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluatePlan, haversineKm, sphericalCentroid, type Account, type Rep, type Assignments } from '../../src/index.js';
import { selectDescending } from '../../src/engine/metrics/balance-stats.js';

type Metric = 'workload' | 'potential' | 'count';
const METRICS: Metric[] = ['workload', 'potential', 'count'];

/** Random instance: up to 40 accounts, 1–6 reps (some inactive, various capacities, some homeless). */
const instance = fc
  .record({
    reps: fc.array(
      fc.record({
        capacity: fc.constantFrom(0.5, 1, 1, 2, 3),
        active: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
        home: fc.option(fc.record({ lat: fc.double({ min: -60, max: 60, noNaN: true }), lng: fc.double({ min: -170, max: 170, noNaN: true }) })),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    accounts: fc.array(
      fc.record({
        // Money amounts: cents-level precision at least (a subnormal potential such as 5e-324 makes a
        // capacity-scaled target underflow to 0, which no CRM amount does).
        potential: fc.oneof(fc.constantFrom(0, 5, 5, 10, 100), fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => (x < 1e-6 ? 0 : x))),
        workload: fc.constantFrom(0, 1, 1, 2, 3.5),
        placed: fc.boolean(),
        lat: fc.double({ min: -60, max: 60, noNaN: true }),
        lng: fc.double({ min: -170, max: 170, noNaN: true }),
        owner: fc.integer({ min: -3, max: 5 }), // -3 missing, -2 null, -1 unknown id, ≥0 rep index (mod reps)
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ reps: rs, accounts: as }) => {
    const reps: Rep[] = rs.map((r, j) => ({ id: `r${j}`, name: `Rep ${j}`, capacity: r.capacity, skills: [], active: r.active, home: r.home }));
    const assignments: Assignments = {};
    const accounts: Account[] = as.map((a, i) => {
      const id = `a${i}`;
      if (a.owner === -2) assignments[id] = null;
      else if (a.owner === -1) assignments[id] = 'ghost';
      else if (a.owner >= 0) assignments[id] = `r${a.owner % reps.length}`;
      return { id, name: id, lat: a.placed ? a.lat : null, lng: a.placed ? a.lng : null, potential: a.potential, workload: a.workload, ownerId: null };
    });
    return { accounts, reps, assignments };
  });

/** The obvious, slow computation of every metric, straight from PRODUCT.md. */
function bruteForce(accounts: Account[], reps: Rep[], assignments: Assignments) {
  const value = (a: Account, m: Metric) => (m === 'count' ? 1 : a[m]);
  const active = reps.filter((r) => r.active);
  const C = active.reduce((s, r) => s + r.capacity, 0);
  const total = (m: Metric) => accounts.reduce((s, a) => s + value(a, m), 0);
  const owned = (r: Rep) => accounts.filter((a) => assignments[a.id] === r.id);
  const target = (r: Rep, m: Metric) => (r.active ? (r.capacity / C) * total(m) : 0);
  const sum = (r: Rep, m: Metric) => owned(r).reduce((s, a) => s + value(a, m), 0);
  const stats: Record<string, { maxDeviation: number; cv: number; gini: number; lowerBound: number }> = {};
  for (const m of METRICS) {
    const x = active.map((r) => (target(r, m) > 0 ? sum(r, m) / target(r, m) : 1));
    const k = x.length;
    const mean = k ? x.reduce((s, v) => s + v, 0) / k : 0;
    const sd = k ? Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / k) : 0;
    let pairs = 0;
    for (const a of x) for (const b of x) pairs += Math.abs(a - b);
    const sorted = accounts.map((a) => value(a, m)).sort((p, q) => q - p);
    const maxTarget = k ? Math.max(...active.map((r) => target(r, m))) : 0;
    const L = Math.max(maxTarget, sorted[0] ?? 0, sorted.length > k ? sorted[k - 1] + sorted[k] : 0);
    stats[m] = {
      maxDeviation: k ? Math.max(...x.map((v) => Math.abs(v - 1))) : 0,
      cv: mean > 0 ? sd / mean : 0,
      gini: mean > 0 ? pairs / (2 * k * k * mean) : 0,
      lowerBound: k && total(m) > 0 ? L / maxTarget - 1 : 0,
    };
  }
  let num = 0;
  let den = 0;
  const perRep: Record<string, number | null> = {};
  for (const r of reps) {
    const placed = owned(r).filter((a) => a.lat !== null && a.lng !== null);
    const anchor = r.home ?? sphericalCentroid(placed.map((a) => ({ lat: a.lat!, lng: a.lng!, weight: a.workload })));
    let rn = 0;
    let rd = 0;
    if (anchor) for (const a of placed) {
      rn += a.workload * haversineKm(a.lat!, a.lng!, anchor.lat, anchor.lng);
      rd += a.workload;
    }
    perRep[r.id] = rd > 0 ? rn / rd : null;
    num += rn;
    den += rd;
  }
  return { stats, perRep, compactness: den > 0 ? num / den : null, target, sum };
}

const near = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(b)));

test('evaluatePlan agrees with a brute-force computation on random instances', () => {
  fc.assert(
    fc.property(instance, ({ accounts, reps, assignments }) => {
      const ev = evaluatePlan(accounts, reps, assignments);
      const bf = bruteForce(accounts, reps, assignments);
      for (const m of METRICS) {
        for (const key of ['maxDeviation', 'cv', 'gini', 'lowerBound'] as const) {
          assert.ok(near(ev.balance[m][key], bf.stats[m][key]), `${m}.${key}: ${ev.balance[m][key]} vs ${bf.stats[m][key]}`);
        }
      }
      for (const r of reps) {
        const t = ev.byRep[r.id];
        for (const m of METRICS) {
          assert.ok(near(t.target[m], bf.target(r, m)), `target ${r.id} ${m}`);
          assert.ok(near(t[m], bf.sum(r, m)), `sum ${r.id} ${m}`);
        }
        assert.ok(near(t.compactnessKm, bf.perRep[r.id]), `compactness ${r.id}: ${t.compactnessKm} vs ${bf.perRep[r.id]}`);
      }
      assert.ok(near(ev.compactnessKm, bf.compactness));
      // coverage partitions the accounts
      const assigned = reps.reduce((s, r) => s + ev.byRep[r.id].count, 0);
      assert.equal(assigned + ev.unassigned.count + ev.unknownOwner.accountIds.length, accounts.length);
    }),
    { numRuns: 300 },
  );
});

test('the lower bound never exceeds the max deviation of a plan that places every account on an active rep', () => {
  fc.assert(
    fc.property(instance, fc.array(fc.nat(), { maxLength: 40 }), ({ accounts, reps }, picks) => {
      const active = reps.filter((r) => r.active);
      fc.pre(active.length > 0);
      const plan: Assignments = {};
      accounts.forEach((a, i) => (plan[a.id] = active[(picks[i] ?? i) % active.length].id));
      const ev = evaluatePlan(accounts, reps, plan);
      for (const m of METRICS) {
        // the worst overshoot of this plan is at least the bound
        const overshoot = Math.max(...ev.reps.filter((r) => r.active).map((r) => r.deviation[m]));
        assert.ok(ev.balance[m].lowerBound <= overshoot + 1e-9, `${m}: bound ${ev.balance[m].lowerBound} > ${overshoot}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('selectDescending puts the (m+1)-th largest at m, larger before and smaller after', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }), fc.nat(), (xs, pick) => {
      const m = pick % xs.length;
      const arr = Float64Array.from(xs);
      selectDescending(arr, m);
      const sorted = [...xs].sort((a, b) => b - a);
      assert.equal(arr[m], sorted[m]);
      for (let i = 0; i < m; i++) assert.ok(arr[i] >= arr[m]);
      for (let i = m + 1; i < arr.length; i++) assert.ok(arr[i] <= arr[m]);
      assert.deepEqual([...arr].sort((a, b) => b - a), sorted);
    }),
    { numRuns: 500 },
  );
});
