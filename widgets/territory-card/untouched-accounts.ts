import type { Account } from '../../src/model/account.js';

const DAY_MS = 86_400_000;

export interface UntouchedAccount {
  account: Account;
  /** Days since the last activity, or null when none was ever logged. */
  days: number | null;
}

/**
 * The highest-potential accounts with no activity in the last `staleDays` days (or none ever),
 * largest potential first.
 *
 * @param accounts the rep's accounts
 * @param options `asOf` (default now), `staleDays` (default 90), `limit` (default 5)
 * @example
 * untouchedAccounts(mine, { asOf: '2026-11-27', limit: 3 })
 */
export function untouchedAccounts(
  accounts: readonly Account[],
  options: { asOf?: string | Date; staleDays?: number; limit?: number } = {},
): UntouchedAccount[] {
  const asOf = options.asOf === undefined ? Date.now() : new Date(options.asOf).getTime();
  const staleDays = options.staleDays ?? 90;
  const limit = options.limit ?? 5;
  const out: UntouchedAccount[] = [];
  for (const account of accounts) {
    const last = account.performance?.lastActivity;
    const t = last ? Date.parse(last) : NaN;
    const days = Number.isNaN(t) ? null : Math.floor((asOf - t) / DAY_MS);
    if (days === null || days >= staleDays) out.push({ account, days });
  }
  out.sort((a, b) => b.account.potential - a.account.potential || a.account.id.localeCompare(b.account.id));
  return out.slice(0, Math.max(0, limit));
}
