/** The working state of a rebalance: typed arrays over accounts and reps, built once from the input. */

import type { Account } from '../../model/account.js';
import type { Assignments } from '../../model/plan.js';
import type { Rep } from '../../model/rep.js';
import { EARTH_RADIUS_KM, sphericalCentroid } from '../geo.js';
import { runSteps, STEP, type Steps } from '../metrics/steps.js';
import type { Metric } from '../types.js';

/** Owner codes besides a rep index. */
export const UNASSIGNED = -1;
export const UNKNOWN_OWNER = -2;

/** How many nearest reps count as neighbours of a rep, and as its wider neighbourhood. */
const NEIGHBOURS = 10;
const WIDE = 30;

export interface RebalanceState {
  accounts: readonly Account[];
  reps: readonly Rep[];
  metrics: readonly Metric[];
  /** Number of accounts, reps, metrics. */
  n: number;
  r: number;
  k: number;
  /** val[i·k + m]: account i's value of metric m, in units where rep j's target is cap[j]. */
  val: Float64Array;
  /** Raw potential, for the potential budget. */
  potential: Float64Array;
  /** Current and starting owner: rep index, UNASSIGNED or UNKNOWN_OWNER. */
  owner: Int32Array;
  orig: Int32Array;
  /**
   * The owner distances are measured from (baseDistance) and tidying returns accounts to: the
   * starting owner, or the redrawn one under `objective: 'compactness'` (compact-seed.ts).
   */
  ref: Int32Array;
  /** 1 when the account may not move (locked, or held by a locked rep). */
  fixed: Uint8Array;
  /** Account position as a point on a sphere of radius EARTH_RADIUS_KM (chord distances in km). */
  px: Float64Array;
  py: Float64Array;
  pz: Float64Array;
  hasPos: Uint8Array;
  cap: Float64Array;
  active: Uint8Array;
  /** Active and not locked: may give and take. */
  free: Uint8Array;
  /** load[j·k + m]: Σ val over rep j's accounts. */
  load: Float64Array;
  /** band[j·k + m]: |deviation| the search aims to stay within (≥ the tolerance goal). */
  band: Float64Array;
  /** Rep anchor (home, else the centroid of its starting accounts) on the same sphere. */
  ax: Float64Array;
  ay: Float64Array;
  az: Float64Array;
  hasAnchor: Uint8Array;
  /** Accounts per rep (unordered) and each account's slot in its list. */
  members: number[][];
  slot: Int32Array;
  /** Nearest free reps of each free rep (nearest first), and the reverse relation. */
  neighbours: Int32Array[];
  /** The WIDE nearest free reps of each free rep (nearest first). */
  wide: Int32Array[];
  reverse: number[][];
  /** Free reps without an anchor: any account may go to them at no distance cost. */
  floating: number[];
  /** Typical account-to-anchor chord distance in km (scale of the proximity term). */
  radius: number;
  /** Accounts now held by someone other than their starting owner, and their potential. */
  moved: number;
  potentialMoved: number;
  maxMoves: number;
  maxPotentialMoved: number;
  /** Set when some improving move was refused by a budget. */
  budgetHit: boolean;
  /** The distance limit as a chord length in km (Infinity: none); see `withinReach`. */
  maxChord: number;
  /** Accounts with a move the search wanted but the distance limit refused. */
  refusedFar: Set<number>;
}

export interface StateOptions {
  metrics: readonly Metric[];
  lockedAccountIds: ReadonlySet<string>;
  lockedRepIds: ReadonlySet<string>;
  maxMoves: number;
  maxPotentialMoved: number;
}

const RAD = Math.PI / 180;

function toSphere(lat: number, lng: number, out: Float64Array[], at: number): void {
  const la = lat * RAD;
  const lo = lng * RAD;
  out[0][at] = EARTH_RADIUS_KM * Math.cos(la) * Math.cos(lo);
  out[1][at] = EARTH_RADIUS_KM * Math.cos(la) * Math.sin(lo);
  out[2][at] = EARTH_RADIUS_KM * Math.sin(la);
}

function amount(value: number | undefined, fallback: number, account: Account, field: string): number {
  const v = value ?? fallback;
  if (!(v >= 0 && v < Infinity)) {
    throw new Error(`account "${account.id}": ${field} must be a finite number ≥ 0, got ${String(v)}`);
  }
  return v;
}

/** What the account pass fills in, besides the arrays of the state. */
interface Reading {
  accounts: readonly Account[];
  reps: readonly Rep[];
  current: Assignments;
  opts: StateOptions;
  repIndex: Map<string, number>;
  /** Ids seen so far, in SHARDS sets by a cheap key of the id (see `shardOf`). */
  seen: Set<string>[];
  val: Float64Array;
  potential: Float64Array;
  owner: Int32Array;
  fixed: Uint8Array;
  pos: Float64Array[];
  hasPos: Uint8Array;
  totals: Float64Array;
}

/** The account pass over accounts[from .. to): validation, amounts, owners, locks and positions. */
function readAccounts(d: Reading, from: number, to: number): void {
  const { accounts, reps, current, opts, repIndex, seen, val, potential, owner, fixed, pos, hasPos, totals } = d;
  const metrics = opts.metrics;
  const k = metrics.length;
  for (let i = from; i < to; i++) {
    const a = accounts[i];
    if (typeof a.id !== 'string' || a.id === '') throw new Error(`account at index ${i}: id must be a non-empty string`);
    const shard = seen[shardOf(a.id)];
    if (shard.has(a.id)) throw new Error(`account "${a.id}": id is used by more than one account`);
    shard.add(a.id);
    const p = amount(a.potential, NaN, a, 'potential');
    const w = amount(a.workload, 1, a, 'workload');
    potential[i] = p;
    for (let m = 0; m < k; m++) {
      const v = metrics[m] === 'potential' ? p : metrics[m] === 'workload' ? w : 1;
      val[i * k + m] = v;
      totals[m] += v;
    }
    const o = current[a.id];
    const j = typeof o === 'string' ? repIndex.get(o) : undefined;
    owner[i] = typeof o !== 'string' ? UNASSIGNED : j === undefined ? UNKNOWN_OWNER : j;
    if (a.locked || opts.lockedAccountIds.has(a.id)) fixed[i] = 1;
    else if (owner[i] >= 0 && (reps[owner[i]].locked || opts.lockedRepIds.has(reps[owner[i]].id))) fixed[i] = 1;
    if (typeof a.lat === 'number' && typeof a.lng === 'number' && Number.isFinite(a.lat) && Number.isFinite(a.lng)) {
      toSphere(a.lat, a.lng, pos, i);
      hasPos[i] = 1;
    }
  }
}

/**
 * The duplicate-id check keeps its ids in many small sets rather than one: a single set of 100k ids
 * rehashes all of them in one go when it doubles (≈ 12 ms at 64k, inside one step); small sets
 * rehash a few thousand at a time. An id always lands in the same set, so duplicates still meet.
 */
const SHARDS = 64;
function shardOf(id: string): number {
  const n = id.length;
  return n === 0 ? 0 : (id.charCodeAt(n - 1) + 7 * id.charCodeAt(n >> 1) + 31 * n) & (SHARDS - 1);
}

/** Typed-array passes are cheap per account: this many accounts per step. */
const FAST_STEP = STEP * 8;

/**
 * Builds the state: validates ids and amounts (throwing an error that names the record and field),
 * normalises each metric so that rep j's target is its capacity (targets over every account, as in
 * evaluatePlan), finds anchors and neighbour reps.
 */
export function buildState(
  accounts: readonly Account[],
  reps: readonly Rep[],
  current: Assignments,
  opts: StateOptions,
): RebalanceState {
  return runSteps(buildStateSteps(accounts, reps, current, opts));
}

/**
 * `buildState` as a generator that yields after every `STEP` accounts (or comparable work on reps),
 * which `rebalance` drives through its Slicer. Same result and errors as `buildState`.
 */
export function* buildStateSteps(
  accounts: readonly Account[],
  reps: readonly Rep[],
  current: Assignments,
  opts: StateOptions,
): Steps<RebalanceState> {
  const n = accounts.length;
  const r = reps.length;
  const metrics = opts.metrics;
  const k = metrics.length;

  const repIndex = new Map<string, number>();
  const cap = new Float64Array(r);
  const active = new Uint8Array(r);
  const free = new Uint8Array(r);
  let activeCap = 0;
  for (let j = 0; j < r; j++) {
    const rep = reps[j];
    if (typeof rep.id !== 'string' || rep.id === '') throw new Error(`rep at index ${j}: id must be a non-empty string`);
    if (repIndex.has(rep.id)) throw new Error(`rep "${rep.id}": id is used by more than one rep`);
    repIndex.set(rep.id, j);
    const c = rep.capacity ?? 1;
    if (!(c > 0 && c < Infinity)) throw new Error(`rep "${rep.id}": capacity must be a finite number > 0, got ${String(c)}`);
    cap[j] = c;
    if (rep.active !== false) {
      active[j] = 1;
      activeCap += c;
      if (!rep.locked && !opts.lockedRepIds.has(rep.id)) free[j] = 1;
    }
    if (j % STEP === STEP - 1) yield;
  }

  const val = new Float64Array(n * k);
  const potential = new Float64Array(n);
  const owner = new Int32Array(n);
  const fixed = new Uint8Array(n);
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const pz = new Float64Array(n);
  const hasPos = new Uint8Array(n);
  const totals = new Float64Array(k);
  const reading: Reading = {
    accounts,
    reps,
    current,
    opts,
    repIndex,
    seen: Array.from({ length: SHARDS }, () => new Set<string>()),
    val,
    potential,
    owner,
    fixed,
    pos: [px, py, pz],
    hasPos,
    totals,
  };
  for (let from = 0; from < n; from += STEP) {
    readAccounts(reading, from, Math.min(n, from + STEP));
    yield;
  }
  // Normalise: unit_m = total_m / Σ active capacity, so rep j's target is cap[j].
  for (let m = 0; m < k; m++) {
    const unit = activeCap > 0 && totals[m] > 0 ? totals[m] / activeCap : 1;
    for (let i = 0; i < n; i++) {
      val[i * k + m] /= unit;
      if (i % FAST_STEP === FAST_STEP - 1) yield;
    }
  }

  const load = new Float64Array(r * k);
  const members: number[][] = Array.from({ length: r }, () => []);
  const slot = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (i % FAST_STEP === FAST_STEP - 1) yield;
    const j = owner[i];
    if (j < 0) continue;
    slot[i] = members[j].length;
    members[j].push(i);
    for (let m = 0; m < k; m++) load[j * k + m] += val[i * k + m];
  }

  // Anchors: home, else the workload-weighted centroid of the starting accounts (as evaluatePlan).
  const ax = new Float64Array(r);
  const ay = new Float64Array(r);
  const az = new Float64Array(r);
  const hasAnchor = new Uint8Array(r);
  const anchorOut = [ax, ay, az];
  let done = 0;
  for (let j = 0; j < r; j++) {
    let anchor = reps[j].home ?? null;
    if (!anchor) {
      const pts = [];
      for (const i of members[j]) {
        const a = accounts[i];
        if (hasPos[i]) pts.push({ lat: a.lat as number, lng: a.lng as number, weight: a.workload ?? 1 });
      }
      anchor = sphericalCentroid(pts);
      done += members[j].length;
    }
    if (anchor) {
      toSphere(anchor.lat, anchor.lng, anchorOut, j);
      hasAnchor[j] = 1;
    }
    // one rep's centroid is one step (its accounts); yield once about STEP accounts are done
    if (++done >= STEP) {
      done = 0;
      yield;
    }
  }

  // Neighbours among free anchored reps, by brute force (r² chord distances and r sorts of r reps:
  // ≈ 0.1 ms per rep at 500 reps, so a step is a few reps).
  const anchored: number[] = [];
  const floating: number[] = [];
  for (let j = 0; j < r; j++) if (free[j]) (hasAnchor[j] ? anchored : floating).push(j);
  const neighbours: Int32Array[] = Array.from({ length: r }, () => new Int32Array(0));
  const reverse: number[][] = Array.from({ length: r }, () => []);
  const wide: Int32Array[] = Array.from({ length: r }, () => new Int32Array(0));
  const want = Math.min(WIDE, anchored.length - 1);
  const d2 = new Float64Array(anchored.length);
  const order = new Int32Array(anchored.length);
  done = 0;
  for (const j of anchored) {
    for (let q = 0; q < anchored.length; q++) {
      const h = anchored[q];
      d2[q] = (ax[j] - ax[h]) ** 2 + (ay[j] - ay[h]) ** 2 + (az[j] - az[h]) ** 2;
      order[q] = q;
    }
    const chosen = partialSort(order, d2, want + 1)
      .map((q) => anchored[q])
      .filter((h) => h !== j)
      .slice(0, want);
    wide[j] = Int32Array.from(chosen);
    neighbours[j] = Int32Array.from(chosen.slice(0, NEIGHBOURS));
    for (const h of neighbours[j]) reverse[h].push(j);
    // a sort of r reps costs about as much as handling 8·r accounts
    done += 8 * anchored.length;
    if (done >= STEP * 8) {
      done = 0;
      yield;
    }
  }

  // Typical radius: mean chord distance from placed accounts to their rep's anchor.
  let sum = 0;
  let cnt = 0;
  for (let i = 0; i < n; i++) {
    if (i % FAST_STEP === FAST_STEP - 1) yield;
    const j = owner[i];
    if (j < 0 || !hasPos[i] || !hasAnchor[j] || !active[j]) continue;
    sum += Math.sqrt((px[i] - ax[j]) ** 2 + (py[i] - ay[j]) ** 2 + (pz[i] - az[j]) ** 2);
    cnt++;
  }
  const radius = cnt > 0 && sum > 0 ? sum / cnt : 1;

  return {
    accounts,
    reps,
    metrics,
    n,
    r,
    k,
    val,
    potential,
    owner,
    orig: Int32Array.from(owner),
    ref: Int32Array.from(owner),
    fixed,
    px,
    py,
    pz,
    hasPos,
    cap,
    active,
    free,
    load,
    band: new Float64Array(r * k),
    ax,
    ay,
    az,
    hasAnchor,
    members,
    slot,
    neighbours,
    wide,
    reverse,
    floating,
    radius,
    moved: 0,
    potentialMoved: 0,
    maxMoves: opts.maxMoves,
    maxPotentialMoved: opts.maxPotentialMoved,
    budgetHit: false,
    maxChord: Infinity,
    refusedFar: new Set<number>(),
  };
}

/**
 * The `count` smallest keys' positions in `order`, ascending by key and then by position (what a
 * stable sort of `order` would put first), kept in a small sorted buffer: O(r·count) instead of a
 * full sort per rep. NaN keys (no order) fall back to the full sort.
 */
function partialSort(order: Int32Array, keys: Float64Array, count: number): number[] {
  const out: number[] = [];
  for (let p = 0; p < order.length; p++) {
    const q = order[p];
    const kq = keys[q];
    if (kq !== kq) return fullSort(order, keys, count);
    const full = out.length === count;
    if (full && !(kq < keys[out[count - 1]] || (kq === keys[out[count - 1]] && q < out[count - 1]))) continue;
    let at = full ? count - 1 : out.push(q) - 1;
    while (at > 0 && (keys[out[at - 1]] > kq || (keys[out[at - 1]] === kq && out[at - 1] > q))) {
      out[at] = out[at - 1];
      at--;
    }
    out[at] = q;
  }
  return out;
}

function fullSort(order: Int32Array, keys: Float64Array, count: number): number[] {
  const idx = Array.from(order);
  idx.sort((a, b) => keys[a] - keys[b] || a - b);
  return idx.slice(0, count);
}
