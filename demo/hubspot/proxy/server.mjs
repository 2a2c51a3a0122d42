// A small HubSpot proxy for territory-kit: it holds the private-app token server-side and forwards
// only the CRM v3 calls the HubSpot adapter makes. Point the adapter at it:
//   createHubSpotAdapter({ fetch: (u, i) => fetch(u, { ...i, credentials: 'include' }), baseUrl: 'https://your-host/hubspot' })
//
// Safe by default: it refuses to start without an `authorize(req)` session check, unless started for
// local development (`--local-dev`), which binds 127.0.0.1 only and says so. It checks the Host header
// (DNS rebinding), the Origin of every request, that writes are `application/json`, the path, method,
// query and body of every call; it forwards the body it validated (re-serialised), bounds the upstream
// wait, the body size and each caller's request rate, and logs every refusal (never the token).
//
// Production: call createHubSpotProxy({ token, authorize, allowOrigin, allowedHosts }) from your server,
//   or main(process.env, { authorize }) (see demo/hubspot/README.md and SECURITY.md).
// Local development: HUBSPOT_TOKEN=pat-... ALLOW_ORIGIN=http://localhost:8000 node demo/hubspot/proxy/server.mjs --local-dev
// Env:  HUBSPOT_TOKEN (required), HUBSPOT_BASE_URL (default https://api.hubapi.com), PORT (default 8787),
//       HOST (default 127.0.0.1; ignored with --local-dev), ALLOW_ORIGIN (comma list of origins allowed
//       to call; default none), ALLOWED_HOSTS (comma list of Host names the proxy answers to; default
//       localhost, 127.0.0.1, [::1]), WRITABLE_PROPERTIES (comma list batch/update may write; default
//       hubspot_owner_id), UPSTREAM_TIMEOUT_MS (default 30000), RATE_LIMIT (requests per caller per
//       10 s; default 200), GOAL_WRITES=1 (forward goal target updates, hs_target_amount only),
//       HUBSPOT_PROXY_LOCAL_DEV=1 (same as --local-dev).
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

const MAX_BODY = 1_000_000; // 1 MB, like hubspot.fetch
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The calls the adapter needs: method, path, allowed query parameters, and whether the body is a batch. */
const ROUTES = [
  { method: 'GET', path: '/crm/v3/objects/companies', query: ['limit', 'after', 'properties', 'archived'] },
  { method: 'GET', path: '/crm/v3/owners', query: ['limit', 'after', 'archived', 'email'] },
  { method: 'POST', path: '/crm/v3/objects/companies/batch/read', query: [] },
  { method: 'POST', path: '/crm/v3/objects/companies/search', query: [] },
  { method: 'POST', path: '/crm/v3/objects/companies/batch/update', query: [], writes: true },
  // Earned history (adapter option `deals`) and the lock property's definition (option `lockProperty`).
  { method: 'GET', path: '/crm/v3/objects/deals', query: ['limit', 'after', 'properties', 'associations', 'archived'] },
  // The deal owner at close: hubspot_owner_id history of closed deals (propertiesWithHistory), a read.
  { method: 'POST', path: '/crm/v3/objects/deals/batch/read', query: [] },
  { method: 'POST', path: '/crm/v3/properties/companies/batch/read', query: [] },
  // Quotas as goal targets (adapter option `goals`, HubSpot API 2026-03): read always; writes only
  // with goalWrites (GOAL_WRITES=1), and then only hs_target_amount.
  { method: 'POST', path: '/crm/objects/2026-03/goal_targets/search', query: [] },
  { method: 'POST', path: '/crm/objects/2026-03/goal_targets/batch/update', query: [], writes: ['hs_target_amount'], goals: true },
];

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Reads the body up to `limit` bytes; null when larger. */
async function readBody(req, limit) {
  const parts = [];
  let size = 0;
  for await (const part of req) {
    size += part.length;
    if (size > limit) return null;
    parts.push(part);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** Checks a parsed batch/update body: every input may write only the allowed properties. Returns an error or null. */
function checkWrites(body, writable) {
  if (!body || !Array.isArray(body.inputs)) return 'batch/update needs an inputs list';
  if (body.inputs.length > 100) return 'at most 100 inputs per batch';
  for (const input of body.inputs) {
    if (!input || typeof input.id !== 'string' || !input.properties || typeof input.properties !== 'object') return 'every input needs an id and properties';
    for (const key of Object.keys(input.properties)) {
      if (!writable.includes(key)) return `writing the property ${JSON.stringify(key).slice(0, 80)} is not allowed through this proxy`;
    }
  }
  return null;
}

/** `host[:port]` of a Host header, lower-cased, split; null when unreadable. */
function parseHost(value) {
  if (typeof value !== 'string' || value === '') return null;
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  return m ? { name: m[1].toLowerCase(), port: m[2] } : null;
}

/** Whether a Host header is one of `allowed` (`name` matches any port, `name:port` only that port). */
function hostAllowed(value, allowed) {
  const host = parseHost(value);
  if (!host) return false;
  return allowed.some((entry) => {
    const e = parseHost(entry);
    return e !== null && e.name === host.name && (e.port === undefined || e.port === host.port);
  });
}

/** A fixed-window request counter per caller; `hit` returns the ms to wait when over the limit, else 0. */
function rateLimiter({ max, windowMs }, now = Date.now) {
  const windows = new Map();
  return {
    hit(key) {
      const t = now();
      if (windows.size > 10_000) for (const [k, w] of windows) if (w.reset <= t) windows.delete(k);
      let w = windows.get(key);
      if (!w || w.reset <= t) {
        w = { count: 0, reset: t + windowMs };
        windows.set(key, w);
      }
      w.count++;
      return w.count > max ? w.reset - t : 0;
    },
  };
}

const isJson = (contentType) => typeof contentType === 'string' && /^application\/json\s*(;|$)/i.test(contentType.trim());

/**
 * Creates the request handler.
 * @param {import('./server.d.mts').HubSpotProxyOptions} options see server.d.mts
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 * @example
 * const handler = createHubSpotProxy({ token: process.env.HUBSPOT_TOKEN, authorize: (req) => sessions.check(req), allowOrigin: 'https://app.example', allowedHosts: ['crm-proxy.example'] });
 * createServer(handler).listen(8787);
 */
export function createHubSpotProxy(options) {
  const {
    token, upstream = 'https://api.hubapi.com', writableProperties = ['hubspot_owner_id'], authorize, localDevelopment = false,
    upstreamTimeoutMs = 30_000, maxBodyBytes = MAX_BODY, rateLimit = { max: 200, windowMs: 10_000 }, goalWrites = false,
  } = options ?? {};
  const upstreamFetch = options?.fetch ?? globalThis.fetch;
  if (typeof token !== 'string' || token === '') throw new Error('createHubSpotProxy: a token is required (HUBSPOT_TOKEN)');
  if (authorize !== undefined && typeof authorize !== 'function') throw new TypeError('createHubSpotProxy: authorize must be a function (req) => boolean | Promise<boolean>');
  if (!authorize && localDevelopment !== true) {
    throw new Error('createHubSpotProxy: refusing to start without an authorize(req) function: without it anyone who can reach the proxy acts with the HubSpot token. Pass authorize, or localDevelopment: true (--local-dev) for a proxy on 127.0.0.1 only.');
  }
  const allowOrigins = (Array.isArray(options.allowOrigin) ? options.allowOrigin : options.allowOrigin ? [options.allowOrigin] : []).map((o) => o.replace(/\/+$/, ''));
  const allowedHosts = localDevelopment ? LOOPBACK_HOSTS : (options.allowedHosts ?? LOOPBACK_HOSTS);
  const limiter = rateLimit ? rateLimiter(rateLimit, options.now) : null;
  const callerKey = options.callerKey ?? ((req) => req.socket?.remoteAddress ?? 'unknown');
  const redact = (text) => String(text).split(token).join('[redacted]');
  const log = options.log ?? ((entry) => console.warn(JSON.stringify(entry)));
  const base = upstream.replace(/\/+$/, '');
  const authorizeCaller = authorize ?? (() => true);

  return async function handle(req, res) {
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const allowedOrigin = origin !== undefined && allowOrigins.includes(origin);
    // Credentials allowed for the allowed origins only, so the page's session cookie reaches `authorize`.
    const cors = allowedOrigin
      ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'origin', 'access-control-expose-headers': 'retry-after' }
      : { vary: 'origin' };
    const path = (req.url ?? '/').split('?')[0].slice(0, 120);
    const refuse = (status, message, headers = {}) => {
      try {
        log({ at: new Date().toISOString(), event: 'refused', status, reason: redact(message), method: req.method, path: redact(path), caller: redact(callerKey(req)), origin: origin === undefined ? null : redact(origin.slice(0, 120)) });
      } catch {
        // a failing logger never turns a refusal into a forward
      }
      json(res, status, { status: 'error', category: 'PROXY_REFUSED', message }, { ...cors, ...headers });
    };
    try {
      if (!hostAllowed(req.headers.host, allowedHosts)) return refuse(403, 'host not allowed: the proxy answers only to its configured host names (ALLOWED_HOSTS)');
      if (localDevelopment && !LOOPBACK_ADDRESSES.has(req.socket?.remoteAddress ?? '')) return refuse(403, 'local-development proxy: only callers on this machine');
      if (origin !== undefined && !allowedOrigin) return refuse(403, 'origin not allowed (ALLOW_ORIGIN)');
      if (req.method === 'OPTIONS') {
        if (!allowedOrigin) return refuse(403, 'preflight without an allowed origin');
        res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' });
        return res.end();
      }
      if (limiter) {
        const waitMs = limiter.hit(callerKey(req));
        if (waitMs > 0) return refuse(429, 'too many requests from this caller', { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) });
      }
      const url = new URL(req.url ?? '/', 'http://proxy.invalid');
      const route = ROUTES.find((r) => r.path === url.pathname);
      if (!route) return refuse(404, `not forwarded: ${url.pathname.slice(0, 100)}`);
      if (route.method !== req.method) return refuse(405, `method ${req.method} not allowed on ${route.path}`, { allow: route.method });
      for (const key of url.searchParams.keys()) {
        if (!route.query.includes(key)) return refuse(400, `query parameter ${JSON.stringify(key).slice(0, 60)} not allowed`);
      }
      if (req.method === 'POST' && !isJson(req.headers['content-type'])) return refuse(415, 'POST bodies must be sent as Content-Type: application/json');
      if (!(await authorizeCaller(req))) return refuse(401, 'not signed in');
      let body;
      if (req.method === 'POST') {
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBodyBytes) return refuse(413, `body larger than ${maxBodyBytes} bytes`);
        const text = await readBody(req, maxBodyBytes);
        if (text === null) return refuse(413, `body larger than ${maxBodyBytes} bytes`);
        let parsed;
        try {
          parsed = JSON.parse(text);
        } catch {
          return refuse(400, 'the body is not JSON');
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return refuse(400, 'the body must be a JSON object');
        if (route.goals && goalWrites !== true) return refuse(403, 'writing HubSpot goal targets is off in this proxy (goalWrites / GOAL_WRITES=1)');
        if (route.writes) {
          const problem = checkWrites(parsed, Array.isArray(route.writes) ? route.writes : writableProperties);
          if (problem) return refuse(403, problem);
        }
        body = JSON.stringify(parsed); // exactly what was checked: no duplicate keys, no stray text
      }
      let answer;
      try {
        answer = await upstreamFetch(`${base}${url.pathname}${url.search}`, {
          method: req.method,
          headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(body !== undefined ? { body } : {}),
          signal: AbortSignal.timeout(upstreamTimeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        const message = timedOut ? `HubSpot did not answer within ${upstreamTimeoutMs} ms` : `upstream unreachable: ${redact(error instanceof Error ? error.message : String(error))}`;
        log({ at: new Date().toISOString(), event: 'upstream-error', status: timedOut ? 504 : 502, reason: message, method: req.method, path: redact(path) });
        return json(res, timedOut ? 504 : 502, { status: 'error', category: timedOut ? 'PROXY_UPSTREAM_TIMEOUT' : 'PROXY_UPSTREAM', message }, cors);
      }
      let timer;
      const text = await Promise.race([
        answer.text(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`HubSpot's answer did not arrive within ${upstreamTimeoutMs} ms`)), upstreamTimeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
      const headers = { 'content-type': answer.headers.get('content-type') ?? 'application/json', ...cors };
      const retryAfter = answer.headers.get('retry-after');
      if (retryAfter) headers['retry-after'] = retryAfter;
      res.writeHead(answer.status, headers);
      res.end(redact(text));
    } catch (error) {
      const message = redact(error instanceof Error ? error.message : String(error));
      log({ at: new Date().toISOString(), event: 'proxy-error', reason: message, method: req.method, path: redact(path) });
      if (!res.headersSent) json(res, 502, { status: 'error', category: 'PROXY_UPSTREAM', message: `upstream failed: ${message}` }, cors);
      else res.destroy();
    }
  };
}

const list = (value) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/**
 * Starts the proxy from environment variables.
 * @param {Record<string, string | undefined>} [env] process.env by default
 * @param {{ authorize?: (req: import('node:http').IncomingMessage) => boolean | Promise<boolean>, localDevelopment?: boolean, log?: (entry: object) => void, fetch?: typeof fetch }} [options]
 *   `authorize` your session check (required unless `localDevelopment`); `localDevelopment` (or
 *   HUBSPOT_PROXY_LOCAL_DEV=1, or `--local-dev` on the command line) runs without it, on 127.0.0.1 only.
 * @returns {import('node:http').Server}
 * @example
 * import { main } from './server.mjs';
 * main(process.env, { authorize: (req) => mySessions.isSignedIn(req) });
 */
export function main(env = process.env, options = {}) {
  const localDevelopment = options.localDevelopment === true || env.HUBSPOT_PROXY_LOCAL_DEV === '1';
  const handler = createHubSpotProxy({
    token: env.HUBSPOT_TOKEN ?? '',
    upstream: env.HUBSPOT_BASE_URL,
    allowOrigin: list(env.ALLOW_ORIGIN),
    allowedHosts: list(env.ALLOWED_HOSTS),
    writableProperties: list(env.WRITABLE_PROPERTIES),
    goalWrites: env.GOAL_WRITES === '1',
    ...(env.UPSTREAM_TIMEOUT_MS ? { upstreamTimeoutMs: Number(env.UPSTREAM_TIMEOUT_MS) } : {}),
    ...(env.RATE_LIMIT ? { rateLimit: { max: Number(env.RATE_LIMIT), windowMs: 10_000 } } : {}),
    ...(options.authorize ? { authorize: options.authorize } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    localDevelopment,
  });
  const port = Number(env.PORT ?? 8787);
  const host = localDevelopment ? '127.0.0.1' : (env.HOST ?? '127.0.0.1');
  const server = createServer((req, res) => void handler(req, res));
  server.listen(port, host, () => {
    const { port: bound } = server.address();
    const where = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
    if (localDevelopment) console.log(`HubSpot proxy for LOCAL DEVELOPMENT on ${where}: callers are NOT authenticated, so it listens on 127.0.0.1 only. Never expose it.`);
    else console.log(`HubSpot proxy on ${where} (callers checked by authorize)`);
  });
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main(process.env, { localDevelopment: process.argv.includes('--local-dev') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
