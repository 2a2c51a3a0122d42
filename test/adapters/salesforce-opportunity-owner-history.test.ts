// Issue #14 "earned vs owned": closed opportunities are credited to the owner at close, rebuilt from
// OpportunityFieldHistory (Owner), through both transports (jsforce REST and the Apex controller).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apexTransport, createSalesforceAdapter, jsforceTransport, type SalesforceAdapterOptions } from '../../src/adapters/salesforce/index.js';
import { ownerAtClose } from '../../src/adapters/salesforce/owner-history.js';
import { startSalesforceEmulator, type EmulatorOptions, type SalesforceEmulator } from '../emulators/salesforce/server.js';
import { emulatorConnection } from '../emulators/salesforce/connect.js';
import { apexMethodsFor, type ApexFakeOptions } from '../emulators/salesforce/apex-methods.js';
import { sfDateTime, type OrgStore } from '../emulators/salesforce/store.js';
import { createPlanState } from '../../src/store/create-plan-state.js';
import { loadStarted, loadSucceeded } from '../../src/store/load.js';
import { assign } from '../../src/store/edit.js';
import { planEvaluation } from '../../src/store/selectors.js';
import { performanceRows } from '../../widgets/performance-board/performance-rows.js';
import { loadNoticeText } from '../../widgets/territory-provider/load-notice.js';
import type { LoadNotice } from '../../src/adapters/crm-adapter.js';

/** The provider words the notice in the UI language; in English, word for word the adapter's message. */
const worded = (n: LoadNotice) => assert.equal(loadNoticeText(null, n), n.message);

const fastRetry = () => ({ retries: 2, baseMs: 1, capMs: 5, deadlineMs: 10_000 });
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

async function withEmulator(options: EmulatorOptions, run: (emu: SalesforceEmulator) => Promise<void>) {
  const emu = await startSalesforceEmulator(options);
  try {
    await run(emu);
  } finally {
    await emu.close();
  }
}

type Via = 'jsforce' | 'apex';
function adapterFor(emu: SalesforceEmulator, via: Via, apex: ApexFakeOptions & { noDescribe?: boolean } = {}, pageSize = 2000, options: Partial<SalesforceAdapterOptions> = {}) {
  const methods = apexMethodsFor(emu.store, {}, pageSize, apex);
  if (apex.noDescribe) delete (methods as { describeFields?: unknown }).describeFields;
  const transport = via === 'jsforce' ? jsforceTransport(emulatorConnection(emu)) : apexTransport(methods);
  return createSalesforceAdapter({ transport, retry: fastRetry(), quotas: false, period: PERIOD, ...options });
}

/**
 * Wen closed a deal in June (won), Zoe took it over in September; an open deal moved to Zoe too; a
 * deal Zoe handed to Wen before it closed stays Wen's; one changed hands twice after closing
 * (Wen → Zoe → Priya) is Wen's.
 */
function seed(store: OrgStore) {
  const user = (Name: string) => store.insert('User', { Name, Email: `${Name.toLowerCase()}@example.com`, IsActive: true, UserType: 'Standard' });
  const wen = user('Wen');
  const zoe = user('Zoe');
  const priya = user('Priya');
  const account = store.insert('Account', { Name: 'Granite Concrete', OwnerId: wen, BillingLatitude: 40.7, BillingLongitude: -111.9 });
  const opp = (Name: string, fields: Record<string, unknown>) => store.insert('Opportunity', { Name, AccountId: account, OwnerId: wen, CloseDate: '2026-06-15', StageName: 'x', ...fields });
  const won = opp('Won by Wen', { Amount: 50_000, IsClosed: true, IsWon: true });
  const lost = opp('Lost by Wen', { Amount: 7_000, IsClosed: true, IsWon: false });
  const open = opp('Open', { Amount: 9_000, IsClosed: false, IsWon: false, CloseDate: '2026-12-20' });
  const handedOver = opp('Handed to Wen before close', { Amount: 3_000, IsClosed: true, IsWon: true });
  const twice = opp('Moved twice after close', { Amount: 1_000, IsClosed: true, IsWon: true });
  // Later reassignments (the emulator writes the two history rows of each tracked change).
  store.touch('Opportunity', won, { OwnerId: zoe });
  store.touch('Opportunity', lost, { OwnerId: zoe });
  store.touch('Opportunity', open, { OwnerId: zoe });
  store.recordOwnerChange(handedOver, zoe, wen, '2026-03-01T09:00:00.000+0000'); // the real change: before the close
  store.recordOwnerChange(twice, wen, zoe, '2026-07-01T09:00:00.000+0000');
  store.recordOwnerChange(twice, zoe, priya, '2026-08-01T09:00:00.000+0000');
  store.get('Opportunity', twice)!.OwnerId = priya;
  return { wen, zoe, priya, account, won, lost, open, handedOver, twice };
}

for (const via of ['jsforce', 'apex'] as const) {
  describe(`Salesforce owner at close (${via})`, () => {
    it('credits a closed opportunity reassigned after its close to the rep who owned it at close; open ones stay with today\'s owner', async () => {
      await withEmulator({}, async (emu) => {
        const s = seed(emu.store);
        assert.equal(emu.store.all('OpportunityFieldHistory').length, 2 * 6, 'six owner changes, two rows each (ids and names)');
        const { opportunities, notices, report } = await adapterFor(emu, via).load();
        assert.equal(notices, undefined, JSON.stringify(notices));
        assert.equal(report.ownerHistorySkipped, undefined);
        const owner = new Map(opportunities!.map((o) => [o.id, o.ownerId]));
        assert.equal(owner.get(s.won), s.wen, 'closed-won credited to Wen, who owned it at close (Zoe owns it today)');
        assert.equal(owner.get(s.lost), s.wen, 'a closed-lost deal counts in Wen\'s win rate too');
        assert.equal(owner.get(s.open), s.zoe, 'an open deal is the current owner\'s pipeline');
        assert.equal(owner.get(s.handedOver), s.wen, 'a change before the close does not move the credit');
        assert.equal(owner.get(s.twice), s.wen, 'two changes after the close: the owner before the first one');
      });
    });

    it('pages through the owner history like the opportunity load', async () => {
      await withEmulator({ pageSize: 3 }, async (emu) => {
        const s = seed(emu.store);
        const sf = adapterFor(emu, via, {}, 3);
        const { opportunities } = await sf.load();
        assert.equal(opportunities!.find((o) => o.id === s.won)!.ownerId, s.wen);
        assert.equal(opportunities!.find((o) => o.id === s.twice)!.ownerId, s.wen, 'the changes of one deal may span pages');
      });
    });

    it('Owner not tracked: keeps today\'s owners and says so in a notice', async () => {
      await withEmulator({}, async (emu) => {
        const s = seed(emu.store);
        emu.store.trackOpportunityOwner(false);
        emu.resetCounts();
        const { opportunities, notices } = await adapterFor(emu, via).load();
        assert.equal(opportunities!.find((o) => o.id === s.won)!.ownerId, s.zoe, 'degraded: credited to the current owner');
        assert.equal(notices?.length, 1);
        assert.deepEqual({ code: notices![0].code, topic: notices![0].topic, field: notices![0].field }, { code: 'OWNER_NOT_TRACKED', topic: 'owner-history-unavailable', field: 'Opportunity.OwnerId' });
        assert.match(notices![0].message, /credited to their current owner.*history tracking is off for Opportunity Owner/);
        worded(notices![0]);
      });
    });

    it('OpportunityFieldHistory not readable for the user (describe): keeps today\'s owners, with a notice naming the field', async () => {
      const hidden = 'OpportunityFieldHistory.OldValue';
      await withEmulator({ fieldSecurity: { hidden: [hidden] } }, async (emu) => {
        const s = seed(emu.store);
        const { opportunities, notices } = await adapterFor(emu, via, { unreadable: [hidden] }).load();
        assert.equal(opportunities!.find((o) => o.id === s.won)!.ownerId, s.zoe);
        assert.deepEqual(notices?.map((n) => [n.code, n.topic, n.field]), [['OWNER_HISTORY_UNREADABLE', 'owner-history-unavailable', hidden]]);
        worded(notices![0]);
      });
    });
  });
}

describe('Salesforce owner at close (apex, host without describeFields)', () => {
  it('the controller refuses the unreadable history field: keeps today\'s owners, with the controller\'s code in the notice', async () => {
    await withEmulator({}, async (emu) => {
      const s = seed(emu.store);
      const { opportunities, notices, accounts } = await adapterFor(emu, 'apex', { unreadable: ['OpportunityFieldHistory.NewValue'], noDescribe: true }).load();
      assert.equal(accounts.length, 1, 'the load succeeds');
      assert.equal(opportunities!.find((o) => o.id === s.won)!.ownerId, s.zoe);
      assert.deepEqual(notices?.map((n) => [n.code, n.topic]), [['INVALID_FIELD', 'owner-history-unavailable']]);
      assert.match(notices![0].message, /OpportunityFieldHistory\.NewValue does not exist or is not readable/);
      assert.match(notices![0].detail!, /OpportunityFieldHistory\.NewValue/, 'Salesforce\'s own text, quoted as it is');
      worded(notices![0]);
    });
  });
});

describe('performance board after a reassignment, loaded from Salesforce', () => {
  it('shows Wen\'s closed-won under Wen after the deal and his accounts moved to Zoe; the book follows the plan', async () => {
    await withEmulator({}, async (emu) => {
      const s = seed(emu.store);
      emu.store.touch('Account', s.account, { OwnerId: s.zoe }); // the account too was reassigned in the CRM
      const adapter = adapterFor(emu, 'jsforce');
      let state = loadSucceeded(loadStarted(createPlanState()), await adapter.load(), await adapter.capabilities());
      state = assign(state, [s.account], s.priya); // and the draft plan gives it to Priya
      const rows = performanceRows(state.accounts, state.reps, state.territories, state.working, planEvaluation(state), 'rep', { current: state.current, opportunities: state.opportunities });
      const by = new Map(rows.map((r) => [r.id, r]));
      assert.equal(by.get(s.wen)!.closedWon, 50_000 + 3_000 + 1_000, 'Wen keeps what he earned');
      assert.equal(by.get(s.wen)!.winRate, 3 / 4);
      assert.equal(by.get(s.zoe)!.closedWon, 0, 'Zoe earned none of it');
      assert.equal(by.get(s.priya)!.closedWon, 0);
      assert.equal(by.get(s.priya)!.accounts, 1, 'the book follows the plan');
      assert.equal(by.get(s.wen)!.accounts, 0);
    });
  });
});

describe('a rep who earned deals and left', () => {
  for (const via of ['jsforce', 'apex'] as const) {
    it(`is loaded (inactive) with the history he earned, though he owns nothing now (${via})`, async () => {
      await withEmulator({}, async (emu) => {
        const s = seed(emu.store);
        emu.store.touch('Account', s.account, { OwnerId: s.zoe });
        emu.store.touch('User', s.wen, { IsActive: false }); // Wen left: deactivated, owns no account
        const adapter = adapterFor(emu, via);
        const result = await adapter.load();
        const wenRep = result.reps.find((r) => r.id === s.wen);
        assert.ok(wenRep, 'Wen is loaded because he earned closed deals');
        assert.equal(wenRep.active, false);
        const state = loadSucceeded(loadStarted(createPlanState()), result, await adapter.capabilities());
        const rows = performanceRows(state.accounts, state.reps, state.territories, state.working, planEvaluation(state), 'rep', { current: state.current, opportunities: state.opportunities });
        assert.equal(rows.find((r) => r.id === s.wen)?.closedWon, 54_000, 'his row is on the board with what he earned');
      });
    });
  }
});

describe('ownerAtClose', () => {
  const wen = '005000000000001AAA';
  const zoe = '005000000000002AAA';
  const opp = { Id: '006A', OwnerId: zoe, IsClosed: true, CloseDate: '2026-06-15' };
  const change = (at: number, from: string, to: string, type = 'EntityId') => ({ Id: `017${at}`, OpportunityId: '006A', Field: 'Owner', DataType: type, OldValue: from, NewValue: to, CreatedDate: sfDateTime(at) });
  const sept = Date.UTC(2026, 8, 1);

  it('keeps the id rows and ignores the name rows of a lookup change', () => {
    assert.deepEqual([...ownerAtClose([opp], [change(sept, 'Wen Patel', 'Zoe Costa', 'Text'), change(sept + 1, wen, zoe)])], [['006A', wen]]);
    assert.equal(ownerAtClose([opp], [change(sept, 'Wen Patel', 'Zoe Costa', 'Text')]).size, 0, 'name rows alone credit nobody');
    // Without DataType, rows whose values are user ids are the id rows.
    const { DataType: _d, ...untyped } = change(sept, wen, zoe);
    const { DataType: _n, ...named } = change(sept - 1, 'Ann', 'Bob', 'Text');
    assert.deepEqual([...ownerAtClose([opp], [named, untyped])], [['006A', wen]]);
  });

  it('a change on the close date itself counts as before the close; open opportunities are left alone', () => {
    assert.equal(ownerAtClose([opp], [change(Date.UTC(2026, 5, 15, 20), wen, zoe)]).size, 0);
    assert.equal(ownerAtClose([{ ...opp, IsClosed: false }], [change(sept, wen, zoe)]).size, 0);
  });
});
