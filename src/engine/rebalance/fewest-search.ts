import { applyMove, bandPenalty, distance, withinReach } from './objective.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';

/** Search nodes (partial plans) per depth limit beyond the limit itself (a plan of d moves takes d nodes to reach). */
const NODES = 500;
/** Depth-limited searches at most (each a fresh search of at most limit + NODES nodes). */
const DEPTHS = 12;
/** Children followed per node, best first (by lower bound, then penalty, then km). */
const WIDTH = 4;
/** Plans with more moves than this, or more accounts × reps than WORK, are left alone. */
const MAX_MOVES = 1000;
const WORK = 400_000;
/** Rounds of the large-neighbourhood search (one attempt per rep each), and its nodes per attempt beyond the limit. */
const LNS_ROUNDS = 3;
const LNS_NODES = 200;
/** The large-neighbourhood search runs on plans of at most this many moves (small repairs; on larger ones it rarely saved a move). */
const LNS_MOVES = 64;
/**
 * How much more km in all (moved accounts to their new reps) a plan with fewer moves may travel than
 * the plan in hand and still replace it (not with proximity 0).
 */
const KM_SLACK = 0.05;
/** Passes of `rearrange` at most (each over every move). */
const PASSES = 3;
/** Up to this many possible plans (free reps ^ movable accounts) the search follows every move: exact. */
const TINY = 200_000;
/** Moves (account → rep) the search may look at in all, over every depth limit and attempt. */
const OFFERS = 6_000_000;
/** Nodes between two slicer checks. */
const CHECK = 64;

/** A plan found by the search: destination per account (−1: stays) and its number of moves. */
interface Plan {
  dest: Int32Array;
  moves: number;
}

interface Child {
  lb: number;
  pen: number;
  km: number;
  i: number;
  to: number;
}

/**
 * Fewest moves by a bounded tree search from the starting plan, guided by a lower bound on the moves
 * still needed: a rep over its band on a metric must give at least as many of its own accounts as it
 * takes its largest ones to shed the excess, a rep under its band must take at least as many as the
 * largest accounts anywhere need to fill the gap, and every move gives once and takes once, so at
 * least max(Σ gives, Σ takes) moves remain. Each node branches on the rep furthest outside its band
 * (over-target reps first) and follows its WIDTH best moves (the child's bound, then the penalty of
 * the two reps, then km); a child whose moves + bound exceed the depth limit is cut. With a tight
 * bound the search reaches plans the move-by-move search misses: only reps that must give do give,
 * each with as few accounts as it can (bench/optimum.bench.ts measures it against the exact optimum).
 *
 * 1. Depth-limited searches (at most limit + NODES nodes each), the first one below the plan in hand
 *    (or at MAX_MOVES when that is not balanced), each next one below the plan just found, until one
 *    finds nothing (at most DEPTHS).
 * 2. On small plans (≤ LNS_MOVES moves), a large-neighbourhood search: for each rep, every move not
 *    touching it is kept and the rest searched again with one move fewer in all.
 * 3. The plan found replaces the plan in hand when it has fewer moves, after a pass that shortens its
 *    moves (same count: `rearrange`), unless it makes the moved accounts travel more than KM_SLACK
 *    further in all (not checked with proximity 0, nor when the plan in hand is not balanced).
 * 4. Under a move budget the plan found may still be larger than `maxMoves`: then its least useful
 *    moves are undone down to the budget (`trim`), the rest rearranged with as many moves towards
 *    balance (`rearrange` again), and it replaces the plan in hand only if it leaves fewer reps outside their
 *    bands, or as many with a smaller worst excess.
 *
 * A plan counts as balanced with every free rep within ±tolerance (or its wider band from
 * rebalance/limits.ts), not the narrower band of the move-by-move search. Locked accounts, locked
 * reps, `maxPotentialMoved` and the distance limit hold; skipped when an account has no active
 * starting owner, and on large plans (more than MAX_MOVES moves or WORK accounts × reps).
 * Deterministic (fixed order; ties to the lower account index).
 *
 * @returns the number of moves saved (from an unbalanced plan: 1 when it found a balanced one, else 0)
 */
export async function fewestSearch(
  s: RebalanceState,
  tolerance: number,
  proximity: number,
  log: ReasonLog,
  slicer: Slicer,
  fraction: number,
): Promise<number> {
  const { n, r, k } = s;
  if (s.moved > MAX_MOVES || n * r > WORK) return 0;
  /** Accounts without an active starting owner: each must go to a free rep (one move each). */
  const orphan = (i: number): boolean => s.orig[i] < 0 || !s.active[s.orig[i]];
  // bands: the tolerance (not the search's narrower band), or the wider band a limit set
  const lo = new Float64Array(r * k);
  const hi = new Float64Array(r * k);
  for (let j = 0; j < r; j++) {
    for (let m = 0; m < k; m++) {
      const b = Math.max(s.band[j * k + m], tolerance) - 1e-9;
      lo[j * k + m] = s.cap[j] * (1 - b);
      hi[j * k + m] = s.cap[j] * (1 + b);
    }
  }
  const inBandNow = (load: Float64Array): boolean => {
    for (let j = 0; j < r; j++) {
      if (!s.free[j]) continue;
      for (let m = 0; m < k; m++) if (load[j * k + m] < lo[j * k + m] || load[j * k + m] > hi[j * k + m]) return false;
    }
    return true;
  };
  let placed = true;
  for (let i = 0; i < n; i++) if (s.owner[i] < 0 || !s.active[s.owner[i]]) placed = false;
  const have = placed && inBandNow(s.load) ? s.moved : Infinity;
  if (have <= 1) return 0;

  // candidates: movable accounts of free reps; per rep and metric, its own accounts by value (largest first)
  const movable = new Uint8Array(n);
  const orphans: number[] = [];
  const own: Int32Array[] = [];
  const byRep: number[][] = Array.from({ length: r }, () => []);
  for (let i = 0; i < n; i++) {
    if (orphan(i) && s.fixed[i]) return 0; // a locked account without an active owner: never balanced
    if (s.fixed[i] || !(orphan(i) || s.free[s.orig[i]])) continue;
    movable[i] = 1;
    if (orphan(i)) {
      orphans.push(i);
      continue;
    }
    byRep[s.orig[i]].push(i);
  }
  for (let j = 0; j < r; j++) {
    for (let m = 0; m < k; m++) own.push(Int32Array.from(byRep[j]).sort((a, b) => s.val[b * k + m] - s.val[a * k + m] || a - b));
  }
  // per metric, prefix sums of the largest values of all movable accounts (for what a rep can take)
  const prefix: Float64Array[] = [];
  for (let m = 0; m < k; m++) {
    const v: number[] = [];
    for (let i = 0; i < n; i++) if (movable[i]) v.push(s.val[i * k + m]);
    v.sort((a, b) => b - a);
    const p = new Float64Array(v.length + 1);
    for (let q = 0; q < v.length; q++) p[q + 1] = p[q] + v[q];
    prefix.push(p);
  }
  const free: number[] = [];
  for (let j = 0; j < r; j++) if (s.free[j]) free.push(j);

  const load = new Float64Array(r * k);
  for (let i = 0; i < n; i++) if (!orphan(i)) for (let m = 0; m < k; m++) load[s.orig[i] * k + m] += s.val[i * k + m];
  const moved = new Uint8Array(n);
  const dest = new Int32Array(n).fill(-1);

  /** Least accounts rep j must give (g) and take (t) with its load shifted by `d` (one account's values, sign). */
  const needs = (j: number, d: number, sign: number): [number, number] => {
    if (!s.free[j]) return [0, 0];
    let give = 0;
    let take = 0;
    for (let m = 0; m < k; m++) {
      const l = load[j * k + m] + (d >= 0 ? sign * s.val[d * k + m] : 0);
      if (l > hi[j * k + m]) {
        let e = l - hi[j * k + m];
        let c = 0;
        const list = own[j * k + m];
        for (let q = 0; q < list.length && e > 0; q++) {
          const i = list[q];
          if (moved[i] || i === d) continue;
          e -= s.val[i * k + m];
          c++;
        }
        give = Math.max(give, e > 0 ? Infinity : c);
      } else if (l < lo[j * k + m]) {
        const g = lo[j * k + m] - l;
        const p = prefix[m];
        // smallest c with p[c] ≥ g
        let a = 0;
        let b = p.length - 1;
        if (p[b] < g) return [give, Infinity];
        while (a < b) {
          const c = (a + b) >> 1;
          if (p[c] >= g) b = c;
          else a = c + 1;
        }
        take = Math.max(take, a);
      }
    }
    return [give, take];
  };
  /** Rep j's penalty beyond its band with account `plus` added and `minus` removed (−1: none). */
  const pen = (j: number, plus: number, minus: number): number => {
    let f = 0;
    for (let m = 0; m < k; m++) {
      const l = load[j * k + m] + (plus >= 0 ? s.val[plus * k + m] : 0) - (minus >= 0 ? s.val[minus * k + m] : 0);
      f += bandPenalty(l / s.cap[j] - 1, hi[j * k + m] / s.cap[j] - 1);
    }
    return f;
  };

  const give = new Float64Array(r);
  const take = new Float64Array(r);
  let sumGive = 0;
  let sumTake = 0;
  for (const j of free) {
    [give[j], take[j]] = needs(j, -1, 0);
    sumGive += give[j];
    sumTake += take[j];
  }
  let unplaced = orphans.length;
  /** Moves looked at so far (the search stops at OFFERS: its cost bounded by work, not by the clock, so it stays deterministic). */
  let work = 0;
  /** Applies (sign 1) or undoes (−1) the move of account i from its starting rep (none for an orphan) to `to`. */
  const apply = (i: number, to: number, sign: number): void => {
    const reps = orphan(i) ? [to] : [s.orig[i], to];
    if (reps.length === 1) unplaced -= sign;
    for (const j of reps) {
      sumGive -= give[j];
      sumTake -= take[j];
    }
    for (let m = 0; m < k; m++) {
      if (reps.length === 2) load[reps[0] * k + m] -= sign * s.val[i * k + m];
      load[to * k + m] += sign * s.val[i * k + m];
    }
    moved[i] = sign > 0 ? 1 : 0;
    dest[i] = sign > 0 ? to : -1;
    for (const j of reps) {
      [give[j], take[j]] = needs(j, -1, 0);
      sumGive += give[j];
      sumTake += take[j];
    }
  };
  const bound = (): number => Math.max(sumGive + unplaced, sumTake);
  // tiny plans (≤ TINY possible plans): every move at every node, so the search is exact
  const tiny = free.length ** (orphans.length + byRep.reduce((a, l) => a + l.length, 0)) <= TINY;
  const width = tiny ? Infinity : WIDTH;
  // proximity ≥ 1 asks for chains of short hand-overs (price-moves.ts), not the fewest moves: only the exact case then
  if (proximity >= 1 && !tiny) return 0;
  // beyond the exact case, orphans keep the rep assign-orphans.ts placed them with (a near one): applied first
  const pins = tiny ? [] : orphans.filter((i) => s.owner[i] >= 0 && s.free[s.owner[i]]);
  const pinned = new Uint8Array(n);
  let pinPot = 0;
  for (const i of pins) {
    apply(i, s.owner[i], 1);
    pinned[i] = 1;
    pinPot += s.potential[i];
  }

  /** The best WIDTH moves at this node (rep furthest outside its band first), with pot = potential moved so far. */
  const children = (depth: number, limit: number, pot: number): Child[] => {
    let pick = -1;
    let worst = 0;
    let pickOver = false;
    for (const j of free) {
      for (let m = 0; m < k; m++) {
        const l = load[j * k + m];
        const over = l > hi[j * k + m];
        const e = over ? (l - hi[j * k + m]) / s.cap[j] : l < lo[j * k + m] ? (lo[j * k + m] - l) / s.cap[j] : 0;
        if (e <= 0) continue;
        if ((over && !pickOver) || (over === pickOver && e > worst)) {
          pick = j;
          worst = e;
          pickOver = over;
        }
      }
    }
    if (pick < 0 && unplaced === 0) return [];
    const out: Child[] = [];
    const penNow = new Float64Array(r);
    for (const j of free) penNow[j] = pen(j, -1, -1);
    // with one side's change fixed (the giver's, for an account i): offer i to `to`
    const offer = (i: number, to: number, gf: number, tf: number, pf: number): void => {
      work++;
      if (s.potential[i] + pot > s.maxPotentialMoved * (1 + 1e-12) || !withinReach(s, i, to)) return;
      const from = orphan(i) ? to : s.orig[i];
      const [gt, tt] = needs(to, i, 1);
      // an orphan: its rep's terms are the destination's, counted once; and it is placed
      const o = from === to ? 1 : 0;
      const lb = Math.max(sumGive + unplaced - o - give[from] - give[to] * (1 - o) + gf * (1 - o) + gt, sumTake - take[from] - take[to] * (1 - o) + tf * (1 - o) + tt);
      if (depth + 1 + lb > limit) return;
      const p = pf + pen(to, i, -1) - penNow[to];
      if (out.length === width) {
        const last = out[width - 1];
        if (lb > last.lb || (lb === last.lb && p > last.pen)) return;
      }
      const km = distance(s, i, to) - distance(s, i, from);
      const c: Child = { lb, pen: p, km, i, to };
      // keep the WIDTH best, sorted
      let at = out.length;
      while (at > 0 && worse(out[at - 1], c)) at--;
      if (at >= width) return;
      out.splice(at, 0, c);
      if (out.length > width) out.pop();
    };
    const giver = (i: number, to: number | -1): void => {
      const from = s.orig[i];
      const [gf, tf] = needs(from, i, -1);
      // the giver's own change already exceeds the limit whatever the destination: a rep's give count
      // cannot drop by taking an account, and its take count drops by at most one
      if (depth + 1 + Math.max(sumGive + unplaced - give[from] + gf, sumTake - take[from] + tf - 1) > limit) return;
      const pf = pen(from, -1, i) - penNow[from];
      if (to >= 0) offer(i, to, gf, tf, pf);
      // not to a rep that only has to give (it would have to give still more), unless exact
      else for (const t of free) if (t !== from && (tiny || give[t] === 0 || take[t] > 0)) offer(i, t, gf, tf, pf);
    };
    const first = orphans.find((i) => !moved[i]);
    if (first !== undefined) {
      // orphans first: the lowest unplaced one goes to some free rep
      for (const t of free) offer(first, t, 0, 0, 0);
    } else if (pickOver) {
      for (const i of byRep[pick]) if (!moved[i]) giver(i, -1);
    } else {
      for (const from of free) {
        if (from === pick) continue;
        for (const i of byRep[from]) if (!moved[i]) giver(i, pick);
      }
    }
    return out;
  };

  /**
   * One depth-limited search from the current search state (`base` moves already applied, `pot0`
   * their potential): the first balanced plan within `limit` moves in all, or null after limit + extra nodes.
   */
  const dive = async (limit: number, extra: number, base: number, pot0: number): Promise<Plan | null> => {
    // iterative DFS with an explicit stack of child lists
    const stack: { list: Child[]; at: number; pot: number }[] = [{ list: children(base, limit, pot0), at: 0, pot: pot0 }];
    const path: Child[] = [];
    let nodes = 0;
    let found: Plan | null = null;
    while (stack.length > 0 && nodes < limit - base + extra && work < OFFERS) {
      const top = stack[stack.length - 1];
      if (top.at >= top.list.length) {
        stack.pop();
        const c = path.pop();
        if (c) apply(c.i, c.to, -1);
        continue;
      }
      const c = top.list[top.at++];
      apply(c.i, c.to, 1);
      path.push(c);
      nodes++;
      if (nodes % CHECK === 0 && slicer.due()) await slicer.pause('balance', fraction);
      if (unplaced === 0 && inBandNow(load)) {
        found = { dest: Int32Array.from(dest), moves: base + path.length };
        break;
      }
      const pot = top.pot + s.potential[c.i];
      stack.push({ list: base + path.length < limit ? children(base + path.length, limit, pot) : [], at: 0, pot });
    }
    // back to where it started
    while (path.length > 0) {
      const c = path.pop() as Child;
      apply(c.i, c.to, -1);
    }
    return found;
  };

  const setPlan = (plan: Plan, sign: number): void => {
    for (let i = 0; i < n; i++) if (plan.dest[i] >= 0) apply(i, plan.dest[i], sign);
  };
  /**
   * The same number of moves, rearranged: each moved account a (A → B), longest detour first, goes to
   * another rep C instead, or goes back while an account y goes to B in its place (of A with `byKm`,
   * else of any rep).
   * `byKm` (a balanced plan): the change with the shortest detour that keeps every rep touched within
   * its band (no penalty added), if shorter than a's. Else (a plan cut to a budget): the change that
   * lowers the penalty of the reps touched most. A few passes, until none helps.
   */
  const rearrange = (plan: Plan, byKm: boolean): Plan => {
    setPlan(plan, 1);
    let pot = 0;
    for (let i = 0; i < n; i++) if (dest[i] >= 0) pot += s.potential[i];
    const detour = (i: number, to: number): number => distance(s, i, to) - distance(s, i, s.orig[i]);
    for (let pass = 0; pass < PASSES; pass++) {
      let changed = false;
      const list: number[] = [];
      for (let i = 0; i < n; i++) if (dest[i] >= 0 && !orphan(i)) list.push(i);
      list.sort((a, b) => detour(b, dest[b]) - detour(a, dest[a]) || a - b);
      for (const a of list) {
        const A = s.orig[a];
        const B = dest[a];
        const now = pen(A, -1, -1) + pen(B, -1, -1);
        let best = byKm ? detour(a, B) - 1e-6 : -1e-15;
        let to = -1;
        let y = -1;
        const consider = (d: number, km: number, c: number, x: number): void => {
          const v = byKm ? (d <= 1e-15 ? km : Infinity) : d;
          if (v < best) {
            best = v;
            to = c;
            y = x;
          }
        };
        for (const c of free) {
          if (c !== A && c !== B && withinReach(s, a, c)) consider(pen(B, -1, a) + pen(c, a, -1) - pen(c, -1, -1) - pen(B, -1, -1), detour(a, c), c, -1);
        }
        // (shorter moves: an account of A only; towards balance: of any rep)
        for (const x of byKm ? [A] : free) {
          if (x === B) continue;
          const px = pen(A, a, -1) - pen(x, -1, -1);
          for (const q of byRep[x]) {
            if (moved[q] || !withinReach(s, q, B) || pot - s.potential[a] + s.potential[q] > s.maxPotentialMoved * (1 + 1e-12)) continue;
            const after = x === A ? pen(A, a, q) : px + pen(x, -1, q);
            consider(after + pen(B, q, a) - now, detour(q, B), -1, q);
          }
        }
        if (to < 0 && y < 0) continue;
        apply(a, B, -1);
        if (y >= 0) {
          apply(y, B, 1);
          pot += s.potential[y] - s.potential[a];
        } else apply(a, to, 1);
        changed = true;
      }
      if (!changed) break;
    }
    const out = { dest: Int32Array.from(dest), moves: plan.moves };
    setPlan(out, -1);
    return out;
  };
  /** The plan with its moves cut to `budget`, undoing each time the move whose undo raises the penalty least. */
  const trim = (plan: Plan, budget: number): Plan => {
    setPlan(plan, 1);
    let moves = plan.moves;
    for (; moves > budget; moves--) {
      let pick = -1;
      let least = Infinity;
      for (let i = 0; i < n; i++) {
        const to = dest[i];
        if (to < 0 || orphan(i)) continue;
        const d = pen(s.orig[i], i, -1) + pen(to, -1, i) - pen(s.orig[i], -1, -1) - pen(to, -1, -1);
        if (d < least) {
          least = d;
          pick = i;
        }
      }
      if (pick < 0) break;
      apply(pick, dest[pick], -1);
    }
    const out = { dest: Int32Array.from(dest), moves };
    setPlan(out, -1);
    return out;
  };
  /** Reps outside their bands and the worst excess of loads `l`, as one number to compare (count first). */
  const outside = (l: Float64Array): number => {
    let count = 0;
    let worst = 0;
    for (const j of free) {
      let e = 0;
      for (let m = 0; m < k; m++) e = Math.max(e, (l[j * k + m] - hi[j * k + m]) / s.cap[j], (lo[j * k + m] - l[j * k + m]) / s.cap[j]);
      if (e > 0) count++;
      worst = Math.max(worst, e);
    }
    return count + Math.min(worst, 0.999);
  };
  /** Km from each moved account to its new rep (chords, as the state measures), summed: of `plan`, or of the plan in hand (null). */
  const travel = (plan: Int32Array | null): number => {
    let t = 0;
    for (let i = 0; i < n; i++) {
      const to = plan ? plan[i] : s.owner[i] !== s.orig[i] ? s.owner[i] : -1;
      if (to >= 0) t += distance(s, i, to);
    }
    return t;
  };
  let best: Plan | null = null;
  const start = bound();
  if (start >= have) {
    // the plan in hand already has as few moves as the bound: nothing to gain
    for (const i of pins) apply(i, s.owner[i], -1);
    return 0;
  }
  // depth limits from the plan in hand downward (without a balanced plan, from MAX_MOVES): each
  // success sets the next limit one below it; the first limit without a plan ends this part
  let limit = have === Infinity ? MAX_MOVES : have - 1;
  let tries = 0;
  while (limit >= Math.max(1, start) && tries++ < DEPTHS) {
    const found = await dive(limit, tiny ? TINY : NODES, pins.length, pinPot);
    if (!found) break;
    best = found;
    limit = found.moves - 1;
  }
  // then a large-neighbourhood search: keep every move not touching one rep, search the rest again
  // with one move fewer in all; rep after rep until a whole round saves nothing
  let improved = best !== null;
  let rounds = 0;
  while (best && improved && rounds++ < LNS_ROUNDS && best.moves > start && best.moves <= LNS_MOVES) {
    improved = false;
    for (const j of free) {
      if (best.moves <= start) break;
      const kept: number[] = [];
      let pot = 0;
      let touches = false;
      for (let i = 0; i < n; i++) {
        const to = best.dest[i];
        if (to < 0 || pinned[i]) continue;
        if (to === j || s.orig[i] === j) touches = true;
        else {
          kept.push(i);
          pot += s.potential[i];
        }
      }
      if (!touches) continue;
      for (const i of kept) apply(i, best.dest[i], 1);
      const found = await dive(best.moves - 1, LNS_NODES, kept.length + pins.length, pot + pinPot);
      for (const i of kept) apply(i, best.dest[i], -1);
      if (found) {
        best = found;
        improved = true;
      }
    }
  }
  for (const i of pins) apply(i, s.owner[i], -1);
  if (!best) return 0;
  const balanced = best.moves <= s.maxMoves;
  if (!balanced) {
    // over a move budget: the plan with the moves that matter least undone, when it ends closer to balance than the plan in hand
    best = rearrange(trim(best, s.maxMoves), false);
    const was = outside(s.load);
    setPlan(best, 1);
    const now = outside(load);
    setPlan(best, -1);
    if (now >= was - 1e-12) return 0;
  } else {
    if (best.moves >= have) return 0;
    best = rearrange(best, true);
    // fewer moves, but not at the price of much longer travel in all (unless proximity is 0)
    if (have !== Infinity && proximity > 0 && travel(best.dest) > (1 + KM_SLACK) * travel(null)) return 0;
  }
  const before = s.moved;
  for (let i = 0; i < n; i++) if (s.owner[i] !== s.orig[i] && movable[i] && !orphan(i)) applyMove(s, i, s.orig[i]);
  for (let i = 0; i < n; i++) {
    const to = best.dest[i];
    if (to < 0 || s.owner[i] === to) continue;
    if (orphan(i)) log.orphan(i, s.orig[i], to);
    else log.move(i, s.owner[i], to);
    applyMove(s, i, to);
  }
  return !balanced ? 0 : have === Infinity ? 1 : before - best.moves;
}

/** Whether child a comes after child b (higher bound, then more penalty, then more km, then higher index). */
function worse(a: Child, b: Child): boolean {
  if (a.lb !== b.lb) return a.lb > b.lb;
  if (a.pen !== b.pen) return a.pen > b.pen;
  if (a.km !== b.km) return a.km > b.km;
  return a.i > b.i || (a.i === b.i && a.to > b.to);
}
