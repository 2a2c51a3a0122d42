import type { RebalanceState } from './state.js';

/**
 * Each rep's movable accounts sorted by their value on one metric (ties by account index), built on
 * first use and kept in step with the moves reported to it. With a rep's accounts in value order, a
 * scan can visit only the accounts whose move can pay (see gain-range.ts) instead of all of them.
 *
 * Owned by one search run: moves made elsewhere (other passes) are not seen, so make a new one per run.
 *
 * @example
 * const sorted = new SortedMembers(s);
 * const list = sorted.get(j, 1);     // j's movable accounts by potential, ascending
 * sorted.moved(i, from, to);         // after applyMove(s, i, to)
 */
export class SortedMembers {
  private readonly lists: (number[] | null)[];

  constructor(private readonly s: RebalanceState) {
    this.lists = new Array<number[] | null>(s.r * s.k).fill(null);
  }

  /** Rep j's movable accounts in ascending order of their value on metric m (then index). */
  get(j: number, m: number): number[] {
    const at = j * this.s.k + m;
    let list = this.lists[at];
    if (list === null) {
      const { val, fixed, k } = this.s;
      list = this.s.members[j].filter((i) => fixed[i] === 0);
      list.sort((a, b) => val[a * k + m] - val[b * k + m] || a - b);
      this.lists[at] = list;
    }
    return list;
  }

  /** Records that account i moved from rep `from` to rep `to` (call after applyMove). */
  moved(i: number, from: number, to: number): void {
    if (this.s.fixed[i]) return;
    const k = this.s.k;
    for (let m = 0; m < k; m++) {
      const out = from >= 0 ? this.lists[from * k + m] : null;
      if (out) out.splice(this.position(out, i, m), 1);
      const into = this.lists[to * k + m];
      if (into) into.splice(this.position(into, i, m), 0, i);
    }
  }

  /** The first index in `list` whose account sorts at or after account i on metric m. */
  private position(list: number[], i: number, m: number): number {
    const { val, k } = this.s;
    const v = val[i * k + m];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const a = list[mid];
      const w = val[a * k + m];
      if (w < v || (w === v && a < i)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
