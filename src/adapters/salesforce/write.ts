import { retry, type RetryOptions } from '../shared/retry.js';
import { classify, RETRYABLE_RECORD_CODES, toSalesforceError } from './errors.js';
import type { SalesforceTransport, SfRecord, SfSaveResult } from './types.js';
import { raceSignal, UNKNOWN_OUTCOME, withTimeout } from '../shared/deadline.js';
import { sayGuard } from '../texts/guard.js';
import { say } from '../texts/adapter.js';
import { asSaid, carried, wordsOf, type Failure, type Words } from '../texts/said.js';

/** One record to write: `record` for update/create, `id` for destroy. */
export interface WriteItem {
  key: string;
  record?: SfRecord;
  id?: string;
}

export type WriteResult =
  | { ok: true; id?: string }
  | (Failure & { ok: false; conflict?: boolean });

/** After an ambiguous failure: is each write in effect, not in effect, or overtaken by someone else? */
export type Verify = (items: WriteItem[]) => Promise<Map<string, { state: 'applied' | 'absent' | 'changed'; id?: string; message?: string | Words }>>;

export interface WriteOptions {
  retry: RetryOptions;
  signal?: AbortSignal;
  /** Longest wait for one write request, in ms; past it the write is ambiguous (re-read, then retried). */
  timeoutMs?: number;
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
  let last: Failure = { code: 'UNKNOWN', ...say('sf.not-attempted') };
  let refreshed = false;
  const failAll = (code: string, message: string | Words, conflict = false) => {
    for (const it of pending) results.set(it.key, { ok: false, code, ...wordsOf(message), ...(conflict ? { conflict } : {}) });
    pending = [];
  };
  let attempts = 0;
  /** Whether the last attempt got no answer at all (timeout, dropped connection): it may still be applied after it was re-read. */
  let ambiguous = false;
  const send = (): Promise<SfSaveResult[]> => (op === 'destroy'
    ? transport.destroy(object, pending.map((i) => i.id!))
    : transport[op](object, pending.map((i) => i.record!)));
  try {
    const run = await retry<null>(async () => {
      attempts++;
      let inFlight = false;
      try {
        inFlight = true;
        ambiguous = false;
        const raw = await (options.timeoutMs === undefined ? raceSignal(send(), options.signal) : withTimeout(send, options.timeoutMs, options.signal, sayGuard(`guard.what-salesforce-${op}`, { object })));
        inFlight = false;
        const res = alignResults(op, pending, raw);
        const next: WriteItem[] = [];
        res.forEach((r, i) => {
          const it = pending[i];
          if (r.success) return void results.set(it.key, { ok: true, ...(r.id ? { id: r.id } : {}) });
          const e: { statusCode: string; message: string | Words } = r.errors?.[0] ?? { statusCode: 'UNKNOWN', message: say('sf.failed-without-error') };
          // A delete whose record is already gone reached its goal — e.g. jsforce re-sent a DELETE
          // (it retries DELETE on 5xx and socket errors) after the first one had been applied.
          if (op === 'destroy' && e.statusCode === 'ENTITY_IS_DELETED') return void results.set(it.key, { ok: true });
          if (RETRYABLE_RECORD_CODES.has(e.statusCode)) {
            last = { code: e.statusCode, ...wordsOf(e.message) };
            next.push(it);
          } else results.set(it.key, { ok: false, code: e.statusCode, ...wordsOf(e.message) });
        });
        pending = next;
        return pending.length ? { done: false, value: null } : { done: true, value: null };
      } catch (e) {
        if (options.signal?.aborted) {
          // Stopped by the caller or the save's deadline: a request in flight may have been applied.
          if (inFlight) failAll(UNKNOWN_OUTCOME, say('sf.stopped-while-writing'));
          else failAll('ABORTED', say('sf.aborted-before-record'));
          return { done: true, value: null };
        }
        const err = toSalesforceError(e);
        last = { code: err.code, ...carried(err) };
        const kind = classify(err);
        if (kind === 'auth') {
          if (!refreshed && transport.refresh) {
            refreshed = true;
            try {
              await transport.refresh();
              return { done: false, retryAfterMs: 0, value: null };
            } catch (re) {
              failAll(err.code, say('sf.refresh-failed', { detail: asSaid(err), refresh: asSaid(toSalesforceError(re)) }));
              return { done: true, value: null };
            }
          }
          failAll(err.code, carried(err));
          return { done: true, value: null };
        }
        if (kind === 'transient') return { done: false, value: null };
        if (kind === 'ambiguous') {
          ambiguous = err.code === 'TIMEOUT' || err.code === 'NETWORK'; // no answer at all: it may land later
          let states;
          try {
            states = await options.verify(pending);
          } catch (ve) {
            failAll(UNKNOWN_OUTCOME, say('sf.outcome-unknown', { detail: asSaid(err), reread: asSaid(toSalesforceError(ve)) }));
            return { done: true, value: null };
          }
          const next: WriteItem[] = [];
          for (const it of pending) {
            const s = states.get(it.key);
            if (s?.state === 'applied') results.set(it.key, { ok: true, ...(s.id ? { id: s.id } : {}) });
            else if (s?.state === 'changed') results.set(it.key, { ok: false, code: 'STALE', ...wordsOf(s.message ?? say('save.changed-while-writing')), conflict: true });
            else next.push(it);
          }
          pending = next;
          return pending.length ? { done: false, value: null } : { done: true, value: null };
        }
        failAll(err.code, carried(err));
        return { done: true, value: null };
      }
    }, { ...options.retry, signal: options.signal });
    if (run.gaveUp && ambiguous) failAll(UNKNOWN_OUTCOME, say('sf.gave-up-maybe', { detail: asSaid(last), attempts }));
    else if (run.gaveUp) failAll(last.code, say('sf.gave-up', { detail: asSaid(last), attempts }));
  } catch (e) {
    if (options.signal?.aborted) failAll('ABORTED', say('sf.aborted-before-record'));
    else failAll(toSalesforceError(e).code, carried(toSalesforceError(e)));
  }
  return results;
}

/** A result list that cannot be trusted: treated as an ambiguous failure (the records are re-read). */
function untrusted(message: string): Error {
  return Object.assign(new Error(message), { errorCode: 'UNKNOWN_EXCEPTION' });
}

/** The Id a write targets: the record's Id (update) or the id (destroy); none for create. */
function targetOf(op: 'update' | 'create' | 'destroy', item: WriteItem): string | undefined {
  const id = op === 'destroy' ? item.id : op === 'update' ? item.record?.Id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Lines the results up with the items they are about: by each result's `id` (a 15-character id
 * matches its 18-character form), not by position. Results without an id (Salesforce omits it on
 * some failures) take the remaining items in order; a success without an id among results with ids,
 * an id that was not in the request, an id answered twice or a wrong count make the whole answer
 * untrusted (re-read). Create results carry new ids, so they are matched by position.
 *
 * @example
 * alignResults('update', [{ key: 'a', record: { Id: 'a' } }, { key: 'b', record: { Id: 'b' } }], [{ id: 'b', success: true, errors: [] }, { id: 'a', success: true, errors: [] }])
 * // → the result for 'a' first, then 'b'
 */
export function alignResults(op: 'update' | 'create' | 'destroy', items: readonly WriteItem[], res: unknown): SfSaveResult[] {
  if (!Array.isArray(res) || res.length !== items.length) throw untrusted(`expected ${items.length} results, got ${Array.isArray(res) ? res.length : typeof res}`);
  const results = res as SfSaveResult[];
  if (op === 'create') return results;
  const slot = new Map<string, number>();
  items.forEach((it, i) => {
    const id = targetOf(op, it);
    if (id !== undefined) {
      slot.set(id, i);
      if (id.length >= 15) slot.set(id.slice(0, 15), i);
    }
  });
  const withId = results.filter((r) => typeof r?.id === 'string' && r.id !== '');
  if (withId.length === 0) return results; // a transport that never names records: position is all there is
  const out: (SfSaveResult | undefined)[] = new Array(items.length).fill(undefined);
  const idless: SfSaveResult[] = [];
  for (const r of results) {
    const id = typeof r?.id === 'string' && r.id !== '' ? r.id : undefined;
    if (id === undefined) {
      if (r?.success) throw untrusted('a success result without an id, among results with ids');
      idless.push(r);
      continue;
    }
    const at = slot.get(id) ?? (id.length >= 15 ? slot.get(id.slice(0, 15)) : undefined);
    if (at === undefined) throw untrusted(`a result names ${id}, which was not in the request`);
    if (out[at] !== undefined) throw untrusted(`two results name ${id}`);
    out[at] = r;
  }
  let k = 0;
  return out.map((r) => r ?? idless[k++]);
}
