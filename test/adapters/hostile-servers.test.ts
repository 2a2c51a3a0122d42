/**
 * Adapters against hostile servers on 127.0.0.1 (issue #13 items 3, 4, 10, 11, 12, 14): servers that
 * never answer, answer pages forever, reorder write results; concurrent saves of one record; ids named
 * like built-in properties. Every case here hung, looped or lied before the fix.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Connection } from 'jsforce';
import { createRestAdapter } from '../../src/adapters/rest/index.js';
import { createHubSpotAdapter } from '../../src/adapters/hubspot/index.js';
import { createSalesforceAdapter, jsforceTransport } from '../../src/adapters/salesforce/index.js';
import { CrmLoadError, type SaveOutcome } from '../../src/adapters/crm-adapter.js';
import { startHubSpotEmulator } from '../emulators/hubspot/server.js';
import { makeCompanies, makeOwners } from '../emulators/hubspot/fixture.js';
import { startRestEmulator } from '../emulators/rest/server.js';
import { startSalesforceEmulator } from '../emulators/salesforce/server.js';
import { seedOrg } from '../emulators/salesforce/seed.js';
import { installFakeClock, settleWithin, until } from '../helpers/fake-clock.js';

const servers: Server[] = [];
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  for (const c of closers) await c();
});

/** A hostile server on 127.0.0.1, port 0. */
async function hostile(handle: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => handle(req, res, Buffer.concat(parts).toString('utf8')));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const fast = { retries: 2, baseMs: 1, capMs: 2 };
const reps = [{ id: 'r1', name: 'One', active: true }, { id: 'r2', name: 'Two', active: true }];
const accounts = [{ id: 'a1', name: 'A1', lat: 1, lng: 1, potential: 1, ownerId: 'r1' }, { id: 'a2', name: 'A2', lat: 1, lng: 1, potential: 1, ownerId: 'r1' }];
const unknownOutcome = (o: SaveOutcome) => o.status === 'failed' && o.code === 'UNKNOWN_OUTCOME' && /reload/.test(o.message ?? '');

// Time-bounded cases run on a fake clock (test/helpers/fake-clock.ts): the short request timeouts cannot
// fire during the set-up load on a busy machine, and each bound is checked exactly, in fake time that
// only moves once the request under test hangs.
describe('hung requests end, with an honest outcome (item 3)', () => {
  it('REST: a POST /assignments:batch that is accepted and never answered ends failed UNKNOWN_OUTCOME, and later saves do not queue behind it forever', { timeout: 20_000 }, async () => {
    const clock = installFakeClock();
    after(() => clock.uninstall());
    let posts = 0;
    const url = await hostile((req, res) => {
      if (req.method === 'POST') return void posts++; // accept, never answer
      const path = new URL(req.url!, 'http://x').pathname;
      send(res, 200, { items: path === '/reps' ? reps : path === '/accounts' ? accounts : [], nextCursor: null });
    });
    const adapter = createRestAdapter({ baseUrl: url, retry: { ...fast, deadlineMs: 60_000 }, requestTimeoutMs: 200, saveDeadlineMs: 2000 });
    await adapter.load();
    const saving = adapter.save([{ accountId: 'a1', from: 'r1', to: 'r2' }]);
    await until(clock, () => posts >= 1, 'the POST was accepted');
    const { value: outcomes } = await settleWithin(clock, saving, 2000 + 200);
    assert.equal(outcomes.length, 1);
    assert.ok(unknownOutcome(outcomes[0]), JSON.stringify(outcomes[0]));
    const sent = posts;
    const next = adapter.save([{ accountId: 'a2', from: 'r1', to: 'r2' }]);
    await until(clock, () => posts > sent, 'the second save sent its POST');
    const { value: second } = await settleWithin(clock, next, 2000 + 200);
    assert.ok(unknownOutcome(second[0]));
    clock.uninstall();
  });

  it('REST: a transport that ignores its signal and never settles cannot hold a save past its deadline', { timeout: 20_000 }, async () => {
    const clock = installFakeClock();
    after(() => clock.uninstall());
    const emu = await startRestEmulator({ accounts, reps });
    closers.push(() => emu.close());
    let hang = false;
    const adapter = createRestAdapter({
      baseUrl: emu.url,
      fetch: (u, init) => (hang ? new Promise<Response>(() => {}) : fetch(u, init)),
      retry: fast,
      requestTimeoutMs: 150,
      saveDeadlineMs: 1000,
    });
    await adapter.load();
    hang = true;
    const { value: [outcome] } = await settleWithin(clock, adapter.save([{ accountId: 'a1', from: 'r1', to: 'r2' }]), 1000 + 150);
    assert.ok(unknownOutcome(outcome), JSON.stringify(outcome));
    assert.equal(emu.ownerOf('a1'), 'r1');
    clock.uninstall();
  });

  it('HubSpot: aborting mid-save while HubSpot stops answering ends the save (the check after the abort has a deadline)', { timeout: 20_000 }, async () => {
    const owners = makeOwners(2);
    const emu = await startHubSpotEmulator({ companies: makeCompanies(3, owners), owners });
    closers.push(() => emu.close());
    let down = false;
    // A proxy in front of the emulator that, once "down", accepts requests and never answers.
    const url = await hostile((req, res, body) => {
      if (down) return;
      const up = request(`${emu.url}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json' });
        answer.pipe(res);
      });
      up.end(body || undefined);
      if (req.url?.includes('batch/read')) down = true; // the pre-write read passes; then silence
    });
    const adapter = createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: url, retry: fast, requestTimeoutMs: 300, saveDeadlineMs: 60_000 });
    const { accounts: loaded } = await adapter.load();
    const a = loaded[0];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const [outcome] = await adapter.save([{ accountId: a.id, from: a.ownerId, to: owners.find((o) => o.id !== a.ownerId)!.id }], { signal: controller.signal });
    assert.ok(Date.now() - started < 8000, `ended after ${Date.now() - started} ms`);
    assert.equal(outcome.status, 'failed');
    assert.ok(outcome.code === 'UNKNOWN_OUTCOME' || outcome.code === 'ABORTED', outcome.code);
  });

  it('Salesforce: a query that never answers ends the load on abort (jsforce transport honours the signal, item 14)', { timeout: 20_000 }, async () => {
    let queries = 0;
    const url = await hostile((req, res) => {
      if (req.url?.includes('/query')) {
        queries++;
        const q = decodeURIComponent(new URL(req.url, 'http://x').searchParams.get('q') ?? '');
        if (/COUNT\(\)/.test(q)) return send(res, 200, { totalSize: 2, done: true, records: [] });
        return; // the accounts query hangs
      }
      send(res, 404, [{ errorCode: 'NOT_FOUND', message: 'no' }]);
    });
    const conn = new Connection({ instanceUrl: url, accessToken: 'x', version: '62.0' });
    const sf = createSalesforceAdapter({ transport: jsforceTransport(conn), retry: fast, requestTimeoutMs: 60_000 });
    const clock = installFakeClock();
    after(() => clock.uninstall());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const loading = sf.load({ signal: controller.signal }).then(() => null, (e: unknown) => e);
    // On a busy machine 200 ms of real time did not always reach the hanging query (queries was 1).
    await until(clock, () => queries >= 2, 'the accounts query was sent and hangs');
    const { value: error, elapsedMs } = await settleWithin(clock, loading, 5000);
    assert.ok(error instanceof CrmLoadError && error.code === 'ABORTED', String(error));
    assert.ok(elapsedMs >= 200, `not before the abort (${elapsedMs} ms)`);
    clock.uninstall();
  });

  it('Salesforce: a write that never answers ends by the save deadline as UNKNOWN_OUTCOME, never saved', { timeout: 20_000 }, async () => {
    const clock = installFakeClock();
    after(() => clock.uninstall());
    const emu = await startSalesforceEmulator();
    closers.push(() => emu.close());
    const org = seedOrg(emu.store, { users: 2, accounts: 2 });
    let patches = 0;
    const url = await hostile((req, res, body) => {
      if (req.method === 'PATCH') return void patches++; // the write hangs
      const up = request(`${emu.url}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(emu.url).host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, { 'content-type': String(answer.headers['content-type'] ?? 'application/json') });
        answer.pipe(res);
      });
      up.end(body || undefined);
    });
    const conn = new Connection({ instanceUrl: url, accessToken: emu.accessToken, version: '62.0' });
    const sf = createSalesforceAdapter({ transport: jsforceTransport(conn), retry: fast, performance: false, requestTimeoutMs: 300, saveDeadlineMs: 1500 });
    const { accounts: loaded } = await sf.load();
    const a = loaded[0];
    const to = org.userIds.find((u) => u !== a.ownerId)!;
    const saving = sf.save([{ accountId: a.id, from: a.ownerId, to }]);
    await until(clock, () => patches >= 1, 'the write reached the server and hangs');
    const { value: [outcome] } = await settleWithin(clock, saving, 1500 + 300);
    assert.ok(unknownOutcome(outcome), JSON.stringify(outcome));
    assert.equal(emu.store.get('Account', a.id)!.OwnerId, a.ownerId, 'never written');
    clock.uninstall();
  });
});

describe('saves are serialised per adapter and record (item 4)', () => {
  it('HubSpot: two concurrent saves of one company (1→2, 1→3) cannot both claim saved', async () => {
    const owners = makeOwners(3);
    const emu = await startHubSpotEmulator({ companies: makeCompanies(1, owners), owners });
    closers.push(() => emu.close());
    const adapter = createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: emu.url, retry: fast });
    const { accounts: [a] } = await adapter.load();
    const [x, y] = owners.filter((o) => o.id !== a.ownerId).map((o) => o.id);
    const [first, second] = await Promise.all([
      adapter.save([{ accountId: a.id, from: a.ownerId, to: x }]),
      adapter.save([{ accountId: a.id, from: a.ownerId, to: y }]),
    ]);
    assert.deepEqual([first[0].status, second[0].status], ['saved', 'conflict']);
    assert.equal(emu.ownerOf(a.id), x, 'HubSpot holds what the saved outcome says');
    assert.equal(emu.writes.get(a.id), 1);
  });

  it('REST: concurrent saves of one account run one after the other; the second conflicts', async () => {
    const emu = await startRestEmulator({ accounts, reps: [...reps, { id: 'r3', name: 'Three', active: true }] });
    closers.push(() => emu.close());
    const adapter = createRestAdapter({ baseUrl: emu.url, retry: fast });
    await adapter.load();
    const [first, second] = await Promise.all([
      adapter.save([{ accountId: 'a1', from: 'r1', to: 'r2' }]),
      adapter.save([{ accountId: 'a1', from: 'r1', to: 'r3' }]),
    ]);
    assert.deepEqual([first[0].status, second[0].status], ['saved', 'conflict']);
    assert.equal(emu.ownerOf('a1'), 'r2');
  });
});

describe('paging is bounded by what the server said (item 10)', () => {
  it('REST: fresh cursors over the same page forever fail BAD_RESPONSE', async () => {
    let n = 0;
    const url = await hostile((req, res) => send(res, 200, { items: reps, nextCursor: `c${n++}` }));
    const adapter = createRestAdapter({ baseUrl: url, retry: fast });
    await assert.rejects(adapter.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'BAD_RESPONSE' && /no new records/.test(e.message));
    assert.ok(n < 5, `${n} pages`);
  });

  it('REST: new records with fresh cursors past the announced total fail BAD_RESPONSE', async () => {
    let n = 0;
    const url = await hostile((req, res) => {
      n++;
      send(res, 200, { items: [{ id: `r${n}`, name: `R${n}`, active: true }], nextCursor: `c${n}`, total: 3 });
    });
    const adapter = createRestAdapter({ baseUrl: url, retry: fast });
    await assert.rejects(adapter.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'BAD_RESPONSE' && /3 records/.test(e.message));
    assert.ok(n <= 4, `${n} pages`);
  });

  it('HubSpot: fresh cursors forever, and pages past its own search total, fail BAD_RESPONSE', async () => {
    let pages = 0;
    let fresh = true;
    const url = await hostile((req, res) => {
      const path = new URL(req.url!, 'http://x').pathname;
      if (path === '/crm/v3/owners') return send(res, 200, { results: [{ id: '101', email: 'a@x', firstName: 'A', lastName: 'B' }] });
      if (path.endsWith('/search')) return send(res, 200, { total: 2, results: [] });
      pages++;
      const id = fresh ? String(pages) : '1';
      send(res, 200, { results: [{ id, properties: { name: `C${id}`, hubspot_owner_id: '101' } }], paging: { next: { after: `p${pages}` } } });
    });
    const adapter = createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: url, retry: fast, includeArchivedOwners: false });
    await assert.rejects(adapter.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'BAD_RESPONSE' && /2 records/.test(e.message));
    assert.ok(pages < 200, `${pages} pages`);
    pages = 0;
    fresh = false;
    const noCount = createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: url, retry: fast, includeArchivedOwners: false, countTotal: false });
    await assert.rejects(noCount.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'BAD_RESPONSE' && /no new records/.test(e.message));
    assert.ok(pages <= 3, `${pages} pages`);
  });

  it('Salesforce: the same nextRecordsUrl again and again fails BAD_RESPONSE at once', async () => {
    let queryMore = 0;
    const url = await hostile((req, res) => {
      const u = new URL(req.url!, 'http://x');
      const q = u.searchParams.get('q') ?? '';
      if (/COUNT\(\)/.test(q)) return send(res, 200, { totalSize: 4000, done: true, records: [] });
      if (/\/query\/01g/.test(u.pathname)) queryMore++;
      const records = Array.from({ length: 2000 }, (_, i) => ({ attributes: { type: 'Account' }, Id: `001${String(queryMore * 2000 + i).padStart(15, '0')}`, Name: 'x', OwnerId: '005000000000001AAA' }));
      send(res, 200, { totalSize: 4000, done: false, nextRecordsUrl: '/services/data/v62.0/query/01gLOOP-2000', records });
    });
    const conn = new Connection({ instanceUrl: url, accessToken: 'x', version: '62.0' });
    const sf = createSalesforceAdapter({ transport: jsforceTransport(conn), retry: fast, performance: false });
    await assert.rejects(sf.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'BAD_RESPONSE');
    assert.ok(queryMore <= 2, `${queryMore} queryMore calls`);
  });
});

describe('Salesforce write results are matched by id, not position (item 11)', () => {
  it('a server that returns the results in reverse order is read correctly', async () => {
    const emu = await startSalesforceEmulator();
    closers.push(() => emu.close());
    const org = seedOrg(emu.store, { users: 2, accounts: 2 });
    // Forward to the emulator, reversing sObject Collections results.
    const url = await hostile((req, res, body) => {
      const up = request(`${emu.url}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(emu.url).host } }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (p: Buffer) => parts.push(p));
        answer.on('end', () => {
          let text = Buffer.concat(parts).toString('utf8');
          if (req.method === 'PATCH' && req.url?.includes('/composite/sobjects')) text = JSON.stringify((JSON.parse(text) as unknown[]).reverse());
          res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json' });
          res.end(text);
        });
      });
      up.end(body || undefined);
    });
    const conn = new Connection({ instanceUrl: url, accessToken: emu.accessToken, version: '62.0' });
    const sf = createSalesforceAdapter({ transport: jsforceTransport(conn), retry: fast, performance: false });
    const { accounts: loaded } = await sf.load();
    const [a, b] = org.accountIds.map((id) => loaded.find((x) => x.id === id)!);
    emu.store.recordFaults.set(b.id, { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'no access', times: 1, op: 'update' });
    const other = (owner: string | null) => org.userIds.find((u) => u !== owner)!;
    const outcomes = await sf.save([{ accountId: a.id, from: a.ownerId, to: other(a.ownerId) }, { accountId: b.id, from: b.ownerId, to: other(b.ownerId) }]);
    assert.deepEqual(outcomes.map((o) => [o.accountId, o.status, o.code]), [[a.id, 'saved', undefined], [b.id, 'failed', 'INSUFFICIENT_ACCESS_OR_READONLY']]);
    assert.equal(emu.store.get('Account', a.id)!.OwnerId, other(a.ownerId));
    assert.equal(emu.store.get('Account', b.id)!.OwnerId, b.ownerId);
  });
});

describe('ids named like built-in properties (item 12, adapters)', () => {
  const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
  it('REST and HubSpot load and reassign them, and refuse ones that do not exist', async () => {
    const rest = await startRestEmulator({ accounts: ids.map((id) => ({ ...accounts[0], id, name: id })), reps: [...reps, { id: 'valueOf', name: 'V', active: true }] });
    closers.push(() => rest.close());
    const r = createRestAdapter({ baseUrl: rest.url, retry: fast });
    const loaded = await r.load();
    assert.deepEqual(loaded.accounts.map((a) => a.id), ids);
    const outcomes = await r.save(ids.map((id) => ({ accountId: id, from: 'r1', to: 'valueOf' })));
    assert.deepEqual(outcomes.map((o) => [o.accountId, o.status]), ids.map((id) => [id, 'saved']));
    assert.deepEqual(ids.map((id) => rest.ownerOf(id)), ids.map(() => 'valueOf'));

    const owners = makeOwners(2);
    const hs = await startHubSpotEmulator({ companies: makeCompanies(2, owners).map((c, i) => ({ ...c, id: ids[i] })), owners });
    closers.push(() => hs.close());
    const h = createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: hs.url, retry: fast });
    const got = await h.load();
    assert.deepEqual(got.accounts.map((a) => a.id).sort(), ids.slice(0, 2).sort());
    const moved = await h.save([
      ...got.accounts.map((a) => ({ accountId: a.id, from: a.ownerId, to: owners.find((o) => o.id !== a.ownerId)!.id })),
      { accountId: 'toString', from: owners[0].id, to: owners[1].id },
    ]);
    assert.deepEqual(moved.map((o) => o.status), ['saved', 'saved', 'failed']);
    assert.equal(moved[2].code, 'NOT_FOUND');
  });
});
