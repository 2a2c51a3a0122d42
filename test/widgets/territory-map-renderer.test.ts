// The map's own Map#getRenderer (widgets/territory-map/leaflet-parts.ts), which replaces leaflet's
// Renderer.getRenderer module so that its SVG fallback (and the SVG / VML renderers) stay out of the
// bundles: a path's own renderer wins and is added to the map; without one, the map's `renderer`
// option; without that, one shared canvas renderer — never SVG.
import { expect } from '@open-wc/testing';
import type { MapOptions } from 'leaflet';
import { L } from '../../widgets/territory-map/leaflet.js';

function makeMap(options: MapOptions = {}): { map: L.Map; done: () => void } {
  const el = document.createElement('div');
  el.style.cssText = 'width: 300px; height: 200px';
  document.body.append(el);
  const map = L.map(el, { center: [40, -100], zoom: 4, ...options });
  return { map, done: () => (map.remove(), el.remove()) };
}

const ring: L.LatLngTuple[] = [[40, -100], [41, -100], [41, -99]];

describe('territory-map: Map#getRenderer (canvas only)', () => {
  it("uses a path's own renderer and adds it to the map", () => {
    const { map, done } = makeMap();
    const own = L.canvas({ pane: 'overlayPane' });
    const p = L.polygon(ring, { renderer: own }).addTo(map);
    expect(map.getRenderer(p)).to.equal(own);
    expect(map.hasLayer(own)).to.be.true;
    done();
  });

  it('gives paths without a renderer one shared canvas renderer (not SVG)', () => {
    const { map, done } = makeMap();
    const a = L.polyline(ring).addTo(map);
    const b = L.circleMarker([40, -100]).addTo(map);
    const r = map.getRenderer(a);
    expect(r).to.be.instanceOf(L.Canvas);
    expect(map.getRenderer(b)).to.equal(r);
    expect(map.getContainer().querySelector('svg')).to.equal(null);
    expect(map.getContainer().querySelector('canvas')).to.not.equal(null);
    done();
  });

  it("uses the map's renderer option when the path has none", () => {
    const own = L.canvas();
    const { map, done } = makeMap({ renderer: own });
    const p = L.polyline(ring).addTo(map);
    expect(map.getRenderer(p)).to.equal(own);
    done();
  });
});
