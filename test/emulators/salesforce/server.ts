/**
 * A Salesforce REST emulator on 127.0.0.1 (random port) speaking the real wire format, for driving a
 * real jsforce Connection in tests and benchmarks:
 * - GET  /services/data/vXX.X/query?q=…  and  /query/{locator}  (2,000 records per page, nextRecordsUrl)
 * - PATCH|POST|DELETE /services/data/vXX.X/composite/sobjects  (≤ 200 records, per-record results)
 * - GET|PATCH /services/data/vXX.X/sobjects/{type}/{id}  (PATCH honours If-Unmodified-Since → 412)
 * - GET /services/data/vXX.X/sobjects/{type}/describe  (fields the user can read, type, updateable)
 * - Bulk API 2.0 query jobs: POST /jobs/query, GET /jobs/query/{id}, GET …/results (CSV, Sforce-Locator)
 * - POST /services/oauth2/token (refresh_token grant)
 * Every response carries Sforce-Limit-Info. Faults: expired session, request-level failures (with or
 * without the write having been applied, or a dropped connection), per-record DML failures, and a
 * concurrent edit just before a write. Counters record every request by route.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { listenLocal } from '../http-util.js';
import { OrgStore, type FieldSecurity } from './store.js';
import { SoqlError } from './soql.js';

export interface RequestFault {
  /** Route key to match (see `counts`), e.g. `query`, `queryMore`, `composite:PATCH`, `composite:POST`, `composite:DELETE`, `bulk:create`. */
  route: string;
  /** Only requests whose decoded URL contains this text (e.g. `FROM Opportunity`). */
  match?: string;
  /** HTTP status to answer with (401, 403, 429, 500, 503…); ignored by the shape faults below. */
  status: number;
  /** errorCode in the JSON error body; omitted → a plain-text body. */
  errorCode?: string;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Perform the operation first, then answer with the failure (an ambiguous outcome). */
  afterApply?: boolean;
  /** Destroy the socket instead of answering. */
  drop?: boolean;
  /** Wait this long (ms) first, then go on (with the other settings of the fault, or normally). */
  delayMs?: number;
  /** Accept the request and never answer (with `afterApply`: after doing the work). */
  hang?: boolean;
  /** Do the work and answer normally, but with a JSON list answer reversed (results out of order). */
  reverse?: boolean;
  /** Answer normally, but with `nextRecordsUrl` pointing at this same page again (a paging loop). */
  loop?: boolean;
}

export interface EmulatorOptions {
  /** Records per query page. Default 2000 (as Salesforce). */
  pageSize?: number;
  /** Records per Bulk 2.0 results page. Default 50,000. */
  bulkPageSize?: number;
  /** Daily API request limit for Sforce-Limit-Info (and REQUEST_LIMIT_EXCEEDED beyond it). Default 5,000,000. */
  apiLimit?: number;
  /** Extra (custom) fields per sObject, e.g. `{ Account: ['Potential__c'] }`. */
  extraFields?: Record<string, string[]>;
  /** Largest records per sObject Collections request. Default 200. */
  maxCollection?: number;
  /** Field-level security of the running user and field types for the describe. */
  fieldSecurity?: FieldSecurity;
}

export interface SalesforceEmulator {
  url: string;
  store: OrgStore;
  /** The access token currently accepted. */
  accessToken: string;
  refreshToken: string;
  /** Requests by route key, plus `total`. */
  counts: Map<string, number>;
  requestFaults: RequestFault[];
  /** Invalidate the current access token: the next request gets 401 INVALID_SESSION_ID. */
  expireSession(): void;
  resetCounts(): void;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
};
const apiError = (res: ServerResponse, status: number, errorCode: string, message: string) => json(res, status, [{ message, errorCode }]);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function startSalesforceEmulator(options: EmulatorOptions = {}): Promise<SalesforceEmulator> {
  const pageSize = options.pageSize ?? 2000;
  const bulkPageSize = options.bulkPageSize ?? 50_000;
  const apiLimit = options.apiLimit ?? 5_000_000;
  const maxCollection = options.maxCollection ?? 200;
  const store = new OrgStore(options.extraFields, options.fieldSecurity);
  const counts = new Map<string, number>();
  const cursors = new Map<string, { records: Record<string, unknown>[]; totalSize: number }>();
  const jobs = new Map<string, { query: string; records: Record<string, unknown>[]; fields: string[]; polls: number; object: string }>();
  const sockets = new Set<Socket>();
  let usage = 0;
  let seq = 0;
  const emu: SalesforceEmulator = {
    url: '',
    store,
    accessToken: 'token-0',
    refreshToken: 'refresh-secret',
    counts,
    requestFaults: [],
    expireSession() {
      emu.accessToken = `token-${++seq}`;
    },
    resetCounts() {
      counts.clear();
    },
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

  const routeOf = (method: string, path: string): string => {
    if (path === '/services/oauth2/token') return 'oauth';
    const m = /^\/services\/data\/v\d+\.\d+(\/.*)?$/.exec(path);
    const rest = m?.[1] ?? '';
    if (rest === '/query' || rest === '/queryAll') return 'query';
    if (rest.startsWith('/query/')) return 'queryMore';
    if (rest === '/composite/sobjects') return `composite:${method}`;
    if (/^\/sobjects\/[^/]+\/describe\/?$/.test(rest)) return 'describe';
    if (rest.startsWith('/sobjects/')) return `sobject:${method}`;
    if (rest === '/jobs/query') return 'bulk:create';
    if (/^\/jobs\/query\/[^/]+\/results$/.test(rest)) return 'bulk:results';
    if (rest.startsWith('/jobs/query/')) return `bulk:job:${method}`;
    return 'unknown';
  };

  async function handle(req: IncomingMessage, res: ServerResponse, route: string, url: URL, body: string): Promise<void> {
    const version = /\/v(\d+\.\d+)/.exec(url.pathname)?.[1] ?? '62.0';
    const base = `/services/data/v${version}`;
    const parsed = () => (body ? JSON.parse(body) : {});
    switch (route) {
      case 'query': {
        const q = url.searchParams.get('q') ?? '';
        const { records, totalSize, parsed: pq } = store.query(q, version);
        if (pq.count) return json(res, 200, { totalSize, done: true, records: [] });
        const first = records.slice(0, pageSize);
        const out: Record<string, unknown> = { totalSize, done: records.length <= pageSize, records: first };
        if (records.length > pageSize) {
          const id = `01gEMU${String(++seq).padStart(9, '0')}`;
          cursors.set(id, { records, totalSize });
          out.nextRecordsUrl = `${base}/query/${id}-${pageSize}`;
        }
        return json(res, 200, out);
      }
      case 'queryMore': {
        const m = /\/query\/([^/-]+)-(\d+)$/.exec(url.pathname);
        const cursor = m && cursors.get(m[1]);
        if (!m || !cursor) return apiError(res, 400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        const offset = Number(m[2]);
        const page = cursor.records.slice(offset, offset + pageSize);
        const next = offset + pageSize;
        const done = next >= cursor.records.length;
        if (done) cursors.delete(m[1]);
        return json(res, 200, { totalSize: cursor.totalSize, done, ...(done ? {} : { nextRecordsUrl: `${base}/query/${m[1]}-${next}` }), records: page });
      }
      case 'composite:PATCH':
      case 'composite:POST': {
        const { allOrNone = false, records = [] } = parsed() as { allOrNone?: boolean; records?: Record<string, unknown>[] };
        if (records.length > maxCollection) return apiError(res, 400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${maxCollection} records into this call`);
        const byType = (records[0]?.attributes as { type?: string } | undefined)?.type;
        if (!byType) return apiError(res, 400, 'INVALID_TYPE', 'sObject type not specified in attributes');
        return json(res, 200, route === 'composite:PATCH' ? store.update(byType, records, allOrNone) : store.create(byType, records, allOrNone));
      }
      case 'composite:DELETE': {
        const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
        if (ids.length > maxCollection) return apiError(res, 400, 'EXCEEDED_ID_LIMIT', `cannot delete more than ${maxCollection} records`);
        return json(res, 200, store.destroy(ids, url.searchParams.get('allOrNone') === 'true'));
      }
      case 'describe': {
        const d = store.describe(/\/sobjects\/([^/]+)\/describe/.exec(url.pathname)![1]);
        return d ? json(res, 200, d) : apiError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
      }
      case 'sobject:GET':
      case 'sobject:PATCH': {
        const m = /\/sobjects\/([^/]+)\/([^/]+)$/.exec(url.pathname);
        if (!m) return apiError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
        if (route === 'sobject:GET' && m[2] === 'describe') {
          const d = store.describe(m[1]);
          return d ? json(res, 200, d) : apiError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
        }
        const rec = store.get(m[1], m[2]);
        if (!rec) return apiError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
        if (route === 'sobject:GET') return json(res, 200, { attributes: { type: store.canonicalObject(m[1]), url: url.pathname }, ...rec });
        const since = req.headers['if-unmodified-since'];
        if (since && Date.parse(String(rec.LastModifiedDate).replace('+0000', 'Z')) > Date.parse(String(since))) {
          return apiError(res, 412, 'PRECONDITION_FAILED', 'The record has been modified since the If-Unmodified-Since date');
        }
        const [result] = store.update(m[1], [{ ...parsed(), Id: m[2] }]);
        if (!result.success) return json(res, 400, result.errors.map((e) => ({ errorCode: e.statusCode, message: e.message, fields: e.fields })));
        res.writeHead(204);
        return void res.end();
      }
      case 'bulk:create': {
        const { query, operation } = parsed() as { query: string; operation: string };
        const { records, parsed: pq } = store.query(query, version);
        const id = `750EMU${String(++seq).padStart(9, '0')}`;
        jobs.set(id, { query, records, fields: pq.fields, polls: 0, object: pq.object });
        return json(res, 200, { id, operation, object: pq.object, state: 'UploadComplete', apiVersion: Number(version), concurrencyMode: 'Parallel', contentType: 'CSV', lineEnding: 'LF', columnDelimiter: 'COMMA' });
      }
      case 'bulk:job:GET':
      case 'bulk:job:PATCH':
      case 'bulk:job:DELETE': {
        const id = url.pathname.split('/').pop()!;
        const job = jobs.get(id);
        if (!job) return apiError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
        if (route === 'bulk:job:DELETE') { jobs.delete(id); res.writeHead(204); return void res.end(); }
        const state = route === 'bulk:job:PATCH' ? 'Aborted' : job.polls++ === 0 ? 'InProgress' : 'JobComplete';
        return json(res, 200, { id, operation: 'query', object: job.object, state, numberRecordsProcessed: job.records.length });
      }
      case 'bulk:results': {
        const id = url.pathname.split('/').at(-2)!;
        const job = jobs.get(id);
        if (!job) return apiError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
        const offset = Number(url.searchParams.get('locator') ?? 0);
        const max = Number(url.searchParams.get('maxRecords') ?? bulkPageSize);
        const page = job.records.slice(offset, offset + max);
        const next = offset + max < job.records.length ? String(offset + max) : 'null';
        const lines = [job.fields.join(','), ...page.map((r) => job.fields.map((f) => csvCell(r[f])).join(','))];
        res.writeHead(200, { 'content-type': 'text/csv', 'sforce-locator': next, 'sforce-numberofrecords': String(page.length) });
        return void res.end(`${lines.join('\n')}\n`);
      }
      default:
        return apiError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    }
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const route = routeOf(method, url.pathname);
    count('total');
    count(route);
    const body = await readBody(req);
    usage++;
    res.setHeader('Sforce-Limit-Info', `api-usage=${usage}/${apiLimit}`);
    try {
      if (route === 'oauth') {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== emu.refreshToken) {
          return json(res, 400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
        }
        return json(res, 200, { access_token: emu.accessToken, instance_url: emu.url, id: `${emu.url}/id/00DEMU/005EMU`, token_type: 'Bearer', issued_at: String(Date.now()), signature: 'emu' });
      }
      if (req.headers.authorization !== `Bearer ${emu.accessToken}`) return apiError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
      if (usage > apiLimit) return apiError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
      const decoded = decodeURIComponent(url.pathname + url.search).replace(/\+/g, ' ');
      const fault = emu.requestFaults.find((f) => f.route === route && (f.times ?? 1) > 0 && (!f.match || decoded.includes(f.match)));
      if (fault) {
        fault.times = (fault.times ?? 1) - 1;
        if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        if (fault.reverse || fault.loop) {
          let status = 200;
          let text = '';
          const capture = { writeHead: (s: number) => ((status = s), capture), setHeader: () => capture, end: (t?: string) => ((text = t ?? ''), capture) } as unknown as ServerResponse;
          await handle(req, capture, route, url, body);
          let answer: unknown = text ? JSON.parse(text) : null;
          if (fault.reverse && Array.isArray(answer)) answer = [...answer].reverse();
          if (fault.loop && answer && typeof answer === 'object' && !Array.isArray(answer) && (answer as { nextRecordsUrl?: string }).nextRecordsUrl) {
            answer = { ...answer, nextRecordsUrl: route === 'queryMore' ? url.pathname : (answer as { nextRecordsUrl: string }).nextRecordsUrl.replace(/-\d+$/, '-0') };
          }
          return json(res, status, answer);
        }
        if (fault.hang) {
          if (fault.afterApply) {
            const sink = { writeHead: () => sink, setHeader: () => sink, end: () => sink } as unknown as ServerResponse;
            await handle(req, sink, route, url, body);
          }
          return;
        }
        if (fault.delayMs && !fault.afterApply && !fault.drop && !fault.errorCode && !fault.status) return handle(req, res, route, url, body);
        if (fault.afterApply) {
          // Apply the operation into a throw-away response, then fail: the client cannot know.
          const sink = { writeHead: () => sink, setHeader: () => sink, end: () => sink } as unknown as ServerResponse;
          await handle(req, sink, route, url, body);
        }
        if (fault.drop) return void req.socket.destroy();
        if (fault.errorCode) return apiError(res, fault.status, fault.errorCode, `${fault.errorCode} (injected)`);
        res.writeHead(fault.status, { 'content-type': 'text/plain' });
        return void res.end(fault.status === 429 ? 'Too Many Requests' : 'Service Unavailable');
      }
      await handle(req, res, route, url, body);
    } catch (err) {
      if (err instanceof SoqlError) return apiError(res, 400, err.errorCode, err.message);
      if (err instanceof SyntaxError) return apiError(res, 400, 'JSON_PARSER_ERROR', err.message);
      return apiError(res, 500, 'UNKNOWN_EXCEPTION', String(err));
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  emu.url = await listenLocal(server);
  return emu;
}
