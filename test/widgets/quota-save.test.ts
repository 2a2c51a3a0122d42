// Quotas saved to the CRM (issue #17): quotas applied in the planner count on Save ("K quotas"), reach
// an adapter that writes quotas (memory) with their own outcomes — saved, and a conflict naming the rep
// and period — survive a reload while unsaved; where the CRM takes no quotas (HubSpot), the Save
// section says they stay in the plan (the quota planner exports them as CSV; quota-planner.test.ts).
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { pendingQuotaChanges } from '../../src/store/quotas.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';
import '../../widgets/rep-assignment-panel/rep-assignment-panel.js';
import '../../widgets/quota-planner/quota-planner.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const Q1 = '2027-01-01';

function buttonNamed(el: Element, name: string): HTMLButtonElement {
  const found = qa<HTMLButtonElement>(el, 'button').find((b) => (b.getAttribute('aria-label') ?? text(b)) === name);
  if (!found) throw new Error(`no button named ${name} in ${qa(el, 'button').map(text).join(' | ')}`);
  return found;
}

async function open(provider: TkTerritoryProvider, panel: TkRepAssignmentPanel, id: string): Promise<void> {
  if (!q(panel, `[data-section=${id}]`)?.hasAttribute('open')) q(panel, `[data-section=${id}] summary`)!.click();
  await new Promise((r) => setTimeout(r, 0));
  await settle(provider);
}

/** A Storage-like object in memory. */
function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k), items };
}

describe('quotas saved to the CRM, or kept in the plan', () => {
  it('apply quotas in the planner → Save → each quota saved or in conflict, named by rep and period; unsaved ones survive a reload', async () => {
    const data = smallLoad();
    const adapter = createMemoryAdapter({ accounts: data.accounts, reps: data.reps, quotas: [{ repId: 'r2', period: Q1, amount: 250 }] });
    const provider = await mountProvider(adapter, html`<tk-quota-planner target="1000" period=${Q1}></tk-quota-planner><tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const storage = memoryStorage();
    provider.storage = storage;
    const panel = panelOf(provider);
    const planner = provider.querySelector('tk-quota-planner')!;
    await open(provider, panel, 'save');
    expect(provider.state.quotaBase).to.deep.equal([{ repId: 'r2', period: Q1, amount: 250 }], 'the CRM quotas loaded as the base');
    expect(text(q(panel, '[part~=pending]'))).to.equal('0 unsaved changes');
    expect(q(planner, '[part~=crm-note]')).to.equal(null, 'memory takes quotas: no "stay in the plan" note');

    // the planner splits 1000 by potential (700 / 300) and applies it to the plan
    q<HTMLButtonElement>(planner, '[part~=apply]')!.click();
    await settle(provider);
    expect(pendingQuotaChanges(provider.state)).to.deep.equal([
      { repId: 'r1', period: Q1, from: null, to: 700 },
      { repId: 'r2', period: Q1, from: 250, to: 300 },
    ]);
    expect(text(q(panel, '[part~=pending]'))).to.equal('0 unsaved changes, 2 quotas');
    const save = buttonNamed(panel, 'Save to CRM');
    expect(save.disabled).to.equal(false, 'quota changes alone can be saved');

    adapter.touchQuota('r2', Q1, 260); // someone else changes Ben's quota in the CRM meanwhile
    save.click();
    await waitUntil(() => (provider.state.lastQuotaSave?.length ?? 0) === 2, 'quota save finished');
    // the quota outcomes render from the panel's on-demand chunk (sections/save-quotas.ts)
    await waitUntil(() => q(panel, '[part~=quota-outcomes]') !== null, 'quota outcomes shown');
    await settle(provider);
    expect(adapter.quotas()).to.deep.equal([{ repId: 'r1', period: Q1, amount: 700 }, { repId: 'r2', period: Q1, amount: 260 }], 'the conflict wrote nothing');
    const items = qa(panel, '[part~=quota-outcome]');
    expect(items.map((li) => [li.dataset.rep, li.dataset.period, li.dataset.status])).to.deep.equal([['r1', Q1, 'saved'], ['r2', Q1, 'conflict']]);
    expect(text(q(panel, '[part~=quota-outcomes] p'))).to.equal('Quotas: 1 saved, 0 failed, 1 in conflict');
    expect(text(items[0])).to.contain('Ana Ruiz, period starting Jan 1, 2027');
    expect(text(items[1])).to.contain('Ben Cole, period starting Jan 1, 2027');
    expect(text(items[1])).to.contain('now 260; 250 when the plan was loaded');
    expect(text(items[1])).to.contain('This quota was changed in the CRM since you loaded it');
    expect(text(q(panel, '[part~=pending]'))).to.equal('0 unsaved changes, 1 quota', 'the conflicting quota stays pending');

    // the unsaved quota is kept in storage and comes back after a reload
    provider.persistNow();
    expect([...storage.items.values()].some((v) => v.includes('"quotas"'))).to.equal(true);
    await provider.actions.reload();
    await waitUntil(() => rootOf(provider).querySelector('[part~=restore]') !== null, 'the stored plan is offered back');
    expect(text(rootOf(provider).querySelector('[part~=restore]'))).to.contain('quotas');
    provider.restore();
    await settle(provider);
    expect(provider.state.quotaBase).to.deep.include({ repId: 'r2', period: Q1, amount: 260 });
    expect(pendingQuotaChanges(provider.state)).to.deep.equal([{ repId: 'r2', period: Q1, from: 260, to: 300 }]);
  });

  it('a CRM without quota writes (HubSpot): the Save section says quotas stay in the plan and where to export them', async () => {
    const provider = await mountProvider(testAdapter('hubspot:1', undefined, { system: 'hubspot' }), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    await open(provider, panel, 'save');
    expect(q(panel, '[part~=quotas-local]')).to.equal(null, 'no quotas, no notice');
    provider.actions.applyQuotas!(Q1, [{ repId: 'r1', amount: 500 }, { repId: 'r2', amount: 500, locked: true }]);
    await waitUntil(() => q(panel, '[part~=quotas-local]') !== null, 'the quota notice shows');
    await settle(provider);
    const notice = q(panel, '[part~=quotas-local]')!;
    expect(text(notice)).to.contain('This HubSpot connection does not save goal targets');
    expect(text(notice)).to.contain('2 quotas changed since loading are kept in this plan');
    expect(text(q(panel, '[part~=pending]'))).to.equal('0 unsaved changes', 'not counted as something Save writes');
    expect(text(notice)).to.contain('Export them as CSV with the quota planner');
  });
});
