// The one place the map imports Leaflet: only the modules it uses, from leaflet's ES sources
// (./leaflet-parts.ts; no global `L`, no UMD wrapper).
import * as L from './leaflet-parts.js';

export { L };
