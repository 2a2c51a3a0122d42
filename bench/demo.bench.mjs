// Demo benchmark: how soon a new user sees accounts. For `npm start` (production build) and, in the
// same run, the unbundled development server (`npm run dev`, what `npm start` served before): navigation
// → first accounts painted on the planner's map, median of RUNS (default 5) fresh browser contexts (empty
// cache, like a first visit), after one warm-up visit per server and page that is not counted (the dev
// server compiles each TypeScript file on its first request). Both servers run at once and the visits
// alternate between them, so both see the same machine load. Also: the record page (navigation → the rep's
// card totals rendered), scripts and bytes each page loads, and the server start (build and cached).
//
// "Painted": a requestAnimationFrame loop installed before any page script checks the map's
// `renderStats` (points + clusters drawn); the time is performance.now() (ms since navigation start)
// in the first frame after the map has drawn accounts.
// Run: npm run bench:demo   (RUNS=5 CHROME_PATH=/usr/bin/chromium)
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/browser-harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 5);

/** Starts `node demo/server.mjs [--dev]` on a free port; resolves with its URL, start time and log. */
function startServer(args, env = {}) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['demo/server.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, HUBSPOT_PROXY: '', ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += String(d);
      const m = /territory-kit demo \([^)]*\): (http:\/\/[^/\s]+)\//.exec(output);
      if (m) resolve({ url: m[1], startMs: performance.now() - t0, output: () => output, stop: () => stop(child) });
    });
    child.stderr.on('data', (d) => (output += String(d)));
    child.once('exit', (code) => reject(new Error(`demo server exited (${code}):\n${output}`)));
  });
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000);
  });
}

/** Installed before any page script: records when the first accounts are on screen. */
const PROBE = `(() => {
  const tick = () => {
    const map = document.querySelector('tk-territory-map');
    const s = map && map.renderStats;
    if (s && s.points + s.clusters > 0) { window.__tkFirstAccounts = performance.now(); return; }
    const card = document.querySelector('tk-territory-card');
    if (card && card.shadowRoot && card.shadowRoot.querySelector('[part~="totals"]')) { window.__tkFirstCard = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

async function visit(browser, url, key) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const scripts = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.url());
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.evaluateOnNewDocument(PROBE);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForFunction((k) => window[k] !== undefined, { timeout: 120_000, polling: 50 }, key);
    const ms = await page.evaluate((k) => window[k], key);
    // Bytes on the wire until then (resource timing: headers + body as sent).
    const bytes = await page.evaluate(() => performance.getEntries().reduce((n, e) => n + (e.transferSize ?? 0), 0));
    if (errors.length) throw new Error(`${url}: ${errors.join(' | ')}`);
    return { ms, scripts: scripts.length, bytes };
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const browser = await launchChromium();
const version = await browser.version();
const load = loadavg().map((x) => x.toFixed(2)).join(' ');
const rows = [];
const starts = [];
try {
  // A fresh build first (timed), so the server's start below reuses it.
  const { buildDemo } = await import('../demo/build.mjs');
  const tb = performance.now();
  await buildDemo();
  starts.push({ what: 'production build (demo/build.mjs, every page)', ms: performance.now() - tb });
  const modes = [
    { mode: 'npm start (production build)', args: [] },
    { mode: 'npm run dev (unbundled, TypeScript on the fly; the old npm start)', args: ['--dev'] },
  ];
  const pages = [
    { page: 'planner: first accounts painted on the map', path: '/demo/', key: '__tkFirstAccounts' },
    { page: "record page: the rep's card rendered", path: '/demo/record.html', key: '__tkFirstCard' },
  ];
  for (const m of modes) {
    m.server = await startServer(m.args);
    starts.push({ what: `${m.mode}: server start${m.args.length ? '' : ', build cached'}`, ms: m.server.startMs });
  }
  try {
    const runs = new Map();
    for (const m of modes) for (const p of pages) await visit(browser, m.server.url + p.path, p.key); // warm-up, not counted
    // Interleaved (production, development, production, …) so both see the same machine load.
    for (let i = 0; i < RUNS; i++) {
      for (const p of pages) {
        for (const m of modes) {
          const k = `${m.mode}\u0000${p.page}`;
          if (!runs.has(k)) runs.set(k, []);
          runs.get(k).push(await visit(browser, m.server.url + p.path, p.key));
        }
      }
    }
    for (const m of modes) {
      for (const p of pages) {
        const r = runs.get(`${m.mode}\u0000${p.page}`);
        rows.push({ mode: m.mode, page: p.page, median: median(r.map((x) => x.ms)), all: r.map((x) => x.ms), scripts: r[0].scripts, bytes: r[0].bytes });
      }
    }
  } finally {
    for (const m of modes) await m.server?.stop();
  }
} finally {
  await browser.close();
}

const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
console.log(`demo bench — ${new Date().toISOString()}, ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, ${version}, load average before: ${load}, after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`\n| server | page: navigation → | median of ${RUNS} | runs (ms) | scripts | bytes (as sent) |\n|---|---|---:|---|---:|---:|`);
for (const r of rows) console.log(`| ${r.mode} | ${r.page} | ${r.median.toFixed(0)} ms | ${r.all.map((x) => x.toFixed(0)).join(', ')} | ${r.scripts} | ${kb(r.bytes)} |`);
console.log('\n| start | time |\n|---|---:|');
for (const s of starts) console.log(`| ${s.what} | ${s.ms.toFixed(0)} ms |`);
