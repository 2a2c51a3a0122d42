// Shared plumbing for benchmarks and tests that drive headless Chromium on a bundled page:
// bundle an entry with esbuild, serve a folder on 127.0.0.1 (with optional headers, e.g. a CSP),
// and launch Debian's Chromium through puppeteer-core.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/**
 * Bundles `entry` (minified ESM, production conditions) into a fresh temp folder as `bundle.js`,
 * copies the basemap assets and the rebalance worker's source bundle beside it, and writes `html`
 * as index.html. Returns the folder and a `dispose()`. `minifyLiterals: true` minifies Lit's template
 * literals as the shipped bundles do (scripts/minify-literals.mjs).
 */
export async function bundlePage({ entry, html, worker = false, minifyLiterals = false }) {
  const dir = mkdtempSync(join(tmpdir(), 'tk-page-'));
  const common = {
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    conditions: ['browser', 'production'],
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  };
  const plugins = minifyLiterals ? [(await import('./minify-literals.mjs')).minifyLiteralsEsbuild()] : [];
  await build({ ...common, entryPoints: [entry], outfile: join(dir, 'bundle.js'), plugins });
  if (worker) {
    await build({ ...common, entryPoints: [join(ROOT, 'src/engine/rebalance/worker.ts')], outfile: join(dir, 'worker.js') });
  }
  const assets = join(ROOT, 'widgets/territory-map/assets');
  if (existsSync(assets)) cpSync(assets, join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), html);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Serves `dir` on 127.0.0.1 at a free port. `headers` are added to every response. */
export async function serveDir(dir, { headers = {} } = {}) {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const path = join(dir, rel);
    if (!path.startsWith(dir) || !existsSync(path)) {
      res.writeHead(404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Chromium flags this machine needs (no sandbox as root; no background network in a closed network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** CHROME_PATH, else the first Chromium found at the usual Debian paths. */
export function chromiumPath() {
  return process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
}

/** Launches headless Chromium (CHROME_PATH, else /usr/bin/chromium) with the flags this machine needs. */
export function launchChromium() {
  return puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * Starts the demo server (`demo/server.mjs`, production build) on 127.0.0.1 at a free port, for the
 * screenshot scripts. @returns `{ base, stop }`: the origin (`http://127.0.0.1:1234`) and a stop function
 */
export async function startDemoServer() {
  const child = spawn(process.execPath, ['demo/server.mjs'], { cwd: ROOT, env: { ...process.env, HUBSPOT_PROXY: '', PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += String(d);
      const m = /territory-kit demo \([^)]*\): (http:\/\/[^/\s]+)\//.exec(text);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`demo server exited ${code}: ${text}`)));
  });
  return { base, stop: () => child.kill('SIGTERM') };
}
