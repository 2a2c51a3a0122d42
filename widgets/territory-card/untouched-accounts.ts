import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';
import { detectAlerts } from '../../src/engine/detect-alerts.js';

const DAY_MS = 86_400_000;

export interface UntouchedAccount {
  account: Account;
  /** Whole days since the last activity, or null when none was ever logged. */
  days: number | null;
}

export interface UntouchedOptions {
  /** The date "untouched" is measured from (default now). */
  asOf?: string | Date;
  /** No activity for more than this many days counts as untouched (default 90). */
  staleDays?: number;
  /** Accounts at or above this quantile of everyone's potential are high-potential (default 0.9). */
  potentialQuantile?: number;
  /** Most accounts returned (default 5). */
  limit?: number;
}

/**
 * A rep's untouched high-potential accounts, largest potential first, as the engine's `detectAlerts`
 * reports them (`untouched-high-potential:<rep>`): potential at or above the team-wide quantile, and
 * no activity for more than `staleDays` days (or none recorded).
 *
 * @example
 * untouchedAccounts(state.accounts, state.reps, state.working, 'rep-11', { limit: 3 })
 */
export function untouchedAccounts(
  accounts: readonly Account[],
  reps: readonly Rep[],
  assignments: Assignments,
  repId: string,
  options: UntouchedOptions = {},
): UntouchedAccount[] {
  const asOf = options.asOf ?? new Date();
  const alerts = detectAlerts({
    accounts,
    reps,
    assignments,
    now: asOf,
    options: { untouchedDays: options.staleDays ?? 90, highPotentialQuantile: options.potentialQuantile ?? 0.9 },
  });
  const ids = new Set(alerts.find((a) => a.id === `untouched-high-potential:${repId}`)?.accountIds ?? []);
  const now = new Date(asOf).getTime();
  return accounts
    .filter((a) => ids.has(a.id))
    .sort((a, b) => b.potential - a.potential || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, options.limit ?? 5))
    .map((account) => {
      const last = account.performance?.lastActivity;
      return { account, days: last ? Math.floor((now - Date.parse(last)) / DAY_MS) : null };
    });
}
