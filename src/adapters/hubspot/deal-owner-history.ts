/**
 * Who owned each closed deal when it closed (issue #14, "earned vs owned"): a deal closed by Wen and
 * later reassigned to Zoe stays Wen's closed-won. HubSpot keeps the history of `hubspot_owner_id`;
 * the batch read returns it with `propertiesWithHistory` (newest first, each `{ value, timestamp,
 * sourceType, … }`). Asking for history lowers HubSpot's per-request limits, so deals are read 50 at a
 * time, and only those whose owner was assigned after their close (`hubspot_owner_assigneddate`).
 */
import { CrmLoadError, type LoadNotice } from '../crm-adapter.js';
import type { HubSpotClient } from './client.js';
import { describeError, readBatch } from './wire.js';
import { say } from '../texts/adapter.js';
import { asSaid } from '../texts/said.js';

/** Deals per batch read with `propertiesWithHistory` (HubSpot's lower limit for history reads). */
export const HISTORY_BATCH = 50;

/** What the deal load knows of a closed deal. */
export interface ClosedDeal {
  id: string;
  ownerId: string | null;
  /** `closedate`, ISO 8601. */
  closeDate: string;
  /** `hubspot_owner_assigneddate` (when the current owner was assigned), ISO 8601 or epoch ms; null when unknown. */
  ownerAssignedAt: string | null;
}

/** Milliseconds of an ISO date or an epoch-ms string; NaN otherwise. */
export function timeOfHubSpot(v: string | null | undefined): number {
  if (typeof v !== 'string' || v.trim() === '') return Number.NaN;
  return /^\d{10,}$/.test(v.trim()) ? Number(v) : Date.parse(v);
}

/** The end of a close date's day (UTC): changes up to then count as before the close. */
export const endOfCloseDay = (closeDate: string): number => {
  const t = timeOfHubSpot(closeDate);
  return Number.isNaN(t) ? t : Math.floor(t / 86_400_000) * 86_400_000 + 86_400_000;
};

/**
 * The owner at close from one deal's `hubspot_owner_id` history: the value of the last change up to
 * the end of the close date ('' → no owner); undefined when the history says nothing about that time.
 *
 * @example
 * ownerFromHistory([{ value: '102', timestamp: '2026-09-01T00:00:00Z' }, { value: '101', timestamp: '2026-01-05T00:00:00Z' }], '2026-06-15T00:00:00Z'); // '101'
 */
export function ownerFromHistory(history: unknown, closeDate: string): string | null | undefined {
  if (!Array.isArray(history)) return undefined;
  const end = endOfCloseDay(closeDate);
  if (Number.isNaN(end)) return undefined;
  let best: { at: number; value: string | null } | undefined;
  for (const h of history) {
    if (h === null || typeof h !== 'object') continue;
    const { value, timestamp } = h as { value?: unknown; timestamp?: unknown };
    const at = timeOfHubSpot(typeof timestamp === 'string' ? timestamp : typeof timestamp === 'number' ? String(timestamp) : null);
    if (Number.isNaN(at) || at >= end) continue;
    const owner = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : null;
    if (!best || at >= best.at) best = { at, value: owner === '' ? null : owner };
  }
  return best?.value;
}

/** Owners at close by deal id (only the deals whose owner changed since), or why history was not used. */
export type DealOwnersAtClose = { owners: Map<string, string | null>; notice?: undefined } | { owners?: undefined; notice: LoadNotice };

/** What is loaded, in the load errors ("Loading deal owner history failed: …"). */
const what = 'deal owner history';

/**
 * Reads the owner history of the closed deals whose owner was (re)assigned after their close, or
 * when that is unknown, 50 per `POST /crm/v3/objects/deals/batch/read`, and rebuilds their owner at
 * close. HubSpot refusing the read (4xx) ends it with a notice (topic `owner-history-unavailable`) and
 * the caller keeps today's owners; an abort, network failure or exhausted retries fail the load.
 *
 * @param client the HTTP client
 * @param deals the closed deals loaded
 * @param signal abort signal
 * @returns owners at close, or a notice
 * @example
 * const r = await dealOwnersAtClose(client, closed, signal);
 * if (r.notice) notices.push(r.notice); else for (const [id, owner] of r.owners) credit(id, owner);
 */
export async function dealOwnersAtClose(client: HubSpotClient, deals: readonly ClosedDeal[], signal?: AbortSignal): Promise<DealOwnersAtClose> {
  const owners = new Map<string, string | null>();
  const needed = deals.filter((d) => {
    const end = endOfCloseDay(d.closeDate);
    const assigned = timeOfHubSpot(d.ownerAssignedAt);
    return !Number.isNaN(end) && (Number.isNaN(assigned) || assigned >= end);
  });
  const closeOf = new Map(needed.map((d) => [d.id, d]));
  for (let i = 0; i < needed.length; i += HISTORY_BATCH) {
    if (signal?.aborted) throw new CrmLoadError('ABORTED', say('load.aborted', { what }));
    const inputs = needed.slice(i, i + HISTORY_BATCH).map((d) => ({ id: d.id }));
    const result = await client.idempotent({
      method: 'POST',
      path: '/crm/v3/objects/deals/batch/read',
      body: { inputs, properties: ['hubspot_owner_id'], propertiesWithHistory: ['hubspot_owner_id'] },
      ...(signal ? { signal } : {}),
    });
    if (result.kind === 'aborted') throw new CrmLoadError('ABORTED', say('load.aborted', { what }));
    if (result.kind === 'network') throw new CrmLoadError('NETWORK', say('load.failed', { what, detail: asSaid(result) }));
    if (result.kind === 'http') {
      const { code, message } = describeError(result.status, result.body);
      if (result.status === 429 || result.status >= 500) throw new CrmLoadError(code, say('load.failed-http', { what, status: result.status, detail: message }));
      const detail = `HTTP ${result.status}: ${message}`;
      return { notice: { code, topic: 'owner-history-unavailable', field: 'hubspot_owner_id', detail, ...say('notice.deal-owner-history-unread', { why: say('net.http', { status: result.status, detail: message }) }) } };
    }
    for (const r of readBatch(result.body).results) {
      const deal = closeOf.get(r.id);
      const history = (r as { propertiesWithHistory?: Record<string, unknown> }).propertiesWithHistory?.hubspot_owner_id;
      if (!deal) continue;
      const owner = ownerFromHistory(history, deal.closeDate);
      if (owner !== undefined && owner !== deal.ownerId) owners.set(deal.id, owner);
    }
  }
  return { owners };
}
