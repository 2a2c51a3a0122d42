import type { RetryOptions } from '../shared/retry.js';
import type { Transport } from '../shared/http.js';
import { resolveDeadlines, type Deadlines } from '../shared/deadline.js';

export interface RestAdapterOptions extends Deadlines {
  /** Base URL of your backend implementing the contract in docs/adapters/rest.md, e.g. `https://api.example.com/territory`. */
  baseUrl: string;
  /** A fetch-like transport (adds your auth: cookies, headers). Default `globalThis.fetch`. */
  fetch?: Transport;
  /** Stable identity of the data source. Default `rest:<baseUrl>`. */
  id?: string;
  /** Records asked for per list page (`limit`). Default 1000. */
  pageSize?: number;
  /** Changes per POST /assignments:batch. Default 200. */
  batchSize?: number;
  /** Retry policy for 429, 5xx and network failures. Defaults: 5 retries, 60 s. */
  retry?: RetryOptions;
  /** Whether the user may write assignments. Default true. */
  canWrite?: boolean;
  /** The user the adapter acts for, when known. */
  userId?: string;
  /**
   * The checkbox field your backend maps lock flags to (e.g. `Territory_Locked__c`). When set, lock
   * changes are written with `POST /locks:batch` (`saveLocks`); when not, locks stay in the plan.
   */
  lockField?: string;
  /**
   * Whether your backend implements `POST /territories:batch` (docs/adapters/rest.md) and the user may
   * write territories (`saveTerritories`). Default: `canWrite`. Set false to keep territories in the plan.
   */
  canWriteTerritories?: boolean;
  /**
   * Also load `GET /opportunities` (`{ items: [{ id, accountId, ownerId, amount, stage: open|won|lost,
   * closeDate }], nextCursor }`): performance history credited to the deal owner at close. Default false.
   */
  opportunities?: boolean;
  /**
   * Whether your backend implements `GET /quotas` and `POST /quotas:batch` (docs/adapters/rest.md):
   * quotas load with the plan and `saveQuotas` writes them (`canWriteQuotas`, with `canWrite`).
   * Default false: quotas stay in the plan and export as CSV.
   */
  quotas?: boolean;
  /** Makes the idempotency key of a batch. Default `crypto.randomUUID()`. */
  requestId?: () => string;
}

export interface ResolvedRestOptions extends RestAdapterOptions {
  fetch: Transport;
  pageSize: number;
  batchSize: number;
  retry: RetryOptions;
  requestId: () => string;
  requestTimeoutMs: number;
  saveDeadlineMs: number;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > 10_000) throw new RangeError(`createRestAdapter: ${name} must be an integer from 1 to 10000, got ${String(value)}`);
  return value;
}

/** A random UUID v4; `getRandomValues` also works on plain-http pages, where `randomUUID` is missing. */
function randomId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Applies defaults and checks the options; throws naming the bad option. */
export function resolveRestOptions(options: RestAdapterOptions): ResolvedRestOptions {
  if (typeof options?.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
    throw new TypeError(`createRestAdapter: options.baseUrl must be an http(s) URL, got ${JSON.stringify(options?.baseUrl)}`);
  }
  const transport = options.fetch ?? (globalThis.fetch ? (url: string, init?: RequestInit) => globalThis.fetch(url, init) : undefined);
  if (typeof transport !== 'function') throw new TypeError('createRestAdapter: options.fetch must be a fetch-like function');
  return {
    ...options,
    fetch: transport,
    pageSize: positive(options.pageSize, 1000, 'pageSize'),
    batchSize: positive(options.batchSize, 200, 'batchSize'),
    retry: options.retry ?? {},
    requestId: options.requestId ?? randomId,
    ...resolveDeadlines(options, 'createRestAdapter'),
  };
}
