// Scenarios side by side: duplicate, rebalance into a new scenario, edit one, compare (figures from
// comparePlans/evaluatePlan), apply (undoable), rename, delete, export.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widgets/scenario-compare/scenario-compare.js';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { assertNoXss, deepText, poisonLoad, XSS_PAYLOADS } from '../helpers/xss.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import { comparePlans } from '../../src/engine/compare-plans.js';
import { evaluatePlan } from '../../src/engine/evaluate-plan.js';
import { scenarioAssignments } from '../../src/store/scenarios.js';
import { pendingChanges } from '../../src/store/selectors.js';
import { formatters } from '../../widgets/shared/format.js';
import type { TkScenarioCompare } from '../../widgets/scenario-compare/scenario-compare.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

const compareOf = (p: Element) => p.querySelector('tk-scenario-compare') as TkScenarioCompare;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const fmt = formatters('en-US', 'USD');

function click(el: Element, label: string): void {
  const b = qa<HTMLButtonElement>(el, 'button').find((x) => (x.getAttribute('aria-label') ?? text(x)) === label);
  if (!b) throw new Error(`no button ${label} in ${qa(el, 'button').map((x) => x.getAttribute('aria-label') ?? text(x)).join(' | ')}`);
  b.click();
}

/** The comparison table as { figure: [cell per scenario] }. */
function table(el: Element): { heads: string[]; rows: Record<string, string[]> } {
  const heads = qa(el, '[part~=comparison] thead th').slice(1).map(text);
  const rows: Record<string, string[]> = {};
  for (const tr of qa(el, '[part~=comparison] tbody tr')) rows[text(tr.querySelector('th'))] = [...tr.querySelectorAll('td')].map(text);
  return { heads, rows };
}

/** Every figure shown equals the engine's evaluatePlan / comparePlans of that scenario against the CRM's owners. */
function expectFiguresMatchEngine(provider: TkTerritoryProvider, el: TkScenarioCompare): void {
  const s = provider.state;
  const { heads, rows } = table(el);
  expect(heads).to.deep.equal(s.scenarios.map((x) => x.name));
  s.scenarios.forEach((x, i) => {
    const a = scenarioAssignments(s, x.id)!;
    const ev = evaluatePlan(s.accounts, s.reps, a, { tolerance: 0.05 });
    const cmp = comparePlans(s.accounts, s.current, a, { reps: s.reps, tolerance: 0.05 });
    expect(rows['Accounts moved (vs CRM)'][i], x.name).to.equal(String(cmp.accountsMoved));
    expect(rows['Potential moved (vs CRM)'][i], x.name).to.equal(fmt.currency(cmp.potentialMoved));
    expect(rows['Largest deviation, potential'][i], x.name).to.equal(fmt.percent(ev.balance.potential.maxDeviation, 1));
    expect(rows['Mean distance to rep'][i], x.name).to.equal(`${fmt.number(ev.compactnessKm!, 1)} km`);
    // Per-rep deltas: each rep's net potential change in this scenario.
    for (const r of cmp.reps) {
      const cell = q(el, `[part~=rep-deltas] tr[data-rep="${r.repId}"]`)!.querySelectorAll('td')[i];
      expect(text(cell), `${x.name} / ${r.repId}`).to.equal(`+${r.gained} / −${r.lost} ${r.netPotential > 0 ? '+' : ''}${fmt.currency(r.netPotential)}`);
    }
  });
}

describe('<tk-scenario-compare>', () => {
  it('duplicates, rebalances into a new scenario with a budget, edits one, compares with the engine figures, applies (undoable)', async () => {
    const data = generateDemoData({ seed: 3, accounts: 300, reps: 6 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-scenario-compare></tk-scenario-compare>`);
    const el = compareOf(provider);
    expect(table(el).heads).to.deep.equal(['Working plan']);
    expect(table(el).rows['Accounts moved (vs CRM)']).to.deep.equal(['0']);

    click(el, 'Duplicate Working plan');
    await settle(provider);
    expect(provider.state.scenarios.map((x) => x.name)).to.deep.equal(['Working plan', 'Working plan (copy)']);

    // Rebalance the working plan into a new scenario, at most 5 moves.
    const max = q<HTMLInputElement>(el, 'input[name=maxMoves]')!;
    max.value = '5';
    q<HTMLButtonElement>(el, '[part~=rebalance] button[type=submit]')!.click();
    await waitUntil(() => provider.state.scenarios.length === 3, 'no rebalanced scenario', { timeout: 20_000 });
    await settle(provider);
    const rebalanced = provider.state.scenarios[2];
    expect(rebalanced.name).to.equal('Rebalanced (≤ 5 moves) from Working plan');
    // The note says how the rebalance got there (its explanation, in the UI language).
    expect(rebalanced.note).to.match(/^Stopped at the move limit of 5 accounts: 5 accounts moved\./);
    const moved = Number(table(el).rows['Accounts moved (vs CRM)'][2]);
    expect(moved).to.be.within(1, 5);
    expect(provider.state.working, 'the working plan is untouched by the rebalance').to.equal(provider.state.current);

    // Edit the copy: the map and panel would now edit it; move one account there.
    click(el, 'Edit Working plan (copy)');
    await settle(provider);
    expect(provider.state.activeScenarioId).to.equal('s2');
    const acc = provider.state.accounts[0];
    const other = provider.state.reps.find((r) => r.id !== acc.ownerId)!;
    provider.actions.assign([acc.id], other.id);
    await settle(provider);
    expect(table(el).rows['Accounts moved (vs CRM)']).to.deep.equal(['0', '1', String(moved)]);
    expectFiguresMatchEngine(provider, el);
    await expectNoAxeViolations(provider);

    // Apply the rebalanced scenario: the working plan takes its assignments as one undoable step.
    click(el, `Apply ${rebalanced.name}`);
    await settle(provider);
    expect(provider.state.activeScenarioId).to.equal('plan');
    expect(pendingChanges(provider.state).length).to.equal(moved);
    expect(provider.state.past.at(-1)!.label).to.equal(`Apply scenario "${rebalanced.name}"`);
    expect(table(el).rows['Accounts moved (vs CRM)']).to.deep.equal([String(moved), '1', String(moved)]);
    provider.actions.undo();
    await settle(provider);
    expect(pendingChanges(provider.state)).to.deep.equal([]);
    expect(scenarioAssignments(provider.state, 's2')![acc.id], 'the copy kept its edit').to.equal(other.id);
  });

  it('renames and deletes scenarios, exports them as JSON, and is read-only for a rep', async () => {
    const data = generateDemoData({ seed: 4, accounts: 60, reps: 3 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-scenario-compare></tk-scenario-compare>`);
    const el = compareOf(provider);
    click(el, 'Duplicate Working plan');
    await settle(provider);
    click(el, 'Rename Working plan (copy)');
    await settle(provider);
    const input = q<HTMLInputElement>(el, '[part~=list] input[name=name]')!;
    input.value = 'Plan <b>B</b>';
    q<HTMLButtonElement>(el, '[part~=list] form button[type=submit]')!.click();
    await settle(provider);
    expect(provider.state.scenarios[1].name).to.equal('Plan <b>B</b>');
    expect(table(el).heads).to.deep.equal(['Working plan', 'Plan <b>B</b>']);
    expect(q(el, '[part~=comparison] b'), 'names are text, never HTML').to.equal(null);

    let blob: Blob | null = null;
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => ((blob = b as Blob), 'blob:test');
    try {
      click(el, 'Export JSON');
    } finally {
      URL.createObjectURL = original;
    }
    const exported = JSON.parse(await blob!.text());
    expect(exported.scenarios.map((x: { name: string }) => x.name)).to.deep.equal(['Working plan', 'Plan <b>B</b>']);
    expect(Object.keys(exported.scenarios[1].assignments)).to.have.length(provider.state.accounts.length);

    // A second scenario rebalanced for compact territories: its distance is the engine's too.
    q<HTMLSelectElement>(el, '[part~=rebalance] select[name=objective]')!.value = 'compactness';
    q<HTMLButtonElement>(el, '[part~=rebalance] button[type=submit]')!.click();
    await waitUntil(() => provider.state.scenarios.length === 3, 'no compact scenario', { timeout: 20_000 });
    await settle(provider);
    expect(provider.state.scenarios[2].name).to.equal('Compact from Working plan');
    expectFiguresMatchEngine(provider, el);
    expect(provider.state.scenarios[2].note).to.match(/^Territories redrawn for compactness/);
    click(el, 'Delete Compact from Working plan');
    await settle(provider);

    // A failed run is reported (and adds no scenario).
    await el.rebalanceIntoScenario({ tolerance: -1 });
    await settle(provider);
    expect(text(q(el, '[part~=rebalance] [role=alert]'))).to.equal('Could not rebalance: Tolerance must be a percentage between 0 and 100.');
    expect(provider.state.scenarios).to.have.length(2);

    click(el, 'Delete Plan <b>B</b>');
    await settle(provider);
    expect(provider.state.scenarios.map((x) => x.name)).to.deep.equal(['Working plan']);

    const repView = await mountProvider(createMemoryAdapter(data), html`<tk-scenario-compare></tk-scenario-compare>`, { role: 'rep', repId: data.reps[0].id });
    const ro = compareOf(repView);
    expect(qa(ro, '[part~=list] button')).to.have.length(0);
    expect(q(ro, '[part~=rebalance]')).to.equal(null);
    expect(q(ro, '[part~=comparison]')).to.exist;
  });

  it('keeps scenarios with the unsaved work: a reload offers them back and restores them', async () => {
    const data = generateDemoData({ seed: 5, accounts: 40, reps: 3 });
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    const mount = async () => {
      const p = await fixture<TkTerritoryProvider>(html`<tk-territory-provider .storage=${storage} persist-delay="0" .adapter=${createMemoryAdapter(structuredClone(data))}
        ><tk-scenario-compare></tk-scenario-compare></tk-territory-provider>`);
      await waitUntil(() => p.state.status === 'ready', 'not loaded', { timeout: 10_000 });
      await settle(p);
      return p;
    };
    const first = await mount();
    click(compareOf(first), 'Duplicate Working plan');
    await settle(first);
    first.persistNow();
    first.remove();
    const second = await mount();
    const offer = rootOf(second).querySelector('[part~=restore]');
    expect(text(offer)).to.match(/Restore 2 scenarios from/);
    second.restore();
    await settle(second);
    expect(second.state.scenarios.map((x) => x.name)).to.deep.equal(['Working plan', 'Working plan (copy)']);
    expect(table(compareOf(second)).heads).to.deep.equal(['Working plan', 'Working plan (copy)']);
  });

  it('renders CRM text (rep names) and scenario names as text, never HTML', async () => {
    for (const payload of XSS_PAYLOADS) {
      const provider = await mountProvider(testAdapter('xss-scenarios', poisonLoad(smallLoad(), payload)), html`<tk-scenario-compare></tk-scenario-compare>`);
      const el = compareOf(provider);
      provider.actions.scenarios!.duplicate('plan', payload);
      provider.actions.assign(['a1'], 'r2');
      await settle(provider);
      await assertNoXss(provider);
      const shown = deepText(provider);
      expect(shown.split(payload).length - 1, 'rep and scenario names shown as text').to.be.greaterThan(3);
      expect(table(el).heads).to.deep.equal(['Working plan', payload]);
    }
  });
});
