// Every element loads and works on a page served with a strict Content-Security-Policy, with zero
// violations: the rules a Salesforce Lightning page (script-src 'self') and careful hosts impose.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
// @ts-expect-error — plain ESM helper without types
import { ROOT, bundlePage, launchChromium, serveDir } from '../../scripts/browser-harness.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>territory-kit under a strict CSP</title>
<script type="module" src="./bundle.js"></script></head><body><main>
<tk-territory-provider viewer-role="manager">
  <tk-territory-map></tk-territory-map>
  <tk-workload-gauge></tk-workload-gauge>
  <tk-workload-gauge rep-id="rep-01"></tk-workload-gauge>
  <tk-rep-assignment-panel></tk-rep-assignment-panel>
  <tk-territory-editor></tk-territory-editor>
  <tk-performance-board></tk-performance-board>
  <tk-territory-card rep-id="rep-01"></tk-territory-card>
</tk-territory-provider></main></body></html>`;

let page: Page;
let browser: Browser;
let cleanup: () => Promise<void>;
const violations: string[] = [];
const errors: string[] = [];

before(async () => {
  const bundle = await bundlePage({ entry: join(ROOT, 'test/build/csp-page/page.ts'), html: HTML, worker: true, minifyLiterals: true });
  const server = await serveDir(bundle.dir, { headers: { 'content-security-policy': CSP } });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.exposeFunction('tkViolation', (v: string) => violations.push(v));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { tkViolation(v: string): void }).tkViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} <${(e.target as Element | null)?.nodeName ?? "?"}> ${e.sample}`),
    );
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // Resource failures are reported with their URL below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(server.url, { waitUntil: 'load' });
  cleanup = async () => {
    await browser.close();
    await server.close();
    bundle.dispose();
  };
});

after(async () => {
  await cleanup?.();
});

test('loading the page reports no violation and no error', async () => {
  // Checked before the probe below, whose own report is then cleared.
  await page.waitForFunction(() => (window as unknown as { tkReady?: boolean }).tkReady === true, { timeout: 60_000 });
  assert.deepEqual(violations, [], `CSP violations while loading: ${violations.join(' | ')}`);
  assert.deepEqual(errors, [], `errors while loading: ${errors.join(' | ')}`);
});

test('the CSP header is in force on the page', async () => {
  // An inline script must be refused here, or the test proves nothing.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false), false);
  assert.ok(violations.some((v) => v.startsWith('script-src')), `expected the probe to be reported, got ${violations.join(' | ')}`);
  violations.length = 0;
  errors.length = 0; // the probe's own console report
});

test('every element loads, renders and works with zero violations', async () => {
  await page.waitForFunction(
    () => {
      const p = document.querySelector('tk-territory-provider') as unknown as { state?: { status: string } } | null;
      return p?.state?.status === 'ready';
    },
    { timeout: 60_000 },
  );
  const tags = ['tk-territory-map', 'tk-workload-gauge', 'tk-rep-assignment-panel', 'tk-territory-editor', 'tk-performance-board', 'tk-territory-card'];
  for (const tag of tags) {
    const rendered = await page.evaluate((t) => {
      const el = document.querySelector(t);
      return !!customElements.get(t) && !!el?.shadowRoot && el.shadowRoot.childElementCount > 0;
    }, tag);
    assert.ok(rendered, `${tag} did not render`);
  }
  // The offline basemap is fetched from ./assets/ and the map draws on canvas.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/assets/states-10m.json')), { timeout: 30_000 });

  // Work through the shared store: select and assign, then the gauge follows.
  const moved = await page.evaluate(async () => {
    const p = document.querySelector('tk-territory-provider') as unknown as {
      state: { accounts: { id: string }[]; working: Record<string, string | null> };
      actions: { select(ids: string[]): void; assign(ids: string[], rep: string | null): boolean };
    };
    const ids = p.state.accounts.slice(0, 5).map((a) => a.id);
    p.actions.select(ids);
    const ok = p.actions.assign(ids, 'rep-02');
    await new Promise((r) => setTimeout(r, 200));
    return ok && ids.every((id) => p.state.working[id] === 'rep-02');
  });
  assert.ok(moved, 'assignment through the store failed');
  assert.deepEqual(violations, [], `CSP violations: ${violations.join(' | ')}`);
  assert.deepEqual(errors, []);
});
