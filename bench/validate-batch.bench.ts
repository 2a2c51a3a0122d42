// validateBatch('account', …) on 100k valid accounts, with two same-run baselines: a structured
// copy (JSON.parse(JSON.stringify(batch))) and a plain loop that only reads every field.
// Run: node --import tsx bench/validate-batch.bench.ts   (RUNS=n to change the run count, default 9)
import { cpus, loadavg } from 'node:os';
import { validateBatch } from '../src/model/validate-batch.js';
import { median, ms, time } from './timing.js';
// Seeded PRNG, so every run measures the same data.
import { mulberry32 as rng } from '../src/data/random.js';


const INDUSTRIES = ['Healthcare', 'Retail', 'Manufacturing', 'Software', 'Finance'];

/** Accounts as an adapter delivers them: required fields, some optional ones, a few custom fields. */
function makeAccounts(n: number): Record<string, unknown>[] {
  const rand = rng(42);
  const out: Record<string, unknown>[] = [];
  for (let k = 0; k < n; k++) {
    const located = rand() >= 0.02;
    out.push({
      id: `001${String(k).padStart(15, '0')}`,
      name: `Account ${k}`,
      lat: located ? 25 + rand() * 24 : null,
      lng: located ? -125 + rand() * 58 : null,
      industry: INDUSTRIES[k % INDUSTRIES.length],
      employees: Math.floor(rand() * 5000),
      annualRevenue: Math.round(rand() * 1e8),
      potential: Math.round(rand() * 1e6),
      ownerId: `005${String(k % 200).padStart(15, '0')}`,
      regions: [`US-${k % 50}`],
      lastModified: '2026-11-01T10:00:00.000Z',
      fields: { Tier__c: k % 3 === 0 ? 'Gold' : 'Silver', Score__c: k % 100, Active__c: true },
    });
  }
  return out;
}

const KEYS = ['id', 'name', 'lat', 'lng', 'industry', 'employees', 'annualRevenue', 'potential', 'ownerId', 'regions', 'lastModified', 'fields'];

/** Reads every field once (the floor of any per-record check). */
function readAll(batch: readonly Record<string, unknown>[]): number {
  let n = 0;
  for (const r of batch) for (const k of KEYS) if (r[k] !== undefined) n++;
  return n;
}

const show = (t: { cpu: number[]; wall: number[]; first: number }) =>
  `median ${ms(median(t.cpu))} CPU (min ${ms(Math.min(...t.cpu))}), ${ms(median(t.wall))} wall; first call ${ms(t.first)}`;

const N = 100_000;
const runs = Number(process.env.RUNS ?? 9);
const batch = makeAccounts(N);
console.log(`# validateBatch bench — ${new Date().toISOString()}`);
console.log(`node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
let valid = 0;
const ours = time(runs, () => (valid = validateBatch('account', batch).valid.length));
const copy = time(runs, () => JSON.parse(JSON.stringify(batch)));
const read = time(runs, () => readAll(batch));
console.log(`${N.toLocaleString('en')} accounts, ${runs} runs each after a warm-up (valid: ${valid})`);
console.log(`validateBatch('account'): ${show(ours)}`);
console.log(`baseline JSON.parse(JSON.stringify(batch)): ${show(copy)}`);
console.log(`baseline loop reading every field: ${show(read)}`);
console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
