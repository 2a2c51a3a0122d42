import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Territory } from '../../../src/model/territory.js';

/** Properties of one exported territory feature. */
export interface TerritoryFeatureProperties {
  id: string;
  name: string;
  color: string | null;
  priority: number;
  repIds: string[];
  regions: string[];
  rules: Territory['definition']['rules'] | null;
  include: string[];
  exclude: string[];
  /** Accounts the territory won when resolved, when counts were given. */
  accountCount: number | null;
}

/**
 * The territories as a GeoJSON FeatureCollection: one feature per territory, its polygon (or null
 * geometry for a rules- or region-only territory) and its definition as properties.
 *
 * @param territories the territories, in order
 * @param counts territory id → accounts won (e.g. `resolveTerritories(...).counts`); default none
 * @returns plain, serialisable GeoJSON
 * @example
 * JSON.stringify(territoriesGeoJson(state.territories, resolution.counts));
 */
export function territoriesGeoJson(
  territories: readonly Territory[],
  counts: Readonly<Record<string, number>> = {},
): FeatureCollection<Geometry | null, TerritoryFeatureProperties> {
  const features: Feature<Geometry | null, TerritoryFeatureProperties>[] = territories.map((t) => ({
    type: 'Feature',
    id: t.id,
    geometry: (t.definition.geometry ?? null) as Geometry | null,
    properties: {
      id: t.id,
      name: t.name,
      color: t.color ?? null,
      priority: t.priority,
      repIds: [...t.repIds],
      regions: [...(t.definition.regions ?? [])],
      rules: t.definition.rules ?? null,
      include: [...(t.definition.include ?? [])],
      exclude: [...(t.definition.exclude ?? [])],
      accountCount: counts[t.id] ?? null,
    },
  }));
  return { type: 'FeatureCollection', features };
}
