import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GainRange, gainRange } from '../../src/engine/rebalance/gain-range.js';
import { applyMove, penalty } from '../../src/engine/rebalance/objective.js';
import { SortedMembers } from '../../src/engine/rebalance/sorted-members.js';
import { buildState, type RebalanceState } from '../../src/engine/rebalance/state.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';

interface Case {
  reps: { capacity: number }[];
  accounts: { owner: number; workload: number; potential: number; locked: boolean }[];
  bands: number[];
}

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 4 }).chain((r) =>
  fc.record({
    reps: fc.array(fc.record({ capacity: fc.constantFrom(0.5, 1, 1.5, 2) }), { minLength: r, maxLength: r }),
    accounts: fc.array(
      fc.record({
        owner: fc.integer({ min: 0, max: r - 1 }),
        // few distinct workloads and potentials: ties in value are common, as in real data
        workload: fc.constantFrom(0, 1, 2, 3, 5),
        potential: fc.oneof(fc.constantFrom(0, 1000, 5000), fc.integer({ min: 0, max: 200_000 })),
        locked: fc.constantFrom(false, false, false, true),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    bands: fc.array(fc.constantFrom(0, 0.02, 0.05, 0.3), { minLength: 2 * r, maxLength: 2 * r }),
  }),
);

function state(c: Case): RebalanceState {
  const reps: Rep[] = c.reps.map((x, j) => ({ id: `r${j}`, name: `r${j}`, home: { lat: 40, lng: -100 + j }, capacity: x.capacity, skills: [], active: true }));
  const current: Assignments = {};
  const accounts: Account[] = c.accounts.map((a, q) => {
    const id = `a${String(q).padStart(3, '0')}`;
    current[id] = `r${a.owner}`;
    return { id, name: id, lat: 40, lng: -100 + a.owner, potential: a.potential, workload: a.workload, ownerId: `r${a.owner}`, locked: a.locked };
  });
  const s = buildState(accounts, reps, current, {
    metrics: ['workload', 'potential'],
    lockedAccountIds: new Set(),
    lockedRepIds: new Set(),
    maxMoves: Infinity,
    maxPotentialMoved: Infinity,
  });
  s.band.set(c.bands);
  return s;
}

/** The objective decrease of moving account i from its owner to rep `to`, as the search computes it. */
const gain = (s: RebalanceState, i: number, to: number): number => {
  const from = s.owner[i];
  return penalty(s, from, 0, 0) - penalty(s, from, i, -1) + penalty(s, to, 0, 0) - penalty(s, to, i, 1);
};

/** Calls `check` with gainRange's answer for every ordered pair of reps of a case. */
function forEachPair(c: Case, floor: number, check: (s: RebalanceState, range: GainRange, from: number, to: number) => void): void {
  const s = state(c);
  const sorted = new SortedMembers(s);
  const range = new GainRange();
  for (let from = 0; from < s.r; from++) {
    for (let to = 0; to < s.r; to++) {
      if (from === to) continue;
      gainRange(s, sorted, from, to, floor, range);
      check(s, range, from, to);
    }
  }
}

describe('gainRange', () => {
  it('leaves out only accounts whose move cannot decrease the objective by more than the floor', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(1e-9, 1e-4, 0.001, 0.01, 0.1), (c, floor) => {
        forEachPair(c, floor, (s, range, from, to) => {
          const inRange = new Set(range.list.slice(range.lo, range.hi));
          assert.ok(range.lo <= range.peak && range.peak <= Math.max(range.hi, range.lo));
          for (const i of s.members[from]) {
            if (s.fixed[i]) {
              assert.ok(!range.list.includes(i), 'a locked account is never in a list');
              continue;
            }
            if (gain(s, i, to) > floor) assert.ok(inRange.has(i), `account ${i} (${from} → ${to}) gains ${gain(s, i, to)} > ${floor} but is outside the range`);
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('bounds fall outward from the peak, so a scan may stop each side at the first account under its bar', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        forEachPair(c, 1e-9, (s, range, _from, to) => {
          for (const floor of [1e-9, 0.001, 0.01]) {
            // right of the peak: once the bound is at or under a floor it stays there (and left of it)
            for (const dir of [1, -1]) {
              let dropped = false;
              for (let at = dir > 0 ? range.peak : range.peak - 1; at >= range.lo && at < range.hi; at += dir) {
                if (dropped) assert.ok(gain(s, range.list[at], to) <= floor, 'an account past the stop could still pay');
                if (!range.mayExceed(at, floor)) dropped = true;
              }
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is empty when neither rep is outside its band (no move can pay)', () => {
    const s = state({ reps: [{ capacity: 1 }, { capacity: 1 }], accounts: [{ owner: 0, workload: 1, potential: 10, locked: false }, { owner: 1, workload: 1, potential: 10, locked: false }], bands: [0.5, 0.5, 0.5, 0.5] });
    const range = new GainRange();
    gainRange(s, new SortedMembers(s), 0, 1, 1e-9, range);
    assert.equal(range.hi - range.lo, 0);
  });
});

describe('SortedMembers', () => {
  it('keeps every rep’s movable accounts in value order through any sequence of moves', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }), (c, moves) => {
        const s = state(c);
        const sorted = new SortedMembers(s);
        // build some lists before the moves, the rest after (lazily)
        for (let j = 0; j < s.r; j += 2) sorted.get(j, 1);
        for (const [a, b] of moves) {
          const i = a % s.n;
          const to = b % s.r;
          const from = s.owner[i];
          if (to === from) continue;
          applyMove(s, i, to);
          sorted.moved(i, from, to);
        }
        for (let j = 0; j < s.r; j++) {
          for (let m = 0; m < s.k; m++) {
            const list = sorted.get(j, m);
            const expected = s.members[j].filter((i) => !s.fixed[i]).sort((x, y) => s.val[x * s.k + m] - s.val[y * s.k + m] || x - y);
            assert.deepEqual(list, expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
