/**
 * The example HubSpot proxy is safe by default (issue #13 item 6): it will not start without a session
 * check unless explicitly in local-development mode (127.0.0.1 only, said on stdout); it refuses
 * cross-site writes (wrong Content-Type, foreign Origin), foreign Host headers (DNS rebinding); it
 * forwards exactly the body it validated; it bounds the upstream wait, the body and each caller's rate;
 * and it logs every refusal without the token. Hostile callers and a hanging upstream on 127.0.0.1.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHubSpotProxy, main, type HubSpotProxyOptions } from '../../demo/hubspot/proxy/server.mjs';
import { startHubSpotEmulator, type HubSpotEmulator } from '../emulators/hubspot/server.js';
import { makeCompanies, makeOwners } from '../emulators/hubspot/fixture.js';

const TOKEN = 'pat-na1-11111111-safety-secret';
const UPDATE = '/crm/v3/objects/companies/batch/update';
const APP = 'https://app.example';
const owners = makeOwners(3);

const servers: Server[] = [];
async function listen(server: Server, host = '127.0.0.1'): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
after(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A raw request, so Host and other forbidden headers can be set as an attacker's page or tool would. */
function raw(url: string, init: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: IncomingMessage['headers'] }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, method: init.method ?? 'GET', path: init.path, headers: init.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (p: Buffer) => parts.push(p));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('HubSpot proxy: safe by default', () => {
  let emu: HubSpotEmulator;
  const logs: Record<string, unknown>[] = [];
  let url = '';
  let sessionCookieAuthorize: (req: IncomingMessage) => boolean;

  before(async () => {
    emu = await startHubSpotEmulator({ companies: makeCompanies(20, owners), owners, token: TOKEN });
    // The README's recommended set-up: a SameSite=None session cookie checked by authorize().
    sessionCookieAuthorize = (req) => /(?:^|;\s*)session=ok(?:;|$)/.test(req.headers.cookie ?? '');
    const handler = createHubSpotProxy({ token: TOKEN, upstream: emu.url, allowOrigin: APP, authorize: sessionCookieAuthorize, log: (e) => logs.push(e) });
    url = await listen(createServer((req, res) => void handler(req, res)));
  });
  after(() => emu.close());

  it('refuses to be created without authorize, unless in explicit local-development mode', () => {
    assert.throws(() => createHubSpotProxy({ token: TOKEN }), /refusing to start without an authorize/);
    assert.throws(() => createHubSpotProxy({ token: TOKEN, localDevelopment: 'yes' } as unknown as HubSpotProxyOptions), /refusing to start/);
    assert.equal(typeof createHubSpotProxy({ token: TOKEN, localDevelopment: true }), 'function');
    assert.throws(() => main({ HUBSPOT_TOKEN: TOKEN, PORT: '0' }), /refusing to start without an authorize/);
  });

  it('main() takes an authorize function and uses it', async () => {
    const server = main({ HUBSPOT_TOKEN: TOKEN, PORT: '0', HUBSPOT_BASE_URL: emu.url }, { authorize: sessionCookieAuthorize, log: () => {} });
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    assert.equal((await fetch(`${base}/crm/v3/owners?limit=10`)).status, 401);
    assert.equal((await fetch(`${base}/crm/v3/owners?limit=10`, { headers: { cookie: 'session=ok' } })).status, 200);
  });

  it('local-development mode binds 127.0.0.1 only, whatever HOST says, and says so on stdout', async () => {
    const printed: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void printed.push(args.join(' '));
    let server: Server;
    try {
      server = main({ HUBSPOT_TOKEN: TOKEN, PORT: '0', HOST: '0.0.0.0', HUBSPOT_BASE_URL: emu.url }, { localDevelopment: true, log: () => {} });
      servers.push(server);
      await new Promise((resolve) => server.once('listening', resolve));
    } finally {
      console.log = log;
    }
    assert.equal((server.address() as AddressInfo).address, '127.0.0.1');
    assert.match(printed.join('\n'), /LOCAL DEVELOPMENT.*127\.0\.0\.1.*NOT authenticated/s);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    assert.equal((await fetch(`${base}/crm/v3/owners?limit=10`)).status, 200);
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host: evil.example.
    const rebound = await raw(base, { path: '/crm/v3/owners?limit=10', headers: { host: 'evil.example:8787' } });
    assert.equal(rebound.status, 403);
  });

  it('refuses a cross-site text/plain write (no preflight needed) even with the session cookie', async () => {
    const before = emu.requests.length;
    const owner = emu.ownerOf('2');
    const to = owners.find((o) => o.id !== owner)!.id;
    const body = JSON.stringify({ inputs: [{ id: '2', properties: { hubspot_owner_id: to } }] });
    const simple = await raw(url, { method: 'POST', path: UPDATE, body, headers: { host: new URL(url).host, origin: 'https://evil.example', cookie: 'session=ok', 'content-type': 'text/plain;charset=UTF-8' } });
    assert.equal(simple.status, 403);
    const plainFromApp = await raw(url, { method: 'POST', path: UPDATE, body, headers: { host: new URL(url).host, origin: APP, cookie: 'session=ok', 'content-type': 'text/plain' } });
    assert.equal(plainFromApp.status, 415);
    const jsonFromEvil = await raw(url, { method: 'POST', path: UPDATE, body, headers: { host: new URL(url).host, origin: 'https://evil.example', cookie: 'session=ok', 'content-type': 'application/json' } });
    assert.equal(jsonFromEvil.status, 403);
    const preflight = await raw(url, { method: 'OPTIONS', path: UPDATE, headers: { host: new URL(url).host, origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    assert.equal(emu.requests.length, before, 'nothing reached HubSpot');
    assert.equal(emu.ownerOf('2'), owner);
    // The same write from the app, as JSON, with the session: forwarded.
    const ok = await raw(url, { method: 'POST', path: UPDATE, body, headers: { host: new URL(url).host, origin: APP, cookie: 'session=ok', 'content-type': 'application/json' } });
    assert.equal(ok.status, 200);
    assert.equal(emu.ownerOf('2'), to);
  });

  it('checks Host: a rebinding page (Host: evil.example) is refused', async () => {
    const before = emu.requests.length;
    const r = await raw(url, { path: '/crm/v3/owners?limit=10', headers: { host: 'evil.example', cookie: 'session=ok' } });
    assert.equal(r.status, 403);
    assert.match(r.body, /host not allowed/);
    assert.equal(emu.requests.length, before);
  });

  it('logs every refusal, without the token', () => {
    const reasons = logs.filter((e) => e.event === 'refused').map((e) => `${e.status} ${String(e.reason)}`);
    assert.ok(reasons.some((r) => r.startsWith('403 origin not allowed')));
    assert.ok(reasons.some((r) => r.startsWith('415 ')));
    assert.ok(reasons.some((r) => r.startsWith('403 host not allowed')));
    assert.ok(!JSON.stringify(logs).includes(TOKEN));
  });

  it('a refused path that carries the token is logged redacted', async () => {
    const before = logs.length;
    await raw(url, { path: `/leak/${TOKEN}`, headers: { host: new URL(url).host } });
    const entry = logs.slice(before).find((e) => e.status === 404);
    assert.ok(entry, 'the refusal is logged');
    assert.ok(!JSON.stringify(entry).includes(TOKEN));
    assert.match(String(entry.path), /\[redacted\]/);
  });
});

describe('HubSpot proxy: what it forwards and how long it waits', () => {
  it('forwards the body it validated, re-serialised (a duplicated key cannot smuggle a property)', async () => {
    const seen: string[] = [];
    const upstream = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (p: Buffer) => parts.push(p));
      req.on('end', () => {
        seen.push(Buffer.concat(parts).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"COMPLETE","results":[]}');
      });
    });
    const up = await listen(upstream);
    const handler = createHubSpotProxy({ token: TOKEN, upstream: up, authorize: () => true, log: () => {} });
    const base = await listen(createServer((req, res) => void handler(req, res)));
    // A parser that keeps the first of two keys (as some JSON libraries do) would see the name write.
    const smuggled = '{"inputs":[{"id":"2","properties":{"name":"Pwned","hubspot_owner_id":"101"}}], "inputs":[{"id":"2","properties":{"hubspot_owner_id":"101"}}]}';
    const r = await fetch(`${base}${UPDATE}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: smuggled });
    assert.equal(r.status, 200);
    assert.deepEqual(seen, [JSON.stringify({ inputs: [{ id: '2', properties: { hubspot_owner_id: '101' } }] })]);
    assert.ok(!seen[0].includes('Pwned'));
  });

  it('gives up on an upstream that never answers (504), within its timeout', async () => {
    const hung = createServer(() => {}); // accepts, never answers
    const up = await listen(hung);
    const handler = createHubSpotProxy({ token: TOKEN, upstream: up, authorize: () => true, upstreamTimeoutMs: 300, log: () => {} });
    const base = await listen(createServer((req, res) => void handler(req, res)));
    const started = Date.now();
    const r = await fetch(`${base}/crm/v3/owners?limit=10`, { signal: AbortSignal.timeout(10_000) });
    assert.equal(r.status, 504);
    assert.equal(((await r.json()) as { category: string }).category, 'PROXY_UPSTREAM_TIMEOUT');
    assert.ok(Date.now() - started < 5000);
  });

  it('limits each caller to its rate (429 with Retry-After), and the body size', async () => {
    const emu = await startHubSpotEmulator({ companies: makeCompanies(3, owners), owners, token: TOKEN });
    try {
      let key = 'caller-a';
      const handler = createHubSpotProxy({ token: TOKEN, upstream: emu.url, authorize: () => true, rateLimit: { max: 3, windowMs: 60_000 }, callerKey: () => key, maxBodyBytes: 1000, log: () => {} });
      const base = await listen(createServer((req, res) => void handler(req, res)));
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${base}/crm/v3/owners?limit=10`)).status);
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      const limited = await fetch(`${base}/crm/v3/owners?limit=10`);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      key = 'caller-b'; // another caller is not held back
      assert.equal((await fetch(`${base}/crm/v3/owners?limit=10`)).status, 200);
      const big = await fetch(`${base}/crm/v3/objects/companies/batch/read`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs: Array.from({ length: 100 }, (_, i) => ({ id: String(i) })) }) });
      assert.equal(big.status, 413);
    } finally {
      await emu.close();
    }
  });
});
