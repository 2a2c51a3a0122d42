import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { suggestQuotas, type Account, type Rep } from '../../src/index.js';

const acc = (id: string, potential: number): Account => ({ id, name: id, lat: null, lng: null, potential, workload: 1, ownerId: null });
const rep = (id: string, extra: Partial<Rep> = {}): Rep => ({ id, name: `Rep ${id}`, capacity: 1, skills: [], active: true, ...extra });
const close = (a: number, b: number, msg = '') => assert.ok(Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b)), `${msg} ${a} ≠ ${b}`);

const accounts = [acc('a1', 600), acc('a2', 300), acc('a3', 100), acc('a4', 50), acc('a5', 999)];
const assignments = { a1: 'r1', a2: 'r2', a3: 'r3', a4: 'r4', a5: null };

test('quotas follow the potential held by active reps', () => {
  const { quotas, fairness } = suggestQuotas({
    accounts,
    reps: [rep('r1'), rep('r2'), rep('r3'), rep('r4', { active: false })],
    assignments,
    teamTarget: 1000,
  });
  assert.deepEqual(quotas, [
    { repId: 'r1', quota: 600, potential: 600, potentialShare: 0.6 },
    { repId: 'r2', quota: 300, potential: 300, potentialShare: 0.3 },
    { repId: 'r3', quota: 100, potential: 100, potentialShare: 0.1 },
  ]);
  assert.deepEqual(fairness, { min: 1, max: 1, spread: 1, cv: 0 });
});

test('history blend: reps with closed-won split their pooled share; a rep without history keeps its own', () => {
  const { quotas, fairness } = suggestQuotas({
    accounts,
    reps: [rep('r1', { priorClosedWon: 100 }), rep('r2', { priorClosedWon: 300 }), rep('r3'), rep('r4', { active: false })],
    assignments,
    teamTarget: 1000,
    historyWeight: 0.5,
  });
  // pooled potential share 0.9 split 1 : 3 → 0.225 and 0.675; r3 keeps 0.1
  const expected = [
    ['r1', 0.5 * 0.6 + 0.5 * 0.225, 0.225],
    ['r2', 0.5 * 0.3 + 0.5 * 0.675, 0.675],
    ['r3', 0.1, 0.1],
  ] as const;
  expected.forEach(([id, share, hist], i) => {
    assert.equal(quotas[i].repId, id);
    close(quotas[i].quota, 1000 * share, id);
    close(quotas[i].historyShare!, hist, id);
  });
  close(fairness.min, 412.5 / 600);
  close(fairness.max, 487.5 / 300);
  close(fairness.spread, 487.5 / 300 / (412.5 / 600));
  const x = [412.5 / 600, 487.5 / 300, 1];
  const mean = (x[0] + x[1] + x[2]) / 3;
  close(fairness.cv, Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / 3) / mean);
});

test('no potential at all: shares follow capacity; zero-potential reps are left out of fairness', () => {
  const { quotas, fairness } = suggestQuotas({
    accounts: [acc('a', 0)],
    reps: [rep('r1'), rep('r2', { capacity: 3 })],
    assignments: { a: 'r1' },
    teamTarget: 400,
  });
  assert.deepEqual(quotas.map((q) => q.quota), [100, 300]);
  assert.deepEqual(fairness, { min: 0, max: 0, spread: 1, cv: 0 });
});

test('bad input is rejected', () => {
  const base = { accounts, reps: [rep('r1')], assignments };
  assert.throws(() => suggestQuotas({ ...base, teamTarget: -5 }), /teamTarget must be a finite number ≥ 0, got -5/);
  assert.throws(() => suggestQuotas({ ...base, teamTarget: 5, historyWeight: 1.5 }), /historyWeight must be between 0 and 1, got 1.5/);
  assert.throws(() => suggestQuotas({ ...base, reps: [rep('r1', { priorClosedWon: NaN })], teamTarget: 5 }), /rep "r1": priorClosedWon/);
});

test('quotas always sum to the team target; without history every quota ÷ potential is the same', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ capacity: fc.constantFrom(1, 2), active: fc.boolean(), prior: fc.option(fc.integer({ min: 0, max: 1000 })) }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.record({ potential: fc.integer({ min: 0, max: 1000 }), owner: fc.integer({ min: -1, max: 5 }) }), { maxLength: 20 }),
      fc.double({ min: 0, max: 1e7, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (rs, as, teamTarget, historyWeight) => {
        const reps = rs.map((r, j) => rep(`r${j}`, { capacity: r.capacity, active: r.active, priorClosedWon: r.prior }));
        const accs = as.map((a, i) => acc(`a${i}`, a.potential));
        const plan = Object.fromEntries(as.map((a, i) => [`a${i}`, a.owner >= 0 ? `r${a.owner % reps.length}` : null]));
        const { quotas, fairness } = suggestQuotas({ accounts: accs, reps, assignments: plan, teamTarget, historyWeight });
        assert.deepEqual(quotas.map((q) => q.repId), reps.filter((r) => r.active).map((r) => r.id));
        if (quotas.length > 0) {
          close(quotas.reduce((s, q) => s + q.quota, 0), teamTarget, 'sum');
        }
        for (const q of quotas) assert.ok(q.quota >= 0);
        const plain = suggestQuotas({ accounts: accs, reps, assignments: plan, teamTarget });
        assert.ok(plain.fairness.spread - 1 < 1e-9 && plain.fairness.cv < 1e-9);
        assert.ok(fairness.spread >= 1);
      },
    ),
    { numRuns: 300 },
  );
});
