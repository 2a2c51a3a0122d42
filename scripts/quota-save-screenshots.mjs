// Screenshots of the quota Save flow: quotas applied in <tk-quota-planner>, one changed meanwhile in
// the (memory) CRM, Save → the panel's Save section lists each quota's outcome. Light, dark, 400 px.
// Run: node scripts/quota-save-screenshots.mjs [outDir]  (default /tmp/quota-save-shots)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePage, launchChromium, ROOT, serveDir } from './browser-harness.mjs';

const out = process.argv[2] ?? '/tmp/quota-save-shots';
mkdirSync(out, { recursive: true });
const html = (theme) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quota save</title>
<style>body{margin:0;padding:12px;background:${theme === 'dark' ? '#1b1b1b' : '#fff'}} section{margin-bottom:16px}</style></head>
<body><tk-territory-provider theme="${theme}" viewer-role="manager" no-toolbar>
<section><tk-quota-planner target="2400000" period="2027-01-01"></tk-quota-planner></section>
<section><tk-rep-assignment-panel></tk-rep-assignment-panel></section>
</tk-territory-provider><script type="module" src="bundle.js"></script></body></html>`;

const page = await bundlePage({ entry: join(ROOT, 'bench/quota-save-page/entry.ts'), html: html('light') });
writeFileSync(join(page.dir, 'dark.html'), html('dark'));
const server = await serveDir(page.dir);
const browser = await launchChromium();
try {
  for (const [theme, width] of [['light', 1000], ['dark', 1000], ['light', 400]]) {
    const tab = await browser.newPage();
    await tab.setViewport({ width, height: 900 });
    await tab.goto(server.url + (theme === 'dark' ? 'dark.html' : ''));
    await tab.waitForFunction(() => window.provider?.state.status === 'ready', { timeout: 30_000 });
    await tab.evaluate(async () => {
      const planner = document.querySelector('tk-quota-planner');
      await planner.updateComplete;
      planner.shadowRoot.querySelector('[part~=apply]').click();
      const panel = document.querySelector('tk-rep-assignment-panel');
      await panel.updateComplete;
      const root = panel.renderRoot ?? panel.shadowRoot;
      const summary = root.querySelector('[data-section=save] summary');
      if (!root.querySelector('[data-section=save]').hasAttribute('open')) summary.click();
      // someone else changes the second rep's quota in the CRM before we save
      const [, second] = window.provider.state.reps.filter((r) => r.active !== false);
      window.adapter.touchQuota(second.id, '2027-01-01', 360000);
      await window.provider.actions.save();
      await panel.updateComplete;
      root.querySelector('[data-section=save]').scrollIntoView();
    });
    await new Promise((r) => setTimeout(r, 300));
    const panel = await tab.$('tk-rep-assignment-panel');
    const file = join(out, `quota-save-${theme}-${width}.png`);
    await panel.screenshot({ path: file });
    console.log(file);
    await tab.close();
  }
} finally {
  await browser.close();
  await server.close();
  page.dispose();
}
