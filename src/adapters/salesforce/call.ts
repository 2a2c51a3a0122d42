import { retry, type RetryOptions } from '../shared/retry.js';
import { raceSignal, withTimeout } from '../shared/deadline.js';
import { sayGuard } from '../texts/guard.js';
import { classify, toSalesforceError } from './errors.js';
import { SalesforceError, type QueryPage, type SalesforceTransport, type SfRecord, type SoqlQuery } from './types.js';
import { say } from '../texts/adapter.js';
import type { Said } from '../crm-adapter.js';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: SalesforceError };

/** Retry options plus the per-request timeout (ms) applied to each attempt. */
export type ReadOptions = RetryOptions & { timeoutMs?: number };

/**
 * Runs a read (safe to repeat) with retries: transient and ambiguous failures back off and retry,
 * an invalid session is refreshed once, anything else is thrown at once as a SalesforceError. Each
 * attempt gets a signal bounded by `timeoutMs` and the caller's signal, and is raced against it, so a
 * transport that ignores signals cannot hang the read (a timeout is TIMEOUT, retried; an abort throws).
 *
 * @param transport the transport (for `refresh`)
 * @param read the request, given the attempt's signal
 * @param options backoff options, the caller's signal and `timeoutMs` (none: only the signal bounds it)
 * @returns the read's value
 * @example
 * const n = await readWithRetry(transport, (signal) => transport.count(q, signal), { timeoutMs: 30_000 });
 */
export async function readWithRetry<T>(transport: SalesforceTransport, read: (signal?: AbortSignal) => Promise<T>, options: ReadOptions): Promise<T> {
  let refreshed = false;
  const { timeoutMs, ...retryOptions } = options;
  const attempt = (): Promise<T> => (timeoutMs === undefined ? raceSignal(read(options.signal), options.signal) : withTimeout(read, timeoutMs, options.signal, sayGuard('guard.what-salesforce-read')));
  const { value } = await retry<Outcome<T>>(async () => {
    try {
      return { done: true, value: { ok: true, value: await attempt() } };
    } catch (e) {
      if (options.signal?.aborted) throw new SalesforceError('ABORTED', say('sf.aborted'), { cause: e });
      const error = toSalesforceError(e);
      const kind = classify(error);
      if (kind === 'auth' && !refreshed && transport.refresh) {
        refreshed = true;
        await transport.refresh();
        return { done: false, retryAfterMs: 0, value: { ok: false, error } };
      }
      if (kind === 'transient' || kind === 'ambiguous') return { done: false, value: { ok: false, error } };
      throw error;
    }
  }, retryOptions);
  if (!value.ok) throw value.error;
  return value.value;
}

/** Most pages a query may take when the API does not say how many rows it has (2,000 rows a page: 20M rows). */
const MAX_PAGES_UNBOUNDED = 10_000;

/**
 * Reads every page of a query (≤ 2,000 rows each), following the locator, checking the signal
 * between pages and reporting the running count. Paging is bounded by what the server said: a
 * locator seen before, more rows than `totalSize`, a page that brings nothing new (no rows, or only
 * rows already read) while pointing at a next page, all fail with a SalesforceError `BAD_RESPONSE`.
 *
 * @returns all rows
 * @example
 * const rows = await queryAll(transport, accountsQuery(o), { retry: {}, onPage: (n) => console.log(n) });
 */
export async function queryAll(
  transport: SalesforceTransport,
  query: SoqlQuery,
  options: { retry: RetryOptions; signal?: AbortSignal; timeoutMs?: number; onPage?: (loaded: number, total?: number) => void },
): Promise<SfRecord[]> {
  const rows: SfRecord[] = [];
  const locators = new Set<string>();
  const ids = new Set<string>();
  let total: number | undefined;
  let locator: string | null = null;
  let pages = 0;
  const bad = (why: Said) => new SalesforceError('BAD_RESPONSE', say('sf.paging', { query: query.name, object: query.object, why, pages, rows: rows.length }));
  do {
    options.signal?.throwIfAborted();
    const at: string | null = locator;
    const page: QueryPage = await readWithRetry(transport, (signal): Promise<QueryPage> => transport.query(query, at, signal), { ...options.retry, signal: options.signal, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
    pages++;
    const records = Array.isArray(page?.records) ? page.records : [];
    let fresh = 0;
    for (const r of records) {
      rows.push(r);
      const id = typeof r?.Id === 'string' ? r.Id : undefined;
      if (id === undefined || !ids.has(id)) fresh++;
      if (id !== undefined) ids.add(id);
    }
    if (total === undefined && typeof page?.totalSize === 'number' && Number.isInteger(page.totalSize) && page.totalSize >= 0) total = page.totalSize;
    locator = typeof page?.nextLocator === 'string' && page.nextLocator !== '' ? page.nextLocator : null;
    options.onPage?.(rows.length, page?.totalSize);
    if (total !== undefined && rows.length > total) throw bad(say('sf.paging-more', { total }));
    if (locator !== null) {
      if (locators.has(locator)) throw bad(say('sf.paging-repeats', { page: JSON.stringify(locator.slice(0, 120)) }));
      if (fresh === 0) throw bad(say('sf.paging-no-new'));
      if (total !== undefined && rows.length >= total) throw bad(say('sf.paging-all-sent', { total }));
      if (total === undefined && pages >= MAX_PAGES_UNBOUNDED) throw bad(say('sf.paging-too-many', { max: MAX_PAGES_UNBOUNDED }));
      locators.add(locator);
    }
  } while (locator);
  return rows;
}

/** Reads rows for many ids, `size` ids per query (keeps SOQL well under its length limit). */
export async function queryByIds(
  transport: SalesforceTransport,
  ids: string[],
  build: (ids: string[]) => SoqlQuery,
  options: { retry: RetryOptions; signal?: AbortSignal; timeoutMs?: number },
  size = 200,
): Promise<SfRecord[]> {
  const out: SfRecord[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await queryAll(transport, build(ids.slice(i, i + size)), options)));
  return out;
}
