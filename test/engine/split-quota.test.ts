import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitQuota, type Account, type Rep } from '../../src/index.js';

const acc = (id: string, potential: number, ownerId: string | null): Account => ({ id, name: id, lat: null, lng: null, potential, workload: 1, ownerId });
const rep = (id: string, extra: Partial<Rep> = {}): Rep => ({ id, name: `Rep ${id.toUpperCase()}`, capacity: 1, skills: [], active: true, ...extra });

const accounts = [acc('a1', 600, 'r1'), acc('a2', 300, 'r2'), acc('a3', 100, 'r3'), acc('a4', 50, 'r4')];
const assignments = { a1: 'r1', a2: 'r2', a3: 'r3', a4: 'r4' };
const reps = [rep('r1'), rep('r2'), rep('r3'), rep('r4', { active: false })];
const sum = (xs: { quota: number }[]) => xs.reduce((s, l) => s + l.quota, 0);

test('by potential: shares follow potential, inactive reps are left out, and a fair split names no one', () => {
  const r = splitQuota({ target: 1000, reps, accounts, assignments, method: 'potential' });
  assert.deepEqual(r.lines.map((l) => [l.repId, l.quota]), [['r1', 600], ['r2', 300], ['r3', 100]]);
  assert.deepEqual(r.notes, []);
  assert.equal(r.summary, 'Every rep is asked for at most 5% more than their potential share.');
});

test('largest remainder: thirds of 100 sum to exactly 100, the extra unit to the earliest rep', () => {
  const r = splitQuota({ target: 100, reps: [rep('r1'), rep('r2'), rep('r3')], accounts: [], assignments: {}, method: 'capacity' });
  assert.deepEqual(r.lines.map((l) => l.quota), [34, 33, 33]);
});

test('a locked rep keeps its agreed quota; the rest follows the basis; fairness names who carries more', () => {
  const r = splitQuota({ target: 1000, reps, accounts, assignments, method: 'potential', locked: { r3: 400 } });
  assert.deepEqual(r.lines.map((l) => [l.repId, l.quota, l.locked]), [['r1', 400, false], ['r2', 200, false], ['r3', 400, true]]);
  assert.equal(r.notes.length, 1);
  assert.equal(r.notes[0].repId, 'r3');
  assert.equal(r.notes[0].words, 'Rep R3 is asked for 300% more than their potential share (400 against 100)');
  assert.equal(r.summary, '1 of 3 reps is asked for more than their potential share; most: Rep R3, +300%.');
});

test('history: last period\'s closed-won shifts the pooled share; a rep without history keeps its potential share', () => {
  const withHistory = [rep('r1', { priorClosedWon: 100 }), rep('r2', { priorClosedWon: 300 }), rep('r3')];
  const r = splitQuota({ target: 1000, reps: withHistory, accounts, assignments, method: 'history' });
  // r1 and r2 pool 0.9 of potential and split it 1:3; r3 keeps 0.1
  assert.deepEqual(r.lines.map((l) => l.quota), [225, 675, 100]);
  assert.equal(r.notes[0].repId, 'r2');
});

test('manual figures that add up come back unchanged; ones that do not are scaled to the target', () => {
  const same = splitQuota({ target: 1000, reps, accounts, assignments, method: 'manual', manual: { r1: 500, r2: 250, r3: 250 } });
  assert.deepEqual(same.lines.map((l) => l.quota), [500, 250, 250]);
  const scaled = splitQuota({ target: 1000, reps, accounts, assignments, method: 'manual', manual: { r1: 1, r2: 1, r3: 2 } });
  assert.deepEqual(scaled.lines.map((l) => l.quota), [250, 250, 500]);
});

test('bad input names the rep and field', () => {
  assert.throws(() => splitQuota({ target: 10.5, reps, accounts, assignments, method: 'potential' }), /target must be a whole number/);
  assert.throws(() => splitQuota({ target: 100, reps, accounts, assignments, method: 'potential', locked: { r1: 80, r2: 30 } }), /locked quotas sum to 110, above the target 100/);
  assert.throws(() => splitQuota({ target: 100, reps, accounts, assignments, method: 'potential', locked: { r4: 10 } }), /locked rep "r4" is not an active rep/);
  assert.throws(() => splitQuota({ target: 100, reps, accounts, assignments, method: 'potential', locked: { r1: -1 } }), /rep "r1": locked quota must be a whole number/);
  assert.throws(() => splitQuota({ target: 100, reps, accounts, assignments, method: 'manual', manual: { r2: Number.NaN } }), /rep "r2": manual quota/);
  assert.throws(() => splitQuota({ target: 100, reps: [rep('r1')], accounts, assignments, method: 'potential', locked: { r1: 50 } }), /50 of the target is left with no unlocked active rep/);
});

test('property: the split sums exactly to the target, locks are kept, every quota is a whole number ≥ 0', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ potential: fc.integer({ min: 0, max: 10_000 }), capacity: fc.constantFrom(0.5, 1, 2), prior: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }), lock: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }), manual: fc.integer({ min: 0, max: 5000 }) }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 0, max: 10_000_000 }),
      fc.constantFrom('potential', 'history', 'capacity', 'manual' as const),
      (rows, extra, method) => {
        const rs = rows.map((x, i) => rep(`r${i}`, { capacity: x.capacity, priorClosedWon: x.prior }));
        const as = rows.map((x, i) => acc(`a${i}`, x.potential, `r${i}`));
        const asg = Object.fromEntries(as.map((a) => [a.id, a.ownerId]));
        const locked: Record<string, number> = {};
        rows.forEach((x, i) => { if (x.lock !== null && i > 0) locked[`r${i}`] = x.lock; });
        const lockedSum = Object.values(locked).reduce((s, x) => s + x, 0);
        const target = lockedSum + extra;
        const manual = Object.fromEntries(rows.map((x, i) => [`r${i}`, x.manual]));
        const r = splitQuota({ target, reps: rs, accounts: as, assignments: asg, method, locked, manual });
        assert.equal(sum(r.lines), target);
        for (const l of r.lines) {
          assert.ok(Number.isInteger(l.quota) && l.quota >= 0);
          if (Object.hasOwn(locked, l.repId)) assert.equal(l.quota, locked[l.repId]);
        }
        // every free quota is within one unit of its exact share (largest remainder)
        for (const n of r.notes) assert.ok(r.lines.find((l) => l.repId === n.repId)!.quota > r.lines.find((l) => l.repId === n.repId)!.potentialQuota);
      },
    ),
    { numRuns: 300 },
  );
});
