// Keyboard-only assign flow, XSS payloads in every CRM text field, and axe with every section open.
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { XSS_PAYLOADS, assertNoXss, deepText, poisonLoad } from '../helpers/xss.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryEditor } from '../../widgets/territory-editor/territory-editor.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';
import { SECTIONS } from '../../widgets/rep-assignment-panel/sections/context.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const nameOf = (el: Element | null) => (el ? (el.getAttribute('aria-label') ?? text(el)) : '');

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Presses Tab (only) until the focused element has this accessible name. */
async function tabTo(name: string | RegExp, max = 60): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const el = deepActive();
    const n = nameOf(el);
    if (typeof name === 'string' ? n === name : name.test(n)) return el!;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

async function openAll(provider: TkTerritoryProvider, panel: TkRepAssignmentPanel): Promise<void> {
  for (const id of SECTIONS) panel.setSectionOpen(id, true);
  await settle(provider);
  await customElements.whenDefined('tk-territory-editor'); // a separate chunk, loaded when its section opens
  const editor = q(panel, 'tk-territory-editor') as TkTerritoryEditor;
  await editor.updateComplete;
}

/** The panel's closed-at-first sections, confirmation box and recommendations come in a chunk loaded after first paint: wait for it. */
const partsLoaded = (panel: Element) => waitUntil(() => !rootOf(panel).querySelector('p[aria-busy=true]'), 'on-demand panel parts not loaded');

describe('<tk-rep-assignment-panel> accessibility', () => {
  it('keyboard only (Tab, Enter, Space): select a rep’s accounts, see recommendations, assign, save, see outcomes', async () => {
    const data = smallLoad();
    data.rejected = [];
    const adapter = testAdapter('test:kbd', data);
    const provider = await mountProvider(adapter, html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    (document.activeElement as HTMLElement | null)?.blur();

    await tabTo('Select accounts of Ben Cole');
    await sendKeys({ press: 'Enter' });
    await settle(provider);
    expect(provider.state.selection).to.deep.equal(['a4']);
    await partsLoaded(panel); // the selection's body is in the on-demand chunk
    expect(text(q(panel, '[part~=selection-summary]'))).to.contain('1 account selected');
    expect([...rootOf(panel).querySelectorAll('[part~=recommendation]')].map((li) => (li as HTMLElement).dataset.rep)).to.have.length(2);

    await tabTo('Assign to Ana Ruiz');
    await sendKeys({ press: 'Space' });
    await settle(provider);
    expect(provider.state.working.a4).to.equal('r1');

    await tabTo('Save to CRM');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => adapter.saves.length === 1 && provider.state.lastSave !== null && !provider.state.saving);
    await settle(provider);
    const outcome = q(panel, '[part~=outcome]')!;
    expect(outcome.dataset.status).to.equal('saved');
    expect(text(outcome)).to.contain('Saved Account a4: Ben Cole → Ana Ruiz');

    // Sections open from the keyboard too.
    await tabTo(/^Alerts( |$)/);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(panel, '[part~=alerts]'), 'the alerts section did not open');
  });

  for (const payload of XSS_PAYLOADS) {
    it(`renders CRM text as text everywhere: ${payload}`, async () => {
      const adapter = testAdapter('test:xss', poisonLoad(smallLoad(), payload));
      adapter.conflictIds.add('a2');
      const provider = await mountProvider(adapter, html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
      const panel = panelOf(provider);
      await openAll(provider, panel);
      // Selection list, recommendations (reasons name industries), alerts (name reps and accounts).
      provider.actions.select(['a1', 'a2', 'a3']);
      await settle(provider);
      // Save outcomes name accounts and reps.
      provider.actions.assign(['a2', 'a3'], 'r2');
      await panel.updateComplete;
      (q(panel, '[data-section=save] button.brand') as HTMLButtonElement).click();
      await waitUntil(() => adapter.saves.length === 1 && !provider.state.saving);
      // Rebalance preview names accounts and reps in moves and reasons.
      (q(panel, '[part~=rebalance-form] button[type=submit]') as HTMLButtonElement).click();
      await waitUntil(() => q(panel, '[part~=preview]'), 'no preview', { timeout: 18_000 });
      // Territory editor: names, named-account list.
      const editor = q(panel, 'tk-territory-editor') as TkTerritoryEditor;
      editor.territoryId = 't1';
      await settle(provider);
      await editor.updateComplete;
      (rootOf(editor).querySelector('[data-list=include] button:last-of-type') as HTMLButtonElement).click();
      await settle(provider);
      await editor.updateComplete;
      expect(provider.state.territories[0].definition.include).to.have.length(3);
      expect(rootOf(panel).querySelectorAll('[part~=outcome]').length).to.equal(2);
      await assertNoXss(provider);
      expect(deepText(panel)).to.contain(payload);
    });
  }

  it('has no axe violations with every section open, a preview, outcomes and the territory editor', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    await openAll(provider, panel);
    provider.actions.select(['a1', 'a5']);
    provider.actions.assign(['a5'], 'r2');
    await settle(provider);
    (q(panel, '[data-section=save] button.brand') as HTMLButtonElement).click();
    await waitUntil(() => provider.state.lastSave !== null && !provider.state.saving);
    (q(panel, '[part~=rebalance-form] button[type=submit]') as HTMLButtonElement).click();
    await waitUntil(() => q(panel, '[part~=preview]'), 'no preview', { timeout: 18_000 });
    const editor = q(panel, 'tk-territory-editor') as TkTerritoryEditor;
    editor.territoryId = 't2';
    await settle(provider);
    await editor.updateComplete;
    expect(rootOf(editor).querySelector('[part~=editor]')).to.exist;
    await expectNoAxeViolations(provider);
  });
});
