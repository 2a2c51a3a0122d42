// `npm run size`: gzip sizes of what users load, checked against the budgets (exit 1 when over, when
// jsforce is inside a browser bundle, or when a bundle contains eval / new Function / a blob worker).
// Bundles are made with esbuild (minified ESM) so the figures do not depend on a prior `npm run build`;
// dist/ files are reported too when present.
//
// Two ways of counting, both reported:
// - "initial": what a page downloads when it imports the entry — the entry file plus every chunk it
//   reaches through static imports (esbuild code splitting, like the rollup ESM build). Chunks behind
//   a dynamic `import()` (the rebalance engine, supercluster) load later, on demand, and are listed as
//   "lazy". Gzip is counted per file (each is a separate download), then summed.
// - "inlined": everything in one file (dynamic imports inlined), as in the standalone bundle.
// Lit's css`…` / html`…` / svg`…` literals are minified as in the rollup build (scripts/minify-literals.mjs);
// `--raw-literals` (or TK_RAW_LITERALS=1) leaves them as written (the figures before that step).
// The standalone rows get the tree-shaking hints of the standalone rollup build (scripts/treeshake-hints.mjs);
// the package entries do not, as a consumer's bundler would not have them.
// "No leaflet" leaves out leaflet's JavaScript and its stylesheet (widgets/territory-map/leaflet.styles.ts
// is generated from leaflet 1.9.4's dist/leaflet.css and shipped in the map's shadow root), and
// widgets/territory-map/leaflet-parts.ts, the list of leaflet/src modules the map imports: left in, it
// would count one `import … from "leaflet/src/…"` line per module, which a bundler replaces by the
// modules themselves (the whole-library build needed one line).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyLiteralsEsbuild } from './minify-literals.mjs';
import { treeshakeHintsEsbuild } from './treeshake-hints.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Budgets in bytes (gzip), from issue #5. */
export const BUDGETS = {
  'engine + widgets (no leaflet)': 35 * 1024,
  'standalone (with leaflet)': 90 * 1024,
};

/**
 * Ceilings in bytes (gzip): today's sizes plus 1 kB, checked in `npm test` (test/build/size.test.ts).
 * The budgets above are not met (see BENCHMARKS.md "Bundle size", `node scripts/size-floor.mjs`); until
 * they are decided, these stop the bundles from growing unnoticed. Raise one only on purpose, in the
 * commit that adds the bytes, and say why there.
 */
export const CEILINGS = {
  // #14 map (+4.9–5.1 kB: cluster shares, focus, legend search, smooth heat, rebalance preview, dark basemap) and
  // #13 (+2 kB standalone: tab lock, field-level rejections, total checks, null-prototype records).
  'engine + widgets (no leaflet)': 64.25 * 1024,
  // #17 (+7.8 kB standalone, measured 157,186 B): distributeAccounts, splitQuota, plan quotas, and the
  // quota planner and distribute preview, which the standalone file carries inside (the widgets entry
  // loads both elements on demand: its initial load is unchanged).
  'standalone (with leaflet)': 154.5 * 1024,
};

/** Our modules that are Leaflet: its stylesheet and the list of its modules the map imports. */
const LEAFLET_FILES = /widgets\/territory-map\/(leaflet\.styles|leaflet-parts)\.(ts|js)$/;

/**
 * What is measured. `split`: code splitting on (initial vs lazy); `noLeaflet`: leaflet's JS and CSS left out;
 * `hints`: the standalone build's tree-shaking hints (scripts/treeshake-hints.mjs).
 * `budget` names the BUDGETS entry the row is checked against.
 */
export const TARGETS = [
  { name: 'core (root entry)', entry: 'src/index.ts', external: [] },
  { name: 'engine + widgets (no leaflet)', entry: 'widgets/index.ts', external: ['jsforce'], noLeaflet: true, split: true, budget: 'engine + widgets (no leaflet)' },
  { name: 'engine + widgets (no leaflet), inlined', entry: 'widgets/index.ts', external: ['jsforce'], noLeaflet: true },
  { name: 'standalone (no leaflet)', entry: 'widgets/standalone.ts', external: ['jsforce'], noLeaflet: true, hints: true },
  { name: 'standalone (with leaflet)', entry: 'widgets/standalone.ts', external: ['jsforce'], budget: 'standalone (with leaflet)', hints: true },
  { name: 'salesforce entry (no jsforce)', entry: 'src/adapters/salesforce/index.ts', external: ['jsforce'] },
  { name: 'hubspot entry', entry: 'src/adapters/hubspot/index.ts', external: [] },
];

/** Things that must never be in a browser bundle (CSP: script-src 'self'). */
const FORBIDDEN = [
  { what: 'eval(', re: /\beval\(/ },
  { what: 'new Function(', re: /new Function\(/ },
  { what: 'blob: worker', re: /URL\.createObjectURL\([^)]*\)[^;]{0,80}Worker|new Worker\(\s*URL\.createObjectURL/ },
];

/** `--raw-literals`: do not minify the Lit template literals (a baseline for BENCHMARKS.md). */
const RAW_LITERALS = process.argv.includes('--raw-literals') || process.env.TK_RAW_LITERALS === '1';

const gz = (text) => gzipSync(text, { level: 9 }).length;

/** An esbuild plugin leaving leaflet's stylesheet and module-list modules out of the bundle (they count as leaflet). */
const leaveOutLeafletFiles = {
  name: 'leave-out-leaflet-files',
  setup(b) {
    b.onResolve({ filter: /leaflet(\.styles|-parts)\.js$/ }, (args) => {
      const path = new URL(args.path, `file://${args.resolveDir}/`).pathname.replace(/\.js$/, '.ts');
      return LEAFLET_FILES.test(path) ? { path: args.path, external: true } : undefined;
    });
  },
};

/**
 * Bundles one target (`t.rawLiterals: true` skips the template-literal minification, default: `--raw-literals`).
 * @returns `{ initial: {raw, gzip, files}, lazy: {raw, gzip, files}, code, inputs, initialInputs, initialBytes }`;
 *   `lazy` is empty unless `split`; `initialInputs` are the source modules with bytes in the initial load,
 *   `initialBytes` maps each to its minified bytes there
 */
export async function bundle(t) {
  const external = [...t.external, ...(t.noLeaflet ? ['leaflet'] : [])].flatMap((e) => [e, `${e}/*`]);
  const out = await build({
    // `t.contents`: a module written inline (resolved from the repository root), named `t.entry`.
    ...(t.contents === undefined
      ? { entryPoints: [`${root}/${t.entry}`] }
      : { stdin: { contents: t.contents, resolveDir: root, sourcefile: t.entry, loader: 'ts' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    splitting: Boolean(t.split),
    outdir: `${root}/.size-out`,
    external,
    plugins: [...((t.rawLiterals ?? RAW_LITERALS) ? [] : [minifyLiteralsEsbuild()]), ...(t.noLeaflet ? [leaveOutLeafletFiles] : []), ...(t.hints ? [treeshakeHintsEsbuild()] : [])],
    conditions: ['browser', 'production'],
    tsconfig: `${root}/tsconfig.json`,
    loader: { '.json': 'json' },
    logLevel: 'silent',
    metafile: true,
    absWorkingDir: root,
  });
  const files = new Map(out.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [relative(root, f.path), f.text]));
  const outputs = out.metafile.outputs;
  const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint && k.endsWith('.js'));
  // Follow static imports from the entry: those chunks load with it; the rest are lazy.
  const initial = new Set();
  const visit = (k) => {
    if (initial.has(k)) return;
    initial.add(k);
    for (const imp of outputs[k].imports) if (imp.kind === 'import-statement' && !imp.external && outputs[imp.path]) visit(imp.path);
  };
  visit(entryOut);
  const sum = (keys) => ({
    raw: keys.reduce((n, k) => n + Buffer.byteLength(files.get(k) ?? ''), 0),
    gzip: keys.reduce((n, k) => n + gz(files.get(k) ?? ''), 0),
    files: keys.length,
  });
  const jsKeys = Object.keys(outputs).filter((k) => k.endsWith('.js'));
  const inputs = Object.keys(out.metafile.inputs);
  // The source modules with bytes in the initial load (what a page pays for before any on-demand chunk).
  const initialBytes = new Map();
  for (const k of initial) {
    for (const [i, v] of Object.entries(outputs[k].inputs)) if (v.bytesInOutput > 0) initialBytes.set(i, (initialBytes.get(i) ?? 0) + v.bytesInOutput);
  }
  const initialInputs = [...initialBytes.keys()];
  return {
    initial: sum([...initial]),
    lazy: sum(jsKeys.filter((k) => !initial.has(k))),
    code: [...files.values()].join('\n'),
    inputs,
    initialInputs,
    initialBytes,
  };
}

export async function measure() {
  const rows = [];
  for (const t of TARGETS) {
    if (!existsSync(`${root}/${t.entry}`)) continue;
    const b = await bundle(t);
    rows.push({
      name: t.name,
      raw: b.initial.raw,
      gzip: b.initial.gzip,
      lazy: t.split ? b.lazy : undefined,
      budget: t.budget ? BUDGETS[t.budget] : undefined,
      hasJsforce: b.inputs.some((i) => i.includes('node_modules/jsforce/')),
      hasLeaflet: b.inputs.some((i) => i.includes('node_modules/leaflet/')),
      forbidden: FORBIDDEN.filter((f) => f.re.test(b.code)).map((f) => f.what),
    });
  }
  for (const file of ['dist/territory-kit.js', 'dist/territory-kit.iife.js', 'dist/territory-kit-salesforce.iife.js', 'dist/index.js', 'dist/widgets.js']) {
    if (!existsSync(`${root}/${file}`)) continue;
    const code = readFileSync(`${root}/${file}`);
    // The source map lists every module rolled into the file: jsforce's would be under node_modules/jsforce/.
    const map = existsSync(`${root}/${file}.map`) ? JSON.parse(readFileSync(`${root}/${file}.map`, 'utf8')) : null;
    rows.push({
      name: `${file} (rollup)`,
      raw: code.length,
      gzip: gz(code),
      budget: file === 'dist/territory-kit.js' ? BUDGETS['standalone (with leaflet)'] : undefined,
      hasJsforce: map ? map.sources.some((src) => src.includes('node_modules/jsforce/')) : /jsforce/.test(code.toString()) && /new\s+Connection/.test(code.toString()),
      forbidden: FORBIDDEN.filter((f) => f.re.test(code.toString())).map((f) => f.what),
    });
  }
  return rows;
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await measure();
  let failed = false;
  console.log(`${'bundle'.padEnd(46)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'budget'.padStart(10)}  notes`);
  for (const r of rows) {
    const over = r.budget !== undefined && r.gzip > r.budget;
    const notes = [
      r.lazy ? `initial load; + ${r.lazy.files} lazy chunks ${kb(r.lazy.gzip)} gz (${kb(r.lazy.raw)} raw) = ${kb(r.gzip + r.lazy.gzip)} gz in all` : '',
      over ? 'OVER BUDGET' : '',
      r.hasJsforce ? 'CONTAINS JSFORCE' : '',
      r.forbidden.length ? `forbidden: ${r.forbidden.join(', ')}` : '',
    ].filter(Boolean);
    if (over || r.hasJsforce || r.forbidden.length) failed = true;
    console.log(
      `${r.name.padEnd(46)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} ${(r.budget ? kb(r.budget) : '-').padStart(10)}  ${notes.join('; ')}`,
    );
  }
  process.exit(failed ? 1 : 0);
}
