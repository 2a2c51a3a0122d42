// The demo server, offline, at http://localhost:8000/ (PORT and HOST override).
//   `npm start`   (node demo/server.mjs)        production: the pages' scripts bundled and minified, Lit in
//                                               production mode (demo/build.mjs; built on start when a source
//                                               changed, else the cached build is reused).
//   `npm run dev` (node demo/server.mjs --dev)  development: TypeScript compiled on the fly, bare imports
//                                               resolved from node_modules, Lit in development mode.
// Both serve the same pages: the planner (/demo/), the CRM record page, the plain page and the HubSpot
// page. The HubSpot page talks to HubSpot through a proxy that holds the token: with HUBSPOT_PROXY set
// (your proxy's URL, see demo/hubspot/README.md) the page uses it; without, this server runs a local
// HubSpot emulator with seeded companies and owners behind the example proxy, at /hubspot-emulator,
// and the page says so in a banner.
import { startDevServer } from '@web/dev-server';
import { cjsAsEsm } from '../scripts/cjs-as-esm.mjs';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureDemoBuild } from './build.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const dev = process.argv.includes('--dev') || process.env.TK_DEMO_MODE === 'dev';
const port = Number(process.env.PORT ?? 8000);
const hostname = process.env.HOST ?? 'localhost';
const EMULATOR_PATH = '/hubspot-emulator';

const build = dev ? null : await ensureDemoBuild({ log: (line) => console.log(line) });
const hubspot = hubspotBackend();

/**
 * Where the HubSpot page's proxy is: HUBSPOT_PROXY, else a local emulator behind the example proxy,
 * started on the first request that needs it (so `npm start` does not wait for it).
 */
function hubspotBackend() {
  const configured = process.env.HUBSPOT_PROXY?.trim();
  if (configured) return { proxyUrl: configured, emulated: null, close: async () => {} };
  let started = null;
  const emulated = () =>
    (started ??= (async () => {
      // The emulator is TypeScript (shared with the tests): loaded through tsx.
      const { tsImport } = await import('tsx/esm/api');
      const { startEmulatedHubSpot } = await tsImport('./hubspot/page/emulated-hubspot.ts', import.meta.url);
      return startEmulatedHubSpot();
    })());
  return { proxyUrl: EMULATOR_PATH, emulated, close: async () => (started ? (await started).close() : undefined) };
}

/** The HubSpot page with its proxy URL set (and, when emulated, a note the page shows as a banner). */
async function hubspotPageHtml() {
  let html = readFileSync(join(rootDir, 'demo/hubspot/page/index.html'), 'utf8');
  html = html.replace(/(<meta name="territory-kit-proxy" content=")[^"]*/, (_, head) => head + escapeAttr(hubspot.proxyUrl));
  if (hubspot.emulated) {
    const emulator = await hubspot.emulated();
    const note = `Offline demo: a local HubSpot emulator (${emulator.companies} seeded companies, ${emulator.owners} owners, HubSpot's CRM v3 wire format) behind the example proxy, not your HubSpot portal. To use your portal, run demo/hubspot/proxy with your token and start the demo with HUBSPOT_PROXY=<the proxy's URL>.`;
    html = html.replace(/(<meta name="territory-kit-proxy"[^>]*>)/, `$1\n    <meta name="territory-kit-emulated" content="${escapeAttr(note)}" />`);
  }
  return html;
}

function escapeAttr(s) {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const middleware = [
  function demoIndex(context, next) {
    if (context.path === '/' || context.path === '/demo') {
      context.redirect('/demo/');
      return undefined;
    }
    return next();
  },
  // The local HubSpot emulator's proxy, on this origin (no CORS needed).
  async function emulatedHubSpot(context, next) {
    if (!hubspot.emulated || !(context.path === EMULATOR_PATH || context.path.startsWith(`${EMULATOR_PATH}/`))) return next();
    const emulator = await hubspot.emulated();
    context.respond = false;
    context.req.url = context.req.url.slice(EMULATOR_PATH.length) || '/';
    await emulator.handle(context.req, context.res);
    return undefined;
  },
  async function hubspotPage(context, next) {
    if (context.path !== '/demo/hubspot/page/' && context.path !== '/demo/hubspot/page/index.html') return next();
    context.type = 'html';
    context.body = withPreloads(await hubspotPageHtml(), context.path);
    return undefined;
  },
  ...(dev ? devMiddleware() : prodMiddleware()),
];

/** Development: module-relative URLs in the source (e.g. the rebalance worker's `./worker.js`, a page's
 * `./main.js`) name the built file; serve the TypeScript source under that name. */
function devMiddleware() {
  return [
    function tsForJs(context, next) {
      if (context.path.endsWith('.js') && !context.path.includes('/node_modules/')) {
        const file = join(rootDir, context.path);
        const ts = file.replace(/\.js$/, '.ts');
        if (!existsSync(file) && existsSync(ts)) context.url = context.url.replace(/\.js(?=$|\?)/, '.ts');
      }
      return next();
    },
  ];
}

/**
 * Production: a page's module script gets `<link rel="modulepreload">`s for the chunks it imports
 * statically (so they download with it, not one round trip later); a URL the build has a file for is
 * served from the build (demo/build.mjs lays it out by URL).
 */
function withPreloads(html, pageUrl) {
  if (!build) return html;
  // Every module script's chunks, each once (the planner's two scripts share some).
  const chunks = new Set();
  for (const [, src] of html.matchAll(/<script type="module" src="([^"]+)"/g)) {
    const url = new URL(src, `http://x${pageUrl}`).pathname;
    for (const chunk of build.preload?.[url] ?? []) chunks.add(chunk);
  }
  const links = [...chunks].map((chunk) => `<link rel="modulepreload" href="${chunk}" />`);
  return links.length ? html.replace(/\n(\s*)<\/head>/, (_, indent) => `\n${links.map((l) => `${indent}  ${l}\n`).join('')}${indent}</head>`) : html;
}

function prodMiddleware() {
  const prefix = `/${relative(rootDir, build.dir).split('\\').join('/')}`;
  return [
    function pagePreloads(context, next) {
      const m = /^\/demo\/(index|record)\.html$|^\/demo\/$/.exec(context.path);
      if (!m) return next();
      const file = join(rootDir, context.path.endsWith('/') ? `${context.path}index.html` : context.path);
      context.type = 'html';
      context.body = withPreloads(readFileSync(file, 'utf8'), context.path);
      return undefined;
    },
    function fromBuild(context, next) {
      if (context.path.includes('..')) return next();
      const file = join(build.dir, context.path);
      if (existsSync(file) && !context.path.endsWith('/')) context.url = prefix + context.url;
      return next();
    },
  ];
}

const server = await startDevServer({
  config: {
    rootDir,
    port,
    hostname,
    ...(dev
      ? {
          nodeResolve: { exportConditions: ['browser', 'development'] },
          plugins: [cjsAsEsm(), (await import('@web/dev-server-esbuild')).esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })],
        }
      : {}),
    middleware,
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

const base = `http://${hostname}:${server.server?.address()?.port ?? port}`;
console.log(
  [
    `territory-kit demo (${dev ? 'development: TypeScript on the fly' : 'production build'}): ${base}/  (planner)`,
    `  ${base}/demo/record.html  (CRM record page)  ·  ${base}/demo/plain.html  (plain page)`,
    `  ${base}/demo/hubspot/page/?view=planner  (HubSpot page, ${hubspot.emulated ? 'on a local HubSpot emulator' : `through ${hubspot.proxyUrl}`})`,
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.stop();
    await hubspot.close();
    process.exit(0);
  });
}
