/** The core of `comparePlans`, cut into bounded steps (see steps.ts). */

import type { Account } from '../../model/account.js';
import type { AssignmentChange, Assignments } from '../../model/plan.js';
import type { Rep } from '../../model/rep.js';
import type { ComparePlansOptions, PlanComparison, RepChange } from '../compare-plans.js';
import type { PlanEvaluation } from '../evaluate-plan.js';
import { TOLERANCE_EPSILON } from './balance-stats.js';
import { evaluatePlanSteps } from './evaluate-plan-steps.js';
import { STEP, type Steps } from './steps.js';

const ownerOf = (assignments: Assignments, id: string): string | null => {
  const r = assignments[id];
  return typeof r === 'string' ? r : null;
};

/** Fewest values (largest first) whose sum reaches `excess`. */
function fewestCovering(values: number[], excess: number): number {
  values.sort((x, y) => y - x);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (sum >= excess) return i + 1;
  }
  return values.length;
}

/** The running state of the diff pass. */
interface Diff {
  before: Assignments;
  after: Assignments;
  changes: AssignmentChange[];
  repChanges: Map<string, RepChange>;
  beforeOwners: (string | null)[];
  totalPotential: number;
  potentialMoved: number;
}

function touch(repChanges: Map<string, RepChange>, repId: string): RepChange {
  let rc = repChanges.get(repId);
  if (!rc) {
    rc = { repId, gained: 0, lost: 0, potentialIn: 0, potentialOut: 0, netPotential: 0 };
    repChanges.set(repId, rc);
  }
  return rc;
}

/** The diff pass over accounts[from .. to). */
function diff(accounts: readonly Account[], d: Diff, from: number, to: number): void {
  const { before, after, changes, repChanges, beforeOwners } = d;
  let { totalPotential, potentialMoved } = d;
  for (let i = from; i < to; i++) {
    const acc = accounts[i];
    const p = acc.potential;
    totalPotential += p;
    const was = ownerOf(before, acc.id);
    const now = ownerOf(after, acc.id);
    beforeOwners[i] = was;
    if (was === now) continue;
    changes.push({ accountId: acc.id, from: was, to: now });
    potentialMoved += p;
    if (was !== null) {
      const rc = touch(repChanges, was);
      rc.lost++;
      rc.potentialOut += p;
      rc.netPotential -= p;
    }
    if (now !== null) {
      const rc = touch(repChanges, now);
      rc.gained++;
      rc.potentialIn += p;
      rc.netPotential += p;
    }
  }
  d.totalPotential = totalPotential;
  d.potentialMoved = potentialMoved;
}

/**
 * `comparePlans` as a generator that yields after every `STEP` accounts of work. Same arguments,
 * result and errors as `comparePlans` (which runs it to the end with `runSteps`), plus an optional
 * evaluation of `before` with the same reps and tolerance: the disruption lower bound reads only the
 * reps' totals, targets and deviations from it (not `withinTolerance`, so its `balanceOn` does not
 * matter), and a caller that already has it (the rebalance) saves one evaluation.
 *
 * @param accounts the accounts of both plans
 * @param before the current assignments (account id → rep id or null; missing = unassigned)
 * @param after the proposed assignments
 * @param options `reps` (default: derived from the plans, capacity 1) and `tolerance` (default 0.05)
 * @param beforeEvaluation `evaluatePlan(accounts, options.reps, before, { tolerance })` if known
 * @returns a generator whose return value is the comparison
 *
 * @example
 * const diff = await slicer.run(comparePlansSteps(accounts, current, proposal, { reps }, before), 'evaluate', 0.95);
 */
export function* comparePlansSteps(
  accounts: readonly Account[],
  before: Assignments,
  after: Assignments,
  options: ComparePlansOptions = {},
  beforeEvaluation?: PlanEvaluation,
): Steps<PlanComparison> {
  const tolerance = options.tolerance ?? 0.05;
  const n = accounts.length;
  const d: Diff = {
    before,
    after,
    changes: [],
    repChanges: new Map(),
    beforeOwners: new Array(n),
    totalPotential: 0,
    potentialMoved: 0,
  };
  for (let from = 0; from < n; from += STEP) {
    diff(accounts, d, from, Math.min(n, from + STEP));
    yield;
  }
  const { changes, repChanges, beforeOwners, totalPotential, potentialMoved } = d;

  let reps = options.reps;
  if (!reps) {
    const ids = new Set<string>();
    for (let i = 0; i < n; i++) {
      if (i % STEP === STEP - 1) yield;
      const b = beforeOwners[i];
      const a = ownerOf(after, accounts[i].id);
      if (b !== null) ids.add(b);
      if (a !== null) ids.add(a);
    }
    reps = [...ids].map((id) => ({ id, name: id, capacity: 1, skills: [], active: true }));
  }

  // Order: given reps first, then ids met in the changes.
  const ordered: RepChange[] = [];
  for (const rep of reps) {
    const rc = repChanges.get(rep.id);
    if (rc) {
      ordered.push(rc);
      repChanges.delete(rep.id);
    }
  }
  ordered.push(...repChanges.values());
  yield;

  const ev = beforeEvaluation && options.reps ? beforeEvaluation : yield* evaluatePlanSteps(accounts, reps, before, { tolerance });
  const lowerBound = yield* disruptionLowerBound(accounts, ev, beforeOwners, tolerance);
  return {
    changes,
    accountsMoved: changes.length,
    accountsMovedShare: n > 0 ? changes.length / n : 0,
    potentialMoved,
    potentialMovedShare: totalPotential > 0 ? potentialMoved / totalPotential : 0,
    reps: ordered,
    lowerBound,
  };
}

function* disruptionLowerBound(
  accounts: readonly Account[],
  ev: PlanEvaluation,
  beforeOwners: readonly (string | null)[],
  tolerance: number,
): Steps<{ accounts: number; potential: number }> {
  // Same test as evaluatePlan's withinTolerance, so that "over" here is "not within" there.
  const slack = tolerance + TOLERANCE_EPSILON;
  const limit = 1 + slack;
  // Reps that must shed something, by id.
  const over = new Map<string, { workload: number[]; potential: number[] }>();
  let boundAccounts = 0;
  let boundPotential = 0;
  for (const r of ev.reps) {
    if (!r.active) {
      boundAccounts += r.count;
      boundPotential += r.potential;
    } else if (r.deviation.workload > slack || r.deviation.potential > slack) {
      over.set(r.repId, { workload: [], potential: [] });
    }
  }
  if (over.size === 0) return { accounts: boundAccounts, potential: boundPotential };
  for (let i = 0; i < accounts.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const acc = accounts[i];
    const owner = beforeOwners[i];
    const lists = owner === null ? undefined : over.get(owner);
    if (lists) {
      lists.workload.push(acc.workload ?? 1);
      lists.potential.push(acc.potential);
    }
  }
  let done = 0;
  for (const [repId, lists] of over) {
    const r = ev.byRep[repId];
    const excessW = r.workload - limit * r.target.workload;
    const excessP = r.potential - limit * r.target.potential;
    // A rep over the limit must lose at least one account even if rounding makes the excess ≤ 0.
    const byWorkload = r.deviation.workload > slack ? Math.max(1, fewestCovering(lists.workload, excessW)) : 0;
    const byPotential = r.deviation.potential > slack ? Math.max(1, fewestCovering(lists.potential, excessP)) : 0;
    boundAccounts += Math.max(byWorkload, byPotential);
    if (excessP > 0) boundPotential += excessP;
    // one rep's sorts are one step; yield once about STEP accounts are sorted
    done += lists.workload.length;
    if (done >= STEP) {
      done = 0;
      yield;
    }
  }
  return { accounts: boundAccounts, potential: boundPotential };
}
