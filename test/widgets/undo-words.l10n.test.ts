// Issue #14: the store's default undo labels and default scenario names in the UI language. The store
// keeps them as data (HistoryEntry.labelParts, Scenario.nameParts) with its English; the widgets word
// them (widgets/shared/core-words.ts) — in English word for word the store's.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../widgets/scenario-compare/scenario-compare.js';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { testAdapter } from '../helpers/plan-fixture.js';
import { historyLabelEnglish, scenarioNameEnglish } from '../../src/store/labels.js';
import type { HistoryLabelPart, ScenarioNamePart } from '../../src/store/types.js';
import { historyLabelText, scenarioNameText } from '../../widgets/shared/core-words.js';
import { currentLanguage } from '../../widgets/shared/localize.js';

const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const NAMES: ScenarioNamePart[] = [
  { kind: 'first' },
  { kind: 'copy', of: 'Plan B' },
  { kind: 'copy', of: 'Working plan (copy)', ofParts: { kind: 'copy', of: 'Working plan', ofParts: { kind: 'first' } } },
  { kind: 'rebalanced', objective: 'disruption', maxMoves: null, of: 'Plan B' },
  { kind: 'rebalanced', objective: 'disruption', maxMoves: 1, of: 'Working plan', ofParts: { kind: 'first' } },
  { kind: 'rebalanced', objective: 'disruption', maxMoves: 40, of: 'Plan B' },
  { kind: 'rebalanced', objective: 'compactness', maxMoves: null, of: 'Working plan', ofParts: { kind: 'first' } },
];
const LABELS: HistoryLabelPart[] = [
  { kind: 'assign', count: 1 },
  { kind: 'assign', count: 0 },
  { kind: 'assign', count: 37 },
  { kind: 'set-quotas', count: 1, period: '2027-01-01' },
  { kind: 'set-quotas', count: 12, period: '2027-Q1' },
  { kind: 'discard' },
  ...NAMES.map((nameParts) => ({ kind: 'apply-scenario', name: scenarioNameEnglish(nameParts), nameParts }) as const),
  { kind: 'apply-scenario', name: 'Plan "B"' },
  ...[0, 1, 3].flatMap((changes) =>
    [false, true].flatMap((territories) => [false, true].map((quotas) => ({ kind: 'restore', changes, territories, quotas }) as const)),
  ).filter((p) => p.changes || p.territories || p.quotas),
];

describe('default undo labels and scenario names in the UI language', () => {
  it('in English, each kind is worded exactly as the store’s English', () => {
    expect(currentLanguage()).to.equal('en');
    for (const p of NAMES) expect(scenarioNameText({ name: 'ignored', nameParts: p })).to.equal(scenarioNameEnglish(p));
    expect(scenarioNameText({ name: 'Typed by me' })).to.equal('Typed by me');
    for (const p of LABELS) expect(historyLabelText(p), JSON.stringify(p)).to.equal(historyLabelEnglish(p));
  });

  it('in German: the undo bar, its title and the toolbar word an assign made with no label', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`, { locale: 'de-DE' });
    await waitUntil(() => currentLanguage() === 'de', 'German did not load');
    provider.actions.assign(['a1', 'a5'], 'r2');
    expect(provider.state.past.at(-1)!.label, 'the store keeps its English').to.equal('Assign 2 accounts');
    const panel = provider.querySelector('tk-rep-assignment-panel')!;
    const undo = () => q(panel, 'button[data-history=undo]')?.getAttribute('title');
    await waitUntil(() => undo() === 'Rückgängig: 2 Accounts zuweisen', `the panel's undo title: ${undo()}`);
    await settle(provider);
    expect(text(q(panel, '[role=group] .weak'))).to.equal('Letzter Schritt: 2 Accounts zuweisen');
    expect(q(provider, '[part~=toolbar] button')!.getAttribute('title')).to.equal('Rückgängig: 2 Accounts zuweisen');
    // The Undo button, then Ctrl+Y and Ctrl+Z inside the planner: the step is announced in German.
    q<HTMLButtonElement>(panel, 'button[data-history=undo]')!.click();
    await settle(provider);
    expect(text(q(panel, '[part~=status]'))).to.equal('Rückgängig gemacht: 2 Accounts zuweisen');
    expect(q(panel, 'button[data-history=redo]')!.getAttribute('title')).to.equal('Wiederholen: 2 Accounts zuweisen');
    const key = (k: string) => new KeyboardEvent('keydown', { key: k, ctrlKey: true, bubbles: true, composed: true, cancelable: true });
    q(panel, 'button[data-history=undo]')!.dispatchEvent(key('y'));
    await settle(provider);
    expect(provider.state.past.length).to.equal(1);
    expect(text(q(panel, '[part~=status]'))).to.equal('Wiederholt: 2 Accounts zuweisen');
    q(panel, 'button[data-history=undo]')!.dispatchEvent(key('z'));
    await settle(provider);
    expect(provider.state.past.length).to.equal(0);
    expect(text(q(panel, '[part~=status]'))).to.equal('Rückgängig gemacht: 2 Accounts zuweisen');
    // Discard is a step too: its undo label in German.
    provider.actions.assign(['a1'], 'r2', 'Mein Schritt');
    provider.actions.discard();
    await waitUntil(() => undo() === 'Rückgängig: Nicht gespeicherte Änderungen verwerfen', `after discard: ${undo()}`);
  });

  it('re-words default scenario names and labels after a change of language at run time; a typed name stays', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-scenario-compare></tk-scenario-compare>`, { locale: 'en-US' });
    await waitUntil(() => currentLanguage() === 'en', 'English did not load');
    const el = provider.querySelector('tk-scenario-compare')!;
    const heads = () => qa(el, '[part~=comparison] thead th').slice(1).map(text);
    provider.actions.scenarios!.duplicate('plan');
    provider.actions.scenarios!.duplicate('plan', 'Mein Plan');
    await settle(provider);
    expect(heads()).to.deep.equal(['Working plan', 'Working plan (copy)', 'Mein Plan']);

    provider.setAttribute('locale', 'ja-JP');
    await waitUntil(() => heads()[0] === '作業中のプラン', `the names did not switch to Japanese: ${heads().join(' | ')}`);
    expect(heads()).to.deep.equal(['作業中のプラン', '作業中のプラン（コピー）', 'Mein Plan']);
    expect(qa(el, '[part~=list] .name').map(text)).to.deep.equal(['作業中のプラン', '作業中のプラン（コピー）', 'Mein Plan']);
    // Apply the copy: the undo label names it in Japanese, and so does the toolbar after a switch to French.
    provider.actions.assign(['a1'], 'r2');
    provider.actions.scenarios!.apply(provider.state.scenarios[1].id);
    await settle(provider);
    const undoTitle = () => q(provider, '[part~=toolbar] button')!.getAttribute('title');
    await waitUntil(() => undoTitle() === '元に戻す：シナリオ「作業中のプラン（コピー）」を適用', `toolbar: ${undoTitle()}`);

    provider.setAttribute('locale', 'fr-FR');
    await waitUntil(() => heads()[0] === 'Plan de travail', `the names did not switch to French: ${heads().join(' | ')}`);
    expect(heads()).to.deep.equal(['Plan de travail', 'Plan de travail (copie)', 'Mein Plan']);
    await waitUntil(() => undoTitle() === 'Annuler : Appliquer le scénario « Plan de travail (copie) »', `toolbar: ${undoTitle()}`);

    provider.setAttribute('locale', 'en-US');
    await waitUntil(() => heads()[0] === 'Working plan', 'the names did not switch back to English');
  });
});
