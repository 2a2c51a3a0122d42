/**
 * A flatbush R-tree over the bounding boxes of polygons, queried with a point, then an exact
 * point-in-polygon test (pointInRings, flat arrays) on the few candidates. Private to resolveTerritories.
 */
import Flatbush from 'flatbush';
import { flattenPolygon, pointInRings, type FlatPolygon } from './point-in-rings.js';

/** One polygon (outer ring + holes, GeoJSON [lng, lat] order) and the integer it belongs to. */
export interface IndexedPolygon {
  owner: number;
  coordinates: number[][][];
}

export interface PolygonIndex {
  /**
   * Pushes onto `out` the owner of every polygon that contains [lng, lat] (a point on an edge or a
   * vertex counts as inside, also on a hole's edge). An owner may be pushed more than once.
   */
  query(lng: number, lat: number, out: number[]): void;
}

/** A class rather than a closure, so every call of resolveTerritories runs the same optimised `query`. */
class BoxIndex implements PolygonIndex {
  constructor(
    private readonly tree: Flatbush | null,
    private readonly flat: FlatPolygon[],
    private readonly owners: Int32Array,
  ) {}

  query(lng: number, lat: number, out: number[]): void {
    if (this.tree === null) return;
    const hits = this.tree.search(lng, lat, lng, lat);
    for (const h of hits) if (pointInRings(lng, lat, this.flat[h])) out.push(this.owners[h]);
  }
}

/** Builds the index; an empty list gives an index that finds nothing. */
export function buildPolygonIndex(polygons: readonly IndexedPolygon[]): PolygonIndex {
  if (polygons.length === 0) return new BoxIndex(null, [], new Int32Array(0));
  const tree = new Flatbush(polygons.length);
  const flat: FlatPolygon[] = [];
  const owners = new Int32Array(polygons.length);
  polygons.forEach((p, i) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    // Holes lie inside the outer ring, so the outer ring's box bounds the polygon.
    for (const [x, y] of p.coordinates[0]) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    tree.add(minX, minY, maxX, maxY);
    flat.push(flattenPolygon(p.coordinates));
    owners[i] = p.owner;
  });
  tree.finish();
  return new BoxIndex(tree, flat, owners);
}
