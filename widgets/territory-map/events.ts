import type { TerritoryGeometry } from '../../src/model/geometry.js';
import type { RegionLevel } from './basemap.js';

/** Detail of `tk-region-paint`: a region code was added to or removed from a territory. */
export interface RegionPaintDetail {
  territoryId: string;
  /** State FIPS ("06") or county FIPS ("06037"). */
  region: string;
  level: RegionLevel;
  /** True when added, false when removed. */
  added: boolean;
}

/** Detail of `tk-territory-drawn`: a drawn polygon became (part of) a territory's geometry. */
export interface TerritoryDrawnDetail {
  territoryId: string;
  /** True when the polygon created a new territory. */
  created: boolean;
  /** The territory's geometry after the drawing. */
  geometry: TerritoryGeometry;
}

declare global {
  interface HTMLElementEventMap {
    'tk-region-paint': CustomEvent<RegionPaintDetail>;
    'tk-territory-drawn': CustomEvent<TerritoryDrawnDetail>;
  }
}
