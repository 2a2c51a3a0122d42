// Issue #14 (real localisation): the engine's move and fit reasons, worded by the widgets from the
// engine's clauses (reasonParts). In English the widgets' wording is the engine's `reason` word for word;
// in German the rebalance preview, the distribute preview and the recommendations show German reasons.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import { rebalance } from '../../src/engine/rebalance.js';
import { recommendReps, type FitReasonPart } from '../../src/engine/recommend-reps.js';
import { distributeAccounts } from '../../src/engine/distribute-accounts.js';
import { formatters } from '../../widgets/shared/format.js';
import { words } from '../../widgets/rep-assignment-panel/sections/words.js';
import { moveReasonText } from '../../widgets/rep-assignment-panel/sections/move-reason.js';
import { explanationText } from '../../widgets/rep-assignment-panel/sections/explanation-text.js';
import { fitReasonText } from '../../widgets/distribute-preview/fit-reason.js';
import { currentLanguage } from '../../widgets/shared/localize.js';
import type { Assignments } from '../../src/model/plan.js';

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
/** The engine writes km without grouping ("4136 km"); the UI groups digits by locale ("4,136 km"). */
const ungrouped = (s: string) => s.replace(/(\d),(?=\d{3}\b)/g, '$1');

/** English words of the reasons that must not be left in a German render (CRM names taken out first). */
const ENGLISH = /\b(was|is|nearest|rep|reps|room|over|under|target|headroom|after|knows|owns|home|away|moved|swapped|nearer|needed|unassigned|Unassigned|inactive|no|with|from|to|the)\b/;

function withoutNames(s: string, names: readonly string[]): string {
  for (const n of [...names].sort((a, b) => b.length - a.length)) s = s.split(n).join(' ');
  return s;
}

describe('reasons in the UI language', () => {
  it('in English, the widgets word the clauses exactly as the engine’s reason (rebalance, recommendations, distribute)', async () => {
    expect(currentLanguage()).to.equal('en');
    const data = generateDemoData({ seed: 5, accounts: 500, reps: 8 });
    const current: Assignments = Object.fromEntries(data.accounts.map((a) => [a.id, a.ownerId ?? null]));
    const reps = data.reps.map((r, j) => (j === 0 ? { ...r, active: false } : r));
    const names = {
      repName: (id: string) => data.reps.find((r) => r.id === id)!.name,
      accountName: (id: string) => data.accounts.find((a) => a.id === id)!.name,
    };
    const f = formatters('en-US');
    let checked = 0;
    for (const options of [{}, { maxMoves: 20 }, { objective: 'compactness' as const }]) {
      const result = await rebalance({ accounts: data.accounts, reps, current }, options);
      // the explanation: the engine's sentences, percentages as the locale writes them ("5%", not "5.0%")
      expect(result.explanationParts?.length).to.be.greaterThan(0);
      expect(ungrouped(explanationText(words, f, result, () => 'fallback'))).to.equal(result.explanation.replace(/(\d)\.0%/g, '$1%'));
      for (const m of result.moves) {
        expect(m.reasonParts?.length, m.accountId).to.be.greaterThan(0);
        expect(ungrouped(moveReasonText(words, f, names, m))).to.equal(m.reason);
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(50);
    const context = { accounts: data.accounts, assignments: current };
    const fits: { reason: string; reasonParts?: FitReasonPart[] }[] = [...recommendReps(data.accounts.slice(0, 30), data.reps, context), ...recommendReps(data.accounts[3], data.reps, context)];
    fits.push(...distributeAccounts({ accounts: data.accounts, reps: data.reps, assignments: current, fromRepId: data.reps[1].id }).proposals);
    for (const r of fits) expect(ungrouped(fitReasonText(f, r))).to.equal(r.reason);
    // without clauses, the English reason as is
    expect(moveReasonText(words, f, names, { accountId: 'x', from: null, to: 'y', reason: 'Because' })).to.equal('Because');
    expect(explanationText(words, f, { explanation: 'As is' }, (s) => `[${s}]`)).to.equal('[As is]');
  });

  it('in German: the rebalance preview’s move reasons, the recommendations and the distribute preview', async () => {
    const data = generateDemoData({ seed: 42, accounts: 800, reps: 8 });
    const provider = await mountProvider(
      createMemoryAdapter(data),
      html`<tk-rep-assignment-panel></tk-rep-assignment-panel><tk-distribute-preview source="selection"></tk-distribute-preview>`,
      { locale: 'de' },
    );
    await waitUntil(() => currentLanguage() === 'de', 'German did not load');
    await settle(provider);
    const panel = provider.querySelector('tk-rep-assignment-panel')!;
    const s = provider.state;
    const crm = [...s.accounts.map((a) => a.name), ...s.reps.map((r) => r.name), ...s.accounts.map((a) => a.industry ?? '').filter(Boolean)];

    // The rebalance preview: every listed move's reason in German.
    const maxMoves = q<HTMLInputElement>(panel, 'input[name=maxMoves]')!;
    maxMoves.value = '30';
    maxMoves.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(provider);
    q<HTMLButtonElement>(panel, '[part~=rebalance-form] button[type=submit]')!.click();
    await waitUntil(() => q(panel, '[part~=preview] [part~=moves] .reason'), 'no moves in the preview', { timeout: 20000 });
    await settle(provider);
    const reasons = qa(panel, '[part~=moves] .reason').map(text);
    expect(reasons.length).to.be.greaterThan(5);
    for (const r of reasons) {
      const left = withoutNames(r, crm).match(ENGLISH);
      expect(left, `English in a move reason: ${left?.[0]} in ${r}`).to.equal(null);
    }
    expect(reasons.some((r) => / (lag|ist der nächste Vertriebsmitarbeiter mit Kapazität) /.test(r) && /(über|unter) dem (Potenzial|Arbeitslast)-Ziel|im (Potenzial|Arbeitslast)-Ziel/.test(r)), reasons.join(' | ')).to.equal(true);
    // "How the rebalance got there": the explanation in German too
    const explanation = text(q(panel, '[part~=preview-explanation]'));
    const english = withoutNames(explanation, crm).match(ENGLISH);
    expect(english, `English in the explanation: ${english?.[0]} in ${explanation}`).to.equal(null);
    expect(explanation).to.match(/^Angehalten bei der Höchstzahl von 30 verschobenen Accounts: 30 Accounts verschoben\./);
    expect(explanation).to.match(/Erlauben Sie mehr Verschiebungen, um weiter auszugleichen\.$/);
    q<HTMLButtonElement>(panel, '[part~=preview] .row button:not(.brand)')!.click();
    await settle(provider);

    // One account selected: the recommended reps' reasons.
    const one = s.accounts.find((a) => a.industry && a.lat != null)!;
    provider.actions.select([one.id]);
    await settle(provider);
    await waitUntil(() => q(panel, '[part~=recommendation] .reason'), 'no recommendations', { timeout: 10000 });
    const recs = qa(panel, '[part~=recommendation] .reason').map(text);
    for (const r of recs) {
      const left = withoutNames(r, crm).match(ENGLISH);
      expect(left, `English in a recommendation: ${left?.[0]} in ${r}`).to.equal(null);
    }
    expect(recs.some((r) => /km vom Standort/.test(r) && /(Spielraum|über dem Ziel)/.test(r)), recs.join(' | ')).to.equal(true);

    // Thirty accounts selected: the distribute preview's reasons.
    provider.actions.select(s.accounts.filter((a) => !a.locked).slice(0, 30).map((a) => a.id));
    await settle(provider);
    const dist = provider.querySelector('tk-distribute-preview')!;
    q<HTMLButtonElement>(dist, '[part~=controls] button')!.click();
    await settle(provider);
    await waitUntil(() => q(dist, '[part~=proposals] .reason'), 'no proposals', { timeout: 10000 });
    const why = qa(dist, '[part~=proposals] .reason').map(text);
    expect(why.length).to.be.greaterThan(0);
    for (const r of why) {
      const left = withoutNames(r, crm).match(ENGLISH);
      expect(left, `English in a distribute reason: ${left?.[0]} in ${r}`).to.equal(null);
      expect(r).to.match(/(danach [\d.,]+ % (Spielraum|über dem Ziel)|kein Arbeitslast-Ziel)/);
    }
  });
});
