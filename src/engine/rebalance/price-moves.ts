import { applyMove, distance, withinReach } from './objective.js';
import { balanceMoves } from './balance-moves.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';

/** Rounds of price updates. */
const ROUNDS = 30;
/** What leaving its starting rep costs an account, in typical territory radii (keeps moves few). */
const STICK = 3.5;
/** First price step per unit of deviation beyond the band, in radii per average account; it decays as 1 / (1 + DECAY·round). */
const STEP = 1;
const DECAY = 0.05;
/**
 * Share of its band a rep's price reacts beyond: prices keep pushing until a rep is well inside its
 * band, so the local search is left with little to do (and no reason for long moves).
 */
const AIM = 0.5;
/**
 * Accounts between two slicer checks. Small, because the pass runs once per rebalance: its loops run
 * cold (interpreted) at first, several times slower than once optimised.
 */
const CHUNK = 1024;

/**
 * Routes regional imbalance through chains of neighbouring reps before the local search, by prices:
 * every account goes to whichever of its starting rep and that rep's nearest reps costs least, where
 * cost = km to the rep's anchor + STICK radii if it is not the starting rep + Σ_m price_jm · value_m.
 * A rep beyond half its band has its price raised (over target) or lowered (under) in proportion to
 * how far beyond it is, round after round. A region that is over target as a whole thus pushes its
 * border accounts to the neighbouring reps, which pass their own border accounts on, and so on, so
 * the excess travels as many short hand-overs instead of a few long moves across the map (which is
 * what makes territories sprawl); the stick keeps accounts home unless the price difference is worth
 * a move. The loads after the last round are not exactly inside the bands; a short relay search
 * ('relay-only': moves to or from the nearest reps only, at most 3 searches per rep) settles what is
 * left against the neighbours' slack, and the main search finishes.
 *
 * Reasons are written with the loads as the pass found them: a rep that gives while within its band
 * is explained as a link in a chain.
 *
 * Skipped when `maxMoves` or `maxPotentialMoved` is set (a tight budget is better spent by the local
 * search, move by move). Only accounts that may move, have a position and sit with a free anchored
 * rep take part. Deterministic: fixed order, no randomness.
 *
 * @param s the state after orphans were placed
 * @param adj candidate partner reps of each free rep (from `adjacency`), for the relay search
 * @param proximity the distance preference of the relay search (as in `balanceMoves`)
 * @param log the reason log
 * @param slicer yields between slices
 * @param progress the progress fraction range to report while running
 * @returns the number of accounts the price rounds moved
 *
 * @example
 * const moved = await priceMoves(s, adjacency(s), 0.3, log, slicer, [0.2, 0.25]);
 */
export async function priceMoves(
  s: RebalanceState,
  adj: Int32Array[],
  proximity: number,
  log: ReasonLog,
  slicer: Slicer,
  progress: [number, number],
): Promise<number> {
  if (s.maxMoves !== Infinity || s.maxPotentialMoved !== Infinity) return 0;
  const { n, r, k } = s;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % CHUNK === 0 && slicer.due()) await slicer.pause('balance', progress[0]);
    const j = s.owner[i];
    if (s.fixed[i] || j < 0 || !s.free[j] || !s.hasPos[i] || !s.hasAnchor[j] || s.neighbours[j].length === 0) continue;
    idx.push(i);
  }
  const m = idx.length;
  if (m === 0) return 0;
  // candidates per account: its starting rep first, then that rep's neighbours (free and anchored)
  let width = 1;
  for (let j = 0; j < r; j++) width = Math.max(width, 1 + s.neighbours[j].length);
  // two large arrays (≈ 13 MB at 100k accounts take ≈ 15 ms to allocate and fill): start them on a
  // fresh slice so that the slice they land in stays short
  if (m * width > 65_536) await slicer.pause('balance', progress[0]);
  const cand = new Int32Array(m * width).fill(-1);
  const dist = new Float64Array(m * width);
  const choice = new Int32Array(m);
  for (let q = 0; q < m; q++) {
    if (q % CHUNK === 0 && slicer.due()) await slicer.pause('balance', progress[0]);
    const i = idx[q];
    const j = s.owner[i];
    choice[q] = j;
    cand[q * width] = j;
    dist[q * width] = distance(s, i, j);
    const nb = s.neighbours[j];
    // (under a distance limit only the neighbours within it; the list stays packed, −1 after)
    for (let c = 0, at = 1; c < nb.length; c++) {
      if (!withinReach(s, i, nb[c])) continue;
      cand[q * width + at] = nb[c];
      dist[q * width + at] = distance(s, i, nb[c]);
      at++;
    }
  }
  const stick = STICK * s.radius;
  // for each account, how much more (distance + stick) the cheapest other candidate costs than its
  // current choice; with `spread` (price range over a rep and its neighbours) it lets a round skip
  // accounts that cannot change hands
  const margin = new Float64Array(m);
  const setMargin = (q: number): void => {
    let own = 0;
    for (let c = 0; c < width; c++) if (cand[q * width + c] === choice[q]) own = dist[q * width + c] + (c === 0 ? 0 : stick);
    let min = Infinity;
    for (let c = 0; c < width; c++) {
      const j = cand[q * width + c];
      if (j < 0) break;
      if (j === choice[q]) continue;
      const v = dist[q * width + c] + (c === 0 ? 0 : stick);
      if (v < min) min = v;
    }
    margin[q] = min - own;
  };
  for (let q = 0; q < m; q++) {
    if (q % CHUNK === 0 && slicer.due()) await slicer.pause('balance', progress[0]);
    setMargin(q);
  }
  const spread = new Float64Array(r * k);
  const load = Float64Array.from(s.load);
  const price = new Float64Array(r * k);
  // a price of `scale` makes an average account cost one typical radius more
  let capTotal = 0;
  for (let j = 0; j < r; j++) if (s.free[j]) capTotal += s.cap[j];
  const scale = (s.radius * m) / Math.max(1e-9, capTotal);
  for (let t = 0; t < ROUNDS; t++) {
    const step = (STEP * scale) / (1 + t * DECAY);
    for (let j = 0; j < r; j++) {
      if (!s.free[j]) continue;
      for (let mm = 0; mm < k; mm++) {
        const d = load[j * k + mm] / s.cap[j] - 1;
        const b = s.band[j * k + mm] * AIM;
        price[j * k + mm] += step * (d > b ? d - b : d < -b ? d + b : 0);
      }
    }
    // the price spread over each rep and its neighbours (an account's candidates) per metric
    for (let j = 0; j < r; j++) {
      if (!s.free[j] || !s.hasAnchor[j]) continue;
      const nb = s.neighbours[j];
      for (let mm = 0; mm < k; mm++) {
        let lo = price[j * k + mm];
        let hi = lo;
        for (let c = 0; c < nb.length; c++) {
          const p = price[nb[c] * k + mm];
          if (p < lo) lo = p;
          if (p > hi) hi = p;
        }
        spread[j * k + mm] = hi - lo;
      }
    }
    // each account to its cheapest candidate, loads updated as we go
    for (let q = 0; q < m; q++) {
      if (q % CHUNK === 0 && slicer.due()) {
        await slicer.pause('balance', progress[0] + ((progress[1] - progress[0]) * t) / ROUNDS);
      }
      const i = idx[q];
      // no candidate can undercut the current choice when the distance + stick it would save is
      // more than the prices around can make up (with a margin for rounding): skip the account
      let bound = 0;
      for (let mm = 0; mm < k; mm++) bound += spread[cand[q * width] * k + mm] * s.val[i * k + mm];
      if (margin[q] > bound * (1 + 1e-9) + 1e-9 * s.radius) continue;
      let to = -1;
      let low = Infinity;
      for (let c = 0; c < width; c++) {
        const j = cand[q * width + c];
        if (j < 0) break;
        let cost = dist[q * width + c] + (c === 0 ? 0 : stick);
        for (let mm = 0; mm < k; mm++) cost += price[j * k + mm] * s.val[i * k + mm];
        if (cost < low) {
          low = cost;
          to = j;
        }
      }
      const was = choice[q];
      if (to === was) continue;
      for (let mm = 0; mm < k; mm++) {
        load[was * k + mm] -= s.val[i * k + mm];
        load[to * k + mm] += s.val[i * k + mm];
      }
      choice[q] = to;
      setMargin(q);
    }
  }
  // reasons read the loads as the pass found them (mid-way states would depend on account order)
  const moves: number[] = [];
  for (let q = 0; q < m; q++) {
    if (q % CHUNK === 0 && slicer.due()) await slicer.pause('balance', progress[1]);
    if (choice[q] === s.owner[idx[q]]) continue;
    moves.push(q);
    log.chain(idx[q], s.owner[idx[q]], choice[q]);
  }
  for (let c = 0; c < moves.length; c++) {
    if (c % CHUNK === 0 && slicer.due()) await slicer.pause('balance', progress[1]);
    applyMove(s, idx[moves[c]], choice[moves[c]]);
  }
  // what is left is spread thinly: settle it with neighbours' slack before any longer move is tried
  await balanceMoves(s, adj, proximity, log, slicer, progress, 'relay-only');
  return moves.length;
}
