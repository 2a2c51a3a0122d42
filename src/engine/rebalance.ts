import { comparePlansSteps } from './metrics/compare-plans-steps.js';
import { evaluatePlanSteps } from './metrics/evaluate-plan-steps.js';
import { STEP, type Steps } from './metrics/steps.js';
import { assignOrphans } from './rebalance/assign-orphans.js';
import { adjacency, balanceMoves } from './rebalance/balance-moves.js';
import { buildPlanSteps, enforceBudgets, judge, outsideTolerance, placedOrphans } from './rebalance/finish.js';
import { heldBackByDistance, setBands, type Limit } from './rebalance/limits.js';
import { maxDeviation } from './rebalance/objective.js';
import { mergeMoves } from './rebalance/merge-moves.js';
import { fewestSearch } from './rebalance/fewest-search.js';
import { priceMoves } from './rebalance/price-moves.js';
import { compactSeed } from './rebalance/compact-seed.js';
import { compactTidy } from './rebalance/compact-tidy.js';
import { nearerReceivers } from './rebalance/nearer-receivers.js';
import { ReasonLog } from './rebalance/reasons.js';
import { Slicer } from './rebalance/slicer.js';
import { buildStateSteps, type RebalanceState } from './rebalance/state.js';
import { balanceSwaps } from './rebalance/swaps.js';
import { tidyMoves } from './rebalance/tidy.js';
import type { RebalanceDistanceLimit, RebalanceInput, RebalanceLimit, RebalanceOptions, RebalanceResult } from './rebalance/types.js';
import { EARTH_RADIUS_KM } from './geo.js';
import { METRICS, type Metric } from './types.js';
import { EngineError } from './engine-error.js';

export type {
  RebalanceDistanceLimit,
  RebalanceInput,
  RebalanceLimit,
  RebalanceLimitCause,
  MoveReasonPart,
  ExplanationPart,
  ExplanationWorst,
  MoveReasonReceiver,
  MoveReasonStanding,
  RebalanceMove,
  RebalanceOptions,
  RebalancePhase,
  RebalanceProgress,
  RebalanceResult,
  RebalanceStatus,
} from './rebalance/types.js';

/**
 * From this `proximity` on, 'disruption' first routes regional surplus as chains of hand-overs between
 * neighbouring reps (price-moves.ts): moves are shorter but more accounts move. Below it (the default
 * 0.3) the fewest moves come first; bench/optimum.bench.ts measures both against the exact optimum.
 */
const CHAIN_PROXIMITY = 1;

/** Rounds of (moves, then swaps) before giving up on further improvement. */
const ROUNDS = 4;

function checkOptions(o: RebalanceOptions): Required<Pick<RebalanceOptions, 'tolerance' | 'proximity' | 'sliceMs' | 'objective'>> & {
  metrics: Metric[];
  maxMoves: number;
  maxPotentialMoved: number;
  maxDistanceKm: number;
} {
  const tolerance = o.tolerance ?? 0.05;
  const bad = (option: string, value: number, message: string): never => {
    throw new EngineError('rebalance-option', message, { option, value });
  };
  if (!(tolerance >= 0 && tolerance < Infinity)) bad('tolerance', tolerance, `rebalance: tolerance must be a finite number ≥ 0, got ${String(tolerance)}`);
  const metrics = [...new Set(o.metrics ?? ['workload', 'potential'])] as Metric[];
  if (metrics.length === 0) throw new Error('rebalance: metrics must name at least one of workload, potential, count');
  for (const m of metrics) if (!METRICS.includes(m)) throw new Error(`rebalance: metrics: unknown metric "${String(m)}"`);
  const maxMoves = o.maxMoves ?? Infinity;
  if (!(maxMoves >= 0) || (Number.isFinite(maxMoves) && !Number.isInteger(maxMoves))) {
    bad('maxMoves', maxMoves, `rebalance: maxMoves must be a whole number ≥ 0, got ${String(maxMoves)}`);
  }
  const maxPotentialMoved = o.maxPotentialMoved ?? Infinity;
  if (!(maxPotentialMoved >= 0)) bad('maxPotentialMoved', maxPotentialMoved, `rebalance: maxPotentialMoved must be a number ≥ 0, got ${String(maxPotentialMoved)}`);
  const maxDistanceKm = o.maxDistanceKm ?? Infinity;
  if (!(maxDistanceKm > 0)) bad('maxDistanceKm', maxDistanceKm, `rebalance: maxDistanceKm must be a number > 0, got ${String(maxDistanceKm)}`);
  const proximity = o.proximity ?? 0.3;
  if (!(proximity >= 0 && proximity < Infinity)) throw new Error(`rebalance: proximity must be a finite number ≥ 0, got ${String(proximity)}`);
  const sliceMs = o.sliceMs ?? 16;
  if (!(sliceMs > 0)) throw new Error(`rebalance: sliceMs must be a number > 0, got ${String(sliceMs)}`);
  const objective = o.objective ?? 'disruption';
  if (objective !== 'disruption' && objective !== 'compactness') {
    throw new Error(`rebalance: objective must be 'disruption' or 'compactness', got ${JSON.stringify(objective)}`);
  }
  return { tolerance, metrics, maxMoves, maxPotentialMoved, maxDistanceKm, proximity, sliceMs, objective };
}

/**
 * Rebalances a plan: brings every active rep's workload and potential (or the chosen metrics) within
 * ±tolerance of its capacity-scaled target while moving as few accounts as possible, preferring moves
 * between neighbouring reps and accounts on the boundary between them.
 *
 * 1. Accounts with no active owner (unassigned, on an inactive rep, or on an unknown rep id) go to a
 *    nearby free rep with room, largest potential first.
 * 0. With `objective: 'compactness'` only: a clean-sheet redraw (rebalance/compact-seed.ts) places every
 *    movable account with one of its nearest reps at prices that balance the loads (and, with a
 *    budget, price changing owner so the redraw fits it); the steps below then measure distances from
 *    that plan instead of `current`, a relay search replaces 1b, and after 4 a last pass
 *    (rebalance/compact-tidy.ts) hands accounts to nearer neighbouring reps wherever balance and the
 *    budgets allow.
 * 1b. Only with `proximity` ≥ 1 and no move budget: a price pass (rebalance/price-moves.ts) routes
 *    regional surplus along chains of neighbouring reps — each account goes to the cheapest of its rep
 *    and that rep's nearest reps, with prices raised on over-target reps and lowered on under-target
 *    ones round after round, and a cost for leaving home — so excess travels as short hand-overs
 *    instead of long moves (shorter moves, but more of them: bench/optimum.bench.ts).
 * 2. Local search from the current plan, minimising Σ_j Σ_m max(0, |dev_jm| − band)²: reps inside the
 *    band cost nothing and are never disturbed for their own sake, so over-target reps shed about
 *    what the disruption lower bound says they must. The band is the tolerance (less a small
 *    margin), widened to the balance lower bound when single large accounts make the tolerance
 *    unreachable (rebalance/limits.ts: only the reps a proven cause touches — a large account, which then
 *    stays with its rep, locked accounts, a locked rep — get a wider band, and the other reps only
 *    when what is left for them is beyond the tolerance on average). Each step takes the rep furthest outside its band (over-target reps first) and
 *    applies the account move with the largest objective decrease per unit of distance cost
 *    (extra km from the account's starting rep, relative to the typical territory radius):
 *    a. direct: only to/from reps outside their band on the other side, among the 30 nearest reps,
 *       else the nearest such reps within twice that range — few moves, each one useful twice;
 *    b. relay: to/from any of the 10 nearest reps (chains through balanced reps keep territories
 *       compact), parked reps retried with exponential back-off; past a search cap (n/20 + 5·reps)
 *       it falls back to direct moves at any range so large plans finish in bounded time.
 * 3. Pairwise swaps fix a second metric when no single move can (e.g. potential without workload).
 * 4. Tidy: each moved account, longest detour first, goes back to its starting rep, or to a nearer
 *    neighbour rep, whenever that does not make the objective worse (fewer moves, shorter distances).
 *    Then (objective 'disruption', proximity < 1) pairs of moves become one where every rep stays in
 *    its band (rebalance/merge-moves.ts: a chain A → B → C shortened, two moves A → B merged); a
 *    tree search from the start, guided by a lower bound on the moves still needed, replaces the plan
 *    when it finds one with fewer moves within ±tolerance that travels at most 5% further in all
 *    (rebalance/fewest-search.ts; up to 400,000 accounts × reps; under a move budget it may also cut
 *    a larger plan down to the budget when that ends closer to balance). On small plans (≤ 200,000
 *    possible plans) the same search follows every move, so it is exact, with any `proximity`.
 *    Last (objective 'disruption'), every moved account, longest move first, goes to a nearer rep
 *    whenever one can take it with no more moves and every rep within the tolerance — redirected or
 *    destinations exchanged; a cross-country move (> 500 km) also through a relay, one move more only
 *    for an orphan (rebalance/nearer-receivers.ts). A long move that stays says why in its reason (no
 *    nearer rep had room, or the nearer rep that had room and the rep that needed it).
 * 5. A final check that `maxMoves` and `maxPotentialMoved` hold, counted as comparePlans counts them.
 * 6. With `maxMoves` (objective 'disruption', proximity > 0) and a plan still outside tolerance: the
 *    steps run once more with proximity 0 — every move spent on balance alone, whatever its detour —
 *    and the better plan is kept (balanced first, then fewer reps outside, then the smaller worst
 *    deviation); bench/optimum.bench.ts measures it with the budget at the exact optimum.
 *
 * Locked accounts and accounts of locked reps never move; locked reps neither give nor take. With
 * `maxDistanceKm`, no account (orphans included) goes to a rep further than that. The
 * budgets are hard: a move that would exceed one is never made; when the budget is too small, the
 * remaining orphans keep their owner (listed in `unplacedAccountIds`) and the status is
 * 'budget-exhausted'. Runs on the calling thread in slices of `sliceMs` (yielding to the event loop
 * in between, reporting progress and honouring `signal`); see `runRebalance` for the Worker path.
 * Every step between two yields is bounded: the fixed steps before and after the search (evaluation,
 * state, plan, comparison) are cut into chunks of about a thousand accounts (metrics/steps.ts), and the
 * search checks the clock between single moves.
 * Deterministic: the same input gives the same result (ties go to the lower account id).
 *
 * @param input the accounts, the reps and the current assignments
 * @param options tolerance (0.05), metrics (['workload', 'potential']), lockedAccountIds, lockedRepIds,
 *   maxMoves (∞), maxPotentialMoved (∞), maxDistanceKm (∞), proximity (0.3), objective ('disruption'), signal,
 *   onProgress, sliceMs (16)
 * @returns the new assignments, the moves with reasons, before/after evaluations and the comparison,
 *   a status with a plain-words explanation, the limits that keep reps from the tolerance, the
 *   distance limit's effect, the reps still outside tolerance and the orphans placed; rejects with an AbortError when aborted, and with an error
 *   naming the record and field for bad input
 *
 * @example
 * const result = await rebalance({ accounts, reps, current }, { maxMoves: 50, signal });
 * result.status;                                    // 'balanced'
 * result.moves[0].reason;                           // "Ana was 23% over potential target; Ben (41 km away) was 12% under workload target"
 * result.metrics.after.balance.potential.maxDeviation; // 0.047
 */
export async function rebalance(input: RebalanceInput, options: RebalanceOptions = {}): Promise<RebalanceResult> {
  const opts = checkOptions(options);
  const budgeted = opts.maxMoves !== Infinity && opts.objective === 'disruption' && opts.proximity > 0;
  if (!budgeted) return rebalanceOnce(input, options, opts);
  // A move budget: moves are the scarce resource, not km. The first search weighs balance gained
  // against the detour (few, short moves); when it cannot reach the tolerance within the budget, a
  // second one spends each move on balance alone (proximity 0), and the better plan is kept.
  const onProgress = options.onProgress;
  const scaled = (lo: number, hi: number, last: boolean): RebalanceOptions['onProgress'] =>
    onProgress && ((p) => onProgress({ ...p, phase: p.phase === 'done' && !last ? 'evaluate' : p.phase, fraction: lo + (hi - lo) * p.fraction }));
  const first = await rebalanceOnce(input, { ...options, onProgress: scaled(0, 0.6, false) }, opts);
  if (first.status === 'balanced') {
    if (onProgress) onProgress({ phase: 'done', fraction: 1, moves: first.metrics.comparison.accountsMoved, maxDeviation: worstDeviation(first, opts.metrics) });
    return first;
  }
  const second = await rebalanceOnce(input, { ...options, onProgress: scaled(0.6, 1, true) }, { ...opts, proximity: 0 });
  return better(second, first, opts.metrics) ? second : first;
}

/** Worst |deviation| of a result's plan over the balanced metrics. */
function worstDeviation(r: RebalanceResult, metrics: readonly Metric[]): number {
  let w = 0;
  for (const m of metrics) w = Math.max(w, r.metrics.after.balance[m].maxDeviation);
  return w;
}

/** Whether plan a is better than b: balanced first, then fewer reps outside tolerance, then a smaller worst deviation. */
function better(a: RebalanceResult, b: RebalanceResult, metrics: readonly Metric[]): boolean {
  const ab = a.status === 'balanced' ? 1 : 0;
  const bb = b.status === 'balanced' ? 1 : 0;
  if (ab !== bb) return ab > bb;
  if (a.outsideToleranceRepIds.length !== b.outsideToleranceRepIds.length) return a.outsideToleranceRepIds.length < b.outsideToleranceRepIds.length;
  return worstDeviation(a, metrics) < worstDeviation(b, metrics) - 1e-12;
}

/** One run of the pipeline documented at `rebalance`, with checked options. */
async function rebalanceOnce(input: RebalanceInput, options: RebalanceOptions, opts: ReturnType<typeof checkOptions>): Promise<RebalanceResult> {
  const { accounts, reps, current } = input;
  let state: RebalanceState | null = null;
  const slicer = new Slicer(opts.sliceMs, options.signal, options.onProgress, () => ({
    moves: state ? state.moved : 0,
    maxDeviation: state ? maxDeviation(state) : 0,
  }));
  try {
    slicer.report('prepare', 0);
    const evalOptions = { tolerance: opts.tolerance, balanceOn: opts.metrics };
    // The fixed steps before and after the search are long at 100k accounts: each runs in bounded
    // steps (yielding whenever the slice is used up), with a yield between them too.
    const before = await slicer.run(evaluatePlanSteps(accounts, reps, current, evalOptions), 'prepare', 0.01);
    await slicer.pause('prepare', 0.02);
    const stateOptions = {
      metrics: opts.metrics,
      lockedAccountIds: new Set(options.lockedAccountIds ?? []),
      lockedRepIds: new Set(options.lockedRepIds ?? []),
      maxMoves: opts.maxMoves,
      maxPotentialMoved: opts.maxPotentialMoved,
    };
    const s = await slicer.run(buildStateSteps(accounts, reps, current, stateOptions), 'prepare', 0.03);
    state = s;
    if (opts.maxDistanceKm !== Infinity) {
      // great-circle km → chord km on the same sphere (the state's distances are chords)
      s.maxChord = opts.maxDistanceKm >= Math.PI * EARTH_RADIUS_KM ? Infinity : 2 * EARTH_RADIUS_KM * Math.sin(opts.maxDistanceKm / (2 * EARTH_RADIUS_KM));
    }
    const lowerBounds = opts.metrics.map((m) => before.balance[m].lowerBound);
    const limits = await slicer.run(setBands(s, opts.tolerance, lowerBounds), 'prepare', 0.04);
    await slicer.pause('prepare', 0.05);

    const log = new ReasonLog(s);
    const redrawn = opts.objective === 'compactness' ? await compactSeed(s, log, slicer, [0.05, 0.18]) : 0;
    const unplaced = await assignOrphans(s, opts.proximity, log, slicer);
    await slicer.pause('assign', 0.2);

    const adj = adjacency(s);
    await slicer.pause('balance', 0.2);
    if (opts.objective === 'compactness') {
      // the redraw left the loads close to target: settle the rest with neighbours' slack first
      await balanceMoves(s, adj, opts.proximity, log, slicer, [0.2, 0.25], 'relay-only');
    } else {
      // regional surplus along chains of neighbours (rebalance/price-moves.ts): shorter moves, more of them
      if (opts.proximity >= CHAIN_PROXIMITY) await priceMoves(s, adj, opts.proximity, log, slicer, [0.2, 0.25]);
    }
    // straight from over- to under-target reps nearby first (few moves), then relays and longer moves
    await balanceMoves(s, adj, opts.proximity, log, slicer, [0.2, 0.4], 'direct');
    for (let round = 0; round < ROUNDS; round++) {
      const lo = 0.4 + (0.4 * round) / ROUNDS;
      const hi = 0.4 + (0.4 * (round + 1)) / ROUNDS;
      await balanceMoves(s, adj, opts.proximity, log, slicer, [lo, hi], round === 0 ? 'relay' : 'direct-anywhere');
      const swaps = await balanceSwaps(s, adj, opts.proximity, log, slicer, hi);
      if (swaps === 0) break;
    }
    await tidyMoves(s, adj, log, slicer, 0.82);
    // fewest moves: pairs of moves become one (chains shortened, two moves merged) where balance allows
    if (opts.objective === 'disruption' && opts.proximity < CHAIN_PROXIMITY) await mergeMoves(s, log, slicer, 0.83);
    // fewest moves by a tree search from the start, guided by a lower bound on the moves still needed
    if (opts.objective === 'disruption') await fewestSearch(s, opts.tolerance, opts.proximity, log, slicer, 0.837);
    // no cross-country move when a nearer rep can take the account: redirect or exchange (never more moves)
    if (opts.objective === 'disruption') await nearerReceivers(s, opts.tolerance, log, slicer, 0.838);
    if (opts.objective === 'compactness') await compactTidy(s, adj, log, slicer, 0.84, opts.tolerance);
    const undone = enforceBudgets(s);

    await slicer.pause('evaluate', 0.85);
    const { assignments, moves } = await slicer.run(buildPlanSteps(s, current, log), 'evaluate', 0.86);
    await slicer.pause('evaluate', 0.88);
    const after = await slicer.run(evaluatePlanSteps(accounts, reps, assignments, evalOptions), 'evaluate', 0.9);
    await slicer.pause('evaluate', 0.92);
    // `before` is evaluatePlan of `current` with the same reps and tolerance: comparePlans reuses it
    const compareOptions = { reps, tolerance: opts.tolerance };
    const comparison = await slicer.run(comparePlansSteps(accounts, current, assignments, compareOptions, before), 'evaluate', 0.95);
    await slicer.pause('evaluate', 0.97);
    const unplacedIds = await slicer.run(collectUnplaced(s, unplaced), 'evaluate', 0.98);
    // report only the accounts the distance limit actually left where they are (not every refused candidate)
    s.refusedFar = new Set(heldBackByDistance(s));
    const judged = judge(s, after, opts.tolerance, unplacedIds.length, undone, limits);
    const { status } = judged;
    const explanation = opts.objective === 'compactness' ? `Territories redrawn for compactness (${redrawn} accounts placed with one of their nearest reps first). ${judged.explanation}` : judged.explanation;
    const explanationParts = opts.objective === 'compactness' ? [{ code: 'compact-redrawn' as const, redrawn }, ...judged.explanationParts] : judged.explanationParts;
    slicer.report('done', 1);
    return {
      assignments,
      moves,
      metrics: { before, after, comparison },
      status,
      explanation,
      explanationParts,
      unplacedAccountIds: unplacedIds,
      limits: limits.map((l) => publicLimit(s, l)),
      distanceLimit: distanceLimit(s, opts.maxDistanceKm),
      outsideToleranceRepIds: outsideTolerance(s, opts.tolerance).map((j) => s.reps[j].id),
      orphansPlaced: placedOrphans(s),
    };
  } finally {
    slicer.close();
  }
}

/** A limit with ids, as the result reports it. */
function publicLimit(s: RebalanceState, l: Limit): RebalanceLimit {
  let reached = 0;
  for (const j of l.reps) reached = Math.max(reached, Math.abs(s.load[j * s.k + l.metric] / s.cap[j] - 1));
  return {
    cause: l.cause,
    metric: s.metrics[l.metric],
    repIds: l.reps.map((j) => s.reps[j].id),
    accountIds: l.accounts.slice(0, 20).map((i) => s.accounts[i].id),
    accountCount: l.accounts.length,
    bound: l.bound,
    reached,
  };
}

/** The distance limit's effect, or null without one. */
function distanceLimit(s: RebalanceState, km: number): RebalanceDistanceLimit | null {
  if (km === Infinity) return null;
  const ids = [...s.refusedFar].sort((a, b) => a - b);
  return { maxDistanceKm: km, binds: ids.length > 0, accountIds: ids.slice(0, 50).map((i) => s.accounts[i].id), accountCount: ids.length };
}

/** Accounts that should have left their owner (no active owner) but still have it, as ids. */
function* collectUnplaced(s: RebalanceState, unplaced: number[]): Steps<string[]> {
  const out = new Set<number>(unplaced.filter((i) => s.owner[i] === s.orig[i]));
  for (let i = 0; i < s.n; i++) {
    if (i % (8 * STEP) === 8 * STEP - 1) yield;
    const o = s.owner[i];
    if (o < 0 || !s.active[o]) out.add(i);
  }
  return [...out].sort((a, b) => a - b).map((i) => s.accounts[i].id);
}
