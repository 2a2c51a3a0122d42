import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { account, rep, smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';
import type { LoadResult } from '../../src/adapters/crm-adapter.js';
import { setShadowRootMode } from '../../widgets/shared/shadow-root.js';
import type { TkAssignmentChangeEvent } from '../../widgets/events/assignment-change-event.js';
import type { TkPlanAppliedEvent } from '../../widgets/events/plan-applied-event.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const texts = (els: Element[]) => els.map((e) => e.textContent!.replace(/\s+/g, ' ').trim());

function buttonNamed(el: Element, name: string | RegExp): HTMLButtonElement {
  const found = qa<HTMLButtonElement>(el, 'button').find((b) => {
    const label = b.getAttribute('aria-label') ?? b.textContent!.replace(/\s+/g, ' ').trim();
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!found) throw new Error(`no button named ${String(name)} in ${texts(qa(el, 'button')).join(' | ')}`);
  return found;
}

async function click(provider: TkTerritoryProvider, el: Element, name: string | RegExp): Promise<void> {
  buttonNamed(el, name).click();
  await settle(provider);
}

/** A load where Ben (r2) knows Healthcare and lives by the accounts, so he is the best fit for them. */
function skilledLoad(): LoadResult {
  const data = smallLoad();
  data.accounts.push(
    account('h1', 'r1', { name: 'Mercy Clinic', industry: 'Healthcare', potential: 150, workload: 1, lat: 41, lng: -87 }),
    account('h2', 'r1', { name: 'St. Luke Hospital', industry: 'Healthcare', potential: 250, workload: 2, lat: 41.1, lng: -87.1 }),
  );
  data.reps = [rep('r1', 'Ana Ruiz', { quota: 500, home: { lat: 34, lng: -118 } }), rep('r2', 'Ben Cole', { quota: 400, skills: ['Healthcare'], home: { lat: 41, lng: -87 } })];
  return data;
}

/** The panel's closed-at-first sections, confirmation box and recommendations come in a chunk loaded after first paint: wait for it. */
const partsLoaded = (panel: Element) => waitUntil(() => !rootOf(panel).querySelector('p[aria-busy=true]'), 'on-demand panel parts not loaded');

describe('<tk-rep-assignment-panel>', () => {
  it('lists reps with accounts, workload, potential and deviation from evaluatePlan', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    const rows = qa(panel, '[part~=reps-table] tbody tr');
    // Ana: 3 accounts, workload 6 of target 4 (+50%), potential 700 of 500 (+40%). Ben: 1, 2 (−50%), 300 (−40%).
    expect(texts(rows.map((r) => r.querySelector('th .rep-name')!))).to.deep.equal(['Ana Ruiz', 'Ben Cole']);
    expect(texts([...rows[0].querySelectorAll('td.num')])).to.deep.equal(['3', '6', '$700', '+50% / +40%']);
    expect(texts([...rows[1].querySelectorAll('td.num')])).to.deep.equal(['1', '2', '$300', '-50% / -40%']);
    await click(provider, panel, 'Focus Ben Cole');
    expect(provider.state.focusRepId).to.equal('r2');
    expect(buttonNamed(panel, 'Focus Ben Cole').getAttribute('aria-pressed')).to.equal('true');
    await expectNoAxeViolations(provider);
  });

  it('select → recommended reps with reasons and breakdown → assign → rep table and gauge update → undo', async () => {
    const provider = await mountProvider(
      testAdapter('test:skill', skilledLoad()),
      html`<tk-rep-assignment-panel></tk-rep-assignment-panel><tk-workload-gauge rep-id="r2"></tk-workload-gauge>`,
    );
    const panel = panelOf(provider);
    const gauge = provider.querySelector('tk-workload-gauge')!;
    provider.actions.select(['h1', 'h2']);
    await settle(provider);
    expect(q(panel, '[part~=selection-summary]')!.textContent).to.match(/2 accounts selected/);
    expect(texts(qa(panel, '[part~=selection-list] li'))).to.deep.equal(['Mercy Clinic — Ana Ruiz', 'St. Luke Hospital — Ana Ruiz']);
    await partsLoaded(panel);
    const recs = qa(panel, '[part~=recommendation]');
    expect(recs.map((r) => r.dataset.rep)).to.deep.equal(['r2', 'r1']);
    // The on-demand chunk's styles reach the shadow root with it (a bordered card per recommendation).
    expect(getComputedStyle(recs[0]).borderTopStyle).to.equal('solid');
    expect(recs[0].querySelector('.reason')!.textContent).to.contain('Healthcare');
    expect(recs[0].querySelector('.breakdown')!.textContent).to.match(/Skill 100% · Relationship 0% · Proximity \d+% · Capacity \d+%/);
    expect(recs[1].querySelector('.breakdown')!.textContent).to.match(/Skill 0% · Relationship 100%/);
    expect(q(gauge, '[role=meter]')!.getAttribute('aria-valuenow')).to.equal('2');
    await click(provider, panel, 'Assign to Ben Cole');
    expect(provider.state.working.h1).to.equal('r2');
    expect(provider.state.working.h2).to.equal('r2');
    expect(provider.state.past.at(-1)!.label).to.equal('Assign 2 accounts to Ben Cole');
    expect(q(gauge, '[role=meter]')!.getAttribute('aria-valuenow')).to.equal('5');
    const ben = q(panel, '[part~=reps-table] tr[data-rep=r2]')!;
    expect(texts([...ben.querySelectorAll('td.num')]).slice(0, 3)).to.deep.equal(['3', '5', '$700']);
    expect(q(panel, '[part~=status]')!.textContent).to.contain('Assign 2 accounts to Ben Cole');
    await click(provider, panel, 'Undo');
    expect(provider.state.working.h1).to.equal('r1');
    expect(q(gauge, '[role=meter]')!.getAttribute('aria-valuenow')).to.equal('2');
    await click(provider, panel, 'Redo');
    expect(provider.state.working.h1).to.equal('r2');
    await expectNoAxeViolations(provider);
  });

  it('assigns through the rep menu and unassigns; Ctrl+Z / Shift+Ctrl+Z undo and redo while focus is in the panel', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    provider.actions.select(['a5']);
    await settle(provider);
    const menu = q<HTMLSelectElement>(panel, '[part~=assign-menu] select')!;
    menu.value = 'r2';
    menu.dispatchEvent(new Event('change'));
    await settle(provider);
    await click(provider, panel, 'Assign');
    expect(provider.state.working.a5).to.equal('r2');
    await click(provider, panel, 'Unassign');
    expect(provider.state.working.a5).to.equal(null);
    buttonNamed(panel, 'Clear selection').focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyZ' });
    await sendKeys({ up: 'Control' });
    await settle(provider);
    expect(provider.state.working.a5).to.equal('r2');
    await sendKeys({ down: 'Control' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'KeyZ' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ up: 'Control' });
    await settle(provider);
    expect(provider.state.working.a5).to.equal(null);
  });

  it('rep role: read-only — no assign, rebalance, save or edit controls', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`, { role: 'rep', repId: 'r2' });
    const panel = panelOf(provider);
    provider.actions.select(['a1']);
    await settle(provider);
    panel.setSectionOpen('territories', true);
    await settle(provider);
    // The editor is a separate chunk, loaded when its section first opens.
    await customElements.whenDefined('tk-territory-editor');
    const editor = q(panel, 'tk-territory-editor')!;
    await (editor as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const labels = [...texts(qa(panel, 'button')), ...texts(qa(editor, 'button'))];
    for (const forbidden of [/^Assign/, /^Unassign/, /^Undo/, /^Redo/, /^Rebalance/, /^Save/, /^Discard/, /^Edit/, /^Delete/, /^New territory/, /^Retry/]) {
      expect(labels.filter((l) => forbidden.test(l)), String(forbidden)).to.deep.equal([]);
    }
    expect(qa(panel, '[data-section=rebalance], [data-section=save], [part~=recommendations], [part~=assign-menu]')).to.have.length(0);
    expect(q(editor, '[part~=list]')).to.exist;
    expect(q(panel, '[part~=selection-summary]')!.textContent).to.contain('1 account selected');
    await expectNoAxeViolations(provider);
  });

  it('works in closed shadow roots (Lightning Web Security); its edits reach the page as composed tk-* events', async () => {
    setShadowRootMode('closed');
    try {
      const provider = await mountProvider(testAdapter(), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
      const panel = panelOf(provider);
      expect(panel.shadowRoot).to.equal(null);
      const changes: TkAssignmentChangeEvent[] = [];
      const applied: TkPlanAppliedEvent[] = [];
      const onChange = (e: TkAssignmentChangeEvent) => changes.push(e);
      const onApplied = (e: TkPlanAppliedEvent) => applied.push(e);
      document.addEventListener('tk-assignment-change', onChange);
      document.addEventListener('tk-plan-applied', onApplied);
      try {
        await click(provider, panel, 'Select accounts of Ben Cole');
        expect(provider.state.selection).to.deep.equal(['a4']);
        await click(provider, panel, 'Assign to Ana Ruiz');
        expect(changes.map((e) => [e.source, e.label, e.changes])).to.deep.equal([['assign', 'Assign 1 account to Ana Ruiz', [{ accountId: 'a4', from: 'r2', to: 'r1' }]]]);
        panel.setSectionOpen('territories', true);
        await settle(provider);
        await customElements.whenDefined('tk-territory-editor');
        const editor = q(panel, 'tk-territory-editor')! as HTMLElement & { updateComplete: Promise<unknown> };
        await editor.updateComplete;
        expect(editor.shadowRoot).to.equal(null);
        await click(provider, editor, 'New territory');
        expect(applied.map((e) => [e.kind, e.label])).to.deep.equal([['territories', 'Create territory "New territory 3"']]);
        // Ctrl+Z from inside the closed root still reaches the panel.
        buttonNamed(panel, 'Clear selection').focus();
        await sendKeys({ down: 'Control' });
        await sendKeys({ press: 'KeyZ' });
        await sendKeys({ up: 'Control' });
        await settle(provider);
        expect(provider.state.territories).to.have.length(2);
        expect(changes).to.have.length(1);
      } finally {
        document.removeEventListener('tk-assignment-change', onChange);
        document.removeEventListener('tk-plan-applied', onApplied);
      }
    } finally {
      setShadowRootMode('open');
    }
  });

  it('Ctrl+Z inside a text or number field is left to the field', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    provider.actions.assign(['a5'], 'r1');
    await settle(provider);
    q<HTMLInputElement>(panel, 'input[name=tolerance]')!.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyZ' });
    await sendKeys({ up: 'Control' });
    await settle(provider);
    expect(provider.state.working.a5).to.equal('r1');
  });
});
