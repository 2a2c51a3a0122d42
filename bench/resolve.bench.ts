// resolveTerritories: flatbush-indexed resolution vs a brute-force baseline (every account × every
// polygon with @turf/boolean-point-in-polygon), measured in the same run.
// Run: npm run bench:resolve   (BENCH_QUICK=1 for the small case only)
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import { cpus } from 'node:os';
import { resolveTerritories, type ResolvableAccount, type ResolvableTerritory } from '../src/engine/resolve-territories.js';

/** Seeded PRNG (mulberry32), so every run measures the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
      definition: { geometry: starPolygon(rand, cx, cy, w * 0.75, h * 0.75) as never },
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

const ms = (x: number) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];

function runCase(nAccounts: number, nTerritories: number, runs: number): void {
  const rand = rng(nAccounts * 31 + nTerritories);
  const territories = makeTerritories(nTerritories, rand);
  const accounts = makeAccounts(nAccounts, rand);
  const vertices = territories.reduce((s, t) => s + ((t.definition.geometry as Polygon).coordinates[0].length - 1), 0);

  resolveTerritories(accounts, territories); // warm-up
  const times: number[] = [];
  let result = resolveTerritories(accounts, territories);
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = resolveTerritories(accounts, territories);
    times.push(performance.now() - t0);
  }

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
  let agree = 0;
  for (let k = 0; k < sample; k++) if (brute[k] === result.byAccount[accounts[k].id].territoryId) agree++;

  const ours = median(times);
  console.log(
    [
      `\n## ${nAccounts.toLocaleString('en')} accounts × ${nTerritories} polygons`,
      `polygons: ${MIN_VERTICES}–${MAX_VERTICES} vertices (${vertices.toLocaleString('en')} in all), star-shaped, overlapping neighbours, priorities 0–2; 2% of accounts without coordinates`,
      `resolveTerritories (flatbush + turf on bbox hits): median ${ms(ours)} over ${runs} runs (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`,
      `  assigned ${nAccounts - result.gaps.length}, gaps ${result.gaps.length}, overlaps ${result.overlaps.length}, skipped ${result.skipped.length}`,
      sample === nAccounts
        ? `brute force (every account × every polygon, turf): ${ms(bruteMs)} (full run)`
        : `brute force (every account × every polygon, turf): ~${(bruteMs / 1000).toFixed(1)} s, extrapolated from ${sample.toLocaleString('en')} accounts (${ms(sampleMs)})`,
      `speed-up: ×${(bruteMs / ours).toFixed(0)}; winners agree on ${agree}/${sample} brute-force accounts`,
    ].join('\n'),
  );
}

console.log(`# resolveTerritories bench — ${new Date().toISOString()}`);
console.log(`node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}`);
runCase(10_000, 50, 9);
if (!process.env.BENCH_QUICK) runCase(100_000, 500, 7);
