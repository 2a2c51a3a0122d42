// Map benchmark: first draw and redraw after pan/zoom of 50k accounts in headless Chromium, for
// <tk-territory-map> and, in the same run, plain Leaflet canvas circleMarkers.
// Run: npm run bench:map   (options: N=50000 RUNS=3 CHROME_PATH=/usr/bin/chromium;
// COMPACT=1 measures the element in compact mode: map only, no toolbar or list)
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, cpSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, extname } from 'node:path';
import puppeteer from 'puppeteer-core';

const N = Number(process.env.N ?? 50_000);
const RUNS = Number(process.env.RUNS ?? 3);
const root = new URL('..', import.meta.url);
const out = mkdtempSync(join(tmpdir(), 'tk-map-bench-'));

await build({
  entryPoints: [new URL('./map-page/entry.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  conditions: ['browser', 'production'],
  outfile: join(out, 'bench.js'),
  tsconfig: new URL('tsconfig.json', root).pathname,
  logLevel: 'warning',
});
// The basemap files sit beside the bundle, as in the published package (new URL('./assets/…', import.meta.url)).
cpSync(new URL('widgets/territory-map/assets', root).pathname, join(out, 'assets'), { recursive: true });
writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><title>map bench</title><body style="margin:0"></body><script type="module" src="./bench.js"></script>');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
const server = createServer((req, res) => {
  const path = join(out, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html');
  if (!path.startsWith(out) || !existsSync(path)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/index.html?n=${N}${process.env.COMPACT ? "&compact" : ""}`;

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const version = await browser.version();

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};
const median = (xs) => q(xs, 0.5);

const results = {};
try {
  for (let run = 0; run < RUNS; run++) {
    for (const variant of ['plain', 'ours', 'ours-no-cluster']) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      if (process.env.VERBOSE) page.on('console', (m) => console.log(variant, m.text()));
      page.on('pageerror', (e) => console.error(`[${variant}] ${e.message}`));
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => typeof window.benchMap === 'function');
      const r = await page.evaluate((v) => window.benchMap(v), variant);
      (results[variant] ??= { first: [], redraws: [], detail: r.detail }).first.push(r.firstDraw);
      results[variant].redraws.push(...r.redraws);
      if (process.env.VERBOSE) console.log(variant, r.redraws.map((x) => x.toFixed(0)).join(' '));
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}

const rows = Object.entries(results).map(([variant, r]) => ({
  variant,
  firstDraw: median(r.first),
  p50: q(r.redraws, 0.5),
  p90: q(r.redraws, 0.9),
  max: Math.max(...r.redraws),
  detail: r.detail,
}));
const plain = rows.find((r) => r.variant === 'plain');
const cpu = cpus()[0]?.model ?? 'unknown';
console.log(`map bench: ${N} accounts, ${RUNS} runs, ${new Date().toISOString()}`);
console.log(`machine: nproc ${cpus().length}, ${cpu}, ${version}, load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('variant            first draw (median)   redraw p50   redraw p90   redraw max   vs plain (first / p90)');
for (const r of rows) {
  console.log(
    `${r.variant.padEnd(18)} ${r.firstDraw.toFixed(0).padStart(8)} ms ${r.p50.toFixed(0).padStart(15)} ms ${r.p90.toFixed(0).padStart(9)} ms ${r.max.toFixed(0).padStart(9)} ms   ${(plain.firstDraw / r.firstDraw).toFixed(1)}× / ${(plain.p90 / r.p90).toFixed(1)}×   (${r.detail})`,
  );
}
const ours = rows.find((r) => r.variant === 'ours');
const ok = ours.firstDraw <= 300 && ours.p90 <= 100 && plain.firstDraw / ours.firstDraw >= 2 && plain.p90 / ours.p90 >= 2;
console.log(`targets (first ≤ 300 ms, p90 ≤ 100 ms, ≥ 2× plain): ${ok ? 'met' : 'NOT met'}`);
