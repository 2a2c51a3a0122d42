import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHubSpotAdapter, type HubSpotAdapterOptions } from '../../src/adapters/hubspot/index.js';
import { startHubSpotEmulator, type EmuGoalTarget, type HubSpotEmulator, type HubSpotEmulatorOptions } from '../emulators/hubspot/server.js';
import { makeCompanies, makeOwners } from '../emulators/hubspot/fixture.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHubSpotProxy } from '../../demo/hubspot/proxy/server.mjs';
import { DEMO_GOAL, startEmulatedHubSpot } from '../../demo/hubspot/page/emulated-hubspot.js';
import { installFakeClock, settleWithin, until } from '../helpers/fake-clock.js';

const opened: HubSpotEmulator[] = [];
after(() => Promise.all(opened.map((e) => e.close())));

const GOAL = 'Revenue 2027';
const UPDATE = '/crm/objects/2026-03/goal_targets/batch/update';
const SEARCH = '/crm/objects/2026-03/goal_targets/search';
const owners = makeOwners(3);
const fastRetry = () => ({ retries: 2, baseMs: 1, capMs: 5, deadlineMs: 5_000 });

/** A monthly target of the goal: owner, first day (UTC midnight, as HubSpot stores datetimes), amount. */
function target(id: string, owner: string, day: string, amount: string, extra: Partial<EmuGoalTarget> = {}): EmuGoalTarget {
  const start = `${day}T00:00:00.000Z`;
  return { id, properties: { hs_goal_name: GOAL, hubspot_owner_id: owner, hs_start_datetime: start, hs_end_datetime: start.replace(/-01T/, '-28T'), hs_target_amount: amount }, ...extra };
}

async function setup(emu: HubSpotEmulatorOptions, adapter: Partial<HubSpotAdapterOptions> = { goals: { name: GOAL, write: true } }) {
  const e = await startHubSpotEmulator({ companies: makeCompanies(6, owners), owners, ...emu });
  opened.push(e);
  return { emu: e, adapter: createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: e.url, retry: fastRetry(), ...adapter }) };
}

const targets = () => [
  target('g1', '101', '2027-01-01', '90000'),
  target('g2', '102', '2027-01-01', '80000'),
  target('g3', '101', '2027-02-01', '95000'),
  target('other', '103', '2027-01-01', '1', { properties: { hs_goal_name: 'Calls made', hubspot_owner_id: '103', hs_start_datetime: '2027-01-01T00:00:00Z', hs_target_amount: '1' } }),
  target('team', '', '2027-01-01', '500000'),
];

describe('HubSpot goal targets as quotas', () => {
  it('loads the goal\'s targets as quotas (one per owner and period start), leaves other goals and team targets out, and refuses bad amounts naming the property', async () => {
    const list = [...targets(), target('bad', '102', '2027-02-01', '12.5')];
    const { adapter } = await setup({ goalTargets: list });
    const result = await adapter.load();
    const quotas = [...(result.quotas ?? [])].sort((a, b) => `${a.repId}${a.period}`.localeCompare(`${b.repId}${b.period}`));
    assert.deepEqual(quotas, [
      { repId: '101', period: '2027-01-01', amount: 90000 },
      { repId: '101', period: '2027-02-01', amount: 95000 },
      { repId: '102', period: '2027-01-01', amount: 80000 },
    ]);
    const refused = result.notices?.find((n) => n.code === 'GOAL_TARGET_REFUSED');
    assert.equal(refused?.field, 'hs_target_amount');
    assert.match(refused!.message, /bad.*hs_target_amount.*"12\.5"/);
    assert.equal((await adapter.capabilities()).canWriteQuotas, true);
  });

  it('reads start dates in the portal time zone', async () => {
    // midnight 1 Jan in Tokyo is 31 Dec 15:00 UTC
    const { adapter } = await setup({ goalTargets: [{ id: 't', properties: { hs_goal_name: GOAL, hubspot_owner_id: '101', hs_start_datetime: '2026-12-31T15:00:00.000Z', hs_target_amount: '7' } }] }, { goals: { name: GOAL, timeZone: 'Asia/Tokyo' } });
    assert.deepEqual((await adapter.load()).quotas, [{ repId: '101', period: '2027-01-01', amount: 7 }]);
  });

  it('without goals.write it loads but does not write (canWriteQuotas false, READ_ONLY)', async () => {
    const { emu, adapter } = await setup({ goalTargets: targets() }, { goals: { name: GOAL } });
    await adapter.load();
    assert.equal((await adapter.capabilities()).canWriteQuotas, false);
    const [o] = await adapter.saveQuotas!([{ repId: '101', period: '2027-01-01', from: 90000, to: 1 }]);
    assert.equal(o.code, 'READ_ONLY');
    assert.equal(emu.count('POST', UPDATE), 0);
  });

  it('updates a target\'s hs_target_amount; the same amount again is saved without writing', async () => {
    const { emu, adapter } = await setup({ goalTargets: targets() });
    await adapter.load();
    const out = await adapter.saveQuotas!([{ repId: '101', period: '2027-01-01', from: 90000, to: 120000 }, { repId: '102', period: '2027-01-01', from: 80000, to: 80000 }]);
    assert.deepEqual(out.map((o) => o.status), ['saved', 'saved']);
    assert.equal(emu.goalTargets.get('g1')!.properties.hs_target_amount, '120000');
    assert.equal(emu.writes.get('goal:g2'), undefined, 'an unchanged amount is not written');
    const again = await adapter.saveQuotas!([{ repId: '101', period: '2027-01-01', from: 90000, to: 120000 }]);
    assert.equal(again[0].status, 'saved');
    assert.equal(emu.writes.get('goal:g1'), 1, 'saving twice writes once');
  });

  it('is a conflict when the amount changed in HubSpot since load, naming both amounts', async () => {
    const { emu, adapter } = await setup({ goalTargets: targets() });
    await adapter.load();
    emu.goalTargets.get('g1')!.properties.hs_target_amount = '91000';
    const [o] = await adapter.saveQuotas!([{ repId: '101', period: '2027-01-01', from: 90000, to: 120000 }]);
    assert.equal(o.status, 'conflict');
    assert.equal(o.code, 'STALE');
    assert.match(o.message!, /Rep 1 \(101\).*2027-01-01.*now 91000.*90000 when the plan was loaded/);
    assert.equal(emu.goalTargets.get('g1')!.properties.hs_target_amount, '91000');
  });

  it('does not create or delete targets: a period without a target and a removal fail naming rep, period and field', async () => {
    const { emu, adapter } = await setup({ goalTargets: targets() });
    await adapter.load();
    const [create, remove] = await adapter.saveQuotas!([{ repId: '102', period: '2027-03-01', from: null, to: 5000 }, { repId: '101', period: '2027-02-01', from: 95000, to: null }]);
    assert.equal(create.code, 'NO_GOAL_TARGET');
    assert.match(create.message!, /Rep 2 \(102\) for the period starting 2027-03-01: field hs_goal_target_group_id/);
    assert.equal(remove.code, 'NOT_SUPPORTED');
    assert.match(remove.message!, /field hs_target_amount/);
    assert.equal(emu.count('POST', UPDATE), 0);
  });

  it('a value HubSpot refuses fails that quota only, naming the field and HubSpot\'s message', async () => {
    const list = targets();
    list[1] = { ...list[1], refuse: 'Property values were not valid: hs_target_amount is locked for this period' };
    const { adapter } = await setup({ goalTargets: list });
    await adapter.load();
    const out = await adapter.saveQuotas!([{ repId: '101', period: '2027-01-01', from: 90000, to: 1 }, { repId: '102', period: '2027-01-01', from: 80000, to: 2 }]);
    assert.equal(out[0].status, 'saved');
    assert.equal(out[1].status, 'failed');
    assert.equal(out[1].code, 'VALIDATION_ERROR');
    assert.match(out[1].message!, /Rep 2 \(102\) for the period starting 2027-01-01: field hs_target_amount: .*locked/);
  });

  it('a 403 on write (no crm.objects.goals.write) fails naming the scope, turns canWriteQuotas false and the next load carries a notice', async () => {
    const { adapter } = await setup({ goalTargets: targets(), goalScopes: { read: true, write: false } });
    await adapter.load();
    assert.equal((await adapter.capabilities()).canWriteQuotas, true, 'the write scope cannot be seen before a write');
    const [o] = await adapter.saveQuotas!([{ repId: '101', period: '2027-01-01', from: 90000, to: 1 }]);
    assert.equal(o.code, 'MISSING_SCOPES');
    assert.match(o.message!, /field hs_target_amount.*crm\.objects\.goals\.write/);
    assert.equal((await adapter.capabilities()).canWriteQuotas, false);
    const again = await adapter.load();
    assert.ok(again.notices?.some((n) => n.code === 'GOALS_WRITE_SCOPE'));
  });

  it('a 403 on read (no crm.objects.goals.read): no quotas, canWriteQuotas false, a notice naming the scope', async () => {
    const { adapter } = await setup({ goalTargets: targets(), goalScopes: { read: false } });
    assert.equal((await adapter.capabilities()).canWriteQuotas, false);
    const result = await adapter.load();
    assert.equal(result.quotas, undefined);
    const notice = result.notices?.find((n) => n.code === 'GOALS_SCOPE');
    assert.match(notice!.message, /crm\.objects\.goals\.read/);
    assert.equal(result.accounts.length, 6, 'the rest of the load is unaffected');
  });

  it('a lost answer is re-read: saved when HubSpot holds the amount, never reported saved otherwise', async () => {
    const { emu, adapter } = await setup({ goalTargets: targets() }, { goals: { name: GOAL, write: true }, requestTimeoutMs: 2000 });
    await adapter.load();
    emu.inject({ method: 'POST', path: UPDATE, kind: 'apply-then-reset' });
    const [applied] = await adapter.saveQuotas!([{ repId: '101', period: '2027-01-01', from: 90000, to: 100 }]);
    assert.equal(applied.status, 'saved');
    emu.inject({ method: 'POST', path: UPDATE, kind: 'reset' });
    const [lost] = await adapter.saveQuotas!([{ repId: '102', period: '2027-01-01', from: 80000, to: 200 }]);
    assert.equal(lost.status, 'failed');
    assert.match(lost.message!, /not written/);
    assert.equal(emu.goalTargets.get('g2')!.properties.hs_target_amount, '80000');
  });

  // These two run on a fake clock: the 200 ms request timeout cannot fire during the set-up load on a
  // busy machine, and the save's bound is checked exactly (time moves only once the request hangs).
  const hung = (emu: HubSpotEmulator, path: string) => emu.requests.some((r) => r.path === path && r.status === 0);

  it('ends by the save deadline when HubSpot hangs', async () => {
    const clock = installFakeClock();
    try {
      const { emu, adapter } = await setup({ goalTargets: targets() }, { goals: { name: GOAL, write: true }, saveDeadlineMs: 300, requestTimeoutMs: 200 });
      await adapter.load();
      emu.inject({ method: 'POST', path: UPDATE, kind: 'hang', times: 5 });
      emu.inject({ method: 'POST', path: SEARCH, kind: 'hang', times: 5 });
      const saving = adapter.saveQuotas!([{ repId: '101', period: '2027-01-01', from: 90000, to: 1 }]);
      await until(clock, () => hung(emu, SEARCH), 'the read before the write hangs');
      const { value: [o] } = await settleWithin(clock, saving, 300 + 200);
      assert.equal(o.status, 'failed');
      assert.equal(o.code, 'TIMEOUT', o.message);
      assert.match(o.message!, /not written/);
      assert.equal(emu.count('POST', UPDATE), 0, 'the write was never sent');
    } finally {
      clock.uninstall();
    }
  });

  it('a write that hangs ends failed within the deadline and is never reported saved', async () => {
    const clock = installFakeClock();
    try {
      const { emu, adapter } = await setup({ goalTargets: targets() }, { goals: { name: GOAL, write: true }, saveDeadlineMs: 2000, requestTimeoutMs: 200 });
      await adapter.load();
      emu.inject({ method: 'POST', path: UPDATE, kind: 'hang', times: 5 });
      const saving = adapter.saveQuotas!([{ repId: '101', period: '2027-01-01', from: 90000, to: 1 }]);
      await until(clock, () => hung(emu, UPDATE), 'the write hangs');
      const reads = emu.count('POST', SEARCH);
      await clock.tickAsync(200); // the write's request timeout: the adapter re-reads what HubSpot holds
      await until(clock, () => emu.requests.filter((r) => r.path === SEARCH && r.status === 200).length > reads, 'the re-read answered');
      const { value: [o] } = await settleWithin(clock, saving, 2000 - 200 + 200);
      assert.equal(o.status, 'failed');
      assert.match(o.message!, /field hs_target_amount: not written/, 'the re-read showed the old amount');
      assert.equal(emu.goalTargets.get('g1')!.properties.hs_target_amount, '90000');
    } finally {
      clock.uninstall();
    }
  });
});

describe('HubSpot goal targets through the example proxy', () => {
  const TOKEN = 'pat-na1-00000000-goal-token';
  async function proxied(goalWrites: boolean) {
    const emu = await startHubSpotEmulator({ companies: makeCompanies(3, owners), owners, goalTargets: targets(), token: TOKEN });
    opened.push(emu);
    const handler = createHubSpotProxy({ token: TOKEN, upstream: emu.url, authorize: () => true, log: () => {}, goalWrites });
    const server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    after(() => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { emu, url, adapter: createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: url, retry: fastRetry(), goals: { name: GOAL, write: true } }) };
  }

  it('forwards the goal search, and with goalWrites an update of hs_target_amount', async () => {
    const { emu, adapter } = await proxied(true);
    assert.equal((await adapter.load()).quotas?.length, 3);
    const [o] = await adapter.saveQuotas!([{ repId: '101', period: '2027-01-01', from: 90000, to: 99000 }]);
    assert.equal(o.status, 'saved');
    assert.equal(emu.goalTargets.get('g1')!.properties.hs_target_amount, '99000');
  });

  it('refuses goal writes unless goalWrites is on, and any goal property but hs_target_amount', async () => {
    const off = await proxied(false);
    await off.adapter.load();
    const [o] = await off.adapter.saveQuotas!([{ repId: '101', period: '2027-01-01', from: 90000, to: 1 }]);
    assert.equal(o.status, 'failed');
    assert.equal(off.emu.goalTargets.get('g1')!.properties.hs_target_amount, '90000');
    const on = await proxied(true);
    const res = await fetch(`${on.url}/crm/objects/2026-03/goal_targets/batch/update`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs: [{ id: 'g1', properties: { hubspot_owner_id: '102' } }] }) });
    assert.equal(res.status, 403);
    assert.equal(on.emu.goalTargets.get('g1')!.properties.hubspot_owner_id, '101');
  });
});

describe('the demo\'s emulated HubSpot portal', () => {
  it('serves a quarterly goal per owner through the demo proxy, and a quota saved there comes back on reload', async () => {
    const portal = await startEmulatedHubSpot({ accounts: 60, reps: 3 });
    const server = createServer((req, res) => void portal.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    after(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await portal.close();
    });
    const adapter = createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, retry: fastRetry(), goals: { name: DEMO_GOAL, write: true } });
    const { quotas, notices } = await adapter.load();
    assert.equal(quotas?.length, 12, 'four quarters for each of 3 owners');
    assert.equal(notices?.some((n) => n.code.startsWith('GOAL')) ?? false, false);
    assert.equal((await adapter.capabilities()).canWriteQuotas, true);
    const q = quotas![0];
    const [o] = await adapter.saveQuotas!([{ repId: q.repId, period: q.period, from: q.amount, to: q.amount + 1000 }]);
    assert.equal(o.status, 'saved', o.message);
    const again = await adapter.load();
    assert.equal(again.quotas?.find((x) => x.repId === q.repId && x.period === q.period)?.amount, q.amount + 1000);
  });
});
