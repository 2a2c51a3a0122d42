import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { comparePlans, evaluatePlan, type Account, type Rep, type Assignments } from '../../src/index.js';

const acc = (id: string, potential: number, workload = 1): Account => ({ id, name: id, lat: null, lng: null, potential, workload, ownerId: null });
const rep = (id: string, extra: Partial<Rep> = {}): Rep => ({ id, name: `Rep ${id}`, capacity: 1, skills: [], active: true, ...extra });
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);

const accounts = [acc('a1', 100), acc('a2', 60), acc('a3', 30), acc('a4', 10)];
const before = { a1: 'r1', a2: 'r1', a3: 'r1', a4: 'r1' };

test('changes, shares and per-rep flows', () => {
  const diff = comparePlans(accounts, before, { a1: 'r2', a2: 'r1', a3: 'r1', a4: 'r2' }, { reps: [rep('r1'), rep('r2')] });
  assert.deepEqual(diff.changes, [
    { accountId: 'a1', from: 'r1', to: 'r2' },
    { accountId: 'a4', from: 'r1', to: 'r2' },
  ]);
  assert.equal(diff.accountsMoved, 2);
  assert.equal(diff.accountsMovedShare, 0.5);
  assert.equal(diff.potentialMoved, 110);
  assert.equal(diff.potentialMovedShare, 0.55);
  assert.deepEqual(diff.reps, [
    { repId: 'r1', gained: 0, lost: 2, potentialIn: 0, potentialOut: 110, netPotential: -110 },
    { repId: 'r2', gained: 2, lost: 0, potentialIn: 110, potentialOut: 0, netPotential: 110 },
  ]);
});

test('lower bound: fewest largest accounts covering the excess, the larger count of workload and potential', () => {
  // targets: potential 100, workload 2. r1 holds 200 / 4: potential excess 95 → 1 account (100);
  // workload excess 1.9 → 2 accounts. Count bound 2; potential bound 95.
  const diff = comparePlans(accounts, before, before, { reps: [rep('r1'), rep('r2')] });
  assert.equal(diff.lowerBound.accounts, 2);
  close(diff.lowerBound.potential, 95);
  assert.equal(diff.accountsMoved, 0);
  // a wider tolerance: potential excess 200 − 1.5·100 = 50 → 1 account; workload 4 − 3 = 1 → 1
  const wide = comparePlans(accounts, before, before, { reps: [rep('r1'), rep('r2')], tolerance: 0.5 });
  assert.equal(wide.lowerBound.accounts, 1);
  close(wide.lowerBound.potential, 50);
  // balanced within 10% (potential 110 / 90, workload 2 / 2): nothing has to move
  const balanced = { a1: 'r1', a2: 'r2', a3: 'r2', a4: 'r1' };
  const opts = { reps: [rep('r1'), rep('r2')], tolerance: 0.1 };
  assert.deepEqual(comparePlans(accounts, balanced, balanced, opts).lowerBound, { accounts: 0, potential: 0 });
  assert.equal(comparePlans(accounts, balanced, balanced, { ...opts, tolerance: 0.09 }).lowerBound.accounts, 1);
});

test('every account of an inactive rep counts toward the lower bound', () => {
  const reps = [rep('r1'), rep('r2'), rep('gone', { active: false })];
  const plan = { a1: 'r1', a2: 'r2', a3: 'gone', a4: 'gone' };
  const { lowerBound } = comparePlans(accounts, plan, plan, { reps });
  // r1 holds 100 of target 100 and r2 60: both fine on potential; r1/r2 workload 1 of 2: fine (under)
  assert.deepEqual(lowerBound, { accounts: 2, potential: 40 });
});

test('without reps, reps come from both plans with capacity 1; unassigned ↔ assigned is a change', () => {
  const diff = comparePlans(accounts, { a1: 'r1', a2: null }, { a1: 'r1', a2: 'r2', a3: 'r9' });
  assert.deepEqual(diff.changes, [
    { accountId: 'a2', from: null, to: 'r2' },
    { accountId: 'a3', from: null, to: 'r9' },
  ]);
  assert.deepEqual(diff.reps.map((r) => r.repId), ['r2', 'r9']);
  // three derived reps → potential target 200/3; r1 holds 100 in `before`: excess 100 − 1.05·200/3 = 30 → 1 account
  assert.equal(diff.lowerBound.accounts, 1);
  close(diff.lowerBound.potential, 100 - (1.05 * 200) / 3);
});

test('reps not in the given list are listed after the known ones', () => {
  const diff = comparePlans(accounts, { a1: 'x', a2: 'r2' }, { a1: 'r1', a2: 'y' }, { reps: [rep('r2'), rep('r1')] });
  assert.deepEqual(diff.reps.map((r) => r.repId), ['r2', 'r1', 'x', 'y']);
});

const planArb = (ids: string[], repIds: (string | null)[]) =>
  fc.array(fc.option(fc.constantFrom(...repIds), { nil: undefined }), { minLength: ids.length, maxLength: ids.length }).map((owners) => {
    const plan: Assignments = {};
    owners.forEach((o, i) => {
      if (o !== undefined) plan[ids[i]] = o;
    });
    return plan;
  });

test('applying the changes to `before` reproduces `after`', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `a${i}`);
  const accs = ids.map((id, i) => acc(id, i * 7));
  fc.assert(
    fc.property(planArb(ids, ['r1', 'r2', 'r3', null]), planArb(ids, ['r1', 'r2', 'r4', null]), (b, a) => {
      const diff = comparePlans(accs, b, a);
      const applied: Record<string, string | null> = Object.fromEntries(ids.map((id) => [id, b[id] ?? null]));
      for (const c of diff.changes) {
        assert.equal(applied[c.accountId], c.from);
        applied[c.accountId] = c.to;
      }
      assert.deepEqual(applied, Object.fromEntries(ids.map((id) => [id, a[id] ?? null])));
      // flows balance out
      const gained = diff.reps.reduce((s, r) => s + r.gained, 0);
      const lost = diff.reps.reduce((s, r) => s + r.lost, 0);
      assert.equal(gained, diff.changes.filter((c) => c.to !== null).length);
      assert.equal(lost, diff.changes.filter((c) => c.from !== null).length);
    }),
    { numRuns: 300 },
  );
});

/**
 * A perfectly balanced plan by construction: every active rep j gets capacity_j copies of the same
 * bundle of accounts; inactive reps get nothing. `before` is a random perturbation of it.
 */
const balancedCase = fc
  .record({
    bundle: fc.array(fc.record({ potential: fc.integer({ min: 0, max: 500 }), workload: fc.constantFrom(0, 1, 2, 3) }), { minLength: 1, maxLength: 5 }),
    reps: fc.array(fc.record({ capacity: fc.constantFrom(1, 2), active: fc.integer({ min: 0, max: 4 }).map((n) => n > 0) }), { minLength: 1, maxLength: 5 }),
    tolerance: fc.constantFrom(0, 0.05, 0.2, 0.5),
    moves: fc.array(fc.integer({ min: -2, max: 9 }), { maxLength: 60 }),
  })
  .filter(({ reps }) => reps.some((r) => r.active))
  .map(({ bundle, reps: rs, tolerance, moves }) => {
    const reps = rs.map((r, j) => rep(`r${j}`, { capacity: r.capacity, active: r.active }));
    const accounts: Account[] = [];
    const after: Assignments = {};
    for (const r of reps) {
      if (!r.active) continue;
      for (let c = 0; c < r.capacity; c++) {
        for (const item of bundle) {
          const id = `a${accounts.length}`;
          accounts.push(acc(id, item.potential, item.workload));
          after[id] = r.id;
        }
      }
    }
    // before: mostly the balanced plan, with some accounts elsewhere (another rep, unassigned)
    const before: Assignments = { ...after };
    accounts.forEach((a, i) => {
      const m = moves[i] ?? 0;
      if (m === -2) before[a.id] = null;
      else if (m === -1) delete before[a.id];
      else if (m > 3) before[a.id] = reps[m % reps.length].id;
    });
    return { accounts, reps, tolerance, before, after };
  });

test('the disruption lower bound never exceeds what a balanced plan actually moves', () => {
  fc.assert(
    fc.property(balancedCase, ({ accounts, reps, tolerance, before, after }) => {
      const ev = evaluatePlan(accounts, reps, after, { tolerance });
      assert.ok(ev.reps.every((r) => r.withinTolerance), 'the constructed plan is balanced');
      const diff = comparePlans(accounts, before, after, { reps, tolerance });
      assert.ok(diff.lowerBound.accounts <= diff.accountsMoved, `accounts: ${diff.lowerBound.accounts} > ${diff.accountsMoved}`);
      assert.ok(diff.lowerBound.potential <= diff.potentialMoved + 1e-9, `potential: ${diff.lowerBound.potential} > ${diff.potentialMoved}`);
      // and the bound is 0 for a plan that is itself balanced
      assert.deepEqual(comparePlans(accounts, after, after, { reps, tolerance }).lowerBound, { accounts: 0, potential: 0 });
    }),
    { numRuns: 400 },
  );
});
