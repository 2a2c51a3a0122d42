import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';
import type { Territory } from '../model/territory.js';
import { assignSkewedPlan } from './demo-plan.js';
import { US_METROS } from './us-metros.js';
import { createRandom, weightedSampler } from './random.js';
import { COMPANY_PREFIXES, COMPANY_SUFFIXES, DEMO_INDUSTRIES, LAST_NAMES } from './demo-vocabulary.js';
import { generateReps, metroSpreadDeg, placeHomes, round } from './demo-reps.js';
import { generateTerritories } from './demo-territories.js';
import { generateOpportunities } from './demo-opportunities.js';
import type { Opportunity } from '../model/opportunity.js';

export interface DemoDataOptions {
  /** Seed of the random sequence (an integer, taken modulo 2^32): the same seed and options give identical output. Default 1. */
  seed?: number;
  /** Number of accounts. Default 5000. */
  accounts?: number;
  /** Number of reps (at least 1). Default 25. */
  reps?: number;
  /**
   * The "today" the activity dates are relative to (ISO string or Date). Default
   * `2026-11-27T00:00:00.000Z`, fixed so output does not depend on the clock; pass `new Date()` in a
   * live demo so "no activity for 90 days" stays true.
   */
  asOf?: string | Date;
}

export interface DemoData {
  accounts: Account[];
  reps: Rep[];
  territories: Territory[];
  /** Deals with the rep who owned each at close (see generateOpportunities): the earned history. */
  opportunities: Opportunity[];
}

const cosLat = US_METROS.map((m) => Math.cos((m.lat * Math.PI) / 180));
const DEFAULT_AS_OF = '2026-11-27T00:00:00.000Z';

/**
 * Generates a realistic, seeded demo data set: accounts clustered around US metro areas (weighted by
 * size), company-like names, lognormal revenue and potential, employees and workload that grow with
 * revenue, ten industries, performance figures (some accounts idle for 90+ days, some large ones never
 * touched), a few accounts without coordinates and a few locked ones; reps with home metros, skills,
 * capacities, quotas and one inactive rep who still owns accounts; and a deliberately unbalanced
 * current plan: compact territories cut along a Hilbert curve so that about one rep in eight carries
 * 1.4–1.8× a fair share of potential (the rest 0.75–1.1×), homes in each rep's main metro, and ~2%
 * of accounts unassigned. Territories: West / Central / East bands (overlapping around Denver, with a
 * gap through Chicago), a rules-based one (large healthcare) and a named-account one. Opportunities
 * (won, lost, open) match each account's performance figures, with the rep who closed each deal.
 *
 * Pseudo-random numbers come from mulberry32 with Box–Muller normals: the same seed and options give
 * identical output (in V8 on any platform; another engine's Math.exp/log/cos may differ in the last
 * bit and so, rarely, in a rounded value). Runs in O(n log n) (one sort along the Hilbert curve).
 *
 * @param options - seed, sizes and reference date; see {@link DemoDataOptions}.
 * @returns plain data: accounts, reps and territories that pass `validateBatch`.
 * @example
 * const { accounts, reps, territories } = generateDemoData({ seed: 42, accounts: 2000, reps: 12 });
 */
export function generateDemoData(options: DemoDataOptions = {}): DemoData {
  const { seed = 1, accounts: accountCount = 5000, reps: repCount = 25 } = options;
  if (!Number.isInteger(accountCount) || accountCount < 0) throw new RangeError(`generateDemoData: accounts must be a whole number ≥ 0, got ${accountCount}`);
  if (!Number.isInteger(repCount) || repCount < 1) throw new RangeError(`generateDemoData: reps must be a whole number ≥ 1, got ${repCount}`);
  const asOf = new Date(options.asOf ?? DEFAULT_AS_OF).getTime();
  if (Number.isNaN(asOf)) throw new RangeError(`generateDemoData: asOf is not a date: ${String(options.asOf)}`);
  const rng = createRandom(seed);
  // Whole minutes (activity: whole hours), each formatted once: toISOString is costly at 100k accounts.
  const isoCache = new Map<number, string>();
  const isoMinutesAgo = (minutes: number): string => {
    let iso = isoCache.get(minutes);
    if (iso === undefined) isoCache.set(minutes, (iso = new Date(asOf - minutes * 60_000).toISOString()));
    return iso;
  };

  const reps = generateReps(rng, repCount);

  const metroOf = weightedSampler(US_METROS.map((m) => m.weight));
  const industryOf = weightedSampler(DEMO_INDUSTRIES.map((i) => i.weight));
  const pad = Math.max(5, String(accountCount).length);
  const accounts: Account[] = new Array(accountCount);
  const metroIndex = new Int32Array(accountCount);
  const bigPotential = 150_000 * Math.exp(1.17 * 1.5); // median × e^(1.5σ): about the top 7%

  for (let i = 0; i < accountCount; i++) {
    const m = metroOf(rng.next());
    const metro = US_METROS[m];
    const industry = DEMO_INDUSTRIES[industryOf(rng.next())];
    // Position: a normal cloud around the metro centre, wider for bigger metros, cut at 3 sd.
    const sd = metroSpreadDeg(metro);
    let north = clamp(rng.normal(), -3, 3) * sd;
    let east = clamp(rng.normal(), -3, 3) * sd;
    const water = metro.water;
    if (water) {
      // Mirror a point that would land in the sea or a lake back across the shore line.
      const beyond = east * water.east + north * water.north - water.shoreDeg;
      if (beyond > 0) {
        east -= 2 * beyond * water.east;
        north -= 2 * beyond * water.north;
      }
    }
    const lat = round(metro.lat + north, 5);
    const lng = round(metro.lng + east / cosLat[m], 5);
    metroIndex[i] = m;

    const annualRevenue = roundTo(Math.max(250_000, rng.lognormal(15_000_000, 1.1)), 1000);
    const employees = Math.max(1, Math.round(annualRevenue / (industry.revenuePerEmployee * rng.lognormal(1, 0.35))));
    const potential = roundTo(annualRevenue * rng.lognormal(0.01, 0.4), 100);
    const workload = round(clamp(1 + 0.8 * Math.log10(Math.max(1, employees / 20)) + 0.25 * rng.normal(), 1, 5.5), 1);

    const pipeline = rng.chance(0.5) ? roundTo(potential * rng.uniform(0.05, 0.7), 100) : 0;
    const pipelinePrevious = pipeline > 0 ? roundTo(pipeline * rng.lognormal(1, 0.35), 100) : rng.chance(0.3) ? roundTo(potential * rng.uniform(0.05, 0.3), 100) : 0;
    const closedWon = rng.chance(0.3) ? roundTo(potential * rng.uniform(0.05, 0.5), 100) : 0;
    const winRate = closedWon > 0 ? round(rng.uniform(0.15, 0.65), 2) : rng.chance(0.2) ? 0 : null;
    const neverTouched = rng.chance(potential > bigPotential ? 0.15 : 0.03);
    const idleDays = Math.floor(-Math.log(1 - rng.next()) * 40); // exponential, mean 40 days: ~10% past 90
    const lastActivity = neverTouched ? null : isoMinutesAgo((idleDays * 24 + rng.int(0, 23)) * 60);
    const lastModified = isoMinutesAgo(rng.int(0, 30 * 1440));

    accounts[i] = {
      id: `acc-${String(i + 1).padStart(pad, '0')}`,
      name: companyName(rng, metro.name, industry.nouns),
      lat,
      lng,
      industry: industry.name,
      employees,
      annualRevenue,
      potential,
      workload,
      ownerId: null,
      regions: [metro.stateFips],
      lastModified,
      performance: { pipeline, pipelinePrevious, closedWon, winRate, lastActivity },
      fields: { segment: annualRevenue >= 500_000_000 ? 'Enterprise' : annualRevenue >= 50_000_000 ? 'Mid-Market' : 'SMB' },
    };
  }

  placeHomes(rng, reps, US_METROS, assignSkewedPlan(rng, accounts, reps), metroIndex);

  // Untidy CRM reality: some new accounts not routed yet, a few without coordinates, a few locked.
  for (const account of accounts) {
    const u = rng.next();
    if (u < 0.02) account.ownerId = null;
    else if (u < 0.025) account.locked = true;
    if (rng.chance(0.004)) {
      account.lat = null;
      account.lng = null;
    }
  }
  if (accountCount > 0 && !accounts.some((a) => a.lat === null)) {
    const a = accounts[Math.floor(accountCount / 2)];
    a.lat = null;
    a.lng = null;
  }

  const active = repCount >= 3 ? repCount - 1 : repCount;
  if (repCount >= 3) reps[Math.floor(repCount / 2)].active = false; // left the company, still owns accounts
  const totalPotential = accounts.reduce((s, a) => s + a.potential, 0);
  for (const rep of reps) {
    rep.quota = roundTo((rep.capacity * totalPotential * 0.25) / active, 1000);
    rep.priorClosedWon = roundTo(rep.quota * rng.uniform(0.55, 1.2), 1000);
  }

  return { accounts, reps, territories: generateTerritories(accounts, reps), opportunities: generateOpportunities(accounts, reps, seed, asOf) };
}

function companyName(rng: ReturnType<typeof createRandom>, metroName: string, nouns: readonly string[]): string {
  const noun = rng.pick(nouns);
  const suffix = rng.pick(COMPANY_SUFFIXES);
  const u = rng.next();
  const head =
    u < 0.55 ? rng.pick(COMPANY_PREFIXES) : u < 0.8 ? metroName : `${rng.pick(COMPANY_PREFIXES)} & ${rng.pick(LAST_NAMES)}`;
  return suffix ? `${head} ${noun} ${suffix}` : `${head} ${noun}`;
}

function clamp(v: number, min: number, max: number): number {
  return v < min ? min : v > max ? max : v;
}

function roundTo(v: number, step: number): number {
  return Math.round(v / step) * step;
}
