// Plumbing for the demo's end-to-end tests: `npm start`'s server (demo/server.mjs) on a free port,
// headless Chromium, and small helpers that read through open shadow roots. Not a test file.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
// @ts-expect-error — plain ESM helper without types
import { launchChromium } from '../../scripts/browser-harness.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Generous per-wait timeout: the test machine is slow under load. */
export const WAIT = 60_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Demo {
  url: string;
  browser: Browser;
  stop(): Promise<void>;
}

/** `prod`: what `npm start` serves (the production build); `dev`: `npm run dev` (TypeScript on the fly). */
export type DemoMode = 'prod' | 'dev';

/**
 * Spawns `node demo/server.mjs` (what `npm start` runs; with `--dev` what `npm run dev` runs) with PORT
 * set, waits for its log line, launches Chromium. `env` adds environment variables (e.g. HUBSPOT_PROXY).
 */
export async function startDemo(mode: DemoMode = 'prod', env: Record<string, string> = {}): Promise<Demo & { output: () => string }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['demo/server.mjs', ...(mode === 'dev' ? ['--dev'] : [])], {
    cwd: ROOT,
    env: { ...process.env, HUBSPOT_PROXY: '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo server did not start within ${WAIT} ms; output:\n${output}`)), WAIT);
    const onData = (d: Buffer) => {
      output += String(d);
      if (output.includes('territory-kit demo (')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += String(d)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo server exited with ${code} before listening; output:\n${output}`));
    });
  });
  const browser: Browser = await launchChromium();
  return {
    url: `http://127.0.0.1:${port}`,
    browser,
    output: () => output,
    async stop() {
      await browser.close().catch(() => {});
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}

/**
 * Opens `path` in a fresh incognito context (no unsaved plan restored from an earlier test's
 * localStorage), collects page errors, and waits until every provider on the page is ready.
 */
export async function openPage(demo: Demo, path: string, viewport = { width: 1280, height: 900 }) {
  const context = await demo.browser.createBrowserContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  // tsx compiles page.evaluate callbacks with esbuild's keepNames, which calls a `__name` helper.
  await page.evaluateOnNewDocument('globalThis.__name = (f) => f;');
  await page.setViewport(viewport);
  await page.goto(demo.url + path, { waitUntil: 'load', timeout: WAIT });
  await page
    .waitForFunction(
      () => {
        const ps = [...document.querySelectorAll('tk-territory-provider')] as unknown as { state: { status: string } }[];
        return ps.length > 0 && ps.every((p) => p.state?.status === 'ready');
      },
      { timeout: WAIT },
    )
    .catch((e) => {
      throw new Error(`${path}: the providers did not become ready (${(e as Error).message}); page errors: ${errors.join(' | ') || 'none'}`);
    });
  return { page, errors, close: () => context.close() };
}

/**
 * Waits for a (piercing) selector with a message that names what was expected. Polls: puppeteer's
 * waitForSelector re-checks on document mutations, which do not see changes inside shadow roots.
 */
export async function need(page: Page, selector: string, what: string, timeout = WAIT): Promise<ElementHandle<Element>> {
  const end = Date.now() + timeout;
  for (;;) {
    const el = await page.$(selector);
    if (el) return el as ElementHandle<Element>;
    if (Date.now() > end) throw new Error(`expected ${what} (selector \`${selector}\`) within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for `fn(arg)` in the page to be truthy; on timeout, fails with `what`. */
export async function until<A>(page: Page, what: string, fn: (arg: A) => unknown, arg?: A, timeout = WAIT): Promise<void> {
  try {
    await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout, polling: 50 }, arg);
  } catch {
    throw new Error(`timed out after ${timeout} ms waiting for: ${what}`);
  }
}

/** The text of a (piercing) selector, whitespace collapsed; '' when absent. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const el = await page.$(selector);
  if (!el) return '';
  return el.evaluate((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** A plain snapshot of the planner provider's state (first provider on the page). */
export interface PlanSnapshot {
  selection: string[];
  working: Record<string, string | null>;
  current: Record<string, string | null>;
  pending: number;
  reps: { id: string; name: string }[];
  workload: Record<string, number>;
  lastSave: { accountId: string; status: string }[] | null;
  saving: boolean;
}

export async function snapshot(page: Page): Promise<PlanSnapshot> {
  return page.evaluate(() => {
    type S = {
      selection: string[];
      working: Record<string, string | null>;
      current: Record<string, string | null>;
      reps: { id: string; name: string }[];
      accounts: { id: string; workload: number }[];
      lastSave: { accountId: string; status: string }[] | null;
      saving: boolean;
    };
    const s = (document.querySelector('tk-territory-provider') as unknown as { state: S }).state;
    let pending = 0;
    for (const a of s.accounts) if ((s.working[a.id] ?? null) !== (s.current[a.id] ?? null)) pending++;
    return {
      selection: [...s.selection],
      working: { ...s.working },
      current: { ...s.current },
      pending,
      reps: s.reps.map((r) => ({ id: r.id, name: r.name })),
      workload: Object.fromEntries(s.accounts.map((a) => [a.id, a.workload])),
      lastSave: s.lastSave ? s.lastSave.map((o) => ({ accountId: o.accountId, status: o.status })) : null,
      saving: s.saving,
    };
  });
}

/** Describes the element that has focus, following open shadow roots down. */
export async function deepFocus(page: Page): Promise<{ tag: string; role: string; text: string; label: string; part: string; assign: string; host: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let host = '';
    while (el?.shadowRoot?.activeElement) {
      host = el.localName;
      el = el.shadowRoot.activeElement;
    }
    if (!el) return { tag: '', role: '', text: '', label: '', part: '', assign: '', host };
    return {
      tag: el.localName,
      role: el.getAttribute('role') ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
      label: el.getAttribute('aria-label') ?? '',
      part: el.getAttribute('part') ?? '',
      assign: el.getAttribute('data-assign') ?? '',
      host,
    };
  });
}
