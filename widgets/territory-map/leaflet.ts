// The one place the map imports Leaflet: the native ES module build (no global `L`, no UMD wrapper).
import * as L from 'leaflet/dist/leaflet-src.esm.js';

export { L };
