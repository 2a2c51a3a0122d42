import type { Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import { flattenPolygon, pointInRings, type FlatPolygon } from '../../src/engine/resolve/point-in-rings.js';

/** Region unit levels of the offline basemap. */
export type RegionLevel = 'state' | 'county';

/** One state or county: its FIPS code (state "06", county "06037"), name and shape. */
export interface RegionFeature {
  type: 'Feature';
  id: string;
  properties: { name: string; level: RegionLevel };
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
}

const FILES: Record<RegionLevel, { file: string; object: string }> = {
  state: { file: 'states-10m.json', object: 'states' },
  county: { file: 'counties-10m.json', object: 'counties' },
};

/** Where the bundled us-atlas files live by default: `./assets/` beside this module. */
export const DEFAULT_BASEMAP_BASE = new URL('./assets/', import.meta.url);

const cache = new Map<string, Promise<RegionFeature[]>>();

/**
 * The URL a level's TopoJSON is fetched from.
 * @param level `state` or `county`
 * @param base folder URL holding the files; default DEFAULT_BASEMAP_BASE
 * @returns the file's URL
 */
export function basemapUrl(level: RegionLevel, base: string | URL = DEFAULT_BASEMAP_BASE): URL {
  const folder = new URL(String(base), document.baseURI);
  if (!folder.pathname.endsWith('/')) folder.pathname += '/';
  return new URL(FILES[level].file, folder);
}

/**
 * Loads (once per URL) and decodes the US states or counties of the offline basemap (us-atlas 10m,
 * decoded with topojson-client). The files are separate assets fetched on demand, never inlined; the
 * decoder (topojson-client, @turf/bbox) is a chunk loaded alongside the first file (./basemap-decode.ts).
 * @param level `state` or `county`
 * @param base folder URL holding the files; default DEFAULT_BASEMAP_BASE
 * @returns features with FIPS ids and bounding boxes
 * @example
 * const states = await loadBasemap('state');
 * states.find((s) => s.id === '06')?.properties.name; // 'California'
 */
export function loadBasemap(level: RegionLevel, base?: string | URL): Promise<RegionFeature[]> {
  const url = basemapUrl(level, base).href;
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`territory-map: basemap ${url} answered ${res.status}`);
      const [{ decodeBasemap }, topo] = await Promise.all([import('./basemap-decode.js'), res.json() as Promise<Topology>]);
      return decodeBasemap(topo, FILES[level].object, level, url);
    });
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

/** Each region's polygons flattened for the point-in-polygon test, made on the first test that reaches it. */
const flattened = new WeakMap<RegionFeature, FlatPolygon[]>();

function polygonsOf(r: RegionFeature): FlatPolygon[] {
  let polys = flattened.get(r);
  if (!polys) {
    const g = r.geometry;
    polys = g.type === 'Polygon' ? [flattenPolygon(g.coordinates)] : g.coordinates.map((p) => flattenPolygon(p));
    flattened.set(r, polys);
  }
  return polys;
}

/**
 * The region containing a position (bounding-box prefilter, then point in polygon — the engine's exact
 * test, boundary counted as inside; holes honoured).
 * @param regions decoded regions
 * @param lng longitude
 * @param lat latitude
 * @returns the region, or null
 */
export function regionAt(regions: readonly RegionFeature[], lng: number, lat: number): RegionFeature | null {
  for (const r of regions) {
    const [w, s, e, n] = r.bbox;
    if (lng < w || lng > e || lat < s || lat > n) continue;
    if (polygonsOf(r).some((p) => pointInRings(lng, lat, p))) return r;
  }
  return null;
}
