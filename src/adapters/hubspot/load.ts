import { CrmLoadError, type LoadNotice, type LoadOptions, type LoadResult } from '../crm-adapter.js';
import type { Opportunity } from '../../model/opportunity.js';
import { validateBatch, type Rejection } from '../../model/validate-batch.js';
import { ruleOfIssue } from '../../model/format-rejection.js';
import type { Account } from '../../model/account.js';
import type { Rep } from '../../model/rep.js';
import type { HttpResult } from '../shared/http.js';
import type { HubSpotClient } from './client.js';
import type { ResolvedOptions } from './options.js';
import { requestedProperties } from './options.js';
import { describeError, readPage } from './wire.js';
import { parseCompany, propertyFor } from './parse-company.js';
import { parseOwner } from './parse-owner.js';
import { dealOwnersAtClose } from './deal-owner-history.js';
import type { Said } from '../crm-adapter.js';
import { say } from '../texts/adapter.js';
import { asSaid } from '../texts/said.js';

/** Turns a failed read into the error `load` throws. */
function loadError(result: Exclude<HttpResult, { kind: 'ok' }>, what: string): CrmLoadError {
  if (result.kind === 'aborted') return new CrmLoadError('ABORTED', say('load.aborted', { what }));
  if (result.kind === 'network') return new CrmLoadError('NETWORK', say('load.failed', { what, detail: asSaid(result) }));
  const { code, message } = describeError(result.status, result.body);
  return new CrmLoadError(code, say('load.failed-http', { what, status: result.status, detail: message }));
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
  const bad = (why: Said) => new CrmLoadError('BAD_RESPONSE', say('load.hubspot-paging', { what, why, pages, records: received }));
  do {
    if (signal?.aborted) throw new CrmLoadError('ABORTED', say('load.aborted', { what }));
    const result = await client.idempotent({ method: 'GET', path: path(after), ...(signal ? { signal } : {}) });
    if (result.kind !== 'ok') throw loadError(result, what);
    let page;
    try {
      page = readPage<unknown>(result.body, what);
    } catch (error) {
      throw new CrmLoadError('BAD_RESPONSE', asSaid(error as Error & { key?: string }));
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
    if (bound.total !== undefined && received > bound.total + bound.pageSize) throw bad(say('paging.hubspot-more-than', { total: bound.total }));
    if (after !== undefined) {
      if (seen.has(after)) throw bad(say('paging.repeats-cursor', { cursor: JSON.stringify(after.slice(0, 120)) }));
      if (fresh === 0) throw bad(say('paging.hubspot-no-new'));
      if (bound.total === undefined && pages >= MAX_PAGES_UNBOUNDED) throw bad(say('paging.too-many', { max: MAX_PAGES_UNBOUNDED }));
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
  const { valid, rejected: bad } = validateBatch('rep', raw, { rules: ruleOfIssue });
  rejected.push(...bad);
  return valid;
}

/** The number of (unarchived) companies, from one search request; undefined when it cannot tell. */
async function countCompanies(client: HubSpotClient, signal: AbortSignal | undefined): Promise<number | undefined> {
  if (signal?.aborted) throw new CrmLoadError('ABORTED', say('load.aborted', { what: 'companies' }));
  const result = await client.once({ method: 'POST', path: '/crm/v3/objects/companies/search', body: { limit: 1, properties: ['hs_object_id'] }, ...(signal ? { signal } : {}) });
  if (result.kind === 'aborted') throw new CrmLoadError('ABORTED', say('load.aborted', { what: 'companies' }));
  const total = result.kind === 'ok' ? (result.body as { total?: unknown } | null)?.total : undefined;
  return typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : undefined;
}

/** Loads companies page by page, parsing string properties and validating each page. */
async function loadAccounts(client: HubSpotClient, opts: ResolvedOptions, options: LoadOptions, rejected: Rejection[]): Promise<Account[]> {
  const accounts: Account[] = [];
  const ids = new Set<string>();
  const fields = requestedProperties(opts.props, opts.lockProperty).map(encodeURIComponent).join(',');
  const total = opts.countTotal === false ? undefined : await countCompanies(client, options.signal);
  let index = 0;
  await eachPage(client, (after) => `/crm/v3/objects/companies?limit=${opts.pageSize}&archived=false&properties=${fields}${cursor(after)}`, 'companies', options.signal, (results) => {
    const candidates: Record<string, unknown>[] = [];
    const positions: number[] = [];
    for (const company of results) {
      const position = index++;
      const { account, problems } = parseCompany(company, opts.props, opts.lockProperty);
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
    const { valid, rejected: bad } = validateBatch('account', candidates, { rules: ruleOfIssue });
    for (const r of bad) {
      const named = (field: string, reason: string) => {
        const prop = propertyFor(field, opts.props, opts.lockProperty);
        return prop !== undefined ? `${reason} (HubSpot property ${prop})` : reason;
      };
      // A reworded reason drops its rule (the UI words a rule only where the reason is the rule's own English).
      const problems = r.problems.map((p) => { const reason = named(p.field, p.reason); return reason === p.reason ? p : { field: p.field, reason }; });
      const { rule: _rule, dropped: _dropped, ...rest } = r;
      rejected.push({ ...rest, index: positions[r.index], ...problems[0], problems });
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
    throw new CrmLoadError('TERRITORIES', say('load.failed', { what: 'territories', detail: (error as Error).message }), { cause: error });
  }
  const { valid, rejected: bad } = validateBatch('territory', raw, { rules: ruleOfIssue });
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
  const notices: LoadNotice[] = [];
  const deals = opts.deals ? await loadDeals(client, opts, options, rejected, notices) : undefined;
  return { accounts, reps, territories, rejected, ...(deals ? { opportunities: deals } : {}), ...(notices.length ? { notices } : {}) };
}

/** Deal properties read for the earned history. */
export const DEAL_PROPERTIES = ['hubspot_owner_id', 'amount', 'closedate', 'hs_is_closed_won', 'hs_is_closed', 'hubspot_owner_assigneddate'] as const;

/**
 * Loads deals page by page with their company association (`associations=companies`; the primary
 * `deal_to_company` one when there are several) and keeps open deals and those closed within
 * `dealMonths`. Deals without a company are left out (a notice counts them); bad values are rejected
 * naming the deal and the HubSpot property. A portal that refuses deals (403: no
 * `crm.objects.deals.read` scope; 404) loads without them, with a notice; other failures fail the load.
 * A closed deal is credited to its owner at close, from the `hubspot_owner_id` history of the deals
 * reassigned since they closed (see deal-owner-history.ts); when HubSpot refuses that read, closed
 * deals keep today's owner and a notice (topic `owner-history-unavailable`) says so.
 */
async function loadDeals(client: HubSpotClient, opts: ResolvedOptions, options: LoadOptions, rejected: Rejection[], notices: LoadNotice[]): Promise<Opportunity[] | undefined> {
  const now = new Date();
  const cutoff = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (opts.dealMonths ?? 12), now.getUTCDate());
  const candidates: Record<string, unknown>[] = [];
  const positions: number[] = [];
  let index = 0;
  let withoutCompany = 0;
  const assignedAt = new Map<string, string>();
  try {
    await eachPage(client, (after) => `/crm/v3/objects/deals?limit=${opts.pageSize}&properties=${DEAL_PROPERTIES.join(',')}&associations=companies&archived=false${cursor(after)}`, 'deals', options.signal, (results) => {
      for (const raw of results) {
        const position = index++;
        const parsed = parseDeal(raw);
        if ('problem' in parsed) {
          rejected.push({ kind: 'opportunity', index: position, ...(parsed.id ? { id: parsed.id } : {}), ...parsed.problem, problems: [parsed.problem] });
        } else if (parsed.deal.accountId === null) withoutCompany++;
        else if (parsed.deal.stage !== 'open' && typeof parsed.deal.closeDate === 'string' && Date.parse(parsed.deal.closeDate) < cutoff) continue; // closed before the window (dealMonths)
        else {
          candidates.push(parsed.deal);
          positions.push(position);
          const assigned = ((raw as { properties?: Record<string, unknown> }).properties ?? {}).hubspot_owner_assigneddate;
          if (typeof assigned === 'string' && assigned.trim() !== '') assignedAt.set(parsed.deal.id as string, assigned);
        }
      }
      options.onProgress?.({ loaded: index, phase: 'performance' });
    }, { pageSize: opts.pageSize });
  } catch (error) {
    const code = error instanceof CrmLoadError ? error.code : '';
    if (!/^HTTP_40[34]$|^MISSING_SCOPES$/.test(code) && !(error instanceof CrmLoadError && / HTTP 40[34]:/.test(error.message))) throw error;
    notices.push({ code, field: 'deals', ...say('notice.deals-left-out', { why: asSaid(error as CrmLoadError) }) });
    return undefined;
  }
  // Closed deals belong to the owner at close (open ones are today's owner's pipeline).
  const closed = candidates.flatMap((d) => (d.stage !== 'open' && typeof d.closeDate === 'string' ? [{ id: d.id as string, ownerId: typeof d.ownerId === 'string' ? d.ownerId : null, closeDate: d.closeDate, ownerAssignedAt: assignedAt.get(d.id as string) ?? null }] : []));
  const history = closed.length ? await dealOwnersAtClose(client, closed, options.signal) : { owners: new Map<string, string | null>() };
  if (history.notice) notices.push(history.notice);
  else for (const d of candidates) if (history.owners.has(d.id as string)) d.ownerId = history.owners.get(d.id as string);
  const { valid, rejected: bad } = validateBatch('opportunity', candidates, { rules: ruleOfIssue });
  const DEAL_PROPERTY: Record<string, string> = { ownerId: 'hubspot_owner_id', amount: 'amount', closeDate: 'closedate', stage: 'hs_is_closed_won' };
  for (const r of bad) {
    const problems = r.problems.map((p) => (DEAL_PROPERTY[p.field] ? { field: p.field, reason: `${p.reason} (HubSpot property ${DEAL_PROPERTY[p.field]})` } : p));
    const { rule: _rule, dropped: _dropped, ...rest } = r;
    rejected.push({ ...rest, index: positions[r.index], ...problems[0], problems });
  }
  if (withoutCompany > 0) notices.push({ code: 'DEALS_WITHOUT_COMPANY', field: 'deals', count: withoutCompany, ...say(withoutCompany === 1 ? 'notice.deals-without-company-one' : 'notice.deals-without-company', { count: withoutCompany }) });
  return valid;
}

/**
 * One deal from the list answer → an opportunity candidate (checked later by the schema), or the
 * problem naming the deal and property. `stage`: `hs_is_closed_won` "true" → won, else
 * `hs_is_closed` "true" → lost, else open.
 */
function parseDeal(raw: unknown): { deal: Record<string, unknown> & { accountId: string | null; stage: string; closeDate: unknown } } | { id?: string; problem: { field: string; reason: string } } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { problem: { field: '', reason: 'expected a deal object' } };
  const d = raw as { id?: unknown; properties?: unknown; associations?: unknown };
  const id = typeof d.id === 'string' || typeof d.id === 'number' ? String(d.id) : '';
  if (id === '') return { problem: { field: 'id', reason: 'is required (expected the HubSpot deal id)' } };
  const p = (d.properties !== null && typeof d.properties === 'object' ? d.properties : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);
  const flag = (name: string): boolean | null | 'bad' => {
    const v = text(p[name]);
    return v === null ? null : v === 'true' ? true : v === 'false' ? false : 'bad';
  };
  const won = flag('hs_is_closed_won');
  const closed = flag('hs_is_closed');
  if (won === 'bad' || closed === 'bad') {
    const name = won === 'bad' ? 'hs_is_closed_won' : 'hs_is_closed';
    return { id, problem: { field: 'stage', reason: `expected "true" or "false", got ${JSON.stringify(String(p[name]).slice(0, 40))} (HubSpot property ${name})` } };
  }
  const amountText = text(p.amount);
  const amount = amountText === null ? 0 : /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(amountText.trim()) ? Number(amountText) : Number.NaN;
  if (!Number.isFinite(amount)) return { id, problem: { field: 'amount', reason: `expected a number, got the string ${JSON.stringify(amountText!.slice(0, 40))} (HubSpot property amount)` } };
  const closeText = text(p.closedate);
  const closeDate = closeText === null ? null : /^\d{10,}$/.test(closeText) ? new Date(Number(closeText)).toISOString() : closeText;
  return {
    deal: {
      id,
      accountId: companyOf(d.associations),
      ownerId: text(p.hubspot_owner_id),
      amount,
      stage: won === true ? 'won' : closed === true ? 'lost' : 'open',
      closeDate,
    },
  };
}

/** The deal's company: the primary (`deal_to_company`) association, else the first; null when none. */
function companyOf(associations: unknown): string | null {
  const list = (associations as { companies?: { results?: unknown } } | null | undefined)?.companies?.results;
  if (!Array.isArray(list)) return null;
  const ids = list.filter((a): a is { id: unknown; type?: unknown } => a !== null && typeof a === 'object').map((a) => ({ id: typeof a.id === 'string' || typeof a.id === 'number' ? String(a.id) : '', type: a.type }));
  const primary = ids.find((a) => a.id !== '' && a.type === 'deal_to_company') ?? ids.find((a) => a.id !== '');
  return primary ? primary.id : null;
}
