// Screenshots of quotas saved to HubSpot goal targets on the demo's HubSpot page (emulated portal):
// one quota raised, one changed in "HubSpot" meanwhile, Save → the panel lists each quota's outcome.
// Light, dark, 400 px. Run: node --import tsx scripts/hubspot-goals-screenshots.ts [outDir]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, startDemo } from '../test/demo/demo-server.js';

const out = process.argv[2] ?? '/tmp/hubspot-goals-shots';
mkdirSync(out, { recursive: true });
const demo = await startDemo('prod');
try {
  for (const [theme, width] of [['light', 1280], ['dark', 1280], ['light', 400]] as const) {
    const { page, close, errors } = await openPage(demo, `/demo/hubspot/page/?view=planner${theme === 'dark' ? '&theme=dark' : ''}`, { width, height: 1000 });
    try {
      await page.waitForFunction(() => (document.getElementById('provider') as any)?.state?.status === 'ready', { timeout: 60_000 });
      const result = await page.evaluate(async (dark) => {
        const provider = document.getElementById('provider') as any;
        if (dark) provider.setAttribute('theme', 'dark');
        const quotas = provider.state.quotas ?? [];
        const period = quotas[0]?.period;
        const mine = quotas.filter((q: any) => q.period === period);
        // raise every rep's quota for the first quarter by 5,000 and save
        provider.actions.applyQuotas(period, mine.map((q: any) => ({ repId: q.repId, amount: q.amount + 5000 })));
        await provider.actions.save();
        const panel = document.querySelector('tk-rep-assignment-panel') as any;
        await panel.updateComplete;
        const root = panel.renderRoot ?? panel.shadowRoot;
        const save = root.querySelector('[data-section=save]');
        if (save && !save.hasAttribute('open')) save.querySelector('summary').click();
        await new Promise((r) => setTimeout(r, 300));
        save?.scrollIntoView();
        return { loaded: quotas.length, period, outcomes: provider.state.lastQuotaSave, can: provider.state.capabilities?.canWriteQuotas };
      }, theme === 'dark');
      console.log(theme, width, JSON.stringify(result).slice(0, 400), errors);
      const panel = await page.$('tk-rep-assignment-panel');
      await panel!.screenshot({ path: join(out, `hubspot-goals-${theme}-${width}.png`) });
    } finally {
      await close();
    }
  }
} finally {
  await demo.stop();
}
