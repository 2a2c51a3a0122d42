/**
 * Seeded benchmark instances for rebalance: accounts over the continental US, reps with homes, and a
 * "current" plan that is compact but unbalanced — every account goes to the nearest rep home that
 * still has room under a per-rep quota, and 40% of the reps get a quota 20–60% over or under their
 * fair share (territories drawn once, then the market moved). 2% of accounts sit with their 2nd or
 * 3rd nearest rep (history).
 */

import type { Account } from '../src/model/account.js';
import type { Assignments } from '../src/model/plan.js';
import type { Rep } from '../src/model/rep.js';
import { createRandom, type Random } from '../src/data/random.js';
import { US_METROS } from '../src/data/us-metros.js';

/** uniform: places and potential uniform; metro: metro-clustered places; heavy: metro + lognormal potential. */
export type InstanceKind = 'uniform' | 'metro' | 'heavy';

export interface Instance {
  name: string;
  accounts: Account[];
  reps: Rep[];
  current: Assignments;
}

const KM_PER_DEG = 111.2;

function place(rng: Random, kind: InstanceKind, metroTotal: number): [number, number] {
  if (kind === 'uniform' || rng.chance(0.1)) return [rng.uniform(29, 48), rng.uniform(-122, -72)];
  let x = rng.next() * metroTotal;
  let metro = US_METROS[0];
  for (const m of US_METROS) {
    x -= m.weight;
    if (x <= 0) {
      metro = m;
      break;
    }
  }
  const sdKm = 15 + 12 * Math.sqrt(metro.weight);
  const lat = Math.max(-89, Math.min(89, metro.lat + (rng.normal() * sdKm) / KM_PER_DEG));
  const lng = metro.lng + (rng.normal() * sdKm) / (KM_PER_DEG * Math.cos((metro.lat * Math.PI) / 180));
  return [lat, Math.max(-179, Math.min(179, lng))];
}

/** Squared flat-earth distance (fine for ranking nearby points in a generator). */
function d2(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const c = Math.cos(((lat1 + lat2) * Math.PI) / 360);
  return (lat1 - lat2) ** 2 + ((lng1 - lng2) * c) ** 2;
}

/**
 * Generates one instance; the same arguments always give the same instance.
 *
 * @example
 * const { accounts, reps, current } = makeInstance('heavy', 10_000, 50, 7);
 */
export function makeInstance(kind: InstanceKind, n: number, r: number, seed = 1): Instance {
  const rng = createRandom(seed * 7919 + n + r + (kind === 'uniform' ? 0 : kind === 'metro' ? 1 : 2));
  const metroTotal = US_METROS.reduce((a, m) => a + m.weight, 0);
  const accounts: Account[] = [];
  for (let i = 0; i < n; i++) {
    const [lat, lng] = place(rng, kind, metroTotal);
    const potential = kind === 'heavy' ? Math.round(rng.lognormal(40_000, 1.2)) : Math.round(rng.uniform(20_000, 120_000));
    accounts.push({
      id: `a${String(i).padStart(6, '0')}`,
      name: `Account ${i}`,
      lat,
      lng,
      potential,
      workload: rng.int(1, 3),
      ownerId: null,
    });
  }
  const reps: Rep[] = [];
  for (let j = 0; j < r; j++) {
    const home = accounts[Math.floor(rng.next() * n)];
    const capacity = rng.chance(0.1) ? 0.8 : rng.chance(0.1) ? 1.25 : 1;
    reps.push({
      id: `r${String(j).padStart(4, '0')}`,
      name: `Rep ${j}`,
      home: { lat: home.lat as number, lng: home.lng as number },
      capacity,
      skills: [],
      active: true,
    });
  }

  // Quotas: fair share by capacity, 40% of reps 20–60% off.
  const capTotal = reps.reduce((a, x) => a + x.capacity, 0);
  const quota = reps.map((x) => {
    const f = rng.chance(0.4) ? 1 + (rng.chance(0.5) ? 1 : -1) * rng.uniform(0.2, 0.6) : 1 + rng.uniform(-0.03, 0.03);
    return (x.capacity / capTotal) * n * f;
  });
  const scale = (n * 1.01) / quota.reduce((a, b) => a + b, 0);
  const room = quota.map((q) => Math.ceil(q * scale));

  // Each account's 8 nearest homes, then closest-first claiming.
  const NEAR = 8;
  const near = new Int32Array(n * NEAR);
  const nearD = new Float64Array(n * NEAR);
  const dist = new Float64Array(r);
  const order = Array.from({ length: r }, (_, j) => j);
  for (let i = 0; i < n; i++) {
    const a = accounts[i];
    for (let j = 0; j < r; j++) dist[j] = d2(a.lat as number, a.lng as number, reps[j].home!.lat, reps[j].home!.lng);
    order.sort((x, y) => dist[x] - dist[y]);
    for (let q = 0; q < NEAR && q < r; q++) {
      near[i * NEAR + q] = order[q];
      nearD[i * NEAR + q] = dist[order[q]];
    }
  }
  const byCloseness = Array.from({ length: n }, (_, i) => i).sort((x, y) => nearD[x * NEAR] - nearD[y * NEAR] || x - y);
  const owner = new Int32Array(n).fill(-1);
  for (const i of byCloseness) {
    for (let q = 0; q < Math.min(NEAR, r); q++) {
      const j = near[i * NEAR + q];
      if (room[j] > 0) {
        owner[i] = j;
        room[j]--;
        break;
      }
    }
    if (owner[i] < 0) {
      // nearest rep with room anywhere, else the nearest
      let best = near[i * NEAR];
      let bestD = Infinity;
      const a = accounts[i];
      for (let j = 0; j < r; j++) {
        if (room[j] <= 0) continue;
        const d = d2(a.lat as number, a.lng as number, reps[j].home!.lat, reps[j].home!.lng);
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      }
      owner[i] = best;
      room[best]--;
    }
  }
  for (let i = 0; i < n; i++) {
    if (r > 2 && rng.chance(0.02)) owner[i] = near[i * NEAR + rng.int(1, 2)];
  }
  const current: Assignments = {};
  for (let i = 0; i < n; i++) {
    current[accounts[i].id] = reps[owner[i]].id;
    accounts[i].ownerId = reps[owner[i]].id;
  }
  return { name: `${n / 1000}k/${r} ${kind}`, accounts, reps, current };
}
