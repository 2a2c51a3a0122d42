// The package's `exports` map and the rollup entries agree, and each element's own entry
// (`territory-kit/widgets/<name>`) brings only that element: a page defining the territory card does not
// download the map, leaflet or the panel.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
// @ts-expect-error -- a plain .mjs script without types
import { bundle } from '../../scripts/size.mjs';
// @ts-expect-error -- the rollup config, a plain .mjs module
import { ELEMENTS, entries } from '../../rollup.config.mjs';

interface Bundle { inputs: string[]; initialInputs: string[]; code: string }
type Exports = Record<string, string | { types?: string; import?: string }>;

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Exports; sideEffects: string[] };
const rollupEntries = entries as Record<string, string>;
const elements = ELEMENTS as string[];

test('every export names a rollup entry and the declaration file of that entry\'s source', () => {
  for (const [key, value] of Object.entries(pkg.exports)) {
    if (typeof value === 'string') continue; // ./package.json
    const name = value.import?.match(/^\.\/dist\/(.+)\.js$/)?.[1];
    assert.ok(name, `${key}: import ${value.import}`);
    const source = rollupEntries[name];
    assert.ok(source, `${key}: no rollup entry "${name}"`);
    assert.ok(existsSync(source), `${key}: ${source} missing`);
    assert.equal(value.types, `./dist/types/${source.replace(/\.ts$/, '.d.ts')}`, `${key}: types`);
  }
});

test('each element has its own export, and its entry defines that element', () => {
  assert.ok(elements.length >= 7);
  for (const name of elements) {
    const entry = pkg.exports[`./widgets/${name}`];
    assert.ok(typeof entry === 'object' && entry.import === `./dist/widgets-${name}.js`, `./widgets/${name} export`);
    const source = readFileSync(`widgets/${name}/${name}.ts`, 'utf8');
    assert.match(source, new RegExp(`customElements\\.define\\('tk-${name}'`), `widgets/${name}/${name}.ts defines <tk-${name}>`);
  }
});

test('an element\'s entry loads no other element, and only the map loads leaflet', async () => {
  for (const name of elements) {
    const b = (await bundle({ name, entry: `widgets/${name}/${name}.ts`, external: ['jsforce'], split: true })) as Bundle;
    const components = b.initialInputs.filter((i) => i.endsWith('.component.ts'));
    assert.deepEqual(components, [`widgets/${name}/${name}.component.ts`], `${name}: elements in the initial load`);
    const leaflet = b.initialInputs.some((i) => i.startsWith('node_modules/leaflet/'));
    assert.equal(leaflet, name === 'territory-map', `${name}: leaflet in the initial load`);
  }
});

/** A package.json `sideEffects` glob as a RegExp (`**` any path, `*` any name part). */
const globRe = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`);

test('the files that define elements are declared with side effects, so a bundler keeps `import "territory-kit/widgets/…"`', () => {
  const globs = pkg.sideEffects.map(globRe);
  const defining = ['./dist/widgets.js', './dist/territory-kit.js', './dist/territory-kit.iife.js', ...elements.map((n) => `./dist/widgets-${n}.js`), ...elements.map((n) => `./widgets/${n}/${n}.ts`)];
  for (const file of defining) assert.ok(globs.some((re) => re.test(file)), `${file} is not in sideEffects`);
  // and the engine is not: the root entry and the adapters stay tree-shakable
  for (const file of ['./dist/index.js', './dist/adapters/hubspot.js']) assert.ok(!globs.some((re) => re.test(file)), `${file} is in sideEffects`);
});

test('every entry that reaches a module-relative URL (basemap assets, the worker) is written to dist/ itself', async () => {
  let reaching = 0;
  for (const [name, source] of Object.entries(rollupEntries)) {
    const b = (await bundle({ name, entry: source, external: ['jsforce'] })) as Bundle;
    const relative = b.inputs.filter((i) => /^(src|widgets)\//.test(i) && readFileSync(i, 'utf8').includes('import.meta.url'));
    if (relative.length === 0) continue;
    reaching++;
    assert.ok(!name.includes('/'), `dist/${name}.js reaches ${relative.join(', ')}: it would look for them beside itself, not in dist/`);
  }
  assert.ok(reaching >= 3, `entries reaching a module-relative URL: ${reaching}`);
});
