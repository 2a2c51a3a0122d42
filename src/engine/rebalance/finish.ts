import type { Assignments } from '../../model/plan.js';
import type { PlanEvaluation } from '../evaluate-plan.js';
import { runSteps, STEP, type Steps } from '../metrics/steps.js';
import type { ReasonLog } from './reasons.js';
import type { RebalanceState } from './state.js';
import type { Limit } from './limits.js';
import type { ExplanationPart, ExplanationWorst, RebalanceMove, RebalanceStatus } from './types.js';

/**
 * The final check that the hard budgets hold, recomputed exactly the way comparePlans counts them
 * (sums in account order). Incremental sums can differ in the last bits; if that ever pushes the
 * potential moved over its budget, the smallest moves are undone (the owner goes back to the start).
 *
 * @returns how many moves were undone
 */
export function enforceBudgets(s: RebalanceState): number {
  const moved: number[] = [];
  let pot = 0;
  for (let i = 0; i < s.n; i++) {
    if (s.owner[i] === s.orig[i]) continue;
    moved.push(i);
    pot += s.potential[i];
  }
  if (moved.length <= s.maxMoves && pot <= s.maxPotentialMoved) return 0;
  moved.sort((a, b) => s.potential[a] - s.potential[b] || a - b);
  let count = moved.length;
  let undone = 0;
  for (const i of moved) {
    if (count <= s.maxMoves && pot <= s.maxPotentialMoved) break;
    s.owner[i] = s.orig[i];
    pot -= s.potential[i];
    count--;
    undone++;
  }
  s.budgetHit = true;
  s.moved = count;
  s.potentialMoved = pot;
  return undone;
}

/** The result plan (every account id → rep id or null) and the moves with their reasons. */
export function buildPlan(
  s: RebalanceState,
  current: Assignments,
  log: ReasonLog,
): { assignments: Assignments; moves: RebalanceMove[] } {
  return runSteps(buildPlanSteps(s, current, log));
}

/** `buildPlan` as a generator that yields after every `STEP` accounts (a move's reason counts as 8). */
export function* buildPlanSteps(
  s: RebalanceState,
  current: Assignments,
  log: ReasonLog,
): Steps<{ assignments: Assignments; moves: RebalanceMove[] }> {
  // null prototype: an account id such as "__proto__" is an ordinary key
  const plan = { assignments: Object.create(null) as Assignments, moves: [] as RebalanceMove[] };
  for (let i = 0; i < s.n; ) {
    i = planPart(s, current, log, plan, i);
    yield;
  }
  return plan;
}

function planPart(
  s: RebalanceState,
  current: Assignments,
  log: ReasonLog,
  plan: { assignments: Assignments; moves: RebalanceMove[] },
  from: number,
): number {
  const { assignments, moves } = plan;
  let work = 0;
  let i = from;
  for (; i < s.n && work < STEP; i++, work++) {
    const id = s.accounts[i].id;
    const start = current[id];
    const before = typeof start === 'string' ? start : null;
    const o = s.owner[i];
    if (o === s.orig[i]) {
      assignments[id] = before;
      continue;
    }
    const to = s.reps[o].id;
    assignments[id] = to;
    moves.push({ accountId: id, from: before, to, reason: log.text(i), reasonParts: log.parts(i) });
    work += 7;
  }
  return i;
}

const pct = (d: number): string => `${(d * 100).toFixed(1)}%`;
/** How close to a proven bound counts as at the bound (a whole point: indivisible accounts rarely allow exactly the bound). */
const NEAR = 0.01;
const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** How many accounts that started without an active owner now have another owner. */
export function placedOrphans(s: RebalanceState): number {
  let placed = 0;
  for (let i = 0; i < s.n; i++) {
    const o = s.orig[i];
    if ((o < 0 || !s.active[o]) && s.owner[i] !== o) placed++;
  }
  return placed;
}

/** How many accounts without an active owner are locked (they never move). */
function lockedOrphans(s: RebalanceState): number {
  let locked = 0;
  for (let i = 0; i < s.n; i++) {
    const o = s.owner[i];
    if ((o < 0 || !s.active[o]) && s.fixed[i]) locked++;
  }
  return locked;
}

/** Why orphans stayed: how many of the `unplaced` are locked, as a parenthesis, or ''. */
function lockedNote(locked: number, unplaced: number): string {
  if (locked === 0) return '';
  if (unplaced === 1) return ' (it is locked: unlock it or assign it by hand)';
  return ` (${locked === unplaced ? 'all' : locked} of them locked: unlock them or assign them by hand)`;
}

const repName = (s: RebalanceState, j: number): string => s.reps[j].name || s.reps[j].id;
const accountName = (s: RebalanceState, i: number): string => s.accounts[i].name || s.accounts[i].id;

/** "Ana", "Ana and Ben", "Ana, Ben and 3 more". */
function names(list: string[], show = 3): string {
  if (list.length <= show) return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
  return `${list.slice(0, show).join(', ')} and ${list.length - show} more`;
}

/** Worst |deviation| of reps `reps` on metric m in the final plan. */
function worstOf(s: RebalanceState, reps: number[], m: number): number {
  let w = 0;
  for (const j of reps) w = Math.max(w, Math.abs(s.load[j * s.k + m] / s.cap[j] - 1));
  return w;
}

/** "A, B and C" as shown by `names`: up to `show` names and how many more. */
function someNames(list: string[], show = 3): { names: string[]; more: number } {
  return list.length <= show ? { names: list, more: 0 } : { names: list.slice(0, show), more: list.length - show };
}

/** A limit's sentence as data (see limitSentence). */
function limitPart(s: RebalanceState, l: Limit, tolerance: number): ExplanationPart {
  const metric = s.metrics[l.metric];
  const reached = worstOf(s, l.reps, l.metric);
  const rep = l.reps.length === 1 ? repName(s, l.reps[0]) : '';
  const { bound } = l;
  switch (l.cause) {
    case 'large-account':
      return { code: 'limit-large-account', metric, account: accountName(s, l.accounts[0]), rep, share: s.val[l.accounts[0] * s.k + l.metric] / s.cap[l.reps[0]], tolerance, reached, bound };
    case 'locked-accounts':
      return { code: 'limit-locked-accounts', metric, rep, ...someNames(l.accounts.map((i) => accountName(s, i))), tolerance, reached, bound };
    case 'locked-rep':
      return { code: 'limit-locked-rep', metric, rep, bound };
    case 'remaining-reps':
      return { code: 'limit-remaining-reps', metric, reps: l.reps.length, reached, bound };
    case 'large-accounts':
      return { code: 'limit-large-accounts', metric, ...someNames(l.accounts.map((i) => accountName(s, i))), tolerance, reached, bound };
  }
}

/** One sentence per limit: what forces it, the bound and what the result reached. */
function limitSentence(s: RebalanceState, l: Limit, tolerance: number): string {
  const metric = s.metrics[l.metric];
  const reached = worstOf(s, l.reps, l.metric);
  const end = `ends ${pct(reached)} off (the least possible is ${pct(l.bound)})`;
  const rep = l.reps.length === 1 ? repName(s, l.reps[0]) : '';
  switch (l.cause) {
    case 'large-account':
      return `${accountName(s, l.accounts[0])} alone is ${pct(s.val[l.accounts[0] * s.k + l.metric] / s.cap[l.reps[0]])} of ${rep}'s ${metric} target, so ${rep} cannot be within ±${pct(tolerance)}: it keeps the account and ${end}.`;
    case 'locked-accounts':
      return `Locked accounts on ${rep} (${names(l.accounts.map((i) => accountName(s, i)))}) hold more ${metric} than ${rep} may have within ±${pct(tolerance)}: ${rep} ${end}; unlock some to balance it.`;
    case 'locked-rep':
      return `${rep} is locked and ${pct(l.bound)} off its ${metric} target; unlock the rep to balance it.`;
    case 'remaining-reps':
      return `What is left for the other ${plural(l.reps.length, 'rep')} is ${pct(l.bound)} off their ${metric} targets on average: they end within ${pct(reached)}.`;
    case 'large-accounts':
      return `The largest accounts (${names(l.accounts.map((i) => accountName(s, i)))}) cannot be spread so that every rep is within ±${pct(tolerance)} on ${metric}: two of them must share a rep (the least possible is ${pct(l.bound)}); worst rep ends ${pct(reached)} off.`;
  }
}

/** Active reps outside the tolerance on some metric. */
export function outsideTolerance(s: RebalanceState, tolerance: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < s.r; j++) {
    if (!s.active[j]) continue;
    for (let m = 0; m < s.k; m++) {
      if (Math.abs(s.load[j * s.k + m] / s.cap[j] - 1) > tolerance + 1e-9) {
        out.push(j);
        break;
      }
    }
  }
  return out;
}

/**
 * The status and plain sentences for the user, from the final evaluation and the limits. Each status
 * is returned only when true (see RebalanceStatus): 'at-lower-bound' needs a proven cause and every
 * rep within ½ point of what it can reach; 'infeasible' a lock, rep or placement that rules the
 * tolerance out.
 */
export function judge(
  s: RebalanceState,
  after: PlanEvaluation,
  tolerance: number,
  unplaced: number,
  undone: number,
  limits: Limit[],
): { status: RebalanceStatus; explanation: string; explanationParts: ExplanationPart[] } {
  const metrics = s.metrics;
  const worst = metrics.map((m) => after.balance[m].maxDeviation);
  const worstParts: ExplanationWorst[] = metrics.map((metric, q) => ({ metric, deviation: worst[q] }));
  const summary = metrics.map((m, q) => `${m} ${pct(worst[q])}`).join(', ');
  const outside = outsideTolerance(s, tolerance);
  const moved = `${plural(s.moved, 'account')} moved`;
  const placed = placedOrphans(s);
  const placedNote = placed > 0 ? ` (${placed === s.moved ? (placed === 1 ? 'it' : 'all of them') : placed} had no active owner)` : '';
  const locked = unplaced > 0 ? lockedOrphans(s) : 0;
  const left = unplaced > 0 ? ` ${plural(unplaced, 'account')} without an active owner could not be placed${lockedNote(locked, unplaced)}.` : '';
  const leftParts: ExplanationPart[] = unplaced > 0 ? [{ code: 'unplaced', accounts: unplaced, locked }] : [];
  const far =
    s.maxChord !== Infinity && s.refusedFar.size > 0
      ? ` The distance limit kept ${plural(s.refusedFar.size, 'account')} from going to a rep further away than allowed${unplaced > 0 ? ' (some orphans have no rep within reach)' : ''}.`
      : '';
  const farParts: ExplanationPart[] = far ? [{ code: 'distance-kept', accounts: s.refusedFar.size, orphansOutOfReach: unplaced > 0 }] : [];
  const why = limits.map((l) => limitSentence(s, l, tolerance)).join(' ');
  const whyParts = limits.map((l) => limitPart(s, l, tolerance));
  const movedPart: ExplanationPart = { code: 'moved', moved: s.moved, placed };

  if (outside.length === 0 && unplaced === 0) {
    return {
      status: 'balanced',
      explanation: `Every active rep is within ±${pct(tolerance)} (worst: ${summary}); ${moved}${placedNote}.${far}`,
      explanationParts: [{ code: 'balanced', tolerance, worst: worstParts, moved: s.moved, placed }, ...farParts],
    };
  }
  // every free rep within 1 point of the least deviation it can reach (the tolerance unless a limit names it)
  const least = new Float64Array(s.r * s.k);
  for (const l of limits) for (const j of l.reps) least[j * s.k + l.metric] = Math.max(least[j * s.k + l.metric], l.bound);
  let reachable = true;
  for (let j = 0; j < s.r && reachable; j++) {
    if (!s.free[j]) continue;
    for (let m = 0; m < s.k; m++) {
      const b = least[j * s.k + m];
      if (Math.abs(s.load[j * s.k + m] / s.cap[j] - 1) > (b > 0 ? Math.max(tolerance, b + NEAR) : tolerance) + 1e-9) {
        reachable = false;
        break;
      }
    }
  }
  const still = `Still outside ±${pct(tolerance)}: ${plural(outside.length, 'rep')} (worst: ${summary}).`;
  const stillPart: ExplanationPart = { code: 'still-outside', tolerance, reps: outside.length, worst: worstParts };
  if (s.budgetHit && !(reachable && limits.length > 0 && unplaced === 0)) {
    const which = [
      Number.isFinite(s.maxMoves) ? `the move limit of ${plural(s.maxMoves, 'account')}` : '',
      Number.isFinite(s.maxPotentialMoved) ? `the limit on potential moved (${Math.round(s.maxPotentialMoved).toLocaleString('en-US')})` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    const extra = undone > 0 ? ` ${plural(undone, 'move was', 'moves were')} undone to keep it.` : '';
    const first = placed > 0 ? ` Accounts without an active owner are placed first: ${placed} of the moves went to them.` : '';
    return {
      status: 'budget-exhausted',
      explanation: `Stopped at ${which}: ${moved}.${first} ${outside.length > 0 ? still : ''}${left}${extra}${far} Allow more moves to balance further.`.replace(/\s+/g, ' ').trim(),
      explanationParts: [
        { code: 'budget-stopped', maxMoves: Number.isFinite(s.maxMoves) ? s.maxMoves : null, maxPotentialMoved: Number.isFinite(s.maxPotentialMoved) ? s.maxPotentialMoved : null, moved: s.moved },
        ...(placed > 0 ? [{ code: 'orphans-first', placed } as const] : []),
        ...(outside.length > 0 ? [stillPart] : []),
        ...leftParts,
        ...(undone > 0 ? [{ code: 'undone', moves: undone } as const] : []),
        ...farParts,
        { code: 'allow-more' },
      ],
    };
  }
  const free = s.free.reduce((a, b) => a + b, 0);
  const lockCause = limits.some((l) => l.cause === 'locked-accounts' || l.cause === 'locked-rep');
  if (free === 0 || unplaced > 0 || lockCause) {
    const head = free === 0 ? 'No active, unlocked rep can take accounts.' : '';
    const reps = outside.length > 0 ? still : `Every active rep is within ±${pct(tolerance)} (worst: ${summary}).`;
    return {
      status: 'infeasible',
      explanation: `${head} ${why}${left}${far} ${reps} ${moved[0].toUpperCase()}${moved.slice(1)}${placedNote}.`.replace(/\s+/g, ' ').trim(),
      explanationParts: [
        ...(free === 0 ? [{ code: 'no-free-rep' } as const] : []),
        ...whyParts,
        ...leftParts,
        ...farParts,
        outside.length > 0 ? stillPart : { code: 'within', tolerance, worst: worstParts },
        movedPart,
      ],
    };
  }
  if (limits.length > 0 && reachable) {
    const rest = limits.some((l) => l.cause === 'remaining-reps' || l.cause === 'large-accounts') ? '' : ` Every other rep is within ±${pct(tolerance)}.`;
    return {
      status: 'at-lower-bound',
      explanation: `${why}${rest} ${moved[0].toUpperCase()}${moved.slice(1)}${placedNote}.${far}`.replace(/\s+/g, ' ').trim(),
      explanationParts: [...whyParts, ...(rest ? [{ code: 'others-within', tolerance } as const] : []), movedPart, ...farParts],
    };
  }
  return {
    status: 'local-optimum',
    explanation: `${why} No single move or swap improves the balance further. ${still} ${moved[0].toUpperCase()}${moved.slice(1)}${placedNote}.${far}`.replace(/\s+/g, ' ').trim(),
    explanationParts: [...whyParts, { code: 'no-improving-move' }, stillPart, movedPart, ...farParts],
  };
}
