import { bandPenalty } from './objective.js';
import type { SortedMembers } from './sorted-members.js';
import type { RebalanceState } from './state.js';

/**
 * The accounts of one rep a scan of one pair of reps has to look at: `list[lo..hi)`, the best bound at
 * `peak` (lo ≤ peak ≤ hi); going outward from the peak, `mayExceed` only falls, so a scan that raises
 * its bar on the way can stop each side early.
 */
export class GainRange {
  list: number[] = EMPTY;
  lo = 0;
  hi = 0;
  peak = 0;
  /** The metric the list is sorted by, and what φ on it needs. */
  private m = 0;
  private k = 1;
  private val: Float64Array = new Float64Array(0);
  private lf = 0;
  private lt = 0;
  private cf = 1;
  private ct = 1;
  private bf = 0;
  private bt = 0;
  private f0 = 0;
  private t0 = 0;
  /** The other metrics' share of the bound, plus the float slack. */
  private rest = 0;

  /** Whether moving account list[at] may decrease the objective by more than `floor`. */
  mayExceed(at: number, floor: number): boolean {
    const v = this.val[this.list[at] * this.k + this.m];
    return this.phi(v) + this.rest > floor;
  }

  /** φ on the sorted metric: the two reps' penalty decrease on it when a value v moves. */
  phi(v: number): number {
    return this.f0 - bandPenalty((this.lf - v) / this.cf - 1, this.bf) + this.t0 - bandPenalty((this.lt + v) / this.ct - 1, this.bt);
  }

  /** φ rises at v (φ is concave: the slope only falls as v grows). */
  rising(v: number): boolean {
    return slope((this.lf - v) / this.cf - 1, this.bf) / this.cf - slope((this.lt + v) / this.ct - 1, this.bt) / this.ct > 0;
  }

  /** @internal sets the pair (see gainRange). */
  setPair(val: Float64Array, k: number, m: number, lf: number, lt: number, cf: number, ct: number, bf: number, bt: number, rest: number): void {
    this.val = val;
    this.k = k;
    this.m = m;
    this.lf = lf;
    this.lt = lt;
    this.cf = cf;
    this.ct = ct;
    this.bf = bf;
    this.bt = bt;
    this.f0 = bandPenalty(lf / cf - 1, bf);
    this.t0 = bandPenalty(lt / ct - 1, bt);
    this.rest = rest;
  }
}

const EMPTY: number[] = [];

/**
 * The accounts of rep `from` whose move to rep `to` can decrease the objective by more than `floor`;
 * every other account of `from` decreases it by less than `floor`, so a scan that only looks for
 * decreases above `floor` may skip them (the same choice as a scan of every account).
 *
 * Why it is a range: a move's decrease is Σ over metrics of φ_m(value on m), and each φ_m is concave
 * (penalties are convex in a rep's load), with φ_m ≤ both reps' penalty on m now. Taking the metric s
 * where the two reps are furthest outside their bands, decrease ≤ φ_s(value on s) + the other metrics'
 * current penalties, and { v : φ_s(v) > floor − those } is an interval of values: with the accounts
 * sorted by their value on s (SortedMembers), one binary search finds the peak of φ_s and two more its
 * ends. Locked accounts are never in the lists. Leaves the answer in `out` (no allocation).
 *
 * @param floor the decrease a move must exceed to matter (the scan's bar, at least EPS)
 * @example
 * gainRange(s, sorted, h, j, Math.max(bar, EPS), range);
 * for (let at = range.lo; at < range.hi; at++) consider(range.list[at]);
 */
export function gainRange(s: RebalanceState, sorted: SortedMembers, from: number, to: number, floor: number, out: GainRange): void {
  const k = s.k;
  const load = s.load;
  const band = s.band;
  const cf = s.cap[from];
  const ct = s.cap[to];
  // each metric's two current penalties; the metric s with the largest sum
  let best = -1;
  let bestSum = -1;
  let total = 0;
  for (let m = 0; m < k; m++) {
    const sum = bandPenalty(load[from * k + m] / cf - 1, band[from * k + m]) + bandPenalty(load[to * k + m] / ct - 1, band[to * k + m]);
    total += sum;
    if (sum > bestSum) {
      bestSum = sum;
      best = m;
    }
  }
  // float slack: the exact decrease is summed in another order than this bound
  const rest = total - bestSum + 1e-12 * (1 + total);
  out.list = EMPTY;
  out.lo = 0;
  out.hi = 0;
  out.peak = 0;
  if (!(bestSum + rest > floor)) return;
  const m = best;
  const list = sorted.get(from, m);
  const val = s.val;
  out.setPair(val, k, m, load[from * k + m], load[to * k + m], cf, ct, band[from * k + m], band[to * k + m], rest);
  out.list = list;
  const n = list.length;
  // peak: the first index where φ stops rising; φ is non-decreasing before it, non-increasing from it
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (out.rising(val[list[mid] * k + m])) lo = mid + 1;
    else hi = mid;
  }
  const peak = lo;
  // left end: the first index before the peak whose bound is above the floor
  lo = 0;
  hi = peak;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (out.mayExceed(mid, floor)) hi = mid;
    else lo = mid + 1;
  }
  out.lo = lo;
  // right end: the first index from the peak whose bound is at or below the floor
  lo = peak;
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (out.mayExceed(mid, floor)) lo = mid + 1;
    else hi = mid;
  }
  out.hi = lo;
  out.peak = peak;
}

/** d/dd of bandPenalty(d, b), halved (the sign and the ratio are what matter). */
function slope(d: number, b: number): number {
  const e = (d < 0 ? -d : d) - b;
  return e > 0 ? (d < 0 ? -e : e) : 0;
}
