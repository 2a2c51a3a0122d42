// Screenshots of the planner map on the demo (`node bench/map-screenshots.mjs [outDir]`): light, dark,
// 400 px wide, a focused rep, the heat layer and a rebalance preview. The demo is served on 127.0.0.1
// at a free port; Chromium from scripts/browser-harness.mjs. The light planner shot is the README's
// docs/images/map-planner.png; the rest go to outDir (default /tmp/tk-map-shots).
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createServer } from 'node:net';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchChromium } from '../scripts/browser-harness.mjs';

const out = process.argv[2] ?? '/tmp/tk-map-shots';
mkdirSync(out, { recursive: true });
const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});
const port = await freePort();
const server = await startDevServer({
  config: {
    rootDir: ROOT,
    port,
    hostname: '127.0.0.1',
    nodeResolve: { exportConditions: ['browser', 'development'] },
    // The demo pages name their built scripts (/demo/demo.js); served from source here.
    middleware: [(ctx, next) => {
      if (/^\/demo\/[\w-]+\.js$/.test(ctx.path) && existsSync(join(ROOT, ctx.path.slice(1).replace(/\.js$/, '.ts')))) ctx.path = ctx.path.replace(/\.js$/, '.ts');
      return next();
    }],
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(ROOT, 'tsconfig.json') })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const browser = await launchChromium();

/** Runs in the page: the map element inside the demo. */
const MAP = () => document.querySelector('tk-territory-map');

async function open(width, height) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  if (process.env.DEBUG_SHOTS) { page.on('console', (m) => console.log('console:', m.text())); page.on('response', (r) => r.status() >= 400 && console.log('404:', r.url())); page.on('pageerror', (e) => console.log('pageerror:', e.message)); }
  await page.goto(`http://127.0.0.1:${port}/demo/`);
  await page.waitForFunction(() => document.querySelector('tk-territory-provider')?.state?.status === 'ready', { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('tk-territory-map')?.renderStats?.mode === 'clusters', { timeout: 60_000 });
  await settle(page);
  return page;
}

/** Two frames and a pause, so canvases and the basemap are drawn. */
async function settle(page, ms = 400) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await new Promise((r) => setTimeout(r, ms));
}

async function shot(page, file, selector = '.map-area') {
  const el = await page.$(selector);
  await el.screenshot({ path: file });
  console.log(`wrote ${file}`);
}

const size = (page) => page.evaluate(() => {
  const r = document.querySelector('tk-territory-map').shadowRoot.querySelector('.map').getBoundingClientRect();
  return `${Math.round(r.width)}×${Math.round(r.height)}`;
});

try {
  // Light, 1440 wide: the README shot.
  let page = await open(1440, 900);
  console.log(`map at 1440×900: ${await size(page)} px`);
  await shot(page, join(ROOT, 'docs/images/map-planner.png'));
  // Focus a rep from the legend.
  await page.evaluate(() => document.querySelector('tk-territory-map').shadowRoot.querySelectorAll('button.legend-item')[3].click());
  await settle(page);
  await shot(page, join(out, 'map-focus.png'));
  await page.evaluate(() => document.querySelector('tk-territory-provider').actions.focusRep(null));
  // Heat layer.
  await page.evaluate(() => (document.querySelector('tk-territory-map').heat = 'potential'));
  await settle(page);
  await shot(page, join(out, 'map-heat.png'));
  await page.evaluate(() => (document.querySelector('tk-territory-map').heat = 'off'));
  // Rebalance preview through the panel (Rebalance section, Rebalance button).
  await page.evaluate(() => {
    const panel = document.querySelector('tk-rep-assignment-panel').shadowRoot;
    const details = panel.querySelector('details[data-section="rebalance"]');
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
  await settle(page, 200);
  await page.evaluate(() => {
    const panel = document.querySelector('tk-rep-assignment-panel').shadowRoot;
    const budget = panel.querySelector('input[name="maxMoves"]');
    if (budget) {
      budget.value = '80';
      budget.dispatchEvent(new Event('input', { bubbles: true }));
      budget.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  await settle(page, 100); // the form re-renders with the budget before it is submitted
  await page.evaluate(() => {
    const panel = document.querySelector('tk-rep-assignment-panel').shadowRoot;
    panel.querySelector('form[part~="rebalance-form"] button[type="submit"]').click();
  });
  await page.waitForFunction(() => Object.keys(document.querySelector('tk-territory-provider').state.previewAssignments ?? {}).length > 0, { timeout: 120_000 });
  // Back to the whole country (the element's Leaflet map is private; reached here for the picture only).
  await page.evaluate(() => document.querySelector('tk-territory-map').map.setView([38.5, -96], 4.5, { animate: false }));
  await settle(page);
  await shot(page, join(ROOT, 'docs/images/map-rebalance-preview.png'));
  await page.close();

  // Dark.
  page = await open(1440, 900);
  await page.click('#theme');
  await settle(page);
  await shot(page, join(ROOT, 'docs/images/map-dark.png'));
  await page.close();

  // 400 px wide.
  page = await open(400, 860);
  console.log(`map at 400 wide: ${await size(page)} px`);
  await shot(page, join(out, 'map-400.png'));
  await page.close();
} finally {
  await browser.close();
  await server.stop();
}
