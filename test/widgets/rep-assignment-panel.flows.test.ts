// Rebalance (budget, preview, apply, undo, cancel) and save (outcomes, conflicts, retry) through the panel.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { account, rep, testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import { rebalance } from '../../src/engine/rebalance.js';
import { pendingChanges } from '../../src/store/selectors.js';
import type { Change, CrmAdapter } from '../../src/adapters/crm-adapter.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function buttonNamed(el: Element, name: string | RegExp): HTMLButtonElement {
  const found = qa<HTMLButtonElement>(el, 'button').find((b) => {
    const label = b.getAttribute('aria-label') ?? text(b);
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!found) throw new Error(`no button named ${String(name)} in ${qa(el, 'button').map(text).join(' | ')}`);
  return found;
}

async function type(provider: TkTerritoryProvider, input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(provider);
}

describe('<tk-rep-assignment-panel> rebalance', () => {
  it('a move budget caps the preview; apply is one undoable step; undo restores the plan', async () => {
    const data = generateDemoData({ seed: 3, accounts: 300, reps: 6 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    const before = provider.state.working;
    await type(provider, q<HTMLInputElement>(panel, 'input[name=maxMoves]')!, '7');
    buttonNamed(panel, 'Rebalance').click();
    await waitUntil(() => q(panel, '[part~=preview]'), 'no preview', { timeout: 15000 });
    await settle(provider);
    const moves = qa(panel, '[part~=moves] li[data-account]');
    expect(moves.length).to.be.within(1, 7);
    expect(text(q(panel, '[data-stat=accounts]'))).to.equal(String(moves.length));
    // Every move names both reps and has a reason.
    for (const li of moves) expect(text(li)).to.match(/: .+ → .+ — \S+/);
    // Deviation before → after, and the reps affected with gains and losses.
    expect(text(q(panel, '[data-stat=potential-deviation]'))).to.match(/^[\d.]+% → [\d.]+%$/);
    const repRows = qa(panel, '[part~=preview-reps] tbody tr');
    expect(repRows.length).to.be.greaterThan(1);
    const gained = repRows.reduce((n, r) => n + Number(text(r.querySelectorAll('td')[0])), 0);
    const lost = repRows.reduce((n, r) => n + Number(text(r.querySelectorAll('td')[1])), 0);
    // Every move has a receiving rep; moves of unassigned accounts have no giver.
    expect(gained).to.equal(moves.length);
    expect(lost).to.be.at.most(moves.length);
    expect(provider.state.working).to.equal(before); // a preview changes nothing
    await expectNoAxeViolations(provider);

    const pastBefore = provider.state.past.length;
    buttonNamed(panel, 'Apply').click();
    await settle(provider);
    expect(provider.state.past.length).to.equal(pastBefore + 1);
    expect(provider.state.past.at(-1)!.label).to.equal(`Rebalance: move ${moves.length} account${moves.length === 1 ? '' : 's'}`);
    expect(pendingChanges(provider.state).map((c) => c.accountId)).to.have.members(moves.map((m) => m.dataset.account!));
    expect(q(panel, '[part~=preview]')).to.equal(null);
    buttonNamed(panel, 'Undo').click();
    await settle(provider);
    expect(provider.state.working).to.deep.equal(before);
    expect(pendingChanges(provider.state)).to.have.length(0);
  });

  for (const mode of ['auto', 'never'] as const) {
    it(`shows progress (role=progressbar) and Cancel aborts the run, leaving the plan unchanged (rebalance-worker=${mode})`, async () => {
      const data = generateDemoData({ seed: 5, accounts: 3000, reps: 20 });
      const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel rebalance-worker=${mode}></tk-rep-assignment-panel>`);
      const panel = panelOf(provider);
      const before = provider.state.working;
      buttonNamed(panel, 'Rebalance').click();
      await waitUntil(() => Number(q(panel, '[role=progressbar]')?.getAttribute('aria-valuenow') ?? 0) > 0, 'no progress reported', { timeout: 15000, interval: 5 });
      const bar = q(panel, '[role=progressbar]')!;
      expect(bar.getAttribute('aria-label')).to.equal('Rebalance progress');
      expect(bar.getAttribute('aria-valuetext')).to.match(/\d+%/);
      expect(buttonNamed(panel, 'Rebalance').disabled).to.equal(true);
      buttonNamed(panel, 'Cancel').click();
      await settle(provider);
      expect(q(panel, '[role=progressbar]')).to.equal(null);
      expect(text(q(panel, '[part~=rebalance-note]'))).to.contain('cancelled');
      // Long enough for an uncancelled run to have finished and shown its preview.
      await new Promise((r) => setTimeout(r, 3000));
      await settle(provider);
      expect(q(panel, '[part~=preview]')).to.equal(null);
      expect(text(q(panel, '[part~=rebalance-note]'))).to.contain('cancelled');
      expect(provider.state.working).to.equal(before);
    });
  }

  it('a custom runner gets the abort signal on Cancel', async () => {
    const data = generateDemoData({ seed: 5, accounts: 2000, reps: 20 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    let aborted = false;
    // The real engine with 1 ms slices, so that the run yields often enough to be cancelled mid-way.
    panel.rebalanceRunner = (input, options) => {
      options.signal?.addEventListener('abort', () => (aborted = true));
      return rebalance(input, { ...options, sliceMs: 1 });
    };
    buttonNamed(panel, 'Rebalance').click();
    await waitUntil(() => q(panel, '[role=progressbar]'), 'no progress bar', { timeout: 15000, interval: 5 });
    buttonNamed(panel, 'Cancel').click();
    await settle(provider);
    expect(aborted).to.equal(true);
    expect(text(q(panel, '[part~=rebalance-note]'))).to.contain('cancelled');
  });

  it('honours a potential budget and never moves locked accounts or the selection when asked to keep them', async () => {
    const data = generateDemoData({ seed: 4, accounts: 400, reps: 8 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    const total = provider.state.accounts.reduce((sum, a) => sum + a.potential, 0);
    const budget = Math.round(total * 0.03);
    const locked = new Set(provider.state.accounts.filter((a) => a.locked).map((a) => a.id));
    expect(locked.size).to.be.greaterThan(0);
    // Keep the 20 largest accounts of the busiest rep in place through the selection.
    const byOwner = new Map<string, number>();
    for (const a of provider.state.accounts) if (a.ownerId) byOwner.set(a.ownerId, (byOwner.get(a.ownerId) ?? 0) + a.potential);
    const busiest = [...byOwner].sort((x, y) => y[1] - x[1])[0][0];
    const kept = provider.state.accounts.filter((a) => a.ownerId === busiest).sort((x, y) => y.potential - x.potential).slice(0, 20).map((a) => a.id);
    provider.actions.select(kept);
    await settle(provider);
    await type(provider, q<HTMLInputElement>(panel, 'input[name=maxPotential]')!, String(budget));
    const keep = q<HTMLInputElement>(panel, 'input[name=lockSelection]')!;
    keep.checked = true;
    keep.dispatchEvent(new Event('change'));
    await settle(provider);
    buttonNamed(panel, 'Rebalance').click();
    await waitUntil(() => q(panel, '[part~=preview]'), 'no preview', { timeout: 15000 });
    await settle(provider);
    const moved = qa(panel, '[part~=moves] li[data-account]').map((li) => li.dataset.account!);
    expect(moved.length).to.be.greaterThan(0);
    const potential = new Map(provider.state.accounts.map((a) => [a.id, a.potential]));
    expect(moved.reduce((sum, id) => sum + potential.get(id)!, 0)).to.be.at.most(budget);
    expect(moved.filter((id) => locked.has(id))).to.deep.equal([]);
    expect(moved.filter((id) => kept.includes(id))).to.deep.equal([]);
  });

  it('"Compact territories" redraws: the preview matches the engine with objective compactness, within a move limit when one is set', async () => {
    const data = generateDemoData({ seed: 5, accounts: 400, reps: 8 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    const goal = q<HTMLInputElement>(panel, 'fieldset.goal input[value=compactness]')!;
    expect(text(goal.closest('label'))).to.equal('Compact territories');
    expect(q<HTMLInputElement>(panel, 'fieldset.goal input[value=disruption]')!.checked).to.equal(true);
    goal.click();
    await settle(provider);
    expect(text(q(panel, '#goal-hint'))).to.match(/^Redraws from a clean sheet/);
    const { accounts, reps, working: current } = provider.state;
    // no limit: the preview is the engine's redraw of the same plan
    buttonNamed(panel, 'Rebalance').click();
    await waitUntil(() => q(panel, '[part~=preview]'), 'no preview', { timeout: 15000 });
    await settle(provider);
    const want = await rebalance({ accounts, reps, current }, { objective: 'compactness' });
    const moved = qa(panel, '[part~=moves] li[data-account]').map((li) => li.dataset.account!);
    expect(moved).to.deep.equal(want.moves.slice(0, 100).map((m) => m.accountId));
    expect(text(q(panel, '[data-stat=accounts]'))).to.equal(String(want.moves.length));
    // the mean distance to the rep, before → after, as the engine measured it
    const km = (x: number | null) => `${Math.round(x!).toLocaleString('en-US')} km`;
    expect(text(q(panel, '[data-stat=distance]'))).to.equal(`${km(want.metrics.before.compactnessKm)} → ${km(want.metrics.after.compactnessKm)}`);
    expect(want.metrics.after.compactnessKm!).to.be.lessThan(want.metrics.before.compactnessKm!);
    expect(text(q(panel, '[part~=preview-summary]'))).to.contain('Territories redrawn for compactness');
    expect(text(q(panel, '[part~=preview-explanation]'))).to.contain('Territories redrawn for compactness');
    expect(text(q(panel, '[part~=moves] li[data-account]'))).to.contain('Territories redrawn for compactness');
    await expectNoAxeViolations(provider);
    // with a move limit: the engine's budgeted redraw, within the limit
    buttonNamed(panel, 'Discard').click();
    await settle(provider);
    await type(provider, q<HTMLInputElement>(panel, 'input[name=maxMoves]')!, '25');
    buttonNamed(panel, 'Rebalance').click();
    await waitUntil(() => q(panel, '[part~=preview]'), 'no preview', { timeout: 15000 });
    await settle(provider);
    const capped = await rebalance({ accounts, reps, current }, { objective: 'compactness', maxMoves: 25 });
    expect(capped.moves.length).to.be.within(1, 25);
    expect(qa(panel, '[part~=moves] li[data-account]').map((li) => li.dataset.account!)).to.deep.equal(capped.moves.map((m) => m.accountId));
  });

  it('refuses a bad budget with a clear message', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    await type(provider, q<HTMLInputElement>(panel, 'input[name=maxMoves]')!, '2.5');
    buttonNamed(panel, 'Rebalance').click();
    await settle(provider);
    expect(text(q(panel, '[data-section=rebalance] [role=alert]'))).to.contain('whole number');
    expect(q(panel, '[role=progressbar]')).to.equal(null);
  });
});

describe('<tk-rep-assignment-panel> save', () => {
  it('lists saved / failed / conflict outcomes with account and rep names, codes and the conflict explanation', async () => {
    const accounts = [
      account('a1', 'r1', { name: 'Acme Corp' }),
      account('a2', 'r1', { name: 'Globex' }),
      account('a3', 'r1', { name: 'Initech' }),
    ];
    const reps = [rep('r1', 'Ana Ruiz'), rep('r2', 'Ben Cole'), rep('r3', 'Cleo Park', { active: false })];
    const memory = createMemoryAdapter({ accounts, reps });
    const sent: Change[][] = [];
    const adapter: CrmAdapter = { ...memory, save: (changes, options) => (sent.push([...changes]), memory.save(changes, options)) };
    const provider = await mountProvider(adapter, html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    provider.actions.assign(['a1'], 'r2'); // someone else edits Acme in the CRM meanwhile → conflict
    provider.actions.assign(['a2'], 'r3'); // Cleo is inactive in the CRM → failed INVALID_OWNER
    provider.actions.assign(['a3'], 'r2'); // saved
    memory.touch('a1', { name: 'Acme Corp' });
    await settle(provider);
    expect(text(q(panel, '[part~=pending]'))).to.equal('3 unsaved changes');
    buttonNamed(panel, 'Save to CRM').click();
    await waitUntil(() => provider.state.lastSave !== null && !provider.state.saving);
    await settle(provider);
    const items = qa(panel, '[part~=outcome]');
    const by = Object.fromEntries(items.map((li) => [li.dataset.account!, li]));
    expect(by.a3.dataset.status).to.equal('saved');
    expect(text(by.a3)).to.contain('Saved Initech: Ana Ruiz → Ben Cole');
    expect(by.a2.dataset.status).to.equal('failed');
    expect(text(by.a2)).to.contain('Failed Globex: Ana Ruiz → Cleo Park');
    expect(text(by.a2)).to.contain('INVALID_OWNER');
    expect(by.a1.dataset.status).to.equal('conflict');
    expect(text(by.a1)).to.contain('Conflict Acme Corp: Ana Ruiz → Ben Cole (STALE');
    expect(text(by.a1)).to.contain('changed in the CRM since you loaded it — reload to see the new owner');
    expect(text(q(panel, '[part~=outcomes] p'))).to.equal('1 saved, 1 failed, 1 in conflict (still pending)');
    expect(text(q(panel, '[part~=pending]'))).to.equal('2 unsaved changes');
    expect(buttonNamed(panel, 'Reload from CRM')).to.exist;
    await expectNoAxeViolations(provider);

    buttonNamed(panel, 'Retry failed (1)').click();
    await waitUntil(() => sent.length === 2 && !provider.state.saving);
    await settle(provider);
    expect(sent[1].map((c) => c.accountId)).to.deep.equal(['a2']);
  });

  it('"Retry failed" saves only the failed changes and they can succeed', async () => {
    const adapter = testAdapter();
    adapter.failIds.add('a1');
    const provider = await mountProvider(adapter, html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    provider.actions.assign(['a1', 'a3'], 'r2');
    await settle(provider);
    buttonNamed(panel, 'Save to CRM').click();
    await waitUntil(() => adapter.saves.length === 1 && provider.state.lastSave !== null && !provider.state.saving);
    await settle(provider);
    expect(qa(panel, '[part~=outcome]').map((li) => `${li.dataset.account}:${li.dataset.status}`)).to.deep.equal(['a1:failed', 'a3:saved']);
    expect(text(q(panel, '[part~=outcome-failed]'))).to.contain('UNABLE_TO_LOCK_ROW: row locked');
    adapter.failIds.clear();
    buttonNamed(panel, 'Retry failed (1)').click();
    await waitUntil(() => adapter.saves.length === 2 && !provider.state.saving);
    await settle(provider);
    expect(adapter.saves[1]).to.deep.equal([{ accountId: 'a1', from: 'r1', to: 'r2' }]);
    expect(qa(panel, '[part~=outcome]').map((li) => `${li.dataset.account}:${li.dataset.status}`)).to.deep.equal(['a1:saved']);
    expect(text(q(panel, '[part~=outcome-saved]'))).to.contain('Account a1: Ana Ruiz → Ben Cole');
    expect(text(q(panel, '[part~=pending]'))).to.equal('0 unsaved changes');
  });
});
