/**
 * The rebalance result as columns for the Worker path: the worker packs it (owners as Int32Array codes
 * into a small string table, account lists as Int32Array indices, the reasons as one string) and
 * transfers the typed arrays; the page unpacks it, in bounded steps, into the exact `RebalanceResult`
 * that `rebalance` returns (same values, same key order, `byRep` entries the same objects as `reps`).
 */

import type { Account } from '../../model/account.js';
import type { AssignmentChange, Assignments } from '../../model/plan.js';
import type { PlanComparison } from '../compare-plans.js';
import type { PlanEvaluation } from '../evaluate-plan.js';
import { STEP, type Steps } from '../metrics/steps.js';
import type { RebalanceMove, RebalanceResult } from './types.js';

/** Account lists as indices into the input's accounts. */
type PackedEvaluation = Omit<PlanEvaluation, 'byRep' | 'unassigned' | 'onInactive' | 'unknownOwner'> & {
  byRep: null;
  unassigned: Omit<PlanEvaluation['unassigned'], 'accountIds'> & { accountIds: Int32Array };
  onInactive: Omit<PlanEvaluation['onInactive'], 'accountIds'> & { accountIds: Int32Array };
  unknownOwner: { accountIds: Int32Array };
};

/** Changes (or moves) as columns: account index, and from / to as codes (−1: null). */
interface PackedChanges {
  at: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

export interface PackedResult {
  /** The strings the owner codes index. */
  strings: string[];
  /** Per account (input order): its new owner's code, −1 for null. */
  assignments: Int32Array;
  /** `reasonParts`: every move's reasonParts as one JSON array (null where a move has none). */
  moves: PackedChanges & { reasons: string; reasonEnd: Int32Array; reasonParts: string };
  before: PackedEvaluation;
  after: PackedEvaluation;
  comparison: Omit<PlanComparison, 'changes'> & { changes: PackedChanges };
  status: RebalanceResult['status'];
  explanation: string;
  /** Small plain data, cloned as is (null when the result has none). */
  explanationParts: RebalanceResult['explanationParts'] | null;
  unplacedAccountIds: Int32Array;
  /** Small plain data, cloned as is. */
  limits: RebalanceResult['limits'];
  distanceLimit: RebalanceResult['distanceLimit'];
  outsideToleranceRepIds: string[];
  orphansPlaced: number;
}

/** Packs a result in the worker; `accounts` are the input's. Throws if the result names an unknown account. */
export function packResult(result: RebalanceResult, accounts: readonly Account[]): PackedResult {
  const index = new Map<string, number>();
  for (let i = 0; i < accounts.length; i++) index.set(accounts[i].id, i);
  const at = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`rebalance worker: result names account "${id}", which is not in the input`);
    return i;
  };
  const strings: string[] = [];
  const codes = new Map<string, number>();
  const code = (s: string | null): number => {
    if (s === null) return -1;
    let c = codes.get(s);
    if (c === undefined) {
      c = strings.length;
      strings.push(s);
      codes.set(s, c);
    }
    return c;
  };
  const assignments = new Int32Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) {
    const o = result.assignments[accounts[i].id];
    assignments[i] = code(typeof o === 'string' ? o : null);
  }
  const changes = (list: readonly AssignmentChange[]): PackedChanges => ({
    at: Int32Array.from(list, (c) => at(c.accountId)),
    from: Int32Array.from(list, (c) => code(c.from)),
    to: Int32Array.from(list, (c) => code(c.to)),
  });
  const ids = (list: readonly string[]): Int32Array => Int32Array.from(list, at);
  const evaluation = (ev: PlanEvaluation): PackedEvaluation => ({
    ...ev,
    byRep: null,
    unassigned: { ...ev.unassigned, accountIds: ids(ev.unassigned.accountIds) },
    onInactive: { ...ev.onInactive, accountIds: ids(ev.onInactive.accountIds) },
    unknownOwner: { ...ev.unknownOwner, accountIds: ids(ev.unknownOwner.accountIds) },
  });
  let end = 0;
  return {
    strings,
    assignments,
    moves: {
      ...changes(result.moves),
      reasons: result.moves.map((m) => m.reason).join(''),
      reasonEnd: Int32Array.from(result.moves, (m) => (end += m.reason.length)),
      reasonParts: JSON.stringify(result.moves.map((m) => m.reasonParts ?? null)),
    },
    before: evaluation(result.metrics.before),
    after: evaluation(result.metrics.after),
    comparison: { ...result.metrics.comparison, changes: changes(result.metrics.comparison.changes) },
    status: result.status,
    explanation: result.explanation,
    explanationParts: result.explanationParts ?? null,
    unplacedAccountIds: ids(result.unplacedAccountIds),
    limits: result.limits,
    distanceLimit: result.distanceLimit,
    outsideToleranceRepIds: result.outsideToleranceRepIds,
    orphansPlaced: result.orphansPlaced,
  };
}

/** The buffers to transfer with a packed result. */
export function packedResultTransfer(p: PackedResult): ArrayBuffer[] {
  const evs = [p.before, p.after].flatMap((e) => [e.unassigned.accountIds, e.onInactive.accountIds, e.unknownOwner.accountIds]);
  const ch = [p.moves, p.comparison.changes].flatMap((c) => [c.at, c.from, c.to]);
  return [p.assignments, p.moves.reasonEnd, p.unplacedAccountIds, ...evs, ...ch].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Unpacks a result on the page, yielding after every `STEP` accounts, into the same `RebalanceResult`
 * the worker's `rebalance` returned.
 *
 * @param p the packed result
 * @param accounts the input's accounts (their ids are the result's account ids)
 * @returns a generator whose return value is the result
 *
 * @example
 * const result = await slicer.run(unpackResult(reply.packed, input.accounts), 'done', 1);
 */
export function* unpackResult(p: PackedResult, accounts: readonly Account[]): Steps<RebalanceResult> {
  const str = (c: number): string | null => (c < 0 ? null : p.strings[c]);
  // null prototype, as rebalance's: an account id such as "__proto__" is an ordinary key
  const assignments = Object.create(null) as Assignments;
  for (let from = 0; from < accounts.length; from += STEP) {
    const to = Math.min(accounts.length, from + STEP);
    for (let i = from; i < to; i++) assignments[accounts[i].id] = str(p.assignments[i]);
    yield;
  }
  const moves: RebalanceMove[] = new Array(p.moves.at.length);
  const parts = JSON.parse(p.moves.reasonParts) as (RebalanceMove['reasonParts'] | null)[];
  let start = 0;
  for (let q = 0; q < moves.length; q++) {
    if (q % STEP === STEP - 1) yield;
    const end = p.moves.reasonEnd[q];
    const to = str(p.moves.to[q]) as string;
    const reasonParts = parts[q];
    moves[q] = { accountId: accounts[p.moves.at[q]].id, from: str(p.moves.from[q]), to, reason: p.moves.reasons.slice(start, end), ...(reasonParts ? { reasonParts } : {}) };
    start = end;
  }
  const c = p.comparison.changes;
  const changes: AssignmentChange[] = new Array(c.at.length);
  for (let q = 0; q < changes.length; q++) {
    if (q % STEP === STEP - 1) yield;
    changes[q] = { accountId: accounts[c.at[q]].id, from: str(c.from[q]), to: str(c.to[q]) };
  }
  const before = yield* unpackEvaluation(p.before, accounts);
  const after = yield* unpackEvaluation(p.after, accounts);
  const unplacedAccountIds = yield* idsOf(p.unplacedAccountIds, accounts);
  return {
    assignments,
    moves,
    metrics: { before, after, comparison: { ...p.comparison, changes } },
    status: p.status,
    explanation: p.explanation,
    ...(p.explanationParts ? { explanationParts: p.explanationParts } : {}),
    unplacedAccountIds,
    limits: p.limits,
    distanceLimit: p.distanceLimit,
    outsideToleranceRepIds: p.outsideToleranceRepIds,
    orphansPlaced: p.orphansPlaced,
  };
}

function* idsOf(at: Int32Array, accounts: readonly Account[]): Steps<string[]> {
  const out: string[] = new Array(at.length);
  for (let q = 0; q < at.length; q++) {
    if (q % STEP === STEP - 1) yield;
    out[q] = accounts[at[q]].id;
  }
  return out;
}

function* unpackEvaluation(p: PackedEvaluation, accounts: readonly Account[]): Steps<PlanEvaluation> {
  return {
    ...p,
    byRep: Object.assign(Object.create(null) as PlanEvaluation['byRep'], ...p.reps.map((r) => ({ [r.repId]: r }))),
    unassigned: { ...p.unassigned, accountIds: yield* idsOf(p.unassigned.accountIds, accounts) },
    onInactive: { ...p.onInactive, accountIds: yield* idsOf(p.onInactive.accountIds, accounts) },
    unknownOwner: { ...p.unknownOwner, accountIds: yield* idsOf(p.unknownOwner.accountIds, accounts) },
  };
}
