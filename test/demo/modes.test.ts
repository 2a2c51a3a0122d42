// `npm start` (production build) and `npm run dev` (TypeScript on the fly) serve the same four pages —
// the planner, the CRM record page, the plain page and the HubSpot page (on the local HubSpot emulator)
// — and each loads its data with no page error. The production pages load a handful of bundled files
// with Lit in production mode; the development pages load the TypeScript sources. A second start reuses
// the cached build; touching a source rebuilds it. With HUBSPOT_PROXY set, the HubSpot page uses that
// proxy instead of the emulator.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, utimesSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { ROOT, need, openPage, startDemo, until, type Demo, type DemoMode } from './demo-server.js';
import { createHubSpotProxy } from '../../demo/hubspot/proxy/server.mjs';
import { startHubSpotEmulator, type HubSpotEmulator } from '../emulators/hubspot/server.js';
import { makeCompanies, makeOwners } from '../emulators/hubspot/fixture.js';
// @ts-expect-error -- plain ESM module without types
import { currentBuild, staleReason } from '../../demo/build.mjs';

const PAGES = [
  { path: '/demo/', what: 'planner', ready: 'tk-territory-map >>> [role="listbox"] [role="option"]' },
  { path: '/demo/record.html', what: 'record page', ready: 'tk-territory-card >>> [part~="totals"]' },
  { path: '/demo/plain.html', what: 'plain page', ready: 'tk-territory-map >>> [role="listbox"] [role="option"]' },
  { path: '/demo/hubspot/page/?view=planner&companyId=1001', what: 'HubSpot page', ready: 'tk-territory-map >>> [role="listbox"] [role="option"]' },
];

/** Opens a page and records every script it loads and every console message. */
async function visit(demo: Demo, path: string) {
  const scripts: string[] = [];
  const consoleLines: string[] = [];
  const opened = await openPageRecording(demo, path, scripts, consoleLines);
  return { ...opened, scripts, consoleLines };
}

async function openPageRecording(demo: Demo, path: string, scripts: string[], consoleLines: string[]) {
  // openPage creates the page; listen on the browser for requests of any new target.
  const onTarget = async (target: { page(): Promise<Page | null> }) => {
    const page = await target.page();
    page?.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    page?.on('console', (m) => consoleLines.push(m.text()));
  };
  demo.browser.on('targetcreated', onTarget);
  try {
    return await openPage(demo, path);
  } finally {
    demo.browser.off('targetcreated', onTarget);
  }
}

for (const mode of ['prod', 'dev'] as DemoMode[]) {
  describe(`the demo pages (${mode === 'prod' ? 'npm start' : 'npm run dev'})`, { timeout: 300_000 }, () => {
    let demo: Demo & { output: () => string };
    before(async () => {
      demo = await startDemo(mode);
    });
    after(async () => {
      await demo?.stop();
    });

    for (const p of PAGES) {
      it(`${p.what} (${p.path}) loads its data and renders, with no page error`, async () => {
        const { page, errors, close, scripts, consoleLines } = await visit(demo, p.path);
        try {
          await need(page, p.ready, `the ${p.what}'s elements rendered`);
          assert.deepEqual(errors, [], `${p.what}: page errors`);
          const devMode = consoleLines.some((l) => /Lit is in dev mode/.test(l));
          if (mode === 'prod') {
            assert.equal(devMode, false, 'Lit runs in production mode');
            assert.ok(scripts.every((s) => s.endsWith('.js')), `only built scripts: ${scripts.join(', ')}`);
            // 45 → 55 (2026-12-06): the wording of adapter sentences, undo labels, engine errors and import problems are on-demand chunks of their own.
            assert.ok(scripts.length <= 55, `${scripts.length} scripts loaded (bundled: the entries and their chunks, against ≈ 300 modules unbundled)`);
            assert.ok(!scripts.some((s) => s.includes('/node_modules/') && !s.includes('/.cache/')), 'no module from node_modules loaded one by one');
          } else {
            assert.equal(devMode, true, 'Lit runs in development mode');
            assert.ok(scripts.some((s) => s.endsWith('.ts')), 'TypeScript sources served');
          }
        } finally {
          await close();
        }
      });
    }

    if (mode === 'prod') {
      it('the HubSpot page says it runs on the local emulator, loads the seeded companies through the proxy and saves there', async () => {
        const { page, close } = await openPage(demo, '/demo/hubspot/page/?view=planner&companyId=1001');
        try {
          const banner = await page.$eval('#emulated', (e) => ({ hidden: (e as HTMLElement).hidden, text: e.textContent ?? '' }));
          assert.equal(banner.hidden, false);
          assert.match(banner.text, /local HubSpot emulator \(1500 seeded companies, 12 owners/);
          assert.match(banner.text, /HUBSPOT_PROXY/);
          const state = await page.evaluate(() => {
            const s = (document.getElementById('provider') as unknown as { state: { accounts: { id: string }[]; reps: unknown[]; selection: string[] } }).state;
            return { accounts: s.accounts.length, reps: s.reps.length, selection: s.selection };
          });
          assert.ok(state.accounts > 1400 && state.accounts <= 1500, `${state.accounts} companies loaded`);
          assert.equal(state.reps, 12);
          assert.deepEqual(state.selection, ['1001']);
          await until(page, 'the proxy meta points at the emulator path', () => document.querySelector<HTMLMetaElement>('meta[name="territory-kit-proxy"]')?.content === '/hubspot-emulator');
          // A write goes through the proxy to the emulator and comes back saved.
          const outcome = await page.evaluate(async () => {
            type P = { state: { reps: { id: string }[]; working: Record<string, string | null>; lastSave: { accountId: string; status: string }[] | null }; actions: { assign(ids: string[], rep: string, label: string): void; save(): Promise<unknown> } };
            const p = document.getElementById('provider') as unknown as P;
            const to = p.state.reps.find((r) => r.id !== p.state.working['1001'])!.id;
            p.actions.assign(['1001'], to, 'test move');
            await p.actions.save();
            for (let i = 0; i < 200 && !p.state.lastSave; i++) await new Promise((r) => setTimeout(r, 50));
            return { to, lastSave: p.state.lastSave };
          });
          assert.deepEqual(outcome.lastSave?.map((o) => [o.accountId, o.status]), [['1001', 'saved']]);
          const reloaded = await page.evaluate(async () => {
            const r = await fetch('/hubspot-emulator/crm/v3/objects/companies/batch/read', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ properties: ['hubspot_owner_id'], inputs: [{ id: '1001' }] }) });
            return ((await r.json()) as { results: { properties: { hubspot_owner_id: string } }[] }).results[0].properties.hubspot_owner_id;
          });
          assert.equal(reloaded, outcome.to, "the emulator holds the company's new owner");
        } finally {
          await close();
        }
      });

      it("the record page loads the provider, card and gauge first and the map's chunk after", async () => {
        const info = currentBuild();
        const first = [info.dir + '/demo/record.js', ...info.preload['/demo/record.js'].map((u: string) => info.dir + u)];
        const code = first.map((f: string) => readFileSync(f, 'utf8')).join('\n');
        assert.match(code, /tk-territory-card/);
        assert.match(code, /tk-workload-gauge/);
        assert.doesNotMatch(code, /leaflet-container/, "Leaflet is not in the record page's first load");
        const { page, close } = await openPage(demo, '/demo/record.html');
        try {
          await need(page, 'tk-territory-card >>> tk-territory-map >>> [part~="map"]', "the card's small map, once the map's chunk is in");
        } finally {
          await close();
        }
      });

      it('each page preloads the chunks its script imports statically, and they exist', async () => {
        // The planner has two module scripts (demo.js, import-demo.js): their chunks, each once.
        for (const [path, entries] of [['/demo/', ['/demo/demo.js', '/demo/import-demo.js']], ['/demo/record.html', ['/demo/record.js']], ['/demo/hubspot/page/?view=planner', ['/demo/hubspot/page/main.js']]] as const) {
          const html = await (await fetch(demo.url + path)).text();
          const links = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
          const expected = [...new Set(entries.flatMap((e) => (currentBuild().preload[e] ?? []) as string[]))];
          assert.deepEqual(links, expected, `${path} preloads what ${entries.join(' and ')} import`);
          assert.ok(links.length >= 2, `${path}: ${links.length} preloads`);
          for (const link of links) assert.equal((await fetch(demo.url + link)).status, 200, link);
        }
      });

      it('a second start reuses the build; a changed source makes it stale', () => {
        assert.match(demo.output(), /demo build: (up to date|built in \d+ ms)/);
        const again = spawnSync(process.execPath, ['demo/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
        assert.match(again.stdout, /demo build: up to date/, `a second start: ${again.stdout} ${again.stderr}`);
        const info = currentBuild();
        assert.ok(info, 'a current build');
        assert.equal(staleReason(info), '', 'fresh right after the start');
        // A source the build read, touched after the build: stale, and the reason names it.
        const file = 'widgets/workload-gauge/workload-gauge.component.ts';
        assert.ok(info.inputs.includes(file), `${file} is an input of the build`);
        const later = new Date(info.builtAt + 5000);
        const earlier = new Date(info.builtAt - 5000);
        utimesSync(`${ROOT}${file}`, later, later);
        try {
          assert.equal(staleReason(info), `${file} changed`);
        } finally {
          utimesSync(`${ROOT}${file}`, earlier, earlier);
        }
        assert.equal(staleReason(info), '');
      });
    }
  });
}

describe('the HubSpot page with HUBSPOT_PROXY set (npm start)', { timeout: 300_000 }, () => {
  // A "real" proxy on its own origin, in front of its own emulator (other data than the demo's seed).
  const TOKEN = 'pat-na1-00000000-configured-proxy';
  let emu: HubSpotEmulator;
  let proxy: Server;
  let demo: Demo;
  let handler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  before(async () => {
    const owners = makeOwners(3);
    emu = await startHubSpotEmulator({ companies: makeCompanies(40, owners), owners, token: TOKEN });
    proxy = createServer((req, res) => void handler?.(req, res));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    demo = await startDemo('prod', { HUBSPOT_PROXY: proxyUrl });
    handler = createHubSpotProxy({ token: TOKEN, upstream: emu.url, allowOrigin: new URL(demo.url).origin, authorize: () => true /* the test's session check: every caller is signed in */ });
  });
  after(async () => {
    await demo?.stop();
    proxy?.closeAllConnections();
    await new Promise((resolve) => proxy?.close(resolve));
    await emu?.close();
  });

  it('loads through the configured proxy, shows no emulator banner, and the emulator path is not served', async () => {
    const { page, errors, close } = await openPage(demo, '/demo/hubspot/page/?view=planner&companyId=7');
    try {
      const seen = await page.evaluate(() => {
        const s = (document.getElementById('provider') as unknown as { state: { accounts: unknown[]; selection: string[] } }).state;
        return { accounts: s.accounts.length, selection: s.selection, banner: (document.getElementById('emulated') as HTMLElement).hidden, meta: document.querySelector('meta[name="territory-kit-emulated"]') !== null };
      });
      assert.deepEqual(seen, { accounts: 40, selection: ['7'], banner: true, meta: false });
      assert.ok(emu.requests.length > 0, 'the configured proxy reached its HubSpot');
      assert.deepEqual(errors, []);
      const emulatorPath = await page.evaluate(async () => (await fetch('/hubspot-emulator/crm/v3/owners')).status);
      assert.equal(emulatorPath, 404);
    } finally {
      await close();
    }
  });
});
