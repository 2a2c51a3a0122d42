// Screenshots of the card's focused-account territory reason and the provider's load notices in German
// (issue #14). Light, dark, 400 px. Run: node scripts/card-reason-screenshots.mjs [outDir] (default /tmp/card-reason-shots)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePage, launchChromium, ROOT, serveDir } from './browser-harness.mjs';

const out = process.argv[2] ?? '/tmp/card-reason-shots';
mkdirSync(out, { recursive: true });
const html = (theme) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Card reason</title>
<style>body{margin:0;padding:12px;background:${theme === 'dark' ? '#1b1b1b' : '#fff'}}</style></head>
<body><tk-territory-provider theme="${theme}" viewer-role="rep" locale="de-DE" focus-account="a1" no-toolbar>
<tk-territory-card></tk-territory-card>
</tk-territory-provider><script type="module" src="bundle.js"></script></body></html>`;

const page = await bundlePage({ entry: join(ROOT, 'bench/card-reason-page/entry.ts'), html: html('light') });
writeFileSync(join(page.dir, 'dark.html'), html('dark'));
const server = await serveDir(page.dir);
const browser = await launchChromium();
try {
  for (const [theme, width] of [['light', 900], ['dark', 900], ['light', 400]]) {
    const tab = await browser.newPage();
    await tab.setViewport({ width, height: 700 });
    await tab.goto(server.url + (theme === 'dark' ? 'dark.html' : ''));
    await tab.waitForFunction(() => {
      const card = document.querySelector('tk-territory-card');
      const why = (card?.renderRoot ?? card?.shadowRoot)?.querySelector('.why')?.textContent?.trim();
      const p = window.provider;
      return why && why !== '…' && (p.renderRoot ?? p.shadowRoot).querySelector('[part~=notices]');
    }, { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 300));
    const file = join(out, `card-reason-${theme}-${width}.png`);
    await tab.screenshot({ path: file, fullPage: true });
    console.log(file);
    await tab.close();
  }
} finally {
  await browser.close();
  await server.close();
  page.dispose();
}
