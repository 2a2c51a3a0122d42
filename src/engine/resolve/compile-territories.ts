/**
 * Checks and compiles territories (and optional region geometries) into the flat tables
 * resolveTerritories walks. Private to resolveTerritories.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Territory, TerritoryDefinition } from '../../model/territory.js';
import { compileRules, type CompiledRules } from './compile-rules.js';
import { buildPolygonIndex, type IndexedPolygon, type PolygonIndex } from './polygon-index.js';

/** The territory fields resolution reads; `geometry` may be any GeoJSON Polygon or MultiPolygon. */
export type ResolvableTerritory = Pick<Territory, 'id' | 'name'> & {
  priority?: number;
  definition: Omit<TerritoryDefinition, 'geometry'> & { geometry?: Polygon | MultiPolygon | null };
};

export interface CompiledTerritory {
  id: string;
  name: string;
  priority: number;
  exclude: ReadonlySet<string> | null;
  rules: CompiledRules | null;
  hasGeometry: boolean;
  /** True when one of its region codes has a polygon in `regionGeometries`. */
  hasRegionPolygons: boolean;
}

export interface CompiledTerritories {
  list: CompiledTerritory[];
  /** Account id → indices of the territories naming it in `include`, in territory order. */
  includes: Map<string, number[]>;
  /** Region code → indices of the territories listing it, in territory order. */
  regionTerritories: Map<string, number[]>;
  /** Region codes that have a polygon, by number: owner `list.length + k` in the index is `regionCodes[k]`. */
  regionCodes: string[];
  /** Territories with rules and no geography: every account is tested against them. */
  rulesOnly: number[];
  /** Territories whose geography needs coordinates (a geometry, or region polygons), highest priority first, then territory order. */
  spatial: number[];
  /** Owners: a territory index (its geometry) or `list.length + k` (region code `regionCodes[k]`). */
  index: PolygonIndex;
}

function fail(what: string, field: string, message: string): never {
  throw new TypeError(`resolveTerritories: ${what}: ${field} ${message}`);
}

/** Checks a GeoJSON Polygon/MultiPolygon and splits it into single polygons. */
function polygonsOf(geometry: unknown, what: string, field: string): number[][][][] {
  const g = geometry as Polygon | MultiPolygon;
  if (!g || typeof g !== 'object' || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
    fail(what, field, 'must be a GeoJSON Polygon or MultiPolygon');
  }
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  polys.forEach((rings, p) => {
    const at = g.type === 'Polygon' ? `${field}.coordinates` : `${field}.coordinates.${p}`;
    if (!Array.isArray(rings) || rings.length === 0) fail(what, at, 'needs at least one ring');
    rings.forEach((ring, r) => {
      if (!Array.isArray(ring) || ring.length < 4) fail(what, `${at}.${r}`, 'needs at least 4 positions');
      for (const pos of ring) {
        if (!Array.isArray(pos) || !Number.isFinite(pos[0]) || !Number.isFinite(pos[1])) {
          fail(what, `${at}.${r}`, 'has a position that is not a pair of finite numbers');
        }
      }
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1]) fail(what, `${at}.${r}`, 'must end where it starts');
    });
  });
  return polys;
}

/** Validates and compiles the territories; throws a TypeError naming the territory and field. */
export function compileTerritories(
  territories: readonly ResolvableTerritory[],
  regionGeometries: Readonly<Record<string, Polygon | MultiPolygon>> = {},
): CompiledTerritories {
  const list: CompiledTerritory[] = [];
  const includes = new Map<string, number[]>();
  const regionTerritories = new Map<string, number[]>();
  const rulesOnly: number[] = [];
  const spatial: number[] = [];
  const polygons: IndexedPolygon[] = [];
  const seen = new Map<string, number>();

  territories.forEach((t, i) => {
    if (!t || typeof t.id !== 'string' || t.id.length === 0) fail(`territory at position ${i}`, 'id', 'must be a non-empty string');
    const what = `territory ${JSON.stringify(t.id)}`;
    const before = seen.get(t.id);
    if (before !== undefined) fail(what, 'id', `is a duplicate: already used by the territory at position ${before}`);
    seen.set(t.id, i);
    const priority = t.priority ?? 0;
    if (!Number.isFinite(priority)) fail(what, 'priority', `must be a finite number, got ${String(priority)}`);
    const def = t.definition ?? {};

    for (const accountId of def.include ?? []) {
      const ts = includes.get(accountId);
      if (!ts) includes.set(accountId, [i]);
      else if (ts[ts.length - 1] !== i) ts.push(i);
    }
    const hasGeometry = def.geometry !== undefined && def.geometry !== null;
    if (hasGeometry) {
      for (const coordinates of polygonsOf(def.geometry, what, 'definition.geometry')) polygons.push({ owner: i, coordinates });
    }
    const codes = [...new Set(def.regions ?? [])];
    let hasRegionPolygons = false;
    for (const code of codes) {
      const ts = regionTerritories.get(code);
      if (ts) ts.push(i);
      else regionTerritories.set(code, [i]);
      if (Object.hasOwn(regionGeometries, code)) hasRegionPolygons = true;
    }
    const rules = compileRules(t.id, def.rules);
    const exclude = def.exclude && def.exclude.length > 0 ? new Set(def.exclude) : null;
    list.push({ id: t.id, name: typeof t.name === 'string' ? t.name : t.id, priority, exclude, rules, hasGeometry, hasRegionPolygons });
    if (hasGeometry || hasRegionPolygons) spatial.push(i);
    if (rules && !hasGeometry && codes.length === 0) rulesOnly.push(i);
  });

  const regionCodes: string[] = [];
  for (const code of regionTerritories.keys()) {
    if (!Object.hasOwn(regionGeometries, code)) continue;
    const owner = list.length + regionCodes.length;
    regionCodes.push(code);
    for (const coordinates of polygonsOf(regionGeometries[code], `region ${JSON.stringify(code)}`, `options.regionGeometries[${JSON.stringify(code)}]`)) {
      polygons.push({ owner, coordinates });
    }
  }

  spatial.sort((x, y) => list[y].priority - list[x].priority || x - y);
  return { list, includes, regionTerritories, regionCodes, rulesOnly, spatial, index: buildPolygonIndex(polygons) };
}
