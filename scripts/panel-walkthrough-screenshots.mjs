// Screenshots of the panel walkthrough fixes (issue #14) on the real demo (`npm start`'s server on a free
// port): the reps rows, a bulk assignment with locked accounts, the quotas section, the demo's scenarios
// and event log — light, dark and 400 px wide, in the language given.
// Run: node scripts/panel-walkthrough-screenshots.mjs [outDir] [lang…]  (default /tmp/panel-shots en de)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startDemoServer } from './browser-harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? '/tmp/panel-shots';
const langs = process.argv.length > 3 ? process.argv.slice(3) : ['en', 'de'];
const flows = (process.env.SHOTS ?? 'reps,bulk,quotas,demo').split(',');
mkdirSync(out, { recursive: true });

const { base, stop: stopServer } = await startDemoServer();

/** Runs in the page: opens what the shot needs; returns the selector (in the panel's shadow root) to clip to, or null for the page. */
async function flow(page, which) {
  return page.evaluate(async (which) => {
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const until = async (fn, what) => {
      for (let i = 0; i < 300; i++) {
        const v = fn();
        if (v) return v;
        await sleep(50);
      }
      throw new Error(`timed out: ${what}`);
    };
    const provider = document.querySelector('tk-territory-provider');
    const panel = document.querySelector('tk-rep-assignment-panel');
    const root = panel.shadowRoot;
    for (const id of ['reps', 'rebalance', 'save', 'selection', 'quotas']) panel.setSectionOpen(id, false);
    if (which === 'reps') {
      panel.setSectionOpen('reps', true);
      await until(() => root.querySelector('[part~=reps-table] tbody tr'), 'reps rows');
      return '[data-section=reps]';
    }
    if (which === 'bulk') {
      provider.actions.select(provider.state.accounts.map((a) => a.id));
      panel.setSectionOpen('selection', true);
      const select = await until(() => root.querySelector('select[name=assignTo]'), 'assign menu');
      select.value = select.options[1].value;
      select.dispatchEvent(new Event('change'));
      await panel.updateComplete;
      root.querySelector('button[data-assign-menu]').click();
      await until(() => root.querySelector('[part~=confirm]'), 'confirm box');
      return '[data-section=selection]';
    }
    if (which === 'quotas') {
      panel.setSectionOpen('quotas', true);
      const planner = await until(() => root.querySelector('tk-quota-planner'), 'planner');
      await until(() => planner.shadowRoot?.querySelector('tbody tr'), 'quota rows');
      return '[data-section=quotas]';
    }
    // demo: two steps without a caller's label (the store's default label), one undone, for the event log.
    const s = provider.state;
    provider.actions.assign(s.accounts.filter((a) => !a.locked).slice(0, 3).map((a) => a.id), s.reps[1].id);
    provider.actions.assign(s.accounts.filter((a) => !a.locked).slice(3, 4).map((a) => a.id), s.reps[2].id);
    provider.actions.undo();
    await sleep(300);
    return 'page:#log-title';
  }, which);
}

const browser = await launchChromium();
try {
  for (const lang of langs) {
    for (const [theme, width] of [['light', 1280], ['dark', 1280], ['light', 400]]) {
      for (const which of flows) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport({ width, height: 900 });
        await page.goto(`${base}/demo/?lang=${lang}`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.querySelector('tk-territory-provider')?.state?.status === 'ready', { timeout: 60_000, polling: 100 });
        if (theme === 'dark') await page.click('#theme');
        await new Promise((r) => setTimeout(r, 500));
        const sel = await flow(page, which);
        await new Promise((r) => setTimeout(r, 400));
        const file = join(out, `${which}-${lang}-${theme}-${width}.png`);
        if (sel?.startsWith('page:')) {
          const handle = await page.evaluateHandle((s) => document.querySelector(s).closest('section'), sel.slice(5));
          await handle.screenshot({ path: file });
        } else if (sel) {
          const handle = await page.evaluateHandle((s) => document.querySelector('tk-rep-assignment-panel').shadowRoot.querySelector(s), sel);
          await handle.screenshot({ path: file });
        } else await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  stopServer();
}
