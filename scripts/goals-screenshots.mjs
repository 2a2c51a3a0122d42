// Screenshots of issue #17's flows inside <tk-rep-assignment-panel> on the real demo (`npm start`'s
// server on a free port): a selection distributed across reps, a rep leaving, the quota planner —
// light, dark and 400 px wide. Run: node scripts/goals-screenshots.mjs [outDir]  (default /tmp/goals-shots);
// GOALS_LOCALE=de-DE (fr-FR, ja-JP) picks the demo's language first.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startDemoServer } from './browser-harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? '/tmp/goals-shots';
mkdirSync(out, { recursive: true });

const { base, stop: stopServer } = await startDemoServer();

const PANEL = 'tk-rep-assignment-panel';

/** Runs in the page: the panel's shadow root, and a helper to wait for a selector inside it. */
async function flow(page, which) {
  await page.evaluate(async (which) => {
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
    const s = provider.state;
    // Close the sections that are not part of this shot, so the flow is in view.
    for (const id of ['reps', 'rebalance', 'save']) panel.setSectionOpen(id, false);
    if (which === 'distribute') {
      // A region's worth: every account within 6° of the first rep's home (several owners).
      const home = s.reps[0].home;
      const ids = s.accounts.filter((a) => a.lat !== null && Math.abs(a.lat - home.lat) < 4 && Math.abs(a.lng - home.lng) < 6).map((a) => a.id).slice(0, 60);
      provider.actions.select(ids);
      const button = await until(() => root.querySelector('button[data-distribute]'), 'distribute button');
      button.click();
      const preview = await until(() => root.querySelector('tk-distribute-preview'), 'preview');
      await until(() => preview.shadowRoot?.querySelector('[part~=balance]'), 'proposal');
      panel.setSectionOpen('selection', true);
    } else if (which === 'leaves') {
      panel.setSectionOpen('selection', false);
      panel.setSectionOpen('leaves', true);
      const preview = await until(() => root.querySelector('[data-section=leaves] tk-distribute-preview'), 'leaves preview');
      const select = await until(() => preview.shadowRoot?.querySelector('select[name=from]'), 'rep chooser');
      const busiest = s.reps.find((r) => r.active !== false) ?? s.reps[0];
      select.value = busiest.id;
      select.dispatchEvent(new Event('change'));
      await preview.updateComplete;
      preview.shadowRoot.querySelector('[part~=controls] button').click();
      await until(() => preview.shadowRoot.querySelector('[part~=balance]'), 'proposal');
    } else if (which === 'quotas') {
      panel.setSectionOpen('selection', false);
      panel.setSectionOpen('quotas', true);
      const planner = await until(() => root.querySelector('tk-quota-planner'), 'planner');
      const input = await until(() => planner.shadowRoot?.querySelector('tbody tr input[type=number]'), 'quota inputs');
      input.value = String(Math.round(Number(input.value) * 1.4));
      input.dispatchEvent(new Event('change'));
      await planner.updateComplete;
    }
    await sleep(300);
  }, which);
}

const browser = await launchChromium();
try {
  for (const [theme, width] of [['light', 1280], ['dark', 1280], ['light', 400]]) {
    for (const which of ['distribute', 'leaves', 'quotas']) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height: 900 });
      await page.goto(`${base}/demo/`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('tk-territory-provider')?.state?.status === 'ready', { timeout: 60_000, polling: 100 });
      if (theme === 'dark') await page.click('#theme');
      // GOALS_LOCALE=de-DE (or fr-FR, ja-JP): the demo's language picker, to check the translations.
      if (process.env.GOALS_LOCALE) await page.select('#locale', process.env.GOALS_LOCALE);
      await flow(page, which);
      const panel = await page.$(PANEL);
      const file = join(out, `goals-${which}-${theme}-${width}.png`);
      const box = await panel.boundingBox();
      await page.screenshot({ path: file, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1600) }, captureBeyondViewport: true });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  stopServer();
}
