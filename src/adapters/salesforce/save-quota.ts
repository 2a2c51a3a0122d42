/**
 * Quotas in Salesforce Collaborative Forecasts (`ForecastingQuota`: QuotaOwnerId, QuotaAmount,
 * StartDate, ForecastingTypeId), through either transport: the preflight that decides
 * `canWriteQuotas` (describe-based), loading the quotas the org holds, and saving quota changes with
 * the same per-record outcomes and conflict rules as owner changes. `jsforceQuotas(conn)` is the REST
 * side; `apexQuotas` (save-quota-apex.ts) the Lightning side.
 */
import type { Connection } from 'jsforce';
import type { LoadNotice, QuotaChange, QuotaSaveOutcome, SaveOptions } from '../crm-adapter.js';
import type { QuotaEntry } from '../../model/quota.js';
import type { RetryOptions } from '../shared/retry.js';
import { raceSignal, UNKNOWN_OUTCOME } from '../shared/deadline.js';
import { checkQuotaChanges, decideQuota, quotaConflict, quotaSaid } from '../shared/quota-changes.js';
import { asSaid, carried, wordsOf, type Failure, type Words } from '../texts/said.js';
import { readWithRetry } from './call.js';
import { toSalesforceError } from './errors.js';
import { toSoql } from './soql.js';
import { SalesforceError, type SalesforceTransport, type SfRecord, type SfSaveResult, type SoqlQuery } from './types.js';
import { say } from '../texts/adapter.js';
import { writeWithRetry, type Verify, type WriteItem } from './write.js';

/** What the running user may do with ForecastingQuota, from its describe. */
export interface QuotaDescribe {
  /** False when the org has no ForecastingQuota (Collaborative Forecasts not enabled). */
  exists: boolean;
  queryable: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  /** QuotaAmount is createable and updateable for the user. */
  amountWritable: boolean;
}

/** Which quotas to read: one forecast type, start dates from `from`, optionally some owners (≤ 200). */
export interface QuotaRead {
  forecastingTypeId: string;
  from: string;
  ownerIds?: string[];
}

/**
 * The quota seam a transport offers (`SalesforceTransport.quotas`): `jsforceQuotas(conn)` over the
 * REST API, `apexQuotas(method)` over the sample's Apex (TerritoryKitController.quotas →
 * TerritoryKitQuotas). Throws SalesforceError for request-level failures.
 */
export interface QuotaTransport {
  describe(signal?: AbortSignal): Promise<QuotaDescribe>;
  /** Active forecast types: Id, DeveloperName, MasterLabel, IsAmount. */
  forecastingTypes(signal?: AbortSignal): Promise<SfRecord[]>;
  /** ForecastingQuota rows: Id, QuotaOwnerId, QuotaAmount, StartDate (user quotas, no product family). */
  read(query: QuotaRead, signal?: AbortSignal): Promise<SfRecord[]>;
  create(records: SfRecord[]): Promise<SfSaveResult[]>;
  update(records: SfRecord[]): Promise<SfSaveResult[]>;
  destroy(ids: string[]): Promise<SfSaveResult[]>;
}

/** Quota options of createSalesforceAdapter. */
export interface SalesforceQuotaOptions {
  /**
   * Write quotas to ForecastingQuota when the org and user allow it (checked at load). Default true;
   * false: quotas stay in the plan and export as CSV.
   */
  quotas?: boolean;
  /** The forecast type quotas belong to, by DeveloperName. Default `OpportunityRevenue` (opportunity revenue). */
  forecastingType?: string;
  /** Earliest quota start date loaded, YYYY-MM-DD. Default: the `period.from` option (this calendar year). */
  quotasFrom?: string;
}

/** The preflight's answer: the forecast type to write to, or why quotas stay in the plan. */
export type QuotaAccess = { ok: true; typeId: string; typeLabel: string } | (Failure & { ok: false });

const OBJECT = 'ForecastingQuota';

/**
 * Decides whether quotas can be written, from the describe of ForecastingQuota and the active forecast
 * types: not when Collaborative Forecasts is off (no such object), when the user cannot read it (View
 * All Forecasts / Allow Forecasting missing), when it is not createable and updateable for them
 * (Manage Quotas missing), or when the chosen forecast type is not active or counts quantities.
 *
 * @example
 * const access = await quotaAccess(transport, 'OpportunityRevenue', { retry: {} });
 * if (!access.ok) notices.push({ code: access.code, message: access.message });
 */
export async function quotaAccess(t: SalesforceTransport, forecastingType: string, read: RetryOptions & { signal?: AbortSignal; timeoutMs?: number }): Promise<QuotaAccess> {
  const q = t.quotas;
  if (!q) return { ok: false, code: 'QUOTAS_UNSUPPORTED', ...say('notice.quotas-unsupported') };
  let d: QuotaDescribe;
  try {
    d = await readWithRetry(t, (s) => q.describe(s), read);
  } catch (e) {
    const err = toSalesforceError(e);
    if (err.code === 'QUOTAS_UNAVAILABLE') return { ok: false, code: err.code, ...say('notice.quotas-unavailable', { detail: asSaid(err) }) };
    return { ok: false, code: err.code, ...say('notice.quota-access-failed', { detail: asSaid(err) }) };
  }
  if (!d.exists) return { ok: false, code: 'FORECASTING_DISABLED', ...say('notice.forecasting-disabled') };
  if (!d.queryable) return { ok: false, code: 'NO_FORECAST_ACCESS', ...say('notice.no-forecast-access') };
  if (!d.createable || !d.updateable || !d.amountWritable) return { ok: false, code: 'NO_MANAGE_QUOTAS', ...say('notice.no-manage-quotas') };
  let types: SfRecord[];
  try {
    types = await readWithRetry(t, (s) => q.forecastingTypes(s), read);
  } catch (e) {
    const err = toSalesforceError(e);
    return { ok: false, code: err.code, ...say('notice.forecast-types-failed', { detail: asSaid(err) }) };
  }
  const type = types.find((r) => r.DeveloperName === forecastingType);
  if (!type || typeof type.Id !== 'string') {
    const active = types.map((r) => String(r.DeveloperName)).join(', ') || 'none';
    return { ok: false, code: 'FORECASTING_TYPE', ...say('notice.forecast-type-inactive', { type: JSON.stringify(forecastingType), active }) };
  }
  if (type.IsAmount === false) return { ok: false, code: 'FORECASTING_TYPE', ...say('notice.forecast-type-quantity', { type: JSON.stringify(forecastingType) }) };
  return { ok: true, typeId: type.Id, typeLabel: typeof type.MasterLabel === 'string' ? type.MasterLabel : forecastingType };
}

const dayOf = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : '');
const amountOf = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

/**
 * Loads the quotas the org holds for the forecast type (start dates from `from`) for the given reps,
 * as plan quota entries (amounts rounded to whole units). Rows with no amount are left out.
 *
 * @example
 * const quotas = await loadQuotasSalesforce(t, access.typeId, '2026-01-01', reps.map((r) => r.id), { retry: {} });
 */
export async function loadQuotasSalesforce(t: SalesforceTransport, typeId: string, from: string, repIds: readonly string[], read: RetryOptions & { signal?: AbortSignal; timeoutMs?: number }): Promise<QuotaEntry[]> {
  const reps = new Set(repIds);
  const rows = await readWithRetry(t, (s) => t.quotas!.read({ forecastingTypeId: typeId, from }, s), read);
  const out = new Map<string, QuotaEntry>();
  for (const r of rows) {
    const repId = typeof r.QuotaOwnerId === 'string' ? r.QuotaOwnerId : '';
    const amount = amountOf(r.QuotaAmount);
    const period = dayOf(r.StartDate);
    if (!reps.has(repId) || amount === null || amount < 0 || !/^\d{4}-\d{2}-\d{2}$/.test(period)) continue;
    out.set(`${period}\u0000${repId}`, { repId, period, amount: Math.round(amount) });
  }
  return [...out.values()].sort((a, b) => (a.period + a.repId < b.period + b.repId ? -1 : 1));
}

/** Context of a quota save. */
export interface QuotaSaveContext {
  transport: SalesforceTransport;
  /** The preflight's answer (quotas are written to `typeId`). */
  access: QuotaAccess;
  retry: RetryOptions;
  requestTimeoutMs: number;
  batchSize: number;
  /** The rep's name for messages, when loaded. */
  nameOf: (repId: string) => string | null;
}

/** A ForecastingQuota as the save sees it just before writing. */
type Held = { id: string; amount: number | null };

/**
 * Saves quota changes to ForecastingQuota: re-reads the owners' quotas for the forecast type just
 * before writing, then per change (in order) `saved` without writing when it already holds `to`,
 * `conflict STALE` when it holds something other than `from` (changed since load), else updates the
 * existing quota's QuotaAmount, inserts one (QuotaOwnerId, StartDate, ForecastingTypeId, QuotaAmount),
 * or deletes it (`to: null`). Writes use writeWithRetry (lock retries, ambiguous failures re-read,
 * never reported saved unless Salesforce said so). Failures name the rep, period and field. The window
 * between the re-read and the write is the same race window as for owner changes (docs/quotas.md).
 *
 * @example
 * const outcomes = await saveQuotasSalesforce(ctx, [{ repId: '005A', period: '2027-01-01', from: 400000, to: 450000 }], { signal });
 */
export async function saveQuotasSalesforce(ctx: QuotaSaveContext, changes: readonly QuotaChange[], options: SaveOptions = {}): Promise<QuotaSaveOutcome[]> {
  const { outcomes, work } = checkQuotaChanges(changes, ctx.nameOf);
  const label = (c: QuotaChange) => quotaSaid(c.repId, c.period, ctx.nameOf(c.repId));
  const set = (i: number, status: QuotaSaveOutcome['status'], code?: string, message?: string | Words) =>
    (outcomes[i] = { repId: changes[i].repId, period: changes[i].period, status, ...(code ? { code } : {}), ...(message ? wordsOf(message) : {}) });
  const { access } = ctx;
  if (!access.ok || !ctx.transport.quotas) {
    for (const w of work) set(w.index, 'failed', access.ok ? 'QUOTAS_UNSUPPORTED' : access.code, say('quota.salesforce-not-written', { label: label(w.change), why: access.ok ? say('quota.no-quota-methods') : asSaid(access) }));
    return outcomes as QuotaSaveOutcome[];
  }
  const q = ctx.transport.quotas;
  const shim: SalesforceTransport = {
    ...ctx.transport,
    create: async (_o, records) => named(await q.create(records), 'QuotaAmount'),
    update: async (_o, records) => named(await q.update(records), 'QuotaAmount'),
    destroy: async (_o, ids) => named(await q.destroy(ids), 'Id'),
  };
  const readOpts = { ...ctx.retry, timeoutMs: ctx.requestTimeoutMs, ...(options.signal ? { signal: options.signal } : {}) };
  const readHeld = async (items: readonly QuotaChange[]): Promise<Map<string, Held>> => {
    const held = new Map<string, Held>();
    const owners = [...new Set(items.map((c) => c.repId))];
    const from = items.reduce((m, c) => (c.period < m ? c.period : m), '9999-12-31');
    for (let i = 0; i < owners.length; i += 200) {
      const rows = await readWithRetry(ctx.transport, (s) => q.read({ forecastingTypeId: access.typeId, from, ownerIds: owners.slice(i, i + 200) }, s), readOpts);
      for (const r of rows) {
        const key = `${String(r.QuotaOwnerId)}\u0000${dayOf(r.StartDate)}`;
        if (typeof r.Id === 'string' && !held.has(key)) held.set(key, { id: r.Id, amount: amountOf(r.QuotaAmount) });
      }
    }
    return held;
  };
  const keyOf = (c: QuotaChange) => `${c.repId}\u0000${c.period}`;
  let done = changes.length - work.length;
  for (let start = 0; start < work.length; start += ctx.batchSize) {
    const batch = work.slice(start, start + ctx.batchSize);
    if (options.signal?.aborted) {
      for (const w of batch) set(w.index, 'failed', 'ABORTED', say('quota.aborted', { label: label(w.change) }));
      continue;
    }
    let held: Map<string, Held>;
    try {
      held = await readHeld(batch.map((w) => w.change));
    } catch (e) {
      const err = toSalesforceError(e);
      const code = options.signal?.aborted ? 'ABORTED' : err.code;
      for (const w of batch) set(w.index, 'failed', code, say('quota.salesforce-read-failed', { label: label(w.change), detail: asSaid(err) }));
      continue;
    }
    const creates: WriteItem[] = [];
    const updates: WriteItem[] = [];
    const deletes: WriteItem[] = [];
    const byKey = new Map<string, number>();
    for (const { index, change } of batch) {
      const now = held.get(keyOf(change));
      const decision = decideQuota(now?.amount ?? null, change);
      if (decision === 'noop') set(index, 'saved', undefined, say('quota.salesforce-holds'));
      else if (decision === 'conflict') set(index, 'conflict', 'STALE', quotaConflict(label(change), now?.amount ?? null, change.from));
      else {
        const key = String(index);
        byKey.set(key, index);
        if (change.to === null) deletes.push({ key, id: now!.id });
        else if (now) updates.push({ key, record: { Id: now.id, QuotaAmount: change.to } });
        else creates.push({ key, record: { QuotaOwnerId: change.repId, StartDate: change.period, ForecastingTypeId: access.typeId, QuotaAmount: change.to } });
      }
    }
    const verify: Verify = async (items) => {
      const changed = items.map((it) => changes[byKey.get(it.key)!]);
      const now = await readHeld(changed);
      const states = new Map<string, { state: 'applied' | 'absent' | 'changed'; id?: string; message?: string | Words }>();
      items.forEach((it, k) => {
        const c = changed[k];
        const h = now.get(keyOf(c));
        const amount = h?.amount ?? null;
        if (amount === c.to) states.set(it.key, { state: 'applied', ...(h ? { id: h.id } : {}) });
        else if (amount === c.from) states.set(it.key, { state: 'absent' });
        else states.set(it.key, { state: 'changed', message: quotaConflict(label(c), amount, c.from) });
      });
      return states;
    };
    const writeOpts = { retry: ctx.retry, timeoutMs: ctx.requestTimeoutMs, verify, ...(options.signal ? { signal: options.signal } : {}) };
    for (const [op, items] of [['update', updates], ['create', creates], ['destroy', deletes]] as const) {
      if (!items.length) continue;
      const results = await writeWithRetry(shim, op, OBJECT, items, writeOpts);
      for (const it of items) {
        const i = byKey.get(it.key)!;
        const r = results.get(it.key);
        if (!r) set(i, 'failed', UNKNOWN_OUTCOME, say('quota.no-outcome', { label: label(changes[i]) }));
        else if (r.ok) set(i, 'saved');
        else if (r.conflict) set(i, 'conflict', r.code, carried(r));
        else set(i, 'failed', r.code, say('quota.said', { label: label(changes[i]), why: asSaid(r) }));
      }
    }
    done += batch.length;
    options.onProgress?.({ done, total: changes.length });
  }
  return outcomes as QuotaSaveOutcome[];
}

/** Puts the field a DML error is about into its message (`field ForecastingQuota.QuotaAmount: …`). */
function named(results: SfSaveResult[], fallback: string): SfSaveResult[] {
  if (!Array.isArray(results)) return results;
  return results.map((r) => (r && !r.success && Array.isArray(r.errors)
    ? { ...r, errors: r.errors.map((e) => ({ ...e, message: `field ${(e.fields?.length ? e.fields : [fallback]).map((f) => `${OBJECT}.${f}`).join(', ')}: ${e.message}` })) }
    : r));
}

// ---- jsforce (REST API) ----------------------------------------------------------------------

type DescribeLike = { queryable?: boolean; createable?: boolean; updateable?: boolean; deletable?: boolean; fields?: { name: string; createable?: boolean; updateable?: boolean }[] };

/** The rows of a ForecastingQuota read as a structured query (rendered with toSoql: ids escaped, dates checked). */
export function quotaQuery(read: QuotaRead): SoqlQuery {
  return {
    name: 'forecastingQuotas',
    object: OBJECT,
    fields: ['Id', 'QuotaOwnerId', 'QuotaAmount', 'StartDate', 'ForecastingTypeId'],
    where: [
      { field: 'ForecastingTypeId', op: '=', value: read.forecastingTypeId },
      { field: 'StartDate', op: '>=', value: read.from, date: true },
      { field: 'QuotaOwnerId', op: '!=', value: null },
      { field: 'ProductFamily', op: '=', value: null },
      ...(read.ownerIds ? [{ field: 'QuotaOwnerId', op: 'IN' as const, values: read.ownerIds }] : []),
    ],
    orderBy: 'Id',
  };
}

/**
 * ForecastingQuota through a jsforce 3 Connection (REST API): `describe('ForecastingQuota')` for the
 * preflight (an org without Collaborative Forecasts answers NOT_FOUND / INVALID_TYPE), SOQL for
 * ForecastingType and ForecastingQuota, sObject Collections (allOrNone false) for writes. Set the
 * connection's `version` to a current one: Salesforce refuses quota writes from old API versions.
 *
 * @example
 * const transport = { ...jsforceTransport(conn), quotas: jsforceQuotas(conn) }; // jsforceTransport adds it already
 */
export function jsforceQuotas(conn: Connection): QuotaTransport {
  const guard = async <T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    try {
      return await raceSignal(fn(), signal);
    } catch (e) {
      if (signal?.aborted) throw new SalesforceError('ABORTED', say('sf.aborted'), { cause: e });
      throw toSalesforceError(e);
    }
  };
  const all = async (soql: string): Promise<SfRecord[]> => (await conn.query<SfRecord>(soql, { autoFetch: true, maxFetch: 100_000 })).records;
  const list = (res: unknown): SfSaveResult[] => (Array.isArray(res) ? res : [res]) as SfSaveResult[];
  return {
    describe: (signal) => guard(async () => {
      let d: DescribeLike;
      try {
        d = (await conn.describe(OBJECT)) as unknown as DescribeLike;
      } catch (e) {
        const code = toSalesforceError(e).code;
        if (code === 'NOT_FOUND' || code === 'INVALID_TYPE' || code === 'ERROR_HTTP_404') return { exists: false, queryable: false, createable: false, updateable: false, deletable: false, amountWritable: false };
        throw e;
      }
      const amount = d.fields?.find((f) => f.name === 'QuotaAmount');
      return { exists: true, queryable: d.queryable === true, createable: d.createable === true, updateable: d.updateable === true, deletable: d.deletable === true, amountWritable: amount?.createable === true && amount?.updateable === true };
    }, signal),
    forecastingTypes: (signal) => guard(() => all(toSoql({ name: 'forecastingTypes', object: 'ForecastingType', fields: ['Id', 'DeveloperName', 'MasterLabel', 'IsAmount'], where: [{ field: 'IsActive', op: '=', value: true }], orderBy: 'Id' })), signal),
    read: (read, signal) => guard(() => all(toSoql(quotaQuery(read))), signal),
    create: (records) => guard(async () => list(await conn.sobject(OBJECT).create(records as never, { allOrNone: false }))),
    update: (records) => guard(async () => list(await conn.sobject(OBJECT).update(records as never, { allOrNone: false }))),
    destroy: (ids) => guard(async () => list(await conn.sobject(OBJECT).destroy(ids, { allOrNone: false }))),
  };
}

/** The notice for a load whose quotas stay in the plan. */
export function quotaNotice(access: QuotaAccess): LoadNotice | null {
  return access.ok ? null : { code: access.code, ...carried(access), field: 'ForecastingQuota' };
}
