/**
 * Instances for bench/optimum.bench.ts, on real US geography: accounts sit at ZIP-code centroids of
 * the `vega-datasets` package (data/zipcodes.csv, ≈ 42k ZIPs; a dev dependency, read from disk
 * here, never bundled), continental US only. A seeded draw picks each account's ZIP uniformly (so
 * accounts follow where ZIP codes are dense, i.e. roughly population), a lognormal potential
 * (median 40k, σ 1.2) and a workload of 1–3; rep homes are picked among the accounts by k-means++
 * seeding (spread out, denser where accounts are). The same arguments always give the same instance.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createRandom, type Random } from '../src/data/random.js';
import { haversineKm } from '../src/engine/geo.js';
import type { Account } from '../src/model/account.js';
import type { Assignments } from '../src/model/plan.js';
import type { Rep } from '../src/model/rep.js';

export interface Zip {
  zip: string;
  lat: number;
  lng: number;
}

let zips: Zip[] | null = null;

/** The continental-US ZIP centroids of vega-datasets' zipcodes.csv, in file order. */
export function loadZips(): Zip[] {
  if (zips) return zips;
  // the package exports only its JS entry: find its folder from the entry (build/index.js)
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('vega-datasets')), '..', 'data', 'zipcodes.csv');
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines[0].split(',');
  const zi = header.indexOf('zip_code');
  const la = header.indexOf('latitude');
  const lo = header.indexOf('longitude');
  if (zi < 0 || la < 0 || lo < 0) throw new Error(`${file}: expected columns zip_code, latitude, longitude; got ${lines[0]}`);
  const out: Zip[] = [];
  for (let q = 1; q < lines.length; q++) {
    const f = lines[q].split(',');
    if (f.length < header.length) continue;
    const lat = Number(f[la]);
    const lng = Number(f[lo]);
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
    if (lat < 24 || lat > 50 || lng < -125 || lng > -66) continue;
    out.push({ zip: f[zi], lat, lng });
  }
  zips = out;
  return out;
}

export interface ZipInstance {
  name: string;
  accounts: Account[];
  reps: Rep[];
  current: Assignments;
  tolerance: number;
  lockedAccountIds?: string[];
}

/** Accounts on random ZIPs and k-means++ rep homes. */
export function makeZipBase(n: number, r: number, seed: number): { accounts: Account[]; reps: Rep[] } {
  const rng = createRandom(seed * 104729 + n * 31 + r);
  const all = loadZips();
  const accounts: Account[] = [];
  for (let i = 0; i < n; i++) {
    const z = all[Math.floor(rng.next() * all.length)];
    accounts.push({
      id: `a${String(i).padStart(5, '0')}`,
      name: `Account ${i} (${z.zip})`,
      lat: z.lat,
      lng: z.lng,
      potential: Math.round(rng.lognormal(40_000, 1.2)),
      workload: rng.int(1, 3),
      ownerId: null,
    });
  }
  const homes = kmeansPP(accounts, r, rng);
  const reps: Rep[] = homes.map((i, j) => ({
    id: `r${String(j).padStart(3, '0')}`,
    name: `Rep ${j}`,
    home: { lat: accounts[i].lat as number, lng: accounts[i].lng as number },
    capacity: 1,
    skills: [],
    active: true,
  }));
  return { accounts, reps };
}

function kmeansPP(accounts: Account[], r: number, rng: Random): number[] {
  const n = accounts.length;
  const d2 = new Float64Array(n).fill(Infinity);
  const chosen: number[] = [Math.floor(rng.next() * n)];
  while (chosen.length < r) {
    const c = accounts[chosen[chosen.length - 1]];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = haversineKm(accounts[i].lat as number, accounts[i].lng as number, c.lat as number, c.lng as number);
      if (d * d < d2[i]) d2[i] = d * d;
      total += d2[i];
    }
    let x = rng.next() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      x -= d2[i];
      if (x <= 0) {
        pick = i;
        break;
      }
    }
    chosen.push(pick);
  }
  return chosen;
}

/** km from every account to every rep home, row-major (account i, rep j at i·r + j). */
export function distances(accounts: readonly Account[], reps: readonly Rep[]): Float64Array {
  const r = reps.length;
  const d = new Float64Array(accounts.length * r);
  accounts.forEach((a, i) => {
    reps.forEach((p, j) => {
      d[i * r + j] = haversineKm(a.lat as number, a.lng as number, p.home?.lat as number, p.home?.lng as number);
    });
  });
  return d;
}

/** Each account with the rep whose home is nearest (ties to the lower index). */
export function nearestPlan(accounts: readonly Account[], reps: readonly Rep[]): Assignments {
  const d = distances(accounts, reps);
  const r = reps.length;
  const plan: Assignments = {};
  accounts.forEach((a, i) => {
    let best = 0;
    for (let j = 1; j < r; j++) if (d[i * r + j] < d[i * r + best]) best = j;
    plan[a.id] = reps[best].id;
  });
  return plan;
}

/**
 * A balanced plan perturbed: `share` of the accounts (seeded draw) go to one of the 3 reps nearest
 * to them other than their owner — the market moved a little since the last rebalance.
 */
export function perturb(accounts: readonly Account[], reps: readonly Rep[], balanced: Assignments, share: number, seed: number): Assignments {
  const rng = createRandom(seed * 7907 + accounts.length);
  const d = distances(accounts, reps);
  const r = reps.length;
  const plan: Assignments = { ...balanced };
  accounts.forEach((a, i) => {
    if (!rng.chance(share)) return;
    const order = Array.from({ length: r }, (_, j) => j)
      .filter((j) => reps[j].id !== balanced[a.id])
      .sort((x, y) => d[i * r + x] - d[i * r + y] || x - y);
    plan[a.id] = reps[order[Math.floor(rng.next() * Math.min(3, order.length))]].id;
  });
  return plan;
}
