import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { assertNoXss, deepText, poisonLoad, XSS_PAYLOADS } from '../helpers/xss.js';
import { CrmLoadError } from '../../src/adapters/crm-adapter.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';
import type { TkTerritoryMap } from '../../widgets/territory-map/territory-map.component.js';
import '../../widgets/territory-map/territory-map.js';

const everything = html`
  <tk-workload-gauge rep-id="r1"></tk-workload-gauge>
  <tk-workload-gauge metric="potential"></tk-workload-gauge>
  <tk-territory-card rep-id="r1" as-of="2026-11-27T00:00:00Z"></tk-territory-card>
  <tk-performance-board></tk-performance-board>
  <tk-performance-board group-by="territory"></tk-performance-board>
`;

describe('CRM text never reaches an HTML sink', () => {
  afterEach(() => {
    delete (window as unknown as { __xss?: unknown }).__xss;
  });

  for (const payload of XSS_PAYLOADS) {
    it(`renders ${payload} in every text field as text`, async () => {
      const provider = await mountProvider(testAdapter('xss', poisonLoad(smallLoad(), payload)), everything);
      // The card's account list arrives in a chunk loaded after it connects (slow on a busy machine).
      const card = provider.querySelector('tk-territory-card')!;
      await waitUntil(() => rootOf(card).querySelector('[part~=my-accounts]'), "the card's account list did not load", { timeout: 10_000 });
      rootOf(provider).querySelector('details')!.open = true;
      await settle(provider);
      await assertNoXss(provider);
      const text = deepText(provider);
      expect(text).to.contain(`${payload}#0`, 'account names are shown as text');
      expect(text.split(payload).length - 1).to.be.greaterThan(10, 'many poisoned fields were rendered');
    });
  }

  it('load error messages and restore reports are text too', async () => {
    const payload = XSS_PAYLOADS[0];
    const data = poisonLoad(smallLoad(), payload);
    const storage = new Map<string, string>();
    const store = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) };
    const adapter = testAdapter('xss2', data);
    const first = document.createElement('tk-territory-provider') as TkTerritoryProvider;
    first.storage = store;
    first.persistDelay = 0;
    first.adapter = adapter;
    document.body.append(first);
    await waitUntil(() => first.state.status === 'ready', 'first provider loaded', { timeout: 10_000 });
    first.actions.assign(['a1', 'a2'], 'r2');
    first.persistNow();
    first.remove();
    adapter.data.accounts.find((a) => a.id === 'a2')!.ownerId = 'r2';
    const second = document.createElement('tk-territory-provider') as TkTerritoryProvider;
    second.storage = store;
    second.adapter = adapter;
    document.body.append(second);
    // The stored plan is parsed by a module loaded on demand: wait for the offer, not a fixed time.
    await waitUntil(() => second.state.status === 'ready' && (second as unknown as { offer: unknown }).offer != null, 'second provider loaded, with the stored plan offered', { timeout: 10_000 });
    second.restore();
    await settle(second);
    expect(deepText(second)).to.contain(`${payload}`);
    await assertNoXss(second);
    second.remove();

    const saving = testAdapter('xss4', poisonLoad(smallLoad(), payload));
    saving.save = async (changes) => changes.map((c) => ({ accountId: c.accountId, status: 'failed' as const, code: payload, message: payload }));
    const fourth = await mountProvider(saving, html``);
    fourth.actions.assign(['a1'], 'r2');
    await fourth.actions.save();
    await settle(fourth);
    rootOf(fourth).querySelector<HTMLDetailsElement>('[part~=save-problems]')!.open = true;
    expect(deepText(fourth)).to.contain(payload);
    await assertNoXss(fourth);

    const failing = testAdapter('xss3');
    failing.loadError = new CrmLoadError(payload, `bad ${payload}`);
    const third = await mountProvider(failing, html``);
    expect(deepText(third)).to.contain(`bad ${payload}`);
    await assertNoXss(third);
  });

  it('tile-attribution is shown as text, never parsed as HTML (Leaflet writes its own attribution with innerHTML)', async () => {
    const provider = await mountProvider(testAdapter('xss-map', smallLoad()), html``);
    for (const payload of XSS_PAYLOADS) {
      const map = document.createElement('tk-territory-map') as TkTerritoryMap;
      map.tileUrl = '/widgets/territory-map/assets/states-10m.json?tile={z}/{x}/{y}';
      map.tileAttribution = `© Tiles ${payload}`;
      provider.append(map);
      await waitUntil(() => map.renderRoot.querySelector('.leaflet-control-attribution'), 'attribution shown');
      await new Promise((r) => setTimeout(r, 50)); // an onerror would have fired by now
      const box = map.renderRoot.querySelector('.leaflet-control-attribution')!;
      expect(box.textContent).to.equal(`© Tiles ${payload}`);
      expect(box.children.length).to.equal(0, 'no elements made from the attribution');
      await assertNoXss(provider);
      // Changing it replaces the text; clearing the tiles removes it.
      map.tileAttribution = `${payload} 2`;
      await map.updateComplete;
      expect(map.renderRoot.querySelector('.leaflet-control-attribution')!.textContent).to.equal(`${payload} 2`);
      map.tileUrl = null;
      await map.updateComplete;
      expect(map.renderRoot.querySelector('.leaflet-control-attribution')).to.be.null;
      map.remove();
    }
  });
});
