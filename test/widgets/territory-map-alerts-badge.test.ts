// Issue #14 "Alerts in sight": the map shows the panel's alert count (from the panel's tk-alerts-change,
// without computing alerts itself) as a badge in the worst severity's colour, with the full breakdown in
// its accessible name; activating it opens the panel's alert list and moves focus there.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import { sendKeys } from '@web/test-runner-commands';
import { TkAlertsChangeEvent } from '../../widgets/events/alerts-change-event.js';
import type { TkTerritoryMap } from '../../widgets/territory-map/territory-map.component.js';

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<tk-territory-map> alert badge', () => {
  it('shows the panel’s alert count and severity, and brings the user to the panel’s alert list', async () => {
    const data = generateDemoData({ seed: 7, accounts: 600, reps: 8 });
    const provider = await mountProvider(
      createMemoryAdapter(data),
      html`<tk-territory-map style="height:320px;width:400px;display:block"></tk-territory-map><tk-rep-assignment-panel></tk-rep-assignment-panel>`,
    );
    const map = provider.querySelector('tk-territory-map') as TkTerritoryMap;
    const panel = provider.querySelector('tk-rep-assignment-panel') as HTMLElement & { alertCounts: { total: number; critical: number; warning: number; info: number; worst: string } | null };
    await waitUntil(() => panel.alertCounts && panel.alertCounts.total > 0, 'the panel found no alerts', { timeout: 15_000 });
    await waitUntil(() => map.renderRoot.querySelector('[part~=alert-badge]'), 'no badge on the map', { timeout: 10_000 });
    await settle(provider);
    const c = panel.alertCounts!;
    const badge = map.renderRoot.querySelector<HTMLButtonElement>('[part~=alert-badge]')!;
    const worst = c.critical ? 'critical' : c.warning ? 'warning' : 'info';
    expect(badge.dataset.severity).to.equal(worst);
    const n = c[worst as 'critical' | 'warning' | 'info'];
    expect(text(badge)).to.equal(`⚠ ${n} ${worst === 'warning' ? (n === 1 ? 'warning' : 'warnings') : worst}`);
    // The accessible name has every severity, as the panel's header says it.
    const header = rootOf(panel).querySelector<HTMLButtonElement>('[part~=alert-count]')!;
    expect(badge.getAttribute('aria-label')).to.equal(header.getAttribute('aria-label'));
    expect(badge.getAttribute('aria-label')).to.match(/^Alerts: .+\. Show the list$/);
    // Visible over the map, inside the map's box.
    const b = badge.getBoundingClientRect();
    const m = map.renderRoot.querySelector('.stage')!.getBoundingClientRect();
    expect(b.width).to.be.greaterThan(0);
    expect(b.right).to.be.at.most(m.right + 0.5);
    expect(b.top).to.be.at.least(m.top - 0.5);
    // Keyboard: focus and Enter (a button) opens the panel's alert list and focuses its heading.
    const section = () => rootOf(panel).querySelector<HTMLDetailsElement>('[part~=section-alerts]');
    expect(section()?.open ?? false).to.equal(false);
    badge.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => section()?.open, 'the alert list did not open');
    await waitUntil(() => rootOf(panel).activeElement === section()!.querySelector('summary'), 'focus did not move to the alert list');
    // New counts follow (the panel's event): the badge updates; none left: no badge.
    panel.dispatchEvent(new TkAlertsChangeEvent({ total: 1, critical: 0, warning: 0, info: 1, worst: 'info' }));
    await settle(provider);
    expect(text(map.renderRoot.querySelector('[part~=alert-badge]'))).to.equal('⚠ 1 info');
    panel.dispatchEvent(new TkAlertsChangeEvent({ total: 0, critical: 0, warning: 0, info: 0, worst: null }));
    await settle(provider);
    expect(map.renderRoot.querySelector('[part~=alert-badge]')).to.equal(null);
  });
});
