import type { Rep } from '../model/rep.js';
import type { Metro } from './us-metros.js';
import type { Random } from './random.js';
import { DEMO_INDUSTRIES, FIRST_NAMES, LAST_NAMES } from './demo-vocabulary.js';
import { weightedSampler } from './random.js';

/** Creates the demo reps: names, skills (2–3 industries) and capacities (mostly 1, some 0.8 or 1.2). */
export function generateReps(rng: Random, count: number): Rep[] {
  const pad = Math.max(2, String(count).length);
  const industryIndex = weightedSampler(DEMO_INDUSTRIES.map((i) => i.weight));
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST_NAMES[(i * 7 + rng.int(0, FIRST_NAMES.length - 1)) % FIRST_NAMES.length];
    const last = LAST_NAMES[(i * 11 + rng.int(0, LAST_NAMES.length - 1)) % LAST_NAMES.length];
    const skills = new Set<string>();
    const wanted = rng.int(2, 3);
    for (let guard = 0; skills.size < wanted && guard < 50; guard++) skills.add(DEMO_INDUSTRIES[industryIndex(rng.next())].name);
    const u = rng.next();
    return {
      id: `rep-${String(i + 1).padStart(pad, '0')}`,
      name: `${first} ${last}`,
      email: `${first}.${last}${i + 1}@example.com`.toLowerCase(),
      home: null,
      capacity: u < 0.1 ? 0.8 : u < 0.2 ? 1.2 : 1,
      skills: [...skills],
      quota: null,
      priorClosedWon: null,
      active: true,
    };
  });
}

/**
 * Puts each rep's home near the metro holding most of its accounts (a random metro, by weight, for a
 * rep without accounts), spread like the accounts around it.
 */
export function placeHomes(rng: Random, reps: Rep[], metros: readonly Metro[], owned: readonly number[][], metroIndex: Int32Array): void {
  const metroOf = weightedSampler(metros.map((m) => m.weight));
  const counts = new Int32Array(metros.length);
  reps.forEach((rep, j) => {
    counts.fill(0);
    let best = -1;
    for (const i of owned[j]) {
      const m = metroIndex[i];
      counts[m]++;
      if (best < 0 || counts[m] > counts[best]) best = m;
    }
    const metro = metros[best >= 0 ? best : metroOf(rng.next())];
    const sd = 0.5 * metroSpreadDeg(metro);
    rep.home = {
      lat: round(metro.lat + rng.normal() * sd, 5),
      lng: round(metro.lng + (rng.normal() * sd) / Math.cos((metro.lat * Math.PI) / 180), 5),
    };
  });
}

/** Standard deviation (degrees of latitude) of account positions around a metro centre. */
export function metroSpreadDeg(metro: Metro): number {
  return 0.12 + 0.035 * Math.sqrt(metro.weight);
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
