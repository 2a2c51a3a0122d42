// The resolution's reasonParts (issue #14) carry the whole reason: worded in English by the card's
// wording (widgets/territory-card/resolve-reason.ts, msg() without a translation loaded = the source
// English), they give back the engine's English `reason` word for word, for every account of every
// golden fixture (geometry, region, region polygon, rules, with-rules, named include, overlap,
// no coordinates, gap, exclusion).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { resolveReasonText } from '../../widgets/territory-card/resolve-reason.js';
import { formatters } from '../../widgets/shared/format.js';
import { resolveTerritories, type AccountResolution, type ResolvableAccount, type ResolvableTerritory, type ResolveReasonPart } from '../../src/index.js';

const IN = join(import.meta.dirname, 'fixtures', 'resolve-territories', 'in');
const en = formatters('en-US');

/** A fixture collection as resolveTerritories' inputs (as in resolve-territories.fixtures.test.ts). */
function inputs(fc: FeatureCollection) {
  const accounts: ResolvableAccount[] = [];
  const territories: ResolvableTerritory[] = [];
  const regionGeometries: Record<string, Polygon | MultiPolygon> = {};
  for (const f of fc.features) {
    const p = f.properties as Record<string, unknown> & { kind: string };
    if (p.kind === 'territory') {
      const { id, name, priority, definition } = p as unknown as ResolvableTerritory;
      territories.push({ id, name, priority, definition: { ...definition, ...(f.geometry ? { geometry: f.geometry as Polygon | MultiPolygon } : {}) } });
    } else if (p.kind === 'account') {
      const [lng, lat] = f.geometry?.type === 'Point' ? f.geometry.coordinates : [null, null];
      const { kind: _kind, ...rest } = p;
      accounts.push({ ...(rest as unknown as ResolvableAccount), lat, lng });
    } else {
      regionGeometries[p.code as string] = f.geometry as Polygon | MultiPolygon;
    }
  }
  // A fixture may name some region codes (a foreign member `regionNames`), for the named wording.
  const regionNames = (fc as FeatureCollection & { regionNames?: Record<string, string> }).regionNames;
  return { accounts, territories, regionGeometries, ...(regionNames ? { regionNames } : {}) };
}

const cases: { file: string; id: string; r: AccountResolution }[] = [];
for (const file of readdirSync(IN).filter((f) => f.endsWith('.geojson')).sort()) {
  const { accounts, territories, regionGeometries, regionNames } = inputs(JSON.parse(readFileSync(join(IN, file), 'utf8')) as FeatureCollection);
  const result = resolveTerritories(accounts, territories, { regionGeometries, regionNames });
  for (const [id, r] of result.byAccount) cases.push({ file, id, r });
}

test('the fixtures cover every kind of clause', () => {
  const codes = new Set(cases.flatMap((c) => (c.r.reasonParts ?? []).map((p: ResolveReasonPart) => p.code)));
  assert.deepEqual([...codes].sort(), ['geometry', 'include', 'no-coordinates', 'none', 'overlap', 'region', 'region-polygon', 'rules', 'with-rules']);
  assert.ok(cases.some((c) => c.r.reasonParts.some((p) => p.code === 'none' && p.excludedFrom)));
  assert.ok(cases.length > 40);
});

test('worded in English, the parts are the engine reason word for word', () => {
  for (const { file, id, r } of cases) assert.equal(resolveReasonText(en, r), r.reason, `${file} ${id}`);
});

test('without parts the English reason is shown as it is', () => {
  assert.equal(resolveReasonText(en, { reason: 'Inside the "X" polygon' }), 'Inside the "X" polygon');
});
