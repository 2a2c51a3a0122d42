// The demo's production build, used by `npm start` (demo/server.mjs): each page's script bundled with
// esbuild — minified, Lit in production mode (the `production` export condition), Lit's template
// literals minified as in the package build, code splitting so on-demand parts (the rebalance engine,
// supercluster, the basemap decoder, the territory editor) stay separate chunks — into a cache folder,
// node_modules/.cache/territory-kit-demo/<build id>/, laid out like the URLs it serves:
//   demo/demo.js, demo/record.js (+ chunks) ← demo/demo.ts, demo/record.ts (planner, record page)
//   demo/hubspot/page/main.js (+ chunks) ← demo/hubspot/page/main.ts
//   widgets/standalone.js                ← widgets/standalone.ts  (the plain page; one file, like dist/territory-kit.js)
// Each folder also gets the rebalance worker (worker.js) and the map's basemap files (assets/): the
// code finds them with `new URL('./worker.js' | './assets/…', import.meta.url)`, i.e. beside the chunk.
//
// The build is reused while it is fresh: `current.json` lists every input file esbuild read; a start
// rebuilds when one of them (or this script, package-lock.json, the basemap files) changed since.
// Several servers may start at once (the tests do): each build goes to a new folder and
// `current.json` is replaced atomically, so a running server never sees a half-written build.
//
// `node demo/build.mjs` builds (or reports the build fresh); `--force` rebuilds.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CACHE = join(ROOT, 'node_modules/.cache/territory-kit-demo');
const POINTER = join(CACHE, 'current.json');
const ASSETS = join(ROOT, 'widgets/territory-map/assets');

/** What is built: the URL folder, its entry points (name → source), and whether chunks are split. */
export const PAGES = [
  { dir: 'demo', entries: { demo: 'demo/demo.ts', record: 'demo/record.ts', 'import-demo': 'demo/import-demo.ts' }, splitting: true },
  { dir: 'demo/hubspot/page', entries: { main: 'demo/hubspot/page/main.ts' }, splitting: true },
  { dir: 'widgets', entries: { standalone: 'widgets/standalone.ts' }, splitting: false, hints: true },
];

/** Files whose change makes any build stale (besides the inputs esbuild reports). */
const ALWAYS = ['demo/build.mjs', 'package-lock.json', 'scripts/minify-literals.mjs', 'scripts/treeshake-hints.mjs', 'tsconfig.json'];

const common = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  conditions: ['browser', 'production'],
  tsconfig: join(ROOT, 'tsconfig.json'),
  loader: { '.json': 'json' },
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: ROOT,
};

const mtime = (file) => {
  try {
    return statSync(join(ROOT, file)).mtimeMs;
  } catch {
    return Infinity; // gone: stale
  }
};

/** The current build, if any: `{ id, dir, builtAt, preload, inputs }` (`preload`: entry URL → URLs of the chunks it imports statically). */
export function currentBuild() {
  if (!existsSync(POINTER)) return null;
  try {
    const info = JSON.parse(readFileSync(POINTER, 'utf8'));
    const dir = join(CACHE, info.id);
    return existsSync(dir) ? { ...info, dir } : null;
  } catch {
    return null;
  }
}

/** Why the current build cannot be reused (a sentence), or '' when it is fresh. */
export function staleReason(info = currentBuild()) {
  if (!info) return 'no build yet';
  const assets = existsSync(ASSETS) ? readdirSync(ASSETS).map((f) => relative(ROOT, join(ASSETS, f))) : [];
  for (const file of [...ALWAYS, ...assets, ...info.inputs]) {
    if (mtime(file) > info.builtAt) return `${file} changed`;
  }
  return '';
}

/** Builds every page into a new folder and makes it current. Returns the build info. */
export async function buildDemo() {
  // Loaded here, not at the top: a start with a fresh build does not pay for them.
  const [{ build }, { minifyLiteralsEsbuild }, { treeshakeHintsEsbuild }] = await Promise.all([
    import('esbuild'),
    import('../scripts/minify-literals.mjs'),
    import('../scripts/treeshake-hints.mjs'),
  ]);
  mkdirSync(CACHE, { recursive: true });
  const startedAt = Date.now();
  const id = `build-${startedAt}-${process.pid}`;
  const dir = join(CACHE, id);
  const inputs = new Set();
  const preload = {};
  const worker = await build({ ...common, entryPoints: [join(ROOT, 'src/engine/rebalance/worker.ts')], write: false, outfile: join(dir, 'worker.js') });
  for (const input of Object.keys(worker.metafile.inputs)) inputs.add(input);
  await Promise.all(
    PAGES.map(async (page) => {
      const out = join(dir, page.dir);
      const result = await build({
        ...common,
        entryPoints: Object.fromEntries(Object.entries(page.entries).map(([name, src]) => [name, join(ROOT, src)])),
        outdir: out,
        splitting: page.splitting,
        chunkNames: 'chunk-[hash]',
        plugins: [minifyLiteralsEsbuild(), ...(page.hints ? [treeshakeHintsEsbuild()] : [])],
      });
      for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
      // Each entry's statically imported chunks, by URL: the server lists them as <link rel="modulepreload">
      // so the browser fetches them with the entry instead of after parsing it.
      const outputs = result.metafile.outputs;
      const entryFiles = new Set(Object.keys(page.entries).map((name) => relative(ROOT, join(out, `${name}.js`))));
      for (const [file] of Object.entries(outputs)) {
        if (!entryFiles.has(file)) continue;
        const seen = new Set();
        const visit = (f) => {
          for (const imp of outputs[f]?.imports ?? []) {
            if (imp.kind === 'import-statement' && !imp.external && !seen.has(imp.path)) {
              seen.add(imp.path);
              visit(imp.path);
            }
          }
        };
        visit(file);
        preload[`/${relative(dir, join(ROOT, file)).split('\\').join('/')}`] = [...seen].map((f) => `/${relative(dir, join(ROOT, f)).split('\\').join('/')}`).sort();
      }
      for (const file of worker.outputFiles) writeFileSync(join(out, relative(dir, file.path)), file.contents);
      if (existsSync(ASSETS)) cpSync(ASSETS, join(out, 'assets'), { recursive: true });
    }),
  );
  const info = { id, builtAt: startedAt, ms: Date.now() - startedAt, preload, inputs: [...inputs].filter((i) => !i.startsWith('<')).sort() };
  // Atomic switch: write beside, then rename over the pointer.
  const tmp = `${POINTER}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(info, null, 1));
  renameSync(tmp, POINTER);
  removeOldBuilds(id);
  return { ...info, dir };
}

/**
 * Removes old builds: beyond the five newest, those over an hour old (a server started earlier may still
 * serve one of the recent ones; it reads its build once, at start).
 */
function removeOldBuilds(keep) {
  const builds = readdirSync(CACHE)
    .map((name) => ({ name, at: Number(/^build-(\d+)-\d+$/.exec(name)?.[1] ?? NaN) }))
    .filter((b) => b.at === b.at && b.name !== keep)
    .sort((a, b) => b.at - a.at);
  for (const b of builds.slice(4)) {
    if (Date.now() - b.at > 3_600_000) rmSync(join(CACHE, b.name), { recursive: true, force: true });
  }
}

/** The current build when fresh, else a new one. `log` receives one line saying which. */
export async function ensureDemoBuild({ force = false, log = () => {} } = {}) {
  const info = currentBuild();
  const reason = force ? 'forced' : staleReason(info);
  if (!reason) {
    log(`demo build: up to date (${relative(ROOT, info.dir)})`);
    return { ...info, reused: true };
  }
  const built = await buildDemo();
  log(`demo build: built in ${built.ms} ms (${reason})`);
  return { ...built, reused: false };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await ensureDemoBuild({ force: process.argv.includes('--force'), log: console.log });
}
