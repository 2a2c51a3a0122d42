import type { LockChange, SaveOptions, SaveOutcome, SaveStatus } from '../crm-adapter.js';
import { chunk } from '../shared/retry.js';
import { say } from '../texts/adapter.js';
import { sayGuard } from '../texts/guard.js';
import { asSaid, carried, type Words } from '../texts/said.js';
import { restError, type RestClient } from './client.js';
import type { ResolvedRestOptions } from './options.js';

const STATUSES: readonly SaveStatus[] = ['saved', 'failed', 'conflict'];

/**
 * Writes lock flags to `POST /locks:batch` (docs/locks-and-earned-history.md):
 * `{ requestId, field, changes: [{ kind: 'account' | 'rep', id, locked }] }` → `{ results: [{ id, kind,
 * status, code?, message? }] }`, `field` being the `lockField` option (the checkbox the backend maps).
 * Setting a flag is idempotent, so the request is retried like a GET (429, 5xx, network), bounded.
 * One outcome per change, in order, the record id in `accountId`.
 *
 * @example
 * await saveLocksRest(client, opts, [{ kind: 'account', id: 'a1', locked: true }]);
 */
export async function saveLocksRest(client: RestClient, opts: ResolvedRestOptions, changes: readonly LockChange[], options: SaveOptions = {}): Promise<SaveOutcome[]> {
  const out: SaveOutcome[] = new Array(changes.length);
  const fail = (i: number, code: string, words: Words) => (out[i] = { accountId: String(changes[i]?.id ?? ''), status: 'failed', code, ...carried(words) });
  const valid: number[] = [];
  changes.forEach((c, i) => {
    if (opts.canWrite === false || !opts.lockField) fail(i, 'READ_ONLY', say('save.no-lock-field-option'));
    else if (!c || (c.kind !== 'account' && c.kind !== 'rep') || typeof c.id !== 'string' || c.id === '' || typeof c.locked !== 'boolean') fail(i, 'INVALID', say('save.invalid-lock-change'));
    else valid.push(i);
  });
  let done = changes.length - valid.length;
  for (const batch of chunk(valid, opts.batchSize)) {
    if (options.signal?.aborted) {
      for (const i of batch) fail(i, 'ABORTED', sayGuard('guard.not-written', { why: sayGuard('guard.save-aborted') }));
      continue;
    }
    const body = { requestId: opts.requestId(), field: opts.lockField, changes: batch.map((i) => ({ kind: changes[i].kind, id: changes[i].id, locked: changes[i].locked })) };
    const r = await client.repeatable('POST', '/locks:batch', body, options.signal);
    if (r.kind === 'ok') {
      const results = (r.body as { results?: unknown } | null)?.results;
      const byKey = new Map<string, { status?: unknown; code?: unknown; message?: unknown }>();
      if (Array.isArray(results)) for (const x of results) if (x && typeof x.id === 'string') byKey.set(`${x.kind === 'rep' ? 'rep' : 'account'}:${x.id}`, x);
      for (const i of batch) {
        const x = byKey.get(`${changes[i].kind}:${changes[i].id}`);
        const status = x && STATUSES.includes(x.status as SaveStatus) ? (x.status as SaveStatus) : undefined;
        if (!status) fail(i, 'UNKNOWN', say('save.server-no-report-lock'));
        else out[i] = { accountId: changes[i].id, status, ...(typeof x!.code === 'string' ? { code: x!.code } : {}), ...(typeof x!.message === 'string' ? { message: x!.message } : {}) };
      }
    } else {
      const e = restError(r);
      for (const i of batch) fail(i, e.code, sayGuard('guard.not-written', { why: asSaid(e) }));
    }
    done += batch.length;
    options.onProgress?.({ done, total: changes.length });
  }
  return out;
}
