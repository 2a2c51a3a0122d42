import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widgets/territory-provider/territory-provider.js';
import type { TkTerritoryProvider, PlanStorage } from '../../widgets/territory-provider/territory-provider.js';
import { CrmLoadError } from '../../src/adapters/crm-adapter.js';
import { pendingChanges } from '../../src/store/selectors.js';
import { testAdapter, type TestAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import type { TkAssignmentChangeEvent } from '../../widgets/events/assignment-change-event.js';
import type { TkSaveResultEvent } from '../../widgets/events/save-result-event.js';
import type { TkLoadEvent } from '../../widgets/events/load-event.js';

function memoryStorage(): PlanStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

async function mount(adapter: TestAdapter, opts: { role?: string; storage?: PlanStorage; repId?: string } = {}) {
  const el = document.createElement('tk-territory-provider');
  el.storage = opts.storage ?? memoryStorage();
  el.persistDelay = 0;
  if (opts.role) el.setAttribute('viewer-role', opts.role);
  if (opts.repId) el.setAttribute('rep-id', opts.repId);
  el.adapter = adapter;
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  // generous: a stored plan's parser (with the zod model) is a module fetched on demand
  await waitUntil(() => el.state.status === 'ready' || el.state.status === 'error', 'provider did not load', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

const root = (el: TkTerritoryProvider) => el.renderRoot as ShadowRoot;
const button = (el: TkTerritoryProvider, text: string) =>
  [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === text) as HTMLButtonElement;

describe('<tk-territory-provider>', () => {
  it('loads through the adapter and lists rejected records (record, field, reason) without blocking the slot', async () => {
    const el = await mount(testAdapter());
    el.innerHTML = '<p id="child">child content</p>';
    await el.updateComplete;
    expect(el.state.accounts).to.have.length(5);
    const details = root(el).querySelector('[part~=rejections]') as HTMLDetailsElement;
    expect(details.querySelector('summary')!.textContent).to.match(/1 record was rejected/);
    const cells = [...details.querySelectorAll('tbody td')].map((td) => td.textContent!.trim());
    expect(cells).to.deep.equal(['account bad1', 'lat', 'expected number, got the string "x"']);
    expect(root(el).querySelector('slot')).to.exist;
    expect(el.querySelector('#child')!.getBoundingClientRect().height).to.be.greaterThan(0);
    await expectNoAxeViolations(el);
  });

  it('shows what a successful load left out (a notice naming the field), to every role, as text', async () => {
    const adapter = testAdapter();
    const message = 'Performance figures are left out: Opportunity.Amount is not readable for this user <img src=x onerror=alert(1)>';
    adapter.data = { ...adapter.data, notices: [{ code: 'INVALID_FIELD', field: 'Opportunity.Amount', message }] };
    for (const role of ['admin', 'rep']) {
      const el = await mount(adapter, { role, repId: 'r1' });
      // The notices show once their wording (loaded on demand) has arrived.
      await waitUntil(() => root(el).querySelector('[part~=notices]'), 'the notices did not show');
      const notices = root(el).querySelector('[part~=notices]')!;
      expect(notices, role).to.exist;
      expect(notices.getAttribute('role')).to.equal('status');
      expect(notices.textContent).to.contain('Opportunity.Amount is not readable').and.contain('<img');
      expect(notices.querySelector('img')).to.equal(null);
      await expectNoAxeViolations(el);
      el.remove();
    }
    adapter.data = { ...adapter.data, notices: [] };
    const el = await mount(adapter);
    expect(root(el).querySelector('[part~=notices]')).to.equal(null);
  });

  it('reports a load error with its code and retries', async () => {
    const adapter = testAdapter();
    adapter.loadError = new CrmLoadError('INVALID_SESSION_ID', 'Session expired');
    const el = await mount(adapter);
    const alert = root(el).querySelector('[part~=error]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Session expired').and.contain('INVALID_SESSION_ID');
    await expectNoAxeViolations(el);
    adapter.loadError = null;
    button(el, 'Try again').click();
    await waitUntil(() => el.state.status === 'ready');
    expect(adapter.loads).to.equal(2);
  });

  it('assigns, undoes and redoes through the actions and fires typed events', async () => {
    const el = await mount(testAdapter());
    const seen: TkAssignmentChangeEvent[] = [];
    el.addEventListener('tk-assignment-change', (e) => seen.push(e));
    expect(el.actions.assign(['a1'], 'r2', 'Move a1')).to.equal(true);
    expect(seen[0].changes).to.deep.equal([{ accountId: 'a1', from: 'r1', to: 'r2' }]);
    expect(seen[0].label).to.equal('Move a1');
    expect(seen[0].bubbles && seen[0].composed).to.equal(true);
    expect(el.actions.undo()).to.equal(true);
    expect(el.state.working.a1).to.equal('r1');
    expect(seen[1].source).to.equal('undo');
    expect(el.actions.redo()).to.equal(true);
    expect(el.state.working.a1).to.equal('r2');
    expect(el.actions.undo() && el.actions.undo()).to.equal(false, 'only one step to undo');
  });

  it('the toolbar buttons drive undo, discard and save', async () => {
    const el = await mount(testAdapter());
    el.actions.assign(['a1', 'a3'], 'r2');
    await el.updateComplete;
    expect(root(el).querySelector('.count')!.textContent).to.contain('2 unsaved changes');
    button(el, 'Undo').click();
    await el.updateComplete;
    expect(root(el).querySelector('.count')!.textContent).to.contain('0 unsaved changes');
    button(el, 'Redo').click();
    await el.updateComplete;
    button(el, 'Discard').click();
    expect(pendingChanges(el.state)).to.have.length(0);
    await expectNoAxeViolations(el);
  });

  it('saves: saved changes become current, failed and conflicting ones stay pending and can be retried', async () => {
    const adapter = testAdapter();
    const el = await mount(adapter);
    el.actions.assign(['a1', 'a2', 'a3'], 'r2');
    adapter.failIds.add('a2');
    adapter.conflictIds.add('a3');
    let event: TkSaveResultEvent | null = null;
    el.addEventListener('tk-save-result', (e) => (event = e));
    const outcomes = await el.actions.save();
    expect(outcomes.map((o) => o.status)).to.deep.equal(['saved', 'failed', 'conflict']);
    expect(el.state.current.a1).to.equal('r2');
    expect(pendingChanges(el.state).map((c) => c.accountId)).to.deep.equal(['a2', 'a3']);
    expect(event!.saved).to.equal(1);
    await el.updateComplete;
    expect(root(el).querySelector('[part~=save-result]')!.textContent).to.match(/1 saved[\s\S]*1 failed,\s*1 in conflict/);
    const problems = [...root(el).querySelectorAll('[part~=save-problems] tbody tr')].map((tr) =>
      [...tr.children].map((td) => td.textContent!.trim()),
    );
    expect(problems).to.deep.equal([
      ['Account a2', 'failed (UNABLE_TO_LOCK_ROW)', 'row locked'],
      ['Account a3', 'conflict (STALE)', 'owner changed in the CRM'],
    ]);
    await expectNoAxeViolations(el);
    adapter.failIds.clear();
    button(el, 'Retry failed').click();
    await waitUntil(() => adapter.saves.length === 2);
    await waitUntil(() => !el.state.saving);
    expect(adapter.saves[1]).to.deep.equal([{ accountId: 'a2', from: 'r1', to: 'r2' }]);
    expect(pendingChanges(el.state).map((c) => c.accountId)).to.deep.equal(['a3']);
  });

  it('a network failure during save reports failed, never saved', async () => {
    const adapter = testAdapter();
    adapter.save = async () => {
      throw new TypeError('Failed to fetch');
    };
    const el = await mount(adapter);
    el.actions.assign(['a1'], 'r2');
    const outcomes = await el.actions.save();
    expect(outcomes).to.deep.equal([{ accountId: 'a1', status: 'failed', code: 'NETWORK', message: 'Failed to fetch' }]);
    expect(el.state.current.a1).to.equal('r1');
  });

  it('the rep role refuses every edit and hides the editing controls', async () => {
    const adapter = testAdapter();
    const el = await mount(adapter, { role: 'rep', repId: 'r1' });
    expect(el.state.role).to.equal('rep');
    expect(el.state.repId).to.equal('r1');
    expect(el.actions.assign(['a1'], 'r2')).to.equal(false);
    expect(el.actions.applyAssignments({ a1: 'r2' }, 'x')).to.equal(false);
    expect(el.actions.setTerritories([], 'x')).to.equal(false);
    expect(el.actions.discard()).to.equal(false);
    expect(el.actions.undo()).to.equal(false);
    expect(await el.actions.save()).to.deep.equal([]);
    expect(adapter.saves).to.have.length(0);
    expect(root(el).querySelector('[part~=toolbar]')).to.equal(null);
    el.actions.select(['a1']);
    expect(el.state.selection).to.deep.equal(['a1'], 'viewing actions still work');
  });

  it('switching viewer-role to rep at run time refuses edits and hides the toolbar', async () => {
    const el = await mount(testAdapter(), { role: 'manager' });
    expect(root(el).querySelector('[part~=toolbar]')).to.exist;
    el.setAttribute('viewer-role', 'rep');
    await el.updateComplete;
    expect(el.state.role).to.equal('rep');
    expect(root(el).querySelector('[part~=toolbar]')).to.equal(null);
    expect(el.actions.assign(['a1'], 'r2')).to.equal(false);
  });

  it('accepts the role attribute as an alias', async () => {
    const el = document.createElement('tk-territory-provider');
    el.setAttribute('role', 'rep');
    el.storage = null;
    el.adapter = testAdapter();
    document.body.append(el);
    await waitUntil(() => el.state.status === 'ready');
    expect(el.actions.assign(['a1'], 'r2')).to.equal(false);
    el.remove();
  });

  it('keeps the unsaved plan across a reload and offers it back; restore applies only still-valid changes', async () => {
    const storage = memoryStorage();
    const adapter = testAdapter('test:persist');
    const first = await mount(adapter, { storage, role: 'manager' });
    first.actions.assign(['a1', 'a2'], 'r2');
    first.actions.assign(['a5'], 'r1');
    await waitUntil(() => storage.map.size === 1, 'plan not persisted');
    const [key] = storage.map.keys();
    expect(key).to.equal('territory-kit:plan:test:persist:manager:-');
    first.remove();

    // Meanwhile in the CRM: a2 changed owner.
    adapter.data.accounts.find((a) => a.id === 'a2')!.ownerId = 'r2';
    const second = await mount(adapter, { storage, role: 'manager' });
    expect(pendingChanges(second.state)).to.have.length(0);
    const offer = root(second).querySelector('[part~=restore]')!;
    expect(offer.textContent).to.match(/Restore 3 unsaved changes from/);
    await expectNoAxeViolations(second);
    expect(storage.map.size).to.equal(1, 'the stored plan is kept while the offer is open');
    let applied = 0;
    second.addEventListener('tk-plan-applied', () => applied++);
    button(second, 'Restore').click();
    await second.updateComplete;
    expect(applied).to.equal(1);
    expect(pendingChanges(second.state)).to.deep.equal([
      { accountId: 'a1', from: 'r1', to: 'r2' },
      { accountId: 'a5', from: null, to: 'r1' },
    ]);
    const report = root(second).querySelector('[part~=restore-report]')!;
    expect(report.textContent).to.contain('Restored 2 changes').and.contain('Account a2: its owner changed in the CRM since');
    second.remove();
  });

  it('keeps territory edits across a reload too', async () => {
    const storage = memoryStorage();
    const adapter = testAdapter('test:territories');
    const first = await mount(adapter, { storage });
    first.actions.setTerritories([{ ...first.state.territories[0], name: 'Far West' }], 'Rename West');
    await waitUntil(() => storage.map.size === 1);
    first.remove();
    const second = await mount(adapter, { storage });
    expect(root(second).querySelector('[part~=restore]')!.textContent).to.match(/Restore territory edits from/);
    button(second, 'Restore').click();
    await second.updateComplete;
    expect(second.state.territories.map((t) => t.name)).to.deep.equal(['Far West']);
    second.actions.undo();
    await waitUntil(() => storage.map.size === 0, 'back to the loaded territories: nothing left to keep');
    second.remove();
  });

  it('discarding the offer forgets the stored plan', async () => {
    const storage = memoryStorage();
    const adapter = testAdapter('test:discard');
    const first = await mount(adapter, { storage });
    first.actions.assign(['a1'], 'r2');
    await waitUntil(() => storage.map.size === 1);
    first.remove();
    const second = await mount(adapter, { storage });
    button(second, 'Discard').click();
    await second.updateComplete;
    expect(storage.map.size).to.equal(0);
    expect(root(second).querySelector('[part~=restore]')).to.equal(null);
    second.remove();
  });

  it('fires tk-load when a load ends: ready with counts, error with code and message; a replaced load fires nothing', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const events: TkLoadEvent[] = [];
    host.addEventListener('tk-load', (e) => events.push(e));
    const failing = testAdapter();
    failing.loadError = new CrmLoadError('INVALID_SESSION_ID', 'Session expired');
    const el = document.createElement('tk-territory-provider');
    el.storage = memoryStorage();
    el.adapter = failing;
    host.append(el);
    await waitUntil(() => events.length === 1, 'the error load event');
    expect(events[0].status).to.equal('error');
    expect(events[0].error).to.deep.equal({ code: 'INVALID_SESSION_ID', message: 'Session expired' });
    expect(events[0].bubbles && events[0].composed).to.equal(true);
    // The first adapter is replaced before its load ends: only the second load reports.
    const slow = testAdapter('slow');
    const fast = testAdapter('fast');
    const slowLoad = slow.load.bind(slow);
    slow.load = async (options) => {
      await new Promise((r) => setTimeout(r, 200));
      return slowLoad(options);
    };
    el.adapter = slow;
    el.adapter = fast;
    await waitUntil(() => events.length === 2, 'the ready load event');
    await new Promise((r) => setTimeout(r, 300));
    expect(events).to.have.length(2);
    expect([events[1].status, events[1].accounts, events[1].reps, events[1].territories, events[1].rejected, events[1].error]).to.deep.equal([
      'ready',
      el.state.accounts.length,
      el.state.reps.length,
      el.state.territories.length,
      1,
      null,
    ]);
  });

  it('focus-account selects that account once loaded, again when it changes, and ignores ids the plan lacks', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const selections: (readonly string[])[] = [];
    host.addEventListener('tk-selection-change', (e) => selections.push((e as unknown as { selection: readonly string[] }).selection));
    const el = document.createElement('tk-territory-provider');
    el.storage = memoryStorage();
    el.setAttribute('focus-account', 'a2');
    el.adapter = testAdapter();
    host.append(el);
    await waitUntil(() => el.state.status === 'ready', 'provider did not load');
    await el.updateComplete;
    expect(el.state.selection).to.deep.equal(['a2']);
    expect(selections.at(-1)).to.deep.equal(['a2']);
    el.setAttribute('focus-account', 'a4');
    await el.updateComplete;
    expect(el.state.selection).to.deep.equal(['a4']);
    el.setAttribute('focus-account', 'not-in-plan');
    await el.updateComplete;
    expect(el.state.selection).to.deep.equal(['a4']);
  });

  it('shows load progress while loading', async () => {
    const adapter = testAdapter();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = adapter.load.bind(adapter);
    adapter.load = async (o) => {
      o?.onProgress?.({ loaded: 1200, total: 5000, phase: 'accounts' });
      await gate;
      return load(o);
    };
    const el = document.createElement('tk-territory-provider');
    el.storage = null;
    el.adapter = adapter;
    document.body.append(el);
    await el.updateComplete;
    const progress = root(el).querySelector('[part~=progress]')!;
    expect(progress.textContent).to.match(/Loading accounts…\s*1,200 \/ 5,000/);
    expect(progress.querySelector('progress')!.value).to.equal(1200);
    release();
    await waitUntil(() => el.state.status === 'ready');
    el.remove();
  });
});

