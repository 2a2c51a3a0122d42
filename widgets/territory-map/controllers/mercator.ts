const MAX_LAT = 85.0511287798;

/**
 * Web Mercator position normalised to [0, 1] (x east, y south), the same projection Leaflet's
 * EPSG:3857 uses; multiply by `256 · 2^zoom` for world pixels at `zoom`.
 * @param lng longitude in degrees
 * @param lat latitude in degrees (clamped to ±85.0511°)
 * @returns `[x, y]`
 * @example
 * toMercator(0, 0); // [0.5, 0.5]
 */
export function toMercator(lng: number, lat: number): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [lng / 360 + 0.5, 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)];
}
