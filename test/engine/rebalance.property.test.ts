import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { comparePlans } from '../../src/engine/compare-plans.js';
import { evaluatePlan } from '../../src/engine/evaluate-plan.js';
import { rebalance } from '../../src/engine/rebalance.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';

const repArb = fc.record({
  capacity: fc.constantFrom(0.5, 1, 1, 2),
  active: fc.constantFrom(true, true, true, false),
  locked: fc.constantFrom(false, false, false, true),
  home: fc.option(fc.record({ lat: fc.double({ min: 30, max: 45, noNaN: true }), lng: fc.double({ min: -120, max: -75, noNaN: true }) }), { nil: null, freq: 4 }),
});

const accountArb = fc.record({
  placed: fc.boolean(),
  lat: fc.double({ min: 30, max: 45, noNaN: true }),
  lng: fc.double({ min: -120, max: -75, noNaN: true }),
  potential: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100_000 })),
  workload: fc.integer({ min: 0, max: 3 }),
  locked: fc.constantFrom(false, false, false, false, true),
  /** index into reps, -1 unassigned, -2 unknown rep */
  owner: fc.integer({ min: -2, max: 7 }),
});

const caseArb = fc
  .record({
    reps: fc.array(repArb, { minLength: 1, maxLength: 7 }),
    accounts: fc.array(accountArb, { minLength: 0, maxLength: 45 }),
    maxMoves: fc.option(fc.integer({ min: 0, max: 25 }), { nil: undefined }),
    maxPotentialMoved: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    tolerance: fc.constantFrom(0, 0.05, 0.1),
    lockFirstRep: fc.boolean(),
    /** objective 'compactness' (with or without budgets) */
    compactness: fc.boolean(),
  })
  .map((c) => {
    const reps: Rep[] = c.reps.map((r, j) => ({
      id: `r${j}`,
      name: `Rep ${j}`,
      home: r.home,
      capacity: r.capacity,
      skills: [],
      active: r.active,
      locked: r.locked,
    }));
    const current: Assignments = {};
    const accounts: Account[] = c.accounts.map((a, i) => {
      const id = `a${i}`;
      const owner = a.owner === -2 ? 'ghost' : a.owner === -1 || a.owner >= reps.length ? null : reps[a.owner].id;
      if (owner !== null || i % 2 === 0) current[id] = owner;
      return {
        id,
        name: `Account ${i}`,
        lat: a.placed ? a.lat : null,
        lng: a.placed ? a.lng : null,
        potential: a.potential,
        workload: a.workload,
        ownerId: owner,
        locked: a.locked,
      };
    });
    const objective = c.compactness ? ('compactness' as const) : undefined;
    return { accounts, reps, current, options: { maxMoves: c.maxMoves, maxPotentialMoved: c.maxPotentialMoved, tolerance: c.tolerance, lockedRepIds: c.lockFirstRep ? ['r0'] : [], objective } };
  });

const ownerOf = (plan: Assignments, id: string): string | null => {
  const o = plan[id];
  return typeof o === 'string' ? o : null;
};

describe('rebalance properties', () => {
  it('keeps locks, budgets and coverage rules, and its moves and metrics match the plan', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ accounts, reps, current, options }) => {
        const result = await rebalance({ accounts, reps, current }, options);
        const byId = new Map(reps.map((r) => [r.id, r]));
        const lockedReps = new Set(options.lockedRepIds);
        const isFree = (id: string | null): boolean => {
          const r = id === null ? undefined : byId.get(id);
          return !!r && r.active !== false && !r.locked && !lockedReps.has(r.id);
        };

        // every account has exactly one entry; a changed owner is a free (active, unlocked) rep
        assert.deepEqual(Object.keys(result.assignments).sort(), accounts.map((a) => a.id).sort());
        for (const a of accounts) {
          const before = ownerOf(current, a.id);
          const after = ownerOf(result.assignments, a.id);
          if (before === after) continue;
          assert.ok(isFree(after), `${a.id} went to ${after}, which may not take accounts`);
          assert.ok(!a.locked, `locked account ${a.id} moved`);
          assert.ok(before === null || !byId.get(before)?.locked, `${a.id} left locked rep ${before}`);
          assert.ok(!lockedReps.has(before ?? ''), `${a.id} left locked rep ${before}`);
        }

        // hard budgets, counted by comparePlans
        const cmp = comparePlans(accounts, current, result.assignments, { reps, tolerance: options.tolerance });
        if (options.maxMoves !== undefined) assert.ok(cmp.accountsMoved <= options.maxMoves);
        if (options.maxPotentialMoved !== undefined) assert.ok(cmp.potentialMoved <= options.maxPotentialMoved);

        // the moves are exactly the diff, each with a reason
        assert.deepEqual(
          result.moves.map((m) => ({ accountId: m.accountId, from: m.from, to: m.to })),
          cmp.changes.map((c) => ({ accountId: c.accountId, from: c.from, to: c.to })),
        );
        for (const m of result.moves) assert.ok(m.reason.length > 0);
        assert.deepEqual(result.metrics.comparison, cmp);
        assert.deepEqual(
          result.metrics.after,
          evaluatePlan(accounts, reps, result.assignments, { tolerance: options.tolerance, balanceOn: ['workload', 'potential'] }),
        );

        // with no budget, every movable account of an inactive rep (or with no owner) finds a free
        // rep whenever one exists
        const anyFree = reps.some((r) => isFree(r.id));
        if (options.maxMoves === undefined && options.maxPotentialMoved === undefined && anyFree) {
          for (const a of accounts) {
            const before = ownerOf(current, a.id);
            const heldFixed = a.locked || (before !== null && (byId.get(before)?.locked || lockedReps.has(before)));
            if (heldFixed) continue;
            assert.ok(isFree(ownerOf(result.assignments, a.id)), `${a.id} was left with ${ownerOf(result.assignments, a.id)}`);
          }
          assert.notEqual(result.status, 'budget-exhausted');
        }
        // unplaced accounts are exactly those still without an active owner
        const stranded = accounts
          .filter((a) => {
            const o = ownerOf(result.assignments, a.id);
            const r = o === null ? undefined : byId.get(o);
            return !r || r.active === false;
          })
          .map((a) => a.id);
        assert.deepEqual(result.unplacedAccountIds.slice().sort(), stranded.sort());
      }),
      { numRuns: 150, seed: 20261127 },
    );
  });

  it('gives the same result for the same input', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ accounts, reps, current, options }) => {
        const a = await rebalance({ accounts, reps, current }, options);
        const b = await rebalance({ accounts, reps, current }, options);
        assert.deepEqual(a, b);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
