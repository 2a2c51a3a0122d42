import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { testAdapter } from '../helpers/plan-fixture.js';
import { currentLanguage, uiLanguage } from '../../widgets/shared/localize.js';

const statsLabel = (el: Element) => rootOf(el).querySelector('[part~=stats] dt')!.textContent;

describe('UI language (@lit/localize)', () => {
  it('maps BCP 47 tags and Salesforce language keys to a catalogue, else English', () => {
    expect(['de', 'de-DE', 'de_AT', 'DE', 'fr_CA', 'ja-JP', 'ja', 'en_US', 'pt-BR', '', null].map(uiLanguage)).to.deep.equal([
      'de', 'de', 'de', 'de', 'fr', 'ja', 'ja', 'en', 'en', 'en', 'en',
    ]);
  });

  it("renders in the provider's locale and follows a change of it", async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-workload-gauge></tk-workload-gauge>`, { locale: 'de-DE' });
    const gauge = provider.querySelector('tk-workload-gauge')!;
    await waitUntil(() => currentLanguage() === 'de', 'German did not load');
    await settle(provider);
    expect(statsLabel(gauge)).to.equal('Max. Abweichung');
    provider.setAttribute('locale', 'ja');
    await waitUntil(() => currentLanguage() === 'ja', 'Japanese did not load');
    await settle(provider);
    expect(statsLabel(gauge)).to.equal('最大偏差');
    provider.setAttribute('locale', 'en-GB');
    await waitUntil(() => currentLanguage() === 'en', 'English did not come back');
    await settle(provider);
    expect(statsLabel(gauge)).to.equal('Max deviation');
  });
});
