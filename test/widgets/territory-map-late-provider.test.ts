// Only the map is defined at first; the provider module is imported later (as when bundles load out of
// order). The map must find the plan's state and actions once <tk-territory-provider> is defined.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widgets/territory-map/territory-map.js';
import type { TkTerritoryMap } from '../../widgets/territory-map/territory-map.component.js';
import { testAdapter } from '../helpers/plan-fixture.js';

describe('<tk-territory-map> defined before its provider', () => {
  it('re-requests the plan once <tk-territory-provider> is defined, then draws and selects', async () => {
    const el = await fixture<HTMLElement>(html`<tk-territory-provider style="display:block;width:800px"><tk-territory-map></tk-territory-map></tk-territory-provider>`);
    const map = el.querySelector('tk-territory-map') as TkTerritoryMap;
    await map.updateComplete;
    const status = () => map.renderRoot.querySelector('[part=status]')!.textContent ?? '';
    expect(status()).to.contain('0 accounts on the map');
    const { TkTerritoryProvider } = await import('../../widgets/territory-provider/territory-provider.js');
    const provider = el as InstanceType<typeof TkTerritoryProvider>;
    provider.storage = null;
    provider.adapter = testAdapter();
    await waitUntil(() => provider.state?.status === 'ready');
    const accounts = provider.state.accounts.filter((a) => a.lat !== null && a.lng !== null).length;
    expect(accounts).to.be.greaterThan(0);
    await waitUntil(() => status().includes(`${accounts} accounts on the map`), 'the map never got the plan');
    // The actions arrived too: selecting through the map reaches the store.
    map.selectAllInView();
    expect(provider.state.selection.length).to.be.greaterThan(0);
  });
});
