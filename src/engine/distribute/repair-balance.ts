// distributeAccounts' second pass: the greedy pass caps reps from above only, so a rep far from the
// selection (or without the skills) can end well under its target. This pass moves accounts of the
// selection between the receivers — single moves, then swaps — until every receiver is inside the
// balance band on every balanced metric, or no move or swap brings the total excess down.

/** The receivers' loads and targets and where each movable account sits (all updated in place). */
export interface RepairState {
  /** Per receiver: current loads and targets (typed arrays of length k). */
  loadW: Float64Array;
  loadP: Float64Array;
  targetW: Float64Array;
  targetP: Float64Array;
  /** Per movable account: its workload, potential and current receiver index. */
  w: Float64Array;
  p: Float64Array;
  at: Int32Array;
  /** Which metrics are balanced. */
  checkW: boolean;
  checkP: boolean;
  /** The band on load ÷ target each receiver should be inside, per metric: the floor per receiver, one ceiling. */
  loW: Float64Array;
  hiW: number;
  loP: Float64Array;
  hiP: number;
  /** How well receiver `j` fits account `i` apart from load (skill, relationship, proximity), in [0, 1]. */
  fit(i: number, j: number): number;
  /** Whether account `i` may go to receiver `j` (the distance limit); absent: anywhere. */
  reach?(i: number, j: number): boolean;
}

/** Room for the search: at most this many candidate evaluations in all (the result stays deterministic). */
const BUDGET = 60_000_000;
const EPS = 1e-12;

/**
 * Moves accounts between receivers (updating `state.at` and the loads) to bring every receiver into
 * the band. Each step is the move (or, when no move helps the worst receiver, the swap) that lowers
 * the summed squared excess outside the band the most — among steps at least half as good as the
 * best, the one that loses the least fit. Every step lowers the excess, so it ends; a receiver that no
 * step improves is left as it is. Returns the indices of the accounts it moved.
 */
export function repairBalance(s: RepairState): Set<number> {
  const k = s.loadW.length;
  const n = s.at.length;
  const moved = new Set<number>();
  if (k < 2 || n === 0) return moved;
  const excess = (load: number, target: number, lo: number, hi: number): number => {
    if (!(target > 0)) return 0;
    const r = load / target;
    const e = r > hi ? r - hi : r < lo ? lo - r : 0;
    return e * e;
  };
  const pen = (j: number, dw: number, dp: number): number =>
    (s.checkW ? excess(s.loadW[j] + dw, s.targetW[j], s.loW[j], s.hiW) : 0) + (s.checkP ? excess(s.loadP[j] + dp, s.targetP[j], s.loP[j], s.hiP) : 0);
  const reach = s.reach ?? (() => true);
  const stuck = new Uint8Array(k);
  let budget = BUDGET;
  let step = 0;
  for (; step < 20 * n + 1000 && budget > 0; step++) {
    // The worst receiver not yet found stuck.
    let worst = -1;
    let worstPen = EPS;
    for (let j = 0; j < k; j++) {
      if (stuck[j]) continue;
      const v = pen(j, 0, 0);
      if (v > worstPen) {
        worst = j;
        worstPen = v;
      }
    }
    if (worst < 0) break;
    const j0 = worst;
    const base0 = worstPen;
    // Candidate single moves touching j0: out of it, or into it.
    let bestD = -EPS;
    const cand: { i: number; from: number; to: number; d: number }[] = [];
    const basePen = new Float64Array(k);
    for (let j = 0; j < k; j++) basePen[j] = pen(j, 0, 0);
    for (let i = 0; i < n; i++) {
      const from = s.at[i];
      const wi = s.w[i];
      const pi = s.p[i];
      if (from === j0) {
        const out0 = pen(j0, -wi, -pi) - base0;
        for (let t = 0; t < k; t++) {
          if (t === j0 || !reach(i, t)) continue;
          const d = out0 + pen(t, wi, pi) - basePen[t];
          if (d < -EPS) {
            cand.push({ i, from, to: t, d });
            if (d < bestD) bestD = d;
          }
        }
        budget -= k;
      } else if (reach(i, j0)) {
        const d = pen(j0, wi, pi) - base0 + pen(from, -wi, -pi) - basePen[from];
        if (d < -EPS) {
          cand.push({ i, from, to: j0, d });
          if (d < bestD) bestD = d;
        }
        budget--;
      }
    }
    if (cand.length) {
      // Among the steps at least half as good as the best, the one that loses the least fit.
      let pick = -1;
      let pickLoss = Infinity;
      for (let c = 0; c < cand.length; c++) {
        const x = cand[c];
        if (x.d > bestD / 2) continue;
        const loss = s.fit(x.i, x.from) - s.fit(x.i, x.to);
        if (loss < pickLoss - EPS) {
          pick = c;
          pickLoss = loss;
        }
      }
      const x = cand[pick];
      apply(s, x.i, x.to);
      moved.add(x.i);
      continue;
    }
    // No single move helps j0: the best swap of one of its accounts with one of another receiver's.
    let best: { i: number; i2: number; d: number } | null = null;
    const mine: number[] = [];
    for (let i = 0; i < n; i++) if (s.at[i] === j0) mine.push(i);
    budget -= mine.length * n;
    if (budget > 0) {
      for (const i of mine) {
        for (let i2 = 0; i2 < n; i2++) {
          const t = s.at[i2];
          if (t === j0 || !reach(i, t) || !reach(i2, j0)) continue;
          const dw = s.w[i2] - s.w[i];
          const dp = s.p[i2] - s.p[i];
          if (dw === 0 && dp === 0) continue;
          const d = pen(j0, dw, dp) - base0 + pen(t, -dw, -dp) - basePen[t];
          if (d < -EPS && (best === null || d < best.d - EPS)) best = { i, i2, d };
        }
      }
    }
    if (best) {
      const t = s.at[best.i2];
      apply(s, best.i2, j0);
      apply(s, best.i, t);
      moved.add(best.i);
      moved.add(best.i2);
    } else stuck[j0] = 1;
  }
  return moved;
}

function apply(s: RepairState, i: number, to: number): void {
  const from = s.at[i];
  s.loadW[from] -= s.w[i];
  s.loadP[from] -= s.p[i];
  s.loadW[to] += s.w[i];
  s.loadP[to] += s.p[i];
  s.at[i] = to;
}
