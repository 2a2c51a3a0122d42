import { expect, html } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
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
      // closed won 400 of 500 = 80%, above 1.2 × the team mean (80% + 12.5%) / 2; workload 6 vs 4 → +50%.
      ['Ana Ruiz', '3', '38%', '$60', '+25%', '$400 / $500 (80%)', '+50%', 'Over-performing Overloaded'],
      // Ben: 0.1; pipeline 80 vs 100 → −20%; 50 of 400 = 13%, under 0.8 × the mean; workload 2 vs 4 → −50%.
      ['Ben Cole', '1', '10%', '$80', '-20%', '$50 / $400 (13%)', '-50%', 'Under-performing'],
    ]);
    const chart = rootOf(board).querySelector('tbody tr svg')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.equal('Attainment 80% of quota');
    expect(chart.querySelectorAll('rect')).to.have.length(2);
    await expectNoAxeViolations(provider);
  });

  it('basis="quota" flags against the quota itself', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-performance-board basis="quota" under-threshold="0.5"></tk-performance-board>`);
    const flags = rows(provider.querySelector('tk-performance-board')!).map((r) => r[7]);
    expect(flags).to.deep.equal(['Overloaded', 'Under-performing']);
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

  it('groups by territory and recomputes when assignments change', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-performance-board group-by="territory" sort-key="name" sort-direction="ascending"></tk-performance-board>`);
    const board = provider.querySelector('tk-performance-board')!;
    expect(rows(board).map((r) => r.slice(0, 2))).to.deep.equal([
      ['East', '1'],
      ['West', '3'],
    ]);
    provider.actions.assign(['a1'], 'r2');
    await settle(provider);
    expect(rows(board).map((r) => r.slice(0, 2))).to.deep.equal([
      ['East', '2'],
      ['West', '2'],
    ]);
    const toggle = [...rootOf(board).querySelectorAll('[part~=group-toggle] button')];
    expect(toggle.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
    (toggle[0] as HTMLButtonElement).click();
    await settle(provider);
    expect(rows(board).map((r) => r[0])).to.deep.equal(['Ana Ruiz', 'Ben Cole']);
    await expectNoAxeViolations(provider);
  });
});
