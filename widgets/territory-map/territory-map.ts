import { TkTerritoryMap } from './territory-map.component.js';

export { TkTerritoryMap };
export type { MapTool, ColorBy, HeatMode, BasemapMode } from './territory-map.component.js';
export type { RegionPaintDetail, TerritoryDrawnDetail } from './events.js';

if (!customElements.get('tk-territory-map')) customElements.define('tk-territory-map', TkTerritoryMap);

declare global {
  interface HTMLElementTagNameMap {
    'tk-territory-map': TkTerritoryMap;
  }
}
