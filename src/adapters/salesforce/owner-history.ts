/**
 * Who owned each closed opportunity when it closed, rebuilt from OpportunityFieldHistory (issue #14,
 * "earned vs owned"): a deal closed by Wen and later reassigned to Zoe stays Wen's closed-won.
 *
 * Needs field history tracking of Opportunity Owner (Setup → Object Manager → Opportunity → Fields &
 * Relationships → Set History Tracking → Opportunity Owner) and read access to OpportunityFieldHistory.
 * Without either, `ownersAtClose` says so in a notice and every opportunity keeps its current
 * `OwnerId` (the behaviour before this module).
 */
import type { LoadNotice } from '../crm-adapter.js';
import type { RetryOptions } from '../shared/retry.js';
import { queryAll } from './call.js';
import { bool, str, timeOf } from './coerce.js';
import { classify, toSalesforceError } from './errors.js';
import type { ResolvedOptions } from './options.js';
import type { SalesforceTransport, SfRecord, SoqlQuery } from './types.js';
import { say } from '../texts/adapter.js';
import { asSaid } from '../texts/said.js';

/** The fields read from OpportunityFieldHistory. */
export const OWNER_HISTORY_FIELDS = ['Id', 'OpportunityId', 'Field', 'DataType', 'OldValue', 'NewValue', 'CreatedDate'];

/**
 * Whether Opportunity Owner changes are tracked: FieldDefinition.IsFieldHistoryTracked (exposed to the
 * regular API since v45.0; FieldDefinition allows only `=` comparisons joined by AND, no LIMIT).
 */
export const ownerTrackingQuery = (): SoqlQuery => ({
  name: 'ownerTracking',
  object: 'FieldDefinition',
  fields: ['QualifiedApiName', 'IsFieldHistoryTracked'],
  where: [{ field: 'EntityDefinition.QualifiedApiName', op: '=', value: 'Opportunity' }, { field: 'QualifiedApiName', op: '=', value: 'OwnerId' }],
});

/**
 * Owner changes of the closed opportunities the performance load reads (closed within the period,
 * with an account), paged by Id like every other query. A lookup change writes two history rows (one
 * with user ids, DataType `EntityId`, one with names): both come back and the name rows are dropped
 * in code, so a portal that answers without DataType still works.
 */
export const ownerHistoryQuery = (o: ResolvedOptions): SoqlQuery => ({
  name: 'ownerHistory',
  object: 'OpportunityFieldHistory',
  fields: OWNER_HISTORY_FIELDS,
  where: [
    { field: 'Field', op: '=', value: 'Owner' },
    { field: 'Opportunity.IsClosed', op: '=', value: true },
    { field: 'Opportunity.AccountId', op: '!=', value: null },
    { field: 'Opportunity.CloseDate', op: '>=', value: o.period.from, date: true },
    { field: 'Opportunity.CloseDate', op: '<=', value: o.period.to, date: true },
  ],
  orderBy: 'Id',
  params: { from: o.period.from, to: o.period.to },
});

/** A user id (opportunity owners are always users: key prefix 005). Name rows hold names instead. */
const USER_ID = /^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;

interface OwnerChange {
  at: number;
  id: string;
  oldOwner: string | null;
}

/**
 * The owner of each closed opportunity at the end of its close date (UTC), from its owner changes:
 * the previous owner (`OldValue`) of the first change after the close, else today's owner. Only the
 * id rows count (DataType `EntityId`, or both values user ids or empty when DataType is absent).
 *
 * @param opps opportunity rows (`Id`, `OwnerId`, `IsClosed`, `CloseDate`)
 * @param history OpportunityFieldHistory rows with Field = 'Owner'
 * @returns owner at close by opportunity id, for the closed opportunities whose owner changed after the close
 * @example
 * ownerAtClose([{ Id: '006A', OwnerId: zoe, IsClosed: true, CloseDate: '2026-06-15' }],
 *   [{ OpportunityId: '006A', DataType: 'EntityId', OldValue: wen, NewValue: zoe, CreatedDate: '2026-09-01T10:00:00.000+0000' }]);
 * // → Map { '006A' => wen }
 */
export function ownerAtClose(opps: readonly SfRecord[], history: readonly SfRecord[]): Map<string, string> {
  const changes = new Map<string, OwnerChange[]>();
  for (const h of history) {
    const oppId = str(h.OpportunityId);
    const at = timeOf(h.CreatedDate);
    if (!oppId || !Number.isFinite(at)) continue;
    if (h.Field !== undefined && h.Field !== null && h.Field !== 'Owner') continue;
    const oldValue = str(h.OldValue);
    const newValue = str(h.NewValue);
    const type = str(h.DataType);
    const idRow = type !== null ? type === 'EntityId' : [oldValue, newValue].every((v) => v === null || USER_ID.test(v));
    if (!idRow || (oldValue !== null && !USER_ID.test(oldValue))) continue;
    const list = changes.get(oppId) ?? [];
    list.push({ at, id: str(h.Id) ?? '', oldOwner: oldValue });
    changes.set(oppId, list);
  }
  const out = new Map<string, string>();
  for (const o of opps) {
    const id = str(o.Id);
    const close = str(o.CloseDate);
    if (!id || bool(o.IsClosed) !== true || !close || !/^\d{4}-\d{2}-\d{2}/.test(close)) continue;
    const endOfClose = Date.parse(`${close.slice(0, 10)}T00:00:00Z`) + 86_400_000;
    const after = (changes.get(id) ?? []).filter((c) => c.at >= endOfClose);
    if (!after.length) continue;
    after.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const owner = after[0].oldOwner;
    if (owner !== null && owner !== str(o.OwnerId)) out.set(id, owner);
  }
  return out;
}

/** Transport, retry and progress for the history reads. */
export interface OwnerHistoryContext {
  retry: RetryOptions;
  signal?: AbortSignal;
  timeoutMs?: number;
  onPage?: (loaded: number) => void;
}

/** What `ownersAtClose` found: owners at close by opportunity id, or why history was not used. */
export type OwnersAtClose = { owners: Map<string, string>; notice?: undefined } | { owners?: undefined; notice: LoadNotice };

const TOPIC = 'owner-history-unavailable';

/**
 * Reads the owner history of the closed opportunities in `opps` when the org keeps it: checks that
 * the user can read OpportunityFieldHistory (describe, when the transport has one) and that Owner
 * changes are tracked (FieldDefinition), then pages through the owner changes. When history is
 * unreadable, untracked or refused, it returns a notice (topic `owner-history-unavailable`) and the
 * caller keeps today's owners. Aborts, auth failures and exhausted retries are thrown as for any read.
 *
 * @param t the transport
 * @param o resolved options (the period)
 * @param opps the opportunity rows just loaded
 * @param ctx retry, signal, timeout and progress
 * @returns owners at close, or a notice
 * @example
 * const r = await ownersAtClose(transport, o, opps, { retry: o.retry });
 * if (r.notice) notices.push(r.notice); else credit(r.owners);
 */
export async function ownersAtClose(t: SalesforceTransport, o: ResolvedOptions, opps: readonly SfRecord[], ctx: OwnerHistoryContext): Promise<OwnersAtClose> {
  if (!opps.some((r) => bool(r.IsClosed) === true)) return { owners: new Map() };
  const read = { retry: ctx.retry, ...(ctx.signal ? { signal: ctx.signal } : {}), ...(ctx.timeoutMs !== undefined ? { timeoutMs: ctx.timeoutMs } : {}) };
  // One wording for every refusal (describe, tracking check, history query), Salesforce's text in `detail`.
  const refused = (e: unknown): OwnersAtClose => {
    const err = toSalesforceError(e);
    if (ctx.signal?.aborted || classify(err) !== 'fatal') throw e;
    return { notice: { code: err.code, topic: TOPIC, field: 'OpportunityFieldHistory', detail: err.message, ...say('notice.owner-history-unread', { why: asSaid(err) }) } };
  };
  if (t.describeFields) {
    let readable: string[];
    try {
      readable = (await t.describeFields('OpportunityFieldHistory', OWNER_HISTORY_FIELDS, ctx.signal)).map((f) => f.name.toLowerCase());
    } catch (e) {
      return refused(e);
    }
    const missing = OWNER_HISTORY_FIELDS.filter((f) => !readable.includes(f.toLowerCase()));
    if (missing.length) {
      return { notice: { code: 'OWNER_HISTORY_UNREADABLE', topic: TOPIC, field: `OpportunityFieldHistory.${missing[0]}`, ...say('notice.owner-history-field-unreadable', { field: `OpportunityFieldHistory.${missing[0]}` }) } };
    }
  }
  let tracked: boolean;
  try {
    const rows = await queryAll(t, ownerTrackingQuery(), read);
    tracked = rows.some((r) => str(r.QualifiedApiName) === 'OwnerId' && bool(r.IsFieldHistoryTracked) === true);
  } catch (e) {
    return refused(e);
  }
  if (!tracked) {
    return { notice: { code: 'OWNER_NOT_TRACKED', topic: TOPIC, field: 'Opportunity.OwnerId', ...say('notice.owner-not-tracked') } };
  }
  let history: SfRecord[];
  try {
    history = await queryAll(t, ownerHistoryQuery(o), { ...read, ...(ctx.onPage ? { onPage: ctx.onPage } : {}) });
  } catch (e) {
    return refused(e);
  }
  return { owners: ownerAtClose(opps, history) };
}
