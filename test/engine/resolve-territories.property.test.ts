// Property: the indexed resolution equals a brute-force one (every account against every
// territory and region polygon with @turf/boolean-point-in-polygon) on random polygons and points,
// including points exactly on vertices, holes, MultiPolygons, region polygons, excludes, priority
// ties and accounts without coordinates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { resolveTerritories, type ResolvableAccount, type ResolvableTerritory } from '../../src/index.js';

/** A star-shaped (so simple) ring around (cx, cy), optionally with a small hole around the centre. */
const polygonArb = fc
  .record({
    cx: fc.double({ min: -20, max: 20, noNaN: true }),
    cy: fc.double({ min: -20, max: 20, noNaN: true }),
    r: fc.double({ min: 0.5, max: 8, noNaN: true }),
    radii: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 3, maxLength: 60 }),
    hole: fc.boolean(),
  })
  .map(({ cx, cy, r, radii, hole }): Position[][] => {
    const ring = (scale: number, rs: number[], reverse: boolean) => {
      const pts = rs.map((k, i) => {
        const a = (2 * Math.PI * i) / rs.length;
        return [cx + scale * k * Math.cos(a), cy + scale * k * Math.sin(a)];
      });
      if (reverse) pts.reverse();
      return [...pts, pts[0]];
    };
    // Every edge of the outer ring stays ≥ 0.15 r from the centre, so a 0.1 r hole lies inside it.
    return hole ? [ring(r, radii, false), ring(0.1 * r, [1, 1, 1, 1, 1, 1], true)] : [ring(r, radii, false)];
  });

const geometryArb = fc.oneof(
  polygonArb.map((coordinates): Polygon => ({ type: 'Polygon', coordinates })),
  fc.array(polygonArb, { minLength: 1, maxLength: 3 }).map((coordinates): MultiPolygon => ({ type: 'MultiPolygon', coordinates })),
);

const CODES = ['r0', 'r1', 'r2', 'r3'];

const caseArb = fc
  .record({
    territories: fc.array(
      fc.record({
        geometry: fc.option(geometryArb, { freq: 4 }),
        regions: fc.subarray(CODES, { maxLength: 2 }),
        priority: fc.integer({ min: 0, max: 2 }),
        exclude: fc.array(fc.nat(29), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    regionGeometries: fc.array(fc.option(geometryArb, { freq: 2 }), { minLength: CODES.length, maxLength: CODES.length }),
    points: fc.array(
      fc.record({
        where: fc.oneof(
          fc.tuple(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true })),
          fc.tuple(fc.nat(), fc.nat()).map(([t, v]) => ({ vertexOf: t, vertex: v })),
          fc.constant(null),
        ),
        regions: fc.subarray(CODES, { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 30 },
    ),
  })
  .map(({ territories: specs, regionGeometries: rg, points }) => {
    const territories: ResolvableTerritory[] = specs.map((s, i) => ({
      id: `t${i}`,
      name: `T${i}`,
      priority: s.priority,
      definition: { geometry: s.geometry, regions: s.regions, exclude: s.exclude.map((k) => `a${k}`) },
    }));
    const regionGeometries: Record<string, Polygon | MultiPolygon> = {};
    rg.forEach((g, k) => {
      if (g) regionGeometries[CODES[k]] = g;
    });
    // Every vertex of every polygon, to put points exactly on boundaries.
    const vertices = [...specs.flatMap((s) => (s.geometry ? [s.geometry] : [])), ...Object.values(regionGeometries)].flatMap((g) =>
      (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2 as 1) as unknown as Position[],
    );
    const accounts: ResolvableAccount[] = points.map((p, k) => {
      let lng: number | null = null;
      let lat: number | null = null;
      if (Array.isArray(p.where)) [lng, lat] = p.where;
      else if (p.where && vertices.length > 0) [lng, lat] = vertices[(p.where.vertexOf * 31 + p.where.vertex) % vertices.length];
      return { id: `a${k}`, lat, lng, potential: 0, regions: p.regions };
    });
    return { accounts, territories, regionGeometries };
  });

/** The reference: no index, turf for every account × territory, then the documented precedence. */
function bruteForce(accounts: ResolvableAccount[], territories: ResolvableTerritory[], regionGeometries: Record<string, Polygon | MultiPolygon>) {
  const byAccount: Record<string, { territoryId: string | null; matched: string[] }> = {};
  const skipped: { accountId: string; territoryId: string; count: number }[] = [];
  for (const a of accounts) {
    const hasPoint = a.lat !== null && a.lng !== null;
    const inside = (g: Polygon | MultiPolygon) => hasPoint && booleanPointInPolygon([a.lng as number, a.lat as number], g);
    const matches = territories.filter((t) => {
      const d = t.definition;
      if (d.exclude?.includes(a.id)) return false;
      const byGeometry = d.geometry ? inside(d.geometry) : false;
      const byRegion = (d.regions ?? []).some((code) => a.regions?.includes(code) || (regionGeometries[code] && inside(regionGeometries[code])));
      return byGeometry || byRegion;
    });
    const top = Math.max(...matches.map((t) => t.priority ?? 0));
    const matched = matches.filter((t) => t.priority === top).map((t) => t.id);
    byAccount[a.id] = { territoryId: matched[0] ?? null, matched };
    if (!hasPoint) {
      const untestable = territories.filter((t) => {
        const d = t.definition;
        if (d.exclude?.includes(a.id) || (d.regions ?? []).some((code) => a.regions?.includes(code))) return false;
        const regionPolygons = (d.regions ?? []).some((code) => regionGeometries[code]) && (a.regions ?? []).length === 0;
        return (d.geometry || regionPolygons) && (matched.length === 0 || (t.priority ?? 0) >= top);
      });
      if (untestable.length > 0) {
        const first = untestable.reduce((x, y) => ((y.priority ?? 0) > (x.priority ?? 0) ? y : x));
        skipped.push({ accountId: a.id, territoryId: first.id, count: untestable.length });
      }
    }
  }
  return { byAccount, skipped };
}

test('indexed resolution equals brute force on random polygons and points', () => {
  fc.assert(
    fc.property(caseArb, ({ accounts, territories, regionGeometries }) => {
      const got = resolveTerritories(accounts, territories, { regionGeometries });
      const want = bruteForce(accounts, territories, regionGeometries);
      const slim = Object.fromEntries([...got.byAccount].map(([id, r]) => [id, { territoryId: r.territoryId, matched: r.matched }]));
      assert.deepEqual(slim, want.byAccount);
      assert.deepEqual(got.skipped.map(({ accountId, territoryId, count }) => ({ accountId, territoryId, count })), want.skipped);
      assert.deepEqual(got.gaps, accounts.filter((a) => want.byAccount[a.id].territoryId === null).map((a) => a.id));
      assert.deepEqual(
        got.overlaps.map((o) => o.accountId),
        accounts.filter((a) => want.byAccount[a.id].matched.length > 1).map((a) => a.id),
      );
    }),
    { numRuns: Number(process.env.FC_RUNS ?? 300) },
  );
});
