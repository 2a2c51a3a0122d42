// Screenshots of "Distribute across reps" with the distance limit on the real demo (`npm start`'s server
// on a free port): a scattered selection (every 25th account) distributed with no limit (each
// hand-over's distance, the note on hand-overs over 500 km), then with a limit of 300 km (the accounts
// it held back, with the reason) — light, dark and 400 px wide. Run: node bench/distribute-screenshots.mjs [outDir]
// (default /tmp/distribute-shots); SHOTS_LOCALE=de-DE (fr-FR, ja-JP) picks the demo's language first.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startDemoServer } from '../scripts/browser-harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? '/tmp/distribute-shots';
mkdirSync(out, { recursive: true });

const { base, stop: stopServer } = await startDemoServer();

/** Runs in the page: selects every 25th account, opens "Distribute across reps" and sets the limit (km, or '' for none). */
async function flow(page, km) {
  return page.evaluate(async (km) => {
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const until = async (fn, what) => {
      for (let i = 0; i < 400; i++) {
        const v = fn();
        if (v) return v;
        await sleep(50);
      }
      throw new Error(`timed out: ${what}`);
    };
    const provider = document.querySelector('tk-territory-provider');
    const panel = document.querySelector('tk-rep-assignment-panel');
    const root = panel.shadowRoot;
    for (const id of ['reps', 'rebalance', 'save']) panel.setSectionOpen(id, false);
    provider.actions.select(provider.state.accounts.filter((_, i) => i % 25 === 0).map((a) => a.id));
    (await until(() => root.querySelector('button[data-distribute]'), 'distribute button')).click();
    const preview = await until(() => root.querySelector('tk-distribute-preview'), 'preview');
    await until(() => preview.shadowRoot?.querySelector('[part~=balance]'), 'proposal');
    panel.setSectionOpen('selection', true);
    if (km) {
      const input = preview.shadowRoot.querySelector('input[name=maxDistanceKm]');
      input.value = km;
      input.dispatchEvent(new Event('change'));
      await preview.updateComplete;
    }
    await sleep(300);
    const sr = preview.shadowRoot;
    return { balance: sr.querySelector('[part~=balance]')?.textContent.replace(/\s+/g, ' ').trim(), held: sr.querySelector('[part~=held-back] p')?.textContent.trim() ?? null, far: sr.querySelector('[data-stat=far]')?.textContent.trim() ?? null };
  }, km);
}

const browser = await launchChromium();
try {
  for (const [theme, width] of [['light', 1280], ['dark', 1280], ['light', 400]]) {
    for (const km of ['', '300']) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height: 900 });
      await page.goto(`${base}/demo/`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('tk-territory-provider')?.state?.status === 'ready', { timeout: 60_000, polling: 100 });
      if (theme === 'dark') await page.click('#theme');
      if (process.env.SHOTS_LOCALE) await page.select('#locale', process.env.SHOTS_LOCALE);
      console.log(JSON.stringify(await flow(page, km)));
      const preview = await page.evaluateHandle(() => document.querySelector('tk-rep-assignment-panel').shadowRoot.querySelector('tk-distribute-preview'));
      const file = join(out, `distribute-${km ? `limit-${km}` : 'no-limit'}-${theme}-${width}.png`);
      await preview.asElement().screenshot({ path: file });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  stopServer();
}
