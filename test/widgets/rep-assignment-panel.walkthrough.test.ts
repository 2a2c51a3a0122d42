// Fixes from the demo walkthrough (issue #14): a selection with locked accounts lists the ones that stay
// under the locked line and the ones that can move under their own line; a rep row's buttons stay on one
// line (German, French, Japanese), stacked in a narrow panel, never wrapped 2 + 1 nor clipped; Japanese
// quota wording is クォータ (the terminology table), not 割当 / ノルマ.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import { splitHeld } from '../../src/store/locks.js';
import { currentLanguage } from '../../widgets/shared/localize.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const partsLoaded = (panel: Element) => waitUntil(() => !rootOf(panel).querySelector('p[aria-busy=true]'), 'on-demand panel parts not loaded');

/** The account names of a list's items ("Name — Owner · locked"), without the "and N more" line. */
const listedNames = (list: Element) => [...list.querySelectorAll('li:not(.weak)')].map((li) => text(li).split(' — ')[0]);

async function mountAt(locale: string, width: number, accounts = 400): Promise<{ provider: TkTerritoryProvider; panel: TkRepAssignmentPanel }> {
  const data = generateDemoData({ seed: 42, accounts, reps: 10 });
  const provider = await mountProvider(createMemoryAdapter(data), html`<div style="width: ${width}px"><tk-rep-assignment-panel></tk-rep-assignment-panel></div>`, { locale });
  const language = locale.slice(0, 2);
  await waitUntil(() => currentLanguage() === language, `${language} did not load`);
  await settle(provider);
  return { provider, panel: panelOf(provider) };
}

describe('<tk-rep-assignment-panel> walkthrough fixes', () => {
  it('lists the locked accounts under the locked line and the movable ones under their own line', async () => {
    const { provider, panel } = await mountAt('en-US', 530);
    const s0 = provider.state;
    // Lock a few more (the demo data has some locked already) and a rep, then select everything.
    provider.actions.setLocked!({ accounts: s0.accounts.filter((a) => !a.locked).slice(5, 9).map((a) => a.id), reps: [s0.reps[2].id] }, true);
    provider.actions.select(provider.state.accounts.map((a) => a.id));
    await settle(provider);
    await partsLoaded(panel);
    await settle(provider);
    const s = provider.state;
    const held = new Set(splitHeld(s, s.selection).held);
    expect(held.size).to.be.greaterThan(8);
    const byName = new Map(s.accounts.map((a) => [a.name, a.id]));

    const heldLine = q(panel, '[data-stat=held]')!;
    expect(text(heldLine)).to.equal(`${held.size} locked (or with a locked rep): they stay where they are`);
    const heldList = q(panel, '[part~=held-list]')!;
    expect(heldList, 'a list of the accounts that stay').to.exist;
    expect(heldList.getAttribute('aria-labelledby')).to.equal(heldLine.id);
    const stay = listedNames(heldList);
    expect(stay).to.have.length(8);
    expect(stay.every((n) => held.has(byName.get(n)!)), `not all listed under "locked" stay: ${stay.join(', ')}`).to.equal(true);
    expect(text(heldList.querySelector('li.weak'))).to.equal(`and ${held.size - 8} more`);

    const free = s.selection.length - held.size;
    const freeLine = q(panel, '[data-stat=free]')!;
    expect(text(freeLine)).to.equal(`${free.toLocaleString('en-US')} selected accounts can move:`);
    const moveList = q(panel, '[part~=selection-list]')!;
    expect(moveList.getAttribute('aria-labelledby')).to.equal(freeLine.id);
    const move = listedNames(moveList);
    expect(move).to.have.length(8);
    expect(move.some((n) => held.has(byName.get(n)!)), `a held account is listed as movable: ${move.join(', ')}`).to.equal(false);
    // In the page's order: locked line, its list, the movable line, its list.
    const order = [heldLine, heldList, freeLine, moveList].map((e) => e.compareDocumentPosition.bind(e));
    expect(order[0](heldList) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(order[1](freeLine) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(order[2](moveList) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);

    // Without locked accounts in the selection there is one list, labelled by the summary.
    provider.actions.select(s.accounts.filter((a) => !held.has(a.id)).slice(0, 3).map((a) => a.id));
    await settle(provider);
    expect(q(panel, '[part~=held-list]')).to.equal(null);
    expect(q(panel, '[part~=selection-list]')!.getAttribute('aria-labelledby')).to.equal(q(panel, '[part~=selection-summary]')!.id);
  });

  for (const [locale, width] of [['de', 530], ['fr', 530], ['ja', 530], ['de', 340], ['fr', 340], ['ja', 340]] as const) {
    it(`keeps each rep row's buttons on one line or in one stack, unclipped and named (${locale}, ${width} px)`, async () => {
      const { provider, panel } = await mountAt(locale, width, 200);
      const rows = qa(panel, '[part~=reps-table] tbody tr');
      expect(rows.length).to.equal(provider.state.reps.length);
      for (const row of rows) {
        const buttons = [...row.querySelectorAll<HTMLButtonElement>('.actions button')];
        expect(buttons).to.have.length(3);
        const tops = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
        const lefts = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().left)));
        const what = `${locale} ${width}px: ${buttons.map((b) => `${text(b)}@${Math.round(b.getBoundingClientRect().left)},${Math.round(b.getBoundingClientRect().top)}`).join(' ')}`;
        // One line (three lefts, one top) or one stack (one left, three tops): never 2 + 1.
        expect((tops.size === 1 && lefts.size === 3) || (tops.size === 3 && lefts.size === 1), what).to.equal(true);
        // A wide panel keeps them on one line.
        if (width >= 500) expect(tops.size, what).to.equal(1);
        for (const b of buttons) {
          expect(b.scrollWidth, `clipped: ${what}`).to.be.at.most(b.clientWidth + 1);
          const lineHeight = parseFloat(getComputedStyle(b).lineHeight) || parseFloat(getComputedStyle(b).fontSize) * 1.4;
          expect(b.getBoundingClientRect().height, `wrapped inside: ${what}`).to.be.lessThan(Math.max(2 * lineHeight, 30));
          expect(b.getAttribute('aria-label') ?? '', 'accessible name').to.not.equal('');
        }
      }
    });
  }

  it('words quotas as クォータ in Japanese, in the panel and the quota planner (not 割当 / ノルマ)', async () => {
    const { provider, panel } = await mountAt('ja', 530, 200);
    const section = () => q(panel, '[data-section=quotas]')!;
    expect(text(section().querySelector('summary'))).to.match(/^クォータ/);
    panel.setSectionOpen('quotas', true);
    await settle(provider);
    await partsLoaded(panel);
    await waitUntil(() => q(panel, 'tk-quota-planner') && rootOf(q(panel, 'tk-quota-planner')!)?.querySelector('[part~=controls]'), 'no quota planner');
    await settle(provider);
    const plannerRoot = rootOf(q(panel, 'tk-quota-planner')!);
    const words = [plannerRoot.textContent ?? '', ...[...plannerRoot.querySelectorAll('[aria-label], [title]')].map((e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''}`)].join(' ');
    expect(words).to.contain('クォータ');
    expect(words).to.not.match(/割当|ノルマ/);
    expect(text(rootOf(panel) as unknown as Element)).to.not.match(/割当|ノルマ/);
  });
});
