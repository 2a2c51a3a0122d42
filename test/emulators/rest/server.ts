/**
 * The reference implementation of the territory-kit REST contract (docs/adapters/rest.md), as a Node
 * http server on 127.0.0.1 (random port) for tests and benchmarks: cursor-paged lists, the
 * idempotent `POST /assignments:batch` with atomic from/expectedLastModified checks, error bodies
 * `{ error: { code, message } }`, 409 in atomic mode, 429 with Retry-After via fault injection, and
 * request/write counting.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { FaultList, closeServer, listenLocal, pageFaultOffset, readBody, reverseResults, sendJson, sleep, type Fault } from '../http-util.js';

type Json = Record<string, unknown>;

export interface RestEmulatorOptions {
  accounts?: Json[];
  reps?: Json[];
  territories?: Json[];
  /** Largest page a list returns. Default 1000. */
  maxPage?: number;
  /** Largest batch accepted. Default 500. */
  maxBatch?: number;
  /** All-or-nothing batches: any conflict answers 409 and writes nothing. Default false (per-change results). */
  atomic?: boolean;
  /** Quotas `{ repId, period, amount }` served by `GET /quotas` and written by `POST /quotas:batch`. */
  quotas?: Json[];
}

interface Stored {
  status: number;
  body: unknown;
}

export class RestEmulator {
  readonly accounts = new Map<string, Json>();
  readonly reps: Json[];
  readonly territories: Json[];
  /** Quotas by `repId|period`. */
  readonly quotas = new Map<string, { repId: string; period: string; amount: number }>();
  readonly requests: { method: string; path: string; status: number }[] = [];
  readonly writes = new Map<string, number>();
  readonly faults = new FaultList();
  url = '';
  private readonly done = new Map<string, Stored>();
  private readonly server: Server;
  private clock = 0;

  constructor(private readonly options: RestEmulatorOptions = {}) {
    for (const a of options.accounts ?? []) this.accounts.set(String(a.id), { lastModified: this.tick(), ...a });
    this.reps = (options.reps ?? []).map((r) => ({ ...r }));
    this.territories = (options.territories ?? []).map((t) => ({ ...t }));
    for (const q of options.quotas ?? []) this.quotas.set(`${String(q.repId)}|${String(q.period)}`, { repId: String(q.repId), period: String(q.period), amount: Number(q.amount) });
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) this.send(req, res, 500, { error: { code: 'INTERNAL', message: String(error) } });
      });
    });
  }

  async start(): Promise<this> {
    this.url = await listenLocal(this.server);
    return this;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  inject(fault: Fault): void {
    this.faults.add(fault);
  }

  /** Someone else edits an account: lastModified moves on; other fields as given. */
  touch(id: string, fields: Json = {}): void {
    const a = this.accounts.get(id);
    if (!a) throw new Error(`no account ${id}`);
    Object.assign(a, fields, { lastModified: this.tick() });
  }

  ownerOf(id: string): string | null {
    return (this.accounts.get(id)?.ownerId as string | null | undefined) ?? null;
  }

  count(method: string, path: string): number {
    return this.requests.filter((r) => r.method === method && r.path === path).length;
  }

  private tick(): string {
    this.clock = Math.max(Date.now(), this.clock + 1);
    return new Date(this.clock).toISOString();
  }

  private send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
    this.requests.push({ method: req.method ?? '', path: new URL(req.url ?? '/', 'http://x').pathname, status });
    sendJson(res, status, body, headers);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const raw = method === 'POST' ? await readBody(req) : '';
    const fault = this.faults.take(method, url.pathname);
    if (fault?.kind === 'hook') fault.run?.();
    if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 50);
    if (fault?.kind === 'reset' || fault?.kind === 'hang') {
      this.requests.push({ method, path: url.pathname, status: 0 });
      if (fault.kind === 'reset') req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      const status = fault.status ?? 500;
      return this.send(req, res, status, fault.body ?? { error: { code: status === 429 ? 'RATE_LIMITED' : 'UNAVAILABLE', message: `injected ${status}` } }, fault.headers);
    }
    const answer = this.route(method, url, raw, fault);
    if (fault?.kind === 'apply-then-reset' || fault?.kind === 'apply-then-hang') {
      this.requests.push({ method, path: url.pathname, status: 0 });
      if (fault.kind === 'apply-then-reset') req.socket.destroy();
      return;
    }
    if (fault?.kind === 'apply-then-delay') await sleep(fault.delayMs ?? 50);
    if (fault?.kind === 'reorder') return this.send(req, res, answer.status, reverseResults(answer.body));
    if (fault?.kind === 'apply-then-status') return this.send(req, res, fault.status ?? 502, fault.body ?? { error: { code: 'BAD_GATEWAY', message: 'upstream answer lost' } }, fault.headers);
    this.send(req, res, answer.status, answer.body);
  }

  private route(method: string, url: URL, raw: string, fault?: Fault): Stored {
    const p = url.pathname;
    if (method === 'GET' && p === '/accounts') return this.page([...this.accounts.values()], url, fault);
    if (method === 'GET' && p === '/reps') return this.page(this.reps, url, fault);
    if (method === 'GET' && p === '/territories') return this.page(this.territories, url, fault);
    if (method === 'POST' && p === '/assignments:batch') return this.batch(raw);
    if (method === 'POST' && p === '/territories:batch') return this.territoryBatch(raw);
    if (method === 'GET' && p === '/quotas') return this.page([...this.quotas.values()], url, fault);
    if (method === 'POST' && p === '/quotas:batch') return this.quotaBatch(raw);
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: `no route ${method} ${p}` } } };
  }

  private page(all: Json[], url: URL, fault?: Fault): Stored {
    const limit = Number(url.searchParams.get('limit') ?? '100');
    if (!Number.isInteger(limit) || limit < 1) return { status: 400, body: { error: { code: 'BAD_REQUEST', message: 'limit must be a positive integer' } } };
    const size = Math.min(limit, this.options.maxPage ?? 1000);
    const cursor = url.searchParams.get('cursor');
    const offset = cursor === null ? 0 : Number(Buffer.from(cursor, 'base64url').toString());
    if (!Number.isInteger(offset) || offset < 0) return { status: 400, body: { error: { code: 'BAD_CURSOR', message: `unknown cursor ${cursor}` } } };
    const items = all.slice(offset, offset + size);
    const forced = pageFaultOffset(fault, offset);
    const nextCursor = forced !== undefined ? Buffer.from(forced).toString('base64url') : offset + size < all.length ? Buffer.from(String(offset + size)).toString('base64url') : null;
    return { status: 200, body: { items, nextCursor, total: all.length } };
  }

  /** The head every batch shares: a JSON body with a requestId (a replay gets its first answer back) and a list of changes. */
  private batchEnvelope(raw: string): { reply: Stored } | { requestId: string; changes: unknown[] } {
    let body: { requestId?: unknown; changes?: unknown };
    try {
      body = JSON.parse(raw);
    } catch {
      return { reply: { status: 400, body: { error: { code: 'BAD_REQUEST', message: 'body is not JSON' } } } };
    }
    if (typeof body.requestId !== 'string' || body.requestId === '') return { reply: { status: 400, body: { error: { code: 'BAD_REQUEST', message: 'requestId is required' } } } };
    const stored = this.done.get(body.requestId);
    if (stored) return { reply: stored };
    if (!Array.isArray(body.changes)) return { reply: { status: 400, body: { error: { code: 'BAD_REQUEST', message: 'changes must be a list' } } } };
    return { requestId: body.requestId, changes: body.changes };
  }

  private batch(raw: string): Stored {
    const env = this.batchEnvelope(raw);
    if ('reply' in env) return env.reply;
    const body = env;
    if (body.changes.length > (this.options.maxBatch ?? 500)) return { status: 400, body: { error: { code: 'BATCH_TOO_LARGE', message: `at most ${this.options.maxBatch ?? 500} changes per request` } } };
    const changes = body.changes as { accountId: string; from: string | null; to: string | null; expectedLastModified?: string | null }[];
    const plan = changes.map((c) => {
      const a = this.accounts.get(c.accountId);
      if (!a) return { accountId: c.accountId, status: 'failed', code: 'NOT_FOUND', message: 'no such account' };
      const owner = (a.ownerId as string | null | undefined) ?? null;
      if (owner === c.to) return { accountId: c.accountId, status: 'saved', lastModified: a.lastModified };
      if (owner !== c.from) return { accountId: c.accountId, status: 'conflict', code: 'OWNER_CHANGED', message: `owner is now ${owner ?? 'nobody'}` };
      if (c.expectedLastModified != null && c.expectedLastModified !== a.lastModified) return { accountId: c.accountId, status: 'conflict', code: 'STALE', message: `changed at ${String(a.lastModified)}` };
      if (c.to !== null && !this.reps.some((r) => r.id === c.to && r.active !== false)) return { accountId: c.accountId, status: 'failed', code: 'UNKNOWN_REP', message: `no active rep ${c.to}` };
      return { accountId: c.accountId, status: 'write', to: c.to };
    });
    let answer: Stored;
    if (this.options.atomic && plan.some((x) => x.status !== 'write' && x.status !== 'saved')) {
      const bad = plan.filter((x) => x.status !== 'write' && x.status !== 'saved').map((x) => x.accountId);
      answer = { status: 409, body: { error: { code: 'CONFLICT', message: `nothing written: ${bad.join(', ')} cannot be applied` } } };
    } else {
      const results = plan.map((x) => {
        if (x.status !== 'write') return x;
        const a = this.accounts.get(x.accountId)!;
        a.ownerId = x.to;
        a.lastModified = this.tick();
        this.writes.set(x.accountId, (this.writes.get(x.accountId) ?? 0) + 1);
        return { accountId: x.accountId, status: 'saved', lastModified: a.lastModified };
      });
      answer = { status: 200, body: { results } };
    }
    this.done.set(body.requestId, answer);
    return answer;
  }

  /** Someone else edits a territory: lastModified moves on; other fields as given. */
  touchTerritory(id: string, fields: Json = {}): void {
    const t = this.territories.find((x) => x.id === id);
    if (!t) throw new Error(`no territory ${id}`);
    Object.assign(t, fields, { lastModified: this.tick() });
  }

  /** `POST /territories:batch`: upsert or delete (territory null), conditional on expectedLastModified; replays a known requestId. */
  private territoryBatch(raw: string): Stored {
    const env = this.batchEnvelope(raw);
    if ('reply' in env) return env.reply;
    const body = env;
    const results = (body.changes as { id: string; territory: Json | null; expectedLastModified?: string | null }[]).map((c) => {
      const at = this.territories.findIndex((t) => t.id === c.id);
      const current = at >= 0 ? this.territories[at] : undefined;
      const expected = c.expectedLastModified ?? null;
      if ((current ? ((current.lastModified as string | undefined) ?? null) : null) !== expected && !(current === undefined && c.territory === null)) {
        return { id: c.id, status: 'conflict', code: 'STALE', message: current ? `changed at ${String(current.lastModified)}` : 'deleted since it was loaded' };
      }
      if (c.territory !== null && (typeof c.territory !== 'object' || typeof c.territory.name !== 'string')) return { id: c.id, status: 'failed', code: 'INVALID', message: 'territory.name is required' };
      this.writes.set(`territory:${c.id}`, (this.writes.get(`territory:${c.id}`) ?? 0) + 1);
      if (c.territory === null) {
        if (at >= 0) this.territories.splice(at, 1);
        return { id: c.id, status: 'saved' };
      }
      const next = { ...c.territory, id: c.id, lastModified: this.tick() };
      if (at >= 0) this.territories[at] = next;
      else this.territories.push(next);
      return { id: c.id, status: 'saved', lastModified: next.lastModified };
    });
    const answer = { status: 200, body: { results } };
    this.done.set(body.requestId, answer);
    return answer;
  }

  /**
   * `POST /quotas:batch`: per change, `saved` without writing when the quota already holds `amount`;
   * `conflict STALE` when it holds something other than `expectedAmount`; `failed UNKNOWN_REP` for no
   * such rep; else set (or removed for amount null). Replays a known requestId.
   */
  private quotaBatch(raw: string): Stored {
    const env = this.batchEnvelope(raw);
    if ('reply' in env) return env.reply;
    const results = (env.changes as { repId: string; period: string; amount: number | null; expectedAmount?: number | null }[]).map((c) => {
      const k = `${c.repId}|${c.period}`;
      const current = this.quotas.get(k)?.amount ?? null;
      const base = { repId: c.repId, period: c.period };
      if (current === c.amount) return { ...base, status: 'saved' };
      if (current !== (c.expectedAmount ?? null)) return { ...base, status: 'conflict', code: 'STALE', message: `the quota of ${c.repId} for ${c.period} is ${current ?? 'not set'} now` };
      if (!this.reps.some((r) => r.id === c.repId)) return { ...base, status: 'failed', code: 'UNKNOWN_REP', message: `field repId: no rep ${c.repId}` };
      if (c.amount !== null && !(Number.isSafeInteger(c.amount) && c.amount >= 0)) return { ...base, status: 'failed', code: 'INVALID', message: 'field amount: expected a whole number ≥ 0' };
      this.writes.set(`quota:${k}`, (this.writes.get(`quota:${k}`) ?? 0) + 1);
      if (c.amount === null) this.quotas.delete(k);
      else this.quotas.set(k, { ...base, amount: c.amount });
      return { ...base, status: 'saved' };
    });
    const answer = { status: 200, body: { results } };
    this.done.set(env.requestId, answer);
    return answer;
  }
}

/** Someone else sets a rep's quota for a period (null removes it). */
export function touchQuota(emulator: RestEmulator, repId: string, period: string, amount: number | null): void {
  if (amount === null) emulator.quotas.delete(`${repId}|${period}`);
  else emulator.quotas.set(`${repId}|${period}`, { repId, period, amount });
}

export function startRestEmulator(options: RestEmulatorOptions = {}): Promise<RestEmulator> {
  return new RestEmulator(options).start();
}
