// What `npm run size` checks besides the budgets: no jsforce in browser bundles, nothing a strict CSP
// refuses, and the on-demand parts (the rebalance engine, supercluster, the basemap decoder, zod) outside the widgets'
// initial load. The budgets themselves are reported by `npm run size` (see BENCHMARKS.md "Size").
import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error -- a plain .mjs script without types
import { TARGETS, CEILINGS, bundle } from '../../scripts/size.mjs';

interface Target { name: string; entry: string; external: string[]; noLeaflet?: boolean; split?: boolean }
interface Bundle { initial: { gzip: number; files: number }; lazy: { gzip: number; files: number }; code: string; inputs: string[]; initialInputs: string[] }

const target = (name: string): Target => {
  const t = (TARGETS as Target[]).find((x) => x.name === name);
  assert.ok(t, `size target "${name}"`);
  return t;
};

test('the widgets entry loads the rebalance engine, supercluster, the basemap decoder and zod on demand only', async () => {
  const split = (await bundle(target('engine + widgets (no leaflet)'))) as Bundle;
  const inlined = (await bundle(target('engine + widgets (no leaflet), inlined'))) as Bundle;
  assert.ok(split.lazy.files >= 2, `lazy chunks: ${split.lazy.files}`);
  // The inlined bundle holds both; the initial load is smaller by about the lazy chunks.
  for (const mod of ['src/engine/rebalance/balance-moves.ts', 'node_modules/supercluster/index.js']) {
    assert.ok(inlined.inputs.includes(mod), `${mod} is part of the widgets`);
  }
  assert.ok(split.initial.gzip < inlined.initial.gzip - 5 * 1024, `initial ${split.initial.gzip} B vs inlined ${inlined.initial.gzip} B`);
  // What loads on demand stays out of the initial load: the rebalance engine, supercluster, the basemap
  // decoder (topojson-client, @turf/bbox: with the basemap file) and zod (with the editor or a stored plan).
  for (const lazy of ['src/engine/rebalance/', 'node_modules/supercluster/', 'node_modules/topojson-client/', 'node_modules/@turf/bbox/', 'node_modules/zod/']) {
    assert.ok(inlined.inputs.some((i) => i.startsWith(lazy)), `${lazy} is part of the widgets`);
    const eager = split.initialInputs.filter((i) => i.startsWith(lazy));
    assert.deepEqual(eager, [], `${lazy} in the initial load`);
  }
  assert.ok(!split.inputs.some((i) => i.includes('node_modules/leaflet/')), 'leaflet is left out of the "no leaflet" figure');
});

test('browser bundles contain no jsforce and nothing a strict CSP refuses', async () => {
  for (const name of ['engine + widgets (no leaflet), inlined', 'standalone (with leaflet)', 'salesforce entry (no jsforce)']) {
    const b = (await bundle(target(name))) as Bundle;
    assert.ok(!b.inputs.some((i) => i.includes('node_modules/jsforce/')), `${name}: jsforce inside`);
    assert.doesNotMatch(b.code, /\beval\(|new Function\(/, `${name}: eval or new Function`);
  }
  const standalone = (await bundle(target('standalone (with leaflet)'))) as Bundle;
  assert.ok(standalone.inputs.some((i) => i.includes('node_modules/leaflet/')), 'the standalone bundle has leaflet inside');
});

test('the widgets\' initial load and the standalone bundle stay under their ceilings (no unnoticed growth)', async () => {
  for (const [name, ceiling] of Object.entries(CEILINGS as Record<string, number>)) {
    const b = (await bundle(target(name))) as Bundle;
    assert.ok(b.initial.gzip <= ceiling, `${name}: ${b.initial.gzip} B gzip > ceiling ${ceiling} B (scripts/size.mjs CEILINGS)`);
  }
});
