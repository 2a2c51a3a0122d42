// Plain words for a rebalance result: a headline that matches the numbers, what was done and what
// remains, without the engine's option names, in the UI language. Part of the preview chunk.
import type { RebalanceResult } from '../../../src/engine/rebalance.js';
import type { Formatters } from '../../shared/format.js';
import { limitLines, nameList, type Namer } from './rebalance-limits.js';
import type { Words } from './words.js';

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

/** "N account(s)" for the engine's English text (plainEngineText), which is not localised. */
const plural = (f: Formatters, n: number, noun: string) => `${f.number(n, 0)} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Engine text with option names put into words (the engine's own wording may still name them). The
 * engine's explanation is English, so are these words.
 */
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
export function summariseRebalance(result: RebalanceResult, asked: RunAsked, f: Formatters, names: SummaryNamer, w: Words): RebalanceSummary {
  const { msg, str, isOne } = w;
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

  const n = (x: number) => f.number(x, 0);
  const tolerance = `±${f.percent(tol, 1)}`;
  const budget: string[] = [];
  if (result.status === 'budget-exhausted') {
    if (asked.maxMoves !== null && moved >= asked.maxMoves) {
      const max = n(asked.maxMoves);
      budget.push(isOne(asked.maxMoves) ? msg(str`the limit of ${max} account moved`) : msg(str`the limit of ${max} accounts moved`));
    }
    if (asked.maxPotentialMoved !== null && comparison.potentialMoved >= asked.maxPotentialMoved * 0.98) {
      const money = f.currency(asked.maxPotentialMoved);
      budget.push(msg(str`the limit of ${money} potential moved`));
    }
    if (!budget.length) budget.push(msg('the limit you set'));
  }

  let headline: string;
  let tone: RebalanceSummary['tone'];
  if (balanced && lockedOrphans) {
    const count = n(lockedOrphans);
    headline = isOne(lockedOrphans) ? msg(str`Balanced — ${count} locked account has no owner`) : msg(str`Balanced — ${count} locked accounts have no owner`);
    tone = 'good';
  } else if (balanced) {
    headline = moved ? msg(str`Balanced: every active rep is within ${tolerance}`) : msg(str`Already balanced: every active rep is within ${tolerance}`);
    tone = 'good';
  } else if (result.status === 'budget-exhausted') {
    const limits = budget.length === 2 ? msg(str`${budget[0]} and ${budget[1]}`) : budget[0];
    headline = better ? msg(str`Stopped at ${limits}: better, not yet balanced`) : msg(str`Stopped at ${limits}: not yet balanced`);
    tone = 'partial';
  } else if (result.status === 'at-lower-bound') {
    headline = msg('As balanced as these accounts allow');
    tone = 'partial';
  } else if (result.status === 'infeasible' && moved === 0) {
    const km = distance ? n(distance.maxDistanceKm) : '';
    const count = n(unplaced);
    headline = distance
      ? msg(str`Nothing could move within ${km} km`)
      : unplaced > lockedOrphans && !result.limits.length
        ? isOne(unplaced)
          ? msg(str`Nothing could move: no rep can take the ${count} account without an owner`)
          : msg(str`Nothing could move: no rep can take the ${count} accounts without an owner`)
        : msg('Nothing could move: locks or inactive reps block every change');
    tone = 'blocked';
  } else if (result.status === 'infeasible') {
    const unowned = unplaced - lockedOrphans;
    const count = n(unowned);
    const reps = n(outside.length);
    headline = unowned
      ? outside.length
        ? isOne(unowned) ? msg(str`Better, but ${count} account could not be placed`) : msg(str`Better, but ${count} accounts could not be placed`)
        : isOne(unowned) ? msg(str`Reps balanced, but ${count} account could not be placed`) : msg(str`Reps balanced, but ${count} accounts could not be placed`)
      : isOne(outside.length) ? msg(str`Better, but locks keep ${reps} rep outside ${tolerance}`) : msg(str`Better, but locks keep ${reps} reps outside ${tolerance}`);
    tone = 'partial';
  } else {
    headline = better ? msg('Better: no further single move or swap helps') : msg('No move or swap improves the balance');
    tone = better ? 'partial' : 'blocked';
  }

  const lines: string[] = [];
  if (asked.objective === 'compactness') lines.push(msg('Territories redrawn for compactness: each account first went to one of its nearest reps, then the loads were balanced.'));
  if (moved) {
    const count = n(moved);
    const money = f.currency(comparison.potentialMoved);
    const placed = n(orphans);
    lines.push(
      orphans
        ? isOne(moved)
          ? msg(str`Moves ${count} account (${placed} had no active owner and were placed first), ${money} of potential.`)
          : msg(str`Moves ${count} accounts (${placed} had no active owner and were placed first), ${money} of potential.`)
        : isOne(moved)
          ? msg(str`Moves ${count} account, ${money} of potential.`)
          : msg(str`Moves ${count} accounts, ${money} of potential.`),
    );
  } else lines.push(msg('Moves no account.'));
  const dev = (e: typeof before) => {
    const workload = f.percent(e.balance.workload.maxDeviation, 1);
    const potential = f.percent(e.balance.potential.maxDeviation, 1);
    return msg(str`workload ${workload}, potential ${potential}`);
  };
  const devBefore = dev(before);
  const devAfter = dev(after);
  lines.push(msg(str`Worst deviation from target: ${devBefore} before, ${devAfter} after.`));
  if (outside.length) {
    const reps = n(outside.length);
    const names = nameList(w, f, outside.map(repName));
    lines.push(isOne(outside.length) ? msg(str`Still outside ${tolerance}: ${reps} rep (${names}).`) : msg(str`Still outside ${tolerance}: ${reps} reps (${names}).`));
  }
  const unowned = result.unplacedAccountIds.filter((id) => !names.isLocked(id));
  if (unowned.length) {
    const count = n(unowned.length);
    const listed = nameList(w, f, unowned.map((id) => names.accountName(id)));
    const one = isOne(unowned.length);
    if (result.status === 'budget-exhausted') {
      lines.push(
        one
          ? msg(str`${count} account without an active owner is not placed yet (${listed}): the limit was reached first.`)
          : msg(str`${count} accounts without an active owner are not placed yet (${listed}): the limit was reached first.`),
      );
    } else if (result.distanceLimit) {
      const km = n(result.distanceLimit.maxDistanceKm);
      lines.push(
        one
          ? msg(str`${count} account without an active owner could not be placed: no active rep is within ${km} km (${listed}). Raise the distance limit, or assign it by hand.`)
          : msg(str`${count} accounts without an active owner could not be placed: no active rep is within ${km} km (${listed}). Raise the distance limit, or assign them by hand.`),
      );
    } else {
      lines.push(
        one
          ? msg(str`${count} account without an active owner could not be placed (${listed}); assign it by hand.`)
          : msg(str`${count} accounts without an active owner could not be placed (${listed}); assign them by hand.`),
      );
    }
  }
  if (lockedOrphans) {
    const locked = result.unplacedAccountIds.filter((id) => names.isLocked(id));
    const count = n(locked.length);
    const listed = nameList(w, f, locked.map((id) => names.accountName(id)));
    lines.push(
      isOne(locked.length)
        ? msg(str`${count} locked account without an active owner stays unplaced (${listed}); unlock it in Selection, or assign by hand.`)
        : msg(str`${count} locked accounts without an active owner stay unplaced (${listed}); unlock them in Selection, or assign by hand.`),
    );
  }
  lines.push(...limitLines(result, tol, f, names, w));
  if (result.status === 'budget-exhausted') lines.push(msg('Raise the limit, or apply this and run again, to go further.'));
  const km = { before: before.compactnessKm, after: after.compactnessKm };
  if (km.before !== null && km.after !== null && km.after > km.before * 1.02) {
    const from = n(km.before);
    const to = n(km.after);
    lines.push(msg(str`Accounts end up farther from their reps on average: ${from} km → ${to} km.`));
  }
  return { headline, lines, tone };
}
