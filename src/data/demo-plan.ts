import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';
import type { Random } from './random.js';

const ORDER = 16; // Hilbert grid of 2^16 × 2^16 cells over the box below
const WEST = -125;
const EAST = -66;
const SOUTH = 24;
const NORTH = 50;

/**
 * Builds a deliberately unbalanced "legacy" plan. Accounts are ordered along a Hilbert curve over the
 * continental US (so consecutive accounts are near each other) and cut into one contiguous run per
 * rep, each run's potential set to the rep's capacity × a skew factor: about one rep in eight carries
 * 1.4–1.8× a fair share, the rest 0.75–1.1×. The result is compact territories with a known imbalance.
 *
 * @returns for each rep, the indices of the accounts it owns (also written to `ownerId`).
 */
export function assignSkewedPlan(rng: Random, accounts: Account[], reps: readonly Rep[]): number[][] {
  const k = reps.length;
  const overloaded = Math.max(1, Math.round(k / 8));
  const order = reps.map((_, j) => j);
  for (let i = k - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const skew = new Float64Array(k);
  order.forEach((j, pos) => (skew[j] = pos < overloaded ? rng.uniform(1.4, 1.8) : rng.uniform(0.75, 1.1)));
  const share = reps.map((r, j) => r.capacity * skew[j]);
  const totalShare = share.reduce((s, v) => s + v, 0);

  const sorted = hilbertOrder(accounts);
  const totalPotential = accounts.reduce((s, a) => s + a.potential, 0);

  const owned: number[][] = reps.map(() => []);
  let j = 0;
  let cumulative = 0;
  let boundary = (share[0] / totalShare) * totalPotential;
  for (const i of sorted) {
    // Move to the next rep once this account's midpoint passes the current rep's cumulative target.
    while (j < k - 1 && cumulative + accounts[i].potential / 2 > boundary) {
      j++;
      boundary += (share[j] / totalShare) * totalPotential;
    }
    cumulative += accounts[i].potential;
    accounts[i].ownerId = reps[j].id;
    owned[j].push(i);
  }
  return owned;
}

/** Account indices sorted along the Hilbert curve (ties by index). */
function hilbertOrder(accounts: readonly Account[]): Int32Array | number[] {
  const n = accounts.length;
  if (n <= 2 ** 21) {
    // key < 2^32 and index < 2^21: key·2^21 + index is an exact double, and a typed-array sort is fast.
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = hilbertIndex(accounts[i].lng!, accounts[i].lat!) * 2 ** 21 + i;
    packed.sort();
    return Int32Array.from(packed, (v) => v % 2 ** 21);
  }
  const keys = accounts.map((a) => hilbertIndex(a.lng!, a.lat!));
  return Array.from(accounts.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
}

/** Position of a point along a Hilbert curve over the box (the classic xy→d conversion). */
function hilbertIndex(lng: number, lat: number): number {
  const n = 2 ** ORDER;
  let x = Math.min(n - 1, Math.max(0, Math.floor(((lng - WEST) / (EAST - WEST)) * n)));
  let y = Math.min(n - 1, Math.max(0, Math.floor(((lat - SOUTH) / (NORTH - SOUTH)) * n)));
  let d = 0;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = n - 1 - x;
        y = n - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}
