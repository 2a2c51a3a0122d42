// The bench's compactness floor (bench/compactness-floor.ts) backs claims in BENCHMARKS.md that some
// targets cannot be met: check that it never exceeds the true optimum, found by brute force on tiny
// instances (every plan of 7 accounts over 3 reps), with and without a disruption budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compactnessFloor } from '../../bench/compactness-floor.js';
import type { Instance } from '../../bench/instances.js';
import { haversineKm } from '../../src/engine/geo.js';

const caseArb = fc.record({
  homes: fc.array(fc.record({ lat: fc.double({ min: 30, max: 45, noNaN: true }), lng: fc.double({ min: -120, max: -75, noNaN: true }) }), { minLength: 3, maxLength: 3 }),
  accounts: fc.array(
    fc.record({ lat: fc.double({ min: 30, max: 45, noNaN: true }), lng: fc.double({ min: -120, max: -75, noNaN: true }), workload: fc.integer({ min: 1, max: 3 }), potential: fc.integer({ min: 1, max: 100 }), owner: fc.integer({ min: 0, max: 2 }) }),
    { minLength: 7, maxLength: 7 },
  ),
  tolerance: fc.constantFrom(0.2, 0.4, 0.8),
  budget: fc.option(fc.record({ accounts: fc.integer({ min: 0, max: 7 }), potential: fc.integer({ min: 0, max: 400 }) }), { nil: undefined }),
});

test('the compactness floor is a lower bound on every balanced plan (within the budget, when given)', () => {
  fc.assert(
    fc.property(caseArb, ({ homes, accounts, tolerance, budget }) => {
      const inst: Instance = {
        name: 'tiny',
        reps: homes.map((home, j) => ({ id: `r${j}`, name: `r${j}`, home, capacity: 1, skills: [], active: true })),
        accounts: accounts.map((a, i) => ({ id: `a${i}`, name: `a${i}`, lat: a.lat, lng: a.lng, workload: a.workload, potential: a.potential, ownerId: `r${a.owner}` })),
        current: Object.fromEntries(accounts.map((a, i) => [`a${i}`, `r${a.owner}`])),
        drawn: {},
      };
      const n = accounts.length;
      const totW = accounts.reduce((t, a) => t + a.workload, 0);
      const totP = accounts.reduce((t, a) => t + a.potential, 0);
      let best = Infinity;
      const plan = new Array<number>(n).fill(0);
      for (let code = 0; code < 3 ** n; code++) {
        let c = code;
        for (let i = 0; i < n; i++, c = Math.floor(c / 3)) plan[i] = c % 3;
        const w = [0, 0, 0];
        const p = [0, 0, 0];
        let km = 0;
        let moved = 0;
        let potMoved = 0;
        plan.forEach((j, i) => {
          const a = accounts[i];
          w[j] += a.workload;
          p[j] += a.potential;
          km += a.workload * haversineKm(a.lat, a.lng, homes[j].lat, homes[j].lng);
          if (j !== a.owner) {
            moved++;
            potMoved += a.potential;
          }
        });
        const ok = [0, 1, 2].every((j) => Math.abs((3 * w[j]) / totW - 1) <= tolerance + 1e-12 && Math.abs((3 * p[j]) / totP - 1) <= tolerance + 1e-12);
        if (!ok || (budget && (moved > budget.accounts || potMoved > budget.potential))) continue;
        best = Math.min(best, km / totW);
      }
      const floor = compactnessFloor(inst, { tolerance, near: 2, budget });
      if (best === Infinity) return; // no feasible plan: any number is a valid bound
      assert.ok(floor <= best * (1 + 1e-9) + 1e-9, `floor ${floor} above the optimum ${best}`);
    }),
    { numRuns: 60, seed: 11 },
  );
});
