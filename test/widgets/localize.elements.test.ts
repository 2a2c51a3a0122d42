// The planner's elements in German, French and Japanese (issue #14): the provider's notices and toolbar,
// the map's toolbar and legend, the card, the board, the editor and the gauge render in the provider's
// language, follow a change of it at run time, and leave no English word in their shadow roots (CRM
// data — names, industries, rejection reasons from the CRM's validation — is never translated).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { smallLoad, testAdapter } from '../helpers/plan-fixture.js';
// The editor is defined on demand by widgets/index.ts; its own entry defines it at once.
import '../../widgets/territory-editor/territory-editor.js';
import '../../widgets/scenario-compare/scenario-compare.js';
import '../../widgets/quota-planner/quota-planner.js';
import { SECTIONS } from '../../widgets/rep-assignment-panel/sections/context.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkScenarioCompare } from '../../widgets/scenario-compare/scenario-compare.component.js';
import { currentLanguage } from '../../widgets/shared/localize.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

/** Words of the elements' English UI that no German, French or Japanese render should show. */
const ENGLISH =
  /\b(loading|select|save|saving|undo|redo|discard|territory|territories|potential|workload|colou?r|heat|draw|pan|box|unsaved|changes?|rejected|records?|selected|view|priority|delete|edit|remove|quota|target|rules|industries|employees|revenue|show|find|performance|win|rate|closed|won|under|over|overloaded|none|inactive|unassigned|the|and|of|with|by|from|no|reps?|focus|states|counties|layers|map|tools|condition|value|custom|fields?|named|excluded|new|owner|zoom|close|deviation|team|against|untouched|activity|alerts?|last|attainment|flags?|group|actions|field|reason|try|again|dismiss|restore)\b/i;

/**
 * More English words for the panel, the scenario comparison and the quota planner (their undo labels,
 * scenario names, rebalance and quota wording). Not in ENGLISH: the other elements' scans keep their words.
 */
const MORE_ENGLISH = /\b(assign|apply|scenarios?|copy|working|rebalanc\w*|compact|failed|could|cannot|must|unlock|moves?|moved|budget|distance|split|agreed|share|history|step|download|selection|accounts? selected|leaves?|tolerance|limit|preview|why|how)\b/i;

const planner = html`
  <tk-territory-map style="display:block;width:900px;height:420px"></tk-territory-map>
  <tk-territory-card rep-id="r1"></tk-territory-card>
  <tk-performance-board></tk-performance-board>
  <tk-territory-editor territory-id="t1"></tk-territory-editor>
  <tk-workload-gauge></tk-workload-gauge>
`;

/** Every text node and user-facing attribute under `root`, through open shadow roots (tk elements' render roots). */
function uiText(root: Element): string[] {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node.textContent!.replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
      return;
    }
    if (!(node instanceof Element) && !(node instanceof ShadowRoot)) return;
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      for (const a of ['aria-label', 'title', 'placeholder', 'aria-roledescription', 'aria-valuetext']) {
        const v = node.getAttribute(a);
        if (v) out.push(v);
      }
      const shadow = (node as Element & { renderRoot?: ShadowRoot }).renderRoot ?? node.shadowRoot;
      if (shadow && shadow !== (node as unknown)) shadow.childNodes.forEach(visit);
    }
    node.childNodes.forEach(visit);
  };
  visit(root);
  return out;
}

/** The CRM's own words in the fixture (names, industries, ids, the rejection's field and reason): never translated. */
function crmWords(): string[] {
  const d = smallLoad();
  return [
    ...d.accounts.flatMap((a) => [a.name, a.id, a.industry ?? '']),
    ...d.reps.flatMap((r) => [r.name, r.id]),
    ...d.territories.flatMap((t) => [t.name, t.id]),
    ...d.rejected.flatMap((r) => [r.reason, r.field, r.id ?? '', r.kind]),
  ]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
}

/** The English words left in an element tree's UI, with the text they were found in. */
function englishLeft(root: Element, ...words: RegExp[]): string[] {
  // The product's name is no English word to translate.
  const crm = [...crmWords(), 'territory-kit'];
  const res = [ENGLISH, ...words];
  return uiText(root)
    .map((t) => crm.reduce((s, w) => s.split(w).join(' '), t))
    .filter((t) => res.some((re) => re.test(t)))
    .map((t) => `${res.map((re) => re.exec(t)?.[0]).find(Boolean)} in "${t}"`);
}

/**
 * The panel with every section open — the selection's actions (two accounts selected), the rebalance
 * preview after a run, alerts, quotas (with the quota planner), history after an assign with the store's
 * default label — beside the scenario comparison (a default-named copy) and a quota planner, in `locale`.
 */
async function panelIn(locale: string): Promise<TkTerritoryProvider> {
  const provider = await mountProvider(
    testAdapter(),
    html`<tk-rep-assignment-panel></tk-rep-assignment-panel><tk-scenario-compare></tk-scenario-compare><tk-quota-planner period="2027-01-01"></tk-quota-planner>`,
    { locale },
  );
  await waitUntil(() => currentLanguage() === locale.slice(0, 2), `${locale} did not load`, { timeout: 10_000 });
  const panel = provider.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
  for (const id of SECTIONS) panel.setSectionOpen(id, true);
  provider.actions.assign(['a5'], 'r2');
  provider.actions.scenarios!.duplicate('plan');
  // A scenario rebalanced into (a default name and a note from the rebalance's explanation).
  await (provider.querySelector('tk-scenario-compare') as TkScenarioCompare).rebalanceIntoScenario({ maxMoves: 1 });
  await settle(provider);
  rootOf(panel).querySelector<HTMLButtonElement>('[part~=rebalance-form] button[type=submit]')!.click();
  await waitUntil(() => rootOf(panel).querySelector('[part~=preview]'), 'no rebalance preview', { timeout: 10_000 });
  provider.actions.select(['a1', 'a2']);
  await waitUntil(() => rootOf(panel).querySelector('[part~=alerts]') && rootOf(panel).querySelector('tk-quota-planner'), 'the panel’s on-demand sections did not load', { timeout: 10_000 });
  if (!locale.startsWith('en')) await waitUntil(() => !/Assign 1 account/.test(uiText(provider).join(' ')), 'the default undo label was not worded', { timeout: 10_000 });
  await settle(provider);
  return provider;
}

const q = (el: Element, selector: string) => rootOf(el).querySelector(selector);
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (provider: Element, name: string) => provider.querySelector(name)!;

/** Mounts the planner pieces in `locale`, with one pending change, and waits for the language and the card's details. */
async function plannerIn(locale: string): Promise<TkTerritoryProvider> {
  const provider = await mountProvider(testAdapter(), planner, { locale });
  await waitUntil(() => currentLanguage() === locale.slice(0, 2), `${locale} did not load`, { timeout: 10_000 });
  provider.actions.assign(['a5'], 'r2');
  const card = part(provider, 'tk-territory-card');
  await waitUntil(() => rootOf(card).querySelector('[part~=my-accounts]'), 'the card details did not load', { timeout: 10_000 });
  await settle(provider);
  return provider;
}

describe('the planner elements in other languages', () => {
  it('renders German: provider notices and toolbar, map toolbar and legend, card, board, editor, gauge — and no English left', async () => {
    const provider = await plannerIn('de-DE');
    const map = part(provider, 'tk-territory-map');
    const card = part(provider, 'tk-territory-card');
    const board = part(provider, 'tk-performance-board');
    const editor = part(provider, 'tk-territory-editor');
    const gauge = part(provider, 'tk-workload-gauge');

    // Provider: the toolbar's count (singular), the rejected-records notice, the buttons.
    expect(text(q(provider, '[part~=toolbar] .count'))).to.equal('1 nicht gespeicherte Änderung');
    expect(text(q(provider, '[part~=rejections] summary'))).to.equal('1 Datensatz wurde beim Laden abgelehnt (der Rest wurde geladen)');
    expect([...rootOf(provider).querySelectorAll('[part~=toolbar] button')].map(text)).to.deep.equal(['Rückgängig', 'Wiederholen', 'Verwerfen', 'Speichern']);
    // Map: tools, legend, list, status line, Leaflet's zoom buttons.
    expect([...rootOf(map).querySelectorAll('[part~=toolbar] button')].map(text)).to.include.members(['Verschieben', 'Rahmen', 'Alle im Ausschnitt auswählen', 'Regionen malen', 'Zeichnen']);
    expect(q(map, '[part~=toolbar]')!.getAttribute('aria-label')).to.equal('Kartenwerkzeuge');
    expect(text(q(map, '[part~=legend] summary'))).to.equal('Vertriebsmitarbeiter (2)');
    expect(text(q(map, '[part~=legend] li:last-child .legend-name'))).to.equal('Nicht zugewiesen');
    expect(q(map, '[part~=list]')!.getAttribute('aria-label')).to.equal('Accounts im Ausschnitt');
    expect(text(q(map, '[part~=status]'))).to.contain('5 Accounts auf der Karte.');
    expect(q(map, '.leaflet-control-zoom-in')!.getAttribute('title')).to.equal('Vergrößern');
    // Card: totals, sections, the table's column buttons.
    expect([...rootOf(card).querySelectorAll('[part~=totals] dt')].map(text)).to.deep.equal(['Accounts', 'Arbeitslast', 'Potenzial', 'Pipeline', 'Gewonnen']);
    expect(text(q(card, '#untouched-title'))).to.equal('Unbearbeitete Accounts mit hohem Potenzial');
    expect(text(q(card, '#mine-title'))).to.match(/^Accounts von Ana Ruiz/);
    expect([...rootOf(card).querySelectorAll('[part~=my-accounts] thead button')].map(text)).to.deep.equal(['Account', 'Potenzial ▼', 'Letzte Aktivität', 'Warnungen']);
    // Board: caption and grouping.
    expect(text(q(board, 'caption'))).to.match(/^Leistung nach Vertriebsmitarbeiter/);
    expect([...rootOf(board).querySelectorAll('[part~=group-toggle] button')].map(text)).to.deep.equal(['Nach Vertriebsmitarbeiter', 'Nach Gebiet']);
    // Editor: summary (plural), the editing form.
    expect(text(q(editor, '[data-stat=territories]'))).to.equal('2 Gebiete');
    expect(text(q(editor, '[part~=editor] fieldset > legend'))).to.equal('Regeln (alle Bedingungen müssen erfüllt sein)');
    // Gauge: its statistics and the meters' text.
    expect([...rootOf(gauge).querySelectorAll('[part~=stats] dt')].map(text)).to.deep.equal(['Max. Abweichung', 'VK', 'Gini']);
    expect(q(gauge, '[role=meter]')!.getAttribute('aria-valuetext')).to.match(/^Ana Ruiz: Arbeitslast \d+ von Ziel [\d,]+ \(.+\)$/);

    expect(englishLeft(provider)).to.deep.equal([]);
  });

  it('renders Japanese, with no English left', async () => {
    const provider = await plannerIn('ja-JP');
    const map = part(provider, 'tk-territory-map');
    expect(text(q(provider, '[part~=toolbar] .count'))).to.equal('未保存の変更 1 件');
    expect(text(q(map, '[part~=legend] summary'))).to.equal('営業担当 (2)');
    expect(text(q(part(provider, 'tk-territory-card'), '#mine-title'))).to.match(/^Ana Ruiz の取引先/);
    expect(text(q(part(provider, 'tk-territory-editor'), '[data-stat=territories]'))).to.equal('2 件のテリトリー');
    expect(englishLeft(provider)).to.deep.equal([]);
  });

  it('renders the panel (every section open), the scenario comparison and the quota planner in German and Japanese, with no English left', async () => {
    for (const locale of ['de-DE', 'ja-JP']) {
      const provider = await panelIn(locale);
      const panel = provider.querySelector('tk-rep-assignment-panel')!;
      const undo = rootOf(panel).querySelector('button[data-history=undo]')!.getAttribute('title');
      expect(undo).to.equal(locale === 'de-DE' ? 'Rückgängig: 1 Account zuweisen' : '元に戻す：取引先 1 件を割り当て');
      // What the scan went through: the preview, the quota planner in the quotas section, the scenario names.
      expect(rootOf(panel).querySelector('[part~=preview]'), 'the rebalance preview').to.exist;
      expect(rootOf(panel).querySelector('tk-quota-planner'), 'the quotas section').to.exist;
      const compare = provider.querySelector('tk-scenario-compare')!;
      expect([...rootOf(compare).querySelectorAll('[part~=list] .name')].map(text)).to.deep.equal(locale === 'de-DE' ? ['Arbeitsplan', 'Arbeitsplan (Kopie)', 'Neu ausgeglichen (≤ 1 Verschiebungen) aus Arbeitsplan'] : ['作業中のプラン', '作業中のプラン（コピー）', '作業中のプラン から再配分（移動 1 件以下）']);
      expect(englishLeft(provider, MORE_ENGLISH), locale).to.deep.equal([]);
      provider.remove();
    }
    // The same pieces in English show English words the scan finds (the check is real).
    const english = await panelIn('en-US');
    const left = englishLeft(english, MORE_ENGLISH).join(' | ');
    for (const words of ['Working plan (copy)', 'Rebalanced (≤ 1 moves) from Working plan', 'Last step: Assign 1', 'Apply quotas to the plan', 'Rebalance preview', 'How the rebalance got there']) expect(left).to.contain(words);
    english.remove();
  });

  it('follows a change of language at run time (English → German → French → English)', async () => {
    const provider = await mountProvider(testAdapter(), planner, { locale: 'en-US' });
    await waitUntil(() => currentLanguage() === 'en', 'English did not load');
    const map = part(provider, 'tk-territory-map');
    const board = part(provider, 'tk-performance-board');
    const pan = () => text(q(map, '[part~=toolbar] button'));
    const caption = () => text(q(board, 'caption')).split(' ').slice(0, 3).join(' ');
    expect([pan(), caption()]).to.deep.equal(['Pan', 'Performance by rep']);
    // English shows English words (the scan would find them: the check is real).
    expect(englishLeft(provider)).to.not.be.empty;

    provider.setAttribute('locale', 'de-DE');
    await waitUntil(() => pan() === 'Verschieben', 'the map did not switch to German');
    await settle(provider);
    expect(caption()).to.equal('Leistung nach Vertriebsmitarbeiter');

    provider.setAttribute('locale', 'fr-FR');
    await waitUntil(() => pan() === 'Déplacer', 'the map did not switch to French');
    await settle(provider);
    expect(caption()).to.equal('Performance par commercial');

    provider.setAttribute('locale', 'en-US');
    await waitUntil(() => pan() === 'Pan', 'the map did not switch back to English');
  });

  it('takes the words from `language` and the formats from `locale` (Salesforce: lang and locale apart)', async () => {
    const el = await fixture<TkTerritoryProvider>(html`<tk-territory-provider .storage=${null} .adapter=${testAdapter()} language="ja" locale="de-DE">
      <tk-territory-card rep-id="r1"></tk-territory-card>
    </tk-territory-provider>`);
    await waitUntil(() => el.state.status === 'ready' && currentLanguage() === 'ja', 'Japanese did not load');
    await settle(el);
    const card = el.querySelector('tk-territory-card')!;
    const potential = [...rootOf(card).querySelectorAll('[part~=totals] > div')].find((d) => text(d.querySelector('dt')) === 'ポテンシャル');
    expect(potential, 'the potential row in Japanese').to.exist;
    // German money format (700 $), Japanese words.
    expect(text(potential!.querySelector('dd'))).to.match(/^700\s\$/);
  });
});
