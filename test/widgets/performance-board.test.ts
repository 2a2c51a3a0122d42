import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import { resolveTerritories } from '../../src/engine/resolve-territories.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { rep } from '../helpers/plan-fixture.js';
import { currentLanguage } from '../../widgets/shared/localize.js';
import type { TkPerformanceBoard } from '../../widgets/performance-board/performance-board.component.js';

const text = (el: Element | null) => el!.textContent!.replace(/\s+/g, ' ').trim();
const rows = (board: Element) =>
  [...rootOf(board).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));
const header = (board: Element, label: string) =>
  [...rootOf(board).querySelectorAll('thead th')].find((th) => text(th).startsWith(label))!;

describe('<tk-performance-board>', () => {
  it('shows per-rep win rate, pipeline and change, attainment with a chart, and flags', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-performance-board></tk-performance-board>`);
    const board = provider.querySelector('tk-performance-board')!;
    expect(rows(board)).to.deep.equal([
      // Ana: win rates 0.5 and 0.25 → 38%; pipeline 60; change over a1 only: 50 vs 40 → +25%;
      // closed won 400 of 500 = 80% (not below 80% of quota, not above 120%); workload 6 vs 4 → +50%.
      ['Ana Ruiz', '3', '38%', '$60', '+25%', '$400 / $500 (80%)', '+50%', 'Overloaded (workload above target + 5%)'],
      // Ben: 0.1; pipeline 80 vs 100 → −20%; 50 of 400 = 13%, under 80% of quota; workload 2 vs 4 → −50%.
      ['Ben Cole', '1', '10%', '$80', '-20%', '$50 / $400 (13%)', '-50%', 'Under-performing (below 80% of quota)'],
    ]);
    const chart = rootOf(board).querySelector('tbody tr svg')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.equal('Attainment 80% of quota');
    expect(chart.querySelectorAll('rect')).to.have.length(2);
    await expectNoAxeViolations(provider);
  });

  it('basis="team" flags against the team average attainment, and says so', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-performance-board basis="team"></tk-performance-board>`);
    const board = provider.querySelector('tk-performance-board')!;
    const flags = rows(board).map((r) => r[7]);
    // Mean attainment (80% + 12.5%) / 2 = 46%: Ana's 80% is above 1.2× that, Ben's 13% below 0.8×.
    expect(flags).to.deep.equal([
      'Over-performing (above 120% of the team average attainment) Overloaded (workload above target + 5%)',
      'Under-performing (below 80% of the team average attainment)',
    ]);
    expect(text(rootOf(board).querySelector('caption'))).to.contain('Flags compare attainment with the team average attainment');
    const under = await mountProvider(testAdapter(), html`<tk-performance-board under-threshold="0.5"></tk-performance-board>`);
    expect(rows(under.querySelector('tk-performance-board')!).map((r) => r[7])).to.deep.equal(['Overloaded (workload above target + 5%)', 'Under-performing (below 50% of quota)']);
  });

  it('history stays with the rep who earned it after a reassign; the book follows the plan', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-performance-board sort-key="name" sort-direction="ascending"></tk-performance-board>`);
    const board = provider.querySelector('tk-performance-board')!;
    provider.actions.assign(['a1', 'a2', 'a3'], 'r2');
    await settle(provider);
    expect(rows(board)).to.deep.equal([
      // Ana keeps what she closed (no account in the draft, no pipeline), Ben gets the book.
      ['Ana Ruiz', '0', '38%', '$0', '—', '$400 / $500 (80%)', '-100%', ''],
      ['Ben Cole', '4', '10%', '$140', '-7%', '$50 / $400 (13%)', '+100%', 'Under-performing (below 80% of quota) Overloaded (workload above target + 5%)'],
    ]);
  });

  it('with deal data, credits each closed deal to its owner at close (demo data, memory adapter)', async () => {
    const data = generateDemoData({ seed: 9, accounts: 400, reps: 5 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-performance-board sort-key="name" sort-direction="ascending"></tk-performance-board>`);
    const board = provider.querySelector('tk-performance-board')!;
    expect(provider.state.opportunities!.length).to.equal(data.opportunities.length);
    const earned = (repId: string) => data.opportunities.filter((o) => o.ownerId === repId && o.stage === 'won').reduce((s, o) => s + o.amount, 0);
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    const cell = (name: string) => rows(board).find((r) => r[0] === name)![5];
    const [wen, zoe] = provider.state.reps.filter((r) => r.active);
    const before = { wen: cell(wen.name), zoe: cell(zoe.name) };
    expect(before.wen.startsWith(`${money.format(earned(wen.id))} /`)).to.equal(true, before.wen);
    // Move all of Wen's accounts to Zoe: Wen's history does not follow them.
    provider.actions.assign(provider.state.accounts.filter((a) => provider.state.working[a.id] === wen.id && !a.locked).map((a) => a.id), zoe.id);
    await settle(provider);
    expect(cell(wen.name)).to.equal(before.wen);
    expect(cell(zoe.name)).to.equal(before.zoe);
    expect(text(rootOf(board).querySelector('caption'))).to.contain('credited to the rep who owned each deal when it closed');
  });

  it('an inactive rep who still owns accounts is flagged inactive, not overloaded or under-performing (no target to compare with)', async () => {
    const load = smallLoad();
    load.reps = [rep('r1', 'Ana Ruiz', { quota: 500 }), rep('r2', 'Ben Cole', { quota: 400, active: false })];
    const provider = await mountProvider(testAdapter('test:inactive', load), html`<tk-performance-board sort-key="name" sort-direction="ascending"></tk-performance-board>`);
    const board = provider.querySelector('tk-performance-board')!;
    const ben = rows(board).find((r) => r[0] === 'Ben Cole')!;
    // Ben keeps his account and history, but has no workload target: no "+∞ %", no "Overloaded", no quota flag.
    expect([ben[1], ben[6], ben[7]]).to.deep.equal(['1', '—', 'Inactive (owns accounts to reassign)']);
    // Once his accounts move, the row still says he is inactive (he keeps what he earned).
    provider.actions.assign(['a4'], 'r1');
    await settle(provider);
    expect(rows(board).find((r) => r[0] === 'Ben Cole')!.slice(6)).to.deep.equal(['—', 'Inactive']);
  });

  it('German flags read as text: no XML entities (&lt;, &gt;) from the catalogue', async () => {
    const provider = await mountProvider(testAdapter('test:de-flags'), html`<tk-performance-board></tk-performance-board>`, { locale: 'de-DE' });
    await waitUntil(() => currentLanguage() === 'de', 'German did not load', { timeout: 10_000 });
    const board = provider.querySelector('tk-performance-board')!;
    await waitUntil(() => rows(board).some((r) => r[7].startsWith('Unter Plan')), 'no German flag');
    const flags = rows(board).map((r) => r[7]);
    expect(flags.join(' | ')).not.to.match(/&(lt|gt|amp);/);
    expect(flags).to.deep.equal(['Überlastet (Arbeitslast über Ziel + 5 %)', 'Unter Plan (unter 80 % der Quote)']);
  });

  it('sorts by a column from its header button and reports aria-sort', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-performance-board></tk-performance-board>`);
    const board = provider.querySelector('tk-performance-board') as TkPerformanceBoard;
    expect(header(board, 'Closed won').getAttribute('aria-sort')).to.equal('descending');
    header(board, 'Pipeline change').querySelector('button')!.click();
    await board.updateComplete;
    expect(header(board, 'Pipeline change').getAttribute('aria-sort')).to.equal('descending');
    expect(header(board, 'Closed won').getAttribute('aria-sort')).to.equal('none');
    expect(rows(board).map((r) => r[0])).to.deep.equal(['Ana Ruiz', 'Ben Cole']);
    header(board, 'Pipeline change').querySelector('button')!.click();
    await board.updateComplete;
    expect(header(board, 'Pipeline change').getAttribute('aria-sort')).to.equal('ascending');
    expect(rows(board).map((r) => r[0])).to.deep.equal(['Ben Cole', 'Ana Ruiz']);
  });

  it("groups by territory, counting each territory's own accounts (as the territory editor does)", async () => {
    const load = smallLoad();
    load.territories[0].definition = { include: ['a1', 'a2'] };
    load.territories[1].definition = { include: ['a3', 'a4', 'a5'] };
    const provider = await mountProvider(testAdapter('test:t', load), html`<tk-performance-board group-by="territory" sort-key="name" sort-direction="ascending"></tk-performance-board>`);
    const board = provider.querySelector('tk-performance-board')!;
    await waitUntil(() => rows(board).length === 2, 'no territory rows');
    const counts = resolveTerritories(provider.state.accounts, provider.state.territories).counts;
    expect(rows(board).map((r) => r.slice(0, 2))).to.deep.equal([
      ['East', String(counts.t2)],
      ['West', String(counts.t1)],
    ]);
    expect(counts).to.deep.equal({ t1: 2, t2: 3 });
    // Reassigning an account does not move it out of its territory.
    provider.actions.assign(['a1'], 'r2');
    await settle(provider);
    expect(rows(board).map((r) => r.slice(0, 2))).to.deep.equal([
      ['East', '3'],
      ['West', '2'],
    ]);
    // A territory edit does.
    provider.actions.setTerritories([{ ...provider.state.territories[0], definition: { include: ['a1'] } }, provider.state.territories[1]], 'edit');
    await waitUntil(() => rows(board).find((r) => r[0] === 'West')?.[1] === '1', 'territory rows did not follow the edit');
    const toggle = [...rootOf(board).querySelectorAll('[part~=group-toggle] button')];
    expect(toggle.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
    (toggle[0] as HTMLButtonElement).click();
    await settle(provider);
    expect(rows(board).map((r) => r[0])).to.deep.equal(['Ana Ruiz', 'Ben Cole']);
    await expectNoAxeViolations(provider);
  });
});

describe('<tk-performance-board> and <tk-territory-card> with quotas set in the plan', () => {
  it('measure attainment against the quota in force for the period (the plan\'s), not the CRM\'s, and undo brings the CRM\'s back', async () => {
    const provider = await mountProvider(
      testAdapter(),
      html`<tk-performance-board></tk-performance-board><tk-territory-card rep-id="r1"></tk-territory-card>`,
    );
    const board = provider.querySelector('tk-performance-board')!;
    const card = provider.querySelector('tk-territory-card')!;
    const attainment = () => Object.fromEntries(rows(board).map((r) => [r[0], r[5]]));
    expect(attainment()).to.deep.equal({ 'Ana Ruiz': '$400 / $500 (80%)', 'Ben Cole': '$50 / $400 (13%)' });
    // A quota for a period that has started (the first of this month): it is the one in force.
    const period = `${new Date().toISOString().slice(0, 7)}-01`;
    expect(provider.actions.applyQuotas!(period, [{ repId: 'r1', amount: 1000 }, { repId: 'r2', amount: 100 }])).to.equal(true);
    await settle(provider);
    await waitUntil(() => attainment()['Ana Ruiz'] === '$400 / $1,000 (40%)', `board: ${JSON.stringify(attainment())}`);
    expect(attainment()).to.deep.equal({ 'Ana Ruiz': '$400 / $1,000 (40%)', 'Ben Cole': '$50 / $100 (50%)' });
    await waitUntil(() => (rootOf(card).textContent ?? '').replace(/\s+/g, ' ').includes(`quota (plan, from ${period})`), 'card names the plan quota');
    expect((rootOf(card).textContent ?? '').replace(/\s+/g, ' ')).to.match(/\$1K quota \(plan, from \d{4}-\d{2}-01\)/);
    // A quota for a later period is not in force yet.
    const next = new Date();
    next.setUTCMonth(next.getUTCMonth() + 2, 1);
    provider.actions.undo();
    await settle(provider);
    await waitUntil(() => attainment()['Ana Ruiz'] === '$400 / $500 (80%)', 'undo restores the CRM quota');
    provider.actions.applyQuotas!(next.toISOString().slice(0, 10), [{ repId: 'r1', amount: 1000 }, { repId: 'r2', amount: 100 }]);
    await settle(provider);
    expect(attainment()).to.deep.equal({ 'Ana Ruiz': '$400 / $500 (80%)', 'Ben Cole': '$50 / $400 (13%)' });
  });
});
