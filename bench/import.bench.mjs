// Import benchmark: a 100k-row CSV (our template; 70% with coordinates, 20% a ZIP code only, 10% city +
// state only, a few bad rows) → the plan on the map, in headless Chromium. Variants, in this order:
//   widget   the planner's <tk-file-import>: choose the file, Import (streamed: 64 KiB CSV chunks, a
//            yield between them), the page hands the result to the provider, the map shows the plan
//   one-go   baseline: importAccounts with chunkBytes/chunkRows Infinity (the whole file parsed and
//            mapped in one task), then the same hand-over
// For each: time from the click (or call) to the end of the import and to the plan on the map, and the
// longest task (PerformanceObserver 'longtask') during the import and until the plan is on the map;
// for the widget also the longest task of the mapping step (reading the headers, loading the ZIP table
// while the user looks at the mapping for PAUSE_MS).
// Run: npm run bench:import   (env: N=100000  RUNS=1  VARIANTS=widget,one-go  PLACED=0.7  CHROME_PATH=/usr/bin/chromium)
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bundlePage, launchChromium, ROOT, serveDir } from '../scripts/browser-harness.mjs';

const N = Number(process.env.N ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 1);
const VARIANTS = (process.env.VARIANTS ?? 'widget,one-go').split(',');
/** Share of rows with coordinates (the rest: 2/3 a ZIP code, 1/3 city + state only). PLACED=1: every row has coordinates. */
const WITH_COORDS = Number(process.env.PLACED ?? 0.7);
/** How long the "user" looks at the mapping before clicking Import (the ZIP table loads meanwhile). */
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 3000);

/** A seeded PRNG (mulberry32), so every run reads the same file. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCsv(n) {
  const require = createRequire(import.meta.url);
  const us = Object.values(require('zipcodes/lib/codes.js').codes).filter((c) => c.country === 'US');
  const rnd = random(42);
  const reps = 200;
  const lines = ['account_id,account_name,owner_id,owner_name,lat,lng,street,city,state,postal_code,country,industry,employees,annual_revenue,potential,workload'];
  for (let i = 0; i < n; i++) {
    const z = us[Math.floor(rnd() * us.length)];
    const rep = Math.floor(rnd() * reps);
    const kind = rnd();
    const lat = kind < WITH_COORDS ? (z.latitude + (rnd() - 0.5) * 0.05).toFixed(5) : '';
    const lng = kind < WITH_COORDS ? (z.longitude + (rnd() - 0.5) * 0.05).toFixed(5) : '';
    const zip = kind < WITH_COORDS + (1 - WITH_COORDS) * (2 / 3) ? z.zip : '';
    const potential = i % 5000 === 17 ? 'n/a' : Math.round(1000 + rnd() * 99000);
    lines.push(`acc-${i},Account ${i} Inc.,rep-${rep},Rep ${rep},${lat},${lng},${i % 900} Main St,${z.city},${z.state},${zip},US,Retail,${Math.floor(rnd() * 500)},${Math.round(rnd() * 1e7)},${potential},${(0.5 + rnd() * 2).toFixed(2)}`);
  }
  return lines.join('\r\n') + '\r\n';
}

const csv = makeCsv(N);
const page0 = await bundlePage({
  entry: join(ROOT, 'bench/import-page/entry.ts'),
  html: '<!doctype html><meta charset="utf-8"><title>import bench</title><body></body><script type="module" src="./bundle.js"></script>',
  minifyLiterals: true,
});
const file = join(page0.dir, 'accounts.csv');
writeFileSync(file, csv);
const server = await serveDir(page0.dir);
const browser = await launchChromium();
const rows = [];
try {
  for (let run = 0; run < RUNS; run++) {
    for (const variant of VARIANTS) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(server.url, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__importBench && document.querySelector('tk-territory-provider')?.state.status === 'ready', { timeout: 60_000 });
      let r;
      if (variant === 'widget') {
        const input = await page.waitForSelector('tk-file-import >>> input[type=file]');
        const picked = await page.evaluate(() => performance.now());
        await input.uploadFile(file);
        await page.waitForFunction(() => document.querySelector('tk-file-import').shadowRoot.querySelector('button[part~=import]')?.disabled === false, { timeout: 60_000, polling: 50 });
        // The user reads the mapping for a moment (the widget loads the ZIP table meanwhile).
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        const start = await page.evaluate(() => {
          const t = performance.now();
          document.querySelector('tk-file-import').shadowRoot.querySelector('button[part~=import]').click();
          return t;
        });
        await page.waitForFunction(() => window.__importBench.importedCount() >= 0, { timeout: 600_000, polling: 100 });
        const n = await page.evaluate(() => window.__importBench.importedCount());
        await page.evaluate((count) => window.__importBench.planOnMap(count), n);
        const end = await page.evaluate(() => performance.now());
        const importEnd = await page.evaluate(() => window.__importBench.importEnd());
        r = { picked, start, importEnd, end, accounts: n };
      } else {
        r = await page.evaluate(() => window.__importBench.oneGo('/accounts.csv'));
      }
      const tasks = await page.evaluate(() => window.__importBench.longTasks);
      const during = (from, to) => tasks.filter((t) => t.start + t.duration > from && t.start < to);
      const max = (list) => list.reduce((m, t) => Math.max(m, t.duration), 0);
      const inImport = during(r.start, r.importEnd);
      const toMap = during(r.start, r.end);
      rows.push({
        variant,
        run: run + 1,
        accounts: r.accounts,
        importMs: Math.round(r.importEnd - r.start),
        toMapMs: Math.round(r.end - r.start),
        longestImportTaskMs: Math.round(max(inImport)),
        longTasksInImport: inImport.length,
        longestTaskToMapMs: Math.round(max(toMap)),
        longestMappingStepTaskMs: r.picked === undefined ? '-' : Math.round(max(during(r.picked, r.start))),
      });
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  page0.dispose();
}
console.log(`import bench: ${N} rows (${(csv.length / 1e6).toFixed(1)} MB CSV), ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${new Date().toISOString()}`);
console.table(rows);
