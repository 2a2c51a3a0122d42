import { expect, html, waitUntil } from '@open-wc/testing';
import { currentLanguage } from '../../widgets/shared/localize.js';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
// What `territory-kit/widgets/territory-editor` gives: the element defined on import.
import '../../widgets/territory-editor/territory-editor.js';
import { account, rep, testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import type { LoadResult } from '../../src/adapters/crm-adapter.js';
import type { TkTerritoryEditor } from '../../widgets/territory-editor/territory-editor.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

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

function load(): LoadResult {
  const accounts = [
    account('a1', 'r1', { name: 'Shop One', industry: 'Retail', employees: 500, fields: { Tier__c: 'Gold' } }),
    account('a2', 'r1', { name: 'Byte Co', industry: 'Tech', employees: 50, fields: { Tier__c: 'Silver' } }),
    account('a3', 'r2', { name: 'Mega Soft', industry: 'Tech', employees: 5000 }),
    account('a4', 'r2', { name: 'Corner Store', industry: 'Retail', employees: 20 }),
    account('a5', null, { name: 'Mystery Ltd' }),
  ];
  const reps = [rep('r1', 'Ana Ruiz'), rep('r2', 'Ben Cole')];
  const territories = [
    { id: 't1', name: 'Retail', repIds: ['r1'], priority: 0, color: '#1f77b4', definition: { rules: { industries: ['Retail'] } } },
    { id: 't2', name: 'Big', repIds: ['r2'], priority: 0, definition: { rules: { employees: { min: 1000 } } } },
  ];
  return { accounts, reps, territories, rejected: [] };
}

const stat = (ed: Element, name: string) => text(q(ed, `[data-stat=${name}]`));
const counts = (ed: Element) => qa(ed, '[part~=list] tbody tr').map((tr) => `${tr.dataset.territory}=${text(tr.querySelector('[data-count]'))}`);

async function change(provider: TkTerritoryProvider, el: HTMLInputElement | HTMLSelectElement, value?: string): Promise<void> {
  if (value !== undefined) el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(provider);
  await settle(provider);
}

async function mount() {
  const provider = await mountProvider(testAdapter('test:terr', load()), html`<tk-territory-editor></tk-territory-editor>`);
  const ed = provider.querySelector('tk-territory-editor') as TkTerritoryEditor;
  return { provider, ed };
}

describe('<tk-territory-editor>', () => {
  it('lists territories with counts, gaps, overlaps and skipped from resolveTerritories', async () => {
    const { provider, ed } = await mount();
    expect(counts(ed)).to.deep.equal(['t1=2', 't2=1']);
    expect(stat(ed, 'gaps')).to.equal('2 in no territory');
    expect(stat(ed, 'overlaps')).to.equal('0 in several');
    expect(stat(ed, 'skipped')).to.equal('0 without coordinates');
    buttonNamed(ed, 'Select accounts in no territory').click();
    await settle(provider);
    expect(provider.state.selection).to.deep.equal(['a2', 'a5']);
    await expectNoAxeViolations(provider);
  });

  it('rule edits re-resolve live and show overlaps; each edit is one undoable step; priority settles overlaps', async () => {
    const { provider, ed } = await mount();
    buttonNamed(ed, 'Edit Big').click();
    await settle(provider);
    expect(q(ed, '[part~=editor]')).to.exist;
    await change(provider, q<HTMLInputElement>(ed, 'input[name=employees-min]')!, '10');
    // Big now takes a2 (50), a1 (500) and a4 (20): a1 and a4 are also Retail → 2 overlaps; only a5 is left out.
    expect(provider.state.territories[1].definition.rules).to.deep.equal({ employees: { min: 10 } });
    expect(provider.state.past.at(-1)!.label).to.equal('Edit territory "Big": employees');
    expect(stat(ed, 'gaps')).to.equal('1 in no territory');
    expect(stat(ed, 'overlaps')).to.equal('2 in several');
    buttonNamed(ed, 'Select accounts in several').click();
    await settle(provider);
    expect(provider.state.selection).to.deep.equal(['a1', 'a4']);

    buttonNamed(ed, 'Edit Retail').click();
    await settle(provider);
    await change(provider, q<HTMLInputElement>(ed, 'input[name=priority]')!, '1');
    expect(stat(ed, 'overlaps')).to.equal('0 in several');
    expect(counts(ed)).to.deep.equal(['t1=2', 't2=2']);

    provider.actions.undo();
    await settle(provider);
    expect(stat(ed, 'overlaps')).to.equal('2 in several');
    provider.actions.undo();
    await settle(provider);
    expect(stat(ed, 'gaps')).to.equal('2 in no territory');
    expect(provider.state.territories[1].definition.rules).to.deep.equal({ employees: { min: 1000 } });
  });

  it('industries, custom-field predicates, named includes/excludes, name and colour', async () => {
    const { provider, ed } = await mount();
    buttonNamed(ed, 'Edit Retail').click();
    await settle(provider);
    const industries = q<HTMLSelectElement>(ed, 'select[name=industries]')!;
    expect([...industries.options].map((o) => `${o.value}:${o.selected}`)).to.deep.equal(['Retail:true', 'Tech:false']);
    for (const o of industries.options) o.selected = true;
    await change(provider, industries);
    expect(provider.state.territories[0].definition.rules!.industries).to.deep.equal(['Retail', 'Tech']);
    expect(counts(ed)).to.deep.equal(['t1=4', 't2=0']);

    // Custom field: Tier__c is one of Gold → only a1 of those four.
    await change(provider, q<HTMLInputElement>(ed, 'input[name=field]')!, 'Tier__c');
    await change(provider, q<HTMLSelectElement>(ed, 'select[name=op]')!, 'in');
    await change(provider, q<HTMLInputElement>(ed, 'input[name=value]')!, 'Gold');
    buttonNamed(ed, 'Add condition').click();
    await settle(provider);
    expect(provider.state.territories[0].definition.rules!.fields).to.deep.equal([{ field: 'Tier__c', op: 'in', value: ['Gold'] }]);
    expect(counts(ed)).to.deep.equal(['t1=1', 't2=1']);
    expect(text(q(ed, '.predicates li'))).to.contain('Tier__c is one of Gold');

    // Named account: include a5 (no industry, no fields) → no gap left for it.
    provider.actions.select(['a5']);
    await settle(provider);
    buttonNamed(ed, 'Add the 1 selected account').click();
    await settle(provider);
    expect(provider.state.territories[0].definition.include).to.deep.equal(['a5']);
    expect(counts(ed)).to.deep.equal(['t1=2', 't2=1']);
    expect(text(q(ed, '[data-list=include] li'))).to.contain('Mystery Ltd');
    buttonNamed(ed, 'Remove Mystery Ltd from named accounts (always in)').click();
    await settle(provider);
    expect(provider.state.territories[0].definition.include).to.deep.equal([]);

    // Exclude a1 → Retail is empty.
    provider.actions.select(['a1']);
    await settle(provider);
    const excludeButton = qa<HTMLButtonElement>(ed, '[data-list=exclude] button').at(-1)!;
    excludeButton.click();
    await settle(provider);
    expect(counts(ed)).to.deep.equal(['t1=0', 't2=1']);

    await change(provider, q<HTMLInputElement>(ed, 'input[name=name]')!, 'Shops');
    await change(provider, q<HTMLInputElement>(ed, 'input[name=color]')!, '#ff0000');
    expect(provider.state.territories[0]).to.include({ name: 'Shops', color: '#ff0000' });
    expect(text(q(ed, 'tr[data-territory=t1] th'))).to.equal('Shops');
    await expectNoAxeViolations(provider);
  });

  it('refuses an inverted range with a message naming the field, and creates/deletes territories as undoable steps', async () => {
    const { provider, ed } = await mount();
    buttonNamed(ed, 'Edit Big').click();
    await settle(provider);
    const steps = provider.state.past.length;
    await change(provider, q<HTMLInputElement>(ed, 'input[name=employees-max]')!, '10');
    expect(text(q(ed, '[part~=error]'))).to.equal('Employees: min (1000) must not exceed max (10)');
    expect(provider.state.past.length).to.equal(steps);

    buttonNamed(ed, 'New territory').click();
    await settle(provider);
    expect(provider.state.territories.map((t) => t.id)).to.deep.equal(['t1', 't2', 'territory-3']);
    expect(provider.state.past.at(-1)!.label).to.equal('Create territory "New territory 3"');
    expect(q<HTMLInputElement>(ed, '[part~=editor] input[name=name]')!.value).to.equal('New territory 3');
    expect(counts(ed)).to.deep.equal(['t1=2', 't2=1', 'territory-3=0']);
    buttonNamed(ed, 'Delete Big').click();
    await settle(provider);
    expect(provider.state.territories.map((t) => t.id)).to.deep.equal(['t1', 'territory-3']);
    expect(stat(ed, 'gaps')).to.equal('3 in no territory');
    provider.actions.undo();
    await settle(provider);
    expect(provider.state.territories.map((t) => t.id)).to.deep.equal(['t1', 't2', 'territory-3']);
  });

  it('keeps the figure columns\' headers on one line in Japanese in a narrow panel ("優先度" broke into one character a line)', async () => {
    const provider = await mountProvider(testAdapter('test:terr-ja', load()), html`<tk-territory-editor style="display:block;width:300px"></tk-territory-editor>`, { locale: 'ja-JP' });
    await waitUntil(() => currentLanguage() === 'ja', 'Japanese did not load', { timeout: 10_000 });
    const ed = provider.querySelector('tk-territory-editor')!;
    await waitUntil(() => qa(ed, '[part~=list] thead th.num').some((th) => text(th) === '優先度'), 'no Japanese priority header');
    for (const th of qa(ed, '[part~=list] thead th.num')) {
      const range = document.createRange();
      range.selectNodeContents(th);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      expect(lines.size).to.equal(1, `"${text(th)}" wraps`);
    }
  });
});
