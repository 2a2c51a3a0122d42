// demo/hubspot/page: the page the HubSpot card opens in an iframe modal, bundled and served on its
// own origin, loading from the HubSpot emulator through the example proxy (demo/hubspot/proxy) on
// another origin, with the page's session cookie as the proxy's only check. The token stays in the
// proxy; the page's view and companyId come from the URL like the card sends them.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
// @ts-expect-error — plain ESM helper without types
import { ROOT, bundlePage, launchChromium, serveDir } from '../../scripts/browser-harness.mjs';
import { createHubSpotProxy } from '../../demo/hubspot/proxy/server.mjs';
import { startHubSpotEmulator, type HubSpotEmulator } from '../emulators/hubspot/server.js';
import { makeCompanies, makeDeals, makeOwners } from '../emulators/hubspot/fixture.js';

const TOKEN = 'pat-na1-00000000-page-test-token';
const PAGE_DIR = join(ROOT, 'demo/hubspot/page');

type Provider = { state: { status: string; accounts: { id: string }[]; selection: string[]; role: string } };

describe('demo/hubspot/page through the proxy', { timeout: 180_000 }, () => {
  let emu: HubSpotEmulator;
  let proxy: Server;
  let proxyUrl = '';
  let site: { url: string; close(): Promise<void> };
  let bundle: { dir: string; dispose(): void };
  let browser: Browser;
  const callers: { cookie: string | undefined; origin: string | undefined }[] = [];
  const owners = makeOwners(4);

  before(async () => {
    const companies = makeCompanies(60, owners);
    // The page asks for deals and the territory_locked property's definition (lock flags).
    emu = await startHubSpotEmulator({ companies, owners, deals: makeDeals(companies, owners), companyProperties: { territory_locked: { type: 'bool' } }, token: TOKEN });
    let allowOrigin = '';
    const authorize = (req: IncomingMessage) => {
      callers.push({ cookie: req.headers.cookie, origin: req.headers.origin });
      return /(?:^|;\s*)session=ok(?:;|$)/.test(req.headers.cookie ?? '');
    };
    let handler: ReturnType<typeof createHubSpotProxy> | undefined;
    proxy = createServer((req, res) => void handler?.(req, res));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    // The real index.html, with the bundle's name and this test's proxy.
    const html = readFileSync(join(PAGE_DIR, 'index.html'), 'utf8');
    assert.match(html, /<meta name="territory-kit-proxy" content="[^"]+" \/>/);
    assert.match(html, /src="\.\/main\.js"/);
    bundle = await bundlePage({
      entry: join(PAGE_DIR, 'main.ts'),
      html: html.replace(/(<meta name="territory-kit-proxy" content=")[^"]+/, `$1${proxyUrl}`).replace('./main.js', './bundle.js'),
    });
    copyFileSync(join(PAGE_DIR, 'page.css'), join(bundle.dir, 'page.css'));
    site = await serveDir(bundle.dir);
    allowOrigin = new URL(site.url).origin;
    handler = createHubSpotProxy({ token: TOKEN, upstream: emu.url, allowOrigin, authorize });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    bundle?.dispose();
    proxy?.closeAllConnections();
    await new Promise((resolve) => proxy?.close(resolve));
    await emu?.close();
  });

  /** A page in its own browser context (own cookies); closing the page closes the context. */
  async function open(query: string, cookie: boolean): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.once('close', () => void context.close());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // Cookies are per host, not per port: the page's session cookie also goes to the proxy.
    if (cookie) await page.setCookie({ name: 'session', value: 'ok', domain: '127.0.0.1', path: '/' });
    await page.goto(`${site.url}?${query}`);
    return { page, errors };
  }

  const status = (page: Page) => page.evaluate(() => (document.getElementById('provider') as unknown as Provider).state.status);

  it('planner view: loads every company through the proxy with the session cookie and selects the open company', async () => {
    const { page, errors } = await open('view=planner&companyId=7', true);
    try {
      await page.waitForFunction(() => (document.getElementById('provider') as unknown as Provider).state.status !== 'loading' && (document.getElementById('provider') as unknown as Provider).state.status !== 'idle', { timeout: 60_000 });
      assert.equal(await status(page), 'ready');
      const state = await page.evaluate(() => {
        const s = (document.getElementById('provider') as unknown as Provider).state;
        return { accounts: s.accounts.length, selection: s.selection, role: s.role };
      });
      assert.deepEqual(state, { accounts: 60, selection: ['7'], role: 'manager' });
      assert.equal(await page.evaluate(() => (document.getElementById('planner') as HTMLElement).hidden), false);
      assert.equal(await page.evaluate(() => (document.getElementById('card') as HTMLElement).hidden), true);
      assert.ok(callers.length > 0 && callers.every((c) => c.cookie?.includes('session=ok') && c.origin === new URL(site.url).origin));
      assert.ok(emu.requests.length > 0);
      const html = await page.content();
      assert.ok(!html.includes(TOKEN), 'the token never reaches the page');
      assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
    } finally {
      await page.close();
    }
  });

  it("card view: read-only, the open company's owner's territory card", async () => {
    const { page } = await open('view=card&companyId=12', true);
    try {
      await page.waitForFunction(() => document.querySelector('tk-territory-card')?.getAttribute('rep-id'), { timeout: 60_000 });
      const seen = await page.evaluate(() => ({
        rep: document.querySelector('tk-territory-card')!.getAttribute('rep-id'),
        role: (document.getElementById('provider') as unknown as Provider).state.role,
        planner: (document.getElementById('planner') as HTMLElement).hidden,
      }));
      assert.deepEqual(seen, { rep: emu.ownerOf('12'), role: 'rep', planner: true });
    } finally {
      await page.close();
    }
  });

  it('without the session cookie the proxy refuses and the page shows the load error', async () => {
    const { page } = await open('view=planner&companyId=7', false);
    try {
      await page.waitForFunction(() => (document.getElementById('provider') as unknown as Provider).state.status === 'error', { timeout: 60_000 });
      const shown = await page.$eval('tk-territory-provider >>> [part~="error"]', (e) => e.textContent ?? '');
      assert.match(shown, /not signed in/);
    } finally {
      await page.close();
    }
  });
});
