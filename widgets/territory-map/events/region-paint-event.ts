import type { RegionLevel } from '../basemap.js';

/** What a region paint changed. */
export interface RegionPaintDetail {
  territoryId: string;
  /** State FIPS ("06") or county FIPS ("06037"). */
  region: string;
  level: RegionLevel;
  /** True when added, false when removed. */
  added: boolean;
}

/**
 * Fired by `<tk-territory-map>` when painting added a region code to a territory's
 * `definition.regions` or removed it (the territories themselves change through the store). Bubbles
 * and is composed.
 */
export class TkRegionPaintEvent extends Event {
  static readonly eventName = 'tk-region-paint';
  constructor(readonly detail: RegionPaintDetail) {
    super(TkRegionPaintEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tk-region-paint': TkRegionPaintEvent;
  }
}
