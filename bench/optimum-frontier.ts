/**
 * Benchmark: fewest moves vs short moves — the exact frontier (HiGHS MIP) beside the engine's.
 *
 *   node --import tsx bench/optimum-frontier.ts                 # 1k/10 nearest-rep start and perturbed
 *   node --import tsx bench/optimum-frontier.ts --time-limit=60 # seconds per MIP (default 60)
 *
 * For λ in a few settings the MIP minimises Σ over moved accounts of (1 + λ · km to the new rep's
 * home / 1,000 km) within ±5% on workload and potential (the instances of bench/optimum.bench.ts):
 * λ → 0 is "fewest moves, then km", a large λ "least km moved". Each λ gives one point of the
 * frontier (accounts moved, mean km of a moved account); no balanced plan has both fewer moves and
 * a shorter total than a point on it. The engine is run at several `proximity` settings beside it.
 * Not cached (a few seconds per MIP at 1k); figures in BENCHMARKS.md (issue #16 section).
 */

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { evaluatePlan } from '../src/engine/evaluate-plan.js';
import { haversineKm } from '../src/engine/geo.js';
import { rebalance } from '../src/engine/rebalance.js';
import type { Assignments } from '../src/model/plan.js';
import { distances, makeZipBase, nearestPlan, perturb, type ZipInstance } from './optimum-instances.js';
import { solveAssign } from './optimum-solve.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const timeLimit = Number(args.get('time-limit') ?? 60);
const sizes = (args.get('sizes') ?? '1000x10').split(',').map((x) => x.split('x').map(Number) as [number, number]);

function stats(inst: ZipInstance, plan: Assignments): { moves: number; meanKm: number; dev: number } {
  const home = new Map(inst.reps.map((p) => [p.id, p.home]));
  let moves = 0;
  let km = 0;
  for (const a of inst.accounts) {
    const to = plan[a.id];
    if (to === inst.current[a.id]) continue;
    moves++;
    const h = home.get(to as string);
    if (h) km += haversineKm(a.lat as number, a.lng as number, h.lat, h.lng);
  }
  const ev = evaluatePlan(inst.accounts, inst.reps, plan, { tolerance: inst.tolerance });
  return { moves, meanKm: moves ? km / moves : 0, dev: Math.max(ev.balance.workload.maxDeviation, ev.balance.potential.maxDeviation) };
}

async function frontier(inst: ZipInstance, lambdas: number[]): Promise<void> {
  const n = inst.accounts.length;
  const r = inst.reps.length;
  const val = new Float64Array(n * 2);
  const tot = [0, 0];
  inst.accounts.forEach((a, i) => {
    val[i * 2] = a.workload ?? 1;
    val[i * 2 + 1] = a.potential;
    tot[0] += val[i * 2];
    tot[1] += val[i * 2 + 1];
  });
  const lo = new Float64Array(r * 2);
  const hi = new Float64Array(r * 2);
  for (let j = 0; j < r; j++) {
    for (let m = 0; m < 2; m++) {
      lo[j * 2 + m] = (0.95 * tot[m]) / r;
      hi[j * 2 + m] = (1.05 * tot[m]) / r;
    }
  }
  const index = new Map(inst.reps.map((p, j) => [p.id, j]));
  const from = Int32Array.from(inst.accounts, (a) => index.get(inst.current[a.id] as string) ?? -1);
  const d = distances(inst.accounts, inst.reps);
  for (const lambda of lambdas) {
    const eps = lambda === 0 ? 1 / (n * 1e4 * 2) : lambda / 1000;
    const cost = new Float64Array(n * r);
    for (let i = 0; i < n; i++) for (let j = 0; j < r; j++) cost[i * r + j] = j === from[i] ? 0 : 1 + eps * d[i * r + j];
    const sol = await solveAssign({ n, r, k: 2, val, lo, hi, cost, fixed: new Int32Array(n).fill(-1), integer: true, timeLimit });
    if (!sol.plan) {
      console.log(`| ${inst.name} | exact, λ ${lambda} | ${sol.status} | – | – | – |`);
      continue;
    }
    const plan: Assignments = {};
    inst.accounts.forEach((a, i) => (plan[a.id] = inst.reps[(sol.plan as Int32Array)[i]].id));
    const s = stats(inst, plan);
    console.log(`| ${inst.name} | exact (HiGHS MIP ${sol.status}), λ ${lambda} | ${s.moves} | ${s.meanKm.toFixed(0)} | ${Math.round(s.moves * s.meanKm).toLocaleString('en-US')} | ${(s.dev * 100).toFixed(1)}% |`);
  }
  for (const proximity of [0, 0.1, 0.3, 1, 3]) {
    const res = await rebalance(inst, { tolerance: inst.tolerance, proximity });
    const s = stats(inst, res.assignments);
    console.log(`| ${inst.name} | rebalance, proximity ${proximity} | ${s.moves} | ${s.meanKm.toFixed(0)} | ${Math.round(s.moves * s.meanKm).toLocaleString('en-US')} | ${(s.dev * 100).toFixed(1)}% |`);
  }
}

async function main(): Promise<void> {
  const cache = JSON.parse(readFileSync(new URL('./optimum-cache.json', import.meta.url), 'utf8')) as Record<string, { plan?: string }>;
  console.log(`# fewest moves vs short moves — ${new Date().toISOString()}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('| instance | plan | accounts moved | mean km of a moved account | total km moved | max deviation |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const [n, r] of sizes) {
    const size = `${n / 1000}k/${r}`;
    const base = makeZipBase(n, r, 1);
    const near: ZipInstance = { name: `${size} nearest-rep start`, ...base, current: nearestPlan(base.accounts, base.reps), tolerance: 0.05 };
    await frontier(near, [0, 0.25, 0.5, 1, 2]);
    const key = Object.keys(cache).find((k) => k.startsWith(`${size} nearest-rep start :: compactness MIP`));
    const enc = key ? cache[key].plan : undefined;
    if (!enc) continue;
    const plan = enc.split(',').map((x) => parseInt(x, 36));
    const balanced: Assignments = {};
    base.accounts.forEach((a, i) => (balanced[a.id] = base.reps[plan[i]].id));
    const pert: ZipInstance = { name: `${size} compact balanced plan perturbed (2%)`, ...base, current: perturb(base.accounts, base.reps, balanced, 0.02, 1), tolerance: 0.05 };
    await frontier(pert, [0, 0.25, 0.5, 1, 2]);
  }
  console.log(`load at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
