import { retry, type RetryOptions } from '../shared/retry.js';
import { classify, toSalesforceError } from './errors.js';
import { SalesforceError, type QueryPage, type SalesforceTransport, type SfRecord, type SoqlQuery } from './types.js';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: SalesforceError };

/**
 * Runs a read (safe to repeat) with retries: transient and ambiguous failures back off and retry,
 * an invalid session is refreshed once, anything else is thrown at once as a SalesforceError.
 *
 * @param transport the transport (for `refresh`)
 * @param read the request
 * @param options backoff options (the signal aborts the wait)
 * @returns the read's value
 * @example
 * const n = await readWithRetry(transport, () => transport.count(q), {});
 */
export async function readWithRetry<T>(transport: SalesforceTransport, read: () => Promise<T>, options: RetryOptions): Promise<T> {
  let refreshed = false;
  const { value } = await retry<Outcome<T>>(async () => {
    try {
      return { done: true, value: { ok: true, value: await read() } };
    } catch (e) {
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
  }, options);
  if (!value.ok) throw value.error;
  return value.value;
}

/**
 * Reads every page of a query (≤ 2,000 rows each), following the locator, checking the signal
 * between pages and reporting the running count.
 *
 * @returns all rows
 * @example
 * const rows = await queryAll(transport, accountsQuery(o), { retry: {}, onPage: (n) => console.log(n) });
 */
export async function queryAll(
  transport: SalesforceTransport,
  query: SoqlQuery,
  options: { retry: RetryOptions; signal?: AbortSignal; onPage?: (loaded: number, total?: number) => void },
): Promise<SfRecord[]> {
  const rows: SfRecord[] = [];
  let locator: string | null = null;
  do {
    options.signal?.throwIfAborted();
    const at: string | null = locator;
    const page: QueryPage = await readWithRetry(transport, (): Promise<QueryPage> => transport.query(query, at, options.signal), { ...options.retry, signal: options.signal });
    for (const r of page.records) rows.push(r);
    locator = page.nextLocator;
    options.onPage?.(rows.length, page.totalSize);
  } while (locator);
  return rows;
}

/** Reads rows for many ids, `size` ids per query (keeps SOQL well under its length limit). */
export async function queryByIds(
  transport: SalesforceTransport,
  ids: string[],
  build: (ids: string[]) => SoqlQuery,
  options: { retry: RetryOptions; signal?: AbortSignal },
  size = 200,
): Promise<SfRecord[]> {
  const out: SfRecord[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await queryAll(transport, build(ids.slice(i, i + size)), options)));
  return out;
}
