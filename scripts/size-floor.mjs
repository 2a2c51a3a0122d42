// `node scripts/size-floor.mjs`: the least the required libraries weigh, how much of a bundle is our own
// code, and what a page loads for the elements it uses (the per-page budgets themselves: scripts/size.mjs). Same bundling as `npm run size` (scripts/size.mjs: esbuild,
// minified ESM, Lit literals minified, gzip level 9 per file, code splitting for the initial loads).
//
// 1. Floors: the least each required library weighs in any bundle that uses it —
//    - leaflet: exactly the leaflet/src modules the map imports (widgets/territory-map/leaflet-parts.ts)
//      and their stylesheet, with the standalone's tree-shaking hints;
//    - lit + @lit/context: one element, one context provider and consumer;
//    - zod/mini: one object schema with an optional field, parsed once.
// 2. Our code now: the bytes of each row that are not node_modules (gzip shared out in proportion to
//    minified bytes, as scripts/size-breakdown.mjs does).
// 3. Pages: the initial load of a page that defines only some elements (each element's own module).
import { fileURLToPath } from 'node:url';
import { bundle } from './size.mjs';
import { breakdown } from './size-breakdown.mjs';

/** The least each required library weighs (inline modules, bundled like the standalone). */
export const FLOORS = [
  {
    name: 'leaflet (the modules the map uses + their CSS)',
    contents: `export * from './widgets/territory-map/leaflet-parts.js'; export { leafletStyles } from './widgets/territory-map/leaflet.styles.js';`,
    inWidgetsRow: false,
  },
  {
    name: 'lit + @lit/context (one element, one context)',
    contents: `import { LitElement, html, css } from 'lit';
import { ContextProvider, ContextConsumer, createContext } from '@lit/context';
const key = createContext('k');
class A extends LitElement {
  static properties = { v: {} };
  static styles = css\`:host{display:block}\`;
  p = new ContextProvider(this, { context: key, initialValue: 1 });
  c = new ContextConsumer(this, { context: key, subscribe: true });
  render() { return html\`<p>\${this.v}</p>\`; }
}
customElements.get('x-a') || customElements.define('x-a', A);`,
    inWidgetsRow: true,
  },
  {
    name: 'zod/mini (one object schema)',
    contents: `import * as z from 'zod/mini';
const s = z.object({ id: z.string(), n: z.optional(z.number()) });
export const ok = (v) => s.safeParse(v).success;`,
    inWidgetsRow: false,
  },
];

/** Pages defining only some elements (the provider is always there: the others read its context). */
export const PAGES = [
  { name: 'provider + card (a rep\'s own territory)', elements: ['territory-provider', 'territory-card'] },
  { name: 'provider + gauge', elements: ['territory-provider', 'workload-gauge'] },
  { name: 'provider + map', elements: ['territory-provider', 'territory-map'] },
  { name: 'provider + map + panel (an admin\'s page)', elements: ['territory-provider', 'territory-map', 'rep-assignment-panel'] },
  { name: 'every element (widgets/index.ts)', elements: null },
];

const pageContents = (els) => els.map((e) => `import './widgets/${e}/${e}.js';`).join('\n');

export async function floors() {
  const out = [];
  for (const f of FLOORS) {
    const b = await bundle({ name: f.name, entry: `floor-${out.length}.ts`, contents: f.contents, external: [], hints: true });
    out.push({ ...f, gzip: b.initial.gzip });
  }
  return out;
}

export async function pages() {
  const out = [];
  for (const p of PAGES) {
    const base = p.elements ? { entry: `page-${out.length}.ts`, contents: pageContents(p.elements) } : { entry: 'widgets/index.ts' };
    const noLeaflet = await bundle({ name: p.name, ...base, external: ['jsforce'], noLeaflet: true, split: true });
    const withLeaflet = await bundle({ name: p.name, ...base, external: ['jsforce'], split: true, hints: true });
    out.push({ name: p.name, noLeaflet: noLeaflet.initial.gzip, withLeaflet: withLeaflet.initial.gzip, lazy: withLeaflet.lazy.gzip });
  }
  return out;
}

/** Gzip bytes of a row that are our code (not node_modules), shared out in proportion to minified bytes. */
export async function ours(rowName) {
  const r = await breakdown(rowName);
  const mine = r.groups.filter(([g]) => !g.startsWith('node_modules/')).reduce((a, [, n]) => a + n, 0);
  return { total: r.gzip, ours: (mine / r.minified) * r.gzip };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  const f = await floors();
  console.log('| required library | floor (gzip) |\n|---|---:|');
  for (const x of f) console.log(`| ${x.name} | ${kb(x.gzip)} |`);
  console.log('\n| bundle | all now | our code now |\n|---|---:|---:|');
  for (const name of ['engine + widgets (no leaflet)', 'standalone (with leaflet)']) {
    const o = await ours(name);
    console.log(`| ${name} | ${kb(o.total)} | ${kb(o.ours)} |`);
  }
  console.log('\n| page defines | initial, no leaflet | initial, with leaflet | on demand later |\n|---|---:|---:|---:|');
  for (const p of await pages()) console.log(`| ${p.name} | ${kb(p.noLeaflet)} | ${kb(p.withLeaflet)} | ${kb(p.lazy)} |`);
}
