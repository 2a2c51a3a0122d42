import { CrmLoadError, type LoadOptions, type LoadResult } from '../crm-adapter.js';
import { validateBatch, type Rejection } from '../../model/validate-batch.js';
import type { Account } from '../../model/account.js';
import type { Rep } from '../../model/rep.js';
import type { HttpResult } from '../shared/http.js';
import type { HubSpotClient } from './client.js';
import type { ResolvedOptions } from './options.js';
import { requestedProperties } from './options.js';
import { describeError, readPage } from './wire.js';
import { parseCompany, propertyFor } from './parse-company.js';
import { parseOwner } from './parse-owner.js';

/** Turns a failed read into the error `load` throws. */
function loadError(result: Exclude<HttpResult, { kind: 'ok' }>, what: string): CrmLoadError {
  if (result.kind === 'aborted') return new CrmLoadError('ABORTED', `Loading ${what} was aborted`);
  if (result.kind === 'network') return new CrmLoadError('NETWORK', `Loading ${what} failed: ${result.message}`);
  const { code, message } = describeError(result.status, result.body);
  return new CrmLoadError(code, `Loading ${what} failed with HTTP ${result.status}: ${message}`);
}

/** Most pages a listing may take when HubSpot did not say how many records it has (100 a page: 10M). */
const MAX_PAGES_UNBOUNDED = 100_000;

/**
 * Follows `paging.next.after` until the last page, calling `onPage` with each page's results. Paging
 * is bounded: a cursor seen before, a page that brings no record not seen before (empty, or only
 * repeats) yet points at another, or more records than `total` (what HubSpot said it has, plus one
 * page of slack for records created while loading) fail with CrmLoadError `BAD_RESPONSE`.
 */
async function eachPage(client: HubSpotClient, path: (after?: string) => string, what: string, signal: AbortSignal | undefined, onPage: (results: unknown[]) => void, bound: { total?: number; pageSize: number }): Promise<void> {
  let after: string | undefined;
  const seen = new Set<string>();
  const ids = new Set<string>();
  let received = 0;
  let pages = 0;
  const bad = (why: string) => new CrmLoadError('BAD_RESPONSE', `HubSpot ${what} paging ${why}; stopped after ${pages} pages and ${received} records`);
  do {
    if (signal?.aborted) throw new CrmLoadError('ABORTED', `Loading ${what} was aborted`);
    const result = await client.idempotent({ method: 'GET', path: path(after), ...(signal ? { signal } : {}) });
    if (result.kind !== 'ok') throw loadError(result, what);
    let page;
    try {
      page = readPage<unknown>(result.body, what);
    } catch (error) {
      throw new CrmLoadError('BAD_RESPONSE', (error as Error).message);
    }
    pages++;
    let fresh = 0;
    for (const r of page.results) {
      const raw = (r as { id?: unknown } | null)?.id;
      const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
      if (id === undefined || !ids.has(id)) fresh++;
      if (id !== undefined) ids.add(id);
    }
    received += page.results.length;
    onPage(page.results);
    after = page.paging?.next?.after;
    if (bound.total !== undefined && received > bound.total + bound.pageSize) throw bad(`sent more than the ${bound.total} records HubSpot said it has`);
    if (after !== undefined) {
      if (seen.has(after)) throw bad(`repeats the cursor ${JSON.stringify(after.slice(0, 120))}`);
      if (fresh === 0) throw bad('brought a page with no new records that points at another page');
      if (bound.total === undefined && pages >= MAX_PAGES_UNBOUNDED) throw bad(`went past ${MAX_PAGES_UNBOUNDED} pages`);
      seen.add(after);
    }
  } while (after !== undefined);
}

const cursor = (after?: string) => (after !== undefined ? `&after=${encodeURIComponent(after)}` : '');

/** Loads owners (active, then archived as inactive) as reps. */
async function loadReps(client: HubSpotClient, opts: ResolvedOptions, options: LoadOptions, rejected: Rejection[]): Promise<Rep[]> {
  const raw: unknown[] = [];
  const listings = opts.includeArchivedOwners === false ? [false] : [false, true];
  for (const archived of listings) {
    await eachPage(client, (after) => `/crm/v3/owners?limit=${opts.pageSize}&archived=${archived}${cursor(after)}`, 'owners', options.signal, (results) => {
      for (const owner of results) raw.push(parseOwner(owner, archived));
      options.onProgress?.({ loaded: raw.length, phase: 'reps' });
    }, { pageSize: opts.pageSize });
  }
  const { valid, rejected: bad } = validateBatch('rep', raw);
  rejected.push(...bad);
  return valid;
}

/** The number of (unarchived) companies, from one search request; undefined when it cannot tell. */
async function countCompanies(client: HubSpotClient, signal: AbortSignal | undefined): Promise<number | undefined> {
  if (signal?.aborted) throw new CrmLoadError('ABORTED', 'Loading companies was aborted');
  const result = await client.once({ method: 'POST', path: '/crm/v3/objects/companies/search', body: { limit: 1, properties: ['hs_object_id'] }, ...(signal ? { signal } : {}) });
  if (result.kind === 'aborted') throw new CrmLoadError('ABORTED', 'Loading companies was aborted');
  const total = result.kind === 'ok' ? (result.body as { total?: unknown } | null)?.total : undefined;
  return typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : undefined;
}

/** Loads companies page by page, parsing string properties and validating each page. */
async function loadAccounts(client: HubSpotClient, opts: ResolvedOptions, options: LoadOptions, rejected: Rejection[]): Promise<Account[]> {
  const accounts: Account[] = [];
  const ids = new Set<string>();
  const fields = requestedProperties(opts.props).map(encodeURIComponent).join(',');
  const total = opts.countTotal === false ? undefined : await countCompanies(client, options.signal);
  let index = 0;
  await eachPage(client, (after) => `/crm/v3/objects/companies?limit=${opts.pageSize}&archived=false&properties=${fields}${cursor(after)}`, 'companies', options.signal, (results) => {
    const candidates: Record<string, unknown>[] = [];
    const positions: number[] = [];
    for (const company of results) {
      const position = index++;
      const { account, problems } = parseCompany(company, opts.props);
      const rawId = (company as { id?: unknown } | null)?.id;
      const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
      if (!account) {
        rejected.push({ kind: 'account', index: position, ...(id !== undefined ? { id } : {}), ...problems[0], problems });
      } else if (ids.has(account.id as string)) {
        const problem = { field: 'id', reason: 'duplicate id: the company came twice while paging' };
        rejected.push({ kind: 'account', index: position, id: account.id as string, ...problem, problems: [problem] });
      } else {
        ids.add(account.id as string);
        candidates.push(account);
        positions.push(position);
      }
    }
    const { valid, rejected: bad } = validateBatch('account', candidates);
    for (const r of bad) {
      const named = (field: string, reason: string) => {
        const prop = propertyFor(field, opts.props);
        return prop !== undefined ? `${reason} (HubSpot property ${prop})` : reason;
      };
      const problems = r.problems.map((p) => ({ field: p.field, reason: named(p.field, p.reason) }));
      rejected.push({ ...r, index: positions[r.index], ...problems[0], problems });
    }
    accounts.push(...valid);
    options.onProgress?.({ loaded: accounts.length, ...(total !== undefined ? { total } : {}), phase: 'accounts' });
  }, { ...(total !== undefined ? { total } : {}), pageSize: opts.pageSize });
  return accounts;
}

/** Loads the configured territories (HubSpot has no territory object). */
async function loadTerritories(opts: ResolvedOptions, options: LoadOptions, rejected: Rejection[]) {
  const source = opts.territories;
  if (!source) return [];
  let raw: readonly unknown[];
  try {
    raw = typeof source === 'function' ? await source(options.signal) : source;
  } catch (error) {
    throw new CrmLoadError('TERRITORIES', `Loading territories failed: ${(error as Error).message}`, { cause: error });
  }
  const { valid, rejected: bad } = validateBatch('territory', raw);
  rejected.push(...bad);
  options.onProgress?.({ loaded: valid.length, total: raw.length, phase: 'territories' });
  return valid;
}

/**
 * Loads reps (owners), accounts (companies) and territories from HubSpot CRM v3.
 *
 * @param client The HTTP client.
 * @param opts Resolved adapter options.
 * @param options Abort signal and progress callback.
 * @returns The load result; bad records are in `rejected`, each naming its id and property.
 * @example
 * const { accounts, reps, rejected } = await loadHubSpot(client, opts, { onProgress: console.log });
 */
export async function loadHubSpot(client: HubSpotClient, opts: ResolvedOptions, options: LoadOptions = {}): Promise<LoadResult> {
  const rejected: Rejection[] = [];
  const reps = await loadReps(client, opts, options, rejected);
  const accounts = await loadAccounts(client, opts, options, rejected);
  const territories = await loadTerritories(opts, options, rejected);
  return { accounts, reps, territories, rejected };
}
