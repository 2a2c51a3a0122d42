import type { Assignments } from '../../model/plan.js';
import type { PlanEvaluation } from '../evaluate-plan.js';
import { runSteps, STEP, type Steps } from '../metrics/steps.js';
import type { ReasonLog } from './reasons.js';
import type { RebalanceState } from './state.js';
import type { RebalanceMove, RebalanceStatus } from './types.js';

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
  const plan = { assignments: {} as Assignments, moves: [] as RebalanceMove[] };
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
    moves.push({ accountId: id, from: before, to, reason: log.text(i) });
    work += 7;
  }
  return i;
}

const pct = (d: number): string => `${(d * 100).toFixed(1)}%`;

/** The status and a short explanation, from the final evaluation. */
/** How many accounts that started without an active owner now have another owner. */
function placedOrphans(s: RebalanceState): number {
  let placed = 0;
  for (let i = 0; i < s.n; i++) {
    const o = s.orig[i];
    if ((o < 0 || !s.active[o]) && s.owner[i] !== o) placed++;
  }
  return placed;
}

/** Why orphans stayed: how many of the `unplaced` are locked (they never move), as a parenthesis, or ''. */
function lockedNote(s: RebalanceState, unplaced: number): string {
  let locked = 0;
  for (let i = 0; i < s.n; i++) {
    const o = s.owner[i];
    if ((o < 0 || !s.active[o]) && s.fixed[i]) locked++;
  }
  if (locked === 0) return '';
  if (unplaced === 1) return ' (it is locked: unlock it or assign it by hand)';
  return ` (${locked === unplaced ? 'all' : locked} of them locked: unlock them or assign them by hand)`;
}

export function judge(
  s: RebalanceState,
  after: PlanEvaluation,
  tolerance: number,
  unplaced: number,
  undone: number,
): { status: RebalanceStatus; explanation: string } {
  const metrics = s.metrics;
  const worst = metrics.map((m) => after.balance[m].maxDeviation);
  const bounds = metrics.map((m) => after.balance[m].lowerBound);
  const summary = metrics.map((m, q) => `${m} ${pct(worst[q])}`).join(', ');
  const inTolerance = after.reps.every((r) => !r.active || metrics.every((m) => Math.abs(r.deviation[m]) <= tolerance + 1e-9));
  const moved = `${s.moved} account${s.moved === 1 ? '' : 's'} moved`;
  const left = unplaced > 0 ? ` ${unplaced} account${unplaced === 1 ? '' : 's'} without an active owner could not be placed${lockedNote(s, unplaced)}.` : '';

  if (inTolerance && unplaced === 0) {
    return { status: 'balanced', explanation: `Every active rep is within ±${pct(tolerance)} (worst: ${summary}); ${moved}.` };
  }
  if (s.budgetHit) {
    const which = [
      Number.isFinite(s.maxMoves) ? `maxMoves ${s.maxMoves}` : '',
      Number.isFinite(s.maxPotentialMoved) ? `maxPotentialMoved ${s.maxPotentialMoved}` : '',
    ]
      .filter(Boolean)
      .join(' / ');
    const extra = undone > 0 ? ` ${undone} move${undone === 1 ? ' was' : 's were'} undone to keep it.` : '';
    const placed = placedOrphans(s);
    const first = placed > 0 ? ` Accounts without an active owner are placed first: ${placed} of the moves went to them.` : '';
    return {
      status: 'budget-exhausted',
      explanation: `The disruption budget (${which}) ran out with ${moved}; worst deviation: ${summary}.${first}${left}${extra}`,
    };
  }
  const free = s.free.reduce((a, b) => a + b, 0);
  const lockedOut = after.reps.filter((r, j) => r.active && !s.free[j] && metrics.some((m) => Math.abs(r.deviation[m]) > tolerance + 1e-9));
  if (free === 0 || unplaced > 0 || lockedOut.length > 0) {
    const why =
      free === 0
        ? 'No active, unlocked rep can take accounts.'
        : lockedOut.length > 0
          ? `Locked rep${lockedOut.length === 1 ? '' : 's'} ${lockedOut.slice(0, 5).map((r) => r.repId).join(', ')} ${lockedOut.length === 1 ? 'is' : 'are'} outside tolerance and cannot change.`
          : '';
    return { status: 'infeasible', explanation: `${why}${left} Worst deviation: ${summary}; ${moved}.`.trim() };
  }
  if (worst.every((w, q) => w <= Math.max(tolerance, bounds[q]) + 0.01)) {
    const b = metrics.map((m, q) => `${m} ${pct(bounds[q])}`).join(', ');
    return {
      status: 'at-lower-bound',
      explanation: `Large accounts make ±${pct(tolerance)} impossible (lower bound: ${b}); the result is within 1 point of it (${summary}); ${moved}.`,
    };
  }
  return {
    status: 'local-optimum',
    explanation: `No single move or swap improves the balance further; worst deviation: ${summary}; ${moved}.`,
  };
}
