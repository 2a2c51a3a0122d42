// src/data/us-state-names.ts is the map's region data (us-atlas states-10m.json) names, kept small for
// resolveTerritories' reasons; this keeps the two equal, so an upgrade of us-atlas cannot drift from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { usStateNames } from '../../src/data/us-state-names.js';

test('usStateNames equals the names in us-atlas states-10m.json, code for code', () => {
  const file = createRequire(import.meta.url).resolve('us-atlas/states-10m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as { objects: { states: { geometries: { id: string; properties: { name: string } }[] } } };
  const atlas = Object.fromEntries(topology.objects.states.geometries.map((g) => [g.id, g.properties.name]));
  assert.deepEqual({ ...usStateNames }, atlas);
  assert.equal(usStateNames['49'], 'Utah');
});
