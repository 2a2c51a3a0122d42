import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widgets/territory-map/territory-map.js';
import type { TkTerritoryMap } from '../../widgets/territory-map/territory-map.component.js';
import type { RegionPaintDetail } from '../../widgets/territory-map/events/region-paint-event.js';
import type { TerritoryDrawnDetail } from '../../widgets/territory-map/events/territory-drawn-event.js';
import { TkTestMapProvider, rng, type MapHarnessData } from './territory-map-harness.js';
import { account, rep } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { XSS_PAYLOADS, assertNoXss } from '../helpers/xss.js';
import type { Account, Territory } from '../../src/model/index.js';
import type * as Leaflet from 'leaflet';

// Private members the tests reach into (Leaflet stays private to the element).
interface MapInternals {
  map: Leaflet.Map;
  regions: { features: Partial<Record<'state' | 'county', unknown[]>>; layers: Record<string, unknown>; style(code: string): { fill: string | null } };
  ix: { accounts: Account[] } | null;
}
const internals = (el: TkTerritoryMap) => el as unknown as MapInternals;

const named: Account[] = [
  account('sf', 'r1', { name: 'San Francisco Co', lat: 37.7749, lng: -122.4194, potential: 500, regions: ['06', '06075'] }),
  account('la', 'r1', { name: 'Los Angeles Co', lat: 34.0522, lng: -118.2437, potential: 400, regions: ['06', '06037'] }),
  account('dal', 'r2', { name: 'Dallas Co', lat: 32.7767, lng: -96.797, potential: 300, regions: ['48'] }),
  account('hou', 'r2', { name: 'Houston Co', lat: 29.7604, lng: -95.3698, potential: 200, regions: ['48'] }),
  account('nyc', null, { name: 'New York Co', lat: 40.7128, lng: -74.006, potential: 100, regions: ['36'] }),
  account('nowhere', 'r1', { name: 'No Coordinates Co', lat: null, lng: null, potential: 50 }),
];

function chicagoCloud(n: number): Account[] {
  const r = rng(7);
  return Array.from({ length: n }, (_, i) =>
    account(`chi${i}`, i % 2 ? 'r1' : 'r2', { name: `Chicago ${i}`, lat: 41.6 + r() * 0.6, lng: -88.2 + r() * 0.8, potential: 10 + Math.round(r() * 90) }),
  );
}

const reps = [rep('r1', 'Ada West'), rep('r2', 'Bo South')];
const territories: Territory[] = [
  { id: 't1', name: 'West', repIds: ['r1'], priority: 0, color: '#1f77b4', definition: { regions: ['06'] } },
  { id: 't2', name: 'South', repIds: ['r2'], priority: 0, color: '#d62728', definition: {} },
];

async function mount(data: MapHarnessData, attrs: Partial<Pick<TkTerritoryMap, 'compact' | 'repId' | 'noCluster' | 'tool' | 'targetTerritory' | 'focusAccount'>> = {}) {
  const provider = await fixture<TkTestMapProvider>(html`<tk-test-map-provider style="display:block;width:900px"></tk-test-map-provider>`);
  provider.load(data);
  const el = document.createElement('tk-territory-map');
  Object.assign(el, attrs);
  provider.append(el);
  await el.updateComplete;
  await waitUntil(() => (el.renderStats?.draws ?? 0) > 0, 'map never drew');
  return { provider, el, map: internals(el).map };
}

/** Client coordinates of a position on the map. */
function clientAt(map: Leaflet.Map, lat: number, lng: number) {
  const p = map.latLngToContainerPoint([lat, lng]);
  const r = map.getContainer().getBoundingClientRect();
  return { clientX: r.left + p.x, clientY: r.top + p.y };
}

function click(map: Leaflet.Map, lat: number, lng: number, init: MouseEventInit = {}) {
  map.getContainer().dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...clientAt(map, lat, lng), ...init }));
}

function pointer(map: Leaflet.Map, type: string, at: { clientX: number; clientY: number }, init: PointerEventInit = {}) {
  map.getContainer().dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, composed: true, pointerId: 1, button: 0, isPrimary: true, ...at, ...init }));
}

/** The RGBA of the account canvas at a map position. */
function pixelAt(el: TkTerritoryMap, map: Leaflet.Map, lat: number, lng: number): number[] {
  const canvas = el.renderRoot.querySelector<HTMLCanvasElement>('.leaflet-tk-accounts-pane canvas')!;
  const at = clientAt(map, lat, lng);
  const r = canvas.getBoundingClientRect();
  const sx = canvas.width / r.width;
  const sy = canvas.height / r.height;
  return [...canvas.getContext('2d')!.getImageData(Math.round((at.clientX - r.left) * sx), Math.round((at.clientY - r.top) * sy), 1, 1).data];
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

describe('tk-territory-map', () => {
  afterEach(() => {
    delete (window as unknown as { __xss?: unknown }).__xss;
  });

  it('ships leaflet.css inside its shadow root and positions the panes', async () => {
    const { el, map } = await mount({ accounts: named, reps });
    const container = map.getContainer();
    expect(container.getRootNode()).to.equal(el.renderRoot);
    expect(container.classList.contains('leaflet-container')).to.be.true;
    expect(container.getBoundingClientRect().height).to.be.greaterThan(100);
    const pane = el.renderRoot.querySelector('.leaflet-map-pane')!;
    expect(getComputedStyle(pane).position).to.equal('absolute');
    expect(getComputedStyle(el.renderRoot.querySelector('.leaflet-tk-accounts-pane')!).position).to.equal('absolute');
    // Nothing was added to the document's own styles.
    expect([...document.querySelectorAll('link[rel=stylesheet], style')].some((s) => /leaflet/.test(s.textContent ?? ''))).to.be.false;
  });

  it('focus-account centres the view on that account (zoom ≥ 10), again when it changes; unknown ids leave the view', async () => {
    const { el, map } = await mount({ accounts: named, reps }, { focusAccount: 'dal' });
    expect(map.getCenter().lat).to.be.closeTo(32.7767, 0.01);
    expect(map.getCenter().lng).to.be.closeTo(-96.797, 0.01);
    expect(map.getZoom()).to.be.at.least(10);
    el.focusAccount = 'nyc';
    await el.updateComplete;
    expect(map.getCenter().lat).to.be.closeTo(40.7128, 0.01);
    expect(map.getCenter().lng).to.be.closeTo(-74.006, 0.01);
    const before = map.getCenter();
    el.focusAccount = 'nowhere'; // in the plan, but without coordinates
    await el.updateComplete;
    el.focusAccount = 'missing';
    await el.updateComplete;
    expect(map.getCenter()).to.deep.equal(before);
  });

  it("compact (a card's map): stays fitted to its accounts with focus-account pinned, also after a resize", async () => {
    const { provider, el, map } = await mount({ accounts: named, reps }, { compact: true, focusAccount: 'dal' });
    const fitZoom = map.getZoom();
    // Fitted to every account (not zoomed to the one account), which is in view.
    expect(fitZoom).to.be.below(10);
    expect(map.getBounds().contains([32.7767, -96.797])).to.equal(true);
    expect(map.getBounds().contains([37.7749, -122.4194])).to.equal(true);
    expect(map.getBounds().contains([40.7128, -74.006])).to.equal(true);
    // The pin: its head sits 21 px above the account, drawn over whatever is there.
    const head = () => {
      const canvas = el.renderRoot.querySelector<HTMLCanvasElement>('.leaflet-tk-accounts-pane canvas')!;
      const at = clientAt(map, 32.7767, -96.797);
      const r = canvas.getBoundingClientRect();
      const sx = canvas.width / r.width;
      const sy = canvas.height / r.height;
      // On the ring (7 px right of the head's centre).
      return [...canvas.getContext('2d')!.getImageData(Math.round((at.clientX + 7 - r.left) * sx), Math.round((at.clientY - 21 - r.top) * sy), 1, 1).data];
    };
    await nextFrame();
    expect(head()[3]).to.be.greaterThan(200, 'the pin is drawn');
    // A resize refits the card (it did, and then forgot the focus): the account is still in view and pinned.
    provider.style.width = '500px';
    await waitUntil(() => map.getSize().x <= 500, 'the map did not resize');
    await el.updateComplete;
    await nextFrame();
    expect(map.getBounds().contains([32.7767, -96.797])).to.equal(true);
    expect(head()[3]).to.be.greaterThan(200, 'the pin is drawn after the resize');
    el.focusAccount = undefined;
    await el.updateComplete;
    await nextFrame();
    expect(head()[3]).to.equal(0, 'no pin without focus-account');
  });

  it('draws accounts on the canvas, coloured by rep', async () => {
    const { el, map } = await mount({ accounts: named, reps }, { noCluster: true });
    map.setView([32.7767, -96.797], 8, { animate: false });
    await el.updateComplete;
    const [r, g, b, a] = pixelAt(el, map, 32.7767, -96.797);
    expect(a).to.equal(255);
    // Bo South (second rep) gets the palette's second colour, #f28e2b.
    expect([r, g, b]).to.deep.equal([0xf2, 0x8e, 0x2b]);
    expect(pixelAt(el, map, 33.5, -95.5)[3]).to.equal(0);
    expect(el.renderStats!.mode).to.equal('points');
  });

  it('fades other reps’ accounts while a rep is focused', async () => {
    const { el, provider, map } = await mount({ accounts: named, reps }, { noCluster: true });
    map.setView([31, -96], 6, { animate: false });
    await el.updateComplete;
    expect(pixelAt(el, map, 32.7767, -96.797)[3]).to.equal(255);
    provider.actions.focusRep('r1');
    await el.updateComplete;
    map.setView([31, -96], 6, { animate: false });
    await el.updateComplete;
    const alpha = pixelAt(el, map, 32.7767, -96.797)[3];
    expect(alpha).to.be.within(60, 100); // Dallas belongs to r2: drawn at 30% opacity
  });

  it('colours by territory with color-by="territory"', async () => {
    const { el, map } = await mount({ accounts: named, reps, territories }, { noCluster: true });
    el.colorBy = 'territory';
    map.setView([34.0522, -118.2437], 8, { animate: false });
    await el.updateComplete;
    const [r, g, b] = pixelAt(el, map, 34.0522, -118.2437);
    expect([r, g, b]).to.deep.equal([0x1f, 0x77, 0xb4]);
  });

  it('clusters when zoomed out and draws single accounts when zoomed in', async () => {
    const { el, map } = await mount({ accounts: [...named, ...chicagoCloud(400)], reps });
    map.setView([41.9, -87.8], 4, { animate: false });
    await el.updateComplete;
    // Until the supercluster index is ready a screen-grid aggregation stands in, then clusters.
    expect(['grid', 'clusters']).to.include(el.renderStats!.mode);
    await waitUntil(() => el.renderStats!.mode === 'clusters', 'supercluster never replaced the grid');
    const out = el.renderStats!;
    expect(out.mode).to.equal('clusters');
    expect(out.clusters).to.be.greaterThan(0);
    expect(out.points).to.be.lessThan(400);
    map.setView([41.9, -87.8], 12, { animate: false });
    await el.updateComplete;
    expect(el.renderStats!.mode).to.equal('points');
    expect(el.renderStats!.clusters).to.equal(0);
    expect(el.renderStats!.points).to.be.greaterThan(0);
  });

  it('clicking an account selects it; shift-click adds; clicking empty map clears', async () => {
    const { el, provider, map } = await mount({ accounts: named, reps }, { noCluster: true });
    map.setView([31, -96], 6, { animate: false });
    await el.updateComplete;
    click(map, 32.7767, -96.797);
    expect(provider.calls.select.at(-1)).to.deep.equal([['dal'], 'replace']);
    click(map, 29.7604, -95.3698, { shiftKey: true });
    expect(provider.calls.select.at(-1)).to.deep.equal([['hou'], 'add']);
    expect(provider.state.selection).to.have.members(['dal', 'hou']);
    // The popup is built from DOM nodes and shows the account's name.
    expect([...el.renderRoot.querySelectorAll('.leaflet-popup-content')].at(-1)?.textContent).to.contain('Houston Co');
    click(map, 30.5, -99);
    expect(provider.calls.select.at(-1)).to.deep.equal([[], 'replace']);
  });

  it('box-selects with shift-drag and with the box tool', async () => {
    const { el, provider, map } = await mount({ accounts: named, reps }, { noCluster: true });
    map.setView([31, -96], 6, { animate: false });
    await el.updateComplete;
    pointer(map, 'pointerdown', clientAt(map, 33.5, -98), { shiftKey: true });
    pointer(map, 'pointermove', clientAt(map, 31, -96), { shiftKey: true });
    pointer(map, 'pointerup', clientAt(map, 29, -94), { shiftKey: true });
    expect(provider.calls.select.at(-1)).to.deep.equal([['dal', 'hou'], 'add']);
    expect(map.dragging.enabled()).to.be.true;

    el.tool = 'box';
    await el.updateComplete;
    expect(map.dragging.enabled()).to.be.false;
    pointer(map, 'pointerdown', clientAt(map, 33.5, -98));
    pointer(map, 'pointerup', clientAt(map, 31, -96));
    expect(provider.calls.select.at(-1)).to.deep.equal([['dal'], 'replace']);
    // The click that ends a drag does not also select or clear.
    const before = provider.calls.select.length;
    click(map, 31, -96);
    expect(provider.calls.select.length).to.equal(before);
  });

  it('lasso-selects the accounts inside the drawn shape only', async () => {
    const { el, provider, map } = await mount({ accounts: named, reps }, { noCluster: true, tool: 'lasso' });
    map.setView([31, -96], 6, { animate: false });
    await el.updateComplete;
    // A triangle around Dallas whose bounding box also holds Houston (which lies outside the triangle).
    const path = [[33.6, -97.6], [33.6, -94.8], [29.4, -94.8]] as const;
    pointer(map, 'pointerdown', clientAt(map, 33.6, -97.6));
    for (const [lat, lng] of path.slice(1)) pointer(map, 'pointermove', clientAt(map, lat, lng));
    pointer(map, 'pointerup', clientAt(map, 29.4, -94.8));
    expect(provider.calls.select.at(-1)).to.deep.equal([['dal'], 'replace']);
  });

  it('offers a keyboard-operable listbox of the accounts in view', async () => {
    const { el, provider, map } = await mount({ accounts: named, reps });
    map.setView([31, -96], 6, { animate: false });
    // The list fills in the frame after the map's first paint.
    await waitUntil(() => el.renderRoot.querySelectorAll('[role=option]').length === 2, 'list never showed the view');
    const list = el.renderRoot.querySelector<HTMLElement>('[role=listbox]')!;
    expect(list.getAttribute('aria-multiselectable')).to.equal('true');
    const names = [...list.querySelectorAll('[role=option]')].map((o) => o.querySelector('.name')!.textContent);
    expect(names).to.deep.equal(['Dallas Co', 'Houston Co']);
    list.focus();
    await el.updateComplete;
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await el.updateComplete;
    list.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    await el.updateComplete;
    expect(provider.calls.select.at(-1)).to.deep.equal([['hou'], 'toggle']);
    const active = el.renderRoot.querySelector(`#${list.getAttribute('aria-activedescendant')}`)!;
    expect(active.getAttribute('aria-selected')).to.equal('true');
    expect(active.textContent).to.contain('Houston Co');
    // Selected accounts are listed first; Escape clears the selection.
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(provider.state.selection).to.deep.equal([]);
  });

  it('loads the basemap from the bundled asset file, with no other network', async () => {
    const { el } = await mount({ accounts: named, reps });
    await waitUntil(() => internals(el).regions.features.state, 'states never loaded');
    const entries = performance.getEntriesByType('resource').map((e) => new URL(e.name));
    const assets = entries.filter((u) => u.pathname.endsWith('/widgets/territory-map/assets/states-10m.json'));
    expect(assets.length).to.be.greaterThan(0);
    expect(entries.filter((u) => u.host !== location.host).map(String)).to.deep.equal([]);
    expect(internals(el).regions.features.state!.length).to.be.greaterThan(50);
    // Counties are shown (and fetched) only when zoomed in.
    const layers = internals(el).regions.layers;
    expect(internals(el).map.getZoom()).to.be.lessThan(6);
    expect(layers.county).to.be.undefined;
    internals(el).map.setView([34, -118], 7, { animate: false });
    await waitUntil(() => layers.county, 'counties never shown', { timeout: 10_000 });
    expect(performance.getEntriesByType('resource').some((e) => e.name.endsWith('/widgets/territory-map/assets/counties-10m.json'))).to.be.true;
  });

  it('tile-url switches to a tile layer; the offline basemap then only outlines regions', async () => {
    const { el } = await mount({ accounts: named, reps, territories });
    // Any same-origin URL template will do (the test server has no tiles; these are not images).
    el.tileUrl = '/widgets/territory-map/assets/states-10m.json?tile={z}/{x}/{y}';
    await el.updateComplete;
    const tiles = [...el.renderRoot.querySelectorAll<HTMLImageElement>('.leaflet-tile-pane img')];
    expect(tiles.length).to.be.greaterThan(0);
    expect(new URL(tiles[0].src).search).to.match(/^\?tile=\d+\/\d+\/\d+$/);
    const style = internals(el).regions.style;
    expect(style('36').fill).to.be.null; // unpainted: no land fill over the tiles
    // Painted into "West": shaded by its owner (Ada West, the palette's first colour) while colouring by rep…
    expect(style('06').fill).to.equal('#4e79a7');
    el.colorBy = 'territory';
    await el.updateComplete;
    expect(style('06').fill).to.equal('#1f77b4'); // …and in the territory's own colour when colouring by territory
    el.tileUrl = null;
    await el.updateComplete;
    expect(el.renderRoot.querySelector('.leaflet-tile-pane img')).to.be.null;
  });

  it('paints regions into a territory: click adds the state FIPS, a second click removes it', async () => {
    const { el, provider, map } = await mount({ accounts: named, reps, territories }, { tool: 'paint', targetTerritory: 't2' });
    map.setView([31, -99], 5, { animate: false });
    await waitUntil(() => internals(el).regions.features.state, 'states never loaded');
    const painted: RegionPaintDetail[] = [];
    el.addEventListener('tk-region-paint', (e) => painted.push(e.detail));
    click(map, 31.5, -99.5); // Texas
    expect(provider.state.territories.find((t) => t.id === 't2')!.definition.regions).to.deep.equal(['48']);
    expect(painted).to.deep.equal([{ territoryId: 't2', region: '48', level: 'state', added: true }]);
    click(map, 31.5, -99.5);
    expect(provider.state.territories.find((t) => t.id === 't2')!.definition.regions).to.deep.equal([]);
    expect(painted[1].added).to.be.false;
  });

  it('paints counties with county FIPS codes', async () => {
    const { el, provider, map } = await mount({ accounts: named, reps, territories }, { tool: 'paint', targetTerritory: 't1' });
    el.paintLevel = 'county';
    map.setView([34.05, -118.25], 8, { animate: false });
    await waitUntil(() => internals(el).regions.features.county, 'counties never loaded', { timeout: 10_000 });
    click(map, 34.05, -118.25); // Los Angeles County
    expect(provider.state.territories.find((t) => t.id === 't1')!.definition.regions).to.deep.equal(['06', '06037']);
  });

  it('draws a polygon into a new territory (Enter finishes), then merges a second into a MultiPolygon', async () => {
    const { el, provider, map } = await mount({ accounts: named, reps, territories }, { tool: 'draw' });
    map.setView([39, -100], 5, { animate: false });
    await el.updateComplete;
    const drawn: TerritoryDrawnDetail[] = [];
    el.addEventListener('tk-territory-drawn', (e) => drawn.push(e.detail));
    for (const [lat, lng] of [[40, -104], [40, -100], [37, -100]]) click(map, lat, lng);
    map.getContainer().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(drawn).to.have.length(1);
    expect(drawn[0].created).to.be.true;
    const created = provider.state.territories.find((t) => t.id === drawn[0].territoryId)!;
    expect(created.definition.geometry!.type).to.equal('Polygon');
    const ring = created.definition.geometry!.coordinates[0] as number[][];
    expect(ring).to.have.length(4);
    expect(ring[0]).to.deep.equal(ring[3]);
    expect(ring[0][0]).to.be.closeTo(-104, 0.1);
    expect(ring[0][1]).to.be.closeTo(40, 0.1);
    // The new territory is now the target: a second polygon merges into it.
    await el.updateComplete;
    expect(el.targetTerritory).to.equal(created.id);
    for (const [lat, lng] of [[35, -90], [35, -88], [33, -88]]) click(map, lat, lng);
    map.fire('dblclick', { latlng: map.containerPointToLatLng([10, 10]) } as unknown as Leaflet.LeafletMouseEvent);
    const merged = provider.state.territories.find((t) => t.id === created.id)!;
    expect(merged.definition.geometry!.type).to.equal('MultiPolygon');
    expect(drawn[1]).to.include({ territoryId: created.id, created: false });
    // Escape cancels a drawing in progress.
    const count = provider.calls.setTerritories.length;
    for (const [lat, lng] of [[45, -110], [45, -105], [42, -105]]) click(map, lat, lng);
    map.getContainer().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    map.getContainer().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(provider.calls.setTerritories.length).to.equal(count);
  });

  it('hides editing tools for the rep role', async () => {
    const { el } = await mount({ accounts: named, reps, territories, role: 'rep' });
    const buttons = [...el.renderRoot.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons).to.include('Lasso');
    expect(buttons).not.to.include('Paint regions');
    expect(buttons).not.to.include('Draw');
  });

  it('compact mode: no toolbar or list, only the rep’s accounts, fitted to them', async () => {
    const { el, map } = await mount({ accounts: [...named, ...chicagoCloud(50)], reps }, { compact: true, repId: 'r1' } as never);
    expect(el.renderRoot.querySelector('[role=toolbar]')).to.be.null;
    expect(el.renderRoot.querySelector('[role=listbox]')).to.be.null;
    const shown = internals(el).ix!.accounts;
    expect(shown.every((a) => a.ownerId === 'r1')).to.be.true;
    expect(shown.length).to.equal(2 + 25);
    const bounds = map.getBounds();
    for (const a of shown) expect(bounds.contains([a.lat!, a.lng!])).to.be.true;
  });

  it('the hull and heat layers toggle by attribute', async () => {
    const { el, map } = await mount({ accounts: [...named, ...chicagoCloud(10)], reps });
    el.hulls = true;
    el.heat = 'potential';
    await el.updateComplete;
    await waitUntil(() => el.renderRoot.querySelector('.leaflet-tk-heat-pane canvas'), 'heat layer not shown'); // its chunk loads on first use
    const hullPane = el.renderRoot.querySelector('.leaflet-tk-territories-pane canvas');
    expect(hullPane).to.exist;
    let polygons = 0;
    map.eachLayer((l) => {
      if ((l as Leaflet.Polygon).getLatLngs && (l as Leaflet.Polygon).options.dashArray === '6 4') polygons++;
    });
    expect(polygons).to.equal(2); // one outline per rep
    el.heat = 'off';
    await el.updateComplete;
    expect(el.renderRoot.querySelector('.leaflet-tk-heat-pane canvas')).to.be.null;
  });

  it('builds a fresh map when moved in the document', async () => {
    const { el, provider } = await mount({ accounts: named, reps, territories });
    const first = internals(el).map;
    el.remove();
    provider.append(el);
    await waitUntil(() => internals(el).map && internals(el).map !== first && (el.renderStats?.draws ?? 0) > 0, 'no new map');
    expect(el.renderRoot.querySelectorAll('.leaflet-container')).to.have.length(1);
    expect(el.renderStats!.points + el.renderStats!.clusters).to.be.greaterThan(0);
  });

  it('builds its map only while connected (first update after a quick remove/re-add)', async () => {
    const provider = await fixture<TkTestMapProvider>(html`<tk-test-map-provider style="display:block;width:900px"></tk-test-map-provider>`);
    provider.load({ accounts: named, reps });
    const el = document.createElement('tk-territory-map');
    provider.append(el);
    el.remove(); // the first update now runs while disconnected
    await el.updateComplete;
    expect(internals(el).map).to.be.null;
    provider.append(el);
    await waitUntil(() => (el.renderStats?.draws ?? 0) > 0, 'map never drew');
    const container = internals(el).map.getContainer();
    expect(getComputedStyle(container).position).to.equal('absolute');
    expect(container.getBoundingClientRect().height).to.be.greaterThan(100);
  });

  it('never turns CRM text into elements', async () => {
    for (const payload of XSS_PAYLOADS) {
      const poison = (s: string) => `${payload} ${s}`;
      const { el, map } = await mount(
        {
          accounts: named.map((a) => ({ ...a, name: poison(a.name) })),
          reps: reps.map((r) => ({ ...r, name: poison(r.name) })),
          territories: territories.map((t) => ({ ...t, name: poison(t.name) })),
        },
        { noCluster: true },
      );
      map.setView([31, -96], 6, { animate: false });
      await el.updateComplete;
      click(map, 32.7767, -96.797); // opens a popup with the name and rep
      await waitUntil(() => el.renderRoot.querySelectorAll('[role=option]').length > 0, 'list never filled');
      expect(el.renderRoot.querySelector('.leaflet-popup-content')!.textContent).to.contain(payload);
      expect(el.renderRoot.querySelector('[role=listbox]')!.textContent).to.contain(payload);
      await assertNoXss(el);
    }
  });

  it('has no axe violations', async () => {
    const { el, map } = await mount({ accounts: named, reps, territories });
    map.setView([31, -96], 6, { animate: false });
    await el.updateComplete;
    await nextFrame();
    await expectNoAxeViolations(el);
  });
});
