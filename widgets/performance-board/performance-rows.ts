import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';
import type { Territory } from '../../src/model/territory.js';
import type { PlanEvaluation } from '../../src/engine/evaluate-plan.js';

/** One line of the performance board: a rep, or a territory (the accounts of its reps). */
export interface PerformanceRow {
  id: string;
  name: string;
  accounts: number;
  /** Mean win rate over accounts that have one; null when none has. */
  winRate: number | null;
  pipeline: number;
  /** Σ pipelinePrevious over accounts that report it; null when none does. */
  pipelinePrevious: number | null;
  /** (pipeline − previous) / previous over the accounts that report a previous figure; null when unknown. */
  pipelineChange: number | null;
  closedWon: number;
  quota: number | null;
  /** closedWon / quota; null without a quota. */
  attainment: number | null;
  /** workload / target − 1 (Infinity when the target is 0 and workload is not). */
  workloadDeviation: number;
  under: boolean;
  over: boolean;
  overloaded: boolean;
}

export interface PerformanceOptions {
  /** Workload tolerance τ: over (1 + τ)·target is overloaded. Default 0.05. */
  tolerance?: number;
  /** Attainment below this (times the basis) is under-performing. Default 0.8. */
  underThreshold?: number;
  /** Attainment above this (times the basis) is over-performing. Default 1.2. */
  overThreshold?: number;
  /**
   * What the thresholds scale: `team` (default) the mean attainment of the rows that have a quota,
   * so mid-period figures compare reps with each other; `quota` the quota itself (1.0).
   */
  basis?: 'team' | 'quota';
}

interface Sums {
  accounts: number;
  wins: number;
  winCount: number;
  pipeline: number;
  pipeWithPrev: number;
  prev: number;
  hasPrev: boolean;
  closedWon: number;
}

const empty = (): Sums => ({ accounts: 0, wins: 0, winCount: 0, pipeline: 0, pipeWithPrev: 0, prev: 0, hasPrev: false, closedWon: 0 });

function add(s: Sums, a: Account): void {
  const p = a.performance;
  s.accounts++;
  if (!p) return;
  s.pipeline += p.pipeline;
  s.closedWon += p.closedWon;
  if (p.winRate !== undefined && p.winRate !== null) {
    s.wins += p.winRate;
    s.winCount++;
  }
  if (p.pipelinePrevious !== undefined) {
    s.hasPrev = true;
    s.prev += p.pipelinePrevious;
    s.pipeWithPrev += p.pipeline;
  }
}

function row(id: string, name: string, s: Sums, quota: number | null, workload: number, target: number, o: Required<Omit<PerformanceOptions, 'basis'>>): PerformanceRow {
  const attainment = quota && quota > 0 ? s.closedWon / quota : null;
  const workloadDeviation = target > 0 ? workload / target - 1 : workload > 0 ? Infinity : 0;
  return {
    id,
    name,
    accounts: s.accounts,
    winRate: s.winCount ? s.wins / s.winCount : null,
    pipeline: s.pipeline,
    pipelinePrevious: s.hasPrev ? s.prev : null,
    pipelineChange: s.hasPrev && s.prev > 0 ? (s.pipeWithPrev - s.prev) / s.prev : null,
    closedWon: s.closedWon,
    quota,
    attainment,
    workloadDeviation,
    under: false,
    over: false,
    overloaded: workloadDeviation > o.tolerance + 1e-9,
  };
}

/**
 * Per-rep or per-territory performance from account figures in the working plan. A territory
 * covers the accounts owned by its reps; its quota and workload target are its reps' sums. Win rate
 * is the plain mean of the accounts' win rates. Under/over-performers are flagged against the team's
 * mean attainment by default (see `basis`); overloaded means workload above (1 + τ)·target.
 *
 * @example
 * performanceRows(state.accounts, state.reps, state.territories, state.working, planEvaluation(state), 'rep')
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
  return flag(rowsOf(accounts, reps, territories, working, evaluation, groupBy, o), o, options.basis ?? 'team');
}

function flag(rows: PerformanceRow[], o: Required<Omit<PerformanceOptions, 'basis'>>, basis: 'team' | 'quota'): PerformanceRow[] {
  const known = rows.filter((r) => r.attainment !== null);
  const scale = basis === 'quota' || known.length === 0 ? 1 : known.reduce((sum, r) => sum + r.attainment!, 0) / known.length;
  for (const r of known) {
    r.under = r.attainment! < o.underThreshold * scale;
    r.over = r.attainment! > o.overThreshold * scale;
  }
  return rows;
}

function rowsOf(
  accounts: readonly Account[],
  reps: readonly Rep[],
  territories: readonly Territory[],
  working: Assignments,
  evaluation: PlanEvaluation,
  groupBy: 'rep' | 'territory',
  o: Required<Omit<PerformanceOptions, 'basis'>>,
): PerformanceRow[] {
  const byRep = new Map<string, Sums>(reps.map((r) => [r.id, empty()]));
  for (const a of accounts) {
    const owner = working[a.id];
    const s = owner != null ? byRep.get(owner) : undefined;
    if (s) add(s, a);
  }
  if (groupBy === 'rep') {
    return reps
      .filter((r) => r.active || (byRep.get(r.id)?.accounts ?? 0) > 0)
      .map((r) => {
        const ev = evaluation.byRep[r.id];
        return row(r.id, r.name, byRep.get(r.id)!, r.quota ?? null, ev?.workload ?? 0, ev?.target.workload ?? 0, o);
      });
  }
  const quotas = new Map(reps.map((r) => [r.id, r.quota ?? null]));
  return territories.map((t) => {
    const s = empty();
    let quota: number | null = null;
    let workload = 0;
    let target = 0;
    for (const repId of new Set(t.repIds)) {
      const r = byRep.get(repId);
      if (!r) continue;
      s.accounts += r.accounts;
      s.wins += r.wins;
      s.winCount += r.winCount;
      s.pipeline += r.pipeline;
      s.pipeWithPrev += r.pipeWithPrev;
      s.prev += r.prev;
      s.hasPrev ||= r.hasPrev;
      s.closedWon += r.closedWon;
      const q = quotas.get(repId);
      if (q != null) quota = (quota ?? 0) + q;
      workload += evaluation.byRep[repId]?.workload ?? 0;
      target += evaluation.byRep[repId]?.target.workload ?? 0;
    }
    return row(t.id, t.name, s, quota, workload, target, o);
  });
}
