/** The example HubSpot proxy (demo/hubspot/proxy/server.mjs) against the emulator, with the adapter going through it. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHubSpotProxy } from '../../demo/hubspot/proxy/server.mjs';
import { createHubSpotAdapter } from '../../src/adapters/hubspot/index.js';
import { CrmLoadError } from '../../src/adapters/crm-adapter.js';
import { startHubSpotEmulator, type HubSpotEmulator } from '../emulators/hubspot/server.js';
import { makeCompanies, makeOwners } from '../emulators/hubspot/fixture.js';

const TOKEN = 'pat-na1-00000000-secret-token';

describe('HubSpot proxy example', () => {
  let emu: HubSpotEmulator;
  let proxy: Server;
  let url = '';
  const owners = makeOwners(3);
  before(async () => {
    emu = await startHubSpotEmulator({ companies: makeCompanies(120, owners), owners, token: TOKEN });
    const handler = createHubSpotProxy({ token: TOKEN, upstream: emu.url, allowOrigin: 'https://app.example', authorize: () => true, log: () => {} });
    proxy = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  after(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await emu.close();
  });

  it('lets the adapter load and save without ever holding the token', async () => {
    const seen: string[] = [];
    const adapter = createHubSpotAdapter({
      fetch: async (u, init) => {
        const response = await fetch(u, init);
        seen.push(await response.clone().text());
        return response;
      },
      baseUrl: url,
    });
    const { accounts, reps } = await adapter.load();
    assert.equal(accounts.length, 120);
    assert.equal(reps.length, 3);
    const a = accounts[0];
    const to = reps.find((r) => r.id !== a.ownerId)!.id;
    const [outcome] = await adapter.save([{ accountId: a.id, from: a.ownerId, to }]);
    assert.equal(outcome.status, 'saved');
    assert.equal(emu.ownerOf(a.id), to);
    assert.ok(seen.every((body) => !body.includes(TOKEN)));
  });

  it('without the proxy the emulator refuses (it checks the token)', async () => {
    const adapter = createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: emu.url });
    await assert.rejects(adapter.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'INVALID_AUTHENTICATION');
  });

  it('forwards only allow-listed paths, methods and query parameters', async () => {
    const before = emu.requests.length;
    const cases: [string, string, number][] = [
      ['GET', '/crm/v3/objects/contacts', 404],
      ['GET', '/crm/v3/objects/companies/123', 404],
      ['DELETE', '/crm/v3/objects/companies', 405],
      ['POST', '/crm/v3/objects/companies', 405],
      ['GET', '/crm/v3/objects/companies?hapikey=x', 400],
      ['GET', '/crm/v3/objects/companies/../../../oauth/v1/access-tokens', 404],
    ];
    for (const [method, path, status] of cases) {
      const response = await fetch(`${url}${path}`, { method });
      assert.equal(response.status, status, `${method} ${path}`);
      const body = (await response.json()) as { category: string };
      assert.equal(body.category, 'PROXY_REFUSED');
    }
    assert.equal(emu.requests.length, before, 'nothing reached HubSpot');
  });

  it('refuses batch/update writing any property but the owner', async () => {
    const before = emu.companies.get('2')!.properties.name;
    const response = await fetch(`${url}/crm/v3/objects/companies/batch/update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [{ id: '2', properties: { hubspot_owner_id: owners[0].id, name: 'Pwned' } }] }),
    });
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { message: string }).message, /"name" is not allowed/);
    assert.equal(emu.companies.get('2')!.properties.name, before);
  });

  it('refuses bodies over 1 MB and passes Retry-After and CORS headers through', async () => {
    const big = await fetch(`${url}/crm/v3/objects/companies/batch/read`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1_100_000) });
    assert.equal(big.status, 413);
    emu.inject({ kind: 'status', path: '/crm/v3/owners', status: 429, headers: { 'retry-after': '4' } });
    const limited = await fetch(`${url}/crm/v3/owners?limit=100`, { headers: { origin: 'https://app.example' } });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '4');
    assert.equal(limited.headers.get('access-control-allow-origin'), 'https://app.example');
    assert.equal(limited.headers.get('access-control-expose-headers'), 'retry-after');
  });
});
