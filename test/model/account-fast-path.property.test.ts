// The hand-written Account check validateBatch runs before zod (src/model/account-fast-path.ts)
// against the zod schema itself: whatever it accepts, zod accepts with a deep-equal result (keys in
// the same order); on records of the common shape it accepts exactly what zod accepts; and
// validateBatch gives the same output with it as zod alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Account } from '../../src/model/account.js';
import { fastAccount } from '../../src/model/account-fast-path.js';

const ABSENT = Symbol('absent');

const str = (max: number) => fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', 'x'.repeat(max), 'x'.repeat(max + 1)));
const num = fc.oneof(
  fc.double(),
  fc.double({ min: -200, max: 200, noNaN: true }),
  fc.integer({ min: -200, max: 200 }),
  fc.constantFrom(0, -0, 90, -90, 180, -180, 90.0001, -180.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 - 1, 0.5, -1),
);
const junk = fc.constantFrom<unknown>('12', true, false, {}, [], 'abc', 7, null);
// Date.parse reads a parenthesised comment, so these are valid dates of exactly 64 and 65 characters.
const DATE_64 = `${'Sun Nov 01 2026 10:00:00 GMT+0000 ('.padEnd(63, 'x')})`;
const DATE_65 = `${'Sun Nov 01 2026 10:00:00 GMT+0000 ('.padEnd(64, 'x')})`;
const date = fc.oneof(fc.constantFrom(DATE_64, DATE_65, '2026-11-01T10:00:00.000Z', '2026-11-01', 'not a date', '', 'x'.repeat(65)), fc.string({ maxLength: 6 }));
const fieldValue = fc.oneof(str(4096), num, fc.boolean(), fc.constant(null), junk, fc.constant(undefined));
const fieldKey = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'constructor', '0', '12', 'k'.repeat(255), 'k'.repeat(256)));
const fields = fc.oneof(fc.dictionary(fieldKey, fieldValue, { maxKeys: 4 }), junk, fc.constant(Object.create(null) as object));
const regions = fc.oneof(fc.array(fc.oneof(str(255), junk), { maxLength: 3 }), fc.array(fc.constant('06'), { minLength: 64, maxLength: 65 }), junk);

/** A value for one key: absent, present-undefined, or from `arb`. */
const slot = (arb: fc.Arbitrary<unknown>, undefinedToo: boolean) =>
  undefinedToo ? fc.oneof(arb, fc.constant(ABSENT), fc.constant(undefined)) : fc.oneof({ arbitrary: arb, weight: 7 }, { arbitrary: fc.constant(ABSENT), weight: 1 });

/** Mostly `good`, sometimes `bad`: most generated records are valid or one field away from it. */
const mostly = (good: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: good, weight: 20 }, { arbitrary: bad, weight: 1 });
const goodId = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constant('x'.repeat(255)));
const goodAmount = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constantFrom(0, -0, 1e12));
const goodFields = fc.dictionary(fc.string({ maxLength: 4 }).filter((k) => k !== '__proto__'), fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 4 });
const coords = fc.oneof(
  { arbitrary: fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true })), weight: 8 },
  { arbitrary: fc.constant([null, null]), weight: 2 },
  { arbitrary: fc.tuple(fc.oneof(num, fc.constant(null), junk), fc.oneof(num, fc.constant(null), junk)), weight: 2 },
);

function record(common: boolean): fc.Arbitrary<Record<string, unknown>> {
  const u = !common;
  const shape: Record<string, fc.Arbitrary<unknown>> = {
    id: slot(mostly(goodId, fc.oneof(str(255), junk)), u),
    name: slot(mostly(fc.string({ maxLength: 8 }), fc.oneof(str(255), junk)), u),
    coords: slot(coords, u),
    industry: slot(mostly(fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)), fc.oneof(str(255), junk)), u),
    employees: slot(mostly(fc.oneof(fc.nat(), fc.constant(null)), fc.oneof(num, junk)), u),
    annualRevenue: slot(mostly(fc.oneof(goodAmount, fc.constant(null)), fc.oneof(num, junk)), u),
    potential: slot(mostly(goodAmount, fc.oneof(num, junk)), u),
    workload: slot(mostly(goodAmount, fc.oneof(num, junk)), u),
    ownerId: slot(mostly(fc.oneof(goodId, fc.constant(null)), fc.oneof(str(255), junk)), u),
    territoryId: slot(mostly(fc.oneof(goodId, fc.constant(null)), fc.oneof(str(255), junk)), u),
    locked: slot(mostly(fc.boolean(), junk), u),
    regions: slot(mostly(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }), regions), u),
    lastModified: slot(mostly(fc.constantFrom('2026-11-01T10:00:00.000Z', '2026-11-01'), fc.oneof(date, junk)), u),
    fields: slot(mostly(goodFields, fields), u),
    extra: slot(fc.oneof(str(5), junk), true),
  };
  if (!common) shape.performance = slot(fc.oneof(fc.record({ pipeline: num }), junk), true);
  return fc.record(shape).map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      if (v === ABSENT) continue;
      if (k !== 'coords') out[k] = v;
      else if (Array.isArray(v)) [out.lat, out.lng] = v;
      else out.lat = out.lng = v; // present but undefined
    }
    return out;
  });
}

const sameAsZod = (r: unknown) => {
  const fast = fastAccount(r);
  const z = Account.safeParse(r);
  if (fast === undefined) return { fast, z };
  assert.ok(z.success, `fast path accepted what zod rejects: ${JSON.stringify(r)}`);
  assert.deepStrictEqual(fast, z.data);
  assert.equal(JSON.stringify(fast), JSON.stringify(z.data)); // same key order
  assert.deepEqual(Object.keys(fast.fields ?? {}), Object.keys(z.data.fields ?? {}));
  if (fast.regions) assert.notEqual(fast.regions, (r as { regions: unknown }).regions); // a fresh array, as zod's
  if (fast.fields) assert.notEqual(fast.fields, (r as { fields: unknown }).fields);
  return { fast, z };
};

test('whatever the fast path accepts, zod accepts with a deep-equal result', () => {
  fc.assert(fc.property(record(false), (r) => void sameAsZod(r)), { numRuns: 3000 });
  for (const r of [null, 1, 'a', [], Object.create(null), new Date(0)]) assert.equal(fastAccount(r), undefined);
});

test('on records of the common shape (no performance, no keys set to undefined) it accepts exactly what zod accepts', () => {
  let accepted = 0;
  fc.assert(
    fc.property(record(true), (r) => {
      const { fast, z } = sameAsZod(r);
      const fieldsOk = (() => {
        const f = r.fields;
        if (f === undefined || f === null || typeof f !== 'object') return true;
        if (Object.getPrototypeOf(f) !== Object.prototype) return false;
        return Object.entries(f).every(([k, v]) => k !== '__proto__' && v !== undefined);
      })();
      if (!fieldsOk || Object.hasOwn(r.fields ?? {}, '__proto__')) return; // left to zod on purpose
      assert.equal(fast !== undefined, z.success, `fast ${fast !== undefined}, zod ${z.success}: ${JSON.stringify(r)}`);
      if (fast) accepted++;
    }),
    { numRuns: 3000 },
  );
  assert.ok(accepted > 300, `the generator produced only ${accepted} valid accounts`);
});

test('a valid record with one field changed to an edge or wrong value: the fast path accepts exactly what zod accepts', () => {
  const good = fc.record(
    {
      id: goodId,
      name: fc.string({ maxLength: 8 }),
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
      industry: fc.string({ maxLength: 8 }),
      employees: fc.nat(),
      annualRevenue: goodAmount,
      potential: goodAmount,
      workload: goodAmount,
      ownerId: goodId,
      territoryId: goodId,
      locked: fc.boolean(),
      regions: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
      lastModified: fc.constant('2026-11-01T10:00:00.000Z'),
      fields: goodFields,
    },
    { requiredKeys: ['id', 'name', 'lat', 'lng', 'potential', 'ownerId'] },
  );
  const keys = ['id', 'name', 'lat', 'lng', 'industry', 'employees', 'annualRevenue', 'potential', 'workload', 'ownerId', 'territoryId', 'locked', 'regions', 'lastModified', 'fields'];
  const edges = fc.constantFrom<unknown>(-1, -0.5, 0.5, -0, 1.5, 2 ** 53, DATE_64, DATE_65, 'x'.repeat(256), '');
  const bad = fc.oneof(num, edges, fc.integer({ min: -3, max: 3 }), str(255), junk, date, regions, fields, fc.constant(null));
  let accepted = 0;
  fc.assert(
    fc.property(good, fc.constantFrom(...keys), bad, (r, key, value) => {
      const changed: Record<string, unknown> = { ...r, [key]: value };
      const { fast, z } = sameAsZod(changed);
      const f = changed.fields;
      if (f && typeof f === 'object' && (Object.getPrototypeOf(f) !== Object.prototype || Object.hasOwn(f, '__proto__') || Object.values(f).includes(undefined))) return;
      assert.equal(fast !== undefined, z.success, `fast ${fast !== undefined}, zod ${z.success}: ${key} = ${JSON.stringify(value)}`);
      if (fast) accepted++;
    }),
    { numRuns: 6000 },
  );
  assert.ok(accepted > 200, `only ${accepted} changed records were valid`);
});

test('a typical adapter record takes the fast path with the defaults applied', () => {
  const r = { id: 'a1', name: 'Acme', lat: 40.7, lng: -74, potential: 100, ownerId: 'r1', regions: ['06'], fields: { Tier__c: 'Gold', n: 3 } };
  const fast = fastAccount(r);
  assert.deepStrictEqual(fast, Account.parse(r));
  assert.equal(fast?.workload, 1);
});
