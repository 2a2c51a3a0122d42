import { applyMove, bandPenalty, baseDistance, distanceCost, budgetAllows, distance, EPS, penalty, refuseFar, repDistance, violation, withinReach } from './objective.js';
import { GainRange, gainRange } from './gain-range.js';
import { insertNearest } from './nearest.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import { SortedMembers } from './sorted-members.js';
import type { RebalanceState } from './state.js';

/** How many far reps (nearest outside their band on the other side) to try when no neighbour helps. */
const FAR_CANDIDATES = 6;

/** Up to this many reps, far searches read a per-rep list sorted by distance (r² entries) instead of scanning every rep. */
const FAR_SORTED = 1000;

/** Per state, each rep's other free reps sorted by distance (built on a rep's first far search). */
const sortedReps = new WeakMap<RebalanceState, (Int32Array | null)[]>();

/** Searches per rep a 'relay-only' run may make before it stops. */
const RELAY_ONLY_SEARCHES = 3;

/** Pairs a direct-mode scan keeps for the next search of the same rep (see `scan`). */
const KEEP = 32;

/** Candidate partners of each free rep: its nearest reps, the reps that have it as nearest, and the floating reps. */
export function adjacency(s: RebalanceState): Int32Array[] {
  const adj: Int32Array[] = [];
  for (let j = 0; j < s.r; j++) {
    if (!s.free[j]) {
      adj.push(new Int32Array(0));
      continue;
    }
    // a rep without an anchor has no neighbours: every free rep is its partner
    const all = s.hasAnchor[j] ? [] : Array.from({ length: s.r }, (_, h) => h).filter((h) => s.free[h]);
    // reverse neighbours only when about as near as j's own neighbours (an isolated rep lists far reps)
    const nb = s.neighbours[j];
    const reach = nb.length > 0 ? 1.5 * repDistance(s, j, nb[nb.length - 1]) : 0;
    const rev = s.reverse[j].filter((h) => repDistance(s, j, h) <= reach);
    const set = new Set<number>([...nb, ...rev, ...s.floating, ...all]);
    set.delete(j);
    adj.push(Int32Array.from([...set].sort((a, b) => a - b)));
  }
  return adj;
}

interface Best {
  score: number;
  account: number;
  to: number;
}

/**
 * The local search: repeatedly takes the free rep furthest outside its band (reps over target first,
 * since the disruption lower bound counts what over-target reps must shed) and applies the single
 * account move, to or from a neighbour rep, with the best objective decrease per unit of distance
 * cost. A rep with no improving move is parked with exponential back-off (in moves applied
 * elsewhere); when every rep outside its band is parked, all are retried once, and then the nearest
 * reps outside their bands on the other side are tried (longer moves).
 *
 * Modes: 'direct' moves only between a rep over its band and one under it, among the rep's wider
 * neighbourhood (30 nearest) and then the nearest such reps within twice that range; 'relay' moves to
 * or from any of the nearest reps (chains through balanced reps), switching to 'direct-anywhere' (no
 * range limit) after n/20 + 5·reps searches so that large plans finish in bounded time; 'relay-only'
 * is 'relay' that never moves further than the nearest reps and stops after 3 searches per rep (used
 * after the price pass, see price-moves.ts).
 *
 * Ties between equally good moves go to the lower account id (then the lower rep index). In direct
 * mode a rep's scan is remembered and reused while that is provably exact (see `scan`), which saves
 * most repeated scans of a rep that gives or takes several accounts in a row.
 *
 * @returns the number of moves applied
 */
export async function balanceMoves(
  s: RebalanceState,
  adj: Int32Array[],
  proximity: number,
  log: ReasonLog,
  slicer: Slicer,
  progress: [number, number],
  mode: 'direct' | 'relay' | 'direct-anywhere' | 'relay-only',
): Promise<number> {
  const r = s.r;
  let direct = mode !== 'relay' && mode !== 'relay-only';
  let anywhere = mode === 'direct-anywhere';
  /** Relays can churn on large plans: past this many searches, switch to direct moves at any range. */
  const searchLimit = Math.ceil(s.n / 20) + 5 * r;
  let searches = 0;
  const amount = new Float64Array(r);
  const over = new Uint8Array(r);
  /** Whether each free rep is outside its band under target on some metric (kept by `refresh`). */
  const under = new Uint8Array(r);
  /** A rep with no improving move is parked until `applied` reaches this. */
  const parkedUntil = new Float64Array(r);
  const failures = new Uint8Array(r);
  const refresh = (j: number): void => {
    const v = violation(s, j);
    amount[j] = v.amount;
    over[j] = v.over ? 1 : 0;
    under[j] = v.under ? 1 : 0;
  };
  let initial = 0;
  for (let j = 0; j < r; j++) {
    if (!s.free[j]) continue;
    refresh(j);
    if (amount[j] > 0) initial += amount[j];
  }
  const best: Best = { score: 0, account: -1, to: -1 };
  const reset = (): void => {
    best.score = 0;
    best.account = -1;
    best.to = -1;
  };
  let applied = 0;
  const ids = s.accounts;
  const better = (score: number, i: number, to: number): boolean =>
    score > best.score ||
    (score === best.score && best.account >= 0 && (ids[i].id < ids[best.account].id || (i === best.account && to < best.to)));

  const cost = (extra: number): number => distanceCost(proximity, extra, s.radius);

  // Scan memo (direct mode, while the budgets cannot bind). A scan keeps its KEEP best pairs and the score θ of
  // the last one kept. Penalties are convex in a rep's load, so a rep that only gave since then can
  // gain no more by giving, and one that only received no more by receiving: every pair's score can
  // only have dropped. So when the giver (or taker) has only given (received) since the scan and the
  // reps on the other side have not moved the wrong way, the kept pairs, re-scored exactly, still
  // contain the best pair whenever the best of them scores above θ — the same choice as a full scan.
  // The budgets cannot bind while one more move of any account fits both (accounts already moved
  // cost nothing to move on or back): then every move is allowed, as without budgets.
  const limited = s.maxMoves !== Infinity || s.maxPotentialMoved !== Infinity;
  let maxPotential = 0;
  if (limited) for (let i = 0; i < s.n; i++) if (!s.fixed[i] && s.potential[i] > maxPotential) maxPotential = s.potential[i];
  const memoOn = (): boolean =>
    !limited || (s.moved + 1 <= s.maxMoves && s.potentialMoved + maxPotential <= s.maxPotentialMoved * (1 + 1e-12));
  const keptScore = new Float64Array(KEEP);
  const keptAcc = new Int32Array(KEEP);
  const keptTo = new Int32Array(KEEP);
  let kept = 0;
  let keeping = false;
  /** The pruning threshold: the best score so far, or the KEEP-th best while keeping (kept current by `offer`). */
  let bar = 0;
  const setBar = (): void => {
    bar = keeping ? (kept < KEEP ? 0 : keptScore[KEEP - 1]) : best.score;
  };
  /** Pair order: higher score, then lower account id, then lower rep index. */
  const before = (sa: number, ia: number, ta: number, sb: number, ib: number, tb: number): boolean =>
    sa > sb || (sa === sb && (ids[ia].id < ids[ib].id || (ia === ib && ta < tb)));
  const offer = (score: number, i: number, to: number): void => {
    if (!keeping) {
      if (!better(score, i, to)) return;
      if (!budgetAllows(s, i, to)) {
        s.budgetHit = true;
        return;
      }
      best.score = score;
      best.account = i;
      best.to = to;
      bar = score;
      return;
    }
    if (kept === KEEP && !before(score, i, to, keptScore[KEEP - 1], keptAcc[KEEP - 1], keptTo[KEEP - 1])) return;
    let at = kept < KEEP ? kept++ : KEEP - 1;
    while (at > 0 && before(score, i, to, keptScore[at - 1], keptAcc[at - 1], keptTo[at - 1])) {
      keptScore[at] = keptScore[at - 1];
      keptAcc[at] = keptAcc[at - 1];
      keptTo[at] = keptTo[at - 1];
      at--;
    }
    keptScore[at] = score;
    keptAcc[at] = i;
    keptTo[at] = to;
    if (kept === KEEP) bar = keptScore[KEEP - 1];
  };

  // Each account's distance to its starting rep's anchor (baseDistance), computed once: it only
  // depends on the current owner for accounts whose starting owner is not an active rep (NaN here).
  const base = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) {
    if ((i & 4095) === 0 && slicer.due()) await slicer.pause('balance', progress[0]);
    const o = s.ref[i];
    base[i] = o >= 0 && s.active[o] ? distance(s, i, o) : NaN;
  }
  const baseOf = (i: number): number => {
    const b = base[i];
    return b === b ? b : baseDistance(s, i);
  };
  // each rep's movable accounts in value order: a scan of a pair of reps visits only the accounts
  // whose move can beat the bar (gain-range.ts), the same choice as a scan of every account
  const sorted = new SortedMembers(s);
  const range = new GainRange();
  // Once a budget has stopped a move (s.budgetHit), accounts it rules out are skipped unscored: they
  // could only be rejected again, so the choice and the flag stay the same. An account that has not
  // moved yet is ruled out when one more move, or its potential, would not fit; one that has moved
  // never is (moving it on or back costs nothing). With no move left, only moved accounts are looked at.
  const noMoveLeft = (): boolean => limited && s.budgetHit && s.moved + 1 > s.maxMoves;
  /** Each rep's moved accounts (owner ≠ starting owner), built when no move is left, then kept up. */
  const movedOf: { lists: number[][] | null } = { lists: null };
  const movedAccounts = (j: number): number[] => {
    if (movedOf.lists === null) {
      const lists: number[][] = Array.from({ length: r }, () => []);
      for (let i = 0; i < s.n; i++) if (s.owner[i] >= 0 && s.owner[i] !== s.orig[i] && !s.fixed[i]) lists[s.owner[i]].push(i);
      movedOf.lists = lists;
    }
    return movedOf.lists[j];
  };

  /** Offers every account of rep `from` whose move to rep `to` can beat the bar (ff, ft: their penalties). */
  const scanPair = (from: number, ff: number, to: number, ft: number): void => {
    if (noMoveLeft()) {
      for (const i of movedAccounts(from)) consider(from, ff, to, ft, i);
      return;
    }
    gainRange(s, sorted, from, to, Math.max(bar, EPS), range);
    // outward from the best bound, each side until the bound falls to the (rising) bar
    for (let at = range.peak; at < range.hi && range.mayExceed(at, bar > EPS ? bar : EPS); at++) consider(from, ff, to, ft, range.list[at]);
    for (let at = range.peak - 1; at >= range.lo && range.mayExceed(at, bar > EPS ? bar : EPS); at--) consider(from, ff, to, ft, range.list[at]);
  };
  // The innermost loop of the search (millions of calls at 100k accounts): `penalty` and `distance`
  // written out on the state's arrays, with the same arithmetic (the same floats, so the same choice).
  const { k, load, val, band, cap, hasPos, hasAnchor, px, py, pz, ax, ay, az } = s;
  const consider = (from: number, ff: number, to: number, ft: number, i: number): void => {
    if (limited && s.budgetHit && !budgetAllows(s, i, to)) return;
    const cf = cap[from];
    let pf = 0;
    for (let m = 0; m < k; m++) pf += bandPenalty((load[from * k + m] - val[i * k + m]) / cf - 1, band[from * k + m]);
    const top = ff - pf + ft;
    if (top < bar) return;
    const ct = cap[to];
    let pt = 0;
    for (let m = 0; m < k; m++) pt += bandPenalty((load[to * k + m] + val[i * k + m]) / ct - 1, band[to * k + m]);
    const gain = top - pt;
    if (gain <= EPS || gain < bar) return;
    if (!withinReach(s, i, to)) {
      // the distance limit (a static rule: the scan memo stays exact)
      refuseFar(s, i);
      return;
    }
    let d = 0;
    if (hasPos[i] && hasAnchor[to]) {
      const dx = px[i] - ax[to];
      const dy = py[i] - ay[to];
      const dz = pz[i] - az[to];
      d = Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
    offer(gain / cost(d - baseOf(i)), i, to);
  };

  /** Best move of one of j's accounts to one of `cands`. */
  const give = (j: number, cands: ArrayLike<number>): void => {
    setBar();
    const fj = penalty(s, j, 0, 0);
    for (let q = 0; q < cands.length; q++) {
      const c = cands[q];
      const fc = penalty(s, c, 0, 0);
      if (fj + fc >= bar) scanPair(j, fj, c, fc);
    }
  };

  /** Best move of an account of one of `cands` to j. */
  const pull = (j: number, cands: ArrayLike<number>): void => {
    setBar();
    const fj = penalty(s, j, 0, 0);
    for (let q = 0; q < cands.length; q++) {
      const h = cands[q];
      const fh = penalty(s, h, 0, 0);
      if (fh + fj >= bar) scanPair(h, fh, j, fj);
    }
  };

  /** Move number after which each rep last gave and last received an account. */
  const gaveAt = new Int32Array(r);
  const tookAt = new Int32Array(r);
  interface Memo {
    at: number;
    theta: number;
    acc: Int32Array;
    to: Int32Array;
    /** The candidate reps scanned: a later scan may reuse the memo only against a subset of them. */
    cands: number[];
  }
  /** Per rep: near give, near pull, far give, far pull. */
  const memo: (Memo | null)[][] = [0, 1, 2, 3].map(() => new Array(r).fill(null));
  /**
   * give (dir +1) or pull (dir −1) for j against `cands`, answered from the memo when that is exact,
   * else by a full scan that refreshes the memo. Leaves the answer in `best`.
   */
  const scan = (j: number, cands: number[], dir: number, far = false): void => {
    if (!memoOn()) {
      if (dir > 0) give(j, cands);
      else pull(j, cands);
      return;
    }
    const side = (dir > 0 ? 0 : 1) + (far ? 2 : 0);
    const m = memo[side][j];
    // j only gave (give) / only received (pull) since; the candidates that moved the other way (or
    // were not scanned then) are stale: their pairs are scanned again, exactly, and the kept pairs of
    // the others still answer for them (below θ, as above). With most candidates stale, a full scan.
    const fresh = m !== null && (dir > 0 ? tookAt[j] : gaveAt[j]) <= m.at;
    let stale: number[] | null = null;
    for (let q = 0; fresh && q < cands.length; q++) {
      const c = cands[q];
      if ((dir > 0 ? gaveAt : tookAt)[c] > (m as Memo).at || !(m as Memo).cands.includes(c)) (stale ??= []).push(c);
    }
    if (fresh && m && (stale === null || 2 * stale.length <= cands.length)) {
      const fj = penalty(s, j, 0, 0);
      for (let e = 0; e < m.acc.length; e++) {
        const i = m.acc[e];
        const c = m.to[e];
        const h = dir > 0 ? j : s.owner[i];
        if (dir > 0 ? s.owner[i] !== j || !cands.includes(c) : !cands.includes(h)) continue;
        const fh = penalty(s, h, 0, 0);
        const fo = dir > 0 ? penalty(s, c, 0, 0) : fj;
        const gain = fh - penalty(s, h, i, -1) + fo - penalty(s, c, i, 1);
        if (gain <= EPS) continue;
        const score = gain / cost(distance(s, i, c) - baseOf(i));
        if (better(score, i, c)) {
          best.score = score;
          best.account = i;
          best.to = c;
        }
      }
      if (stale !== null) {
        // the stale pairs, scanned with the best kept pair as the bar (the same total order)
        if (dir > 0) give(j, stale);
        else pull(j, stale);
      }
      if (best.account >= 0 ? best.score > m.theta : m.theta === 0) return;
      reset();
    }
    keeping = true;
    kept = 0;
    if (dir > 0) give(j, cands);
    else pull(j, cands);
    keeping = false;
    memo[side][j] = {
      at: applied,
      theta: kept < KEEP ? 0 : keptScore[KEEP - 1],
      acc: keptAcc.slice(0, kept),
      to: keptTo.slice(0, kept),
      cands: cands.slice(),
    };
    if (kept > 0) {
      best.score = keptScore[0];
      best.account = keptAcc[0];
      best.to = keptTo[0];
    }
  };

  /** Whether rep h is outside its band over target (dir +1) or under it (dir −1) on some metric. */
  const outsideOn = (h: number, dir: number): boolean => (dir > 0 ? over[h] : under[h]) === 1;

  /**
   * The free reps (not j) nearest to j that are outside their band under target (dir −1) or over it
   * (dir +1) on some metric — used only when no neighbour can help.
   */
  const farD = new Float64Array(FAR_CANDIDATES);
  const farH = new Int32Array(FAR_CANDIDATES);
  // With up to FAR_SORTED free reps, each rep's other free reps are sorted by distance once (when it
  // first needs them), so a far search reads them nearest first and stops at the FAR_CANDIDATES-th.
  // (anchors and free reps do not change during a rebalance: the lists are kept for its later searches)
  let byDistance = sortedReps.get(s);
  if (!byDistance) {
    byDistance = r <= FAR_SORTED ? new Array<Int32Array | null>(r).fill(null) : [];
    sortedReps.set(s, byDistance);
  }
  const far = (j: number, dir: number, reach: number): number[] => {
    if (r <= FAR_SORTED) {
      let list = byDistance[j];
      if (!list) {
        const dist = (h: number): number => (s.hasAnchor[j] && s.hasAnchor[h] ? repDistance(s, j, h) : 0);
        const reps = Array.from({ length: r }, (_, h) => h).filter((h) => s.free[h] && h !== j);
        const d = new Float64Array(r);
        for (const h of reps) d[h] = dist(h);
        reps.sort((a, b) => d[a] - d[b] || a - b);
        list = Int32Array.from(reps);
        byDistance[j] = list;
      }
      const found: number[] = [];
      for (let q = 0; q < list.length && found.length < FAR_CANDIDATES; q++) {
        const h = list[q];
        if (!outsideOn(h, dir)) continue;
        if ((s.hasAnchor[j] && s.hasAnchor[h] ? repDistance(s, j, h) : 0) > reach) break;
        found.push(h);
      }
      return found;
    }
    // the FAR_CANDIDATES nearest in one pass (ties to the lower index)
    let count = 0;
    for (let h = 0; h < r; h++) {
      if (!s.free[h] || h === j || !outsideOn(h, dir)) continue;
      const d = s.hasAnchor[j] && s.hasAnchor[h] ? repDistance(s, j, h) : 0;
      if (d <= reach) count = insertNearest(farD, farH, count, FAR_CANDIDATES, d, h);
    }
    return Array.from(farH.subarray(0, count));
  };

  /** Best local move for j: among its neighbour reps, giving first when j is over target. */
  const searchNear = (j: number, giveFirst: boolean): boolean => {
    reset();
    if (++searches > searchLimit && !anywhere) {
      direct = true;
      anywhere = true;
    }
    if (direct) {
      // only straight from a rep outside its band over target to one outside under target, within
      // the wider neighbourhood: no relays through balanced reps
      const near = s.wide[j];
      const takers = Array.from(near).filter((h) => outsideOn(h, -1));
      const givers = Array.from(near).filter((h) => outsideOn(h, 1));
      if (giveFirst) {
        scan(j, takers, 1);
        if (best.account < 0) scan(j, givers, -1);
      } else {
        scan(j, givers, -1);
        if (best.account < 0) scan(j, takers, 1);
      }
      // none nearby: the nearest such reps up to twice as far as the wider neighbourhood reaches
      // (one longer move beats a chain of relays; beyond that, relays keep territories compact)
      const reach = !anywhere && near.length > 0 && s.hasAnchor[j] ? 2 * repDistance(s, j, near[near.length - 1]) : Infinity;
      return best.account >= 0 || searchFar(j, reach);
    }
    const order = giveFirst ? [give, pull] : [pull, give];
    for (const step of order) {
      step(j, adj[j]);
      if (best.account >= 0) return true;
    }
    return false;
  };
  /** Best move between j and the nearest reps outside their band on the other side. */
  const searchFar = (j: number, reach = Infinity): boolean => {
    reset();
    scan(j, far(j, -1, reach), 1, true);
    if (best.account >= 0) return true;
    scan(j, far(j, 1, reach), -1, true);
    return best.account >= 0;
  };

  let sweptAt = -1;
  for (;;) {
    if (mode === 'relay-only' && searches >= RELAY_ONLY_SEARCHES * r) break;
    if (slicer.due()) {
      let left = 0;
      for (let j = 0; j < r; j++) if (s.free[j] && amount[j] > 0) left += amount[j];
      const done = initial > 0 ? 1 - left / initial : 1;
      await slicer.pause('balance', progress[0] + (progress[1] - progress[0]) * done);
    }
    // the eligible rep furthest outside its band, over-target reps first; ties to the lower index
    let j = -1;
    for (let q = 0; q < r; q++) {
      if (!s.free[q] || parkedUntil[q] > applied || amount[q] <= 1e-12) continue;
      if (j < 0 || over[q] > over[j] || (over[q] === over[j] && amount[q] > amount[j])) j = q;
    }
    if (j < 0) {
      const outside: number[] = [];
      for (let q = 0; q < r; q++) if (s.free[q] && amount[q] > 1e-12) outside.push(q);
      if (outside.length === 0) break;
      if ((direct || mode === 'relay-only') && sweptAt === applied) break;
      if (sweptAt !== applied) {
        // parked reps wait out their back-off only while others make progress: retry them all now
        sweptAt = applied;
        for (const q of outside) parkedUntil[q] = applied;
        continue;
      }
      // Every rep outside its band is stuck locally: one longer move, from the worst rep that has one.
      outside.sort((a, b) => amount[b] - amount[a] || a - b);
      for (const q of outside) {
        // each far search scans a whole territory: with many reps stuck, the sweep is long
        if (slicer.due()) await slicer.pause('balance', progress[0]);
        if (searchFar(q)) {
          j = q;
          break;
        }
      }
      if (j < 0) break;
    } else if (!searchNear(j, over[j] === 1)) {
      // park j with exponential back-off: a rep that waits for supply from elsewhere is not searched
      // again after every move in the region
      failures[j] = Math.min(failures[j] + 1, 12);
      parkedUntil[j] = applied + (1 << failures[j]);
      continue;
    }
    failures[j] = 0;
    const i = best.account;
    const from = s.owner[i];
    const to = best.to;
    log.move(i, from, to);
    applyMove(s, i, to);
    sorted.moved(i, from, to);
    if (movedOf.lists !== null) {
      if (from >= 0 && from !== s.orig[i]) {
        const list = movedOf.lists[from];
        list.splice(list.indexOf(i), 1);
      }
      if (to !== s.orig[i]) movedOf.lists[to].push(i);
    }
    applied++;
    gaveAt[from] = applied;
    tookAt[to] = applied;
    refresh(from);
    refresh(to);
    parkedUntil[from] = 0;
    parkedUntil[to] = 0;
  }
  return applied;
}
