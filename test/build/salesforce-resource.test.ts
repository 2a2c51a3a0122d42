// The Salesforce static resource packer (scripts/build-salesforce.mjs), on small temp folders: what it
// packs is derived from the files in dist/ and what the bundle names; the zip holds exactly those
// entries and bytes; and the names agree with the SFDX sample (loadScript path, resource name).
// It never runs the rollup build.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import {
  ALWAYS_PACKED,
  RESOURCE_FILE,
  SALESFORCE_BUNDLE,
  resourceFiles,
  writeSalesforceResource,
  zipFiles,
} from '../../scripts/build-salesforce.mjs';

const ROOT = join(import.meta.dirname, '../..');
const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A temp folder holding the given files (path → text or bytes). */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tk-sf-resource-'));
  temps.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A dist/ like the build's: the bundle names the worker, the assets folder and a lazy chunk. */
function fakeDist(extra: Record<string, string | Uint8Array> = {}): string {
  return folder({
    [SALESFORCE_BUNDLE]:
      'var TerritoryKit=function(){const w=new URL("./worker.js",s);const a=new URL(\'./assets/\',s);' +
      'const c=()=>import(`./chunks/map-a1.js`);const x="../outside.js";const y="./";}();\n//# sourceMappingURL=territory-kit-salesforce.iife.js.map',
    [`${SALESFORCE_BUNDLE}.map`]: '{}',
    'worker.js': 'self.onmessage=()=>{};',
    'worker.js.map': '{}',
    'assets/states-10m.json': '{"type":"Topology"}',
    'assets/counties-10m.json': '{"type":"Topology","big":true}',
    'chunks/map-a1.js': 'import "./shared-b2.js";',
    'chunks/shared-b2.js': 'export const b=2;',
    'chunks/stale-c3.js': 'export const old=1;',
    'index.js': 'export * from "./validate-batch-x.js";',
    'validate-batch-x.js': 'export const v=1;',
    ...extra,
  });
}

test('packs the bundle, what it names (followed through chunks) and assets/; nothing else, no source maps', () => {
  assert.deepEqual(resourceFiles(fakeDist()), [
    SALESFORCE_BUNDLE,
    'assets/counties-10m.json',
    'assets/states-10m.json',
    'chunks/map-a1.js',
    'chunks/shared-b2.js',
    'worker.js',
  ]);
});

test('the list follows dist/: a bundle that names no worker or chunk packs only itself and assets/', () => {
  const dist = folder({ [SALESFORCE_BUNDLE]: 'var TerritoryKit={};', 'assets/states-10m.json': '{}', 'worker.js': 'x' });
  assert.deepEqual(resourceFiles(dist), [SALESFORCE_BUNDLE, 'assets/states-10m.json']);
});

test('a missing bundle is an error naming the file', () => {
  const dist = folder({ 'assets/states-10m.json': '{}', 'territory-kit.iife.js': 'var TerritoryKit={};' });
  assert.throws(() => resourceFiles(dist), (e: Error) => e.message.includes(join(dist, SALESFORCE_BUNDLE)) && e.message.includes('npm run build'));
});

test('a file the bundle loads but dist/ lacks is an error naming it and the bundle', () => {
  const dist = fakeDist();
  rmSync(join(dist, 'chunks/shared-b2.js'));
  assert.throws(
    () => resourceFiles(dist),
    (e: Error) => e.message.includes(join(dist, 'chunks/map-a1.js')) && e.message.includes(join(dist, 'chunks/shared-b2.js')),
  );
});

test('a missing or empty assets folder is an error naming it', () => {
  const dist = fakeDist();
  rmSync(join(dist, 'assets'), { recursive: true });
  assert.throws(() => resourceFiles(dist), (e: Error) => e.message.includes(join(dist, 'assets')));
  mkdirSync(join(dist, 'assets'));
  assert.throws(() => resourceFiles(dist), /assets.* is empty/);
});

test('zipFiles: exactly the given entries, relative paths with forward slashes, the same bytes', () => {
  const binary = new Uint8Array(70_000).map((_, i) => (i * 7919) % 256);
  const dir = folder({ 'a.js': 'console.log(1);\n', 'assets/deep/b.bin': binary, 'assets/c.json': '' });
  const zip = zipFiles(dir, ['a.js', 'assets/deep/b.bin', 'assets/c.json']);
  const back = unzipSync(zip);
  assert.deepEqual(Object.keys(back).sort(), ['a.js', 'assets/c.json', 'assets/deep/b.bin']);
  assert.deepEqual(back['a.js'], new Uint8Array(readFileSync(join(dir, 'a.js'))));
  assert.deepEqual(back['assets/deep/b.bin'], binary);
  assert.equal(back['assets/c.json'].length, 0);
  assert.deepEqual(zipFiles(dir, ['a.js', 'assets/deep/b.bin', 'assets/c.json']), zip, 'same input, same bytes');
});

test('writeSalesforceResource writes a zip that reads back to dist/ files, and refuses one over the size limit', () => {
  const dist = fakeDist();
  const out = join(folder({}), 'staticresources/territoryKit.resource');
  const written = writeSalesforceResource({ distDir: dist, out });
  assert.deepEqual(written.files, resourceFiles(dist));
  const back = unzipSync(new Uint8Array(readFileSync(out)));
  assert.equal(written.bytes, readFileSync(out).length);
  assert.deepEqual(Object.keys(back).sort(), [...written.files].sort());
  for (const f of written.files) assert.deepEqual(back[f], new Uint8Array(readFileSync(join(dist, f))), f);
  assert.throws(() => writeSalesforceResource({ distDir: dist, out, maxBytes: 100 }), /over the static resource limit of 100 bytes/);
});

test('names agree with the SFDX sample and the rollup config', () => {
  const lwc = readFileSync(join(ROOT, 'demo/salesforce/force-app/main/default/lwc/territoryKitPlanner/territoryKitPlanner.js'), 'utf8');
  const resourceName = /import (\w+) from '@salesforce\/resourceUrl\/(\w+)';/.exec(lwc);
  assert.ok(resourceName, 'the LWC imports a static resource URL');
  const [, variable, name] = resourceName;
  assert.equal(basename(RESOURCE_FILE), `${name}.resource`);
  const meta = readFileSync(`${RESOURCE_FILE}-meta.xml`, 'utf8');
  assert.match(meta, /<contentType>application\/zip<\/contentType>/);
  const loaded = [...lwc.matchAll(/loadScript\(this, `\$\{(\w+)\}\/([^`]+)`\)/g)];
  assert.deepEqual(loaded.map(([, v, file]) => [v, file]), [[variable, SALESFORCE_BUNDLE]]);
  const basemaps = [...lwc.matchAll(/'basemap-url', `\$\{(\w+)\}\/([^`]+)`/g)].map(([, v, path]) => [v, path]);
  assert.equal(basemaps.length, 1, 'the LWC points the map at the resource\'s basemap files');
  for (const [v, path] of basemaps) {
    assert.equal(v, variable);
    assert.ok(ALWAYS_PACKED.includes(path), `${path} is packed`);
  }
  assert.ok(readFileSync(join(ROOT, 'rollup.config.mjs'), 'utf8').includes(`'dist/${SALESFORCE_BUNDLE}'`), 'rollup writes the bundle the LWC loads');
  const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n');
  assert.ok(ignored.includes('/demo/salesforce/force-app/main/default/staticresources/territoryKit.resource'), 'the built resource is not committed');
});

test('buildSalesforceDist (the platform checks build) finds its configs in rollup.config.mjs', async () => {
  const { buildSalesforceDist } = await import('../../scripts/build-salesforce.mjs');
  assert.equal(typeof buildSalesforceDist, 'function');
  const config = readFileSync(join(ROOT, 'rollup.config.mjs'), 'utf8');
  for (const input of ['widgets/standalone-salesforce.ts', 'src/engine/rebalance/worker.ts']) {
    assert.ok(config.includes(`'${input}'`) && existsSync(join(ROOT, input)), `rollup.config.mjs builds ${input}`);
  }
  const project = JSON.parse(readFileSync(join(ROOT, 'demo/salesforce/sfdx-project.json'), 'utf8')) as { packageDirectories: { path: string }[] };
  assert.deepEqual(project.packageDirectories.map((d) => d.path), ['force-app'], 'a plain deploy of demo/salesforce leaves the territory2 project out');
});

test('the Salesforce deploy guide names only files, labels and design attributes the sample has', () => {
  // The guide moved from the README to docs/adapters/salesforce-lightning.md; the README points to it.
  assert.match(readFileSync(join(ROOT, 'README.md'), 'utf8'), /docs\/adapters\/salesforce-lightning\.md/);
  const section = readFileSync(join(ROOT, 'docs/adapters/salesforce-lightning.md'), 'utf8');
  const base = join(ROOT, 'demo/salesforce/force-app/main/default');
  // territory2 mode's classes are a second SFDX project (demo/salesforce/territory2), deployed only with ETM.
  const territory2 = join(ROOT, 'demo/salesforce/territory2/force-app/main/default');
  const paths = [...section.matchAll(/`((?:lwc|classes|staticresources|permissionsets)\/[^`]+)`/g)].map((m) => m[1]);
  assert.ok(paths.length >= 5);
  for (const p of paths) {
    if (p === 'staticresources/territoryKit.resource') continue; // the build output (gitignored)
    assert.ok(existsSync(join(base, p)) || existsSync(join(territory2, p)), `${p} exists in demo/salesforce`);
  }
  const meta = readFileSync(join(base, 'lwc/territoryKitPlanner/territoryKitPlanner.js-meta.xml'), 'utf8');
  const masterLabel = /<masterLabel>([^<]+)<\/masterLabel>/.exec(meta)![1];
  assert.ok(section.includes(`**${masterLabel}**`), `README names the component ${masterLabel}`);
  const properties = [...meta.matchAll(/<property name="(\w+)"[^>]*label="([^"]+)"/g)].map(([, name, label]) => [label, name]);
  const rows = [...section.matchAll(/^\s*\| ([^|`]+?) \| `(\w+)` \|/gm)].map(([, label, name]) => [label, name]);
  assert.deepEqual(rows, properties, 'the design-attribute table lists exactly the js-meta.xml properties, with their labels');
  const permset = readFileSync(join(base, 'permissionsets/Territory_Kit_User.permissionset-meta.xml'), 'utf8');
  assert.match(permset, /<apexClass>TerritoryKitController<\/apexClass>\s*<enabled>true<\/enabled>/);
  assert.ok(section.includes(`**${/<label>([^<]+)<\/label>/.exec(permset)![1]}**`), 'README names the permission set by its label');
  for (const name of [...section.matchAll(/--name (\w+)|--tests (\w+)|--class-names (\w+)/g)].map((m) => m[1] ?? m[2] ?? m[3])) {
    assert.ok(existsSync(join(base, `permissionsets/${name}.permissionset-meta.xml`)) || existsSync(join(base, `classes/${name}.cls`)) || existsSync(join(territory2, `classes/${name}.cls`)), `${name} exists`);
  }
});
