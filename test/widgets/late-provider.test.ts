// Only the gauge is defined at first; the provider module is imported later (as when bundles load
// out of order). The gauge must find its context once the provider is defined.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widgets/workload-gauge/workload-gauge.js';
import { testAdapter } from '../helpers/plan-fixture.js';

describe('provider defined after its widgets', () => {
  it('the gauge re-requests the plan once <tk-territory-provider> is defined', async () => {
    const el = await fixture<HTMLElement>(html`<tk-territory-provider><tk-workload-gauge rep-id="r2"></tk-workload-gauge></tk-territory-provider>`);
    const gauge = el.querySelector('tk-workload-gauge')!;
    await gauge.updateComplete;
    expect(gauge.shadowRoot!.textContent).to.contain('No plan loaded');
    const { TkTerritoryProvider } = await import('../../widgets/territory-provider/territory-provider.js');
    const provider = el as InstanceType<typeof TkTerritoryProvider>;
    provider.storage = null;
    provider.adapter = testAdapter();
    await waitUntil(() => provider.state?.status === 'ready');
    await waitUntil(() => gauge.shadowRoot!.querySelector('[role=meter]') !== null, 'the gauge never got the plan');
    expect(gauge.shadowRoot!.querySelector('[role=meter]')!.getAttribute('aria-valuenow')).to.equal('2');
  });
});
