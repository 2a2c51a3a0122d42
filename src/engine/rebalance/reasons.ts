/** Records why each account moved, and turns it into one readable sentence per final move. */

import { EARTH_RADIUS_KM } from '../geo.js';
import { distance } from './objective.js';
import { UNASSIGNED, UNKNOWN_OWNER, type RebalanceState } from './state.js';
import type { MoveReasonPart } from './types.js';

type Why =
  | { kind: 'orphan'; from: number }
  | { kind: 'balance'; from: number; metric: number; dev: number }
  | { kind: 'chain'; from: number; metric: number; dev: number }
  | { kind: 'swap'; from: number; metric: number; dev: number; partner: number }
  | { kind: 'redraw'; from: number };

export interface Entry {
  why: Why;
  to: number;
  toMetric: number;
  toDev: number;
}

const pct = (d: number): string => `${Math.round(Math.abs(d) * 100)}%`;

function repName(s: RebalanceState, j: number): string {
  return s.reps[j].name || s.reps[j].id;
}

/** "23% over potential target", "on workload target". */
function describe(dev: number, metric: string): string {
  return Math.abs(dev) < 0.005 ? `on ${metric} target` : `${pct(dev)} ${dev > 0 ? 'over' : 'under'} ${metric} target`;
}

/** Collects the first reason an account left its starting owner and where it finally went. */
export class ReasonLog {
  private readonly entries = new Map<number, Entry>();
  /** For long moves (nearer-receivers.ts): the nearest nearer rep that had room, or −1 for none. */
  private readonly farNotes = new Map<number, number>();

  constructor(private readonly s: RebalanceState) {}

  private dev(j: number, m: number): number {
    return this.s.load[j * this.s.k + m] / this.s.cap[j] - 1;
  }

  /** The metric where rep j is most over (dir +1) or most under (dir −1), with its deviation. */
  private extreme(j: number, dir: number): [number, number] {
    let best = 0;
    let bestDev = this.dev(j, 0);
    for (let m = 1; m < this.s.k; m++) {
      const d = this.dev(j, m);
      if (dir * d > dir * bestDev) {
        best = m;
        bestDev = d;
      }
    }
    return [best, bestDev];
  }

  private record(i: number, why: Why, to: number): void {
    const [toMetric, toDev] = this.extreme(to, -1);
    const prev = this.entries.get(i);
    // keep the reason the account first left its starting owner; update where it ended up
    const keep = prev && this.s.owner[i] !== this.s.orig[i] ? prev.why : why;
    this.entries.set(i, { why: keep, to, toMetric, toDev });
  }

  /** Call before applying the move of an account that had no active owner. */
  orphan(i: number, from: number, to: number): void {
    this.record(i, { kind: 'orphan', from }, to);
  }

  /** Call before applying a balancing move from `from` to `to`. */
  move(i: number, from: number, to: number): void {
    const [metric, dev] = this.extreme(from, 1);
    this.record(i, { kind: 'balance', from, metric, dev }, to);
  }

  /**
   * Call before applying a move of the price pass: a plain balancing move when `from` is over its band
   * and `to` under it on some metric, else a link in a chain of hand-overs between neighbouring reps.
   */
  chain(i: number, from: number, to: number): void {
    const [metric, dev] = this.extreme(from, 1);
    const [toMetric, toDev] = this.extreme(to, -1);
    const direct = dev > this.s.band[from * this.s.k + metric] && -toDev > this.s.band[to * this.s.k + toMetric];
    this.record(i, { kind: direct ? 'balance' : 'chain', from, metric, dev }, to);
  }

  /** Call before applying a move of the clean-sheet redraw (objective 'compactness'). */
  redraw(i: number, from: number, to: number): void {
    this.record(i, { kind: 'redraw', from }, to);
  }

  /** Call before applying a swap: account i goes from `from` to `to` in exchange for `partner`. */
  swap(i: number, from: number, to: number, partner: number): void {
    const [metric, dev] = this.extreme(from, 1);
    this.record(i, { kind: 'swap', from, metric, dev, partner }, to);
  }

  /**
   * Call after the last pass for a long move: `roomy` is the nearest rep nearer than the account's new
   * owner that had room for it (the new owner needed it to reach its target), or −1 when no nearer rep had room.
   */
  far(i: number, roomy: number): void {
    this.farNotes.set(i, roomy);
  }

  /** A copy of the reasons recorded so far (see `restore`). */
  snapshot(): Map<number, Entry> {
    return new Map(this.entries);
  }

  /** Puts back the reasons of a `snapshot` (a search attempt that was undone). */
  restore(entries: Map<number, Entry>): void {
    this.entries.clear();
    for (const [i, e] of entries) this.entries.set(i, e);
  }

  /** The distance from account i to rep j's anchor in whole km; null without positions (or for j < 0). */
  private km(i: number, j: number): number | null {
    const s = this.s;
    return j >= 0 && s.hasPos[i] && s.hasAnchor[j] ? Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, distance(s, i, j) / (2 * EARTH_RADIUS_KM)))) : null;
  }

  /** The clauses of account i's final move, as data (`text` words the same clauses in English). */
  parts(i: number): MoveReasonPart[] {
    const s = this.s;
    const e = this.entries.get(i);
    const to = s.owner[i];
    const repId = s.reps[to].id;
    const km = this.km(i, to);
    if (!e) return [{ code: 'moved', repId, km }];
    const receiver = { repId, km, metric: s.metrics[e.toMetric], deviation: e.toDev };
    const w = e.why;
    const roomy = this.farNotes.get(i);
    const notes: MoveReasonPart[] =
      roomy === undefined ? [] : roomy < 0 ? [{ code: 'no-nearer-room' }] : [{ code: 'nearer-had-room', repId: s.reps[roomy].id, km: this.km(i, roomy), toRepId: repId }];
    const from = s.orig[i];
    if (w.kind === 'redraw') {
      const fromKm = this.km(i, from);
      const was: MoveReasonPart =
        from === UNASSIGNED
          ? { code: 'was-unassigned' }
          : from === UNKNOWN_OWNER
            ? { code: 'was-unknown-owner' }
            : !s.active[from]
              ? { code: 'was-inactive', repId: s.reps[from].id }
              : fromKm === null
                ? { code: 'was-held', repId: s.reps[from].id }
                : { code: 'was-away', repId: s.reps[from].id, km: fromKm };
      return [{ code: 'redrawn', repId, km }, was];
    }
    if (w.kind === 'orphan') {
      const head: MoveReasonPart =
        from === UNASSIGNED ? { code: 'unassigned' } : from === UNKNOWN_OWNER ? { code: 'unknown-owner' } : { code: 'inactive', repId: s.reps[from].id };
      return notes.length ? [head, { code: 'receiver-under', ...receiver }, ...notes] : [head, { code: 'nearest-with-room', ...receiver }];
    }
    const head: MoveReasonPart = { code: 'giver-over', repId: from >= 0 ? s.reps[from].id : null, metric: s.metrics[w.metric], deviation: w.dev };
    if (w.kind === 'swap') return [head, { code: 'swap', accountId: s.accounts[w.partner].id, ...receiver }, ...notes];
    return [head, { code: w.kind === 'chain' ? 'chain' : 'receiver-under', ...receiver }, ...notes];
  }

  /** The sentence for account i's final move (from its starting owner to its current one). */
  text(i: number): string {
    const s = this.s;
    const e = this.entries.get(i);
    const to = s.owner[i];
    const name = (j: number): string => repName(s, j);
    const state = (dev: number, m: number): string => describe(dev, s.metrics[m]);
    const kmTo = (j: number): number | null =>
      j >= 0 && s.hasPos[i] && s.hasAnchor[j] ? Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, distance(s, i, j) / (2 * EARTH_RADIUS_KM)))) : null;
    const km = kmTo(to);
    const where = km === null ? name(to) : `${name(to)} (${km} km away)`;
    const toState = e ? state(e.toDev, e.toMetric) : 'had room';
    if (!e) return `moved to ${where}`;
    const w = e.why;
    const roomy = this.farNotes.get(i);
    const note = roomy === undefined ? '' : roomy < 0 ? '; no nearer rep had room for it' : `; nearer ${name(roomy)} (${kmTo(roomy)} km away) had room, but ${name(to)} needed the account to reach its target`;
    const from = s.orig[i];
    if (w.kind === 'redraw') {
      const fromKm = kmTo(from);
      const was =
        from === UNASSIGNED
          ? 'it was unassigned'
          : from === UNKNOWN_OWNER
            ? 'its owner is not a known rep'
            : !s.active[from]
              ? `${name(from)} is inactive`
              : fromKm === null
                ? `${name(from)} held it`
                : `${name(from)} is ${fromKm} km away`;
      return `Territories redrawn for compactness: ${where} is one of the nearest reps with room; ${was}`;
    }
    if (w.kind === 'orphan') {
      const head =
        from === UNASSIGNED
          ? 'Unassigned'
          : from === UNKNOWN_OWNER
            ? 'Owner is not a known rep'
            : `${name(from)} is inactive`;
      if (note) return `${head}; ${where} was ${toState}${note}`;
      return `${head}; ${where} is the nearest rep with room (${toState})`;
    }
    const giver = from >= 0 ? name(from) : 'No owner';
    const head = `${giver} was ${state(w.dev, w.metric)}`;
    if (w.kind === 'swap') {
      const other = s.accounts[w.partner];
      return `${head}; swapped with ${other.name || other.id} from ${where}, which was ${toState}${note}`;
    }
    if (w.kind === 'chain') {
      return `${head}; ${where} was ${toState} (a hand-over in a chain between neighbouring reps, which carries the region's surplus to the reps under target without long moves)${note}`;
    }
    return `${head}; ${where} was ${toState}${note}`;
  }
}
