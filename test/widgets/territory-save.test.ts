// Territories are first-class (issue #14): a territory edit counts on Save, reaches an adapter that
// writes territories (memory) with its own outcomes; where the adapter cannot, the Save section says
// territories stay in this browser, and export → import restores them (model-checked, one undo step).
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { pendingTerritoryChanges } from '../../src/store/territory-changes.js';
import type { Territory } from '../../src/model/territory.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';
import '../../widgets/rep-assignment-panel/rep-assignment-panel.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function buttonNamed(el: Element, name: string): HTMLButtonElement {
  const found = qa<HTMLButtonElement>(el, 'button').find((b) => (b.getAttribute('aria-label') ?? text(b)) === name);
  if (!found) throw new Error(`no button named ${name} in ${qa(el, 'button').map(text).join(' | ')}`);
  return found;
}

async function open(provider: TkTerritoryProvider, panel: TkRepAssignmentPanel, id: string): Promise<void> {
  if (q(panel, `[data-section=${id}]`)?.hasAttribute('open')) return;
  q(panel, `[data-section=${id}] summary`)!.click();
  await new Promise((r) => setTimeout(r, 0));
  await settle(provider);
}

const west = { id: 't-west', name: 'West', repIds: ['r1'], priority: 1, color: '#123456', definition: { regions: ['CA', 'OR'] } };
const retail = { id: 't-retail', name: 'Retail', repIds: ['r2'], priority: 0, definition: { rules: { industries: ['Retail'] }, include: ['a4'] } };

describe('territories saved or kept honestly', () => {
  it('a territory edit counts on Save, the memory adapter receives it, outcomes are shown', async () => {
    const data = smallLoad();
    const adapter = createMemoryAdapter({ accounts: data.accounts, reps: data.reps, territories: [west, retail] });
    const provider = await mountProvider(adapter, html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    await open(provider, panel, 'save');
    expect(q(panel, '[part~=territories-local]')).to.equal(null, 'memory writes territories: no "stays in this browser" notice');
    expect(text(q(panel, '[part~=pending]'))).to.equal('0 unsaved changes');

    const s = provider.state;
    const renamed = s.territories.map((t) => (t.id === 't-west' ? { ...t, name: 'West Coast', definition: { ...t.definition, regions: ['CA', 'OR', 'WA'] } } : t));
    const drawn: Territory = { id: 't-drawn', name: 'Drawn', repIds: [], priority: 0, definition: { geometry: { type: 'Polygon', coordinates: [[[-100, 30], [-90, 30], [-90, 40], [-100, 30]]] } } };
    expect(provider.actions.setTerritories([...renamed, drawn], 'Edit territories')).to.equal(true);
    await settle(provider);
    expect(text(q(panel, '[part~=pending]'))).to.equal('0 unsaved changes, 2 territories');
    expect(text(provider.shadowRoot!.querySelector('[part~=toolbar] .count'))).to.equal('0 unsaved changes, 2 territories');
    const save = buttonNamed(panel, 'Save to CRM');
    expect(save.disabled).to.equal(false);

    adapter.touchTerritory('t-retail', {}); // not edited here: no conflict expected for it
    save.click();
    await waitUntil(() => (provider.state.lastTerritorySave?.length ?? 0) > 0, 'territory save finished');
    await settle(provider);
    const stored = adapter.snapshot().territories;
    expect(stored.map((t) => t.name)).to.have.members(['West Coast', 'Retail', 'Drawn']);
    expect(stored.find((t) => t.id === 't-west')!.definition!.regions).to.deep.equal(['CA', 'OR', 'WA']);
    const items = qa(panel, '[part~=territory-outcome]');
    expect(items.map((li) => [li.dataset.territory, li.dataset.status])).to.deep.equal([['t-west', 'saved'], ['t-drawn', 'saved']]);
    expect(text(q(panel, '[part~=territory-outcomes] p'))).to.equal('Territories: 2 saved, 0 failed, 0 in conflict');
    expect(pendingTerritoryChanges(provider.state)).to.deep.equal([]);
    expect(text(q(panel, '[part~=pending]'))).to.equal('0 unsaved changes');

    // Someone else edits West in the CRM; our next edit of it is a conflict, shown and still pending.
    adapter.touchTerritory('t-west', { name: 'Theirs' });
    provider.actions.setTerritories(provider.state.territories.map((t) => (t.id === 't-west' ? { ...t, name: 'Ours' } : t)), 'Rename');
    await settle(provider);
    buttonNamed(panel, 'Save to CRM').click();
    await waitUntil(() => provider.state.lastTerritorySave?.[0]?.status === 'conflict', 'conflict reported');
    await settle(provider);
    expect(q(panel, '[part~=territory-outcome][data-status=conflict]')).to.not.equal(null);
    expect(adapter.snapshot().territories.find((t) => t.id === 't-west')!.name).to.equal('Theirs');
    expect(pendingTerritoryChanges(provider.state).map((c) => c.id)).to.deep.equal(['t-west']);
  });

  it('without canWriteTerritories: the notice says so, and export → import restores the territories in one undo step', async () => {
    const data = smallLoad();
    data.territories = [west, retail] as typeof data.territories;
    const provider = await mountProvider(testAdapter('test:terr', data, { system: 'salesforce' }), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    await open(provider, panel, 'save');
    const notice = q(panel, '[part~=territories-local]')!;
    expect(text(notice.querySelector('p'))).to.equal('Territories stay in this browser (not saved to Salesforce): export them.');
    const loaded = provider.state.territories;

    buttonNamed(panel, 'Export territories (GeoJSON)').click();
    await settle(provider);
    const link = q<HTMLAnchorElement>(panel, '[part~=territories-local] a[part~=download]')!;
    expect(link.getAttribute('download')).to.equal('territories.geojson');
    const exported = await (await fetch(link.href)).text();

    // The user loses the territories (edits them away), then imports the export.
    provider.actions.setTerritories([{ id: 't-west', name: 'Wrecked', repIds: [], priority: 0, definition: {} }], 'Oops');
    await settle(provider);
    await open(provider, panel, 'export');
    const input = q<HTMLInputElement>(panel, 'input[part~=territory-import]')!;
    const dt = new DataTransfer();
    dt.items.add(new File([exported], 'territories.geojson', { type: 'application/geo+json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => q(panel, '[part~=territory-import-result]'), 'import done');
    await settle(provider);
    expect(text(q(panel, '[part~=territory-import-result]'))).to.equal('Imported 2 territories (one undo step).');
    const strip = (ts: readonly object[]) => JSON.parse(JSON.stringify(ts)).map((t: Record<string, unknown>) => ({ ...t, color: t.color ?? null }));
    expect(strip(provider.state.territories)).to.deep.equal(strip(loaded));
    provider.actions.undo();
    await settle(provider);
    expect(provider.state.territories.map((t) => t.name)).to.deep.equal(['Wrecked']);
    provider.actions.redo();
    await settle(provider);

    // A bad file: rejections name the territory and the field; the valid one is still taken in.
    const bad = JSON.stringify([{ id: 't-bad', name: 'Bad', color: 'red' }, { id: 't-ok', name: 'Fine' }, { name: 'No id' }]);
    const dt2 = new DataTransfer();
    dt2.items.add(new File([bad], 'bad.json', { type: 'application/json' }));
    input.files = dt2.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => q(panel, '[part~=territory-import-rejections]'), 'rejections listed');
    const rejections = qa(panel, '[part~=territory-import-rejections] li').map(text);
    expect(rejections[0]).to.match(/^territory t-bad: color expected a hex colour/);
    expect(rejections[1]).to.match(/^territory at position 3: id /);
    expect(provider.state.territories.map((t) => t.id)).to.include('t-ok');
  });
});
