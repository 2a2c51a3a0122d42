import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { recommendReps, EARTH_RADIUS_KM, type Account, type Rep, type Territory } from '../../src/index.js';

const acc = (id: string, extra: Partial<Account> = {}): Account => ({
  id,
  name: id,
  lat: null,
  lng: null,
  potential: 10,
  workload: 1,
  ownerId: null,
  ...extra,
});
const rep = (id: string, extra: Partial<Rep> = {}): Rep => ({ id, name: `Rep ${id}`, capacity: 1, skills: [], active: true, ...extra });
const close = (a: number, b: number, msg = '') => assert.ok(Math.abs(a - b) < 1e-9, `${msg} ${a} ≠ ${b}`);
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

const reps = [
  rep('r1', { skills: ['Healthcare'], home: { lat: 0, lng: 0 } }),
  rep('r2', { skills: ['retail'], home: { lat: 0, lng: 1 } }),
  rep('r3', { skills: ['Healthcare'], active: false, home: { lat: 0, lng: 0 } }),
  rep('r4'),
];
const t1 = acc('t1', { industry: 'Healthcare', lat: 0, lng: 0 });
const accounts = [t1, acc('x1'), acc('x2'), acc('x3')];
// workload 4 over three active reps: target 4/3 each
const assignments = { t1: 'r2', x1: 'r1', x2: 'r2', x3: 'r2' };

test('one account: breakdown, score, ranking and reasons', () => {
  const recs = recommendReps(t1, reps, { accounts, assignments });
  assert.deepEqual(recs.map((r) => r.repId), ['r1', 'r2', 'r4']); // r3 is inactive
  const [r1, r2, r4] = recs;
  // r1: skill 1, relationship 0, at home, workload 2 of target 4/3 → ρ 1.5 → capacity 0.25
  assert.deepEqual(r1.breakdown, { skill: 1, relationship: 0, proximity: 1, capacity: 0.25 });
  close(r1.score, 0.3 + 0.2 + 0.2 * 0.25);
  assert.equal(r1.reason, 'Knows Healthcare; 0 km from home; 50% over target');
  // r2: owns it, 1° away; keeps workload 3 → ρ 2.25 → capacity 0
  const prox = 0.5 ** (KM_PER_DEGREE / 100);
  close(r2.breakdown.proximity, prox, 'proximity');
  assert.deepEqual({ ...r2.breakdown, proximity: 0 }, { skill: 0, relationship: 1, proximity: 0, capacity: 0 });
  close(r2.score, 0.3 + 0.2 * prox);
  assert.equal(r2.reason, 'Owns it; 111 km from home; 125% over target');
  // r4: nothing but headroom: workload 1 of 4/3 → ρ 0.75 → capacity 0.625
  assert.deepEqual(r4.breakdown, { skill: 0, relationship: 0, proximity: 0, capacity: 0.625 });
  close(r4.score, 0.2 * 0.625);
  assert.equal(r4.reason, 'No home base; 25% headroom');
});

test('weights change the ranking; limit cuts the list; bad weights are rejected', () => {
  const recs = recommendReps(t1, reps, { accounts, assignments, weights: { skill: 0, relationship: 1, proximity: 0, capacity: 0 } });
  assert.equal(recs[0].repId, 'r2');
  assert.equal(recs[0].score, 1);
  assert.equal(recommendReps(t1, reps, { accounts, assignments, limit: 1 }).length, 1);
  assert.throws(() => recommendReps(t1, reps, { accounts, assignments, weights: { skill: -1 } }), /weights\.skill must be a finite number ≥ 0, got -1/);
  assert.throws(
    () => recommendReps(t1, reps, { accounts, assignments, weights: { skill: 0, relationship: 0, proximity: 0, capacity: 0 } }),
    /at least one weight/,
  );
});

test('a territory: its accounts from territoriesAccounts or from account.territoryId', () => {
  const accs = [
    acc('h1', { industry: 'Healthcare', lat: 0, lng: 0, territoryId: 'T' }),
    acc('h2', { industry: 'Retail', lat: 0, lng: 2, territoryId: 'T' }),
    acc('o1'),
  ];
  const territory: Territory = { id: 'T', name: 'West', repIds: [], priority: 0, definition: {} };
  const plan = { h1: 'r2', h2: null, o1: 'r1' };
  const viaField = recommendReps(territory, reps, { accounts: accs, assignments: plan });
  const viaMap = recommendReps(territory, reps, { accounts: accs, assignments: plan, territoriesAccounts: { T: ['h1', 'h2'] } });
  assert.deepEqual(viaField, viaMap);
  const r1 = viaField.find((r) => r.repId === 'r1')!;
  assert.equal(r1.breakdown.skill, 0.5);
  // mean distance from (0,0) to (0,0) and (0,2): 1°
  assert.equal(r1.reason, `Knows Healthcare (1 of 2); ${Math.round(KM_PER_DEGREE)} km from home; 200% over target`); // workload 1 + 2 of target 1
  const r2 = viaField.find((r) => r.repId === 'r2')!;
  assert.equal(r2.breakdown.relationship, 0.5);
  assert.match(r2.reason, /^Knows Retail \(1 of 2\); owns 1 of 2; /);
  assert.throws(
    () => recommendReps(territory, reps, { accounts: accs, assignments: plan, territoriesAccounts: { T: ['zz'] } }),
    /territory "T": account "zz" is not in context.accounts/,
  );
});

test('a new account (not yet in the plan) counts its owner and its workload', () => {
  const fresh = acc('new', { ownerId: 'r4', workload: 2 });
  const [first] = recommendReps(fresh, reps, { accounts, assignments, weights: { relationship: 1, skill: 0, proximity: 0, capacity: 0 } });
  assert.equal(first.repId, 'r4');
  // workload 6 over 3 reps → target 2; r4 takes 2 → ρ 1 → capacity 0.5, "0% headroom"
  const r4 = recommendReps(fresh, reps, { accounts, assignments }).find((r) => r.repId === 'r4')!;
  assert.equal(r4.breakdown.capacity, 0.5);
  assert.equal(r4.reason, 'Owns it; 0% headroom');
});

test('ties are broken by rep id; scores and breakdowns stay in [0, 1]; ordering is by score', () => {
  const twins = [rep('b'), rep('a'), rep('c')];
  assert.deepEqual(recommendReps(acc('z'), twins, { accounts: [acc('z')], assignments: {} }).map((r) => r.repId), ['a', 'b', 'c']);
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          skills: fc.subarray(['A', 'B', 'C']),
          home: fc.option(fc.record({ lat: fc.integer({ min: -5, max: 5 }), lng: fc.integer({ min: -5, max: 5 }) })),
          capacity: fc.constantFrom(1, 2),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      fc.array(fc.record({ industry: fc.constantFrom('A', 'B', 'C', null), owner: fc.integer({ min: -1, max: 6 }), placed: fc.boolean() }), { maxLength: 12 }),
      fc.nat(),
      (rs, as, pick) => {
        const repList = rs.map((r, j) => rep(`r${j}`, r));
        const accs = as.map((a, i) => acc(`a${i}`, { industry: a.industry, lat: a.placed ? i % 3 : null, lng: a.placed ? 0 : null }));
        const plan = Object.fromEntries(as.map((a, i) => [`a${i}`, a.owner >= 0 && a.owner < repList.length ? `r${a.owner}` : null]));
        const target = accs.filter((_, i) => (pick >> i) & 1);
        const recs = recommendReps(target, repList, { accounts: accs, assignments: plan });
        assert.equal(recs.length, repList.length);
        for (let i = 0; i < recs.length; i++) {
          const r = recs[i];
          assert.ok(r.score >= 0 && r.score <= 1);
          for (const v of Object.values(r.breakdown)) assert.ok(v >= 0 && v <= 1);
          if (i > 0) {
            const p = recs[i - 1];
            assert.ok(p.score > r.score || (p.score === r.score && p.repId < r.repId));
          }
          // relationship is the share owned
          const owned = target.filter((a) => plan[a.id] === r.repId).length;
          assert.equal(r.breakdown.relationship, target.length ? owned / target.length : 0);
          assert.equal(r.reason.includes('owns') || r.reason.startsWith('Owns'), owned > 0);
        }
      },
    ),
    { numRuns: 200 },
  );
});
