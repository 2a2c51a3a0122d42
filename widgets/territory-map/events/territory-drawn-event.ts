import type { TerritoryGeometry } from '../../../src/model/geometry.js';

/** What a drawn polygon became. */
export interface TerritoryDrawnDetail {
  territoryId: string;
  /** True when the polygon created a new territory. */
  created: boolean;
  /** The territory's geometry after the drawing (a MultiPolygon when merged into an existing one). */
  geometry: TerritoryGeometry;
}

/**
 * Fired by `<tk-territory-map>` when a drawn polygon was added to a territory's `definition.geometry`
 * (new or existing territory; the change itself goes through the store). Bubbles and is composed.
 */
export class TkTerritoryDrawnEvent extends Event {
  static readonly eventName = 'tk-territory-drawn';
  constructor(readonly detail: TerritoryDrawnDetail) {
    super(TkTerritoryDrawnEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tk-territory-drawn': TkTerritoryDrawnEvent;
  }
}
