import type { Account } from '../model/account.js';
import type { Assignments } from '../model/plan.js';
import type { Rep } from '../model/rep.js';
import { evaluatePlan } from './evaluate-plan.js';
import type { EngineErrorCode } from './types.js';

/**
 * An error `instanceof EngineError` (src/engine/engine-error.ts: an Error named EngineError with a code and
 * params), made here without importing the class: on the pages that would split it into a chunk of its own.
 */
const engineError = (code: EngineErrorCode, message: string, params: Record<string, number>) => Object.assign(new Error(message), { name: 'EngineError', code, params });

/** How the unlocked part of a target is split. */
export type QuotaMethod = 'potential' | 'history' | 'capacity' | 'manual';

/** One rep's share of the target. */
export interface QuotaSplitLine {
  repId: string;
  /** Whole currency units. */
  quota: number;
  /** Kept as given in `locked` (an agreed quota). */
  locked: boolean;
  /** Potential of the rep's accounts under the plan. */
  potential: number;
  /** potential ÷ the split reps' potential (0 when they hold none). */
  potentialShare: number;
  /** target × potentialShare, unrounded: what the rep would be asked for by potential alone. */
  potentialQuota: number;
}

/** A rep asked for more than their potential share. */
export interface FairnessNote {
  repId: string;
  /** quota − potentialQuota (> 0). */
  excess: number;
  /** quota ÷ potentialQuota − 1 (Infinity when the rep holds no potential). */
  excessRatio: number;
  /** e.g. "Ana Ruiz is asked for 18% more than their potential share (412,000 against 349,000)". */
  words: string;
}

export interface SplitQuotaInput {
  /** The team (or territory) target for the period: a whole number ≥ 0 of currency units. */
  target: number;
  /** The reps to split over (a team or a territory's reps). Inactive reps get nothing and are not listed. */
  reps: readonly Rep[];
  /** Accounts and the plan, for each rep's potential. */
  accounts: readonly Account[];
  assignments: Assignments;
  method: QuotaMethod;
  /** Agreed quotas, kept exactly: rep id → whole currency units. */
  locked?: Readonly<Record<string, number>>;
  /** Method `manual`: hand-entered figures per unlocked rep, used as proportions of what the locks leave. */
  manual?: Readonly<Record<string, number>>;
  /** Reps asked for more than (1 + this) × their potential share are named in the fairness notes. Default 0.05. */
  fairnessTolerance?: number;
}

export interface QuotaSplit {
  /** One line per active rep, in reps order; the quotas sum exactly to the target. */
  lines: QuotaSplitLine[];
  /** Reps asked for more than their potential share (beyond the fairness tolerance), most over first. */
  notes: FairnessNote[];
  /** One sentence on the split's fairness, e.g. "2 of 8 reps are asked for more than their potential share; most: Ana Ruiz, +18%." */
  summary: string;
}

const whole = (x: number) => Number.isInteger(x) && x >= 0 && x <= Number.MAX_SAFE_INTEGER;

/**
 * Splits a team or territory target across reps so the quotas sum exactly to the target.
 *
 * Locked reps keep their agreed quota; the rest of the target is split over the other active reps in
 * proportion to the chosen basis: `potential` (the potential each holds under the plan), `history`
 * (last period's closed-won, `rep.priorClosedWon`: reps with a figure share the potential share they
 * hold together in proportion to it, a rep without one keeps its potential share — as suggestQuotas),
 * `capacity` (`rep.capacity`), or `manual` (the hand-entered figures, as proportions: figures that
 * already add up to what the locks leave come back unchanged). When the basis is zero for every
 * unlocked rep the split falls back to capacity. Amounts are rounded to whole currency units by the
 * largest-remainder method (ties to the earlier rep), so the sum is exact.
 *
 * Fairness compares each quota with target × potential share: reps asked for more than
 * (1 + fairnessTolerance) times that are named, most over first, in words a manager can act on.
 *
 * @param input target, reps, accounts, assignments, method, locks, manual figures
 * @returns the split, the fairness notes and a one-sentence summary
 * @throws naming the rep and field: a target or locked/manual figure that is not a whole number ≥ 0,
 *   locked quotas above the target, a locked or manual rep that is not an active rep of the split,
 *   or a remainder with no unlocked active rep to take it
 *
 * @example
 * const { lines, summary } = splitQuota({ target: 2_000_000, reps, accounts, assignments, method: 'potential', locked: { r7: 300_000 } });
 * lines.reduce((s, l) => s + l.quota, 0); // 2000000 exactly
 * summary; // "1 of 8 reps is asked for more than their potential share: Dee Park, +31%."
 */
export function splitQuota(input: SplitQuotaInput): QuotaSplit {
  const { target, reps, method } = input;
  if (!whole(target)) throw engineError('quota-target', `splitQuota: target must be a whole number ≥ 0 of currency units, got ${String(target)}`, { target });
  const tol = input.fairnessTolerance ?? 0.05;
  if (!(tol >= 0 && tol < Infinity)) throw new Error(`splitQuota: fairnessTolerance must be a finite number ≥ 0, got ${String(tol)}`);
  if (!['potential', 'history', 'capacity', 'manual'].includes(method)) throw new Error(`splitQuota: unknown method ${JSON.stringify(method)}`);

  const active = reps.filter((r) => r.active !== false);
  const activeIds = new Set(active.map((r) => r.id));
  const locked = input.locked ?? {};
  let lockedSum = 0;
  for (const [id, q] of Object.entries(locked)) {
    if (!activeIds.has(id)) throw new Error(`splitQuota: locked rep ${JSON.stringify(id)} is not an active rep of the split`);
    if (!whole(q)) throw new Error(`rep "${id}": locked quota must be a whole number ≥ 0, got ${String(q)}`);
    lockedSum += q;
  }
  if (lockedSum > target) throw engineError('quota-locked-over-target', `splitQuota: locked quotas sum to ${lockedSum}, above the target ${target}`, { locked: lockedSum, target });
  const manual = input.manual ?? {};
  for (const [id, q] of Object.entries(manual)) {
    if (!activeIds.has(id)) throw new Error(`splitQuota: manual figure for ${JSON.stringify(id)}, which is not an active rep of the split`);
    if (!(q >= 0 && q < Infinity)) throw new Error(`rep "${id}": manual quota must be a number ≥ 0, got ${String(q)}`);
  }
  for (const r of active) {
    const prior = r.priorClosedWon;
    if (method === 'history' && prior !== undefined && prior !== null && !(prior >= 0 && prior < Infinity)) {
      throw new Error(`rep "${r.id}": priorClosedWon must be a finite number ≥ 0, got ${String(prior)}`);
    }
  }

  const evaluation = evaluatePlan(input.accounts, active, input.assignments);
  const potential = active.map((r) => evaluation.byRep[r.id].potential);
  const teamPotential = potential.reduce((s, x) => s + x, 0);
  const potentialShare = potential.map((p) => (teamPotential > 0 ? p / teamPotential : 0));

  // The basis of every unlocked rep.
  const free = active.map((r) => !Object.hasOwn(locked, r.id));
  let basis: number[];
  if (method === 'potential') basis = potential;
  else if (method === 'capacity') basis = active.map((r) => r.capacity ?? 1);
  else if (method === 'manual') basis = active.map((r) => manual[r.id] ?? 0);
  else {
    let pooledShare = 0;
    let pooledHistory = 0;
    active.forEach((r, i) => {
      if (r.priorClosedWon != null) {
        pooledShare += potentialShare[i];
        pooledHistory += r.priorClosedWon;
      }
    });
    basis = active.map((r, i) => (r.priorClosedWon != null && pooledHistory > 0 ? (pooledShare * r.priorClosedWon) / pooledHistory : potentialShare[i]));
  }
  let basisSum = basis.reduce((s, b, i) => s + (free[i] ? b : 0), 0);
  if (!(basisSum > 0)) {
    basis = active.map((r) => r.capacity ?? 1);
    basisSum = basis.reduce((s, b, i) => s + (free[i] ? b : 0), 0);
  }
  const rest = target - lockedSum;
  if (rest > 0 && !(basisSum > 0)) throw engineError('quota-no-rep-left', `splitQuota: ${rest} of the target is left with no unlocked active rep to take it`, { rest });

  // Largest remainder: floor every exact share, then hand the missing units to the largest remainders.
  const exact = active.map((_, i) => (free[i] && rest > 0 ? (rest * basis[i]) / basisSum : 0));
  const quota = active.map((r, i) => (free[i] ? Math.floor(exact[i]) : locked[r.id]));
  let missing = rest - exact.reduce((s, x, i) => s + (free[i] ? Math.floor(x) : 0), 0);
  const order = active.map((_, i) => i).filter((i) => free[i]);
  order.sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b);
  for (let n = 0; missing > 0 && order.length; n = (n + 1) % order.length, missing--) quota[order[n]]++;

  const lines: QuotaSplitLine[] = active.map((r, i) => ({
    repId: r.id,
    quota: quota[i],
    locked: !free[i],
    potential: potential[i],
    potentialShare: potentialShare[i],
    potentialQuota: target * potentialShare[i],
  }));

  const name = (id: string) => active.find((r) => r.id === id)?.name || id;
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  const notes: FairnessNote[] = [];
  if (teamPotential > 0) {
    for (const l of lines) {
      if (l.quota <= l.potentialQuota * (1 + tol) || l.quota - l.potentialQuota < 0.5) continue;
      const excessRatio = l.potentialQuota > 0 ? l.quota / l.potentialQuota - 1 : Infinity;
      const words =
        l.potentialQuota > 0
          ? `${name(l.repId)} is asked for ${Math.round(excessRatio * 100)}% more than their potential share (${fmt(l.quota)} against ${fmt(l.potentialQuota)})`
          : `${name(l.repId)} is asked for ${fmt(l.quota)} but holds no potential`;
      notes.push({ repId: l.repId, excess: l.quota - l.potentialQuota, excessRatio, words });
    }
    notes.sort((a, b) => b.excessRatio - a.excessRatio || b.excess - a.excess || (a.repId < b.repId ? -1 : 1));
  }
  let summary: string;
  if (lines.length === 0) summary = 'No active rep to split the target over.';
  else if (teamPotential === 0) summary = 'No rep holds potential under the plan, so fairness against potential cannot be judged.';
  else if (notes.length === 0) summary = `Every rep is asked for at most ${Math.round(tol * 100)}% more than their potential share.`;
  else {
    const top = notes[0];
    const how = Number.isFinite(top.excessRatio) ? `+${Math.round(top.excessRatio * 100)}%` : 'with no potential';
    summary = `${notes.length} of ${lines.length} reps ${notes.length === 1 ? 'is' : 'are'} asked for more than their potential share; most: ${name(top.repId)}, ${how}.`;
  }
  return { lines, notes, summary };
}
