import { SalesforceError } from './types.js';
import type { Said, SaidParam } from '../crm-adapter.js';

/**
 * How a failed request should be handled:
 * - `auth`: the session is invalid (refresh once, then give up);
 * - `transient`: the request was refused before doing anything (limits, 429, 503): retry with backoff;
 * - `ambiguous`: the request may or may not have been applied (network drop, timeout, a 500/502/504
 *   with no word from Salesforce on what happened): re-read;
 * - `fatal`: the request did nothing and retrying will not help — an error code that says so
 *   (FINAL_CODES: no access, invalid field, validation rule…) or an error flagged `definite` (a
 *   handled Apex error: its transaction was rolled back), whatever its HTTP status.
 */
export type FailureKind = 'auth' | 'transient' | 'ambiguous' | 'fatal';

const TRANSIENT = new Set(['REQUEST_LIMIT_EXCEEDED', 'SERVER_UNAVAILABLE', 'ERROR_HTTP_429', 'ERROR_HTTP_503', 'TOO_MANY_REQUESTS', 'CONCURRENT_REQUEST_LIMIT_EXCEEDED']);
const AMBIGUOUS = new Set(['NETWORK', 'UNKNOWN_EXCEPTION', 'ERROR_HTTP_500', 'ERROR_HTTP_502', 'ERROR_HTTP_504', 'TIMEOUT']);

/**
 * Error codes with which Salesforce says the request (or record) was NOT applied and would fail the
 * same way again: access, field, type, id and validation errors. Final at any HTTP status — a
 * Lightning Apex call reports them with 500 — so they are never retried nor re-read.
 */
export const FINAL_CODES: ReadonlySet<string> = new Set([
  'INSUFFICIENT_ACCESS', 'INSUFFICIENT_ACCESS_OR_READONLY', 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', 'NO_ACCESS',
  'INVALID_FIELD', 'INVALID_FIELD_FOR_INSERT_UPDATE', 'INVALID_TYPE', 'INVALID_TYPE_FOR_OPERATION', 'INVALID_ID_FIELD',
  'INVALID_CROSS_REFERENCE_KEY', 'INVALID_OPERATION', 'INVALID_PARAMETER', 'INVALID_QUERY', 'INVALID_QUERY_FILTER_OPERATOR',
  'MALFORMED_ID', 'MALFORMED_QUERY', 'EXCEEDED_ID_LIMIT', 'NOT_FOUND', 'ENTITY_IS_DELETED',
  'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'FIELD_INTEGRITY_EXCEPTION', 'FIELD_FILTER_VALIDATION_EXCEPTION',
  'REQUIRED_FIELD_MISSING', 'DUPLICATE_VALUE', 'DUPLICATES_DETECTED', 'STRING_TOO_LONG',
  'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', 'INACTIVE_OWNER_OR_USER', 'TRANSFER_REQUIRES_READ',
  'API_DISABLED_FOR_ORG', 'FUNCTIONALITY_NOT_ENABLED', 'TERRITORY2_UNAVAILABLE', 'APEX_ERROR',
]);

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
  const e = err as { errorCode?: unknown; message?: unknown; status?: unknown; statusCode?: unknown; name?: unknown; key?: unknown; params?: unknown } | null;
  // A sentence of ours (a DeadlineError's, say) keeps its key and params; anything else is the thrower's text.
  const message: string | Said = typeof e?.message === 'string' && typeof e.key === 'string' ? { key: e.key, ...(e.params ? { params: e.params as Record<string, SaidParam> } : {}), message: e.message } : typeof e?.message === 'string' ? e.message : String(err);
  const text = typeof message === 'string' ? message : message.message;
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (typeof e?.errorCode === 'string' && e.errorCode) {
    const m = /^ERROR_HTTP_(\d{3})$/.exec(e.errorCode);
    return new SalesforceError(e.errorCode, message, { status: status ?? (m ? Number(m[1]) : undefined), cause: err });
  }
  if (/^Unable to refresh session/.test(text)) return new SalesforceError('INVALID_SESSION_ID', message, { status: 401, cause: err });
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
  if (err.definite || FINAL_CODES.has(err.code)) return 'fatal';
  if (AMBIGUOUS.has(err.code) || (err.status !== undefined && err.status >= 500)) return 'ambiguous';
  return 'fatal';
}

/**
 * The field an error is about, as `Object.Field`, when the error says: the Apex controller names it
 * (`field`); the REST API says `No such column 'Amount' on entity 'Opportunity'` for a field the
 * user cannot read (field-level security hides it).
 *
 * @param err a SalesforceError
 * @returns `Opportunity.Amount`, or undefined
 * @example
 * fieldOf(new SalesforceError('INVALID_FIELD', "No such column 'Amount' on entity 'Opportunity'.")); // 'Opportunity.Amount'
 */
export function fieldOf(err: SalesforceError): string | undefined {
  if (err.field) return err.field;
  const m = /No such column '([\w.]+)' on entity '(\w+)'/.exec(err.message);
  return m ? `${m[2]}.${m[1]}` : undefined;
}
