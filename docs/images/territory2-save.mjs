// Screenshots of the Save section after a territory2 save into a planning model (light, dark, 400 px):
// `node docs/images/territory2-save.mjs` → docs/images/territories-planning-model*.png.
import { fileURLToPath } from 'node:url';
import { bundlePage, launchChromium, serveDir } from '../../scripts/browser-harness.mjs';

const OUT = fileURLToPath(new URL('.', import.meta.url));
const page0 = await bundlePage({ entry: fileURLToPath(new URL('territory2-save-page.ts', import.meta.url)), html: '<!doctype html><meta charset="utf-8"><body style="margin:16px"><script type="module" src="bundle.js"></script></body>' });
const server = await serveDir(page0.dir);
const browser = await launchChromium();
try {
  for (const [name, theme, width] of [['territories-planning-model', 'light', 1000], ['territories-planning-model-dark', 'dark', 1000], ['territories-planning-model-narrow', 'light', 400]]) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    await page.goto(`${server.url}?theme=${theme}`);
    await page.waitForFunction(() => document.querySelector('tk-territory-provider')?.state?.status === 'ready');
    await page.evaluate(async () => {
      const p = document.querySelector('tk-territory-provider');
      const { org, tm } = window.tkDemo;
      const panel = p.querySelector('tk-rep-assignment-panel');
      const root = panel.renderRoot ?? panel.shadowRoot;
      const details = root.querySelector('[data-section=save]');
      if (!details.hasAttribute('open')) root.querySelector('[data-section=save] summary').click();
      await new Promise((r) => setTimeout(r, 50));
      const west = p.state.territories.map((t) => (t.id === tm.territoryIds[0] ? { ...t, name: 'West (plan)', definition: { regions: ['06', '41', '06037'], rules: { industries: ['Retail'] } } } : t));
      p.actions.setTerritories([...west, { id: 't-drawn', name: 'Drawn area', repIds: [org.userIds[0]], priority: 0, definition: { geometry: { type: 'Polygon', coordinates: [[[-100, 30], [-90, 30], [-90, 40], [-100, 30]]] } } }], 'Edit');
      await new Promise((r) => setTimeout(r, 50));
      [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save to CRM').click();
      for (let i = 0; i < 100 && !(p.state.lastTerritorySave?.length); i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 100));
      root.querySelector('[data-section=save]').scrollIntoView();
    });
    const el = await page.evaluateHandle(() => { const panel = document.querySelector('tk-rep-assignment-panel'); return (panel.renderRoot ?? panel.shadowRoot).querySelector('[data-section=save]'); });
    await el.screenshot({ path: `${OUT}${name}.png` });
    await page.close();
    console.log(`wrote docs/images/${name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
  page0.dispose();
}
