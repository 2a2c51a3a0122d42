import { CrmLoadError, type LoadOptions, type LoadResult } from '../crm-adapter.js';
import { validateBatch, type RecordKind, type Rejection } from '../../model/validate-batch.js';
import { ruleOfIssue } from '../../model/format-rejection.js';
import type { RestClient } from './client.js';
import { restError } from './client.js';
import { say } from '../texts/adapter.js';
import { asSaid } from '../texts/said.js';
import type { Said } from '../crm-adapter.js';
import type { ResolvedRestOptions } from './options.js';

type Kind = 'account' | 'rep' | 'territory' | 'opportunity';
const PATHS: Record<Kind, string> = { account: 'accounts', rep: 'reps', territory: 'territories', opportunity: 'opportunities' };
const PHASES: Record<Kind, string> = { account: 'accounts', rep: 'reps', territory: 'territories', opportunity: 'opportunities' };

/** Most pages a collection may take when the server did not say how many records it has. */
const MAX_PAGES_UNBOUNDED = 100_000;

/**
 * Reads every page of one collection (`{ items, nextCursor, total? }`), validating each page. Paging
 * is bounded: a cursor seen before, a page that brings no record not seen before (empty, or only
 * repeats) yet names a next cursor, or more items than the `total` the server gave on its first page
 * fail with CrmLoadError `BAD_RESPONSE`.
 */
async function collect<K extends Kind>(client: RestClient, opts: ResolvedRestOptions, kind: K, options: LoadOptions, rejected: Rejection[]) {
  const valid: ReturnType<typeof validateBatch<K>>['valid'] = [];
  const ids = new Set<string>();
  const seenCursors = new Set<string>();
  /** Every id seen, valid or not: a page with none new makes no progress. */
  const everyId = new Set<string>();
  let cursor: string | null = null;
  let index = 0;
  let pages = 0;
  let total: number | undefined;
  const bad = (why: Said) => new CrmLoadError('BAD_RESPONSE', say('load.rest-paging', { path: PATHS[kind], why, pages, records: index }));
  do {
    if (options.signal?.aborted) throw new CrmLoadError('ABORTED', say('load.aborted', { what: PATHS[kind] }));
    const query = `?limit=${opts.pageSize}${cursor !== null ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const r = await client.repeatable('GET', `/${PATHS[kind]}${query}`, undefined, options.signal);
    if (r.kind !== 'ok') {
      if (r.kind === 'aborted') throw new CrmLoadError('ABORTED', say('load.aborted', { what: PATHS[kind] }));
      const e = restError(r);
      throw new CrmLoadError(e.code, say('load.failed', { what: PATHS[kind], detail: asSaid(e) }));
    }
    const body = r.body as { items?: unknown; nextCursor?: unknown; total?: unknown } | null;
    if (!body || !Array.isArray(body.items)) throw new CrmLoadError('BAD_RESPONSE', say('load.no-items', { path: PATHS[kind] }));
    pages++;
    if (total === undefined && typeof body.total === 'number' && Number.isInteger(body.total) && body.total >= 0) total = body.total;
    const candidates: unknown[] = [];
    const positions: number[] = [];
    let fresh = 0;
    body.items.forEach((item, i) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || !everyId.has(id)) fresh++;
      if (typeof id === 'string') everyId.add(id);
      if (typeof id === 'string' && ids.has(id)) {
        const problem = { field: 'id', reason: 'duplicate id: the record came twice while paging' };
        rejected.push({ kind, index: index + i, id, ...problem, problems: [problem] });
      } else {
        candidates.push(item);
        positions.push(index + i);
      }
    });
    const page = validateBatch(kind as RecordKind, candidates, { rules: ruleOfIssue }) as ReturnType<typeof validateBatch<K>>;
    for (const r of page.rejected) rejected.push({ ...r, index: positions[r.index] });
    for (const record of page.valid) {
      ids.add((record as { id: string }).id);
      valid.push(record);
    }
    index += body.items.length;
    cursor = typeof body.nextCursor === 'string' && body.nextCursor !== '' ? body.nextCursor : null;
    if (total !== undefined && index > total) throw bad(say('paging.more-than', { total }));
    if (cursor !== null) {
      if (seenCursors.has(cursor)) throw bad(say('paging.repeats-cursor', { cursor: JSON.stringify(cursor.slice(0, 120)) }));
      if (fresh === 0) throw bad(say('paging.no-new'));
      if (total !== undefined && index >= total) throw bad(say('paging.all-sent', { total }));
      if (total === undefined && pages >= MAX_PAGES_UNBOUNDED) throw bad(say('paging.too-many', { max: MAX_PAGES_UNBOUNDED }));
      seenCursors.add(cursor);
    }
    options.onProgress?.({ loaded: valid.length, ...(typeof body.total === 'number' ? { total: body.total } : {}), phase: PHASES[kind] });
  } while (cursor !== null);
  return valid;
}

/**
 * Loads reps, accounts and territories from a backend implementing the REST contract.
 *
 * @param client The HTTP client.
 * @param opts Resolved options.
 * @param options Abort signal and progress.
 * @returns The load result; invalid records are in `rejected` with their id and field.
 * @example
 * const { accounts } = await loadRest(client, opts, { onProgress: console.log });
 */
export async function loadRest(client: RestClient, opts: ResolvedRestOptions, options: LoadOptions = {}): Promise<LoadResult> {
  const rejected: Rejection[] = [];
  const reps = await collect(client, opts, 'rep', options, rejected);
  const accounts = await collect(client, opts, 'account', options, rejected);
  const territories = await collect(client, opts, 'territory', options, rejected);
  // Deals with their owner at close (GET /opportunities), when the backend serves them (option `opportunities`).
  if (opts.opportunities) return { accounts, reps, territories, rejected, opportunities: await collect(client, opts, 'opportunity', options, rejected) };
  return { accounts, reps, territories, rejected };
}
