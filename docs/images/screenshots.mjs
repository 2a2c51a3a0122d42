// Takes the README's screenshots from `npm start`'s demo: `node docs/images/screenshots.mjs`
// (starts the demo server on a free port, headless Chromium, writes the README's docs/images/*.png;
// name shots to take only those, e.g. `planner-dark planner-narrow`).
import { fileURLToPath } from 'node:url';
import { launchChromium, startDemoServer } from '../../scripts/browser-harness.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);

const { base, stop: stopServer } = await startDemoServer();

const ready = () => {
  const ps = [...document.querySelectorAll('tk-territory-provider')];
  return ps.length > 0 && ps.every((p) => p.state?.status === 'ready');
};

const shots = [
  { name: 'planner', path: '/demo/', width: 1280, height: 900, select: true, readme: true },
  { name: 'record-page', path: '/demo/record.html', width: 1280, height: 1100, readme: true }, // tall enough for the card's map (the account pinned)
  { name: 'hubspot-page', path: '/demo/hubspot/page/?view=planner&companyId=1001', width: 1280, height: 800, readme: true },
  // The panel alone (issue #17's flows): a region's accounts distributed across reps; the quota planner.
  { name: 'panel-distribute', path: '/demo/', width: 1280, height: 900, panel: 'distribute', readme: true },
  { name: 'panel-quotas', path: '/demo/', width: 1280, height: 900, panel: 'quotas', readme: true },
  // Checks, not in the README: `node docs/images/screenshots.mjs planner-dark planner-narrow`.
  { name: 'planner-dark', path: '/demo/', width: 1280, height: 900, dark: true },
  { name: 'planner-narrow', path: '/demo/', width: 400, height: 900 },
  // Localisation checks (issue #14): `node docs/images/screenshots.mjs planner-de planner-de-dark planner-de-narrow record-ja record-ja-narrow`.
  { name: 'planner-de', path: '/demo/?lang=de', width: 1280, height: 900, selectRep: 'rep-01' },
  { name: 'planner-de-dark', path: '/demo/?lang=de', width: 1280, height: 900, dark: true },
  { name: 'planner-de-narrow', path: '/demo/?lang=de', width: 400, height: 900 },
  { name: 'record-ja', path: '/demo/record.html?lang=ja', width: 1280, height: 1100 },
  { name: 'record-ja-narrow', path: '/demo/record.html?lang=ja', width: 400, height: 900 },
].filter((s) => (only.length === 0 ? s.readme : only.includes(s.name)));

/** Runs in the page: puts the panel in the state of a `panel` shot (only that section open). */
async function panelFlow(which) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const until = async (fn) => {
    for (let i = 0; i < 400; i++) {
      const v = fn();
      if (v) return v;
      await sleep(50);
    }
    throw new Error(`panel shot ${which}: timed out`);
  };
  const provider = document.querySelector('tk-territory-provider');
  const panel = document.querySelector('tk-rep-assignment-panel');
  const root = panel.shadowRoot;
  const s = provider.state;
  for (const id of ['reps', 'selection', 'rebalance', 'save']) panel.setSectionOpen(id, false);
  if (which === 'distribute') {
    panel.setSectionOpen('selection', true);
    const home = s.reps[0].home;
    provider.actions.select(s.accounts.filter((a) => a.lat !== null && Math.abs(a.lat - home.lat) < 4 && Math.abs(a.lng - home.lng) < 6).map((a) => a.id).slice(0, 60));
    (await until(() => root.querySelector('button[data-distribute]'))).click();
    const preview = await until(() => root.querySelector('tk-distribute-preview'));
    await until(() => preview.shadowRoot?.querySelector('[part~=balance]'));
  } else {
    panel.setSectionOpen('quotas', true);
    const planner = await until(() => root.querySelector('tk-quota-planner'));
    const input = await until(() => planner.shadowRoot?.querySelector('tbody tr input[type=number]'));
    input.value = String(Math.round(Number(input.value) * 1.4));
    input.dispatchEvent(new Event('change'));
    await planner.updateComplete;
  }
  await sleep(300);
}

const browser = await launchChromium();
try {
  for (const s of shots) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: s.width, height: s.height });
    await page.goto(base + s.path, { waitUntil: 'load' });
    await page.waitForFunction(ready, { timeout: 60_000, polling: 100 });
    if (s.dark) await page.click('#theme');
    if (s.select) {
      // Select one rep's accounts so the panel shows a selection and recommendations.
      const button = await page.waitForSelector('tk-rep-assignment-panel >>> [part~="reps-table"] button[aria-label^="Select accounts of"]', { timeout: 30_000 });
      await button.click();
      await page.evaluate(() => window.scrollTo(0, 0)); // the click scrolled the panel into view: show the page from its top
    }
    if (s.panel) {
      await page.evaluate(panelFlow, s.panel);
      const box = await (await page.$('tk-rep-assignment-panel')).boundingBox();
      await page.screenshot({ path: `${OUT}${s.name}.png`, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1100) }, captureBeyondViewport: true });
      console.log(`wrote docs/images/${s.name}.png`);
      await context.close();
      continue;
    }
    if (s.selectRep) {
      // Select one rep's accounts through the provider (no button label to match: it is translated).
      await page.evaluate((repId) => {
        const p = document.querySelector('tk-territory-provider');
        p.actions.select(p.state.accounts.filter((a) => p.state.working[a.id] === repId).map((a) => a.id));
      }, s.selectRep);
    }
    await new Promise((r) => setTimeout(r, 1500)); // basemap, clusters, transitions
    await page.screenshot({ path: `${OUT}${s.name}.png` });
    console.log(`wrote docs/images/${s.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  stopServer();
}
