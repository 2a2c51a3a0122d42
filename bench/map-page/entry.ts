// The map benchmark page (bundled by bench/map.bench.mjs): 50k accounts around US metros, drawn by
// <tk-territory-map> and, for the baseline, by plain Leaflet canvas circleMarkers. Exposes
// window.benchMap(variant) which returns first-draw and redraw timings measured in the page.
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { leafletStyles } from '../../widgets/territory-map/leaflet.styles.js';
import '../../widgets/territory-map/territory-map.js';
import type { TkTerritoryMap } from '../../widgets/territory-map/territory-map.component.js';
import { TkTestMapProvider, rng } from '../../test/widgets/territory-map-harness.js';
import { US_METROS } from '../../src/data/us-metros.js';
import type { Account, Rep } from '../../src/model/index.js';

const N = Number(new URLSearchParams(location.search).get('n') ?? 50_000);

function makeData(n: number): { accounts: Account[]; reps: Rep[] } {
  const r = rng(42);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const reps: Rep[] = Array.from({ length: 20 }, (_, i) => ({ id: `r${i}`, name: `Rep ${i}`, capacity: 1, skills: [], active: true }));
  const total = US_METROS.reduce((s, m) => s + m.weight, 0);
  const accounts: Account[] = [];
  for (let i = 0; i < n; i++) {
    let pick = r() * total;
    const metro = US_METROS.find((m) => (pick -= m.weight) <= 0) ?? US_METROS[0];
    const spread = 0.15 + 0.35 * r();
    accounts.push({
      id: `a${i}`,
      name: `Account ${i}`,
      lat: Math.max(24, Math.min(49.5, metro.lat + gauss() * spread)),
      lng: Math.max(-125, Math.min(-66, metro.lng + gauss() * spread * 1.3)),
      potential: Math.round(1000 + 99_000 * r() * r()),
      workload: 1,
      ownerId: r() < 0.05 ? null : `r${Math.floor(r() * 20)}`,
      regions: [metro.stateFips],
    });
  }
  return { accounts, reps };
}

// Resolves in the first animation frame after the work: everything the frame shows is done then
// (Leaflet's canvas renderer draws in an earlier callback of the same frame).
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Map operations measured for redraw, identical for every variant. */
type Op = { pan: [number, number] } | { view: [number, number, number] };
const OPS: Op[] = [
  ...Array.from({ length: 6 }, (_, k): Op => ({ pan: k % 2 ? [-240, -120] : [240, 120] })),
  { view: [39.5, -98.35, 5] },
  { view: [39.5, -98.35, 4] },
  { view: [40.71, -74.0, 6] },
  ...Array.from({ length: 4 }, (_, k): Op => ({ pan: k % 2 ? [-200, 150] : [200, -150] })),
  { view: [40.71, -74.0, 8] },
  ...Array.from({ length: 4 }, (_, k): Op => ({ pan: k % 2 ? [-200, 150] : [200, -150] })),
  { view: [40.71, -74.0, 10] },
  ...Array.from({ length: 4 }, (_, k): Op => ({ pan: k % 2 ? [-200, 150] : [200, -150] })),
  { view: [41.88, -87.63, 11] },
  { view: [41.88, -87.63, 12] },
  { view: [39.5, -98.35, 4] },
];

async function measureOps(map: L.Map, layerMs?: () => number, basemapMs?: () => number): Promise<number[]> {
  const out: number[] = [];
  layerTotal = 0;
  basemapTotal = 0;
  for (const op of OPS) {
    await sleep(30);
    const t0 = performance.now();
    if ('pan' in op) map.panBy(op.pan, { animate: false });
    else map.setView([op.view[0], op.view[1]], op.view[2], { animate: false });
    await afterPaint();
    out.push(performance.now() - t0);
    layerTotal += layerMs?.() ?? 0;
    basemapTotal += basemapMs?.() ?? 0;
  }
  return out;
}

let layerTotal = 0;
let basemapTotal = 0;

function stage(): HTMLDivElement {
  document.body.replaceChildren();
  const div = document.createElement('div');
  div.style.width = '1000px';
  div.style.height = '700px';
  document.body.append(div);
  return div;
}

export type Variant = 'plain' | 'ours' | 'ours-no-cluster';

export interface VariantResult {
  variant: Variant;
  n: number;
  firstDraw: number;
  redraws: number[];
  detail: string;
}

async function runPlain(data: { accounts: Account[] }): Promise<VariantResult> {
  const host = stage();
  // Same conditions as the element: Leaflet CSS applies, in a shadow root.
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [leafletStyles.styleSheet!];
  const div = document.createElement('div');
  div.style.height = '700px';
  root.append(div);
  const t0 = performance.now();
  const map = L.map(div, { preferCanvas: true, boxZoom: false }).setView([39.5, -98.35], 4);
  const renderer = L.canvas();
  const colors = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
  for (const a of data.accounts) {
    L.circleMarker([a.lat!, a.lng!], { renderer, radius: 3, weight: 0.75, color: '#fff', fillColor: colors[Number(a.ownerId?.slice(1) ?? 0) % 10], fillOpacity: 1 }).addTo(map);
  }
  await afterPaint();
  const firstDraw = performance.now() - t0;
  const redraws = await measureOps(map);
  return { variant: 'plain', n: data.accounts.length, firstDraw, redraws, detail: 'L.circleMarker × n on one L.canvas renderer' };
}

async function runOurs(data: { accounts: Account[]; reps: Rep[] }, noCluster: boolean): Promise<VariantResult> {
  const host = stage();
  const t0 = performance.now();
  const provider = document.createElement('tk-test-map-provider') as TkTestMapProvider;
  const el = document.createElement('tk-territory-map') as TkTerritoryMap;
  // The full element (toolbar and keyboard list included), as a user gets it.
  el.noCluster = noCluster;
  el.compact = new URLSearchParams(location.search).has('compact');
  el.style.setProperty('--tk-map-height', '700px');
  provider.append(el);
  host.append(provider);
  provider.load(data);
  await el.updateComplete;
  await afterPaint();
  const firstDraw = performance.now() - t0;
  const stats = el.renderStats;
  if (!stats || !(stats.points + stats.clusters)) throw new Error('the map did not draw');
  let clustersReady = NaN;
  if (!noCluster) {
    while (el.renderStats?.mode !== 'clusters') await new Promise((r) => requestAnimationFrame(r));
    clustersReady = performance.now() - t0;
  }
  const map = (el as unknown as { map: L.Map }).map;
  // Let the basemap (fetched asynchronously) arrive before measuring redraws.
  await sleep(500);
  map.setView([39.5, -98.35], 4, { animate: false });
  await afterPaint();
  // The basemap's region layers (private to the element's region controller).
  const regionLayers = (el as unknown as { regions: { layers: Record<string, { lastDrawMs: number } | undefined> } }).regions.layers;
  const redraws = await measureOps(
    map,
    () => el.renderStats?.ms ?? 0,
    () => (regionLayers.state?.lastDrawMs ?? 0) + (regionLayers.county?.lastDrawMs ?? 0),
  );
  const layerMean = layerTotal / redraws.length;
  const basemapMean = basemapTotal / redraws.length;
  return { variant: noCluster ? 'ours-no-cluster' : 'ours', n: data.accounts.length, firstDraw, redraws, detail: `${stats.mode}: ${stats.points} points, ${stats.clusters} clusters at first draw${noCluster ? '' : `; supercluster clusters on screen at ${clustersReady.toFixed(0)} ms`}; account layer ${layerMean.toFixed(1)} ms, basemap ${basemapMean.toFixed(1)} ms mean per redraw` };
}

let data: ReturnType<typeof makeData> | null = null;

(window as unknown as { benchMap: (v: Variant) => Promise<VariantResult> }).benchMap = async (variant) => {
  data ??= makeData(N);
  if (variant === 'plain') return runPlain(data);
  return runOurs(data, variant === 'ours-no-cluster');
};

