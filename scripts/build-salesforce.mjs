// Writes the Salesforce static resource: a zip of the Salesforce bundle
// (dist/territory-kit-salesforce.iife.js, loaded by the LWC with `loadScript`) and every file it may
// load at run time, relative paths preserved, as
// demo/salesforce/force-app/main/default/staticresources/territoryKit.resource.
// `npm run build:salesforce` builds first, then runs this; `node scripts/build-salesforce.mjs` packs
// the dist/ you already have. `buildSalesforceDist(dir)` builds only what the resource needs (the
// Salesforce bundle, the worker, the basemap assets) into another folder, with rollup.config.mjs's
// own settings: the platform checks (platform-checks/) use it to test the real bundle.
//
// What goes in is derived from dist/, never from a fixed list of names:
//   - the bundle itself (missing → an error naming the file: run `npm run build`);
//   - every file the bundle (and, in turn, every packed .js file) names with a module-relative string
//     literal: "./worker.js" → dist/worker.js, "./chunks/x.js" → dist/chunks/x.js, and a folder literal
//     such as "./assets/" → everything under dist/assets/. A named file that is missing is an error;
//   - dist/assets/, always: the LWC points the map's `basemap-url` at `<resource>/assets/`.
// Source maps are left out (not loaded at run time; they would double the size). Files in dist/ that
// the bundle never names (the ESM package's entries and chunks, stale build outputs) are left out.
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The bundle the LWC loads: `loadScript(this, `${TERRITORY_KIT}/territory-kit-salesforce.iife.js`)`. */
export const SALESFORCE_BUNDLE = 'territory-kit-salesforce.iife.js';
/** Folders packed whether or not the bundle names them (the LWC sets `basemap-url` to `<resource>/assets/`). */
export const ALWAYS_PACKED = ['assets/'];
/** The static resource file; its name must match `territoryKit.resource-meta.xml` beside it. */
export const RESOURCE_FILE = join(ROOT, 'demo/salesforce/force-app/main/default/staticresources/territoryKit.resource');
/** Salesforce's size limit for one static resource (5 MB). */
export const MAX_RESOURCE_BYTES = 5 * 1024 * 1024;
/** Fixed modification time of every entry, so the same dist/ gives the same bytes. */
const MTIME = new Date('2000-01-01T00:00:00Z');

const RELATIVE_LITERAL = /(["'`])\.\/([A-Za-z0-9_@~+\-./]*)\1/g;

/** Every file under a folder, as paths relative to `root` with forward slashes, sorted. */
function filesUnder(root, folder) {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath ?? d.path, d.name)).split(sep).join('/'))
    .sort();
}

/**
 * The files of `distDir` that make up the static resource: the bundle, what it names with
 * module-relative literals (followed through every packed .js file), and the ALWAYS_PACKED folders.
 * Source maps are skipped.
 * @param {string} distDir the build output folder (normally dist/)
 * @param {{ bundle?: string, always?: string[] }} [options] bundle: file name inside distDir, default
 *   SALESFORCE_BUNDLE; always: folders (ending in `/`) packed in any case, default ALWAYS_PACKED
 * @returns {string[]} paths relative to distDir with forward slashes; the bundle first, then sorted
 * @throws when the bundle, a file it names or an always-packed folder is missing (the message names it)
 * @example
 * resourceFiles('dist'); // ['territory-kit-salesforce.iife.js', 'assets/counties-10m.json', 'assets/states-10m.json', 'worker.js']
 */
export function resourceFiles(distDir, options = {}) {
  const { bundle = SALESFORCE_BUNDLE, always = ALWAYS_PACKED } = options;
  const shown = relative(process.cwd(), distDir);
  const show = (p) => join(shown === '' || shown.startsWith('..') ? distDir : shown, p);
  if (!existsSync(join(distDir, bundle)) || !statSync(join(distDir, bundle)).isFile()) {
    throw new Error(`build-salesforce: the bundle ${show(bundle)} is missing; run \`npm run build\` first (or \`npm run build:salesforce\`)`);
  }
  const packed = new Set([bundle]);
  const queue = [bundle];
  const addFolder = (folder, why) => {
    const dir = join(distDir, folder);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`build-salesforce: the folder ${show(folder)} is missing (${why}); run \`npm run build\``);
    const inside = filesUnder(distDir, folder).filter((f) => !f.endsWith('.map'));
    if (inside.length === 0) throw new Error(`build-salesforce: the folder ${show(folder)} is empty (${why}); run \`npm run build\``);
    for (const f of inside) {
      packed.add(f);
      if (f.endsWith('.js')) queue.push(f);
    }
  };
  for (const folder of always) addFolder(folder, 'the LWC loads files from it');
  const scanned = new Set();
  while (queue.length > 0) {
    const file = queue.shift();
    if (scanned.has(file)) continue;
    scanned.add(file);
    const text = readFileSync(join(distDir, file), 'utf8');
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const [, , ref] of text.matchAll(RELATIVE_LITERAL)) {
      if (ref === '' || ref.split('/').includes('..')) continue;
      const target = base + ref;
      if (target.endsWith('/')) {
        addFolder(target, `${file} loads files from "./${ref}"`);
        continue;
      }
      if (!existsSync(join(distDir, target)) || !statSync(join(distDir, target)).isFile()) {
        throw new Error(`build-salesforce: ${show(file)} loads "./${ref}" but ${show(target)} is missing; run \`npm run build\``);
      }
      packed.add(target);
      if (target.endsWith('.js')) queue.push(target);
    }
  }
  const rest = [...packed].filter((f) => f !== bundle).sort();
  return [bundle, ...rest];
}

/**
 * Zips files of a folder, paths kept relative to it, with a fixed timestamp (same input, same bytes).
 * @param {string} rootDir the folder the paths are relative to
 * @param {string[]} files paths relative to rootDir, forward slashes
 * @returns {Uint8Array} the zip
 * @example
 * writeFileSync('out.zip', zipFiles('dist', resourceFiles('dist')));
 */
export function zipFiles(rootDir, files) {
  const entries = {};
  for (const f of files) entries[f] = [new Uint8Array(readFileSync(join(rootDir, f))), { mtime: MTIME }];
  return zipSync(entries, { level: 9 });
}

/**
 * Packs dist/ into the static resource file.
 * @param {{ distDir?: string, out?: string, maxBytes?: number }} [options] distDir default `<repo>/dist`;
 *   out default RESOURCE_FILE; maxBytes default MAX_RESOURCE_BYTES (a bigger zip is an error)
 * @returns {{ out: string, files: string[], bytes: number }} what was written
 */
export function writeSalesforceResource(options = {}) {
  const { distDir = join(ROOT, 'dist'), out = RESOURCE_FILE, maxBytes = MAX_RESOURCE_BYTES } = options;
  const files = resourceFiles(distDir);
  const zip = zipFiles(distDir, files);
  if (zip.length > maxBytes) throw new Error(`build-salesforce: the zip is ${zip.length} bytes, over the static resource limit of ${maxBytes} bytes`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  return { out, files, bytes: zip.length };
}

/**
 * Builds the Salesforce bundle, the rebalance worker and the basemap assets into `distDir` with the
 * configs of rollup.config.mjs (same plugins, minification and names as `npm run build`), without
 * the rest of the package build.
 * @param {string} distDir output folder (created)
 * @returns {Promise<string[]>} the files written, relative to distDir
 * @example
 * await buildSalesforceDist('/tmp/sf-dist'); writeSalesforceResource({ distDir: '/tmp/sf-dist', out: '/tmp/territoryKit.resource' });
 */
export async function buildSalesforceDist(distDir) {
  const { rollup } = await import('rollup');
  const cwd = process.cwd();
  process.chdir(ROOT); // the config's paths are relative to the repository
  try {
    const configs = (await import(pathToFileURL(join(ROOT, 'rollup.config.mjs')).href)).default;
    const wanted = { 'widgets/standalone-salesforce.ts': SALESFORCE_BUNDLE, 'src/engine/rebalance/worker.ts': 'worker.js' };
    for (const [input, file] of Object.entries(wanted)) {
      const config = configs.find((c) => c.input === input);
      if (!config) throw new Error(`build-salesforce: rollup.config.mjs has no build of ${input}`);
      const bundle = await rollup({ ...config, onwarn: () => {} });
      const output = Array.isArray(config.output) ? config.output[0] : config.output;
      await bundle.write({ ...output, file: join(distDir, file), sourcemap: false });
      await bundle.close();
    }
  } finally {
    process.chdir(cwd);
  }
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  cpSync(join(ROOT, 'widgets/territory-map/assets'), join(distDir, 'assets'), { recursive: true });
  return filesUnder(distDir, '.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { out, files, bytes } = writeSalesforceResource();
    console.log(`wrote ${relative(process.cwd(), out)} (${(bytes / 1024).toFixed(1)} kB zip, limit 5 MB):`);
    for (const f of files) console.log(`  ${f}  ${(statSync(join(ROOT, 'dist', f)).size / 1024).toFixed(1)} kB`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
