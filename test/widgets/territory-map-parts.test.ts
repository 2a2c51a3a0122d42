import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widgets/territory-map/territory-map.js';
import { convexHull } from '../../widgets/territory-map/controllers/convex-hull.js';
import { toggleRegion } from '../../widgets/territory-map/controllers/toggle-region.js';
import { addPolygon } from '../../widgets/territory-map/controllers/add-polygon.js';
import { buildAccountIndex, accountsIn } from '../../widgets/territory-map/controllers/account-index.js';
import { toMercator } from '../../widgets/territory-map/controllers/mercator.js';
import { setShadowRootMode } from '../../widgets/shared/shadow-root.js';
import { TkTestMapProvider } from './territory-map-harness.js';
import { account, rep } from '../helpers/plan-fixture.js';
import { Territory as TerritorySchema, type Territory } from '../../src/model/index.js';
import * as z from 'zod/mini';

const t = (id: string, definition: Territory['definition'] = {}): Territory => ({ id, name: id, repIds: [], priority: 0, definition });

describe('territory-map parts', () => {
  it('convexHull: square with an inner point, collinear and tiny inputs', () => {
    expect(convexHull([0, 1, 1, 0, 0.5], [0, 0, 1, 1, 0.5])).to.deep.equal([[0, 0], [1, 0], [1, 1], [0, 1]]);
    expect(convexHull([0, 1, 2], [0, 1, 2]).length).to.be.lessThan(3);
    expect(convexHull([3], [4])).to.deep.equal([[3, 4]]);
    expect(convexHull([0, 2, 1, 1], [0, 0, 2, 1], [0, 1, 2])).to.deep.equal([[0, 0], [2, 0], [1, 2]]);
  });

  it('toggleRegion adds then removes a code without touching the input', () => {
    const before = [t('a', { regions: ['06'] }), t('b')];
    const { territories, added } = toggleRegion(before, 'a', '48');
    expect(added).to.be.true;
    expect(territories[0].definition.regions).to.deep.equal(['06', '48']);
    expect(before[0].definition.regions).to.deep.equal(['06']);
    expect(territories[1]).to.equal(before[1]);
    const again = toggleRegion(territories, 'a', '06');
    expect(again.added).to.be.false;
    expect(again.territories[0].definition.regions).to.deep.equal(['48']);
    expect(() => toggleRegion(before, 'zz', '06')).to.throw(/territory "zz" not found/);
  });

  it('addPolygon closes the ring, creates or merges into a MultiPolygon, and validates', () => {
    const created = addPolygon([], [[0, 0], [1, 0], [1, 1]], { id: 'n', name: 'New' });
    expect(created.created).to.be.true;
    expect(created.geometry).to.deep.equal({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    // The result is a valid Territory for the model.
    expect(z.safeParse(TerritorySchema, created.territories[0]).success).to.be.true;
    const merged = addPolygon(created.territories, [[5, 5], [6, 5], [6, 6], [5, 5]], 'n');
    expect(merged.geometry.type).to.equal('MultiPolygon');
    expect(merged.geometry.coordinates).to.have.length(2);
    const thrice = addPolygon(merged.territories, [[8, 8], [9, 8], [9, 9]], 'n');
    expect(thrice.geometry.coordinates).to.have.length(3);
    expect(() => addPolygon([], [[0, 0], [0, 0], [1, 1]], { id: 'x', name: 'x' })).to.throw(/at least 3 distinct vertices/);
    expect(() => addPolygon([], [[0, 0], [1, 0], [1, 200]], { id: 'x', name: 'x' })).to.throw(/vertex 2/);
    expect(() => addPolygon([], [[0, 0], [1, 0], [1, 1]], 'missing')).to.throw(/territory "missing" not found/);
  });

  it('buildAccountIndex counts accounts without coordinates and answers box queries', () => {
    const ix = buildAccountIndex([
      account('a', null, { lat: 10, lng: 10 }),
      account('b', null, { lat: null, lng: null }),
      account('c', null, { lat: -5, lng: 20 }),
    ]);
    expect(ix.accounts.map((a) => a.id)).to.deep.equal(['a', 'c']);
    expect(ix.withoutCoordinates).to.equal(1);
    expect(ix.bbox).to.deep.equal([10, -5, 20, 10]);
    expect(accountsIn(ix, [15, -10, 25, 0])).to.deep.equal([1]);
    expect(ix.positionOf.get('c')).to.equal(1);
    expect(accountsIn(buildAccountIndex([]), [-180, -90, 180, 90])).to.deep.equal([]);
    const [x, y] = toMercator(0, 0);
    expect([x, y]).to.deep.equal([0.5, 0.5]);
  });

  it('renders into a closed shadow root when asked (Lightning Web Security)', async () => {
    setShadowRootMode('closed');
    try {
      const provider = await fixture<TkTestMapProvider>(html`<tk-test-map-provider></tk-test-map-provider>`);
      provider.load({ accounts: [account('a', 'r1', { lat: 40, lng: -100 })], reps: [rep('r1', 'R')] });
      const el = document.createElement('tk-territory-map');
      provider.append(el);
      await waitUntil(() => (el.renderStats?.draws ?? 0) > 0, 'map never drew');
      expect(el.shadowRoot).to.be.null;
      expect(el.renderRoot.querySelector('.leaflet-container')).to.exist;
    } finally {
      setShadowRootMode('open');
    }
  });

  it('finds its data when the provider element is defined after the map', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><tk-territory-provider><tk-territory-map></tk-territory-map></tk-territory-provider></div>`);
    const el = wrapper.querySelector('tk-territory-map')!;
    await el.updateComplete;
    expect(customElements.get('tk-territory-provider')).to.be.undefined;
    // Stand-in for the real provider (this test page does not load it): same tag, defined late.
    customElements.define('tk-territory-provider', class extends TkTestMapProvider {});
    const provider = wrapper.querySelector('tk-territory-provider') as unknown as TkTestMapProvider;
    provider.load({ accounts: [account('a', 'r1', { lat: 40, lng: -100 }), account('b', 'r1', { lat: 41, lng: -101 })], reps: [rep('r1', 'R')] });
    await waitUntil(() => (el.renderStats?.points ?? 0) + (el.renderStats?.clusters ?? 0) > 0, 'map never got the plan');
  });
});
