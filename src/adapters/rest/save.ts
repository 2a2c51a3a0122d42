import type { Change, SaveOptions, SaveOutcome, SaveStatus } from '../crm-adapter.js';
import { formatRejection, validateBatch } from '../../model/validate-batch.js';
import { chunk, retry } from '../shared/retry.js';
import { UNKNOWN_OUTCOME } from '../shared/deadline.js';
import { say } from '../texts/adapter.js';
import { sayGuard } from '../texts/guard.js';
import { asSaid, carried, wordsOf, type Failure, type Words } from '../texts/said.js';
import type { RestClient } from './client.js';
import { restError } from './client.js';
import type { ResolvedRestOptions } from './options.js';

const STATUSES: readonly SaveStatus[] = ['saved', 'failed', 'conflict'];

class Aborted extends Error {}

/**
 * Sends assignment changes to `POST /assignments:batch` and reports one outcome per change, in order.
 * Each batch carries a `requestId`; a retry after a 5xx or a lost answer reuses it, so a server that
 * honours the contract answers with what it did the first time instead of doing it again. The server
 * checks `from` and `expectedLastModified` atomically; 409 means nothing in the request was written
 * and every change in it conflicts; 429 waits (Retry-After, else jittered backoff).
 *
 * @param client The HTTP client.
 * @param opts Resolved options.
 * @param stamps lastModified per account at load (updated from each saved result).
 * @param changes The changes, in order.
 * @param options Abort signal and progress.
 * @returns One outcome per change, in order.
 * @example
 * const outcomes = await saveRest(client, opts, stamps, [{ accountId: 'a1', from: 'r1', to: 'r2' }]);
 */
export async function saveRest(client: RestClient, opts: ResolvedRestOptions, stamps: Map<string, string | undefined>, changes: readonly Change[], options: SaveOptions = {}): Promise<SaveOutcome[]> {
  const { signal } = options;
  const out: (SaveOutcome | undefined)[] = new Array(changes.length).fill(undefined);
  const settle = (index: number, status: SaveStatus, code?: string, message?: string | Words) => {
    const id = changes[index]?.accountId;
    out[index] = { accountId: typeof id === 'string' ? id : '', status, ...(code ? { code } : {}), ...(message ? wordsOf(message) : {}) };
  };
  const invalid = new Map(validateBatch('change', changes).rejected.map((r) => [r.index, r]));
  const seen = new Set<string>();
  const entries: number[] = [];
  changes.forEach((c, i) => {
    const bad = invalid.get(i);
    if (opts.canWrite === false) settle(i, 'failed', 'READ_ONLY', 'this adapter may not write');
    else if (bad) settle(i, 'failed', 'INVALID', formatRejection(bad));
    else if (seen.has(c.accountId)) settle(i, 'failed', 'DUPLICATE', 'another change for this account comes earlier in the same save');
    else {
      seen.add(c.accountId);
      entries.push(i);
    }
  });

  let fatal: Failure | undefined;
  let done = changes.length - entries.length;
  for (const batch of chunk(entries, opts.batchSize)) {
    if (fatal || signal?.aborted) {
      const why: Failure = fatal ?? { code: 'ABORTED', ...sayGuard('guard.save-aborted') };
      for (const i of batch) settle(i, 'failed', why.code, sayGuard('guard.not-written', { why: asSaid(why) }));
    } else {
      await sendBatch(batch);
    }
    done += batch.length;
    options.onProgress?.({ done, total: changes.length });
  }
  return out.map((o, i) => o ?? { accountId: changes[i]?.accountId ?? '', status: 'failed', code: UNKNOWN_OUTCOME, ...say('save.no-outcome') });

  async function sendBatch(batch: number[]): Promise<void> {
    const body = {
      requestId: opts.requestId(),
      changes: batch.map((i) => ({ ...changes[i], expectedLastModified: stamps.get(changes[i].accountId) ?? null })),
    };
    let sent = false; // a request may have reached the server
    let last: Failure = { code: 'FAILED', ...say('save.not-written') };
    let gaveUp = false;
    try {
      const run = await retry<null>(async () => {
        const r = await client.once('POST', '/assignments:batch', body, signal);
        if (r.kind === 'ok') {
          const results = (r.body as { results?: unknown } | null)?.results;
          const byId = new Map<string, { status?: unknown; code?: unknown; message?: unknown; lastModified?: unknown }>();
          if (Array.isArray(results)) for (const x of results) if (x && typeof x.accountId === 'string') byId.set(x.accountId, x);
          for (const i of batch) {
            const result = byId.get(changes[i].accountId);
            const status = result && STATUSES.includes(result.status as SaveStatus) ? (result.status as SaveStatus) : undefined;
            if (!result || !status) {
              settle(i, 'failed', UNKNOWN_OUTCOME, say('save.server-no-report'));
              continue;
            }
            if (status === 'saved') stamps.set(changes[i].accountId, typeof result.lastModified === 'string' ? result.lastModified : undefined);
            settle(i, status, typeof result.code === 'string' ? result.code : undefined, typeof result.message === 'string' ? result.message : undefined);
          }
          return { done: true, value: null };
        }
        if (r.kind === 'aborted') {
          sent = true;
          throw new Aborted();
        }
        last = restError(r);
        if (r.kind === 'network' || r.status >= 500 || r.status === 408) {
          sent = true; // the same requestId makes the retry safe
          return { done: false, value: null, ...(r.kind === 'http' && r.retryAfterMs !== undefined ? { retryAfterMs: r.retryAfterMs } : {}) };
        }
        if (r.status === 429) return { done: false, value: null, ...(r.retryAfterMs !== undefined ? { retryAfterMs: r.retryAfterMs } : {}) };
        if (r.status === 409) {
          for (const i of batch) settle(i, 'conflict', last.code === 'HTTP_409' ? 'CONFLICT' : last.code, carried(last));
          return { done: true, value: null };
        }
        if (r.status === 401 || r.status === 403) fatal = last;
        for (const i of batch) settle(i, 'failed', last.code, sayGuard('guard.not-written', { why: asSaid(last) }));
        return { done: true, value: null };
      }, { ...opts.retry, ...(signal ? { signal } : {}) });
      gaveUp = run.gaveUp;
    } catch (error) {
      if (!signal?.aborted && !(error instanceof Aborted)) throw error;
      for (const i of batch) {
        if (sent) settle(i, 'failed', UNKNOWN_OUTCOME, say('save.stopped-mid-request'));
        else settle(i, 'failed', 'ABORTED', sayGuard('guard.not-written', { why: sayGuard('guard.save-aborted') }));
      }
      return;
    }
    if (gaveUp) {
      for (const i of batch) {
        if (sent) settle(i, 'failed', UNKNOWN_OUTCOME, say('save.maybe-written', { why: asSaid(last) }));
        else settle(i, 'failed', last.code, sayGuard('guard.not-written', { why: asSaid(last) }));
      }
    }
  }
}
