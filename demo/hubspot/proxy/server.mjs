// A small HubSpot proxy for territory-kit: it holds the private-app token server-side and forwards
// only the CRM v3 calls the HubSpot adapter makes. Point the adapter at it:
//   createHubSpotAdapter({ fetch: (u, i) => fetch(u, { ...i, credentials: 'include' }), baseUrl: 'https://your-host/hubspot' })
//
// Run:  HUBSPOT_TOKEN=pat-... PORT=8787 ALLOW_ORIGIN=https://your-app.example node demo/hubspot/proxy/server.mjs
// Env:  HUBSPOT_TOKEN (required), HUBSPOT_BASE_URL (default https://api.hubapi.com), PORT (default 8787),
//       ALLOW_ORIGIN (CORS origin allowed to call the proxy; default none), WRITABLE_PROPERTIES
//       (comma list the proxy lets batch/update write; default hubspot_owner_id).
// This example does not authenticate its callers: put it behind your own session check (the
// `authorize` option) before exposing it, or anyone who can reach it acts with the token.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

const MAX_BODY = 1_000_000; // 1 MB, like hubspot.fetch

/** The calls the adapter needs: method, path, allowed query parameters, and whether the body is a batch. */
const ROUTES = [
  { method: 'GET', path: '/crm/v3/objects/companies', query: ['limit', 'after', 'properties', 'archived'] },
  { method: 'GET', path: '/crm/v3/owners', query: ['limit', 'after', 'archived', 'email'] },
  { method: 'POST', path: '/crm/v3/objects/companies/batch/read', query: [] },
  { method: 'POST', path: '/crm/v3/objects/companies/search', query: [] },
  { method: 'POST', path: '/crm/v3/objects/companies/batch/update', query: [], writes: true },
];

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function refuse(res, status, message, cors) {
  json(res, status, { status: 'error', category: 'PROXY_REFUSED', message }, cors);
}

async function readBody(req) {
  const parts = [];
  let size = 0;
  for await (const part of req) {
    size += part.length;
    if (size > MAX_BODY) return null;
    parts.push(part);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** Checks a batch/update body: every input may write only the allowed properties. Returns an error or null. */
function checkWrites(text, writable) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return 'the body is not JSON';
  }
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

/**
 * Creates the request handler.
 * @param {object} options
 * @param {string} options.token The private-app token (never sent to callers).
 * @param {string} [options.upstream] HubSpot API base. Default https://api.hubapi.com.
 * @param {string} [options.allowOrigin] CORS origin allowed to call; default none (same-origin only).
 * @param {string[]} [options.writableProperties] Properties batch/update may write. Default ['hubspot_owner_id'].
 * @param {(req: import('node:http').IncomingMessage) => boolean | Promise<boolean>} [options.authorize] Your session check. Default: allow.
 * @param {typeof fetch} [options.fetch] Upstream fetch. Default globalThis.fetch.
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function createHubSpotProxy(options) {
  const { token, upstream = 'https://api.hubapi.com', allowOrigin, writableProperties = ['hubspot_owner_id'], authorize = () => true } = options;
  const upstreamFetch = options.fetch ?? globalThis.fetch;
  if (typeof token !== 'string' || token === '') throw new Error('createHubSpotProxy: a token is required (HUBSPOT_TOKEN)');
  const base = upstream.replace(/\/+$/, '');
  return async function handle(req, res) {
    // Credentials allowed for that one origin, so the page's session cookie reaches `authorize`.
    const cors = allowOrigin
      ? { 'access-control-allow-origin': allowOrigin, 'access-control-allow-credentials': 'true', vary: 'origin', 'access-control-expose-headers': 'retry-after' }
      : {};
    try {
      if (req.method === 'OPTIONS' && allowOrigin) {
        res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' });
        return res.end();
      }
      const url = new URL(req.url ?? '/', 'http://proxy.invalid');
      const route = ROUTES.find((r) => r.path === url.pathname);
      if (!route) return refuse(res, 404, `not forwarded: ${url.pathname.slice(0, 100)}`, cors);
      if (route.method !== req.method) return refuse(res, 405, `method ${req.method} not allowed on ${route.path}`, { ...cors, allow: route.method });
      for (const key of url.searchParams.keys()) {
        if (!route.query.includes(key)) return refuse(res, 400, `query parameter ${JSON.stringify(key).slice(0, 60)} not allowed`, cors);
      }
      if (!(await authorize(req))) return refuse(res, 401, 'not signed in', cors);
      let body;
      if (req.method === 'POST') {
        body = await readBody(req);
        if (body === null) return refuse(res, 413, 'body larger than 1 MB', cors);
        if (route.writes) {
          const problem = checkWrites(body, writableProperties);
          if (problem) return refuse(res, 403, problem, cors);
        }
      }
      const answer = await upstreamFetch(`${base}${url.pathname}${url.search}`, {
        method: req.method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body } : {}),
      });
      const text = await answer.text();
      const headers = { 'content-type': answer.headers.get('content-type') ?? 'application/json', ...cors };
      const retryAfter = answer.headers.get('retry-after');
      if (retryAfter) headers['retry-after'] = retryAfter;
      res.writeHead(answer.status, headers);
      res.end(text.split(token).join('[redacted]'));
    } catch (error) {
      if (!res.headersSent) json(res, 502, { status: 'error', category: 'PROXY_UPSTREAM', message: `upstream unreachable: ${error instanceof Error ? error.message : String(error)}` }, cors);
      else res.destroy();
    }
  };
}

/** Starts the proxy from environment variables. */
export function main(env = process.env) {
  const handler = createHubSpotProxy({
    token: env.HUBSPOT_TOKEN ?? '',
    upstream: env.HUBSPOT_BASE_URL,
    allowOrigin: env.ALLOW_ORIGIN,
    writableProperties: env.WRITABLE_PROPERTIES ? env.WRITABLE_PROPERTIES.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
  });
  const port = Number(env.PORT ?? 8787);
  const server = createServer((req, res) => void handler(req, res));
  server.listen(port, env.HOST ?? '127.0.0.1', () => console.log(`HubSpot proxy on http://${env.HOST ?? '127.0.0.1'}:${port}`));
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
