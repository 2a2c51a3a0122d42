import type { Said, SaidParam } from '../crm-adapter.js';
/** The transport seam: the adapter core talks only to this interface. */
import type { QuotaTransport } from './save-quota.js';

/** A record as Salesforce returns it (REST JSON, Apex, or a Bulk 2.0 CSV row of strings). */
export type SfRecord = Record<string, unknown>;

/** One field condition of a query. Values are bound (Apex) or rendered as SOQL literals (REST). */
export type SoqlCondition =
  | { field: string; op: '=' | '!=' | '>=' | '<='; value: string | number | boolean | null; date?: boolean }
  | { field: string; op: 'IN'; values: string[] }
  | { or: SoqlCondition[][] };

/**
 * A query in structured form. `name` identifies the query shape for allow-listing on the server
 * (see the Apex sample); `toSoql` renders it for the REST API.
 */
export interface SoqlQuery {
  name: string;
  object: string;
  /** Field API names; ignored for `count` queries. */
  fields: string[];
  /** Conditions joined with AND; a `{ or: [[…], […]] }` entry is an OR of AND-groups. */
  where?: SoqlCondition[];
  orderBy?: string;
  /** The values behind `where`, by name (`ids`, `modelId`, `from`, `to`), for server-side templates. */
  params?: Record<string, string | string[]>;
}

export interface QueryPage {
  records: SfRecord[];
  /** Total rows matching the query, when the API says. */
  totalSize?: number;
  /** Pass back to `query` for the next page; null when done. */
  nextLocator: string | null;
}

/** A per-record DML error, as Salesforce reports it (`statusCode`, not `errorCode`). */
export interface SfSaveError {
  statusCode: string;
  message: string;
  fields?: string[];
}

export interface SfSaveResult {
  id?: string | null;
  success: boolean;
  errors: SfSaveError[];
}

/** One field as the describe reports it for the running user. */
export interface SfFieldInfo {
  /** API name, e.g. `Territory_Locked__c`. */
  name: string;
  /** Salesforce field type, e.g. `boolean`, `string`, `reference`. */
  type: string;
  /** The running user may edit it (field-level security). */
  updateable: boolean;
}

export interface BulkQueryOptions {
  signal?: AbortSignal;
  /** Called as rows arrive (running count). */
  onRows?: (loaded: number) => void;
}

/**
 * How the adapter reaches Salesforce. Implementations: `jsforceTransport` (REST through a jsforce
 * Connection) and `apexTransport` (Apex @AuraEnabled methods handed in by a Lightning host).
 * Every method throws `SalesforceError` for request-level failures.
 */
export interface SalesforceTransport {
  /** `jsforce`, `apex`, … (for diagnostics). */
  readonly kind: string;
  /** Stable identity of the org, e.g. the org id or instance URL. */
  readonly orgKey: string;
  /** The acting user's id, when known. */
  readonly userId?: string;
  /** One page (≤ 2,000 rows) of a query; `locator` null for the first page. */
  query(query: SoqlQuery, locator: string | null, signal?: AbortSignal): Promise<QueryPage>;
  /** Number of rows matching the query's conditions. */
  count(query: SoqlQuery, signal?: AbortSignal): Promise<number>;
  /** Bulk API 2.0 query (optional; absent on transports that cannot run one). Rows may be strings. */
  bulkQuery?(query: SoqlQuery, options?: BulkQueryOptions): Promise<SfRecord[]>;
  /** sObject Collections update (≤ 200 records, allOrNone false); one result per record, in order. */
  update(object: string, records: SfRecord[]): Promise<SfSaveResult[]>;
  create(object: string, records: SfRecord[]): Promise<SfSaveResult[]>;
  destroy(object: string, ids: string[]): Promise<SfSaveResult[]>;
  /**
   * Facts about some fields of an object for the running user (optional): one entry per named field
   * that exists and is readable (field-level security), with its type and whether the user may
   * update it. Used to offer `canWriteLocks` only when the lock field is a writable checkbox.
   */
  describeFields?(object: string, fields: string[], signal?: AbortSignal): Promise<SfFieldInfo[]>;
  /** Renew the session after INVALID_SESSION_ID (optional). */
  refresh?(): Promise<void>;
  /** ForecastingQuota reads and writes (optional; without it quotas stay in the plan). See save-quota.ts. */
  quotas?: QuotaTransport;
}

/**
 * A request-level failure. `code` is Salesforce's errorCode (`REQUEST_LIMIT_EXCEEDED`,
 * `INVALID_SESSION_ID`…), `ERROR_HTTP_<status>` when the body had none, or `NETWORK`.
 * `status` is the HTTP status when known. `definite`: the server answered that the request did
 * nothing (e.g. a handled Apex error: its transaction was rolled back), so it is never retried as if
 * its outcome were unknown. `field`: the field the error is about (`Opportunity.Amount`), when known.
 */
export class SalesforceError extends Error {
  readonly code: string;
  readonly status?: number;
  readonly definite?: boolean;
  readonly field?: string;
  /** When the message is a sentence of ours: its key and params (`Said`); absent for Salesforce's own text. */
  readonly key?: string;
  readonly params?: Record<string, SaidParam>;
  constructor(code: string, message: string | Said, options: { status?: number; cause?: unknown; definite?: boolean; field?: string } = {}) {
    super(typeof message === 'string' ? message : message.message, { cause: options.cause });
    this.name = 'SalesforceError';
    this.code = code;
    if (typeof message !== 'string') {
      this.key = message.key;
      if (message.params) this.params = message.params;
    }
    if (options.status !== undefined) this.status = options.status;
    if (options.definite) this.definite = true;
    if (options.field) this.field = options.field;
  }
}
