import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHubSpotAdapter, type HubSpotAdapterOptions } from '../../src/adapters/hubspot/index.js';
import { CrmLoadError, type Change } from '../../src/adapters/crm-adapter.js';
import { startHubSpotEmulator, type HubSpotEmulator, type HubSpotEmulatorOptions } from '../emulators/hubspot/server.js';
import { makeCompanies, makeOwners } from '../emulators/hubspot/fixture.js';

const opened: HubSpotEmulator[] = [];
after(() => Promise.all(opened.map((e) => e.close())));

/** Retry settings that never really sleep but record the delays asked for. */
function fastRetry(delays: number[] = [], extra: HubSpotAdapterOptions['retry'] = {}) {
  return { retries: 4, baseMs: 100, capMs: 1000, deadlineMs: 120_000, sleep: async (ms: number) => void delays.push(ms), ...extra };
}

async function setup(emuOptions: HubSpotEmulatorOptions, adapterOptions: Partial<HubSpotAdapterOptions> = {}) {
  const emu = await startHubSpotEmulator(emuOptions);
  opened.push(emu);
  const urls: string[] = [];
  const adapter = createHubSpotAdapter({
    fetch: (url, init) => {
      urls.push(url);
      return fetch(url, init);
    },
    baseUrl: emu.url,
    retry: fastRetry(),
    ...adapterOptions,
  });
  return { emu, adapter, urls };
}

/** Every company's owner id. */
function snapshot(emu: HubSpotEmulator): Map<string, string | null> {
  return new Map([...emu.companies.keys()].map((id) => [id, emu.ownerOf(id)]));
}

/** Asserts the CRM now equals `before` with exactly the saved changes applied, each written once. */
function assertExactly(emu: HubSpotEmulator, before: Map<string, string | null>, changes: Change[], statuses: string[]) {
  const saved = new Map(changes.filter((_, i) => statuses[i] === 'saved').map((c) => [c.accountId, c.to]));
  for (const [id, owner] of before) {
    const expected = saved.has(id) ? saved.get(id)! : owner;
    assert.equal(emu.ownerOf(id), expected, `owner of company ${id}`);
    const writes = emu.writes.get(id) ?? 0;
    if (saved.has(id) && saved.get(id) !== owner) assert.equal(writes, 1, `company ${id} written once`);
    if (!saved.has(id)) assert.equal(writes, 0, `company ${id} not written`);
  }
}

describe('HubSpot adapter: load', () => {
  const owners = makeOwners(6, 3); // owners 103 and 106 archived
  let emu: HubSpotEmulator;
  let adapter: ReturnType<typeof createHubSpotAdapter>;
  let urls: string[];
  before(async () => {
    const companies = makeCompanies(250, owners);
    companies[3].properties.latitude = 'abc';
    companies[4].properties.latitude = '';
    companies[4].properties.longitude = '';
    companies[5].properties.numberofemployees = '12.5';
    companies[6].properties.latitude = '95';
    companies[7].properties.annualrevenue = '';
    companies[8].properties.hubspot_owner_id = '';
    companies[9].properties.longitude = '0x10';
    ({ emu, adapter, urls } = await setup({ companies, owners }));
  });
  after(() => emu.close());

  it('pages companies 100 at a time, asking only for the mapped properties', async () => {
    const progress: number[] = [];
    const totals = new Set<number | undefined>();
    const result = await adapter.load({ onProgress: (p) => p.phase === 'accounts' && progress.push(p.loaded) && totals.add(p.total) });
    assert.deepEqual([...totals], [250], 'the total comes from one search request');
    assert.equal(emu.count('POST', '/crm/v3/objects/companies/search'), 1);
    assert.equal(emu.count('GET', '/crm/v3/objects/companies'), 3);
    const listUrls = urls.filter((u) => u.includes('/objects/companies?'));
    assert.ok(listUrls.every((u) => new URL(u).searchParams.get('limit') === '100'));
    const props = new URL(listUrls[0]).searchParams.get('properties')!.split(',').sort();
    assert.deepEqual(props, ['annualrevenue', 'hs_lastmodifieddate', 'hubspot_owner_id', 'industry', 'latitude', 'longitude', 'name', 'numberofemployees']);
    assert.equal(new URL(listUrls[1]).searchParams.get('after'), Buffer.from('100').toString('base64'));
    assert.equal(result.accounts.length + result.rejected.filter((r) => !r.kept).length, 250); // kept: loaded without a bad optional field
    assert.deepEqual(progress, [progress[0], progress[1], result.accounts.length]);
    assert.ok(progress[0] < progress[1]);
  });

  it('parses string values and rejects bad ones naming the record and property', async () => {
    const { accounts, rejected } = await adapter.load();
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const first = byId.get('1')!;
    assert.equal(typeof first.lat, 'number');
    assert.equal(first.lat, 30);
    assert.equal(first.potential, 100_000);
    assert.equal(first.employees, 5);
    assert.equal(first.ownerId, '101');
    assert.equal(first.industry, 'Retail');
    assert.match(first.lastModified!, /^\d{4}-\d\d-\d\dT/);
    // no coordinates: kept, with nulls
    assert.equal(byId.get('5')!.lat, null);
    assert.equal(byId.get('5')!.lng, null);
    // empty potential → 0, empty owner → unassigned
    assert.equal(byId.get('8')!.potential, 0);
    assert.equal(byId.get('8')!.annualRevenue, null);
    assert.equal(byId.get('9')!.ownerId, null);
    const why = new Map(rejected.map((r) => [r.id, r]));
    assert.deepEqual([...why.keys()].sort(), ['10', '4', '6', '7']);
    assert.equal(why.get('4')!.field, 'lat');
    assert.match(why.get('4')!.reason, /expected a number, got the string "abc" \(HubSpot property latitude\)/);
    assert.equal(why.get('4')!.index, 3);
    assert.equal(why.get('6')!.field, 'employees');
    assert.match(why.get('6')!.reason, /HubSpot property numberofemployees/);
    assert.equal(why.get('7')!.field, 'lat');
    assert.match(why.get('7')!.reason, /at most 90.*HubSpot property latitude/);
    assert.equal(why.get('10')!.field, 'lng');
    assert.match(why.get('10')!.reason, /"0x10"/);
  });

  it('loads owners as reps, archived ones inactive', async () => {
    const { reps } = await adapter.load();
    assert.equal(reps.length, 6);
    const r = new Map(reps.map((x) => [x.id, x]));
    assert.equal(r.get('101')!.name, 'Rep 1');
    assert.equal(r.get('101')!.email, 'rep1@example.com');
    assert.equal(r.get('101')!.active, true);
    assert.equal(r.get('103')!.active, false);
    assert.equal(r.get('106')!.active, false);
  });

  it('stops on abort with CrmLoadError ABORTED', async () => {
    const controller = new AbortController();
    const before = emu.count('GET', '/crm/v3/objects/companies');
    await assert.rejects(
      adapter.load({ signal: controller.signal, onProgress: (p) => p.phase === 'accounts' && controller.abort() }),
      (e: unknown) => e instanceof CrmLoadError && e.code === 'ABORTED',
    );
    assert.equal(emu.count('GET', '/crm/v3/objects/companies') - before, 1);
  });

  it('loads without a total when the count fails or is switched off', async () => {
    emu.inject({ kind: 'status', path: '/crm/v3/objects/companies/search', status: 404 });
    const totals: (number | undefined)[] = [];
    const { accounts } = await adapter.load({ onProgress: (p) => void (p.phase === 'accounts' && totals.push(p.total)) });
    assert.equal(accounts.length, 247); // 4 rejected; a bad optional field costs only that field (issue #13)
    assert.ok(totals.every((t) => t === undefined));
    const quiet = createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: emu.url, countTotal: false });
    const searches = emu.count('POST', '/crm/v3/objects/companies/search');
    await quiet.load();
    assert.equal(emu.count('POST', '/crm/v3/objects/companies/search'), searches);
  });
});

describe('HubSpot adapter: load errors', () => {
  it('rejects structurally malformed records and keeps loading', async () => {
    const owners = makeOwners(2);
    const malformed = [null, { id: null, properties: {} }, { id: '900', properties: null }, { id: '901', properties: { name: 'x'.repeat(300) } }];
    const { emu, adapter } = await setup({ companies: makeCompanies(5, owners), owners, malformed });
    const { accounts, rejected } = await adapter.load();
    assert.equal(accounts.length, 5);
    assert.deepEqual(rejected.map((r) => [r.index, r.id ?? null, r.field]), [[0, null, ''], [1, null, 'id'], [2, '900', 'properties'], [3, '901', 'name']]);
    assert.match(rejected[3].reason, /too long.*HubSpot property name/);
    await emu.close();
  });

  it('retries a 503 page, then fails with the category after the retries run out', async () => {
    const owners = makeOwners(2);
    const { emu, adapter } = await setup({ companies: makeCompanies(150, owners), owners });
    try {
      emu.inject({ kind: 'status', method: 'GET', path: '/crm/v3/objects/companies', skip: 1, status: 503, times: 2 });
      const { accounts } = await adapter.load();
      assert.equal(accounts.length, 150);
      emu.inject({ kind: 'status', method: 'GET', path: '/crm/v3/objects/companies', status: 503, times: 50 });
      await assert.rejects(adapter.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'INTERNAL_ERROR');
    } finally {
      }
  });

  it('rides out the rolling-window rate limit (429 RATE_LIMITS + Retry-After) and loads everything', async () => {
    const owners = makeOwners(2);
    let clock = 0; // shared fake time: only the adapter's waiting moves it
    const emu = await startHubSpotEmulator({ companies: makeCompanies(1000, owners), owners, rateLimit: { max: 4, windowMs: 1000, retryAfterSeconds: 1, now: () => clock } });
    opened.push(emu);
    const waits: number[] = [];
    const adapter = createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: emu.url, countTotal: false, retry: { retries: 5, now: () => clock, sleep: async (ms: number) => void (waits.push(ms), (clock += ms)) } });
    const { accounts } = await adapter.load();
    assert.equal(accounts.length, 1000);
    // 2 owner pages + 10 company pages (the count is switched off), 4 per window: the 5th and 9th requests hit the limit once each
    assert.deepEqual(emu.requests.map((r) => r.status), [200, 200, 200, 200, 429, 200, 200, 200, 200, 429, 200, 200, 200, 200]);
    assert.deepEqual(waits, [1000, 1000]);
  });

  it('reports 401 without retrying', async () => {
    const { emu, adapter } = await setup({ companies: [], owners: [], token: 'secret' });
    try {
      await assert.rejects(adapter.load(), (e: unknown) => e instanceof CrmLoadError && e.code === 'INVALID_AUTHENTICATION');
      assert.equal(emu.requests.length, 1);
    } finally {
      }
  });
});

describe('HubSpot adapter: save', () => {
  const owners = makeOwners(4);
  async function loaded(n: number, emuOptions: HubSpotEmulatorOptions = {}, adapterOptions: Partial<HubSpotAdapterOptions> = {}) {
    const s = await setup({ companies: makeCompanies(n, owners), owners, ...emuOptions }, adapterOptions);
    const { accounts } = await s.adapter.load();
    const before = snapshot(s.emu);
    const rotate = (ids: string[]): Change[] =>
      ids.map((id) => {
        const from = accounts.find((a) => a.id === id)!.ownerId;
        const to = owners[(owners.findIndex((o) => o.id === from) + 1) % owners.length].id;
        return { accountId: id, from, to };
      });
    return { ...s, accounts, before, rotate };
  }

  it('writes in batches of ≤ 100 after a batch/read, each change exactly once', async () => {
    const { emu, adapter, before, rotate } = await loaded(300);
    const changes = rotate(Array.from({ length: 250 }, (_, i) => String(i + 1)));
    const progress: number[] = [];
    const outcomes = await adapter.save(changes, { onProgress: (p) => progress.push(p.done) });
    assert.deepEqual(outcomes.map((o) => o.accountId), changes.map((c) => c.accountId));
    assert.ok(outcomes.every((o) => o.status === 'saved'));
    assert.equal(emu.count('POST', '/crm/v3/objects/companies/batch/update'), 3);
    assert.equal(emu.count('POST', '/crm/v3/objects/companies/batch/read'), 3);
    assert.deepEqual(progress, [100, 200, 250]);
    assertExactly(emu, before, changes, outcomes.map((o) => o.status));
    // the new lastModified was remembered: saving the account again is no conflict
    const again = await adapter.save([{ accountId: '1', from: changes[0].to, to: changes[0].from }]);
    assert.equal(again[0].status, 'saved');
  });

  it('unassigns with an empty owner and accepts from === to without writing', async () => {
    const { emu, adapter, accounts } = await loaded(3);
    const outcomes = await adapter.save([
      { accountId: '1', from: accounts[0].ownerId, to: null },
      { accountId: '2', from: accounts[1].ownerId, to: accounts[1].ownerId },
    ]);
    assert.deepEqual(outcomes.map((o) => o.status), ['saved', 'saved']);
    assert.equal(emu.ownerOf('1'), null);
    assert.equal(emu.writes.get('2'), undefined);
  });

  it('reports records changed since load as conflicts and does not write them', async () => {
    const { emu, adapter, before, rotate } = await loaded(10);
    const changes = rotate(['1', '2', '3', '4']);
    emu.touch('2', { name: 'Renamed' });
    const third = owners.find((o) => o.id !== changes[2].from && o.id !== changes[2].to)!.id;
    emu.touch('3', { hubspot_owner_id: third });
    before.set('3', emu.ownerOf('3'));
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => o.status), ['saved', 'conflict', 'conflict', 'saved']);
    assert.equal(outcomes[1].code, 'STALE');
    assert.equal(outcomes[2].code, 'OWNER_CHANGED');
    assertExactly(emu, before, changes, outcomes.map((o) => o.status));
  });

  it('settles a 207 Multi-Status per record', async () => {
    const { emu, adapter, before, rotate } = await loaded(10);
    const changes = rotate(['1', '2', '3']);
    changes[1] = { ...changes[1], to: '999999' }; // no such owner
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => o.status), ['saved', 'failed', 'saved']);
    assert.equal(outcomes[1].code, 'VALIDATION_ERROR');
    assert.match(outcomes[1].message!, /owner/);
    assertExactly(emu, before, changes, outcomes.map((o) => o.status));
  });

  it('isolates a bad record when HubSpot rejects the whole batch with 400', async () => {
    const { emu, adapter, before, rotate } = await loaded(10, { validation: '400' });
    const changes = rotate(['1', '2', '3', '4', '5', '6', '7', '8']);
    changes[5] = { ...changes[5], to: '999999' };
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => o.status), ['saved', 'saved', 'saved', 'saved', 'saved', 'failed', 'saved', 'saved']);
    assert.equal(outcomes[5].code, 'VALIDATION_ERROR');
    assertExactly(emu, before, changes, outcomes.map((o) => o.status));
  });

  it('waits as long as Retry-After says on 429, then writes once', async () => {
    const delays: number[] = [];
    const { emu, adapter, before, rotate } = await loaded(10, {}, { retry: fastRetry(delays) });
    emu.inject({ kind: 'status', method: 'POST', path: '/crm/v3/objects/companies/batch/update', status: 429, headers: { 'retry-after': '2' }, times: 2 });
    const changes = rotate(['1', '2']);
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => o.status), ['saved', 'saved']);
    assert.deepEqual(delays, [2000, 2000]);
    assert.equal(emu.count('POST', '/crm/v3/objects/companies/batch/update'), 3);
    assertExactly(emu, before, changes, outcomes.map((o) => o.status));
  });

  it('backs off with jitter on 429 without Retry-After, capped', async () => {
    const delays: number[] = [];
    const { emu, adapter, rotate } = await loaded(5, {}, { retry: fastRetry(delays, { random: () => 0.999 }) });
    emu.inject({ kind: 'status', method: 'POST', path: '/crm/v3/objects/companies/batch/update', status: 429, times: 4 });
    const outcomes = await adapter.save(rotate(['1']));
    assert.equal(outcomes[0].status, 'saved');
    assert.equal(delays.length, 4);
    assert.ok(delays[0] < 100 && delays[1] < 200 && delays[2] < 400 && delays[3] <= 1000 && delays[3] > 700, String(delays));
  });

  it('gives up on endless 5xx within the retry bound: failed, not saved, nothing written', async () => {
    const delays: number[] = [];
    const { emu, adapter, before, rotate } = await loaded(5, {}, { retry: fastRetry(delays, { retries: 3 }) });
    emu.inject({ kind: 'status', method: 'POST', path: '/crm/v3/objects/companies/batch/update', status: 503, times: 1000 });
    const changes = rotate(['1', '2']);
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => o.status), ['failed', 'failed']);
    assert.equal(outcomes[0].code, 'INTERNAL_ERROR');
    assert.equal(emu.count('POST', '/crm/v3/objects/companies/batch/update'), 4);
    assertExactly(emu, before, changes, outcomes.map((o) => o.status));
  });

  it('gives up when the deadline would pass', async () => {
    let clock = 0;
    const { emu, adapter, rotate } = await loaded(5, {}, { retry: { retries: 100, deadlineMs: 10_000, now: () => clock, sleep: async (ms: number) => void (clock += ms) } });
    emu.inject({ kind: 'status', method: 'POST', path: '/crm/v3/objects/companies/batch/update', status: 500, times: 1000 });
    const outcomes = await adapter.save(rotate(['1']));
    assert.equal(outcomes[0].status, 'failed');
    assert.ok(clock <= 10_000);
    assert.ok(emu.count('POST', '/crm/v3/objects/companies/batch/update') < 100);
  });

  it('after an ambiguous 502 (written, answer lost) re-reads and reports saved without writing again', async () => {
    const { emu, adapter, before, rotate } = await loaded(10);
    emu.inject({ kind: 'apply-then-status', method: 'POST', path: '/crm/v3/objects/companies/batch/update', status: 502 });
    const changes = rotate(['1', '2', '3']);
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => o.status), ['saved', 'saved', 'saved']);
    assert.equal(emu.count('POST', '/crm/v3/objects/companies/batch/update'), 1);
    assertExactly(emu, before, changes, outcomes.map((o) => o.status));
  });

  it('after a connection reset mid-batch re-sends only what was not applied', async () => {
    const { emu, adapter, before, rotate } = await loaded(20);
    emu.inject({ kind: 'apply-then-reset', method: 'POST', path: '/crm/v3/objects/companies/batch/update', applyFirst: 4 });
    const changes = rotate(Array.from({ length: 10 }, (_, i) => String(i + 1)));
    const outcomes = await adapter.save(changes);
    assert.ok(outcomes.every((o) => o.status === 'saved'));
    assert.deepEqual(emu.requests.filter((r) => r.path.endsWith('batch/update')).map((r) => r.status), [0, 200]);
    assertExactly(emu, before, changes, outcomes.map((o) => o.status));
  });

  it('reports a record someone else changed during an ambiguous failure as a conflict', async () => {
    const { emu, adapter, before, rotate } = await loaded(10);
    emu.inject({ kind: 'status', method: 'POST', path: '/crm/v3/objects/companies/batch/update', status: 500 });
    emu.inject({ kind: 'hook', method: 'POST', path: '/crm/v3/objects/companies/batch/read', skip: 1, run: () => emu.touch('2', { name: 'x' }) });
    const changes = rotate(['1', '2']);
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => o.status), ['saved', 'conflict']);
    assert.equal(outcomes[1].code, 'CHANGED_DURING_SAVE');
    assertExactly(emu, before, changes, outcomes.map((o) => o.status));
  });

  it('never reports saved when the network is down; says the outcome is unknown after an ambiguous failure', async () => {
    const { emu, adapter, before, rotate } = await loaded(5, {}, { retry: fastRetry([], { retries: 2 }) });
    emu.inject({ kind: 'apply-then-reset', method: 'POST', path: '/crm/v3/objects/companies/batch/update' });
    emu.inject({ kind: 'reset', method: 'POST', path: '/crm/v3/objects/companies/batch/read', skip: 1, times: 1000 });
    const changes = rotate(['1']);
    const outcomes = await adapter.save(changes);
    assert.equal(outcomes[0].status, 'failed');
    assert.equal(outcomes[0].code, 'UNKNOWN_OUTCOME');
    assert.equal(emu.writes.get('1'), 1); // it did land; the adapter did not claim it
    assert.equal(emu.ownerOf('2'), before.get('2'));
  });

  it('stops at abort: later batches fail ABORTED and are not written', async () => {
    const { emu, adapter, before, rotate } = await loaded(300);
    const controller = new AbortController();
    const changes = rotate(Array.from({ length: 300 }, (_, i) => String(i + 1)));
    const outcomes = await adapter.save(changes, { signal: controller.signal, onProgress: () => controller.abort() });
    assert.equal(outcomes.filter((o) => o.status === 'saved').length, 100);
    assert.ok(outcomes.slice(100).every((o) => o.status === 'failed' && o.code === 'ABORTED'));
    assertExactly(emu, before, changes, outcomes.map((o) => o.status));
  });

  it('fails invalid, duplicate and unknown records without sending them', async () => {
    const { emu, adapter, before, rotate } = await loaded(5);
    const [c1] = rotate(['1']);
    const changes = [c1, { ...c1, to: null }, { accountId: '', from: null, to: '101' }, { accountId: '777', from: null, to: '101' }];
    const outcomes = await adapter.save(changes);
    assert.deepEqual(outcomes.map((o) => [o.status, o.code ?? '']), [['saved', ''], ['failed', 'DUPLICATE'], ['failed', 'INVALID'], ['failed', 'NOT_FOUND']]);
    assertExactly(emu, before, changes, outcomes.map((o) => o.status));
  });

  it('a read-only adapter fails every change without a request', async () => {
    const { emu, adapter, rotate } = await loaded(3, {}, { canWrite: false });
    const n = emu.requests.length;
    const outcomes = await adapter.save(rotate(['1']));
    assert.equal(outcomes[0].code, 'READ_ONLY');
    assert.equal(emu.requests.length, n);
    assert.equal((await adapter.capabilities()).canWrite, false);
  });
});

describe('parseRetryAfter (shared/http.ts)', async () => {
  const { parseRetryAfter } = await import('../../src/adapters/shared/http.js');
  it('reads delta-seconds and HTTP dates, ignores junk', () => {
    assert.equal(parseRetryAfter('2'), 2000);
    assert.equal(parseRetryAfter(' 0.5 '), 500);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')), 60_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 08:00:00 GMT')), 0);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter(''), undefined);
  });
});
