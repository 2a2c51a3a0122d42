// Issue #14 "earned vs owned": closed HubSpot deals are credited to the deal owner at closedate, from the
// hubspot_owner_id history (batch read with propertiesWithHistory), with a notice when HubSpot refuses it.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHubSpotAdapter, type HubSpotAdapterOptions } from '../../src/adapters/hubspot/index.js';
import { ownerFromHistory } from '../../src/adapters/hubspot/deal-owner-history.js';
import { startHubSpotEmulator, type EmuDeal, type HubSpotEmulator, type HubSpotEmulatorOptions } from '../emulators/hubspot/server.js';
import { makeCompanies, makeDeals, makeOwners } from '../emulators/hubspot/fixture.js';
import { createPlanState } from '../../src/store/create-plan-state.js';
import { loadStarted, loadSucceeded } from '../../src/store/load.js';
import { assign } from '../../src/store/edit.js';
import { planEvaluation } from '../../src/store/selectors.js';
import { performanceRows } from '../../widgets/performance-board/performance-rows.js';
import { loadNoticeText } from '../../widgets/territory-provider/load-notice.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHubSpotProxy } from '../../demo/hubspot/proxy/server.mjs';

const opened: HubSpotEmulator[] = [];
after(() => Promise.all(opened.map((e) => e.close())));

const fastRetry = () => ({ retries: 2, baseMs: 1, capMs: 5, deadlineMs: 10_000 });
const BATCH_READ = '/crm/v3/objects/deals/batch/read';
const DAY = 86_400_000;

async function setup(emuOptions: HubSpotEmulatorOptions, adapterOptions: Partial<HubSpotAdapterOptions> = {}) {
  const emu = await startHubSpotEmulator(emuOptions);
  opened.push(emu);
  const adapter = createHubSpotAdapter({ fetch: (url, init) => fetch(url, init), baseUrl: emu.url, retry: fastRetry(), deals: true, ...adapterOptions });
  return { emu, adapter };
}

const owners = makeOwners(3);
const [wen, zoe, priya] = owners.map((o) => o.id);

/** One company of Wen's with an open, a won and a lost deal closed 30 days ago (makeDeals). */
function wensDeals(): { companies: ReturnType<typeof makeCompanies>; deals: EmuDeal[] } {
  const companies = makeCompanies(1, owners); // company "1", owned by Wen (101)
  return { companies, deals: makeDeals(companies, owners) }; // "1-0" open, "1-1" won, "1-2" lost
}

describe('HubSpot deal owner at close', () => {
  it('credits a deal reassigned after it closed to the owner at closedate; open deals stay with today\'s owner', async () => {
    const { companies, deals } = wensDeals();
    // a won deal Zoe handed to Wen ten days before it closed: Wen's, and no history read is needed for it
    deals.push({ id: 'handed', companies: ['1'], properties: { amount: '4000', closedate: new Date(Date.now() - 30 * DAY).toISOString(), hs_is_closed_won: 'true', hs_is_closed: 'true', hubspot_owner_id: wen }, ownerHistory: [{ value: zoe, timestamp: '2024-01-01T00:00:00Z' }, { value: wen, timestamp: new Date(Date.now() - 40 * DAY).toISOString() }] });
    const { emu, adapter } = await setup({ companies, owners, deals });
    emu.reassignDeal('1-1', zoe);
    emu.reassignDeal('1-2', zoe);
    emu.reassignDeal('1-0', zoe);
    const { opportunities, notices } = await adapter.load();
    assert.equal(notices, undefined, JSON.stringify(notices));
    const owner = new Map(opportunities!.map((o) => [o.id, o.ownerId]));
    assert.equal(owner.get('1-1'), wen, 'closed-won credited to Wen, who owned it at close (Zoe owns it today)');
    assert.equal(owner.get('1-2'), wen, 'closed-lost too (win rate)');
    assert.equal(owner.get('1-0'), zoe, 'an open deal is the current owner\'s pipeline');
    assert.equal(owner.get('handed'), wen, 'a change before the close does not move the credit');
    assert.equal(emu.count('POST', BATCH_READ), 1, 'one history read, for the deals reassigned since they closed');
  });

  it('two changes after the close: the owner before the first; an owner removed before the close credits nobody', async () => {
    const { companies, deals } = wensDeals();
    const { emu, adapter } = await setup({ companies, owners, deals });
    emu.reassignDeal('1-1', zoe, new Date(Date.now() - 20 * DAY).toISOString());
    emu.reassignDeal('1-1', priya, new Date(Date.now() - 10 * DAY).toISOString());
    emu.reassignDeal('1-2', '', new Date(Date.now() - 40 * DAY).toISOString());
    emu.reassignDeal('1-2', priya);
    const { opportunities } = await adapter.load();
    assert.equal(opportunities!.find((o) => o.id === '1-1')!.ownerId, wen);
    assert.equal(opportunities!.find((o) => o.id === '1-2')!.ownerId, null);
  });

  it('reads the history 50 deals at a time (HubSpot\'s limit with propertiesWithHistory)', async () => {
    const companies = makeCompanies(60, owners);
    const deals = makeDeals(companies, owners);
    const { emu, adapter } = await setup({ companies, owners, deals });
    const closed = deals.filter((d) => d.properties.hs_is_closed === 'true');
    for (const d of closed) emu.reassignDeal(d.id, priya === d.properties.hubspot_owner_id ? zoe : priya);
    const { opportunities, notices } = await adapter.load();
    assert.equal(notices, undefined, JSON.stringify(notices));
    assert.equal(emu.count('POST', BATCH_READ), Math.ceil(closed.length / 50), `${closed.length} closed deals in batches of 50`);
    for (const d of closed) assert.equal(opportunities!.find((o) => o.id === d.id)!.ownerId, d.properties.hubspot_owner_id, `deal ${d.id}`);
  });

  for (const [status, category] of [[403, 'MISSING_SCOPES'], [400, 'VALIDATION_ERROR']] as const) {
    it(`HubSpot refuses the history read (${status}): today's owners, and a notice`, async () => {
      const { companies, deals } = wensDeals();
      const { emu, adapter } = await setup({ companies, owners, deals });
      emu.reassignDeal('1-1', zoe);
      emu.inject({ method: 'POST', path: BATCH_READ, kind: 'status', status, body: { status: 'error', category, message: 'refused by the test' } });
      const { accounts, opportunities, notices } = await adapter.load();
      assert.equal(accounts.length, 1, 'the load succeeds');
      assert.equal(opportunities!.find((o) => o.id === '1-1')!.ownerId, zoe, 'degraded: credited to the current owner');
      assert.deepEqual(notices?.map((n) => [n.code, n.topic, n.field]), [[category, 'owner-history-unavailable', 'hubspot_owner_id']]);
      assert.match(notices![0].message, new RegExp(`credited to their current owner.*HTTP ${status}: refused by the test`));
      assert.equal(notices![0].detail, `HTTP ${status}: refused by the test`);
      assert.equal(loadNoticeText(null, notices![0]), notices![0].message, 'the provider words it; in English word for word the adapter\'s message');
    });
  }

  it('a history read that keeps failing (503) fails the load, as any read does', async () => {
    const { companies, deals } = wensDeals();
    const { emu, adapter } = await setup({ companies, owners, deals });
    emu.reassignDeal('1-1', zoe);
    emu.inject({ method: 'POST', path: BATCH_READ, kind: 'status', status: 503, times: 10 });
    await assert.rejects(adapter.load(), (e: Error & { code?: string }) => /deal owner history failed with HTTP 503/.test(e.message));
  });

  it('works through the example proxy (demo/hubspot/proxy), which forwards the history read', async () => {
    const { companies, deals } = wensDeals();
    const emu = await startHubSpotEmulator({ companies, owners, deals, token: 'pat-secret' });
    opened.push(emu);
    emu.reassignDeal('1-1', zoe);
    const handler = createHubSpotProxy({ token: 'pat-secret', upstream: emu.url, allowOrigin: 'https://app.example', authorize: () => true, log: () => {} });
    const proxy = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const adapter = createHubSpotAdapter({ fetch: (url, init) => fetch(url, init), baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, retry: fastRetry(), deals: true });
      const { opportunities, notices } = await adapter.load();
      assert.equal(notices, undefined, JSON.stringify(notices));
      assert.equal(opportunities!.find((o) => o.id === '1-1')!.ownerId, wen);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('the performance board shows Wen\'s closed-won under Wen after the deal and the company moved to Zoe', async () => {
    const { companies, deals } = wensDeals();
    const { emu, adapter } = await setup({ companies, owners, deals });
    emu.reassignDeal('1-1', zoe);
    let state = loadSucceeded(loadStarted(createPlanState()), await adapter.load(), await adapter.capabilities());
    state = assign(state, ['1'], zoe);
    const rows = performanceRows(state.accounts, state.reps, state.territories, state.working, planEvaluation(state), 'rep', { current: state.current, opportunities: state.opportunities });
    const by = new Map(rows.map((r) => [r.id, r]));
    assert.equal(by.get(wen)!.closedWon, 2000, 'the won deal (2,000) stays with Wen');
    assert.equal(by.get(zoe)!.closedWon, 0);
    assert.equal(by.get(zoe)!.accounts, 1, 'the book follows the plan');
  });
});

describe('ownerFromHistory', () => {
  const close = '2026-06-15T00:00:00.000Z';
  it('the last value up to the end of the close day (UTC); later changes and bad entries are ignored', () => {
    const history = [
      { value: '103', timestamp: '2026-09-01T00:00:00Z' },
      { value: '102', timestamp: '2026-06-15T18:00:00Z' },
      { value: '101', timestamp: String(Date.UTC(2026, 0, 5)) },
      { value: '999', timestamp: 'not a date' },
      null,
    ];
    assert.equal(ownerFromHistory(history, close), '102');
    assert.equal(ownerFromHistory(history, String(Date.UTC(2026, 2, 1))), '101', 'closedate in epoch ms');
    assert.equal(ownerFromHistory([{ value: '', timestamp: '2026-01-01T00:00:00Z' }], close), null, 'no owner at close');
    assert.equal(ownerFromHistory([{ value: '103', timestamp: '2026-09-01T00:00:00Z' }], close), undefined, 'nothing known before the close');
    assert.equal(ownerFromHistory(undefined, close), undefined);
  });
});
