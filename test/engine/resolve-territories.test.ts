import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTerritories, validateBatch, type ResolvableAccount, type ResolvableTerritory } from '../../src/index.js';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] as [number, number][][],
});
const acct = (id: string, lng: number | null, lat: number | null, extra: Partial<ResolvableAccount> = {}): ResolvableAccount => ({
  id,
  lat,
  lng,
  potential: 0,
  ...extra,
});
const box: ResolvableTerritory = { id: 'box', name: 'Box', priority: 0, definition: { geometry: square(0, 0, 10, 10) } };

test('works on records validated by the model (defaults applied)', () => {
  const { valid: accounts } = validateBatch('account', [
    { id: 'a1', name: 'Acme', lat: 5, lng: 5, potential: 10, ownerId: null },
    { id: 'a2', name: 'Far', lat: 50, lng: 50, potential: 10, ownerId: null },
  ]);
  const { valid: territories, rejected } = validateBatch('territory', [
    { id: 'box', name: 'Box', definition: { geometry: square(0, 0, 10, 10) } },
    { id: 'named', name: 'Named' },
  ]);
  assert.equal(rejected.length, 0);
  const r = resolveTerritories(accounts, territories);
  assert.deepEqual(r.byAccount.get('a1'), { territoryId: 'box', reason: 'Inside the "Box" polygon', reasonParts: [{ code: 'geometry', territory: 'Box' }], via: 'geometry', matched: ['box'] });
  assert.deepEqual(r.byAccount.get('a2'), { territoryId: null, reason: 'Matches no territory', reasonParts: [{ code: 'none' }], via: null, matched: [] });
  assert.deepEqual(r.gaps, ['a2']);
  assert.deepEqual(r.counts, { box: 1, named: 0 });
});

test('empty inputs: no accounts gives empty results; no territories makes every account a gap', () => {
  assert.deepEqual(resolveTerritories([], [box]), { byAccount: new Map(), gaps: [], overlaps: [], skipped: [], counts: { box: 0 } });
  const r = resolveTerritories([acct('a', 1, 1), acct('b', null, null)], []);
  assert.deepEqual(r.gaps, ['a', 'b']);
  assert.deepEqual(r.skipped, []);
  assert.deepEqual(r.counts, {});
});

test('account ids that are Object.prototype names are ordinary keys', () => {
  const r = resolveTerritories([acct('__proto__', 1, 1), acct('constructor', 1, 1), acct('toString', 50, 50)], [box]);
  assert.ok(r.byAccount instanceof Map);
  assert.deepEqual([...r.byAccount.keys()], ['__proto__', 'constructor', 'toString']);
  assert.equal(r.byAccount.get('__proto__')!.territoryId, 'box');
  assert.equal(r.byAccount.get('constructor')!.territoryId, 'box');
  assert.equal(r.byAccount.get('toString')!.territoryId, null);
  assert.deepEqual(structuredClone(r).byAccount.get('__proto__'), r.byAccount.get('__proto__'));
  assert.deepEqual(JSON.parse(JSON.stringify(Object.fromEntries(r.byAccount)))['__proto__'], r.byAccount.get('__proto__'));
  const t = resolveTerritories([acct('a', 1, 1)], [{ ...box, id: '__proto__' }]);
  assert.deepEqual(Object.keys(t.counts), ['__proto__']);
  assert.equal(t.counts['__proto__'], 1);
});

test('among several named includes the highest priority wins without an overlap', () => {
  const r = resolveTerritories(
    [acct('a', 5, 5)],
    [
      { id: 'low', name: 'Low', priority: 0, definition: { include: ['a'] } },
      { id: 'high', name: 'High', priority: 1.5, definition: { include: ['a', 'a'] } },
      { id: 'geo', name: 'Geo', priority: 99, definition: { geometry: square(0, 0, 10, 10) } },
    ],
  );
  assert.deepEqual(r.byAccount.get('a'), { territoryId: 'high', reason: 'Named account of "High"', reasonParts: [{ code: 'include', territory: 'High' }], via: 'include', matched: ['high'] });
  assert.deepEqual(r.overlaps, []);
});

test('an overlap of many territories names three and counts the rest; lists stay in account order', () => {
  const ts = ['A', 'B', 'C', 'D', 'E'].map((n) => ({ id: n.toLowerCase(), name: n, priority: -2, definition: { geometry: square(0, 0, 10, 10) } }));
  const r = resolveTerritories([acct('z', 5, 5), acct('y', 5, 5)], ts);
  assert.equal(r.byAccount.get('z')!.reason, 'Inside the "A" polygon; overlaps "B", "C", "D" and 1 more at priority -2, picked by territory order');
  assert.deepEqual(r.overlaps, [
    { accountId: 'z', territoryIds: ['a', 'b', 'c', 'd', 'e'], priority: -2 },
    { accountId: 'y', territoryIds: ['a', 'b', 'c', 'd', 'e'], priority: -2 },
  ]);
  assert.deepEqual(r.counts, { a: 2, b: 0, c: 0, d: 0, e: 0 });
});

test('shared results are frozen: changing one throws instead of changing another', () => {
  const r = resolveTerritories([acct('a', 5, 5), acct('b', 5, 5)], [box]);
  assert.ok(Object.isFrozen(r.byAccount.get('a')!) && Object.isFrozen(r.byAccount.get('a')!.matched));
  assert.throws(() => r.byAccount.get('a')!.matched.push('x'), TypeError);
  assert.throws(() => {
    (r.byAccount.get('a')! as { territoryId: string | null }).territoryId = 'other';
  }, TypeError);
  assert.deepEqual(r.byAccount.get('b'), { territoryId: 'box', reason: 'Inside the "Box" polygon', reasonParts: [{ code: 'geometry', territory: 'Box' }], via: 'geometry', matched: ['box'] });
  // Each call gets its own: a later call never returns an earlier call's objects.
  assert.notEqual(resolveTerritories([acct('a', 5, 5)], [box]).byAccount.get('a'), r.byAccount.get('a')!);
});

test('a plain gap is shared and frozen too; a gap with an exclusion gets its own reason', () => {
  const excl = { ...box, id: 'ex', name: 'Ex', definition: { geometry: box.definition.geometry, exclude: ['e'] } };
  const r = resolveTerritories([acct('g', 50, 50), acct('h', 60, 60), acct('e', 5, 5)], [excl]);
  assert.equal(r.byAccount.get('g'), r.byAccount.get('h')!);
  assert.ok(Object.isFrozen(r.byAccount.get('g')!) && Object.isFrozen(r.byAccount.get('g')!.matched));
  assert.throws(() => r.byAccount.get('g')!.matched.push('x'), TypeError);
  assert.deepEqual(r.byAccount.get('g'), { territoryId: null, reason: 'Matches no territory', reasonParts: [{ code: 'none' }], via: null, matched: [] });
  assert.deepEqual(r.byAccount.get('e'), { territoryId: null, reason: 'Matches no territory (excluded from "Ex")', reasonParts: [{ code: 'none', excludedFrom: 'Ex' }], via: null, matched: [] });
  assert.deepEqual(r.gaps, ['g', 'h', 'e']);
});

test('bad input throws a TypeError naming the record and the field', () => {
  const cases: [() => unknown, RegExp][] = [
    [() => resolveTerritories([acct('a', 1, 1), acct('b', 1, 1), acct('a', 2, 2)], [box]), /account "a": id is a duplicate: already used by the account at position 0/],
    [() => resolveTerritories([acct('', 1, 1)], [box]), /account at position 0: id must be a non-empty string/],
    [() => resolveTerritories([acct('a', 1, null)], [box]), /account "a": lat is missing/],
    [() => resolveTerritories([acct('a', Number.NaN, 1)], [box]), /account "a": lng must be a finite number or null/],
    [() => resolveTerritories([], [box, box]), /territory "box": id is a duplicate: already used by the territory at position 0/],
    [() => resolveTerritories([], [{ ...box, priority: Number.NaN }]), /territory "box": priority must be a finite number/],
    [
      () => resolveTerritories([], [{ ...box, definition: { geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } } }]),
      /territory "box": definition.geometry.coordinates.0 must end where it starts/,
    ],
    [
      () => resolveTerritories([], [{ ...box, definition: { geometry: { type: 'Point', coordinates: [0, 0] } as never } }]),
      /territory "box": definition.geometry must be a GeoJSON Polygon or MultiPolygon/,
    ],
    [
      () => resolveTerritories([], [{ ...box, definition: { rules: { fields: [{ field: 'Score__c', op: 'gt' }] } } }]),
      /territory "box": definition.rules.fields.0.value needs a number or text value for op "gt"/,
    ],
    [
      () => resolveTerritories([], [{ ...box, definition: { rules: { fields: [{ field: 'X', op: 'eq', value: ['a'] }] } } }]),
      /definition.rules.fields.0.value needs one value for op "eq"/,
    ],
    [
      () => resolveTerritories([], [{ ...box, definition: { rules: { fields: [{ field: 'X', op: 'like' as never, value: 'a' }] } } }]),
      /definition.rules.fields.0.op is not a known operator: "like"/,
    ],
    [() => resolveTerritories([], [{ ...box, definition: { rules: { employees: { min: 5, max: 1 } } } }]), /definition.rules.employees has min 5 above max 1/],
    [
      () => resolveTerritories([], [{ ...box, definition: { regions: ['32'] } }], { regionGeometries: { '32': { type: 'Polygon', coordinates: [] } } }),
      /region "32": options.regionGeometries\["32"\].coordinates needs at least one ring/,
    ],
  ];
  for (const [run, message] of cases) assert.throws(run, (e: unknown) => e instanceof TypeError && message.test(e.message), String(message));
});

test('region polygons are only read for codes some territory lists', () => {
  // A broken polygon for an unused code is never looked at.
  const r = resolveTerritories([acct('a', 5, 5)], [box], { regionGeometries: { '99': { type: 'Polygon', coordinates: [] } } });
  assert.equal(r.byAccount.get('a')!.territoryId, 'box');
});
