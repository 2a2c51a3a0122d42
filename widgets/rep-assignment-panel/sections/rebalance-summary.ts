// Plain words for a rebalance result: a headline that matches the numbers, what was done and what
// remains, without the engine's option names. Part of the preview chunk.
import type { RebalanceResult } from '../../../src/engine/rebalance.js';
import type { Formatters } from '../../shared/format.js';
import { limitLines, nameList, type Namer } from './rebalance-limits.js';

/** What the user asked for, as the summary needs it. */
export interface RunAsked {
  tolerance: number;
  maxMoves: number | null;
  maxPotentialMoved: number | null;
  objective?: 'disruption' | 'compactness';
  maxDistanceKm?: number | null;
  /** The selected accounts were kept where they are. */
  lockSelection?: boolean;
}

/** How the summary names things, and which accounts may not move (locked for this run). */
export interface SummaryNamer extends Namer {
  isLocked(accountId: string): boolean;
}

export interface RebalanceSummary {
  headline: string;
  /** One short sentence each. */
  lines: string[];
  /** `good` (balanced), `partial` (better, not done) or `blocked` (nothing could be done). */
  tone: 'good' | 'partial' | 'blocked';
}

const plural = (f: Formatters, n: number, noun: string) => `${f.number(n, 0)} ${noun}${n === 1 ? '' : 's'}`;

/** Engine text with option names put into words (the engine's own wording may still name them). */
export function plainEngineText(text: string, f: Formatters): string {
  return text
    .replace(/\bmaxMoves (\d+)/g, (_, n: string) => `the limit of ${plural(f, Number(n), 'account')} moved`)
    .replace(/\bmaxPotentialMoved ([\d.]+)/g, (_, n: string) => `the limit of ${f.currency(Number(n))} potential moved`)
    .replace(/\bmaxDistanceKm ([\d.]+)/g, (_, n: string) => `the distance limit of ${f.number(Number(n), 0)} km`);
}

/**
 * The headline and plain sentences for a result. The headline follows the figures (a plan within
 * tolerance reads "Balanced" whatever else happened); budgets are named in the user's terms.
 */
export function summariseRebalance(result: RebalanceResult, asked: RunAsked, f: Formatters, names: SummaryNamer): RebalanceSummary {
  const { before, after, comparison } = result.metrics;
  const tol = asked.tolerance;
  const repName = (id: string) => names.repName(id);
  const outside = result.outsideToleranceRepIds;
  const unplaced = result.unplacedAccountIds.length;
  const lockedOrphans = result.unplacedAccountIds.filter((id) => names.isLocked(id)).length;
  // Every active rep within tolerance and nothing left unplaced but locked accounts (which only the user may move).
  const repsBalanced = outside.length === 0 && (result.status === 'balanced' || result.status === 'infeasible');
  const balanced = repsBalanced && unplaced === lockedOrphans;
  const moved = comparison.accountsMoved;
  const orphans = result.orphansPlaced;
  const distance = result.distanceLimit?.binds ? result.distanceLimit : null;
  const worst = (e: typeof before) => Math.max(e.balance.workload.maxDeviation, e.balance.potential.maxDeviation);
  const better = worst(after) < worst(before) - 1e-6;

  const budget: string[] = [];
  if (result.status === 'budget-exhausted') {
    if (asked.maxMoves !== null && moved >= asked.maxMoves) budget.push(`the limit of ${plural(f, asked.maxMoves, 'account')} moved`);
    if (asked.maxPotentialMoved !== null && comparison.potentialMoved >= asked.maxPotentialMoved * 0.98) budget.push(`the limit of ${f.currency(asked.maxPotentialMoved)} potential moved`);
    if (!budget.length) budget.push('the limit you set');
  }

  let headline: string;
  let tone: RebalanceSummary['tone'];
  if (balanced && lockedOrphans) {
    headline = `Balanced — ${plural(f, lockedOrphans, 'locked account')} ${lockedOrphans === 1 ? 'has' : 'have'} no owner`;
    tone = 'good';
  } else if (balanced) {
    headline = moved ? `Balanced: every active rep is within ±${f.percent(tol, 1)}` : `Already balanced: every active rep is within ±${f.percent(tol, 1)}`;
    tone = 'good';
  } else if (result.status === 'budget-exhausted') {
    headline = `Stopped at ${budget.join(' and ')}: ${better ? 'better, not yet balanced' : 'not yet balanced'}`;
    tone = 'partial';
  } else if (result.status === 'at-lower-bound') {
    headline = 'As balanced as these accounts allow';
    tone = 'partial';
  } else if (result.status === 'infeasible' && moved === 0) {
    headline = distance
      ? `Nothing could move within ${f.number(distance.maxDistanceKm, 0)} km`
      : unplaced > lockedOrphans && !result.limits.length ? `Nothing could move: no rep can take the ${plural(f, unplaced, 'account')} without an owner` : 'Nothing could move: locks or inactive reps block every change';
    tone = 'blocked';
  } else if (result.status === 'infeasible') {
    const unowned = unplaced - lockedOrphans;
    headline = unowned
      ? `${outside.length ? 'Better' : 'Reps balanced'}, but ${plural(f, unowned, 'account')} could not be placed`
      : `Better, but locks keep ${plural(f, outside.length, 'rep')} outside ±${f.percent(tol, 1)}`;
    tone = 'partial';
  } else {
    headline = better ? 'Better: no further single move or swap helps' : 'No move or swap improves the balance';
    tone = better ? 'partial' : 'blocked';
  }

  const lines: string[] = [];
  if (asked.objective === 'compactness') lines.push('Territories redrawn for compactness: each account first went to one of its nearest reps, then the loads were balanced.');
  if (moved) {
    const first = orphans ? ` (${f.number(orphans, 0)} had no active owner and were placed first)` : '';
    lines.push(`Moves ${plural(f, moved, 'account')}${first}, ${f.currency(comparison.potentialMoved)} of potential.`);
  } else lines.push('Moves no account.');
  const dev = (e: typeof before) => `workload ${f.percent(e.balance.workload.maxDeviation, 1)}, potential ${f.percent(e.balance.potential.maxDeviation, 1)}`;
  lines.push(`Worst deviation from target: ${dev(before)} before, ${dev(after)} after.`);
  if (outside.length) {
    lines.push(`Still outside ±${f.percent(tol, 1)}: ${plural(f, outside.length, 'rep')} (${nameList(f, outside.map(repName))}).`);
  }
  const unowned = result.unplacedAccountIds.filter((id) => !names.isLocked(id));
  if (unowned.length) {
    const what = `${plural(f, unowned.length, 'account')} without an active owner`;
    const listed = nameList(f, unowned.map((id) => names.accountName(id)));
    const them = unowned.length === 1 ? 'it' : 'them';
    if (result.status === 'budget-exhausted') lines.push(`${what} ${unowned.length === 1 ? 'is' : 'are'} not placed yet (${listed}): the limit was reached first.`);
    else if (result.distanceLimit) lines.push(`${what} could not be placed: no active rep is within ${f.number(result.distanceLimit.maxDistanceKm, 0)} km (${listed}). Raise the distance limit, or assign ${them} by hand.`);
    else lines.push(`${what} could not be placed (${listed}); assign ${them} by hand.`);
  }
  if (lockedOrphans) {
    const locked = result.unplacedAccountIds.filter((id) => names.isLocked(id));
    const one = locked.length === 1;
    lines.push(`${plural(f, locked.length, 'locked account')} without an active owner ${one ? 'stays' : 'stay'} unplaced (${nameList(f, locked.map((id) => names.accountName(id)))}); unlock ${one ? 'it' : 'them'} in Selection, or assign by hand.`);
  }
  lines.push(...limitLines(result, tol, f, names));
  if (result.status === 'budget-exhausted') lines.push('Raise the limit, or apply this and run again, to go further.');
  const km = { before: before.compactnessKm, after: after.compactnessKm };
  if (km.before !== null && km.after !== null && km.after > km.before * 1.02) {
    lines.push(`Accounts end up farther from their reps on average: ${f.number(km.before, 0)} km → ${f.number(km.after, 0)} km.`);
  }
  return { headline, lines, tone };
}
