import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Opportunity } from '../../src/model/opportunity.js';
import type { Rep } from '../../src/model/rep.js';
import type { Territory } from '../../src/model/territory.js';
import type { PlanEvaluation } from '../../src/engine/evaluate-plan.js';

/**
 * One line of the performance board: a rep, or a territory. Two kinds of figures:
 * - the book (accounts, pipeline, workload) follows the working plan's owner (or, for a territory,
 *   the accounts the territory itself wins);
 * - the history (win rate, closed won, attainment) belongs to whoever earned it: the rep who owned
 *   each deal when it closed (`opportunities`), or, without deal data, the account's owner in the CRM
 *   as loaded (`current`) — never the draft plan's owner.
 */
export interface PerformanceRow {
  id: string;
  name: string;
  /** Accounts in the book: owned in the working plan (rep) or won by the territory. */
  accounts: number;
  /** Earned win rate: won ÷ closed deals (or the mean of account win rates without deal data); null when nothing closed. */
  winRate: number | null;
  pipeline: number;
  /** Σ pipelinePrevious over accounts that report it; null when none does. */
  pipelinePrevious: number | null;
  /** (pipeline − previous) / previous over the accounts that report a previous figure; null when unknown. */
  pipelineChange: number | null;
  /** Earned closed-won amount. */
  closedWon: number;
  quota: number | null;
  /** closedWon / quota; null without a quota. */
  attainment: number | null;
  /** workload / target − 1 (Infinity when the target is 0 and workload is not). */
  workloadDeviation: number;
  under: boolean;
  over: boolean;
  overloaded: boolean;
  /**
   * An inactive rep (rep rows only): no workload target, so neither overloaded nor flagged against a
   * quota; the board says the rep is inactive (and that the accounts still owned need a new owner).
   */
  inactive: boolean;
}

export interface PerformanceOptions {
  /** Workload tolerance τ: over (1 + τ)·target is overloaded. Default 0.05. */
  tolerance?: number;
  /** Attainment below this (times the basis) is under-performing. Default 0.8. */
  underThreshold?: number;
  /** Attainment above this (times the basis) is over-performing. Default 1.2. */
  overThreshold?: number;
  /**
   * What the thresholds scale: `quota` (default) the quota itself, so "over-performing" means above
   * 120% of quota; `team` the mean attainment of the rows that have a quota (mid-period comparisons).
   */
  basis?: 'team' | 'quota';
  /** The owners as loaded from the CRM: history is credited to them when there are no opportunities. */
  current?: Assignments;
  /** Deals with the rep who owned each at close: the earned history (preferred over account figures). */
  opportunities?: readonly Opportunity[];
  /** Account id → the territory it falls in (resolveTerritories): territory rows count their own accounts. */
  territoryOf?: ReadonlyMap<string, { territoryId: string | null }>;
}

interface Book {
  accounts: number;
  pipeline: number;
  pipeWithPrev: number;
  prev: number;
  hasPrev: boolean;
  workload: number;
}

interface History {
  /** Deals won and closed (deal data), or the sum and count of account win rates (fallback). */
  won: number;
  closed: number;
  closedWon: number;
}

const emptyBook = (): Book => ({ accounts: 0, pipeline: 0, pipeWithPrev: 0, prev: 0, hasPrev: false, workload: 0 });
const emptyHistory = (): History => ({ won: 0, closed: 0, closedWon: 0 });

function addBook(s: Book, a: Account): void {
  s.accounts++;
  s.workload += a.workload;
  const p = a.performance;
  if (!p) return;
  s.pipeline += p.pipeline;
  if (p.pipelinePrevious !== undefined) {
    s.hasPrev = true;
    s.prev += p.pipelinePrevious;
    s.pipeWithPrev += p.pipeline;
  }
}

function addDeal(h: History, o: Opportunity): void {
  if (o.stage === 'open') return;
  h.closed++;
  if (o.stage === 'won') {
    h.won++;
    h.closedWon += o.amount;
  }
}

function addAccountHistory(h: History, a: Account): void {
  const p = a.performance;
  if (!p) return;
  h.closedWon += p.closedWon;
  if (p.winRate !== undefined && p.winRate !== null) {
    h.won += p.winRate;
    h.closed++;
  }
}

function row(id: string, name: string, b: Book, h: History, quota: number | null, target: number, o: { tolerance: number }, inactive = false): PerformanceRow {
  const attainment = quota && quota > 0 ? h.closedWon / quota : null;
  const workloadDeviation = target > 0 ? b.workload / target - 1 : b.workload > 0 ? Infinity : 0;
  return {
    id,
    name,
    accounts: b.accounts,
    winRate: h.closed ? h.won / h.closed : null,
    pipeline: b.pipeline,
    pipelinePrevious: b.hasPrev ? b.prev : null,
    pipelineChange: b.hasPrev && b.prev > 0 ? (b.pipeWithPrev - b.prev) / b.prev : null,
    closedWon: h.closedWon,
    quota,
    attainment,
    workloadDeviation,
    under: false,
    over: false,
    overloaded: !inactive && workloadDeviation > o.tolerance + 1e-9,
    inactive,
  };
}

/**
 * Per-rep or per-territory performance. The book (accounts, pipeline, workload) follows the working
 * plan; history (win rate, closed won, attainment) follows who earned it — see {@link PerformanceRow}.
 * A territory row covers the accounts the territory wins (`territoryOf`, as the territory editor
 * counts them; without it, the accounts of its reps), its history the deals on those accounts, and its
 * quota and workload target its reps' sums. Under/over-performers are flagged against the quota by
 * default (see `basis`); overloaded means workload above (1 + τ)·target.
 *
 * @example
 * performanceRows(s.accounts, s.reps, s.territories, s.working, planEvaluation(s), 'rep', { current: s.current, opportunities: s.opportunities })
 */
export function performanceRows(
  accounts: readonly Account[],
  reps: readonly Rep[],
  territories: readonly Territory[],
  working: Assignments,
  evaluation: PlanEvaluation,
  groupBy: 'rep' | 'territory',
  options: PerformanceOptions = {},
): PerformanceRow[] {
  const o = { tolerance: 0.05, underThreshold: 0.8, overThreshold: 1.2, ...options };
  const rows = groupBy === 'rep' ? repRows(accounts, reps, working, evaluation, o) : territoryRows(accounts, reps, territories, working, evaluation, o);
  return flag(rows, o, options.basis ?? 'quota');
}

function flag(rows: PerformanceRow[], o: { underThreshold: number; overThreshold: number }, basis: 'team' | 'quota'): PerformanceRow[] {
  const known = rows.filter((r) => r.attainment !== null && !r.inactive);
  const scale = basis === 'quota' || known.length === 0 ? 1 : known.reduce((sum, r) => sum + r.attainment!, 0) / known.length;
  for (const r of known) {
    if (r.inactive) continue;
    r.under = r.attainment! < o.underThreshold * scale;
    r.over = r.attainment! > o.overThreshold * scale;
  }
  return rows;
}

const useDeals = (o: PerformanceOptions) => (o.opportunities?.length ?? 0) > 0;

function repRows(accounts: readonly Account[], reps: readonly Rep[], working: Assignments, evaluation: PlanEvaluation, o: PerformanceOptions & { tolerance: number }): PerformanceRow[] {
  const books = new Map<string, Book>(reps.map((r) => [r.id, emptyBook()]));
  const histories = new Map<string, History>(reps.map((r) => [r.id, emptyHistory()]));
  const earnedBy = o.current ?? working;
  for (const a of accounts) {
    const owner = working[a.id];
    const b = owner != null ? books.get(owner) : undefined;
    if (b) addBook(b, a);
    if (!useDeals(o)) {
      const earner = earnedBy[a.id];
      const h = earner != null ? histories.get(earner) : undefined;
      if (h) addAccountHistory(h, a);
    }
  }
  if (useDeals(o)) {
    for (const d of o.opportunities!) {
      const h = d.ownerId != null ? histories.get(d.ownerId) : undefined;
      if (h) addDeal(h, d);
    }
  }
  return reps
    .filter((r) => r.active || (books.get(r.id)?.accounts ?? 0) > 0 || (histories.get(r.id)?.closed ?? 0) > 0)
    .map((r) => row(r.id, r.name, books.get(r.id)!, histories.get(r.id)!, r.quota ?? null, evaluation.byRep[r.id]?.target.workload ?? 0, o, !r.active));
}

function territoryRows(
  accounts: readonly Account[],
  reps: readonly Rep[],
  territories: readonly Territory[],
  working: Assignments,
  evaluation: PlanEvaluation,
  o: PerformanceOptions & { tolerance: number },
): PerformanceRow[] {
  const index = new Map(territories.map((t, i) => [t.id, i]));
  const repTerritories = new Map<string, number[]>();
  territories.forEach((t, i) => {
    for (const repId of new Set(t.repIds)) {
      let list = repTerritories.get(repId);
      if (!list) repTerritories.set(repId, (list = []));
      list.push(i);
    }
  });
  const books = territories.map(emptyBook);
  const histories = territories.map(emptyHistory);
  const territoriesOf = (a: Account): number[] => {
    if (o.territoryOf) {
      const t = o.territoryOf.get(a.id)?.territoryId;
      const i = t != null ? index.get(t) : undefined;
      return i === undefined ? [] : [i];
    }
    const owner = working[a.id];
    return owner != null ? (repTerritories.get(owner) ?? []) : [];
  };
  const accountTerritories = new Map<string, number[]>();
  for (const a of accounts) {
    const ts = territoriesOf(a);
    if (ts.length === 0) continue;
    accountTerritories.set(a.id, ts);
    for (const i of ts) {
      addBook(books[i], a);
      if (!useDeals(o)) addAccountHistory(histories[i], a);
    }
  }
  if (useDeals(o)) {
    for (const d of o.opportunities!) for (const i of accountTerritories.get(d.accountId) ?? []) addDeal(histories[i], d);
  }
  const quotas = new Map(reps.map((r) => [r.id, r.quota ?? null]));
  return territories.map((t, i) => {
    let quota: number | null = null;
    let target = 0;
    for (const repId of new Set(t.repIds)) {
      const q = quotas.get(repId);
      if (q != null) quota = (quota ?? 0) + q;
      target += evaluation.byRep[repId]?.target.workload ?? 0;
    }
    return row(t.id, t.name, books[i], histories[i], quota, target, o);
  });
}
