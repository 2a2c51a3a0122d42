import type { Account } from '../model/account.js';
import type { Assignments } from '../model/plan.js';
import type { Rep } from '../model/rep.js';
import { evaluatePlan } from './evaluate-plan.js';
import { TOLERANCE_EPSILON } from './metrics/balance-stats.js';
import { formatAmount, formatMoney, formatShare, listNames, plural } from './metrics/format.js';
import { resolveTerritories, type ResolvableTerritory, type ResolveResult } from './resolve-territories.js';

export type AlertKind =
  | 'imbalance'
  | 'over-capacity'
  | 'unassigned-high-potential'
  | 'untouched-high-potential'
  | 'inactive-owner'
  | 'unknown-owner'
  | 'territory-gap'
  | 'territory-overlap';

export type AlertSeverity = 'info' | 'warning' | 'critical';

/** Something in the plan that needs a look, naming the records involved. */
export interface Alert {
  /** Stable across runs for the same situation, e.g. `imbalance:r1`, `territory-overlap:t1+t2`. */
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** English sentence naming reps and territories by name (plain text: render with textContent). */
  message: string;
  accountIds?: string[];
  repIds?: string[];
  territoryIds?: string[];
}

export interface DetectAlertsOptions {
  /** Allowed relative deviation from target before imbalance/over-capacity. Default 0.05. */
  tolerance?: number;
  /** Accounts with potential at or above this quantile (and above 0) are high-potential. Default 0.9. */
  highPotentialQuantile?: number;
  /** An account with no activity for more than this many days is untouched. Default 90. */
  untouchedDays?: number;
  /**
   * Formats money (potential) in messages, with its currency — pass the page's formatter (e.g. the
   * widgets' `currencyCompact`). Default: compact US dollars, "$46.4M".
   */
  formatMoney?: (value: number) => string;
}

export interface DetectAlertsInput {
  accounts: readonly Account[];
  reps: readonly Rep[];
  assignments: Assignments;
  /** Territories, for gap and overlap alerts (resolved with resolveTerritories unless `resolution` is given). */
  territories?: readonly ResolvableTerritory[];
  /** A resolveTerritories result to use instead of resolving `territories` again. */
  resolution?: Pick<ResolveResult, 'gaps' | 'overlaps'>;
  /** The date "untouched" is measured from. Default: now. */
  now?: Date | string;
  options?: DetectAlertsOptions;
}

const DAY_MS = 86_400_000;
const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** The q-quantile of values with linear interpolation between order statistics (numpy's default). */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/** info beyond τ, warning beyond 2τ, critical beyond 4τ. */
function bandFor(deviation: number, tolerance: number): AlertSeverity {
  const d = Math.abs(deviation);
  return d > 4 * tolerance + TOLERANCE_EPSILON ? 'critical' : d > 2 * tolerance + TOLERANCE_EPSILON ? 'warning' : 'info';
}

/**
 * Finds what needs attention between planning cycles: drift from balance, overloaded reps, valuable
 * accounts with no owner or no recent activity, accounts on inactive or unknown reps, and territory
 * gaps and overlaps. Alerts come critical first, then by kind in the order below, then by rep order.
 *
 * | kind (id) | when | severity |
 * |---|---|---|
 * | `inactive-owner:<rep>` | an inactive rep owns accounts | critical |
 * | `imbalance:<rep>` | an active rep's potential is more than τ off target, either way | info > τ, warning > 2τ, critical > 4τ |
 * | `over-capacity:<rep>` | an active rep's workload is more than τ over target | same bands |
 * | `unassigned-high-potential` | high-potential accounts with no owner | critical |
 * | `untouched-high-potential:<rep>` | a rep's high-potential accounts with no activity for more than `untouchedDays` (or none recorded) | warning |
 * | `unknown-owner:<owner id>` | accounts assigned to an id that is not a rep | warning |
 * | `territory-gap` | accounts matching no territory | warning |
 * | `territory-overlap:<t1>+<t2>…` | accounts matching several territories at the top priority | warning |
 *
 * High potential: potential > 0 and at or above the `highPotentialQuantile` of all accounts' potential
 * (linear interpolation, as numpy's default). Targets, deviations and owners come from `evaluatePlan`.
 * Territory alerts appear when `resolution` or a non-empty `territories` list is given.
 *
 * @param input accounts, reps, assignments, optional territories/resolution, `now` and options
 *   (`tolerance` 0.05, `highPotentialQuantile` 0.9, `untouchedDays` 90)
 * @returns the alerts; throws naming the record and field for an unreadable lastActivity or `now`
 *
 * @example
 * detectAlerts({ accounts, reps, assignments, now: '2026-11-27' });
 * // [{ id: 'inactive-owner:r9', kind: 'inactive-owner', severity: 'critical',
 * //    message: 'Sam Ortiz is inactive but owns 14 accounts ($1.2M potential)', accountIds: [...], repIds: ['r9'] }, ...]
 */
export function detectAlerts(input: DetectAlertsInput): Alert[] {
  const { accounts, reps, assignments } = input;
  const tolerance = input.options?.tolerance ?? 0.05;
  const q = input.options?.highPotentialQuantile ?? 0.9;
  const untouchedDays = input.options?.untouchedDays ?? 90;
  const money = input.options?.formatMoney ?? formatMoney;
  if (!(q >= 0 && q <= 1)) throw new Error(`detectAlerts: highPotentialQuantile must be between 0 and 1, got ${String(q)}`);
  if (!(untouchedDays >= 0 && untouchedDays < Infinity)) throw new Error(`detectAlerts: untouchedDays must be a finite number ≥ 0, got ${String(untouchedDays)}`);
  const nowMs = input.now === undefined ? Date.now() : new Date(input.now).getTime();
  if (Number.isNaN(nowMs)) throw new Error(`detectAlerts: now is not a date: ${JSON.stringify(String(input.now))}`);

  const ev = evaluatePlan(accounts, reps, assignments, { tolerance });
  const repById = new Map(reps.map((r) => [r.id, r]));
  const nameOf = (id: string) => repById.get(id)?.name || id;
  const ownerOf = (a: Account): string | null => {
    const o = assignments[a.id];
    return typeof o === 'string' ? o : null;
  };
  const alerts: Alert[] = [];

  // Per-rep accounts, only for the reps that need them.
  const accountsOf = new Map<string, Account[]>();
  for (const a of accounts) {
    const o = ownerOf(a);
    if (o === null) continue;
    let list = accountsOf.get(o);
    if (!list) accountsOf.set(o, (list = []));
    list.push(a);
  }

  for (const r of ev.reps) {
    if (r.active || r.count === 0) continue;
    alerts.push({
      id: `inactive-owner:${r.repId}`,
      kind: 'inactive-owner',
      severity: 'critical',
      message: `${nameOf(r.repId)} is inactive but owns ${plural(r.count, 'account')} (${money(r.potential)} potential)`,
      accountIds: accountsOf.get(r.repId)!.map((a) => a.id),
      repIds: [r.repId],
    });
  }

  const slack = tolerance + TOLERANCE_EPSILON;
  for (const r of ev.reps) {
    if (!r.active) continue;
    const d = r.deviation.potential;
    if (Math.abs(d) > slack) {
      alerts.push({
        id: `imbalance:${r.repId}`,
        kind: 'imbalance',
        severity: bandFor(d, tolerance),
        message: `${nameOf(r.repId)} holds ${formatShare(Math.abs(d))} ${d > 0 ? 'more' : 'less'} potential than target (${money(r.potential)} vs ${money(r.target.potential)})`,
        repIds: [r.repId],
      });
    }
  }
  for (const r of ev.reps) {
    if (!r.active) continue;
    const d = r.deviation.workload;
    if (d > slack) {
      alerts.push({
        id: `over-capacity:${r.repId}`,
        kind: 'over-capacity',
        severity: bandFor(d, tolerance),
        message: `${nameOf(r.repId)} carries ${formatShare(d)} more workload than capacity allows (${formatAmount(r.workload)} vs ${formatAmount(r.target.workload)})`,
        repIds: [r.repId],
      });
    }
  }

  // High potential.
  const threshold = accounts.length ? quantile(accounts.map((a) => a.potential), q) : Infinity;
  const isHigh = (a: Account) => a.potential > 0 && a.potential >= threshold;
  const unassignedHigh = accounts.filter((a) => ownerOf(a) === null && isHigh(a));
  if (unassignedHigh.length) {
    const potential = unassignedHigh.reduce((s, a) => s + a.potential, 0);
    alerts.push({
      id: 'unassigned-high-potential',
      kind: 'unassigned-high-potential',
      severity: 'critical',
      message: `${plural(unassignedHigh.length, 'high-potential account')} ${unassignedHigh.length === 1 ? 'has' : 'have'} no owner (${money(potential)} potential)`,
      accountIds: unassignedHigh.map((a) => a.id),
    });
  }

  const cutoff = nowMs - untouchedDays * DAY_MS;
  for (const r of ev.reps) {
    if (!r.active) continue;
    const untouched = (accountsOf.get(r.repId) ?? []).filter((a) => {
      if (!isHigh(a)) return false;
      const last = a.performance?.lastActivity;
      if (last === undefined || last === null) return true;
      const t = Date.parse(last);
      if (Number.isNaN(t)) throw new Error(`account "${a.id}": performance.lastActivity is not a date: ${JSON.stringify(last)}`);
      return t < cutoff;
    });
    if (untouched.length) {
      alerts.push({
        id: `untouched-high-potential:${r.repId}`,
        kind: 'untouched-high-potential',
        severity: 'warning',
        message: `${nameOf(r.repId)} has ${plural(untouched.length, 'high-potential account')} with no activity in ${untouchedDays} days`,
        accountIds: untouched.map((a) => a.id),
        repIds: [r.repId],
      });
    }
  }

  // Unknown owners, grouped by owner id in order of first appearance.
  const unknown = new Map<string, string[]>();
  const unknownSet = new Set(ev.unknownOwner.accountIds);
  for (const a of accounts) {
    if (!unknownSet.has(a.id)) continue;
    const o = ownerOf(a)!;
    let list = unknown.get(o);
    if (!list) unknown.set(o, (list = []));
    list.push(a.id);
  }
  for (const [ownerId, ids] of unknown) {
    alerts.push({
      id: `unknown-owner:${ownerId}`,
      kind: 'unknown-owner',
      severity: 'warning',
      message: `${plural(ids.length, 'account')} ${ids.length === 1 ? 'is' : 'are'} assigned to "${ownerId}", which is not a known rep`,
      accountIds: ids,
      repIds: [ownerId],
    });
  }

  const resolution = input.resolution ?? (input.territories?.length ? resolveTerritories(accounts, input.territories) : null);
  if (resolution) {
    const territoryName = new Map((input.territories ?? []).map((t) => [t.id, t.name || t.id]));
    const tName = (id: string) => `"${territoryName.get(id) ?? id}"`;
    if (resolution.gaps.length) {
      alerts.push({
        id: 'territory-gap',
        kind: 'territory-gap',
        severity: 'warning',
        message: `${plural(resolution.gaps.length, 'account')} ${resolution.gaps.length === 1 ? 'falls' : 'fall'} in no territory`,
        accountIds: [...resolution.gaps],
      });
    }
    const overlaps = new Map<string, { territoryIds: string[]; priority: number; accountIds: string[] }>();
    for (const o of resolution.overlaps) {
      const key = o.territoryIds.join('+');
      let group = overlaps.get(key);
      if (!group) overlaps.set(key, (group = { territoryIds: [...o.territoryIds], priority: o.priority, accountIds: [] }));
      group.accountIds.push(o.accountId);
    }
    for (const [key, g] of overlaps) {
      alerts.push({
        id: `territory-overlap:${key}`,
        kind: 'territory-overlap',
        severity: 'warning',
        message: `${plural(g.accountIds.length, 'account')} ${g.accountIds.length === 1 ? 'matches' : 'match'} ${listNames(g.territoryIds.map(tName))} at the same priority (${g.priority})`,
        accountIds: g.accountIds,
        territoryIds: g.territoryIds,
      });
    }
  }

  // Stable sort: severity first, production order (kind, then rep order) within.
  return alerts
    .map((a, i) => ({ a, i }))
    .sort((x, y) => SEVERITY_RANK[x.a.severity] - SEVERITY_RANK[y.a.severity] || x.i - y.i)
    .map(({ a }) => a);
}
