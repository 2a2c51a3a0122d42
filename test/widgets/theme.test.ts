import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widgets/index.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';
import { applyTheme, DARK_TOKENS } from '../../widgets/shared/themes.js';
import { testAdapter } from '../helpers/plan-fixture.js';
import { rootOf, settle } from '../helpers/mount.js';
import { expectNoAxeViolations } from '../helpers/axe.js';

async function mountThemed(theme: 'attribute' | 'applyTheme') {
  const wrap = await fixture<HTMLDivElement>(html`<div style="background:#1f2326;padding:8px">
    <tk-territory-provider locale="en-US" theme=${theme === 'attribute' ? 'dark' : ''} .storage=${null}>
      <tk-workload-gauge></tk-workload-gauge>
      <tk-territory-card rep-id="r1" as-of="2026-11-27T00:00:00Z"></tk-territory-card>
      <tk-performance-board></tk-performance-board>
    </tk-territory-provider>
  </div>`);
  if (theme === 'applyTheme') applyTheme(wrap, 'dark');
  const provider = wrap.querySelector('tk-territory-provider') as TkTerritoryProvider;
  provider.adapter = testAdapter();
  await waitUntil(() => provider.state.status === 'ready');
  await settle(provider);
  return { wrap, provider };
}

describe('dark theme', () => {
  for (const how of ['attribute', 'applyTheme'] as const) {
    it(`${how === 'attribute' ? 'theme="dark" on the provider' : 'applyTheme(container, "dark")'} reaches every child and passes axe`, async () => {
      const { wrap, provider } = await mountThemed(how);
      const gauge = provider.querySelector('tk-workload-gauge')!;
      const name = rootOf(gauge).querySelector('.name')!;
      expect(getComputedStyle(name).color).to.equal('rgb(243, 243, 243)', DARK_TOKENS['--tk-color-text']);
      await expectNoAxeViolations(wrap);
    });
  }

  it('the default look is light (SLDS text colour)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><tk-workload-gauge></tk-workload-gauge></div>`);
    const gauge = wrap.querySelector('tk-workload-gauge')!;
    await (gauge as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(getComputedStyle(gauge).color).to.equal('rgb(24, 24, 24)');
  });
});
