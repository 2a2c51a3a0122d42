import { SalesforceError } from './types.js';

/**
 * How a failed request should be handled:
 * - `auth`: the session is invalid (refresh once, then give up);
 * - `transient`: the request was refused before doing anything (limits, 429, 503): retry with backoff;
 * - `ambiguous`: the request may or may not have been applied (network drop, 500/502/504): re-read;
 * - `fatal`: retrying will not help (malformed query, invalid field…).
 */
export type FailureKind = 'auth' | 'transient' | 'ambiguous' | 'fatal';

const TRANSIENT = new Set(['REQUEST_LIMIT_EXCEEDED', 'SERVER_UNAVAILABLE', 'ERROR_HTTP_429', 'ERROR_HTTP_503', 'TOO_MANY_REQUESTS', 'CONCURRENT_REQUEST_LIMIT_EXCEEDED']);
const AMBIGUOUS = new Set(['NETWORK', 'UNKNOWN_EXCEPTION', 'ERROR_HTTP_500', 'ERROR_HTTP_502', 'ERROR_HTTP_504', 'TIMEOUT']);

/** Per-record DML codes worth retrying (the record was not written). */
export const RETRYABLE_RECORD_CODES = new Set(['UNABLE_TO_LOCK_ROW', 'REQUEST_LIMIT_EXCEEDED']);

/**
 * Normalises anything a transport threw into a SalesforceError.
 *
 * @param err the thrown value (jsforce HttpApiError, fetch TypeError, SalesforceError…)
 * @returns a SalesforceError with a code
 * @example
 * toSalesforceError(Object.assign(new Error('x'), { errorCode: 'UNABLE_TO_LOCK_ROW' })).code; // 'UNABLE_TO_LOCK_ROW'
 */
export function toSalesforceError(err: unknown): SalesforceError {
  if (err instanceof SalesforceError) return err;
  const e = err as { errorCode?: unknown; message?: unknown; status?: unknown; statusCode?: unknown; name?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (typeof e?.errorCode === 'string' && e.errorCode) {
    const m = /^ERROR_HTTP_(\d{3})$/.exec(e.errorCode);
    return new SalesforceError(e.errorCode, message, { status: status ?? (m ? Number(m[1]) : undefined), cause: err });
  }
  if (/^Unable to refresh session/.test(message)) return new SalesforceError('INVALID_SESSION_ID', message, { status: 401, cause: err });
  if (e?.name === 'AbortError') return new SalesforceError('ABORTED', message, { cause: err });
  if (status !== undefined) return new SalesforceError(`ERROR_HTTP_${status}`, message, { status, cause: err });
  return new SalesforceError('NETWORK', message, { cause: err });
}

/**
 * Classifies a request-level failure.
 *
 * @param err a SalesforceError
 * @returns what to do about it
 * @example
 * classify(new SalesforceError('REQUEST_LIMIT_EXCEEDED', '…', { status: 403 })); // 'transient'
 */
export function classify(err: SalesforceError): FailureKind {
  if (err.code === 'INVALID_SESSION_ID' || err.status === 401) return 'auth';
  if (TRANSIENT.has(err.code) || err.status === 429 || err.status === 503) return 'transient';
  if (AMBIGUOUS.has(err.code) || (err.status !== undefined && err.status >= 500)) return 'ambiguous';
  return 'fatal';
}
