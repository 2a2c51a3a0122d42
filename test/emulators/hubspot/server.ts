/**
 * A HubSpot CRM v3 emulator for tests and benchmarks: a Node http server on 127.0.0.1 (random port)
 * speaking the real wire format — string property values, `paging.next.after`, 207 Multi-Status with
 * `errors[].context.ids`, 429 `RATE_LIMITS` with Retry-After, error bodies with category and
 * correlationId — with per-test fault injection, request counting and per-record write counts. Serves
 * companies, owners, deals (with company associations), company property definitions and goal targets
 * (date-versioned API 2026-03: search by `hs_goal_name`, batch/update; scopes switchable).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { FaultList, closeServer, listenLocal, pageFaultOffset, readBody, reverseResults, sendJson, sleep, type Fault } from '../http-util.js';

export interface EmuCompany {
  id: string;
  /** Raw property values; the emulator stores and returns whatever is given (strings, or junk for malformed-record tests). */
  properties: Record<string, unknown>;
  archived?: boolean;
}

export interface EmuOwner {
  id: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  userId?: number;
  teams?: { id: string; name: string; primary?: boolean }[];
  archived?: boolean;
}

/** A deal: raw string properties and the ids of its associated companies (the first is the primary). */
export interface EmuDeal {
  id: string;
  properties: Record<string, unknown>;
  companies?: string[];
  archived?: boolean;
  /**
   * The `hubspot_owner_id` history, oldest first (`reassignDeal` appends to it). Absent: the current
   * owner, set when the deal was created (2024-01-01). `hubspot_owner_assigneddate` is the last entry's
   * timestamp unless the deal's properties hold one.
   */
  ownerHistory?: { value: string; timestamp: string }[];
}

const DEAL_CREATED = '2024-01-01T00:00:00Z';

/** A company property definition, as `POST /crm/v3/properties/companies/batch/read` answers it. */
export interface EmuPropertyDefinition {
  type: 'bool' | 'enumeration' | 'string' | 'number' | 'datetime';
  fieldType?: string;
  /** The value cannot be written (e.g. a calculated property): batch/update refuses it per record. */
  readOnlyValue?: boolean;
}

/** A goal target (`/crm/objects/2026-03/goal_targets`): raw string properties. */
export interface EmuGoalTarget {
  id: string;
  properties: Record<string, string>;
  /** batch/update refuses this target per record (207, VALIDATION_ERROR) with this message. */
  refuse?: string;
}

export interface HubSpotEmulatorOptions {
  /** Goal targets; search filters by `hs_goal_name` (EQ) only. */
  goalTargets?: EmuGoalTarget[];
  /** The app's goal scopes: without `read` goal requests answer 403, without `write` batch/update does. Default both. */
  goalScopes?: { read?: boolean; write?: boolean };
  companies?: EmuCompany[];
  /** Deals served by `GET /crm/v3/objects/deals` (with `associations=companies`). */
  deals?: EmuDeal[];
  /** Custom company property definitions (beyond the emulator's defaults), by name. */
  companyProperties?: Record<string, EmuPropertyDefinition>;
  owners?: EmuOwner[];
  /** When set, every request must carry `Authorization: Bearer <token>` (401 otherwise). */
  token?: string;
  /** How an invalid owner id in batch/update is reported: per record in a 207 (default) or as a 400 for the whole batch. */
  validation?: '207' | '400';
  /** Raw, malformed records served as-is at the start of the first company page (e.g. `{ id: null }`). */
  malformed?: unknown[];
  /** A rolling-window rate limit like HubSpot's TEN_SECONDLY_ROLLING; off by default. */
  rateLimit?: { max: number; windowMs: number; retryAfterSeconds?: number; now?: () => number };
}

export interface RequestLog {
  method: string;
  path: string;
  status: number;
}

const OWNER = 'hubspot_owner_id';
const MODIFIED = 'hs_lastmodifieddate';
const DEFAULT_PROPS = ['hs_object_id', 'createdate', MODIFIED];

function encodeCursor(offset: number): string {
  return Buffer.from(String(offset)).toString('base64');
}
function decodeCursor(after: string): number | undefined {
  const n = Number(Buffer.from(after, 'base64').toString('utf8'));
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

export class HubSpotEmulator {
  readonly companies = new Map<string, EmuCompany & { createdAt: string; updatedAt: string }>();
  readonly owners: EmuOwner[];
  readonly deals: EmuDeal[];
  /** Every request answered (or dropped: status 0), in order. */
  readonly requests: RequestLog[] = [];
  /** Successful writes per company id. */
  readonly writes = new Map<string, number>();
  readonly faults = new FaultList();
  /** Goal targets by id (edit `properties` to play someone changing one in HubSpot). */
  readonly goalTargets = new Map<string, EmuGoalTarget>();
  url = '';
  private server: Server;
  private clock = 0;
  /** The listing order, cached between pages (reset when companies are added). */
  private listed: (EmuCompany & { createdAt: string; updatedAt: string })[] | undefined;
  private readonly hits: number[] = [];

  constructor(private readonly options: HubSpotEmulatorOptions = {}) {
    for (const c of options.companies ?? []) this.seed(c);
    this.owners = (options.owners ?? []).map((o) => ({ ...o }));
    this.deals = (options.deals ?? []).map((d) => ({ ...d }));
    for (const g of options.goalTargets ?? []) this.goalTargets.set(g.id, { ...g, properties: { ...g.properties } });
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) this.error(res, req, 500, 'INTERNAL_ERROR', String(error));
      });
    });
    this.server.keepAliveTimeout = 1000;
  }

  /** Starts listening on 127.0.0.1 at a random port. */
  async start(): Promise<this> {
    this.url = await listenLocal(this.server);
    return this;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  /** Adds (or replaces) a company; hs_lastmodifieddate defaults to now. */
  seed(company: EmuCompany): void {
    const now = this.tick();
    const properties = { createdate: now, [MODIFIED]: now, ...company.properties, hs_object_id: company.id };
    this.companies.set(company.id, { ...company, properties, createdAt: now, updatedAt: String(properties[MODIFIED]) });
    this.listed = undefined;
  }

  /** Injects a fault (see {@link Fault}). */
  inject(fault: Fault): void {
    this.faults.add(fault);
  }

  /** Someone else edits a company in HubSpot: sets properties and bumps hs_lastmodifieddate. */
  touch(id: string, properties: Record<string, string> = {}): void {
    const c = this.companies.get(id);
    if (!c) throw new Error(`no company ${id}`);
    const now = this.tick();
    Object.assign(c.properties, properties, { [MODIFIED]: now });
    c.updatedAt = now;
  }

  /** The owner id a company has now (null when none). */
  ownerOf(id: string): string | null {
    const v = this.companies.get(id)?.properties[OWNER];
    return typeof v === 'string' && v !== '' ? v : null;
  }

  /** Requests counted per "METHOD path". */
  count(method: string, path: string): number {
    return this.requests.filter((r) => r.method === method && r.path === path).length;
  }

  /** A strictly increasing ISO timestamp. */
  private tick(): string {
    this.clock = Math.max(Date.now(), this.clock + 1);
    return new Date(this.clock).toISOString();
  }

  private error(res: ServerResponse, req: IncomingMessage, status: number, category: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
    this.log(req, status);
    sendJson(res, status, { status: 'error', message, correlationId: randomUUID(), category, ...extra }, headers);
  }

  private log(req: IncomingMessage, status: number): void {
    this.requests.push({ method: req.method ?? '', path: new URL(req.url ?? '/', 'http://x').pathname, status });
  }

  private ok(res: ServerResponse, req: IncomingMessage, status: number, body: unknown): void {
    this.log(req, status);
    sendJson(res, status, body);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const raw = method === 'POST' ? await readBody(req) : '';
    if (this.options.token !== undefined && req.headers.authorization !== `Bearer ${this.options.token}`) {
      return this.error(res, req, 401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
    }
    if (this.options.rateLimit) {
      const { max, windowMs, retryAfterSeconds } = this.options.rateLimit;
      const now = (this.options.rateLimit.now ?? Date.now)();
      while (this.hits.length > 0 && this.hits[0] <= now - windowMs) this.hits.shift();
      if (this.hits.length >= max) {
        return this.error(res, req, 429, 'RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.', { policyName: 'TEN_SECONDLY_ROLLING' }, retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {});
      }
      this.hits.push(now);
    }
    const fault = this.faults.take(method, url.pathname);
    if (fault?.kind === 'hook') fault.run?.();
    if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 50);
    if (fault?.kind === 'reset' || fault?.kind === 'hang') {
      this.log(req, 0);
      if (fault.kind === 'reset') req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      const status = fault.status ?? 500;
      const body = fault.body ?? { status: 'error', message: status === 429 ? 'You have reached your ten_secondly_rolling limit.' : 'internal error', correlationId: randomUUID(), category: status === 429 ? 'RATE_LIMITS' : 'INTERNAL_ERROR' };
      this.log(req, status);
      sendJson(res, status, body, fault.headers);
      return;
    }
    let body: unknown;
    if (method === 'POST') {
      try {
        body = JSON.parse(raw);
      } catch {
        return this.error(res, req, 400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1');
      }
    }
    const answer = this.route(method, url, body, fault);
    if (fault?.kind === 'apply-then-reset' || fault?.kind === 'apply-then-hang') {
      this.log(req, 0);
      if (fault.kind === 'apply-then-reset') req.socket.destroy();
      return;
    }
    if (fault?.kind === 'apply-then-delay') await sleep(fault.delayMs ?? 50);
    if (fault?.kind === 'apply-then-status') {
      this.log(req, fault.status ?? 502);
      sendJson(res, fault.status ?? 502, fault.body ?? { status: 'error', message: 'Bad gateway', correlationId: randomUUID(), category: 'INTERNAL_ERROR' }, fault.headers);
      return;
    }
    if (answer.error) return this.error(res, req, answer.status, answer.error.category, answer.error.message);
    this.ok(res, req, answer.status, fault?.kind === 'reorder' ? reverseResults(answer.body) : answer.body);
  }

  private route(method: string, url: URL, body: unknown, fault: Fault | undefined): { status: number; body?: unknown; error?: { category: string; message: string } } {
    const path = url.pathname;
    if (method === 'GET' && path === '/crm/v3/objects/companies') return this.list(url, fault);
    if (method === 'GET' && path === '/crm/v3/owners') return this.listOwners(url);
    if (method === 'GET' && path === '/crm/v3/objects/deals') return this.listDeals(url);
    if (method === 'POST' && path === '/crm/v3/objects/deals/batch/read') return this.readDeals(body);
    if (method === 'POST' && path === '/crm/v3/properties/companies/batch/read') return this.propertyDefinitions(body);
    if (method === 'POST' && path === '/crm/v3/objects/companies/batch/read') return this.batchRead(body);
    if (method === 'POST' && path === '/crm/v3/objects/companies/search') return this.search(body);
    if (method === 'POST' && path === '/crm/v3/objects/companies/batch/update') return this.batchUpdate(body, fault?.applyFirst);
    if (path.startsWith('/crm/objects/2026-03/goal_targets/')) return this.goals(method, path, body);
    return { status: 404, error: { category: 'OBJECT_NOT_FOUND', message: `Unable to route ${method} ${path}` } };
  }

  /** Goal targets: search (filter `hs_goal_name` EQ, paged by offset) and batch/update of properties. */
  private goals(method: string, path: string, body: unknown): { status: number; body?: unknown; error?: { category: string; message: string } } {
    const scopes = { read: true, write: true, ...this.options.goalScopes };
    const forbidden = (scope: string) => ({ status: 403, error: { category: 'MISSING_SCOPES', message: `This app hasn't been granted all required scopes to make this call. Required: ${scope}` } });
    if (!scopes.read) return forbidden('crm.objects.goals.read');
    if (method === 'POST' && path.endsWith('/search')) {
      const { limit = 10, after, properties = [], filterGroups = [] } = (body ?? {}) as { limit?: number; after?: string; properties?: string[]; filterGroups?: { filters?: { propertyName?: string; operator?: string; value?: string }[] }[] };
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) return { status: 400, error: { category: 'VALIDATION_ERROR', message: `limit must be from 1 to 200, got ${String(limit)}` } };
      const filters = filterGroups.flatMap((g) => g.filters ?? []);
      if (filters.some((f) => f.propertyName !== 'hs_goal_name' || f.operator !== 'EQ')) return { status: 400, error: { category: 'VALIDATION_ERROR', message: 'the emulator filters goal targets by hs_goal_name EQ only' } };
      const all = [...this.goalTargets.values()].filter((g) => filters.every((f) => g.properties.hs_goal_name === f.value));
      const offset = after === undefined ? 0 : Number(after);
      const page = all.slice(offset, offset + limit).map((g) => ({ id: g.id, properties: Object.fromEntries(properties.map((p) => [p, g.properties[p] ?? null])), createdAt: '2026-01-01T00:00:00Z', updatedAt: g.properties.hs_lastmodifieddate ?? '2026-01-01T00:00:00Z', archived: false }));
      return { status: 200, body: { total: all.length, results: page, ...(offset + limit < all.length ? { paging: { next: { after: String(offset + limit) } } } : {}) } };
    }
    if (method === 'POST' && path.endsWith('/batch/update')) {
      if (!scopes.write) return forbidden('crm.objects.goals.write');
      const inputs = (body as { inputs?: { id?: string; properties?: Record<string, string> }[] } | null)?.inputs;
      if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > 100) return { status: 400, error: { category: 'VALIDATION_ERROR', message: 'inputs must hold 1 to 100 objects' } };
      const results = [];
      const errors = [];
      for (const input of inputs) {
        const g = this.goalTargets.get(String(input.id));
        if (!g) errors.push({ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not find goal target', context: { ids: [String(input.id)] } });
        else if (g.refuse) errors.push({ status: 'error', category: 'VALIDATION_ERROR', message: g.refuse, context: { ids: [g.id] } });
        else {
          Object.assign(g.properties, input.properties, { hs_lastmodifieddate: this.tick() });
          this.writes.set(`goal:${g.id}`, (this.writes.get(`goal:${g.id}`) ?? 0) + 1);
          results.push({ id: g.id, properties: { ...g.properties }, createdAt: '2026-01-01T00:00:00Z', updatedAt: g.properties.hs_lastmodifieddate, archived: false });
        }
      }
      const stamp = new Date().toISOString();
      return { status: errors.length ? 207 : 200, body: { status: 'COMPLETE', results, startedAt: stamp, completedAt: stamp, ...(errors.length ? { errors, numErrors: errors.length } : {}) } };
    }
    return { status: 404, error: { category: 'OBJECT_NOT_FOUND', message: `Unable to route ${method} ${path}` } };
  }

  private limit(url: URL): number | string {
    const raw = url.searchParams.get('limit') ?? '10';
    const limit = Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return `limit must be an integer from 1 to 100, got ${raw}`;
    return limit;
  }

  private view(c: EmuCompany & { createdAt: string; updatedAt: string }, props: string[]) {
    const properties: Record<string, unknown> = {};
    for (const p of [...DEFAULT_PROPS, ...props]) properties[p] = c.properties[p] ?? null;
    return { id: c.id, properties, createdAt: c.createdAt, updatedAt: c.updatedAt, archived: false };
  }

  private list(url: URL, fault?: Fault) {
    const limit = this.limit(url);
    if (typeof limit === 'string') return { status: 400, error: { category: 'VALIDATION_ERROR', message: limit } };
    const after = url.searchParams.get('after');
    const offset = after === null ? 0 : decodeCursor(after);
    if (offset === undefined) return { status: 400, error: { category: 'VALIDATION_ERROR', message: `Invalid after cursor ${after}` } };
    const props = url.searchParams.getAll('properties').flatMap((p) => p.split(',')).filter(Boolean);
    if (!this.listed) this.listed = [...this.companies.values()].filter((c) => !c.archived);
    const all = this.listed;
    const results: unknown[] = all.slice(offset, offset + limit).map((c) => this.view(c, props));
    if (offset === 0) results.unshift(...(this.options.malformed ?? []));
    const forced = pageFaultOffset(fault, offset);
    const next = forced !== undefined ? Buffer.from(forced).toString('base64') : offset + limit < all.length ? encodeCursor(offset + limit) : undefined;
    return { status: 200, body: { results, ...(next ? { paging: { next: { after: next, link: `${this.url}/crm/v3/objects/companies?after=${next}` } } } : {}) } };
  }

  /** Search without filters (filters are not emulated): `total` plus the first `limit` records. */
  private search(body: unknown) {
    const { limit = 10, properties = [], filterGroups = [] } = (body ?? {}) as { limit?: number; properties?: string[]; filterGroups?: unknown[] };
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) return { status: 400, error: { category: 'VALIDATION_ERROR', message: `limit must be from 1 to 200, got ${String(limit)}` } };
    if (filterGroups.length > 0) return { status: 400, error: { category: 'VALIDATION_ERROR', message: 'the emulator does not implement search filters' } };
    const all = [...this.companies.values()].filter((c) => !c.archived);
    return { status: 200, body: { total: all.length, results: all.slice(0, limit).map((c) => this.view(c, properties)), ...(all.length > limit ? { paging: { next: { after: String(limit) } } } : {}) } };
  }

  /** Deals with the requested properties and, with `associations=companies`, their company associations (v3 list shape). */
  private listDeals(url: URL) {
    const limit = this.limit(url);
    if (typeof limit === 'string') return { status: 400, error: { category: 'VALIDATION_ERROR', message: limit } };
    const after = url.searchParams.get('after');
    const offset = after === null ? 0 : decodeCursor(after);
    if (offset === undefined) return { status: 400, error: { category: 'VALIDATION_ERROR', message: `Invalid after cursor ${after}` } };
    const props = url.searchParams.getAll('properties').flatMap((p) => p.split(',')).filter(Boolean);
    const withCompanies = url.searchParams.getAll('associations').flatMap((p) => p.split(',')).includes('companies');
    const all = this.deals.filter((d) => !d.archived);
    const results = all.slice(offset, offset + limit).map((d) => {
      const properties: Record<string, unknown> = { hs_object_id: d.id };
      for (const p of props) properties[p] = this.dealProperty(d, p);
      const companies = d.companies ?? [];
      return {
        id: d.id, properties, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', archived: false,
        ...(withCompanies && companies.length ? { associations: { companies: { results: companies.flatMap((id, i) => [...(i === 0 ? [{ id, type: 'deal_to_company' }] : []), { id, type: 'deal_to_company_unlabeled' }]) } } } : {}),
      };
    });
    const next = offset + limit < all.length ? encodeCursor(offset + limit) : undefined;
    return { status: 200, body: { results, ...(next ? { paging: { next: { after: next } } } : {}) } };
  }

  /** A deal's `hubspot_owner_id` history, oldest first. */
  private ownerHistoryOf(d: EmuDeal): { value: string; timestamp: string }[] {
    return d.ownerHistory ?? [{ value: String(d.properties[OWNER] ?? ''), timestamp: DEAL_CREATED }];
  }

  private dealProperty(d: EmuDeal, p: string): unknown {
    if (p === 'hubspot_owner_assigneddate' && d.properties[p] === undefined) return this.ownerHistoryOf(d).at(-1)?.timestamp ?? null;
    return d.properties[p] ?? null;
  }

  /** Someone gives a deal to another owner at `at` (default now): the owner, its history and assigned date move on. */
  reassignDeal(id: string, owner: string, at = new Date().toISOString()): void {
    const d = this.deals.find((x) => x.id === id);
    if (!d) throw new Error(`no deal ${id}`);
    d.ownerHistory = [...this.ownerHistoryOf(d), { value: owner, timestamp: at }];
    d.properties = { ...d.properties, [OWNER]: owner };
    delete d.properties.hubspot_owner_assigneddate;
  }

  /**
   * Deals by id with `properties` and `propertiesWithHistory` (each history newest first, as HubSpot
   * sends it). 1–100 inputs, at most 50 when history is asked; unknown ids: 207 with OBJECT_NOT_FOUND.
   */
  private readDeals(body: unknown) {
    const { inputs, properties = [], propertiesWithHistory = [] } = (body ?? {}) as { inputs?: { id?: unknown }[]; properties?: string[]; propertiesWithHistory?: string[] };
    const max = propertiesWithHistory.length ? 50 : 100;
    if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > max) return { status: 400, error: { category: 'VALIDATION_ERROR', message: `inputs must hold 1 to ${max} objects${propertiesWithHistory.length ? ' when propertiesWithHistory is requested' : ''}` } };
    const results = [];
    const missing: string[] = [];
    for (const input of inputs) {
      const d = this.deals.find((x) => x.id === String(input.id) && !x.archived);
      if (!d) {
        missing.push(String(input.id));
        continue;
      }
      const props: Record<string, unknown> = { hs_object_id: d.id };
      for (const p of [...properties, ...propertiesWithHistory]) props[p] = this.dealProperty(d, p);
      const history: Record<string, unknown[]> = {};
      for (const p of propertiesWithHistory) {
        history[p] = p === OWNER
          ? [...this.ownerHistoryOf(d)].reverse().map((h) => ({ value: h.value, timestamp: h.timestamp, sourceType: 'CRM_UI', sourceId: 'userId:9000', updatedByUserId: 9000 }))
          : [{ value: String(d.properties[p] ?? ''), timestamp: DEAL_CREATED, sourceType: 'CRM_UI' }];
      }
      results.push({ id: d.id, properties: props, ...(propertiesWithHistory.length ? { propertiesWithHistory: history } : {}), createdAt: DEAL_CREATED, updatedAt: DEAL_CREATED, archived: false });
    }
    const stamp = new Date().toISOString();
    const errors = missing.length ? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some DEAL objects, they may be deleted or not exist.', context: { ids: missing } }] : [];
    return { status: missing.length ? 207 : 200, body: { status: 'COMPLETE', results, startedAt: stamp, completedAt: stamp, ...(errors.length ? { errors, numErrors: errors.length } : {}) } };
  }

  /** Property definitions by name (batch/read): 200 with the found ones, 207 with an error naming the missing ones. */
  private propertyDefinitions(body: unknown) {
    const inputs = (body as { inputs?: unknown } | null)?.inputs;
    if (!Array.isArray(inputs) || inputs.some((i) => typeof (i as { name?: unknown })?.name !== 'string')) return { status: 400, error: { category: 'VALIDATION_ERROR', message: 'inputs must be a list of { name }' } };
    const names = inputs.map((i) => (i as { name: string }).name);
    const defs = this.options.companyProperties ?? {};
    const results = names.filter((n) => defs[n]).map((name) => {
      const def = defs[name];
      return { name, label: name, type: def.type, fieldType: def.fieldType ?? (def.type === 'bool' ? 'booleancheckbox' : 'text'), groupName: 'companyinformation', modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: def.readOnlyValue === true } };
    });
    const missing = names.filter((n) => !defs[n]);
    const stamp = new Date().toISOString();
    if (missing.length === 0) return { status: 200, body: { status: 'COMPLETE', results, startedAt: stamp, completedAt: stamp } };
    return { status: 207, body: { status: 'COMPLETE', results, numErrors: missing.length, errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Unable to find properties ${missing.join(', ')} for object type companies`, context: { names: missing } }], startedAt: stamp, completedAt: stamp } };
  }

  private listOwners(url: URL) {
    const limit = this.limit(url);
    if (typeof limit === 'string') return { status: 400, error: { category: 'VALIDATION_ERROR', message: limit } };
    const archived = url.searchParams.get('archived') === 'true';
    const after = url.searchParams.get('after');
    const offset = after === null ? 0 : (decodeCursor(after) ?? 0);
    const all = this.owners.filter((o) => Boolean(o.archived) === archived);
    const results = all.slice(offset, offset + limit).map((o) => ({ id: o.id, email: o.email ?? null, firstName: o.firstName ?? null, lastName: o.lastName ?? null, userId: o.userId ?? null, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', archived, teams: o.teams ?? [] }));
    const next = offset + limit < all.length ? encodeCursor(offset + limit) : undefined;
    return { status: 200, body: { results, ...(next ? { paging: { next: { after: next } } } : {}) } };
  }

  private inputs(body: unknown): { id: string; properties?: Record<string, unknown> }[] | string {
    const inputs = (body as { inputs?: unknown } | null)?.inputs;
    if (!Array.isArray(inputs)) return 'inputs is required';
    if (inputs.length > 100) return `Batch size ${inputs.length} exceeds the limit of 100`;
    const ids = inputs.map((i) => (i as { id?: unknown })?.id);
    if (ids.some((id) => typeof id !== 'string' || id === '')) return 'every input needs an id';
    if (new Set(ids).size !== ids.length) return 'Duplicate IDs found in batch input';
    return inputs as { id: string; properties?: Record<string, unknown> }[];
  }

  private batchRead(body: unknown) {
    const inputs = this.inputs(body);
    if (typeof inputs === 'string') return { status: 400, error: { category: 'VALIDATION_ERROR', message: inputs } };
    const props = ((body as { properties?: unknown }).properties as string[] | undefined) ?? [];
    const results = [];
    const missing: string[] = [];
    for (const { id } of inputs) {
      const c = this.companies.get(id);
      if (c && !c.archived) results.push(this.view(c, props));
      else missing.push(id);
    }
    const stamp = new Date().toISOString();
    if (missing.length === 0) return { status: 200, body: { status: 'COMPLETE', results, startedAt: stamp, completedAt: stamp } };
    return {
      status: 207,
      body: {
        status: 'COMPLETE', results, numErrors: 1, startedAt: stamp, completedAt: stamp,
        errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some COMPANY objects, they may be deleted or not exist. Check that ids are valid.', context: { ids: missing } }],
      },
    };
  }

  private validOwner(value: unknown): boolean {
    return value === '' || value === null || this.owners.some((o) => o.id === value && !o.archived);
  }

  private batchUpdate(body: unknown, applyFirst?: number) {
    const inputs = this.inputs(body);
    if (typeof inputs === 'string') return { status: 400, error: { category: 'VALIDATION_ERROR', message: inputs } };
    const errors: { status: string; category: string; message: string; context: { ids: string[] } }[] = [];
    const notFound: string[] = [];
    const badOwner: string[] = [];
    const badValue: string[] = [];
    const good: typeof inputs = [];
    const defs = this.options.companyProperties ?? {};
    for (const input of inputs) {
      const c = this.companies.get(input.id);
      const props = input.properties ?? {};
      if (!c || c.archived) notFound.push(input.id);
      else if (OWNER in props && !this.validOwner(props[OWNER])) badOwner.push(input.id);
      else if (Object.entries(props).some(([k, v]) => defs[k] && (defs[k].readOnlyValue || (defs[k].type === 'bool' && v !== 'true' && v !== 'false' && v !== '')))) badValue.push(input.id);
      else good.push(input);
    }
    if (badOwner.length > 0 && this.options.validation === '400') {
      return { status: 400, error: { category: 'VALIDATION_ERROR', message: `Property values were not valid: ${OWNER} is not a valid owner id (records ${badOwner.join(', ')})` } };
    }
    if (notFound.length) errors.push({ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some COMPANY objects, they may be deleted or not exist.', context: { ids: notFound } });
    if (badOwner.length) errors.push({ status: 'error', category: 'VALIDATION_ERROR', message: `Property values were not valid: ${OWNER} is not a valid owner id`, context: { ids: badOwner } });
    if (badValue.length) errors.push({ status: 'error', category: 'VALIDATION_ERROR', message: 'Property values were not valid: a checkbox takes "true" or "false", and read-only properties cannot be set', context: { ids: badValue } });
    const results = [];
    for (const input of good.slice(0, applyFirst ?? good.length)) {
      const c = this.companies.get(input.id)!;
      const now = this.tick();
      for (const [k, v] of Object.entries(input.properties ?? {})) c.properties[k] = v === null ? '' : String(v);
      c.properties[MODIFIED] = now;
      c.updatedAt = now;
      this.writes.set(c.id, (this.writes.get(c.id) ?? 0) + 1);
      results.push({ id: c.id, properties: { ...input.properties, [MODIFIED]: now, hs_object_id: c.id }, createdAt: c.createdAt, updatedAt: now, archived: false });
    }
    const stamp = new Date().toISOString();
    if (errors.length === 0) return { status: 200, body: { status: 'COMPLETE', results, startedAt: stamp, completedAt: stamp } };
    return { status: 207, body: { status: 'COMPLETE', results, errors, numErrors: errors.reduce((n, e) => n + e.context.ids.length, 0), startedAt: stamp, completedAt: stamp } };
  }
}

/** Creates and starts an emulator. */
export function startHubSpotEmulator(options: HubSpotEmulatorOptions = {}): Promise<HubSpotEmulator> {
  return new HubSpotEmulator(options).start();
}
