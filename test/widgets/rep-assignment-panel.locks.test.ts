// Safe bulk edits (locks, ask first) and undo that works (focus after Apply and assign, Ctrl+Z anywhere in the planner).
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import { pendingChanges } from '../../src/store/selectors.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';
import '../../widgets/territory-map/territory-map.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focused = (el: Element) => rootOf(el).activeElement as HTMLElement | null;

/** The panel's closed-at-first sections, confirmation box and recommendations come in a chunk loaded after first paint: wait for it. */
const partsLoaded = (panel: Element) => waitUntil(() => !rootOf(panel).querySelector('p[aria-busy=true]'), 'on-demand panel parts not loaded');

function buttonNamed(el: Element, name: string | RegExp): HTMLButtonElement {
  const found = qa<HTMLButtonElement>(el, 'button').find((b) => {
    const label = b.getAttribute('aria-label') ?? text(b);
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!found) throw new Error(`no button named ${String(name)} in ${qa(el, 'button').map(text).join(' | ')}`);
  return found;
}

async function chooseRep(provider: TkTerritoryProvider, panel: Element, repId: string): Promise<void> {
  const select = q<HTMLSelectElement>(panel, 'select[name=assignTo]')!;
  select.value = repId;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(provider);
}

const ctrl = (key: string, extra: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key, ctrlKey: true, bubbles: true, composed: true, cancelable: true, ...extra });

describe('<tk-rep-assignment-panel> safe bulk edits', () => {
  it('asks first before a bulk assign, says what it will do, and leaves locked accounts where they are', async () => {
    const data = generateDemoData({ seed: 3, accounts: 300, reps: 6 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    const s0 = provider.state;
    const target = s0.reps[0].id;
    // 20 accounts not owned by the target; lock three of them through the UI.
    const picked = s0.accounts.filter((a) => s0.working[a.id] !== target && !a.locked).slice(0, 20).map((a) => a.id);
    const locked = picked.slice(0, 3);
    provider.actions.select(locked);
    await settle(provider);
    await partsLoaded(panel); // the selection's body is in the on-demand chunk
    buttonNamed(panel, 'Lock selected').click();
    await settle(provider);
    expect(locked.every((id) => provider.state.accounts.find((a) => a.id === id)!.locked)).to.equal(true);

    provider.actions.select(picked);
    await settle(provider);
    // No rep is chosen for the user: Assign waits for a choice.
    expect(q<HTMLSelectElement>(panel, 'select[name=assignTo]')!.value).to.equal('');
    expect(q<HTMLButtonElement>(panel, 'button[data-assign-menu]')!.disabled).to.equal(true);
    expect(text(q(panel, '[data-stat=held]'))).to.match(/^3 locked/);
    await chooseRep(provider, panel, target);
    const before = provider.state.working;
    q<HTMLButtonElement>(panel, 'button[data-assign-menu]')!.click();
    await settle(provider);
    await partsLoaded(panel);
    // Nothing moved yet; the confirmation says what will happen.
    expect(provider.state.working).to.equal(before);
    const box = q(panel, '[part~=confirm]')!;
    expect(box.getAttribute('role')).to.equal('alertdialog');
    expect(text(box.querySelector('[data-stat=confirm-accounts]'))).to.equal('17 accounts change hands');
    const potential = picked.slice(3).reduce((sum, id) => sum + s0.accounts.find((a) => a.id === id)!.potential, 0);
    expect(text(box.querySelector('[data-stat=confirm-potential]'))).to.contain(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(potential));
    expect(text(box.querySelector('[data-stat=confirm-reps]'))).to.contain(`${s0.reps[0].name} +17`);
    expect(text(box.querySelector('[data-stat=confirm-held]'))).to.match(/^3 locked accounts .* left out/);
    expect(focused(panel)?.textContent).to.match(/Assign 17 accounts to/);
    await expectNoAxeViolations(provider);

    buttonNamed(panel, /^Assign 17 accounts to/).click();
    await settle(provider);
    const moved = pendingChanges(provider.state).map((c) => c.accountId);
    expect(moved).to.have.members(picked.slice(3));
    for (const id of locked) expect(provider.state.working[id]).to.equal(s0.working[id]);
    expect(q(panel, '[part~=confirm]')).to.equal(null);
    // Focus lands on Undo, not on <body>; Ctrl+Z there undoes.
    expect(focused(panel)?.dataset.history).to.equal('undo');
    focused(panel)!.dispatchEvent(ctrl('z'));
    await settle(provider);
    expect(pendingChanges(provider.state)).to.have.length(0);
    // Ctrl+Y redoes.
    focused(panel)!.dispatchEvent(ctrl('y'));
    await settle(provider);
    expect(pendingChanges(provider.state)).to.have.length(17);
  });

  it('a few unlocked accounts move at once; Cancel moves nothing; a locked rep takes nothing', async () => {
    const data = generateDemoData({ seed: 4, accounts: 120, reps: 4 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    const s0 = provider.state;
    const [r0, r1] = s0.reps;
    const few = s0.accounts.filter((a) => s0.working[a.id] !== r0.id && !a.locked).slice(0, 3).map((a) => a.id);
    provider.actions.select(few);
    await settle(provider);
    await chooseRep(provider, panel, r0.id);
    q<HTMLButtonElement>(panel, 'button[data-assign-menu]')!.click();
    await settle(provider);
    await partsLoaded(panel);
    expect(q(panel, '[part~=confirm]')).to.equal(null);
    expect(pendingChanges(provider.state)).to.have.length(3);

    const many = s0.accounts.filter((a) => s0.working[a.id] !== r1.id && !a.locked).slice(0, 10).map((a) => a.id);
    provider.actions.select(many);
    await settle(provider);
    await chooseRep(provider, panel, r1.id);
    q<HTMLButtonElement>(panel, 'button[data-assign-menu]')!.click();
    await settle(provider);
    await partsLoaded(panel);
    const working = provider.state.working;
    buttonNamed(panel, 'Cancel').click();
    await settle(provider);
    expect(provider.state.working).to.equal(working);
    expect(q(panel, '[part~=confirm]')).to.equal(null);

    // Lock r1 from the reps table: it leaves the Assign to list and keeps its accounts.
    buttonNamed(panel, `Lock ${r1.name}`).click();
    await settle(provider);
    expect(provider.state.reps.find((r) => r.id === r1.id)!.locked).to.equal(true);
    expect(qa<HTMLOptionElement>(panel, 'select[name=assignTo] option').map((o) => o.value)).not.to.include(r1.id);
    const own = s0.accounts.filter((a) => provider.state.working[a.id] === r1.id).map((a) => a.id);
    provider.actions.select(own);
    await settle(provider);
    expect(provider.actions.assign(own, r0.id)).to.equal(false);
    expect(text(q(panel, '[data-stat=held]'))).to.match(new RegExp(`^${own.length} locked`));
  });

  it('lock changes are saved to the CRM where it has a field for them, and said to stay in the plan where not', async () => {
    const data = generateDemoData({ seed: 5, accounts: 60, reps: 3 });
    const adapter = createMemoryAdapter(data);
    const provider = await mountProvider(adapter, html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    const id = provider.state.accounts.find((a) => !a.locked)!.id;
    provider.actions.select([id]);
    await settle(provider);
    buttonNamed(panel, 'Lock account').click();
    await settle(provider);
    expect(text(q(panel, '[part~=pending-locks]'))).to.equal('1 lock change will be saved with the next save.');
    const save = q<HTMLButtonElement>(panel, '[data-section=save] button.brand')!;
    expect(save.disabled).to.equal(false);
    save.click();
    await waitUntil(() => !q(panel, '[part~=pending-locks]'), 'the lock change stayed pending', { timeout: 5000 });
    expect(adapter.snapshot().accounts.find((a) => a.id === id)!.locked).to.equal(true);

    const readOnly = createMemoryAdapter({ ...data, canWriteLocks: false });
    const other = await mountProvider(readOnly, html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    other.actions.setLocked!({ reps: [other.state.reps[0].id] }, true);
    await settle(other);
    expect(text(q(panelOf(other), '[part~=pending-locks]'))).to.match(/^1 lock change stays in this plan and this browser/);
  });

  it('focus stays in the panel when the focused control goes away (Clear selection, Discard, Cancel)', async () => {
    const data = generateDemoData({ seed: 6, accounts: 200, reps: 4 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    provider.actions.select(provider.state.accounts.slice(0, 3).map((a) => a.id));
    await settle(provider);
    const clear = buttonNamed(panel, 'Clear selection');
    clear.focus();
    clear.click();
    await settle(provider);
    expect(focused(panel)?.matches('[data-section=selection] > summary')).to.equal(true);
    // Discard a preview: focus goes back to the Rebalance button.
    buttonNamed(panel, 'Rebalance').click();
    await waitUntil(() => q(panel, '[part~=preview]'), 'no preview', { timeout: 15000 });
    await settle(provider);
    const discard = buttonNamed(panel, 'Discard');
    discard.focus();
    discard.click();
    await settle(provider);
    expect(text(focused(panel))).to.equal('Rebalance');
    // Any other removal: a control that disappears hands focus to its section's heading.
    provider.actions.select(provider.state.accounts.slice(0, 2).map((a) => a.id));
    await settle(provider);
    const unlock = buttonNamed(panel, 'Lock selected');
    unlock.focus();
    provider.actions.select([]);
    await settle(provider);
    expect(focused(panel)?.matches('[data-section=selection] > summary')).to.equal(true);
  });

  it('after Apply focus is on Undo; Ctrl+Z on the map undoes the rebalance', async () => {
    const data = generateDemoData({ seed: 3, accounts: 300, reps: 6 });
    const provider = await mountProvider(
      createMemoryAdapter(data),
      html`<tk-territory-map style="display:block;height:300px"></tk-territory-map><tk-rep-assignment-panel></tk-rep-assignment-panel>`,
    );
    const panel = panelOf(provider);
    const map = provider.querySelector('tk-territory-map')!;
    const before = provider.state.working;
    const maxMoves = q<HTMLInputElement>(panel, 'input[name=maxMoves]')!;
    maxMoves.value = '5';
    maxMoves.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(provider);
    buttonNamed(panel, 'Rebalance').click();
    await waitUntil(() => q(panel, '[part~=preview]'), 'no preview', { timeout: 15000 });
    await settle(provider);
    buttonNamed(panel, 'Apply').focus();
    buttonNamed(panel, 'Apply').click();
    await settle(provider);
    expect(provider.state.working).not.to.equal(before);
    expect(document.activeElement).to.equal(panel);
    expect(focused(panel)?.dataset.history).to.equal('undo-applied');
    expect(text(q(panel, '[part~=applied]'))).to.match(/^Applied: Rebalance: move \d+ accounts?\. Undo$/);
    // Ctrl+Z with focus on the map (keydown from inside the map's shadow root).
    const inner = rootOf(map).querySelector('.leaflet-container') ?? rootOf(map).firstElementChild ?? map;
    inner.dispatchEvent(ctrl('z'));
    await settle(provider);
    expect(provider.state.working).to.deep.equal(before);
    expect(text(q(panel, '[part~=status]'))).to.match(/^Undone: Rebalance: move/);
    // The notice went away with its button: focus stays in the panel (its section heading).
    expect(q(panel, '[part~=applied]')).to.equal(null);
    // Cmd+Shift+Z (macOS) redoes, from the map too.
    inner.dispatchEvent(ctrl('z', { ctrlKey: false, metaKey: true, shiftKey: true }));
    await settle(provider);
    expect(provider.state.working).not.to.deep.equal(before);
    // Text fields keep their own undo.
    maxMoves.dispatchEvent(ctrl('z'));
    await settle(provider);
    expect(provider.state.working).not.to.deep.equal(before);
  });
});
