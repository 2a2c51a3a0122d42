// Golden fixtures for resolveTerritories, Turf style: in/<case>.geojson is a FeatureCollection of
// territories (polygons, or null geometry for rules/named-only ones), accounts (points, or null
// geometry without coordinates) and region polygons; out/<case>.geojson is the same collection with
// each account's result and each territory's count added. Regenerate with UPDATE_FIXTURES=1, then
// review the diff: the explicit expectations below must still hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { resolveTerritories, type ResolvableAccount, type ResolvableTerritory, type ResolveResult } from '../../src/index.js';

const DIR = join(import.meta.dirname, 'fixtures', 'resolve-territories');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

type Props = Record<string, unknown> & { kind: 'territory' | 'account' | 'region' };

function load(name: string): FeatureCollection {
  return JSON.parse(readFileSync(join(DIR, 'in', `${name}.geojson`), 'utf8')) as FeatureCollection;
}

/** Splits a fixture collection into resolveTerritories' inputs. */
function inputs(fc: FeatureCollection) {
  const accounts: ResolvableAccount[] = [];
  const territories: ResolvableTerritory[] = [];
  const regionGeometries: Record<string, Polygon | MultiPolygon> = {};
  for (const f of fc.features) {
    const p = f.properties as Props;
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

/** The input collection with the result written into it. */
function annotate(fc: FeatureCollection, r: ResolveResult): FeatureCollection {
  const overlaps = new Map(r.overlaps.map((o) => [o.accountId, o]));
  const skipped = new Map(r.skipped.map((s) => [s.accountId, s]));
  const gaps = new Set(r.gaps);
  const features = fc.features.map((f): Feature => {
    const p = f.properties as Props;
    if (p.kind === 'territory') return { ...f, properties: { ...p, count: r.counts[p.id as string] } };
    if (p.kind !== 'account') return f;
    const id = p.id as string;
    const o = overlaps.get(id);
    const s = skipped.get(id);
    return {
      ...f,
      properties: {
        ...p,
        result: {
          ...r.byAccount.get(id),
          gap: gaps.has(id),
          overlap: o ? { territoryIds: o.territoryIds, priority: o.priority } : null,
          skipped: s ? { territoryId: s.territoryId, reason: s.reason, count: s.count } : null,
        },
      },
    };
  });
  return { ...fc, features };
}

/** Hand-checked expectations: account id → winning territory id (null = gap), matched ids when an overlap. */
const EXPECT: Record<string, Record<string, string | null | [string, string[]]>> = {
  'overlapping-priorities': { 'a-west': 'west', 'a-bay': 'bay', 'a-west-central': ['west', ['west', 'central']], 'a-central': 'central', 'a-out': null },
  'polygon-with-hole': { 'a-ring': 'ring', 'a-hole': 'downtown', 'a-hole-edge': ['ring', ['ring', 'downtown']], 'a-second-hole': null, 'a-second-ring': 'hole-only' },
  multipolygon: { 'a-island-1': 'islands', 'a-island-2': 'islands', 'a-island-2-hole': null, 'a-mainland': 'mainland', 'a-sea': null },
  boundaries: {
    'a-shared-edge': ['left', ['left', 'right']],
    'a-shared-corner': ['left', ['left', 'right']],
    'a-left-vertex': 'left',
    'a-top-edge': 'top',
    'a-right-edge': 'right',
    'a-just-outside': null,
  },
  'named-include-exclude': {
    'a-key': 'keys',
    'a-both': ['keys', ['keys', 'partners']],
    'a-excluded': 'fallback',
    'a-key-excluded': 'keys',
    'a-plain': 'west',
    'a-no-coords': null,
  },
  'rules-only': {
    'a-health': 'health',
    'a-health-small': null,
    'a-health-edge': 'health',
    'a-health-enterprise': 'enterprise',
    'a-gold': 'gold',
    'a-gold-low': null,
    'a-gold-text-score': null,
    'a-mid': 'mid',
    'a-mid-churned': null,
    'a-mid-no-churn-field': 'mid',
    'a-flagged': 'flagged',
    'a-flag-empty': null,
    'a-flag-emea': null,
    'a-nothing': null,
  },
  'geometry-and-rules': {
    'a-west-health': 'west-health',
    'a-west-both': ['west-health', ['west-health', 'west-ent']],
    'a-west-other': 'west',
    'a-east-health': null,
  },
  regions: {
    'a-la': 'la',
    'a-ca': 'ca',
    'a-nv-point': 'nv',
    'a-nv-code': 'nv',
    'a-nv-boundary': 'nv',
    'a-or-point-in-nv': ['nv', ['nv', 'or']],
    'a-nowhere': null,
    'a-no-coords-no-codes': null,
  },
  'no-coordinates': {
    'a-none': null,
    'a-enterprise': 'enterprise',
    'a-health': null,
    'a-excluded-north': 'enterprise',
    'a-vip': 'vip',
    'a-located': 'north',
  },
  gaps: { 'a-far': null, 'a-excluded': null, 'a-no-coords': null, 'a-in-box': 'box' },
};

/** Hand-checked skips: account id → [first territory, count]; every other account must not be skipped. */
const SKIPS: Record<string, Record<string, [string, number]>> = {
  'named-include-exclude': { 'a-no-coords': ['west', 2] },
  regions: { 'a-no-coords-no-codes': ['nv', 1] },
  'no-coordinates': { 'a-none': ['north', 2], 'a-enterprise': ['north', 1], 'a-health': ['south-health', 3] },
  gaps: { 'a-no-coords': ['box', 1] },
};

const cases = readdirSync(join(DIR, 'in'))
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => f.slice(0, -'.geojson'.length))
  .sort();

test('every fixture case has hand-checked expectations', () => {
  assert.deepEqual(cases, Object.keys(EXPECT).sort());
});

for (const name of cases) {
  test(`fixture ${name}`, () => {
    const fc = load(name);
    const { accounts, territories, regionGeometries, regionNames } = inputs(fc);
    const r = resolveTerritories(accounts, territories, { regionGeometries, regionNames });

    // Explicit expectations first, so a regenerated golden file cannot hide a wrong answer.
    assert.deepEqual([...r.byAccount.keys()], accounts.map((a) => a.id));
    for (const [accountId, want] of Object.entries(EXPECT[name])) {
      const got = r.byAccount.get(accountId);
      assert.ok(got, `${name}: no result for ${accountId}`);
      const [territoryId, matched] = Array.isArray(want) ? want : [want, want === null ? [] : [want]];
      assert.equal(got.territoryId, territoryId, `${name}: ${accountId} → ${got.territoryId} (${got.reason})`);
      assert.deepEqual(got.matched, matched, `${name}: ${accountId} matched`);
      assert.equal(r.gaps.includes(accountId), territoryId === null, `${name}: ${accountId} gap flag`);
      assert.equal(r.overlaps.some((o) => o.accountId === accountId), matched.length > 1, `${name}: ${accountId} overlap flag`);
      assert.ok(got.reason.length > 0);
    }
    assert.equal(Object.keys(EXPECT[name]).length, accounts.length, `${name}: every account has an expectation`);
    const skips = SKIPS[name] ?? {};
    assert.deepEqual(
      Object.fromEntries(r.skipped.map((s) => [s.accountId, [s.territoryId, s.count]])),
      skips,
      `${name}: skipped`,
    );
    const wins = [...r.byAccount.values()].filter((x) => x.territoryId !== null).length;
    assert.equal(Object.values(r.counts).reduce((s, n) => s + n, 0), wins);

    // Named region codes say the name (regionNames), unnamed ones the code.
    if (name === 'regions') {
      assert.equal(r.byAccount.get('a-ca')?.reason, 'In California, a region of "California"');
      assert.equal(r.byAccount.get('a-nv-point')?.reason, 'Inside Nevada, a region of "Nevada"');
      assert.equal(r.byAccount.get('a-la')?.reason, 'Region 06037 of "Los Angeles"');
    }

    // Then the golden file: reasons, vias and counts as reviewed.
    const out = annotate(fc, r);
    const file = join(DIR, 'out', `${name}.geojson`);
    if (UPDATE) {
      mkdirSync(join(DIR, 'out'), { recursive: true });
      writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
    } else {
      assert.ok(existsSync(file), `missing ${file}: run with UPDATE_FIXTURES=1 and review it`);
      assert.deepEqual(out, JSON.parse(readFileSync(file, 'utf8')));
    }
  });
}
