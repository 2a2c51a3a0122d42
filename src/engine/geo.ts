/** Small geographic helpers shared by the engine (no DOM). */

export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/**
 * Great-circle distance in kilometres between two points given in degrees (haversine formula).
 *
 * @example
 * haversineKm(40.7128, -74.006, 34.0522, -118.2437); // ≈ 3936
 */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Mean position of points on the sphere (via 3-D unit vectors), weighted. Returns null for no points
 * or zero total weight.
 */
export function sphericalCentroid(
  points: Iterable<{ lat: number; lng: number; weight?: number }>,
): { lat: number; lng: number } | null {
  let x = 0;
  let y = 0;
  let z = 0;
  let total = 0;
  for (const p of points) {
    const w = p.weight ?? 1;
    if (!(w > 0)) continue;
    const la = p.lat * RAD;
    const lo = p.lng * RAD;
    x += w * Math.cos(la) * Math.cos(lo);
    y += w * Math.cos(la) * Math.sin(lo);
    z += w * Math.sin(la);
    total += w;
  }
  if (total === 0) return null;
  const norm = Math.hypot(x, y, z);
  if (norm === 0) return null;
  return { lat: Math.asin(z / norm) / RAD, lng: Math.atan2(y, x) / RAD };
}
