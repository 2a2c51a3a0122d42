// The per-page size budgets (issue #15, scripts/size.mjs BUDGETS): the rep's record page (provider + card
// + gauge) ≤ 30 kB gz, the planner's first load (provider, map with Leaflet, gauge, panel) ≤ 95 kB gz, the
// standalone file ≤ 129.5 kB gz. Also: no jsforce in browser bundles, nothing a strict CSP refuses, and
// the on-demand parts (the rebalance engine, supercluster, the basemap decoder, zod) outside the
// widgets' initial load. `npm run size` prints the same figures (see BENCHMARKS.md "Bundle size").
import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error -- a plain .mjs script without types
import { TARGETS, BUDGETS, RECORD_PAGE, PLANNER, bundle, pageBundle, measureBudgets, budgetMessage } from '../../scripts/size.mjs';

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

interface BudgetRow { name: string; budget: number; ceiling?: number; gzip: number; raw: number; largest: [string, number][]; hasJsforce: boolean; forbidden: string[] }

test('the budgets are the issue\'s: record page 30 kB, planner 95 kB, standalone 129.5 kB (gzip); only the two it is blocked on have a ceiling', () => {
  assert.deepEqual(
    (BUDGETS as { name: string; budget: number; ceiling?: number }[]).map((b) => [b.budget, b.ceiling]),
    [[30 * 1024, undefined], [95 * 1024, 103.0 * 1024], [129.5 * 1024, 210.0 * 1024]],
  );
});

test('what each page loads first: the record page has no map or Leaflet; the planner has both, and Leaflet', async () => {
  const record = (await pageBundle(RECORD_PAGE)) as Bundle;
  const planner = (await pageBundle(PLANNER)) as Bundle;
  assert.ok(!record.initialInputs.some((i) => i.includes('node_modules/leaflet/') || i.startsWith('widgets/territory-map/')), 'record page: no map in the initial load');
  assert.ok(record.initialInputs.includes('widgets/territory-card/territory-card.component.ts'));
  assert.ok(record.initialInputs.includes('widgets/workload-gauge/workload-gauge.component.ts'));
  for (const m of ['widgets/territory-map/territory-map.component.ts', 'widgets/rep-assignment-panel/rep-assignment-panel.component.ts', 'widgets/workload-gauge/workload-gauge.component.ts']) {
    assert.ok(planner.initialInputs.includes(m), `planner loads ${m} first`);
  }
  assert.ok(planner.initialInputs.some((i) => i.includes('node_modules/leaflet/')), 'planner: Leaflet in the first load');
  assert.ok(!planner.initialInputs.some((i) => i.startsWith('src/engine/rebalance/')), 'planner: the rebalance engine on demand');
});

test('each page stays within its budget, or, where #15 is blocked on it, within its ceiling (record page, planner, standalone file)', async (t) => {
  const rows = (await measureBudgets()) as BudgetRow[];
  assert.equal(rows.length, 3);
  for (const row of rows) {
    // The room left, in the test output: an engineer adding bytes sees how much is left before the budget fails.
    t.diagnostic(budgetMessage(row));
    assert.ok(row.gzip > 5 * 1024, `${row.name}: measured ${row.gzip} B`);
    if (row.ceiling === undefined) assert.ok(row.gzip <= row.budget, budgetMessage(row));
    else assert.ok(row.gzip <= row.ceiling, `${budgetMessage(row)} Over its ceiling of ${row.ceiling} B too: the load grew.`);
    assert.ok(!row.hasJsforce, `${row.name}: jsforce inside`);
    assert.deepEqual(row.forbidden, [], `${row.name}: forbidden constructs`);
  }
});
