// resolveTerritories (kdbush over the points, one box query per polygon) vs a brute-force baseline
// (every account × every polygon with @turf/boolean-point-in-polygon) and vs the per-point flatbush
// spatial step it used before, measured in the same run.
// Run: npm run bench:resolve   (BENCH_QUICK=1 for the small case only)
// "first call" is the untimed warm-up; for the 100k case the JIT is already warm from the 10k case.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Polygon } from 'geojson';
import { cpus, loadavg } from 'node:os';
import { resolveTerritories, type ResolvableAccount, type ResolvableTerritory, type ResolveResult } from '../src/engine/resolve-territories.js';
import { flattenPolygon, pointInRings } from '../src/engine/resolve/point-in-rings.js';
import { buildPolygonIndex } from '../src/engine/resolve/polygon-index.js';
import { median, ms, time } from './timing.js';
// Seeded PRNG, so every run measures the same data.
import { mulberry32 as rng } from '../src/data/random.js';


const MIN_VERTICES = 32;
const MAX_VERTICES = 128;
const BOX = { west: -125, east: -67, south: 25, north: 49 }; // contiguous US

/** A star-shaped (hence simple) polygon around (cx, cy) with 32–128 vertices. */
function starPolygon(rand: () => number, cx: number, cy: number, rx: number, ry: number): Polygon {
  const n = MIN_VERTICES + Math.floor(rand() * (MAX_VERTICES - MIN_VERTICES + 1));
  const ring: number[][] = [];
  for (let k = 0; k < n; k++) {
    const angle = (2 * Math.PI * k) / n;
    const r = 0.65 + 0.35 * rand();
    ring.push([cx + rx * r * Math.cos(angle), cy + ry * r * Math.sin(angle)]);
  }
  ring.push([...ring[0]]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** `count` territories on a jittered grid over the box; neighbours overlap, priorities 0–2. */
function makeTerritories(count: number, rand: () => number): ResolvableTerritory[] {
  const cols = Math.ceil(Math.sqrt(count * 1.6));
  const rows = Math.ceil(count / cols);
  const w = (BOX.east - BOX.west) / cols;
  const h = (BOX.north - BOX.south) / rows;
  const out: ResolvableTerritory[] = [];
  for (let k = 0; k < count; k++) {
    const cx = BOX.west + ((k % cols) + 0.5 + (rand() - 0.5) * 0.4) * w;
    const cy = BOX.south + (Math.floor(k / cols) + 0.5 + (rand() - 0.5) * 0.4) * h;
    out.push({
      id: `T${k}`,
      name: `Territory ${k}`,
      priority: Math.floor(rand() * 3),
      definition: { geometry: starPolygon(rand, cx, cy, w * 0.75, h * 0.75) },
    });
  }
  return out;
}

/** Accounts spread over the box; 2% without coordinates. */
function makeAccounts(count: number, rand: () => number): ResolvableAccount[] {
  const out: ResolvableAccount[] = [];
  for (let k = 0; k < count; k++) {
    const located = rand() >= 0.02;
    out.push({
      id: `A${k}`,
      lat: located ? BOX.south + rand() * (BOX.north - BOX.south) : null,
      lng: located ? BOX.west + rand() * (BOX.east - BOX.west) : null,
      potential: Math.round(rand() * 1e6),
    });
  }
  return out;
}

/** The baseline: every account against every polygon with turf, highest priority then first wins. */
function bruteForce(accounts: readonly ResolvableAccount[], territories: readonly ResolvableTerritory[]): (string | null)[] {
  return accounts.map((a) => {
    if (a.lat === null || a.lng === null) return null;
    let best: ResolvableTerritory | null = null;
    for (const t of territories) {
      if (!booleanPointInPolygon([a.lng, a.lat], t.definition.geometry as Polygon)) continue;
      if (best === null || (t.priority ?? 0) > (best.priority ?? 0)) best = t;
    }
    return best ? best.id : null;
  });
}

/**
 * The spatial step alone (no reasons, no result record): flatbush over bounding boxes, then a
 * point-in-polygon test on the hits — turf's, or the flat-array ray casting resolveTerritories uses.
 */
function spatialOnly(accounts: readonly ResolvableAccount[], territories: readonly ResolvableTerritory[], pip: 'turf' | 'flat'): Int32Array {
  const polys = territories.map((t) => t.definition.geometry as Polygon);
  const flat = polys.map((p) => flattenPolygon(p.coordinates));
  const tree = new Flatbush(polys.length);
  for (const p of polys) {
    const xs = p.coordinates[0].map((q) => q[0]);
    const ys = p.coordinates[0].map((q) => q[1]);
    tree.add(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
  }
  tree.finish();
  const winner = new Int32Array(accounts.length).fill(-1);
  accounts.forEach((a, i) => {
    if (a.lat === null || a.lng === null) return;
    const pt = [a.lng, a.lat];
    for (const h of tree.search(a.lng, a.lat, a.lng, a.lat)) {
      const inside = pip === 'turf' ? booleanPointInPolygon(pt, polys[h]) : pointInRings(a.lng, a.lat, flat[h]);
      if (!inside) continue;
      const w = winner[i];
      const p = territories[h].priority ?? 0;
      const q = w < 0 ? -Infinity : (territories[w].priority ?? 0);
      if (p > q || (p === q && h < w)) winner[i] = h;
    }
  });
  return winner;
}

/**
 * The spatial step as resolveTerritories now runs it: a kdbush index over the points, queried with
 * each polygon's box, polygon after polygon (src/engine/resolve/polygon-index.ts), then the priority pick.
 */
function spatialBatch(accounts: readonly ResolvableAccount[], territories: readonly ResolvableTerritory[]): Int32Array {
  const index = buildPolygonIndex(territories.map((t, owner) => ({ owner, coordinates: (t.definition.geometry as Polygon).coordinates })));
  const n = accounts.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const located = new Uint8Array(n);
  accounts.forEach((a, i) => {
    if (a.lat === null || a.lng === null) return;
    x[i] = a.lng as number;
    y[i] = a.lat as number;
    located[i] = 1;
  });
  const { start, owners } = index.locate(x, y, located, n);
  const winner = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let k = start[i]; k < start[i + 1]; k++) {
      const h = owners[k];
      const w = winner[i];
      const p = territories[h].priority ?? 0;
      const q = w < 0 ? -Infinity : (territories[w].priority ?? 0);
      if (p > q || (p === q && h < w)) winner[i] = h;
    }
  }
  return winner;
}

/** The floor of the result shape: one small object per account written into a Map by id. */
function mapOnly(accounts: readonly ResolvableAccount[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const a of accounts) out.set(a.id, { territoryId: null, reason: '', via: null, matched: [] });
  return out;
}

/** The same into a Record by id (the result's shape before it became a Map). */
function recordOnly(accounts: readonly ResolvableAccount[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of accounts) out[a.id] = { territoryId: null, reason: '', via: null, matched: [] };
  return out;
}


function runCase(nAccounts: number, nTerritories: number, runs: number): void {
  const rand = rng(nAccounts * 31 + nTerritories);
  const territories = makeTerritories(nTerritories, rand);
  const accounts = makeAccounts(nAccounts, rand);
  const vertices = territories.reduce((s, t) => s + ((t.definition.geometry as Polygon).coordinates[0].length - 1), 0);

  let result: ResolveResult | undefined;
  const ours = time(runs, () => (result = resolveTerritories(accounts, territories)));
  const viaTurf = time(runs, () => spatialOnly(accounts, territories, 'turf'));
  const viaFlat = time(runs, () => spatialOnly(accounts, territories, 'flat'));
  const viaBatch = time(runs, () => spatialBatch(accounts, territories));
  const floor = time(runs, () => mapOnly(accounts));
  const recordFloor = time(runs, () => recordOnly(accounts));

  // Brute force: time a subsample first; run everything only if that extrapolates to under ~30 s.
  const probe = Math.min(nAccounts, 500);
  let t0 = performance.now();
  bruteForce(accounts.slice(0, probe), territories);
  const probeMs = performance.now() - t0;
  const estimateMs = (probeMs / probe) * nAccounts;
  const sample = estimateMs <= 30_000 ? nAccounts : Math.max(probe, Math.floor((30_000 / estimateMs) * nAccounts * 0.2));
  t0 = performance.now();
  const brute = bruteForce(accounts.slice(0, sample), territories);
  const sampleMs = performance.now() - t0;
  const bruteMs = (sampleMs / sample) * nAccounts;
  if (!result) throw new Error('unreachable');
  let agree = 0;
  for (let k = 0; k < sample; k++) if (brute[k] === result.byAccount.get(accounts[k].id)?.territoryId) agree++;

  const spread = (t: { wall: number[]; cpu: number[]; first: number }) =>
    `median ${ms(median(t.wall))} wall (min ${ms(Math.min(...t.wall))}, max ${ms(Math.max(...t.wall))}), ${ms(median(t.cpu))} process CPU; first (cold) call ${ms(t.first)}`;
  console.log(
    [
      `\n## ${nAccounts.toLocaleString('en')} accounts × ${nTerritories} polygons (${runs} runs each after a warm-up)`,
      `polygons: ${MIN_VERTICES}–${MAX_VERTICES} vertices (${vertices.toLocaleString('en')} in all), star-shaped, overlapping neighbours, priorities 0–2; 2% of accounts without coordinates`,
      `resolveTerritories (full result: Map by id, reasons, overlaps, skipped): ${spread(ours)}`,
      `  assigned ${nAccounts - result.gaps.length}, gaps ${result.gaps.length}, overlaps ${result.overlaps.length}, skipped ${result.skipped.length}`,
      `spatial step alone, flatbush + @turf/boolean-point-in-polygon: ${spread(viaTurf)}`,
      `spatial step alone, flatbush per point + flat-array ray casting (used before): ${spread(viaFlat)}`,
      `spatial step alone, kdbush over the points, one box query per polygon + flat-array ray casting (used): ${spread(viaBatch)}`,
      `result-shape floor (one object per account into a Map by id, nothing computed): ${spread(floor)}`,
      `  the same into a Record by id (the shape before): ${spread(recordFloor)}`,
      sample === nAccounts
        ? `brute force (every account × every polygon, turf): ${ms(bruteMs)} (full run, once)`
        : `brute force (every account × every polygon, turf): ~${(bruteMs / 1000).toFixed(1)} s, extrapolated from ${sample.toLocaleString('en')} accounts (${ms(sampleMs)})`,
      `speed-up of resolveTerritories over brute force: ×${(bruteMs / median(ours.wall)).toFixed(0)} (wall); winners agree on ${agree}/${sample} brute-force accounts`,
    ].join('\n'),
  );
}

console.log(`# resolveTerritories bench — ${new Date().toISOString()}`);
console.log(`node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (the machine is shared; wall times grow with load)`);
runCase(10_000, 50, 25);
if (!process.env.BENCH_QUICK) runCase(100_000, 500, 11);
