import { applyMove, baseDistance, distanceCost, budgetAllows, distance, EPS, penalty, violation } from './objective.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';

/** How many far reps (nearest outside their band on the other side) to try when no neighbour helps. */
const FAR_CANDIDATES = 6;

/** Chord km between two reps' anchors. */
function chord(s: RebalanceState, a: number, b: number): number {
  return Math.hypot(s.ax[a] - s.ax[b], s.ay[a] - s.ay[b], s.az[a] - s.az[b]);
}

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
    const reach = nb.length > 0 ? 1.5 * chord(s, j, nb[nb.length - 1]) : 0;
    const rev = s.reverse[j].filter((h) => chord(s, j, h) <= reach);
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
 * range limit) after n/20 + 5·reps searches so that large plans finish in bounded time.
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
  mode: 'direct' | 'relay' | 'direct-anywhere',
): Promise<number> {
  const r = s.r;
  let direct = mode !== 'relay';
  let anywhere = mode === 'direct-anywhere';
  /** Relays can churn on large plans: past this many searches, switch to direct moves at any range. */
  const searchLimit = Math.ceil(s.n / 20) + 5 * r;
  let searches = 0;
  const amount = new Float64Array(r);
  const over = new Uint8Array(r);
  /** A rep with no improving move is parked until `applied` reaches this. */
  const parkedUntil = new Float64Array(r);
  const failures = new Uint8Array(r);
  const refresh = (j: number): void => {
    const v = violation(s, j);
    amount[j] = v.amount;
    over[j] = v.over ? 1 : 0;
  };
  let initial = 0;
  for (let j = 0; j < r; j++) {
    if (!s.free[j]) continue;
    refresh(j);
    if (amount[j] > 0) initial += amount[j];
  }
  const best: Best = { score: 0, account: -1, to: -1 };
  const ids = s.accounts;
  const better = (score: number, i: number, to: number): boolean =>
    score > best.score ||
    (score === best.score && best.account >= 0 && (ids[i].id < ids[best.account].id || (i === best.account && to < best.to)));

  /** Best move of one of j's accounts to one of `cands`. */
  const give = (j: number, cands: ArrayLike<number>): void => {
    const fj = penalty(s, j, 0, 0);
    const fc = new Float64Array(cands.length);
    let maxFc = 0;
    for (let q = 0; q < cands.length; q++) {
      fc[q] = penalty(s, cands[q], 0, 0);
      if (fc[q] > maxFc) maxFc = fc[q];
    }
    for (const i of s.members[j]) {
      if (s.fixed[i]) continue;
      const gj = fj - penalty(s, j, i, -1);
      if (gj + maxFc <= best.score) continue;
      const dj = baseDistance(s, i);
      for (let q = 0; q < cands.length; q++) {
        if (gj + fc[q] <= best.score) continue;
        const c = cands[q];
        const gain = gj + fc[q] - penalty(s, c, i, 1);
        if (gain <= EPS) continue;
        const extra = distance(s, i, c) - dj;
        const score = gain / distanceCost(proximity, extra, s.radius);
        if (!better(score, i, c)) continue;
        if (!budgetAllows(s, i, c)) {
          s.budgetHit = true;
          continue;
        }
        best.score = score;
        best.account = i;
        best.to = c;
      }
    }
  };

  /** Best move of an account of one of `cands` to j. */
  const pull = (j: number, cands: ArrayLike<number>): void => {
    const fj = penalty(s, j, 0, 0);
    for (let q = 0; q < cands.length; q++) {
      const h = cands[q];
      const fh = penalty(s, h, 0, 0);
      if (fh + fj <= best.score) continue;
      for (const i of s.members[h]) {
        if (s.fixed[i]) continue;
        const gain = fh - penalty(s, h, i, -1) + fj - penalty(s, j, i, 1);
        if (gain <= EPS || gain <= best.score) continue;
        const extra = distance(s, i, j) - baseDistance(s, i);
        const score = gain / distanceCost(proximity, extra, s.radius);
        if (!better(score, i, j)) continue;
        if (!budgetAllows(s, i, j)) {
          s.budgetHit = true;
          continue;
        }
        best.score = score;
        best.account = i;
        best.to = j;
      }
    }
  };

  /** Whether rep h is outside its band over target (dir +1) or under it (dir −1) on some metric. */
  const outsideOn = (h: number, dir: number): boolean => {
    for (let m = 0; m < s.k; m++) if (dir * (s.load[h * s.k + m] / s.cap[h] - 1) > s.band[h * s.k + m]) return true;
    return false;
  };

  /**
   * The free reps (not j) nearest to j that are outside their band under target (dir −1) or over it
   * (dir +1) on some metric — used only when no neighbour can help.
   */
  const farD = new Float64Array(FAR_CANDIDATES);
  const farH = new Int32Array(FAR_CANDIDATES);
  const far = (j: number, dir: number, reach: number): number[] => {
    // the FAR_CANDIDATES nearest in one pass (insertion into a small sorted buffer; ties to the lower index)
    let count = 0;
    for (let h = 0; h < r; h++) {
      if (!s.free[h] || h === j || !outsideOn(h, dir)) continue;
      const d = s.hasAnchor[j] && s.hasAnchor[h] ? chord(s, j, h) : 0;
      if (d > reach || (count === FAR_CANDIDATES && d >= farD[count - 1])) continue;
      let at = count < FAR_CANDIDATES ? count++ : FAR_CANDIDATES - 1;
      while (at > 0 && farD[at - 1] > d) {
        farD[at] = farD[at - 1];
        farH[at] = farH[at - 1];
        at--;
      }
      farD[at] = d;
      farH[at] = h;
    }
    return Array.from(farH.subarray(0, count));
  };

  const reset = (): void => {
    best.score = 0;
    best.account = -1;
    best.to = -1;
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
        give(j, takers);
        if (best.account < 0) pull(j, givers);
      } else {
        pull(j, givers);
        if (best.account < 0) give(j, takers);
      }
      // none nearby: the nearest such reps up to twice as far as the wider neighbourhood reaches
      // (one longer move beats a chain of relays; beyond that, relays keep territories compact)
      const reach = !anywhere && near.length > 0 && s.hasAnchor[j] ? 2 * chord(s, j, near[near.length - 1]) : Infinity;
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
    give(j, far(j, -1, reach));
    if (best.account >= 0) return true;
    pull(j, far(j, 1, reach));
    return best.account >= 0;
  };

  let applied = 0;
  let sweptAt = -1;
  for (;;) {
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
      if (direct && sweptAt === applied) break;
      if (sweptAt !== applied) {
        // parked reps wait out their back-off only while others make progress: retry them all now
        sweptAt = applied;
        for (const q of outside) parkedUntil[q] = applied;
        continue;
      }
      // Every rep outside its band is stuck locally: one longer move, from the worst rep that has one.
      outside.sort((a, b) => amount[b] - amount[a] || a - b);
      for (const q of outside) {
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
    applied++;
    refresh(from);
    refresh(to);
    parkedUntil[from] = 0;
    parkedUntil[to] = 0;
  }
  return applied;
}
