// Salesforce territory2 mode in the planner (issue #14): a territory edit is saved through the real
// Salesforce adapter (apexTransport over the Apex class's TypeScript twin) into a Territory2 model in
// Planning state; the Save section says where it went, each territory's outcome says what Territory2
// could not hold, and the Active model is untouched.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { apexTransport, createSalesforceAdapter } from '../../src/adapters/salesforce/index.js';
import { OrgStore } from '../emulators/salesforce/store.js';
import { seedOrg, seedTerritories } from '../emulators/salesforce/seed.js';
import { apexMethodsFor } from '../emulators/salesforce/apex-methods.js';
import type { Territory } from '../../src/model/territory.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import '../../widgets/rep-assignment-panel/rep-assignment-panel.js';

const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('Salesforce territory2: territories saved to a planning model', () => {
  it('the Save section says the planning model to review, and what each territory could not keep', async () => {
    const store = new OrgStore();
    const org = seedOrg(store, { users: 3, accounts: 12 });
    const tm = seedTerritories(store, org, 3);
    store.insert('Territory2Type', { MasterLabel: 'Sales', DeveloperName: 'Sales', Priority: 1 });
    const adapter = createSalesforceAdapter({ transport: apexTransport(apexMethodsFor(store)), mode: 'territory2', performance: false, retry: { retries: 1, baseMs: 1, capMs: 2 } });
    const provider = await mountProvider(adapter, html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = provider.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
    if (!q(panel, '[data-section=save]')!.hasAttribute('open')) q(panel, '[data-section=save] summary')!.click();
    await new Promise((r) => setTimeout(r, 0));
    await settle(provider);
    expect(q(panel, '[part~=territories-local]')).to.equal(null, 'territory2 mode writes territories: no "stays in this browser" notice');

    const drawn: Territory = { id: 't-drawn', name: 'Drawn <b>area</b>', repIds: [org.userIds[0]], priority: 0, definition: { geometry: { type: 'Polygon', coordinates: [[[-100, 30], [-90, 30], [-90, 40], [-100, 30]]] } } };
    const west = provider.state.territories.map((t) => (t.id === tm.territoryIds[0] ? { ...t, name: 'West (plan)', definition: { regions: ['06', '41'], rules: { industries: ['Retail'] } } } : t));
    provider.actions.setTerritories([...west, drawn], 'Edit territories');
    await settle(provider);
    expect(text(q(panel, '[part~=pending]'))).to.equal('0 unsaved changes, 2 territories');
    const save = qa<HTMLButtonElement>(panel, 'button').find((b) => text(b) === 'Save to CRM')!;
    save.click();
    await waitUntil(() => (provider.state.lastTerritorySave?.length ?? 0) > 0, 'territory save finished', { timeout: 5000 });
    await settle(provider);

    const model = store.all('Territory2Model').find((m) => m.DeveloperName === 'TerritoryKit_Plan')!;
    expect(model.State).to.equal('Planning');
    expect(text(q(panel, '[part~=territories-saved-to]'))).to.equal(`Territories saved to Salesforce as planning model “${String(model.Name)}” — review and activate it in Setup.`);
    // The outcome's sentence is worded by an on-demand module: wait for it.
    await waitUntil(() => text(qa(panel, '[part~=territory-outcome]')[1]).includes('Territory2'), 'territory outcome worded', { timeout: 5000 });
    const items = qa(panel, '[part~=territory-outcome]');
    expect(items.map((li) => [li.dataset.territory, li.dataset.status])).to.deep.equal([[tm.territoryIds[0], 'saved'], ['t-drawn', 'saved']]);
    expect(text(items[1])).to.contain('a drawn area cannot be a Territory2 rule');
    expect(text(items[1])).to.contain('no assignment rule was written');
    expect(items[1].querySelector('b')).to.equal(null, 'names are text, never markup');
    expect(store.all('Territory2').filter((t) => t.Territory2ModelId === model.Id).map((t) => t.Name).sort()).to.deep.equal(['Drawn <b>area</b>', 'Territory 2', 'Territory 3', 'West (plan)']);
    expect(store.all('Territory2').filter((t) => t.Territory2ModelId === tm.modelId).map((t) => t.Name)).to.deep.equal(['Territory 1', 'Territory 2', 'Territory 3'], 'the Active model is untouched');
    expect(text(q(panel, '[part~=pending]'))).to.equal('0 unsaved changes');
  });
});
