// Leaflet's native ES module build has the same API as the `leaflet` package that @types/leaflet describes.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
