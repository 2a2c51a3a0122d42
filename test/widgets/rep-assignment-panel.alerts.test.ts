// Alerts in sight: a count and severity in the panel header, thresholds kept in the plan, money with its currency.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import { detectAlerts } from '../../src/engine/detect-alerts.js';
import { resolveTerritories } from '../../src/engine/resolve-territories.js';
import { serialiseWorkingPlan } from '../../src/store/persistence.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkAlertsChangeEvent } from '../../widgets/events/alerts-change-event.js';
import { currentLanguage } from '../../widgets/shared/localize.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<tk-rep-assignment-panel> alerts in sight', () => {
  it('shows the count and worst severity in the header, fires tk-alerts-change, and money carries its currency', async () => {
    const data = generateDemoData({ seed: 42, accounts: 800, reps: 8 });
    const adapter = createMemoryAdapter(data);
    const eventSeen = new Promise<TkAlertsChangeEvent>((resolve) => document.addEventListener('tk-alerts-change', (e) => resolve(e as TkAlertsChangeEvent), { once: true }));
    const provider = await mountProvider(adapter, html`<tk-rep-assignment-panel currency="EUR"></tk-rep-assignment-panel>`, { locale: 'de-DE' });
    await waitUntil(() => currentLanguage() === 'de', 'German did not load');
    await settle(provider);
    const panel = panelOf(provider);
    const s = provider.state;
    const expected = detectAlerts({ accounts: s.accounts, reps: s.reps, assignments: s.working, resolution: resolveTerritories(s.accounts, s.territories) });
    const critical = expected.filter((a) => a.severity === 'critical').length;
    expect(critical).to.be.greaterThan(0);
    const badge = q<HTMLButtonElement>(panel, '[part~=alert-count]')!;
    expect(badge.dataset.severity).to.equal('critical');
    // locale="de-DE": German words (#14) and German money.
    expect(text(badge)).to.contain(`${critical} kritisch`);
    const event = await eventSeen;
    expect(event.counts.critical).to.equal(critical);
    expect(event.counts.total).to.equal(expected.length);
    // The badge opens the list; money in messages is in the panel's currency.
    badge.click();
    await settle(provider);
    await waitUntil(() => q(panel, '[part~=alerts]'), 'the list did not open');
    expect(rootOf(panel).activeElement?.closest('[data-section]')?.getAttribute('data-section')).to.equal('alerts');
    const messages = [...rootOf(panel).querySelectorAll('[part~=alerts] .message')].map(text).filter((m) => /Potenzial\)/.test(m));
    expect(messages.length).to.be.greaterThan(0);
    for (const m of messages) expect(m).to.match(/\d\s?(Mio\.|Tsd\.|Mrd\.)?\s?€/);
  });

  it('thresholds set in the panel change the alerts and are kept with the plan', async () => {
    const data = generateDemoData({ seed: 42, accounts: 800, reps: 8 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    panel.setSectionOpen('alerts', true);
    await settle(provider);
    const before = panel.alertCounts!.total;
    const settings = q<HTMLDetailsElement>(panel, '[part~=alert-settings]')!;
    settings.open = true;
    const form = settings.querySelector('form')!;
    (form.elements.namedItem('alertTolerance') as HTMLInputElement).value = '60';
    (form.elements.namedItem('alertDays') as HTMLInputElement).value = '3650';
    (form.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await settle(provider);
    await waitUntil(() => panel.alertCounts!.total < before, 'looser thresholds did not reduce the alerts', { timeout: 5000 });
    expect(provider.state.alertSettings).to.deep.equal({ tolerance: 0.6, highPotentialQuantile: 0.9, untouchedDays: 3650 });
    const stored = JSON.parse(serialiseWorkingPlan(provider.state, 'x')!);
    expect(stored.alertSettings.untouchedDays).to.equal(3650);
    // A bad value is refused with a reason.
    (form.elements.namedItem('alertDays') as HTMLInputElement).value = '-1';
    (form.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await settle(provider);
    expect(text(q(panel, '[data-section=alerts] [role=alert]'))).to.contain('Days without activity');
    expect(provider.state.alertSettings!.untouchedDays).to.equal(3650);
  });
});
