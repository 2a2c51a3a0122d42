import { TkTerritoryMap } from './territory-map.component.js';

export { TkTerritoryMap };
export type { MapTool, ColorBy, HeatMode, BasemapMode } from './territory-map.component.js';
export { TkRegionPaintEvent, type RegionPaintDetail } from './events/region-paint-event.js';
export { TkTerritoryDrawnEvent, type TerritoryDrawnDetail } from './events/territory-drawn-event.js';
export { loadBasemap, basemapUrl, type RegionFeature, type RegionLevel } from './basemap.js';

if (!customElements.get('tk-territory-map')) customElements.define('tk-territory-map', TkTerritoryMap);

declare global {
  interface HTMLElementTagNameMap {
    'tk-territory-map': TkTerritoryMap;
  }
}
