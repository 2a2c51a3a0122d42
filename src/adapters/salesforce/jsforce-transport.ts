import type { Connection } from 'jsforce';
import { toSalesforceError } from './errors.js';
import { raceSignal } from '../shared/deadline.js';
import { toSoql } from './soql.js';
import { jsforceQuotas } from './save-quota.js';
import { SalesforceError, type BulkQueryOptions, type QueryPage, type SalesforceTransport, type SfRecord, type SfSaveResult, type SoqlQuery } from './types.js';
import { say } from '../texts/adapter.js';

export interface JsforceTransportOptions {
  /** Bulk 2.0 job polling interval in ms. Default 1000. */
  bulkPollIntervalMs?: number;
  /** Give up on a Bulk 2.0 job after this many ms. Default 600,000. */
  bulkPollTimeoutMs?: number;
  /** Org identity for the adapter id. Default: the connection's organizationId, else its instance URL. */
  orgKey?: string;
}

type RefreshDelegate = { refresh(since: number): Promise<void> };
type AnyConnection = Connection & { _refreshDelegate?: RefreshDelegate };

/**
 * jsforce refreshes on every 401 and re-sends, without a bound: a session that stays invalid after
 * a refresh would loop. This caps it at one refresh per transport call ("refresh and retry once");
 * the second attempt fails with jsforce's "Unable to refresh session", reported as INVALID_SESSION_ID.
 */
function boundRefresh(c: AnyConnection): { reset(): void } {
  const budget = { left: 1 };
  const d = c._refreshDelegate;
  if (d) {
    const refresh = d.refresh.bind(d);
    d.refresh = async (since: number) => {
      if (budget.left <= 0) throw new SalesforceError('INVALID_SESSION_ID', say('sf.session'), { status: 401 });
      budget.left--;
      return refresh(since);
    };
  }
  return { reset: () => void (budget.left = 1) };
}

const toResults = (res: unknown): SfSaveResult[] => (Array.isArray(res) ? res : [res]) as SfSaveResult[];

/**
 * The REST transport: a jsforce 3 Connection (set `version: '62.0'`; give it `refreshFn` or an
 * OAuth2 client + refresh token so an expired session is renewed through the connection; this
 * transport lets it refresh at most once per request).
 * Queries page with query/queryMore (2,000 rows per page); DML uses sObject Collections with
 * allOrNone false; large loads use `conn.bulk2.query`. jsforce is a peer dependency: this module
 * only uses the connection you pass in.
 *
 * @param conn a jsforce Connection
 * @param options polling and identity options
 * @returns a SalesforceTransport
 * @example
 * const conn = new Connection({ instanceUrl, accessToken, version: '62.0', refreshFn });
 * const adapter = createSalesforceAdapter({ transport: jsforceTransport(conn) });
 */
export function jsforceTransport(conn: Connection, options: JsforceTransportOptions = {}): SalesforceTransport {
  const c = conn as AnyConnection;
  const refreshes = boundRefresh(c);
  // jsforce requests take no AbortSignal: the wait is raced against it, so an abort ends the call at
  // once (a read's late answer is dropped; writes get no signal and are bounded by the adapter).
  const guard = async <T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    refreshes.reset();
    try {
      return await raceSignal(fn(), signal);
    } catch (e) {
      if (signal?.aborted) throw new SalesforceError('ABORTED', say('sf.aborted'), { cause: e });
      throw toSalesforceError(e);
    }
  };
  return {
    kind: 'jsforce',
    get orgKey() {
      return options.orgKey ?? c.userInfo?.organizationId ?? c.instanceUrl;
    },
    get userId() {
      return c.userInfo?.id;
    },
    query: (query: SoqlQuery, locator: string | null, signal?: AbortSignal): Promise<QueryPage> => guard(async () => {
      const res = locator ? await c.queryMore<SfRecord>(locator) : await c.query<SfRecord>(toSoql(query), { autoFetch: false });
      return { records: res.records, totalSize: res.totalSize, nextLocator: res.done ? null : (res.nextRecordsUrl ?? null) };
    }, signal),
    count: (query: SoqlQuery, signal?: AbortSignal) => guard(async () => (await c.query(toSoql(query, true), { autoFetch: false })).totalSize, signal),
    bulkQuery: (query: SoqlQuery, opts: BulkQueryOptions = {}) => guard(async () => {
      const stream = await c.bulk2.query(toSoql(query), { pollInterval: options.bulkPollIntervalMs ?? 1000, pollTimeout: options.bulkPollTimeoutMs ?? 600_000 });
      return await new Promise<SfRecord[]>((resolve, reject) => {
        const rows: SfRecord[] = [];
        const onAbort = () => reject(new SalesforceError('ABORTED', say('sf.bulk-aborted')));
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        stream.on('record', (r: SfRecord) => {
          rows.push(r);
          if (rows.length % 2000 === 0) opts.onRows?.(rows.length);
        });
        stream.on('error', (e: unknown) => reject(e));
        stream.on('end', () => {
          opts.signal?.removeEventListener('abort', onAbort);
          resolve(rows);
        });
      });
    }),
    update: (object, records) => guard(async () => toResults(await c.sobject(object).update(records as never, { allOrNone: false }))),
    create: (object, records) => guard(async () => toResults(await c.sobject(object).create(records as never, { allOrNone: false }))),
    destroy: (object, ids) => guard(async () => toResults(await c.sobject(object).destroy(ids, { allOrNone: false }))),
    describeFields: (object, fields, signal) => guard(async () => {
      // The describe lists only the fields the user can read (field-level security hides the rest).
      const wanted = new Set(fields.map((f) => f.toLowerCase()));
      const d = await c.sobject(object).describe();
      return d.fields.filter((f) => wanted.has(f.name.toLowerCase())).map((f) => ({ name: f.name, type: String(f.type), updateable: f.updateable === true }));
    }, signal),
    quotas: jsforceQuotas(c),
    // No `refresh`: the Connection renews the session itself on a 401 (refreshFn / OAuth2), once per call.
  };
}
