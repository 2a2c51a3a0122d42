import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import bbox from '@turf/bbox';
import type { RegionFeature, RegionLevel } from './basemap.js';

/**
 * Decodes one object of a us-atlas TopoJSON file into regions. Loaded on demand by `loadBasemap`,
 * together with the file itself, so topojson-client and @turf/bbox stay out of the widgets' initial load.
 * @param topo the parsed TopoJSON
 * @param object the object to decode (`states` or `counties`)
 * @param level the regions' level
 * @param url where the file came from (for the error message)
 * @returns polygonal features with FIPS ids, names and bounding boxes
 * @example
 * const states = decodeBasemap(await (await fetch(url)).json(), 'states', 'state', url);
 */
export function decodeBasemap(topo: Topology, object: string, level: RegionLevel, url: string): RegionFeature[] {
  const collection = topo.objects?.[object] as GeometryCollection<{ name: string }> | undefined;
  if (!collection) throw new Error(`territory-map: basemap ${url} has no "${object}" object`);
  return feature(topo, collection)
    .features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f) => ({
      type: 'Feature' as const,
      id: String(f.id),
      properties: { name: f.properties?.name ?? String(f.id), level },
      geometry: f.geometry as Polygon | MultiPolygon,
      bbox: bbox(f) as [number, number, number, number],
    }));
}
