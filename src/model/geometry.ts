import * as z from 'zod/mini';

/** A [lng, lat] position, as GeoJSON orders it. */
export const Position = z.tuple([
  z.number().check(z.gte(-180), z.lte(180)),
  z.number().check(z.gte(-90), z.lte(90)),
]);

const closed = (ring: [number, number][]) =>
  ring.length >= 4 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];

/** A linear ring: at least four positions, first equal to last. */
export const LinearRing = z
  .array(Position)
  .check(z.refine(closed, { message: 'a ring needs at least 4 positions and must end where it starts' }));

export const PolygonGeometry = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(LinearRing).check(z.minLength(1)),
});

export const MultiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(LinearRing).check(z.minLength(1))).check(z.minLength(1)),
});

/** The geographic part of a territory definition: a GeoJSON Polygon or MultiPolygon geometry. */
export const TerritoryGeometry = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);

export type TerritoryGeometry = z.infer<typeof TerritoryGeometry>;

/** A point given as latitude/longitude in degrees (WGS84). */
export const LatLng = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});
export type LatLng = z.infer<typeof LatLng>;
