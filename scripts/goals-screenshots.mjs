// Screenshots of <tk-quota-planner> and <tk-distribute-preview> on demo data: light, dark and 400 px
// wide. Run: node scripts/goals-screenshots.mjs [outDir]  (default /tmp/goals-shots)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePage, launchChromium, ROOT, serveDir } from './browser-harness.mjs';

const out = process.argv[2] ?? '/tmp/goals-shots';
mkdirSync(out, { recursive: true });
const html = (theme) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Goals</title>
<style>body{margin:0;padding:12px;background:${theme === 'dark' ? '#1b1b1b' : '#fff'}} section{margin-bottom:16px}</style></head>
<body><tk-territory-provider theme="${theme}" viewer-role="manager" no-toolbar>
<section><tk-quota-planner target="2400000" period="2027-01-01"></tk-quota-planner></section>
<section><tk-distribute-preview></tk-distribute-preview></section>
</tk-territory-provider><script type="module" src="bundle.js"></script></body></html>`;

const page = await bundlePage({ entry: join(ROOT, 'bench/goals-page/entry.ts'), html: html('light') });
writeFileSync(join(page.dir, 'dark.html'), html('dark'));
const server = await serveDir(page.dir);
const browser = await launchChromium();
try {
  for (const [theme, width] of [['light', 1000], ['dark', 1000], ['light', 400]]) {
    {
      const tab = await browser.newPage();
      await tab.setViewport({ width, height: 900 });
      await tab.goto(server.url + (theme === 'dark' ? 'dark.html' : ''));
      await tab.waitForFunction(() => window.provider?.state.status === 'ready', { timeout: 30_000 });
      // Lock the first rep's quota at 400,000, pick the inactive rep's book and propose owners.
      await tab.evaluate(async () => {
        const planner = document.querySelector('tk-quota-planner');
        await planner.updateComplete;
        const input = planner.shadowRoot.querySelector('tbody tr input[type=number]');
        input.value = '400000';
        input.dispatchEvent(new Event('change'));
        await planner.updateComplete;
        const d = document.querySelector('tk-distribute-preview');
        const leaving = window.provider.state.reps.find((r) => r.active === false);
        d.fromRepId = leaving.id;
        await d.updateComplete;
        [...d.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.includes('Propose')).click();
        await d.updateComplete;
      });
      const file = join(out, `goals-${theme}-${width}.png`);
      await tab.screenshot({ path: file, fullPage: true });
      console.log(file);
      await tab.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  page.dispose();
}
