// distributeAccounts' last pass: no hand-over to a far rep when a clearly nearer rep can take the
// account and the balance holds. The greedy pass prefers the best fit (skills weigh more than a few
// hundred km), and the repair pass moves accounts wherever the balance needs them; this pass walks the
// hand-overs, longest first, and gives each to a clearly nearer rep where that keeps the balance.

import type { RepairState } from './repair-balance.js';

/** A rep is "clearly nearer" than one `d` km away when it is at least this many km nearer… */
export const NEARER_KM = 100;
/** …and at least this share of `d` nearer (a 150 km hand-over is not redirected over 30 km). */
export const NEARER_SHARE = 0.25;

/**
 * The receivers' loads, band and positions, and where each movable account sits (updated in place): the
 * repair pass's state, with each account's starting owner and distances instead of fit.
 */
export interface NearerState extends Omit<RepairState, 'fit' | 'reach'> {
  /** Per movable account: its starting owner (receiver index, −1: none of them). */
  owner: Int32Array;
  /** Great-circle km from account i to receiver j's anchor; NaN when either has no position. */
  km(i: number, j: number): number;
  /** Whether account i may go to receiver j (the distance limit). */
  reach(i: number, j: number): boolean;
}

const EPS = 1e-12;
const ROUNDS = 8;
/** Exchanges look at the accounts of this many nearest clearly nearer receivers. */
const EXCHANGE_REPS = 8;

/**
 * Whether a rep `near` km from an account is clearly nearer than one `far` km away: at least
 * NEARER_KM and NEARER_SHARE of `far` nearer. Unknown distances (NaN) are never clearly nearer.
 */
function clearlyNearer(near: number, far: number): boolean {
  return near <= far - NEARER_KM && near <= far * (1 - NEARER_SHARE);
}

/**
 * Gives hand-overs to clearly nearer receivers, longest first, for up to ROUNDS rounds (stops when a
 * round changes nothing). Per hand-over (an account whose receiver is not its starting owner), the first
 * that applies:
 * 1. redirect: to the nearest clearly nearer receiver within reach where neither that receiver nor the
 *    one giving it up ends further outside the band on any balanced metric (inside it stays inside);
 * 2. exchange: it goes to one of the EXCHANGE_REPS nearest clearly nearer receivers c and a hand-over x of c (or an account c holds
 *    that `t` owned) goes to its receiver t instead, when that shortens the two moves by NEARER_KM in
 *    sum, x's new move is shorter than the one it replaces, and neither rep ends further outside the band.
 * Every change shortens the total distance by at least NEARER_KM, so it ends.
 *
 * @returns how many accounts it redirected or exchanged
 */
export function nearerReceivers(s: NearerState): number {
  const k = s.loadW.length;
  const n = s.at.length;
  if (k < 2 || n === 0) return 0;
  const excess = (load: number, target: number, lo: number, hi: number): number => {
    if (!(target > 0)) return 0;
    const r = load / target;
    return r > hi ? r - hi : r < lo ? lo - r : 0;
  };
  /** Rep j's band excess does not grow on any balanced metric when its loads change by (dw, dp). */
  const holds = (j: number, dw: number, dp: number): boolean =>
    (!s.checkW || excess(s.loadW[j] + dw, s.targetW[j], s.loW[j], s.hiW) <= excess(s.loadW[j], s.targetW[j], s.loW[j], s.hiW) + EPS) &&
    (!s.checkP || excess(s.loadP[j] + dp, s.targetP[j], s.loP[j], s.hiP) <= excess(s.loadP[j], s.targetP[j], s.loP[j], s.hiP) + EPS);
  const move = (i: number, to: number) => {
    const from = s.at[i];
    s.loadW[from] -= s.w[i];
    s.loadP[from] -= s.p[i];
    s.loadW[to] += s.w[i];
    s.loadP[to] += s.p[i];
    s.at[i] = to;
  };
  let changes = 0;
  const dist = new Float64Array(k);
  for (let round = 0; round < ROUNDS; round++) {
    const handOvers: number[] = [];
    const far = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (s.at[i] === s.owner[i]) continue;
      far[i] = s.km(i, s.at[i]);
      if (far[i] > NEARER_KM) handOvers.push(i);
    }
    handOvers.sort((a, b) => far[b] - far[a] || a - b);
    // the accounts each receiver holds (kept up to date as they change)
    const held: number[][] = Array.from({ length: k }, () => []);
    for (let i = 0; i < n; i++) held[s.at[i]].push(i);
    const drop = (j: number, i: number) => {
      const l = held[j];
      const q = l.indexOf(i);
      l[q] = l[l.length - 1];
      l.pop();
    };
    let changed = 0;
    for (const i of handOvers) {
      const t = s.at[i];
      if (t === s.owner[i]) continue;
      const dt = s.km(i, t);
      const nearer: number[] = [];
      for (let c = 0; c < k; c++) {
        if (c === t) continue;
        dist[c] = s.km(i, c);
        if (clearlyNearer(dist[c], dt) && s.reach(i, c)) nearer.push(c);
      }
      if (!nearer.length) continue;
      nearer.sort((a, b) => dist[a] - dist[b] || a - b);
      const wi = s.w[i];
      const pi = s.p[i];
      // 1. redirect
      const c = nearer.find((q) => holds(q, wi, pi) && holds(t, -wi, -pi));
      if (c !== undefined) {
        move(i, c);
        drop(t, i);
        held[c].push(i);
        changed++;
        continue;
      }
      // 2. exchange with an account c holds that may go to t
      let bestX = -1;
      let bestC = -1;
      let bestGain = NEARER_KM - EPS;
      for (let e = 0; e < nearer.length && e < EXCHANGE_REPS; e++) {
        const q = nearer[e];
        for (const x of held[q]) {
          if (x === i || (s.owner[x] === q && s.owner[x] !== t && s.owner[x] >= 0) || !s.reach(x, t)) continue;
          const dxt = s.km(x, t);
          if (!(dxt < dt)) continue;
          const gain = dt + s.km(x, q) - dist[q] - dxt;
          if (!(gain > bestGain)) continue;
          const dw = s.w[x] - wi;
          const dp = s.p[x] - pi;
          if (!holds(t, dw, dp) || !holds(q, -dw, -dp)) continue;
          bestGain = gain;
          bestX = x;
          bestC = q;
        }
      }
      if (bestX >= 0) {
        move(i, bestC);
        move(bestX, t);
        drop(t, i);
        drop(bestC, bestX);
        held[bestC].push(i);
        held[t].push(bestX);
        changed += 2;
      }
    }
    changes += changed;
    if (!changed) break;
  }
  return changes;
}
