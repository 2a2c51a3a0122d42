import type { Territory } from '../../../src/model/territory.js';
import type { TerritoryGeometry } from '../../../src/model/geometry.js';

type Ring = [number, number][];

/**
 * Adds a drawn polygon to a territory's `definition.geometry` (a Polygon becomes a MultiPolygon when
 * the territory already has one), or creates a new territory holding it. Returns new territories.
 * @param territories current territories
 * @param vertices the drawn vertices as `[lng, lat]`, at least three; the ring is closed here
 * @param target id of the territory to add to, or `{ id, name }` for a new territory
 * @returns the new territories, the territory's id, its new geometry and whether it was created
 * @example
 * addPolygon([], [[0, 0], [1, 0], [1, 1]], { id: 't9', name: 'New territory' }).territories[0].definition.geometry;
 * // { type: 'Polygon', coordinates: [[[0,0],[1,0],[1,1],[0,0]]] }
 */
export function addPolygon(
  territories: readonly Territory[],
  vertices: readonly [number, number][],
  target: string | { id: string; name: string },
): { territories: Territory[]; territoryId: string; geometry: TerritoryGeometry; created: boolean } {
  const distinct = vertices.filter((v, k) => k === 0 || v[0] !== vertices[k - 1][0] || v[1] !== vertices[k - 1][1]);
  if (distinct.length < 3) throw new Error(`addPolygon: a polygon needs at least 3 distinct vertices (field vertices, got ${distinct.length})`);
  for (const [k, [lng, lat]] of distinct.entries()) {
    if (!(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) throw new Error(`addPolygon: vertex ${k} is not a valid [lng, lat] (field vertices)`);
  }
  const ring: Ring = distinct.map(([lng, lat]) => [lng, lat]);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  if (typeof target !== 'string') {
    const geometry: TerritoryGeometry = { type: 'Polygon', coordinates: [ring] };
    const created: Territory = { id: target.id, name: target.name, repIds: [], priority: 0, definition: { geometry } };
    return { territories: [...territories, created], territoryId: target.id, geometry, created: true };
  }
  const at = territories.findIndex((t) => t.id === target);
  if (at < 0) throw new Error(`addPolygon: territory "${target}" not found (field target)`);
  const t = territories[at];
  const old = t.definition?.geometry;
  const geometry: TerritoryGeometry = !old
    ? { type: 'Polygon', coordinates: [ring] }
    : old.type === 'Polygon'
      ? { type: 'MultiPolygon', coordinates: [old.coordinates, [ring]] }
      : { type: 'MultiPolygon', coordinates: [...old.coordinates, [ring]] };
  const out = territories.slice();
  out[at] = { ...t, definition: { ...t.definition, geometry } };
  return { territories: out, territoryId: t.id, geometry, created: false };
}
