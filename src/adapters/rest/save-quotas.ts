import { CrmLoadError, type LoadNotice, type LoadOptions, type QuotaChange, type QuotaSaveOutcome, type SaveOptions, type SaveStatus } from '../crm-adapter.js';
import type { QuotaEntry } from '../../model/quota.js';
import { chunk } from '../shared/retry.js';
import { UNKNOWN_OUTCOME } from '../shared/deadline.js';
import { checkQuotaChanges, parseQuotaRow, quotaSaid } from '../shared/quota-changes.js';
import { say } from '../texts/adapter.js';
import { sayGuard } from '../texts/guard.js';
import { asSaid } from '../texts/said.js';
import type { Said } from '../crm-adapter.js';
import { restError, type RestClient } from './client.js';
import type { ResolvedRestOptions } from './options.js';

const STATUSES: readonly SaveStatus[] = ['saved', 'failed', 'conflict'];
const MAX_PAGES = 10_000;

/**
 * Reads `GET /quotas` (docs/adapters/rest.md; option `quotas`): `{ items: [{ repId, period, amount }],
 * nextCursor }`, every page. Items that fail the quota model are left out and named in `notices`
 * (rep, field, reason); a repeated cursor stops with `BAD_RESPONSE`.
 *
 * @example
 * const { quotas, notices } = await loadQuotasRest(client, opts, { signal });
 */
export async function loadQuotasRest(client: RestClient, opts: ResolvedRestOptions, options: LoadOptions = {}): Promise<{ quotas: QuotaEntry[]; notices: LoadNotice[] }> {
  const quotas: QuotaEntry[] = [];
  const notices: LoadNotice[] = [];
  const cursors = new Set<string>();
  let cursor: string | null = null;
  let index = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await client.repeatable('GET', `/quotas?limit=${opts.pageSize}${cursor !== null ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, undefined, options.signal);
    if (r.kind !== 'ok') {
      if (r.kind === 'aborted') throw new CrmLoadError('ABORTED', say('load.aborted', { what: 'quotas' }));
      const e = restError(r);
      throw new CrmLoadError(e.code, say('load.failed', { what: 'quotas', detail: asSaid(e) }));
    }
    const body = r.body as { items?: unknown; nextCursor?: unknown } | null;
    if (!body || !Array.isArray(body.items)) throw new CrmLoadError('BAD_RESPONSE', say('load.no-items', { path: 'quotas' }));
    for (const item of body.items) {
      const parsed = parseQuotaRow(item);
      if ('entry' in parsed) quotas.push(parsed.entry);
      else {
        const rep = (item as { repId?: unknown } | null)?.repId;
        notices.push({ code: 'INVALID_QUOTA', field: parsed.field, ...(typeof rep === 'string' ? say('notice.invalid-quota-rep', { index, rep, field: parsed.field, reason: parsed.why }) : say('notice.invalid-quota', { index, field: parsed.field, reason: parsed.why })) });
      }
      index++;
    }
    options.onProgress?.({ loaded: quotas.length, phase: 'quotas' });
    cursor = typeof body.nextCursor === 'string' && body.nextCursor !== '' ? body.nextCursor : null;
    if (cursor === null) return { quotas, notices };
    if (cursors.has(cursor)) throw new CrmLoadError('BAD_RESPONSE', say('load.quotas-paging', { why: say('paging.repeats-cursor', { cursor: JSON.stringify(cursor.slice(0, 120)) }) }));
    cursors.add(cursor);
  }
  throw new CrmLoadError('BAD_RESPONSE', say('load.quotas-paging', { why: say('paging.too-many', { max: MAX_PAGES }) }));
}

/**
 * Writes quotas to `POST /quotas:batch` (docs/adapters/rest.md): `{ requestId, changes: [{ repId,
 * period, amount, expectedAmount }] }` → `{ results: [{ repId, period, status, code?, message? }] }`.
 * `amount` null removes the quota; `expectedAmount` is the amount as loaded (null: none) and the
 * server answers `conflict` when its amount is another, `saved` without writing when it already holds
 * `amount`. A repeated `requestId` replays the stored answer, so the request is retried like a GET
 * (429, 5xx, network), bounded by the save's signal; a batch whose answer never came ends `failed
 * UNKNOWN_OUTCOME`. One outcome per change, in order; failures name the rep, period and field.
 *
 * @example
 * await saveQuotasRest(client, opts, [{ repId: 'r1', period: '2027-01-01', from: 400000, to: 450000 }]);
 */
export async function saveQuotasRest(client: RestClient, opts: ResolvedRestOptions, changes: readonly QuotaChange[], options: SaveOptions = {}, nameOf: (repId: string) => string | null = () => null): Promise<QuotaSaveOutcome[]> {
  const { outcomes: out, work } = checkQuotaChanges(changes, nameOf);
  const fail = (i: number, code: string, why: Said) => {
    const c = changes[i];
    out[i] = { repId: c.repId, period: c.period, status: 'failed', code, ...say('quota.said', { label: quotaSaid(c.repId, c.period, nameOf(c.repId)), why }) };
  };
  const allowed = opts.canWrite !== false && opts.quotas === true;
  let done = changes.length - work.length;
  for (const batch of chunk(work.map((w) => w.index), opts.batchSize)) {
    if (!allowed || options.signal?.aborted) {
      for (const i of batch) fail(i, allowed ? 'ABORTED' : 'READ_ONLY', allowed ? sayGuard('guard.not-written', { why: sayGuard('guard.save-aborted') }) : say('save.quotas-read-only'));
      continue;
    }
    const body = { requestId: opts.requestId(), changes: batch.map((i) => ({ repId: changes[i].repId, period: changes[i].period, amount: changes[i].to, expectedAmount: changes[i].from })) };
    const r = await client.repeatable('POST', '/quotas:batch', body, options.signal);
    if (r.kind === 'ok') {
      const results = (r.body as { results?: unknown } | null)?.results;
      const byKey = new Map<string, { status?: unknown; code?: unknown; message?: unknown }>();
      if (Array.isArray(results)) for (const x of results) if (x && typeof x.repId === 'string' && typeof x.period === 'string') byKey.set(`${x.repId}\u0000${x.period}`, x);
      for (const i of batch) {
        const c = changes[i];
        const x = byKey.get(`${c.repId}\u0000${c.period}`);
        const status = x && STATUSES.includes(x.status as SaveStatus) ? (x.status as SaveStatus) : undefined;
        if (!status) fail(i, UNKNOWN_OUTCOME, say('save.server-no-report-quota'));
        else out[i] = { repId: c.repId, period: c.period, status, ...(typeof x!.code === 'string' ? { code: x!.code } : {}), ...(typeof x!.message === 'string' ? { message: x!.message } : {}) };
      }
    } else {
      const e = restError(r);
      const unknown = r.kind === 'network' || (e.status !== undefined && e.status >= 500);
      for (const i of batch) {
        if (r.kind === 'aborted') fail(i, UNKNOWN_OUTCOME, say('save.stopped-mid-request-it'));
        else if (unknown) fail(i, UNKNOWN_OUTCOME, say('save.it-maybe-written', { why: asSaid(e) }));
        else if (e.status === 409) out[i] = { repId: changes[i].repId, period: changes[i].period, status: 'conflict', code: e.code, ...say('quota.said', { label: quotaSaid(changes[i].repId, changes[i].period, nameOf(changes[i].repId)), why: sayGuard('guard.not-written', { why: asSaid(e) }) }) };
        else fail(i, e.code, sayGuard('guard.not-written', { why: asSaid(e) }));
      }
    }
    done += batch.length;
    options.onProgress?.({ done, total: changes.length });
  }
  return out as QuotaSaveOutcome[];
}
