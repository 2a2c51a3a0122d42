// The map shows who owns what: cluster donuts split by rep / territory, focus (fade + fit), the
// rebalance preview drawn from the store, the smooth heat surface with its legend, the legend at 50
// reps, painting above the clusters and the dark basemap.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widgets/territory-map/territory-map.js';
import type { TkTerritoryMap } from '../../widgets/territory-map/territory-map.component.js';
import { TkTestMapProvider, rng, type MapHarnessData } from './territory-map-harness.js';
import { account, rep } from '../helpers/plan-fixture.js';
import type { Account, Territory } from '../../src/model/index.js';
import type * as Leaflet from 'leaflet';

interface Mark {
  x: number;
  y: number;
  r: number;
  count: number;
  slots: Uint32Array;
  sel?: number;
}
interface Internals {
  map: Leaflet.Map;
  accountLayer: { marks: Mark[] };
  coloring: { colors: string[] };
}
const internals = (el: TkTerritoryMap) => el as unknown as Internals;

const reps = [rep('r1', 'Ada West', { home: { lat: 41.88, lng: -87.63 } }), rep('r2', 'Bo South', { home: { lat: 32.78, lng: -96.8 } })];
// Palette order: r1 '#4e79a7', r2 '#f28e2b'.
const R1 = [0x4e, 0x79, 0xa7];
const R2 = [0xf2, 0x8e, 0x2b];

/** `n` accounts around a point, owned by `owner(i)`. */
function cloud(prefix: string, n: number, lat: number, lng: number, owner: (i: number) => string | null, seed = 7): Account[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) =>
    account(`${prefix}${i}`, owner(i), { name: `${prefix} ${i}`, lat: lat + (r() - 0.5) * 0.4, lng: lng + (r() - 0.5) * 0.4, potential: 10 + Math.round(r() * 90), regions: [prefix === 'chi' ? '17' : '48'] }),
  );
}

// Chicago: all r1. Dallas: 3 of 4 r2, 1 of 4 r1.
const chicago = cloud('chi', 120, 41.85, -87.7, () => 'r1');
const dallas = cloud('dal', 120, 32.8, -96.8, (i) => (i % 4 === 0 ? 'r1' : 'r2'), 9);
const territories: Territory[] = [
  { id: 'tIL', name: 'Illinois', repIds: ['r1'], priority: 0, color: '#2ca02c', definition: { regions: ['17'] } },
  { id: 'tTX', name: 'Texas', repIds: ['r2'], priority: 0, color: '#9467bd', definition: { regions: ['48'] } },
];

async function mount(data: MapHarnessData, attrs: Partial<TkTerritoryMap> = {}, width = 900) {
  const provider = await fixture<TkTestMapProvider>(html`<tk-test-map-provider style=${`display:block;width:${width}px`}></tk-test-map-provider>`);
  provider.load(data);
  const el = document.createElement('tk-territory-map');
  Object.assign(el, attrs);
  provider.append(el);
  await el.updateComplete;
  await waitUntil(() => (el.renderStats?.draws ?? 0) > 0, 'map never drew');
  return { provider, el, map: internals(el).map };
}

/** RGBA of a pane's canvas at a container point. */
function pixel(el: TkTerritoryMap, pane: string, x: number, y: number): number[] {
  const canvas = el.renderRoot.querySelector<HTMLCanvasElement>(`.leaflet-${pane}-pane canvas`)!;
  const r = canvas.getBoundingClientRect();
  const c = internals(el).map.getContainer().getBoundingClientRect();
  const sx = canvas.width / r.width;
  return [...canvas.getContext('2d')!.getImageData(Math.round((c.left + x - r.left) * sx), Math.round((c.top + y - r.top) * sx), 1, 1).data];
}

const near = (a: number[], b: number[], tol = 3) => a.length >= 3 && b.every((v, k) => Math.abs(v - a[k]) <= tol);

/** The cluster mark nearest a position. */
function markAt(el: TkTerritoryMap, lat: number, lng: number): Mark {
  const map = internals(el).map;
  const p = map.latLngToContainerPoint([lat, lng]);
  const layerP = map.containerPointToLayerPoint(p);
  const marks = internals(el).accountLayer.marks;
  // Marks are in canvas coordinates; the canvas' top-left is a layer point.
  const tl = (internals(el).accountLayer as unknown as { topLeft: Leaflet.Point }).topLeft;
  return marks.reduce((best, m) => (Math.hypot(m.x + tl.x - layerP.x, m.y + tl.y - layerP.y) < Math.hypot(best.x + tl.x - layerP.x, best.y + tl.y - layerP.y) ? m : best));
}

/** Container point of a mark's ring just clockwise of 12 o'clock (where the largest share starts). */
function ringTop(el: TkTerritoryMap, m: Mark): [number, number] {
  const tl = (internals(el).accountLayer as unknown as { topLeft: Leaflet.Point }).topLeft;
  const p = internals(el).map.layerPointToContainerPoint([m.x + tl.x, m.y + tl.y]);
  const rr = m.r - Math.max(3.5, m.r * 0.42) / 2;
  const angle = -Math.PI / 2 + 0.2;
  return [p.x + rr * Math.cos(angle), p.y + rr * Math.sin(angle)];
}

describe('tk-territory-map ownership', () => {
  it('a selection inside a cluster is an outer arc for the share selected, not a ring per account over its count', async () => {
    const { provider, el, map } = await mount({ accounts: [...chicago, ...dallas], reps, territories });
    map.setView([37, -92], 4, { animate: false });
    await waitUntil(() => el.renderStats!.mode === 'clusters', 'supercluster never replaced the grid');
    await el.updateComplete;
    const tl = (internals(el).accountLayer as unknown as { topLeft: Leaflet.Point }).topLeft;
    const centre = (m: Mark) => internals(el).map.layerPointToContainerPoint([m.x + tl.x, m.y + tl.y]);
    const unselected = markAt(el, 32.8, -96.8);
    const c = centre(unselected);
    // Just inside the count's disc, right of the label: the cluster's light centre.
    const inside = () => pixel(el, 'tk-accounts', c.x + unselected.r * 0.45, c.y + unselected.r * 0.3);
    const before = inside();
    // Select a quarter of Dallas: the arc covers a quarter of the way round from 12 o'clock.
    provider.actions.select(dallas.filter((_, i) => i % 4 === 0).map((a) => a.id));
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    const dal = markAt(el, 32.8, -96.8);
    expect(dal.sel).to.equal(dallas.filter((_, i) => i % 4 === 0).length);
    const at = (deg: number) => {
      const a = (deg * Math.PI) / 180 - Math.PI / 2;
      return pixel(el, 'tk-accounts', c.x + (dal.r + 3) * Math.cos(a), c.y + (dal.r + 3) * Math.sin(a));
    };
    expect(near(at(45), [0x11, 0x11, 0x11], 12), `arc at 45° ${at(45)}`).to.be.true;
    expect(near(at(200), [0x11, 0x11, 0x11], 12), `no arc at 200° ${at(200)}`).to.be.false;
    // No rings drawn over the cluster's centre.
    expect(inside()).to.deep.equal(before);
    // Chicago has nothing selected: no arc.
    const chi = markAt(el, 41.85, -87.7);
    expect(chi.sel).to.equal(0);
  });

  it('clusters are donuts split by their accounts’ reps, following Colour by', async () => {
    const { el, map } = await mount({ accounts: [...chicago, ...dallas], reps, territories });
    map.setView([37, -92], 4, { animate: false });
    await waitUntil(() => el.renderStats!.mode === 'clusters', 'supercluster never replaced the grid');
    await el.updateComplete;
    const chi = markAt(el, 41.85, -87.7);
    const dal = markAt(el, 32.8, -96.8);
    // Slot 0 = r1, 1 = r2: the counts are the cluster's own accounts.
    expect([chi.slots[0], chi.slots[1]]).to.deep.equal([chi.count, 0]);
    expect(dal.slots[0] + dal.slots[1]).to.equal(dal.count);
    expect(dal.slots[1]).to.be.greaterThan(dal.slots[0] * 2);
    expect(dal.slots[0]).to.be.greaterThan(0);
    // Pixels: Chicago's ring is r1's colour; Dallas' ring starts with its largest share, r2's.
    expect(near(pixel(el, 'tk-accounts', ...ringTop(el, chi)), R1), `Chicago ring ${pixel(el, 'tk-accounts', ...ringTop(el, chi))}`).to.be.true;
    expect(near(pixel(el, 'tk-accounts', ...ringTop(el, dal)), R2), `Dallas ring ${pixel(el, 'tk-accounts', ...ringTop(el, dal))}`).to.be.true;
    // Colour by territory: the rings take the territories' colours.
    el.colorBy = 'territory';
    await el.updateComplete;
    const chiT = markAt(el, 41.85, -87.7);
    expect(near(pixel(el, 'tk-accounts', ...ringTop(el, chiT)), [0x2c, 0xa0, 0x2c])).to.be.true;
    const dalT = markAt(el, 32.8, -96.8);
    expect(near(pixel(el, 'tk-accounts', ...ringTop(el, dalT)), [0x94, 0x67, 0xbd])).to.be.true;
  });

  it('focus on a rep fades the rest and fits the view to that rep’s accounts', async () => {
    const { el, provider, map } = await mount({ accounts: [...chicago, ...dallas], reps, territories }, { noCluster: true });
    map.setView([37, -92], 4, { animate: false });
    await el.updateComplete;
    provider.actions.focusRep('r2');
    await el.updateComplete;
    const bounds = map.getBounds();
    const r2 = dallas.filter((a) => a.ownerId === 'r2');
    for (const a of r2) expect(bounds.contains([a.lat!, a.lng!]), a.id).to.be.true;
    expect(bounds.contains([41.85, -87.7])).to.be.false; // fitted to Dallas, Chicago out of view
    expect(map.getZoom()).to.be.at.least(8);
    // Inside the view: r2's accounts full colour, r1's faded to 30%.
    const shown = (a: Account) => map.latLngToContainerPoint([a.lat!, a.lng!]);
    const isolated = (a: Account) => [...chicago, ...dallas].every((b) => b === a || map.latLngToContainerPoint([b.lat!, b.lng!]).distanceTo(shown(a)) > 12);
    const mine = r2.find(isolated)!;
    const other = dallas.filter((a) => a.ownerId === 'r1').find(isolated)!;
    expect(pixel(el, 'tk-accounts', shown(mine).x, shown(mine).y)[3]).to.equal(255);
    expect(pixel(el, 'tk-accounts', shown(other).x, shown(other).y)[3]).to.be.within(60, 100);
  });

  it('focus on a territory from the legend (Colour by territory) fades the rest and fits it; a second click clears', async () => {
    const { el, provider, map } = await mount({ accounts: [...chicago, ...dallas], reps, territories }, { noCluster: true, colorBy: 'territory' });
    await el.updateComplete;
    const buttons = [...el.renderRoot.querySelectorAll<HTMLButtonElement>('button.legend-item')];
    expect(buttons.map((b) => b.querySelector('.legend-name')!.textContent)).to.deep.equal(['Illinois', 'Texas']);
    buttons[0].click();
    await el.updateComplete;
    expect(provider.state.focusTerritoryId).to.equal('tIL');
    expect(buttons[0].getAttribute('aria-pressed')).to.equal('true');
    for (const a of chicago) expect(map.getBounds().contains([a.lat!, a.lng!])).to.be.true;
    expect(map.getBounds().contains([32.8, -96.8])).to.be.false;
    const colors = internals(el).coloring.colors;
    expect(colors.slice(colors.length / 2).every((c) => c.endsWith('4d'))).to.be.true; // faded copies
    buttons[0].click();
    await el.updateComplete;
    expect(provider.state.focusTerritoryId).to.equal(null);
  });

  it('draws the store’s rebalance preview: a ring in the new rep’s colour around a dot in the current one, with a popup naming both', async () => {
    const { el, provider, map } = await mount({ accounts: [...chicago, ...dallas], reps, territories });
    const moved = dallas.find((a) => a.ownerId === 'r2')!;
    map.setView([moved.lat!, moved.lng!], 12, { animate: false });
    await el.updateComplete;
    const p = map.latLngToContainerPoint([moved.lat!, moved.lng!]);
    // Nothing drawn before a preview (the preview layer's chunk loads with the first preview: no canvas yet, or a clear one).
    const previewCanvas = () => el.renderRoot.querySelector('.leaflet-tk-preview-pane canvas');
    expect(previewCanvas() === null || pixel(el, 'tk-preview', p.x, p.y)[3] === 0).to.be.true;
    provider.actions.previewAssignments!({ [moved.id]: 'r1', [dallas[0].id]: 'r1' }); // dallas[0] is r1 already: no move
    await el.updateComplete;
    await waitUntil(() => previewCanvas() && pixel(el, 'tk-preview', p.x, p.y)[3] > 0, 'preview layer not drawn');
    expect(near(pixel(el, 'tk-preview', p.x, p.y), R2)).to.be.true; // centre: current rep (Bo South)
    expect(near(pixel(el, 'tk-preview', p.x + 7, p.y), R1, 6), `ring ${pixel(el, 'tk-preview', p.x + 7, p.y)}`).to.be.true; // ring: new rep (Ada West)
    expect(el.renderRoot.querySelector('[part~=preview-legend]')!.textContent).to.match(/Rebalance preview: 1 account would move/);
    map.getContainer().dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: map.getContainer().getBoundingClientRect().left + p.x, clientY: map.getContainer().getBoundingClientRect().top + p.y }));
    await waitUntil(() => el.renderRoot.querySelector('.leaflet-popup-content'), 'popup');
    expect(el.renderRoot.querySelector('.leaflet-popup-content')!.textContent).to.contain('Rebalance preview: Bo South → Ada West');
    provider.actions.previewAssignments!(null);
    await el.updateComplete;
    expect(pixel(el, 'tk-preview', p.x, p.y)[3]).to.equal(0);
    expect(el.renderRoot.querySelector('[part~=preview-legend]')).to.be.null;
  });

  it('the heat layer is a smooth surface above the basemap and under the accounts, with a legend', async () => {
    const { el, map } = await mount({ accounts: [...chicago, ...dallas], reps }, { heat: 'potential' });
    map.setView([41.85, -87.7], 8, { animate: false });
    await el.updateComplete;
    const z = (pane: string) => Number(el.renderRoot.querySelector<HTMLElement>(`.leaflet-${pane}-pane`)!.style.zIndex);
    expect(z('tk-heat')).to.be.greaterThan(z('tk-basemap'));
    expect(z('tk-heat')).to.be.greaterThan(z('tk-territories'));
    expect(z('tk-heat')).to.be.lessThan(z('tk-accounts'));
    // Along a line through the cloud, neighbouring pixels differ by little (no cell edges), and the
    // surface fades out away from the accounts.
    const c = map.latLngToContainerPoint([41.85, -87.7]);
    // The heat layer's chunk loads the first time a heat mode is on: wait for its surface.
    await waitUntil(() => el.renderRoot.querySelector('.leaflet-tk-heat-pane canvas') && pixel(el, 'tk-heat', c.x, c.y)[3] > 0, 'heat layer not drawn');
    let biggestStep = 0;
    let prev = pixel(el, 'tk-heat', c.x - 150, c.y)[3];
    let peak = prev;
    for (let x = c.x - 149; x <= c.x + 150; x++) {
      const a = pixel(el, 'tk-heat', x, c.y)[3];
      biggestStep = Math.max(biggestStep, Math.abs(a - prev));
      peak = Math.max(peak, a);
      prev = a;
    }
    expect(peak).to.be.greaterThan(120);
    expect(biggestStep).to.be.lessThan(12);
    expect(pixel(el, 'tk-heat', c.x + 300, c.y - 200)[3]).to.equal(0);
    const legend = el.renderRoot.querySelector('[part~=heat-legend]')!;
    expect(legend.textContent).to.contain('Potential, per area');
    expect(legend.textContent).to.contain('Most in view');
    el.heat = 'off';
    await el.updateComplete;
    expect(el.renderRoot.querySelector('[part~=heat-legend]')).to.be.null;
  });

  it('the legend scales to 50 reps: counted, searchable, collapsible', async () => {
    const many = Array.from({ length: 50 }, (_, i) => rep(`m${i}`, `Rep ${String(i).padStart(2, '0')} ${i % 2 ? 'Odd' : 'Even'}`));
    const accounts = many.map((r, i) => account(`a${i}`, r.id, { lat: 30 + i / 5, lng: -120 + i, name: `A ${i}` }));
    const { el } = await mount({ accounts, reps: many });
    const legend = el.renderRoot.querySelector<HTMLDetailsElement>('[part~=legend]')!;
    expect(legend.querySelector('summary')!.textContent).to.contain('Reps (50)');
    expect(legend.querySelectorAll('li').length).to.equal(51); // + Unassigned
    const list = legend.querySelector<HTMLElement>('ul')!;
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight); // scrolls, does not grow the panel
    const search = legend.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'rep 1';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect([...legend.querySelectorAll('.legend-name')].map((n) => n.textContent)).to.deep.equal(
      Array.from({ length: 10 }, (_, i) => `Rep 1${i} ${i % 2 ? 'Odd' : 'Even'}`),
    );
    legend.querySelector('summary')!.click();
    await el.updateComplete;
    expect(legend.open).to.be.false;
  });

  it('while painting, regions are drawn again above the clusters', async () => {
    const { el, map } = await mount({ accounts: [...chicago, ...dallas], reps, territories }, { tool: 'paint' });
    map.setView([37, -92], 5, { animate: false });
    await waitUntil(() => el.renderRoot.querySelector('.leaflet-tk-paint-pane canvas'), 'painting overlay never shown', { timeout: 10_000 });
    const z = (pane: string) => Number(el.renderRoot.querySelector<HTMLElement>(`.leaflet-${pane}-pane`)!.style.zIndex);
    expect(z('tk-paint')).to.be.greaterThan(z('tk-accounts'));
    // Texas (painted into "Texas", owner Bo South) shows on the overlay in the owner's colour, translucent.
    const p = map.latLngToContainerPoint([31, -100]);
    const [r, g, b, a] = pixel(el, 'tk-paint', p.x, p.y);
    expect(a).to.be.within(60, 120);
    expect(near([r, g, b], R2, 4)).to.be.true;
    el.tool = 'pan';
    await el.updateComplete;
    expect(el.renderRoot.querySelector('.leaflet-tk-paint-pane canvas')).to.be.null;
  });

  it('follows a dark theme: dark water and land, dark cluster centres', async () => {
    const { el, map } = await mount({ accounts: [...chicago, ...dallas], reps }, {});
    await waitUntil(() => el.renderRoot.querySelector('.leaflet-tk-basemap-pane canvas'), 'basemap');
    const water = () => getComputedStyle(map.getContainer()).backgroundColor;
    expect(water()).to.equal('rgb(221, 232, 242)');
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    expect(water()).to.equal('rgb(18, 26, 34)');
    expect(map.getContainer().classList.contains('dark')).to.be.true;
    map.setView([39, -98], 5, { animate: false }); // Kansas: land
    await el.updateComplete;
    const p = map.latLngToContainerPoint([38.5, -98.5]);
    const [r, g, b] = pixel(el, 'tk-basemap', p.x, p.y);
    expect(r + g + b).to.be.lessThan(200);
    // Through an ancestor too (applyTheme sets the tokens inline on a container).
    el.removeAttribute('theme');
    await el.updateComplete;
    expect(water()).to.equal('rgb(221, 232, 242)');
    el.parentElement!.style.setProperty('--tk-color-surface', '#1f2326');
    await waitUntil(() => water() === 'rgb(18, 26, 34)', 'an ancestor’s dark tokens were not followed');
  });
});
