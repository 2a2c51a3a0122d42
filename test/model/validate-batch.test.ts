import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateBatch, formatRejection } from '../../src/index.js';

const ok = { id: 'a1', name: 'Acme', lat: 40.7, lng: -74, potential: 100, ownerId: 'r1' };

test('valid accounts pass and get defaults', () => {
  const { valid, rejected } = validateBatch('account', [ok]);
  assert.equal(rejected.length, 0);
  assert.equal(valid[0].workload, 1);
});

test('one bad record never sinks the batch, and each rejection names record, field and reason', () => {
  const { valid, rejected } = validateBatch('account', [
    ok,
    { ...ok, id: 'a2', lat: '41.2' },
    { ...ok, id: 'a3', lat: NaN },
    { ...ok, id: 'a4', potential: '5000' },
    { ...ok, id: 'a5', lat: null },
    { ...ok, id: 'a6', lat: undefined },
    { ...ok, id: 'a7', name: 'x'.repeat(300) },
    { ...ok, id: 'a8', potential: -1 },
    { ...ok, id: 'a9', lat: 91 },
    { ...ok, id: 'a10', lat: null, lng: null },
  ]);
  assert.deepEqual(valid.map((a) => a.id), ['a1', 'a10']);
  const byId = Object.fromEntries(rejected.map((r) => [r.id, `${r.field}: ${r.reason}`]));
  assert.deepEqual(byId, {
    a2: 'lat: expected number, got the string "41.2"',
    a3: 'lat: expected number, got NaN',
    a4: 'potential: expected number, got the string "5000"',
    a5: 'lat: lat and lng must both be numbers or both be null',
    a6: 'lat: is required (expected number)',
    a7: 'name: is too long: 300 characters, at most 255',
    a8: 'potential: must be at least 0, got -1',
    a9: 'lat: must be at most 90, got 91',
  });
  assert.equal(rejected[0].index, 1);
  assert.equal(rejected[0].kind, 'account');
});

test('duplicate ids: the first is kept, later ones are rejected naming the first position', () => {
  const { valid, rejected } = validateBatch('account', [ok, { ...ok, name: 'Other' }]);
  assert.equal(valid.length, 1);
  assert.equal(valid[0].name, 'Acme');
  assert.deepEqual(
    rejected.map(formatRejection),
    ['account "a1": id duplicate id: already used by the record at position 0'],
  );
});

test('records without an id or that are not objects are reported by position', () => {
  const { rejected } = validateBatch('rep', [{ name: 'No id' }, 'junk', null]);
  assert.deepEqual(rejected.map(formatRejection), [
    'rep at position 0: id is required (expected string)',
    'rep at position 1: expected a record object, got the string "junk"',
    'rep at position 2: expected a record object, got null',
  ]);
});

test('huge ids are rejected and shortened in the report', () => {
  const { rejected } = validateBatch('account', [{ ...ok, id: 'x'.repeat(10_000) }]);
  assert.equal(rejected[0].field, 'id');
  assert.equal(rejected[0].reason, 'is too long: 10000 characters, at most 255');
  assert.ok(rejected[0].id!.length <= 256);
});

test('territories: bad geometry and colours are reported with their paths', () => {
  const { rejected } = validateBatch('territory', [
    {
      id: 't1',
      name: 'West',
      color: 'red;background:url(x)',
      definition: { geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1]]] } },
    },
  ]);
  assert.deepEqual(rejected[0].problems, [
    { field: 'color', reason: 'expected a hex colour like #1f77b4, got the string "red;background:url(x)"' },
    { field: 'definition.geometry.coordinates.0', reason: 'a ring needs at least 4 positions and must end where it starts' },
  ]);
});

test('reps get capacity 1, no skills and active by default', () => {
  const { valid } = validateBatch('rep', [{ id: 'r1', name: 'Ana' }]);
  assert.deepEqual(valid[0], { id: 'r1', name: 'Ana', capacity: 1, skills: [], active: true });
});

// Issue #13 item 5: one bad optional field must not cost the record (a rep's whole book).
test('a rep with a bad home keeps its place: home becomes null, with a rejection naming the rep and field', () => {
  const { valid, rejected } = validateBatch('rep', [
    { id: 'r1', name: 'Ana', home: { lat: 95, lng: 10 }, capacity: 2 },
    { id: 'r2', name: 'Ben', quota: -5, skills: ['x'.repeat(300)] },
    { id: 'r3', name: 42 },
  ]);
  assert.deepEqual(valid.map((r) => [r.id, r.home ?? null, r.quota ?? null, r.skills, r.capacity]), [
    ['r1', null, null, [], 2],
    ['r2', null, null, [], 1],
  ]);
  assert.deepEqual(
    rejected.map((r) => [r.id, r.kept ?? false, r.problems.map((p) => p.field)]),
    [
      ['r1', true, ['home.lat']],
      ['r2', true, ['skills.0', 'quota']],
      ['r3', false, ['name']],
    ],
  );
  assert.match(formatRejection(rejected[0]), /^rep "r1": home\.lat must be at most 90, got 95 \(field dropped, the record was kept\)$/);
});

test('accounts: a bad optional field is dropped with a rejection, a bad required field rejects the record', () => {
  const { valid, rejected } = validateBatch('account', [
    { ...ok, id: 'a1', employees: -3, fields: { Tier: 'A', Bad: { x: 1 } } },
    { ...ok, id: 'a2', workload: 'lots' },
    { ...ok, id: 'a3', potential: 'lots', industry: 7 },
  ]);
  assert.deepEqual(valid.map((a) => [a.id, a.employees, a.workload, a.fields ? { ...a.fields } : undefined]), [
    ['a1', null, 1, { Tier: 'A' }],
    ['a2', undefined, 1, undefined],
  ]);
  assert.deepEqual(rejected.map((r) => [r.id, r.kept ?? false, r.problems.map((p) => p.field)]), [
    ['a1', true, ['employees', 'fields.Bad']],
    ['a2', true, ['workload']],
    ['a3', false, ['industry', 'potential']],
  ]);
});

// Issue #13 item 13: totals that overflow are refused, naming the records.
test('potentials whose batch total is not finite reject the largest records, named, and keep the rest', () => {
  const { valid, rejected } = validateBatch('account', [
    { ...ok, id: 'a1', potential: 1e308 },
    { ...ok, id: 'a2', potential: 100 },
    { ...ok, id: 'a3', potential: 1e308 },
    { ...ok, id: 'a4', potential: 5 },
  ]);
  assert.deepEqual(valid.map((a) => a.id), ['a2', 'a4']);
  assert.deepEqual(rejected.map((r) => [r.id, r.index, r.field]), [
    ['a1', 0, 'potential'],
    ['a3', 2, 'potential'],
  ]);
  assert.match(rejected[0].reason, /batch total of potential overflow \(not a finite number\)/);
  const total = valid.reduce((s, a) => s + a.potential, 0);
  assert.ok(Number.isFinite(total));
  const reps = validateBatch('rep', [{ id: 'r1', name: 'A', quota: 1e308 }, { id: 'r2', name: 'B', quota: 1e308 }]);
  assert.deepEqual(reps.rejected.map((r) => [r.id, r.field]), [['r1', 'quota'], ['r2', 'quota']]);
  assert.deepEqual(reps.valid.map((r) => r.id), []);
});

// Issue #13 item 12: ids and field names like built-in properties are ordinary keys.
test('a __proto__ key in fields is kept as an own key, and __proto__ ids pass like any other', () => {
  const records = JSON.parse(
    '[{"id":"__proto__","name":"P","lat":null,"lng":null,"potential":1,"ownerId":"constructor","fields":{"__proto__":"x","toString":1}}]',
  );
  const { valid, rejected } = validateBatch('account', records);
  assert.equal(rejected.length, 0);
  assert.equal(valid[0].id, '__proto__');
  assert.deepEqual(Object.keys(valid[0].fields!), ['__proto__', 'toString']);
  assert.equal(Object.getOwnPropertyDescriptor(valid[0].fields, '__proto__')!.value, 'x');
  const bad = validateBatch('account', JSON.parse('[{"id":"a","name":"P","lat":null,"lng":null,"potential":1,"ownerId":null,"fields":{"__proto__":{"a":1}}}]'));
  assert.equal(bad.rejected[0].field, 'fields.__proto__');
  assert.equal(Object.keys(bad.valid[0].fields!).length, 0);
  const plan = validateBatch('plan', JSON.parse('[{"id":"p","name":"P","assignments":{"__proto__":"r1","constructor":null}}]'));
  assert.deepEqual(Object.entries(plan.valid[0].assignments), [['__proto__', 'r1'], ['constructor', null]]);
});
