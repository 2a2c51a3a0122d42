// The standalone bundle as rollup builds it (rollup.config.mjs: tree-shaking hints, minified Lit
// literals, terser) — the file a Salesforce static resource or a plain page loads — works in a
// browser under the strict CSP: every element registers, the root API is exported, the plan loads,
// the map draws, a rebalance runs in the Worker built beside it, and nothing errors. The other
// browser tests load the source; only this one catches a build step that drops or breaks code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup, type OutputOptions, type RollupOptions } from 'rollup';
import type { Browser, Page } from 'puppeteer-core';
// @ts-expect-error — plain ESM helper without types
import { ROOT, launchChromium, serveDir } from '../../scripts/browser-harness.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const ELEMENTS = ['tk-territory-provider', 'tk-territory-map', 'tk-workload-gauge', 'tk-rep-assignment-panel', 'tk-territory-editor', 'tk-performance-board', 'tk-territory-card', 'tk-scenario-compare'];
const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>standalone bundle</title>
<link rel="icon" href="data:,"><script type="module" src="./page.js"></script></head><body><main>
<tk-territory-provider viewer-role="manager">
  <tk-territory-map></tk-territory-map>
  <tk-workload-gauge></tk-workload-gauge>
  <tk-rep-assignment-panel></tk-rep-assignment-panel>
</tk-territory-provider></main></body></html>`;
// The README's plain-page lines, from the built file.
const PAGE = `import * as TK from './territory-kit.js';
window.TK = TK;
document.querySelector('tk-territory-map').style.height = '400px'; // CSSOM: allowed under style-src 'self'
document.querySelector('tk-territory-provider').adapter = TK.createMemoryAdapter(TK.generateDemoData({ seed: 1, accounts: 600, reps: 8 }));`;

// The IIFE file from a classic <script> tag, in German: its catalogue loads from ./locales/ beside it.
const IIFE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>standalone iife</title>
<link rel="icon" href="data:,"><script src="./territory-kit.iife.js"></script><script src="./iife-page.js" defer></script></head><body>
<tk-territory-provider viewer-role="manager" language="de"><tk-workload-gauge></tk-workload-gauge></tk-territory-provider></body></html>`;
const IIFE_PAGE = `document.querySelector('tk-territory-provider').adapter = TerritoryKit.createMemoryAdapter(TerritoryKit.generateDemoData({ seed: 1, accounts: 200, reps: 4 }));`;
const gaugeLabel = () => {
  const gauge = document.querySelector('tk-workload-gauge') as unknown as { renderRoot?: ShadowRoot } | null;
  return gauge?.renderRoot?.querySelector('[part~=stats] dt')?.textContent ?? null;
};
const gaugeInGerman = () => {
  const gauge = document.querySelector('tk-workload-gauge') as unknown as { renderRoot?: ShadowRoot } | null;
  return gauge?.renderRoot?.querySelector('[part~=stats] dt')?.textContent === 'Max. Abweichung';
};
const requested: string[] = [];

let dir: string;
let baseUrl: string;
let browser: Browser;
let page: Page;
let stop: () => Promise<void>;
const errors: string[] = [];
const violations: string[] = [];

/**
 * Builds one config of rollup.config.mjs once and writes its outputs into `dir` under the given file
 * names, in order (as `npm run build` does: one bundle, every output; building per output doubled the
 * slowest part of this file, rollup's transform and tree-shaking).
 */
async function build(config: RollupOptions, ...files: string[]): Promise<void> {
  const bundle = await rollup({ ...config, onwarn: () => {} });
  const outputs = (Array.isArray(config.output) ? config.output : [config.output]) as OutputOptions[];
  for (const [which, file] of files.entries()) {
    const output = outputs[which];
    await bundle.write({ ...output, ...(output.dir ? { dir: join(dir, file) } : { file: join(dir, file) }), sourcemap: false });
  }
  await bundle.close();
}

before(async () => {
  // @ts-expect-error — the rollup config is plain ESM without types
  const configs = (await import('../../rollup.config.mjs')).default as RollupOptions[];
  const standalone = configs.find((c) => c.input === 'widgets/standalone.ts');
  const worker = configs.find((c) => c.input === 'src/engine/rebalance/worker.ts');
  const catalogues = configs.find((c) => c.input === 'widgets/locales/de.ts');
  assert.ok(standalone && worker && catalogues, 'rollup.config.mjs has the standalone, worker and catalogue builds');
  dir = mkdtempSync(join(tmpdir(), 'tk-standalone-'));
  const cwd = process.cwd();
  process.chdir(ROOT); // the config's paths are relative to the repository
  try {
    await build(standalone, 'territory-kit.js', 'territory-kit.iife.js');
    await build(worker, 'worker.js');
    await build(catalogues, 'locales/de.js');
  } finally {
    process.chdir(cwd);
  }
  cpSync(join(ROOT, 'widgets/territory-map/assets'), join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), HTML);
  writeFileSync(join(dir, 'page.js'), PAGE);
  writeFileSync(join(dir, 'iife.html'), IIFE_HTML);
  writeFileSync(join(dir, 'iife-page.js'), IIFE_PAGE);
  const server = await serveDir(dir, { headers: { 'content-security-policy': CSP } });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  await page.exposeFunction('tkViolation', (v: string) => violations.push(v));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { tkViolation(v: string): void }).tkViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    requested.push(new URL(r.url()).pathname);
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(server.url, { waitUntil: 'load' });
  baseUrl = server.url;
  stop = async () => {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
});

after(async () => {
  await stop?.();
});

test('the rollup standalone bundle registers every element, exports the root API, loads and draws under a strict CSP', { timeout: 300_000 }, async () => { // hang guard; at load 11–18 on 2 cores the file took 100–110 s
  await page.waitForFunction(
    () => {
      const p = document.querySelector('tk-territory-provider') as unknown as { state?: { status: string } };
      return p?.state?.status === 'ready';
    },
    { timeout: 30_000 },
  );
  const defined = await page.evaluate((names: string[]) => names.filter((n) => customElements.get(n) === undefined), ELEMENTS);
  assert.deepEqual(defined, [], 'elements not registered');
  const api = await page.evaluate(() => {
    const tk = (window as unknown as { TK: Record<string, unknown> }).TK;
    return ['createMemoryAdapter', 'generateDemoData', 'evaluatePlan', 'rebalance', 'resolveTerritories', 'recommendReps', 'validateBatch'].filter((k) => typeof tk[k] !== 'function');
  });
  assert.deepEqual(api, [], 'root API exports missing');
  await page.waitForFunction(() => ((document.querySelector('tk-territory-map') as unknown as { renderStats?: { draws: number } })?.renderStats?.draws ?? 0) > 0, { timeout: 30_000 });
  // A rebalance in the Worker built beside the bundle.
  const result = await page.evaluate(async () => {
    const tk = (window as unknown as { TK: Record<string, (...a: unknown[]) => unknown> }).TK;
    const p = document.querySelector('tk-territory-provider') as unknown as { state: { accounts: unknown[]; reps: unknown[]; working: unknown } };
    const created: string[] = [];
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        created.push(String(url));
      }
    };
    const r = (await tk.runRebalance({ accounts: p.state.accounts, reps: p.state.reps, current: p.state.working }, { worker: 'auto' })) as { status: string; moves: unknown[] };
    window.Worker = Original;
    return { status: r.status, moves: r.moves.length, created };
  });
  // the demo data has locked accounts and an inactive rep, so 'infeasible' is a normal outcome too
  assert.ok(['balanced', 'at-lower-bound', 'infeasible', 'local-optimum'].includes(result.status), result.status);
  assert.ok(result.moves > 0);
  assert.equal(result.created.length, 1, 'one Worker');
  assert.match(result.created[0], /\/worker\.js$/);
  assert.deepEqual(errors, []);
  assert.deepEqual(violations, []);
});

test('the standalone file loads a language catalogue from ./locales/ beside it, only when chosen (ESM and IIFE)', { timeout: 120_000 }, async () => {
  assert.ok(!requested.some((p) => p.includes('/locales/')), 'no catalogue before a language is chosen');
  assert.equal(await page.evaluate(gaugeLabel), 'Max deviation');
  await page.evaluate(() => document.querySelector('tk-territory-provider')!.setAttribute('language', 'de'));
  await page.waitForFunction(gaugeInGerman, { timeout: 30_000 });
  assert.deepEqual(requested.filter((p) => p.includes('/locales/')), ['/locales/de.js']);
  // The IIFE from a classic script: the catalogue resolves against the script's URL.
  const iife = await browser.newPage();
  const iifeErrors: string[] = [];
  iife.on('pageerror', (e) => iifeErrors.push(String(e)));
  iife.on('response', (r) => {
    if (r.status() >= 400) iifeErrors.push(`${r.status()} ${r.url()}`);
  });
  await iife.goto(new URL('iife.html', baseUrl).href, { waitUntil: 'load' });
  await iife.waitForFunction(gaugeInGerman, { timeout: 30_000 });
  await iife.close();
  assert.deepEqual(iifeErrors, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(violations, []);
});
