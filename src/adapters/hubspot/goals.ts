import type { HttpResult } from '../shared/http.js';
import type { QuotaEntry } from '../../model/quota.js';
import type { HubSpotClient } from './client.js';
import type { ResolvedOptions } from './options.js';
import { describeError, readPage, type HubSpotObject } from './wire.js';
import type { Said } from '../crm-adapter.js';
import { say } from '../texts/adapter.js';
import { carried, type Failure } from '../texts/said.js';

/** A refusal's reason: the English and the sentence as data. */
const reasonOf = (why: Said) => ({ reason: why.message, why });
/** A goal target left out: its id, the property and why (`why`: the reason as data). */
export type GoalRefusal = { id: string; field: string; reason: string; why: Said };

/** HubSpot's date-versioned (2026-03) goal target paths; the classic v3 Goals API only reads. */
export const GOAL_TARGETS = '/crm/objects/2026-03/goal_targets';
/** The goal target properties the adapter reads; it writes only `hs_target_amount`. */
export const GOAL_PROPS = ['hs_goal_name', 'hs_target_amount', 'hs_start_datetime', 'hs_end_datetime', 'hubspot_owner_id', 'hs_lastmodifieddate'] as const;
/** Search pages: HubSpot's search answers at most 200 a page and stops at 10,000 results. */
const SEARCH_LIMIT = 200;
const MAX_RESULTS = 10_000;

/** One goal target loaded as a quota: its HubSpot id, owner, period start and amount. */
export interface GoalTarget {
  id: string;
  repId: string;
  period: string;
  amount: number;
}

export type GoalRead =
  | { ok: true; targets: Map<string, GoalTarget>; refused: GoalRefusal[]; duplicates: number; truncated: boolean }
  | (Failure & { ok: false; status?: number });

export const goalKey = (repId: string, period: string) => `${repId}\u0000${period}`;

/** The period start (YYYY-MM-DD) of a goal target's `hs_start_datetime` (ISO text or epoch ms), in `timeZone`. */
export function periodOf(raw: unknown, timeZone: string): string | null {
  if (typeof raw !== 'string' || raw === '') return null;
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(ms)) return null;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function failure(result: Exclude<HttpResult, { kind: 'ok' }>): Failure & { status?: number } {
  if (result.kind === 'aborted') return { code: 'ABORTED', ...say('net.aborted') };
  if (result.kind === 'network') return { code: 'NETWORK', ...carried(result) };
  const { code, message } = describeError(result.status, result.body);
  return { code: result.status === 403 ? 'MISSING_SCOPES' : code, ...say('net.http', { status: result.status, detail: message }), status: result.status };
}

/**
 * Reads the goal targets of the configured goal (`goals.name`, matched on `hs_goal_name`) with the
 * search endpoint, paged, retried like every read: one quota per owner (`hubspot_owner_id`) and
 * period start (`hs_start_datetime` in `goals.timeZone`). A target whose amount is not a whole number
 * ≥ 0, or that names no owner or start, is refused naming the property; team targets (no owner) are
 * left out; a second target for the same owner and period is counted in `duplicates` (the first wins).
 *
 * @example
 * const read = await readGoalTargets(client, opts, signal);
 * if (read.ok) read.targets.get(goalKey('101', '2027-01-01'))?.amount;
 */
export async function readGoalTargets(client: HubSpotClient, opts: ResolvedOptions, signal?: AbortSignal): Promise<GoalRead> {
  const goals = opts.goals!;
  const timeZone = goals.timeZone ?? 'UTC';
  const targets = new Map<string, GoalTarget>();
  const refused: GoalRefusal[] = [];
  let duplicates = 0;
  let after: string | undefined;
  let received = 0;
  let truncated = false;
  do {
    const result = await client.idempotent({
      method: 'POST',
      path: `${GOAL_TARGETS}/search`,
      body: { filterGroups: [{ filters: [{ propertyName: 'hs_goal_name', operator: 'EQ', value: goals.name }] }], properties: [...GOAL_PROPS], limit: SEARCH_LIMIT, ...(after ? { after } : {}) },
      ...(signal ? { signal } : {}),
    });
    if (result.kind !== 'ok') return { ok: false, ...failure(result) };
    let page;
    try {
      page = readPage<HubSpotObject>(result.body, 'goal targets');
    } catch (error) {
      return { ok: false, code: 'BAD_RESPONSE', ...carried(error as Error & { key?: string }) };
    }
    received += page.results.length;
    for (const raw of page.results) {
      const id = raw && (typeof raw.id === 'string' || typeof raw.id === 'number') ? String(raw.id) : '';
      const p = (raw?.properties ?? {}) as Record<string, unknown>;
      if (id === '') continue;
      const owner = typeof p.hubspot_owner_id === 'string' ? p.hubspot_owner_id : '';
      if (owner === '') continue; // a team target: not a rep's quota
      const period = periodOf(p.hs_start_datetime, timeZone);
      if (period === null) {
        refused.push({ id, field: 'hs_start_datetime', ...reasonOf(say('reason.expected-date', { got: JSON.stringify(String(p.hs_start_datetime ?? '').slice(0, 40)) })) });
        continue;
      }
      const text = typeof p.hs_target_amount === 'string' ? p.hs_target_amount.trim() : '';
      const amount = text === '' ? NaN : Number(text);
      if (!Number.isSafeInteger(amount) || amount < 0) {
        refused.push({ id, field: 'hs_target_amount', ...reasonOf(say('reason.expected-amount', { got: JSON.stringify(text.slice(0, 40)) })) });
        continue;
      }
      const key = goalKey(owner, period);
      if (targets.has(key)) duplicates++;
      else targets.set(key, { id, repId: owner, period, amount });
    }
    after = page.paging?.next?.after;
    if (received >= MAX_RESULTS && after !== undefined) {
      truncated = true;
      after = undefined;
    }
  } while (after !== undefined);
  return { ok: true, targets, refused, duplicates, truncated };
}

/** The loaded targets as plan quotas. */
export function targetsAsQuotas(targets: Map<string, GoalTarget>): QuotaEntry[] {
  return [...targets.values()].map((t) => ({ repId: t.repId, period: t.period, amount: t.amount }));
}
