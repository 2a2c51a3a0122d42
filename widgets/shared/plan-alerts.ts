// The plan's alerts and territory resolution, memoised on the state slices they read, shared by every
// element (the panel's alert list and header count, the map's count): computed once per change.
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';
import type { Territory } from '../../src/model/territory.js';
import type { AlertSettings, PlanState } from '../../src/store/types.js';
import { memoLast } from '../../src/store/memo.js';
import { detectAlerts, type Alert, type AlertSeverity } from '../../src/engine/detect-alerts.js';
import { resolveTerritories, type ResolveResult } from '../../src/engine/resolve-territories.js';

/** A computation that may fail on bad data: the value, or the error's message. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

export function attempt<T>(fn: () => T): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const resolve = memoLast(
  (accounts: readonly Account[], territories: readonly Territory[]): Outcome<ResolveResult> => attempt(() => resolveTerritories(accounts, territories)),
);

/** The territories resolved against the accounts (live on every territory edit). */
export function resolution(state: PlanState): Outcome<ResolveResult> {
  return resolve(state.accounts, state.territories);
}

const alertsMemo = memoLast(
  (
    accounts: readonly Account[],
    reps: readonly Rep[],
    working: Assignments,
    territories: readonly Territory[],
    resolved: Outcome<ResolveResult>,
    tolerance: number,
    settings: AlertSettings | undefined,
    formatMoney: ((value: number) => string) | undefined,
  ): Outcome<Alert[]> =>
    attempt(() =>
      detectAlerts({
        accounts,
        reps,
        assignments: working,
        ...(resolved.ok && territories.length ? { resolution: resolved.value } : {}),
        options: {
          tolerance: settings?.tolerance ?? tolerance,
          ...(settings?.highPotentialQuantile !== undefined ? { highPotentialQuantile: settings.highPotentialQuantile } : {}),
          ...(settings?.untouchedDays !== undefined ? { untouchedDays: settings.untouchedDays } : {}),
          ...(formatMoney ? { formatMoney } : {}),
        },
      }),
    ),
);

/**
 * What needs a look in the working plan (detectAlerts with the plan's alert settings; `tolerance`
 * applies when the settings give none). Pass the element's `currencyCompact` so money has its currency.
 */
export function alertsFor(state: PlanState, tolerance = 0.05, formatMoney?: (value: number) => string): Outcome<Alert[]> {
  return alertsMemo(state.accounts, state.reps, state.working, state.territories, resolution(state), tolerance, state.alertSettings, formatMoney);
}

/** How many alerts of each severity, and the worst one present. */
export interface AlertCounts {
  total: number;
  critical: number;
  warning: number;
  info: number;
  worst: AlertSeverity | null;
}

/** Counts alerts by severity (for a header badge, or the map). */
export function alertCounts(alerts: readonly Alert[]): AlertCounts {
  const c: AlertCounts = { total: alerts.length, critical: 0, warning: 0, info: 0, worst: null };
  for (const a of alerts) c[a.severity]++;
  c.worst = c.critical ? 'critical' : c.warning ? 'warning' : c.info ? 'info' : null;
  return c;
}
