import type { Account } from '../model/account.js';
import type { AssignmentChange, Assignments } from '../model/plan.js';
import type { Rep } from '../model/rep.js';
import { evaluatePlan } from './evaluate-plan.js';
import { TOLERANCE_EPSILON } from './metrics/balance-stats.js';

/** How one rep's book changes between two plans. */
export interface RepChange {
  repId: string;
  /** Accounts the rep receives. */
  gained: number;
  /** Accounts the rep gives up. */
  lost: number;
  potentialIn: number;
  potentialOut: number;
  /** potentialIn − potentialOut. */
  netPotential: number;
}

/** The diff between two plans over the same accounts, with its disruption and a lower bound. */
export interface PlanComparison {
  /** Every account whose rep differs, in accounts order (unassigned ↔ assigned included). */
  changes: AssignmentChange[];
  accountsMoved: number;
  /** accountsMoved / number of accounts (0 for no accounts). */
  accountsMovedShare: number;
  potentialMoved: number;
  /** potentialMoved / total potential (0 when the total is 0). */
  potentialMovedShare: number;
  /** Reps that gain or lose something: the given reps in their order, then unknown ids as met. */
  reps: RepChange[];
  /**
   * Fewest accounts, and least potential, that any plan bringing every rep within tolerance must
   * move away from `before` (PRODUCT.md disruption lower bound).
   */
  lowerBound: { accounts: number; potential: number };
}

export interface ComparePlansOptions {
  /** The reps (capacities, active flags) for targets. Default: every rep id in either plan, capacity 1, active. */
  reps?: readonly Rep[];
  /** Allowed relative deviation τ from target. Default 0.05. */
  tolerance?: number;
}

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

/**
 * Compares two plans over the same accounts: the list of changes, how many accounts and how much
 * potential move, per-rep gains and losses, and a lower bound on the disruption any balanced plan
 * needs.
 *
 * Lower bound (PRODUCT.md): for each active rep whose `before` workload or potential is over
 * (1 + τ)·target, the fewest of its accounts, largest first, whose values cover the excess — taken per
 * rep as the larger of the two counts, and summed over reps. Every account of an inactive rep must
 * move (an inactive rep is within tolerance only when it holds nothing). The potential bound is the
 * summed potential excess (plus the inactive reps' potential): no balanced plan moves less. Targets
 * use `evaluatePlan`, so "balanced" means `evaluatePlan(...).reps.every(r => r.withinTolerance)`.
 *
 * @param accounts the accounts of both plans
 * @param before the current assignments (account id → rep id or null; missing = unassigned)
 * @param after the proposed assignments
 * @param options `reps` (default: derived from the plans, capacity 1) and `tolerance` (default 0.05)
 * @returns the comparison
 *
 * @example
 * const diff = comparePlans(accounts, current, proposal, { reps });
 * diff.accountsMoved;        // 12
 * diff.potentialMovedShare;  // 0.031 → 3.1% of potential changes hands
 * diff.lowerBound.accounts;  // 9: no balanced plan moves fewer
 */
export function comparePlans(
  accounts: readonly Account[],
  before: Assignments,
  after: Assignments,
  options: ComparePlansOptions = {},
): PlanComparison {
  const tolerance = options.tolerance ?? 0.05;
  const changes: AssignmentChange[] = [];
  let totalPotential = 0;
  let potentialMoved = 0;
  const repChanges = new Map<string, RepChange>();
  const touch = (repId: string): RepChange => {
    let rc = repChanges.get(repId);
    if (!rc) {
      rc = { repId, gained: 0, lost: 0, potentialIn: 0, potentialOut: 0, netPotential: 0 };
      repChanges.set(repId, rc);
    }
    return rc;
  };
  const beforeOwners: (string | null)[] = new Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) {
    const acc = accounts[i];
    const p = acc.potential;
    totalPotential += p;
    const from = ownerOf(before, acc.id);
    const to = ownerOf(after, acc.id);
    beforeOwners[i] = from;
    if (from === to) continue;
    changes.push({ accountId: acc.id, from, to });
    potentialMoved += p;
    if (from !== null) {
      const rc = touch(from);
      rc.lost++;
      rc.potentialOut += p;
      rc.netPotential -= p;
    }
    if (to !== null) {
      const rc = touch(to);
      rc.gained++;
      rc.potentialIn += p;
      rc.netPotential += p;
    }
  }

  let reps = options.reps;
  if (!reps) {
    const ids = new Set<string>();
    for (let i = 0; i < accounts.length; i++) {
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

  return {
    changes,
    accountsMoved: changes.length,
    accountsMovedShare: accounts.length > 0 ? changes.length / accounts.length : 0,
    potentialMoved,
    potentialMovedShare: totalPotential > 0 ? potentialMoved / totalPotential : 0,
    reps: ordered,
    lowerBound: disruptionLowerBound(accounts, reps, before, beforeOwners, tolerance),
  };
}

function disruptionLowerBound(
  accounts: readonly Account[],
  reps: readonly Rep[],
  before: Assignments,
  beforeOwners: readonly (string | null)[],
  tolerance: number,
): { accounts: number; potential: number } {
  const ev = evaluatePlan(accounts, reps, before, { tolerance });
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
    const acc = accounts[i];
    const owner = beforeOwners[i];
    const lists = owner === null ? undefined : over.get(owner);
    if (lists) {
      lists.workload.push(acc.workload ?? 1);
      lists.potential.push(acc.potential);
    }
  }
  for (const [repId, lists] of over) {
    const r = ev.byRep[repId];
    const excessW = r.workload - limit * r.target.workload;
    const excessP = r.potential - limit * r.target.potential;
    // A rep over the limit must lose at least one account even if rounding makes the excess ≤ 0.
    const byWorkload = r.deviation.workload > slack ? Math.max(1, fewestCovering(lists.workload, excessW)) : 0;
    const byPotential = r.deviation.potential > slack ? Math.max(1, fewestCovering(lists.potential, excessP)) : 0;
    boundAccounts += Math.max(byWorkload, byPotential);
    if (excessP > 0) boundPotential += excessP;
  }
  return { accounts: boundAccounts, potential: boundPotential };
}
