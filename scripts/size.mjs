// `npm run size`: gzip sizes of what users load, checked against the budgets (exit 1 when over).
// Bundles are made with esbuild (minified ESM, everything inlined unless said otherwise) so the
// figures do not depend on a prior `npm run build`; dist/ files are reported too when present.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Budgets in bytes (gzip). */
export const BUDGETS = {
  'engine + widgets (no leaflet)': 35 * 1024,
  'standalone (with leaflet)': 90 * 1024,
};

const TARGETS = [
  { name: 'core (root entry)', entry: 'src/index.ts', external: [] },
  { name: 'engine + widgets (no leaflet)', entry: 'widgets/standalone.ts', external: ['leaflet', 'jsforce'] },
  { name: 'standalone (with leaflet)', entry: 'widgets/standalone.ts', external: ['jsforce'] },
  { name: 'salesforce entry (no jsforce)', entry: 'src/adapters/salesforce/index.ts', external: ['jsforce'] },
  { name: 'hubspot entry', entry: 'src/adapters/hubspot/index.ts', external: [] },
];

/** Things that must never be in a browser bundle (CSP: script-src 'self'). */
const FORBIDDEN = [
  { what: 'eval(', re: /\beval\(/ },
  { what: 'new Function(', re: /new Function\(/ },
  { what: 'blob: worker', re: /URL\.createObjectURL\([^)]*\)[^;]{0,80}Worker|new Worker\(\s*URL\.createObjectURL/ },
];

export async function measure() {
  const rows = [];
  for (const t of TARGETS) {
    if (!existsSync(`${root}/${t.entry}`)) continue;
    const out = await build({
      entryPoints: [`${root}/${t.entry}`],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      external: t.external.flatMap((e) => [e, `${e}/*`]),
      conditions: ['browser', 'production'],
      tsconfig: `${root}/tsconfig.json`,
      loader: { '.json': 'json' },
      logLevel: 'silent',
      metafile: true,
    });
    const code = out.outputFiles.map((f) => f.text).join('\n');
    const inputs = Object.keys(out.metafile.inputs);
    rows.push({
      name: t.name,
      raw: Buffer.byteLength(code),
      gzip: gzipSync(code, { level: 9 }).length,
      budget: BUDGETS[t.name],
      hasJsforce: inputs.some((i) => i.includes('node_modules/jsforce/')),
      hasLeaflet: inputs.some((i) => i.includes('node_modules/leaflet/')),
      forbidden: FORBIDDEN.filter((f) => f.re.test(code)).map((f) => f.what),
    });
  }
  for (const file of ['dist/territory-kit.js', 'dist/territory-kit.iife.js', 'dist/index.js', 'dist/widgets.js']) {
    if (!existsSync(`${root}/${file}`)) continue;
    const code = readFileSync(`${root}/${file}`);
    rows.push({
      name: `${file} (rollup)`,
      raw: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      budget: file.startsWith('dist/territory-kit') ? BUDGETS['standalone (with leaflet)'] : undefined,
      hasJsforce: /jsforce/.test(code.toString()) && /new\s+Connection|sobject\(/.test(code.toString()),
      forbidden: FORBIDDEN.filter((f) => f.re.test(code.toString())).map((f) => f.what),
    });
  }
  return rows;
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await measure();
  let failed = false;
  console.log(`${'bundle'.padEnd(40)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'budget'.padStart(10)}  notes`);
  for (const r of rows) {
    const over = r.budget !== undefined && r.gzip > r.budget;
    const notes = [
      over ? 'OVER BUDGET' : '',
      r.hasJsforce ? 'CONTAINS JSFORCE' : '',
      r.forbidden.length ? `forbidden: ${r.forbidden.join(', ')}` : '',
    ].filter(Boolean);
    if (notes.length) failed = true;
    console.log(
      `${r.name.padEnd(40)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} ${(r.budget ? kb(r.budget) : '-').padStart(10)}  ${notes.join('; ')}`,
    );
  }
  process.exit(failed ? 1 : 0);
}
