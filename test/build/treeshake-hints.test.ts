// The standalone build's tree-shaking hints (scripts/treeshake-hints.mjs): Leaflet's class definitions
// annotated pure and nothing else about its source changed; robust-predicates' unused predicates left out.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
// @ts-expect-error -- a plain .mjs script without types
import { annotateLeaflet, treeshakeHintsEsbuild } from '../../scripts/treeshake-hints.mjs';
// @ts-expect-error -- a plain .mjs script without types
import { ROOT } from '../../scripts/browser-harness.mjs';

test("Leaflet: every top-level `var X = Y.extend(` is annotated pure, and that is the only change", () => {
  const source = readFileSync(join(ROOT, 'node_modules/leaflet/dist/leaflet-src.esm.js'), 'utf8');
  const { code, count } = annotateLeaflet(source) as { code: string; count: number };
  const definitions = source.match(/^var \w+ = [\w.]+\.extend\(/gm) ?? [];
  assert.ok(definitions.length >= 40, `Leaflet 1.9 defines its classes this way (found ${definitions.length})`);
  assert.equal(count, definitions.length);
  assert.equal(code.split('/* @__PURE__ */ ').join(''), source);
  for (const name of ['Map', 'Layer', 'TileLayer', 'Canvas', 'GeoJSON', 'VideoOverlay']) {
    assert.match(code, new RegExp(`^var ${name} = /\\* @__PURE__ \\*/ `, 'm'), name);
  }
});

/** Bundles a tiny entry and returns its code and the modules with bytes in it. */
async function bundleOf(contents: string, hints: boolean): Promise<{ code: string; inputs: string[] }> {
  const out = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: hints ? [treeshakeHintsEsbuild()] : [],
  });
  const [output] = Object.values(out.metafile.outputs);
  return { code: out.outputFiles[0].text, inputs: Object.keys(output.inputs).filter((i) => output.inputs[i].bytesInOutput > 0) };
}

test('robust-predicates: only the predicate used is bundled, and it still computes', async () => {
  const entry = "import { orient2d } from 'robust-predicates'; export const o = orient2d;";
  const plain = await bundleOf(entry, false);
  const hinted = await bundleOf(entry, true);
  assert.ok(plain.inputs.includes('node_modules/robust-predicates/esm/insphere.js'), 'without the hint insphere comes along');
  assert.ok(!hinted.inputs.some((i) => /insphere|incircle|orient3d/.test(i)), `with the hint: ${hinted.inputs.join(', ')}`);
  assert.ok(hinted.code.length < plain.code.length - 500, `${hinted.code.length} vs ${plain.code.length} bytes`);
  // The hinted bundle's orient2d gives the exact answers (sign of twice the signed area).
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(hinted.code).toString('base64')}`)) as { o: (...n: number[]) => number };
  assert.ok(mod.o(0, 0, 1, 0, 0, 1) < 0, 'counter-clockwise');
  assert.ok(mod.o(0, 0, 0, 1, 1, 0) > 0, 'clockwise');
  assert.ok(mod.o(0, 0, 1, 1, 2, 2) === 0, 'collinear');
  assert.ok(mod.o(0.1, 0.1, 0.2, 0.2, 0.30000000000000004, 0.30000000000000004) === 0, 'collinear, exactly (on y = x)');
});

test('Leaflet with the hints: a class nothing uses is left out, the map still comes', async () => {
  const entry = "import { map, tileLayer } from 'leaflet/dist/leaflet-src.esm.js'; export { map, tileLayer };";
  const plain = await bundleOf(entry, false);
  const hinted = await bundleOf(entry, true);
  assert.match(plain.code, /playsInline/, 'without the hint VideoOverlay comes along');
  assert.doesNotMatch(hinted.code, /playsInline/, 'with the hint VideoOverlay is left out');
  assert.match(hinted.code, /leaflet-container/, 'the map is there');
});
