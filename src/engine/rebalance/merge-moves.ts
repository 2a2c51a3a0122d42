import { applyMove, bandPenalty, budgetAllows, distance, EPS, withinReach } from './objective.js';
import type { ReasonLog } from './reasons.js';
import type { Slicer } from './slicer.js';
import type { RebalanceState } from './state.js';

/** Moved accounts per (rep, direction) looked at in one pass: bounds the pair scans. */
const LIST = 40;
/** Passes over every rep before giving up (each pass saves moves or stops). */
const PASSES = 4;

/**
 * Fewer moves for the same balance: after the search, replaces pairs of moves by one wherever every
 * rep it touches stays within its band (the objective does not grow) and the budgets and the
 * distance limit allow. Two rewrites:
 * - shortcut: a chain A → B → C (account a went from A to B, and b from B to C) becomes a → C with b
 *   back at B, when B and C can absorb the difference between a and b;
 * - merge: two accounts a, b that both went from A to B go back, and one account c of A whose
 *   values are close to their sum goes to B instead.
 * Among the rewrites of one rep, the one adding the least distance is taken first. Each rewrite
 * lowers the number of moves by one, so the pass ends. Then each moved account is swapped for a
 * nearer one of its starting rep that fits the same bands (`substitute`): as many moves, shorter.
 *
 * @returns the number of moves saved
 */
export async function mergeMoves(s: RebalanceState, log: ReasonLog, slicer: Slicer, fraction: number): Promise<number> {
  const { k, r } = s;
  const dA = new Float64Array(k);
  const dB = new Float64Array(k);
  const dC = new Float64Array(k);
  /** Rep j's penalty with `delta` added to its load. */
  const pen = (j: number, delta: Float64Array | null): number => {
    let f = 0;
    for (let m = 0; m < k; m++) f += bandPenalty((s.load[j * k + m] + (delta ? delta[m] : 0)) / s.cap[j] - 1, s.band[j * k + m]);
    return f;
  };
  const movable = (i: number): boolean => !s.fixed[i];
  let saved = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    // moved accounts by current owner (ins) and by starting owner (outs), free reps only
    const ins: number[][] = Array.from({ length: r }, () => []);
    const outs: number[][] = Array.from({ length: r }, () => []);
    for (let i = 0; i < s.n; i++) {
      if ((i & 4095) === 0 && slicer.due()) await slicer.pause('balance', fraction);
      const o = s.orig[i];
      const j = s.owner[i];
      if (j === o || j < 0 || o < 0 || !movable(i) || !s.free[o] || !s.free[j]) continue;
      ins[j].push(i);
      outs[o].push(i);
    }
    let found = 0;
    for (let b = 0; b < r; b++) {
      if (slicer.due()) await slicer.pause('balance', fraction);
      if (!s.free[b]) continue;
      // shortcut: a (A → b) and x (b → C) become a → C, x back at b
      let best = Infinity;
      let bestA = -1;
      let bestX = -1;
      const inList = ins[b].slice(0, LIST);
      const outList = outs[b].slice(0, LIST);
      for (const a of inList) {
        if (s.owner[a] !== b) continue;
        for (const x of outList) {
          const c = s.owner[x];
          if (c === b || !s.free[c] || s.owner[a] !== b) continue;
          // b: −a + x; c: −x + a
          for (let m = 0; m < k; m++) {
            dB[m] = s.val[x * k + m] - s.val[a * k + m];
            dC[m] = -dB[m];
          }
          if (pen(b, dB) + pen(c, dC) > pen(b, null) + pen(c, null) + EPS) continue;
          if (!withinReach(s, a, c)) continue;
          const extra = distance(s, a, c) - distance(s, a, b);
          if (extra < best) {
            best = extra;
            bestA = a;
            bestX = x;
          }
        }
      }
      if (bestA >= 0 && budgetAllows(s, bestX, b)) {
        const c = s.owner[bestX];
        applyMove(s, bestX, b);
        if (budgetAllows(s, bestA, c)) {
          log.move(bestA, b, c);
          applyMove(s, bestA, c);
          found++;
          continue;
        }
        applyMove(s, bestX, c);
      }
      // merge: a, x (A → b) go back, one account y of A goes to b
      const byOrigin = new Map<number, number[]>();
      for (const a of inList) {
        if (s.owner[a] !== b) continue;
        const o = s.orig[a];
        const list = byOrigin.get(o);
        if (list) list.push(a);
        else byOrigin.set(o, [a]);
      }
      let mBest = Infinity;
      let m1 = -1;
      let m2 = -1;
      let mY = -1;
      for (const [A, list] of byOrigin) {
        if (list.length < 2) continue;
        const base = pen(A, null) + pen(b, null);
        // with both reps inside their bands (the usual case), a y keeps them there only if each of its
        // values lies in a window: checked first, cheaply, before the exact penalties
        const inside = base === 0;
        const ys: number[] = [];
        for (const y of s.members[A]) if (movable(y) && s.orig[y] === A) ys.push(y);
        for (let p = 0; p < list.length; p++) {
          for (let q = p + 1; q < list.length; q++) {
            const a = list[p];
            const x = list[q];
            if (inside) {
              for (let m = 0; m < k; m++) {
                const sum = s.val[a * k + m] + s.val[x * k + m];
                const la = s.load[A * k + m];
                const lb = s.load[b * k + m];
                // A: la + sum − y within A's band; b: lb − sum + y within b's band
                const lo1 = la + sum - s.cap[A] * (1 + s.band[A * k + m]);
                const hi1 = la + sum - s.cap[A] * (1 - s.band[A * k + m]);
                const lo2 = s.cap[b] * (1 - s.band[b * k + m]) - lb + sum;
                const hi2 = s.cap[b] * (1 + s.band[b * k + m]) - lb + sum;
                dC[m] = Math.max(lo1, lo2);
                dB[m] = Math.min(hi1, hi2);
              }
            }
            for (const y of ys) {
              if (inside) {
                let ok = true;
                for (let m = 0; m < k && ok; m++) {
                  const v = s.val[y * k + m];
                  if (v < dC[m] - 1e-12 || v > dB[m] + 1e-12) ok = false;
                }
                if (!ok) continue;
              }
              // A: +a +x −y; b: −a −x +y
              for (let m = 0; m < k; m++) {
                dA[m] = s.val[a * k + m] + s.val[x * k + m] - s.val[y * k + m];
                dB[m] = -dA[m];
              }
              if (pen(A, dA) + pen(b, dB) > base + EPS) continue;
              if (!withinReach(s, y, b)) continue;
              const extra = distance(s, y, b) - distance(s, y, A);
              if (extra < mBest) {
                mBest = extra;
                m1 = a;
                m2 = x;
                mY = y;
              }
            }
          }
        }
      }
      if (mY >= 0) {
        const A = s.orig[m1];
        applyMove(s, m1, A);
        applyMove(s, m2, A);
        if (budgetAllows(s, mY, b)) {
          log.move(mY, A, b);
          applyMove(s, mY, b);
          found++;
        } else {
          applyMove(s, m1, b);
          applyMove(s, m2, b);
        }
      }
    }
    saved += found;
    if (found === 0) break;
  }
  await substitute(s, log, slicer, fraction, pen);
  return saved;
}

/**
 * Shorter moves for the same count: each moved account a (from A to B), longest detour first, is
 * swapped for an account y still with A whose move to B adds less distance (km to B − km to A),
 * wherever A and B stay within their bands and the budgets and the distance limit allow; a goes
 * back to A. One pass.
 */
async function substitute(
  s: RebalanceState,
  log: ReasonLog,
  slicer: Slicer,
  fraction: number,
  pen: (j: number, delta: Float64Array | null) => number,
): Promise<void> {
  const { k } = s;
  const lo = new Float64Array(k);
  const hi = new Float64Array(k);
  const moved: number[] = [];
  const detour = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) {
    const o = s.orig[i];
    const j = s.owner[i];
    if (j === o || j < 0 || o < 0 || s.fixed[i] || !s.free[o] || !s.free[j] || !s.hasPos[i] || !s.hasAnchor[o] || !s.hasAnchor[j]) continue;
    moved.push(i);
    detour[i] = distance(s, i, j) - distance(s, i, o);
  }
  moved.sort((a, b) => detour[b] - detour[a] || a - b);
  for (const a of moved) {
    if (slicer.due()) await slicer.pause('balance', fraction);
    const A = s.orig[a];
    const B = s.owner[a];
    if (B === A) continue;
    if (pen(A, null) + pen(B, null) > 0) continue;
    // y keeps both reps inside their bands: A ends with load + a − y, B with load − a + y
    for (let m = 0; m < k; m++) {
      const va = s.val[a * k + m];
      lo[m] = Math.max(s.load[A * k + m] + va - s.cap[A] * (1 + s.band[A * k + m]), s.cap[B] * (1 - s.band[B * k + m]) - s.load[B * k + m] + va);
      hi[m] = Math.min(s.load[A * k + m] + va - s.cap[A] * (1 - s.band[A * k + m]), s.cap[B] * (1 + s.band[B * k + m]) - s.load[B * k + m] + va);
    }
    const mine = distance(s, a, B) - distance(s, a, A);
    let best = -1;
    let bestD = mine - 1e-6;
    for (const y of s.members[A]) {
      if (s.fixed[y] || s.orig[y] !== A || !s.hasPos[y]) continue;
      let ok = true;
      for (let m = 0; m < k && ok; m++) {
        const v = s.val[y * k + m];
        if (v < lo[m] - 1e-12 || v > hi[m] + 1e-12) ok = false;
      }
      if (!ok) continue;
      const d = distance(s, y, B) - distance(s, y, A);
      if (d < bestD && withinReach(s, y, B)) {
        bestD = d;
        best = y;
      }
    }
    if (best < 0) continue;
    applyMove(s, a, A);
    if (!budgetAllows(s, best, B)) {
      applyMove(s, a, B);
      continue;
    }
    log.move(best, A, B);
    applyMove(s, best, B);
  }
}
