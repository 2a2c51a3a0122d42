import { retry, type RetryOptions } from '../shared/retry.js';
import { classify, RETRYABLE_RECORD_CODES, toSalesforceError } from './errors.js';
import type { SalesforceTransport, SfRecord } from './types.js';

/** One record to write: `record` for update/create, `id` for destroy. */
export interface WriteItem {
  key: string;
  record?: SfRecord;
  id?: string;
}

export type WriteResult =
  | { ok: true; id?: string }
  | { ok: false; code: string; message: string; conflict?: boolean };

/** After an ambiguous failure: is each write in effect, not in effect, or overtaken by someone else? */
export type Verify = (items: WriteItem[]) => Promise<Map<string, { state: 'applied' | 'absent' | 'changed'; id?: string; message?: string }>>;

export interface WriteOptions {
  retry: RetryOptions;
  signal?: AbortSignal;
  verify: Verify;
}

/**
 * Writes a batch (≤ 200) with sObject Collections semantics (allOrNone false) and gives every item
 * exactly one result. Retries: request-level REQUEST_LIMIT_EXCEEDED / 429 / 503 retry the batch;
 * per-record UNABLE_TO_LOCK_ROW retries just those records; INVALID_SESSION_ID refreshes once. An
 * ambiguous failure (dropped connection, 500) never counts as success: the records are re-read
 * (`verify`) and what is true is reported; writes not in effect are retried. Bounded by `retry`.
 *
 * @returns one result per item key
 * @example
 * const results = await writeWithRetry(t, 'update', 'Account', [{ key: id, record: { Id: id, OwnerId: to } }], { retry: {}, verify });
 */
export async function writeWithRetry(
  transport: SalesforceTransport,
  op: 'update' | 'create' | 'destroy',
  object: string,
  items: WriteItem[],
  options: WriteOptions,
): Promise<Map<string, WriteResult>> {
  const results = new Map<string, WriteResult>();
  let pending = items;
  let last = { code: 'UNKNOWN', message: 'not attempted' };
  let refreshed = false;
  const failAll = (code: string, message: string, conflict = false) => {
    for (const it of pending) results.set(it.key, { ok: false, code, message, ...(conflict ? { conflict } : {}) });
    pending = [];
  };
  let attempts = 0;
  try {
    const run = await retry<null>(async () => {
      attempts++;
      try {
        const res = op === 'destroy'
          ? await transport.destroy(object, pending.map((i) => i.id!))
          : await transport[op](object, pending.map((i) => i.record!));
        if (!Array.isArray(res) || res.length !== pending.length) throw Object.assign(new Error(`expected ${pending.length} results, got ${Array.isArray(res) ? res.length : typeof res}`), { errorCode: 'UNKNOWN_EXCEPTION' });
        const next: WriteItem[] = [];
        res.forEach((r, i) => {
          const it = pending[i];
          if (r.success) return void results.set(it.key, { ok: true, ...(r.id ? { id: r.id } : {}) });
          const e = r.errors?.[0] ?? { statusCode: 'UNKNOWN', message: 'failed without an error' };
          // A delete whose record is already gone reached its goal — e.g. jsforce re-sent a DELETE
          // (it retries DELETE on 5xx and socket errors) after the first one had been applied.
          if (op === 'destroy' && e.statusCode === 'ENTITY_IS_DELETED') return void results.set(it.key, { ok: true });
          if (RETRYABLE_RECORD_CODES.has(e.statusCode)) {
            last = { code: e.statusCode, message: e.message };
            next.push(it);
          } else results.set(it.key, { ok: false, code: e.statusCode, message: e.message });
        });
        pending = next;
        return pending.length ? { done: false, value: null } : { done: true, value: null };
      } catch (e) {
        const err = toSalesforceError(e);
        last = { code: err.code, message: err.message };
        const kind = classify(err);
        if (kind === 'auth') {
          if (!refreshed && transport.refresh) {
            refreshed = true;
            try {
              await transport.refresh();
              return { done: false, retryAfterMs: 0, value: null };
            } catch (re) {
              failAll(err.code, `${err.message}; refreshing the session failed: ${toSalesforceError(re).message}`);
              return { done: true, value: null };
            }
          }
          failAll(err.code, err.message);
          return { done: true, value: null };
        }
        if (kind === 'transient') return { done: false, value: null };
        if (kind === 'ambiguous') {
          let states;
          try {
            states = await options.verify(pending);
          } catch (ve) {
            failAll(err.code, `outcome unknown: ${err.message}; re-reading the records also failed (${toSalesforceError(ve).message}). Reload to see the current state.`);
            return { done: true, value: null };
          }
          const next: WriteItem[] = [];
          for (const it of pending) {
            const s = states.get(it.key);
            if (s?.state === 'applied') results.set(it.key, { ok: true, ...(s.id ? { id: s.id } : {}) });
            else if (s?.state === 'changed') results.set(it.key, { ok: false, code: 'STALE', message: s.message ?? 'changed by someone else while writing', conflict: true });
            else next.push(it);
          }
          pending = next;
          return pending.length ? { done: false, value: null } : { done: true, value: null };
        }
        failAll(err.code, err.message);
        return { done: true, value: null };
      }
    }, { ...options.retry, signal: options.signal });
    if (run.gaveUp) failAll(last.code, `${last.message} (gave up after ${attempts} attempts)`);
  } catch (e) {
    if (options.signal?.aborted) failAll('ABORTED', 'aborted before this record was written');
    else failAll(toSalesforceError(e).code, toSalesforceError(e).message);
  }
  return results;
}
