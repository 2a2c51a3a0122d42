// Issue #17 inside the panel: "Distribute across reps" for a selection (preview numbers, apply, undo),
// "A rep leaves" (a whole book distributed), and the Quotas section as the quota planner (split, apply,
// attainment on the board uses it, undo).
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../widgets/performance-board/performance-board.js';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const partsLoaded = (panel: Element) => waitUntil(() => !rootOf(panel).querySelector('p[aria-busy=true]'), 'on-demand panel parts not loaded');
const buttonNamed = (el: Element, name: string | RegExp) => {
  const found = qa<HTMLButtonElement>(el, 'button').find((b) => (typeof name === 'string' ? text(b) === name : name.test(text(b))));
  if (!found) throw new Error(`no button named ${String(name)} in ${qa(el, 'button').map(text).join(' | ')}`);
  return found;
};
/** The reps table's "accounts" cell per rep name. */
const repCounts = (panel: Element) =>
  Object.fromEntries(qa(panel, '[part~=reps-table] tbody tr').map((tr) => [text(tr.querySelector('th .rep-name')), text(tr.querySelector('td.num'))]));

async function openSection(provider: TkTerritoryProvider, panel: TkRepAssignmentPanel, id: 'leaves' | 'quotas'): Promise<void> {
  panel.setSectionOpen(id, true);
  await settle(provider);
  await partsLoaded(panel);
}

describe('<tk-rep-assignment-panel> distribute a selection', () => {
  it('select → "Distribute across reps" → preview with gains, balance and reasons → apply in one step → undo', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    // Ana's whole book (workload 3 + 2 + 1; targets are 4 each, Ben holds 2).
    provider.actions.select(['a1', 'a2', 'a3']);
    await settle(provider);
    await partsLoaded(panel);
    expect(repCounts(panel)).to.deep.equal({ 'Ana Ruiz': '3', 'Ben Cole': '1' });
    // Distribute comes first, before one rep for all.
    const headings = qa(panel, '[data-section=selection] h3').map(text);
    expect(headings).to.deep.equal(['Distribute across reps', 'Or one rep for all 3']);
    buttonNamed(panel, 'Distribute 3 accounts across reps').click();
    await settle(provider);
    const preview = q(panel, 'tk-distribute-preview')!;
    expect(preview, 'the distribute preview inside the panel').to.exist;
    await waitUntil(() => q(preview, '[part~=balance]'), 'the preview proposes at once');
    expect(text(q(preview, '[part~=balance]'))).to.match(/1 of 3 accounts change owner/);
    expect(text(q(preview, '[part~=balance]'))).to.match(/workload 50% → 0%, potential 40% → 0%/);
    expect(text(q(preview, '[part~=balance]'))).to.contain('Every rep within tolerance after.');
    const gains = qa<HTMLTableRowElement>(preview, '[part~=reps] tbody tr').map((tr) => [tr.dataset.rep, text(tr.cells[1]), text(tr.cells[2])]);
    expect(gains).to.deep.equal([['r1', '—', '−1'], ['r2', '+1', '—']]);
    const row = q<HTMLTableRowElement>(preview, '[part~=proposals] tbody tr')!;
    expect(row.dataset.account).to.equal('a2');
    expect(text(row)).to.contain('Ana Ruiz → Ben Cole');
    expect(text(row.querySelector('.reason'))).to.match(/headroom after/);
    // A preview only: shown to the map, nothing moved.
    expect(provider.state.previewAssignments).to.deep.equal({ a2: 'r2' });
    expect(provider.state.working.a2).to.equal('r1');
    await expectNoAxeViolations(provider);

    const before = provider.state.past.length;
    q<HTMLButtonElement>(preview, '[part~=apply]')!.click();
    await settle(provider);
    expect(provider.state.working.a2).to.equal('r2');
    expect(provider.state.past.length).to.equal(before + 1);
    expect(provider.state.past.at(-1)!.label).to.equal('Distribute 1 account');
    await waitUntil(() => repCounts(panel)['Ben Cole'] === '2', 'the reps table follows');
    expect(repCounts(panel)).to.deep.equal({ 'Ana Ruiz': '2', 'Ben Cole': '2' });
    // Undo right there (and focus went to it).
    const undo = q<HTMLButtonElement>(preview, '[part~=undo]')!;
    expect(rootOf(preview).activeElement).to.equal(undo);
    undo.click();
    await settle(provider);
    expect(provider.state.working.a2).to.equal('r1');
    await waitUntil(() => repCounts(panel)['Ben Cole'] === '1', 'undo reaches the reps table');
  });

  it('for a large selection one rep is not the default: distributing is the primary action, locks are respected', async () => {
    const data = generateDemoData({ seed: 3, accounts: 300, reps: 6 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    const s0 = provider.state;
    const picked = s0.accounts.filter((a) => !a.locked).slice(0, 40).map((a) => a.id);
    provider.actions.setLocked!({ accounts: picked.slice(0, 2) }, true);
    provider.actions.select(picked);
    await settle(provider);
    await partsLoaded(panel);
    const distribute = buttonNamed(panel, 'Distribute 40 accounts across reps');
    expect(distribute.classList.contains('brand')).to.equal(true);
    const assignButtons = qa<HTMLButtonElement>(panel, '[part~=recommendation] button[data-assign]');
    expect(assignButtons.length).to.be.greaterThan(0);
    expect(assignButtons.filter((b) => b.classList.contains('brand'))).to.deep.equal([]);
    distribute.click();
    await settle(provider);
    const preview = q(panel, 'tk-distribute-preview')!;
    await waitUntil(() => q(preview, '[part~=apply]'), 'proposal');
    expect(text(q(preview, '[part~=balance]'))).to.contain('2 stay (2 locked)');
    const moves = { ...provider.state.previewAssignments };
    expect(Object.keys(moves)).to.not.include.members(picked.slice(0, 2));
    // Spread over several reps, not one.
    expect(new Set(Object.values(moves)).size).to.be.greaterThan(1);
    q<HTMLButtonElement>(preview, '[part~=apply]')!.click();
    await settle(provider);
    for (const [id, to] of Object.entries(moves)) expect(provider.state.working[id]).to.equal(to);
    expect(provider.state.working[picked[0]]).to.equal(s0.working[picked[0]]);
    provider.actions.undo();
    await settle(provider);
    for (const id of picked) expect(provider.state.working[id]).to.equal(s0.working[id]);
  });
});

describe('<tk-rep-assignment-panel> a rep leaves', () => {
  it("distributes the leaving rep's whole book over the others, locked accounts stay; one undoable step", async () => {
    const data = generateDemoData({ seed: 3, accounts: 300, reps: 6 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    await openSection(provider, panel, 'leaves');
    const s0 = provider.state;
    const leaving = s0.reps[0];
    const book = s0.accounts.filter((a) => s0.working[a.id] === leaving.id);
    provider.actions.setLocked!({ accounts: [book[0].id] }, true);
    await settle(provider);
    const preview = q(panel, '[data-section=leaves] tk-distribute-preview')!;
    await waitUntil(() => q(preview, 'select[name=from]'), 'the rep chooser');
    const select = q<HTMLSelectElement>(preview, 'select[name=from]')!;
    select.value = leaving.id;
    select.dispatchEvent(new Event('change'));
    await settle(provider);
    buttonNamed(preview, `Propose owners for ${book.length} accounts`).click();
    await settle(provider);
    const balance = text(q(preview, '[part~=balance]'));
    expect(balance).to.contain(`${book.length - 1} of ${book.length} accounts change owner.`);
    expect(balance).to.contain('1 stay (1 locked).');
    expect(balance).to.contain(`counts ${leaving.name} as gone`);
    const gainers = qa<HTMLTableRowElement>(preview, '[part~=reps] tbody tr').filter((tr) => text(tr.cells[1]) !== '—');
    expect(gainers.length, 'the book is shared, not handed to one rep').to.be.greaterThan(1);
    expect(gainers.map((tr) => tr.dataset.rep)).to.not.include(leaving.id);
    q<HTMLButtonElement>(preview, '[part~=apply]')!.click();
    await settle(provider);
    const left = provider.state.accounts.filter((a) => provider.state.working[a.id] === leaving.id).map((a) => a.id);
    expect(left).to.deep.equal([book[0].id]);
    expect(provider.state.past.at(-1)!.label).to.equal(`Distribute ${book.length - 1} accounts of ${leaving.name}`);
    q<HTMLButtonElement>(preview, '[part~=undo]')!.click();
    await settle(provider);
    expect(provider.state.accounts.filter((a) => provider.state.working[a.id] === leaving.id)).to.have.length(book.length);
  });
});

describe('<tk-rep-assignment-panel> quotas', () => {
  it('the Quotas section is the quota planner: split a team target, apply, the board measures attainment against it, undo', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-rep-assignment-panel></tk-rep-assignment-panel><tk-performance-board></tk-performance-board>`);
    const panel = panelOf(provider);
    const board = provider.querySelector('tk-performance-board')!;
    const attainment = () => Object.fromEntries([...rootOf(board).querySelectorAll('tbody tr')].map((tr) => [text(tr.children[0]), text(tr.children[5])]));
    expect(attainment()).to.deep.equal({ 'Ana Ruiz': '$400 / $500 (80%)', 'Ben Cole': '$50 / $400 (13%)' });
    await openSection(provider, panel, 'quotas');
    const planner = q(panel, '[data-section=quotas] tk-quota-planner')!;
    await waitUntil(() => q(planner, 'input[name=target]'), 'the planner renders');
    const set = async (name: string, value: string) => {
      const input = q<HTMLInputElement | HTMLSelectElement>(planner, `[name=${name}]`)!;
      input.value = value;
      input.dispatchEvent(new Event('change'));
      await settle(provider);
    };
    // A period in force today (the first of this month), a team target of 1,000 split by potential share.
    const period = `${new Date().toISOString().slice(0, 7)}-01`;
    await set('period', period);
    await set('target', '1000');
    const quotas = () => qa<HTMLTableRowElement>(planner, '[part~=table] tbody tr').map((tr) => [tr.dataset.rep, tr.querySelector('input')!.value]);
    // Ana holds 700 of 1,000 potential, Ben 300.
    expect(quotas()).to.deep.equal([['r1', '700'], ['r2', '300']]);
    expect(text(q(planner, '[part~=sum]'))).to.contain('= target');
    // Ben's quota agreed at 500: the rest goes to Ana; the fairness says who is asked for more than their share.
    await set('method', 'potential');
    const benAgreed = qa<HTMLInputElement>(planner, '[part~=table] tbody tr[data-rep=r2] input')[0];
    benAgreed.value = '500';
    benAgreed.dispatchEvent(new Event('change'));
    await settle(provider);
    expect(quotas()).to.deep.equal([['r1', '500'], ['r2', '500']]);
    expect(text(q(planner, '[part~=fairness]'))).to.contain('Ben Cole is asked for 67% more than their potential share ($500 against $300).');
    await expectNoAxeViolations(provider);

    q<HTMLButtonElement>(planner, '[part~=apply]')!.click();
    await settle(provider);
    expect(provider.state.quotas).to.deep.equal([
      { repId: 'r1', period, amount: 500 },
      { repId: 'r2', period, amount: 500, locked: true },
    ]);
    await waitUntil(() => attainment()['Ben Cole'] === '$50 / $500 (10%)', `board: ${JSON.stringify(attainment())}`);
    expect(attainment()).to.deep.equal({ 'Ana Ruiz': '$400 / $500 (80%)', 'Ben Cole': '$50 / $500 (10%)' });
    // Undo in the planner brings the CRM's quotas back on the board.
    q<HTMLButtonElement>(planner, '[part~=undo]')!.click();
    await settle(provider);
    await waitUntil(() => attainment()['Ben Cole'] === '$50 / $400 (13%)', `board after undo: ${JSON.stringify(attainment())}`);
    expect(provider.state.quotas ?? []).to.deep.equal([]);
  });
});
