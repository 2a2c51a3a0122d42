/**
 * Benchmark: rebalance vs a greedy baseline vs turf clustersKmeans on seeded instances.
 *
 *   npm run bench                         # every size: 1k/10, 10k/50, 100k/500
 *   npm run bench -- --sizes=1k,10k       # some sizes
 *   npm run bench -- --kinds=heavy        # some kinds (uniform, metro, heavy)
 *   npm run bench -- --no-kmeans          # skip turf clustersKmeans
 *   npm run bench -- --no-floor           # skip the compactness floor (≈ 10 s at 100k)
 *   npm run bench -- --no-compact         # skip rebalance with objective 'compactness' (without and with budgets)
 *   npm run bench -- --runs=3             # timed runs of rebalance (median reported; default 3)
 *
 * clustersKmeans runs in a worker thread (bench/kmeans-worker.mjs) and is stopped after 60 s (reported as "skipped").
 * Metrics come from evaluatePlan / comparePlans: max deviation of workload and potential, accounts
 * and potential moved against the comparePlans lower bound, and compactness (workload-weighted km to
 * the rep's home; for k-means, to the cluster centroid). The compactness floor row is a lower bound:
 * no plan within ±5% on workload and potential with the same rep homes is more compact (see
 * `compactnessFloor`); its time column is the time to compute the bound.
 */

import { cpus, loadavg, availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { comparePlans } from '../src/engine/compare-plans.js';
import { evaluatePlan } from '../src/engine/evaluate-plan.js';
import { rebalance } from '../src/engine/rebalance.js';
import { greedyBaseline } from '../src/engine/rebalance/greedy-baseline.js';
import type { Assignments } from '../src/model/plan.js';
import type { Rep } from '../src/model/rep.js';
import { compactnessFloor } from './compactness-floor.js';
import { makeInstance, type Instance, type InstanceKind } from './instances.js';

const KMEANS_LIMIT_MS = 60_000;

interface Row {
  instance: string;
  algo: string;
  ms: number | null;
  cpuMs: number | null;
  workload: number;
  potential: number;
  lbPotential: number;
  moved: number;
  lbMoved: number;
  potMoved: number;
  lbPotMoved: number;
  km: number | null;
  status?: string;
  note?: string;
}

function runKmeans(inst: Instance): Promise<{ ms: number; cluster: Int32Array; centroids: [number, number][] } | null> {
  const coords = new Float64Array(inst.accounts.length * 2);
  inst.accounts.forEach((a, i) => {
    coords[2 * i] = a.lng as number;
    coords[2 * i + 1] = a.lat as number;
  });
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./kmeans-worker.mjs', import.meta.url), { workerData: { coords, k: inst.reps.length } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, KMEANS_LIMIT_MS);
    worker.once('message', (m) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

function measure(inst: Instance, reps: readonly Rep[], plan: Assignments, base: Omit<Row, 'workload' | 'potential' | 'lbPotential' | 'moved' | 'lbMoved' | 'potMoved' | 'lbPotMoved' | 'km'>, disruption = true): Row {
  const ev = evaluatePlan(inst.accounts, reps, plan);
  const cmp = disruption ? comparePlans(inst.accounts, inst.current, plan, { reps: inst.reps }) : null;
  return {
    ...base,
    workload: ev.balance.workload.maxDeviation,
    potential: ev.balance.potential.maxDeviation,
    lbPotential: ev.balance.potential.lowerBound,
    moved: cmp ? cmp.accountsMoved : NaN,
    lbMoved: cmp ? cmp.lowerBound.accounts : NaN,
    potMoved: cmp ? cmp.potentialMoved : NaN,
    lbPotMoved: cmp ? cmp.lowerBound.potential : NaN,
    km: ev.compactnessKm,
  };
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall and process-CPU time of `runs` calls, and the last result. */
async function timed<T>(runs: number, f: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < runs; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = await f();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  if (result === undefined) throw new Error('no run');
  return { ms: median(times), cpuMs: median(cpu), result };
}

async function benchInstance(inst: Instance, runs: number, kmeans: boolean, floor: boolean, compact: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const start = measure(inst, inst.reps, inst.current, { instance: inst.name, algo: 'current plan', ms: null, cpuMs: null });
  rows.push(start);
  rows.push(measure(inst, inst.reps, inst.drawn, { instance: inst.name, algo: 'drawn plan (reference)', ms: null, cpuMs: null }));

  const times: number[] = [];
  const cpu: number[] = [];
  let result = null;
  for (let run = 0; run < runs; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = await rebalance(inst);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  if (!result) throw new Error('no run');
  const ours = measure(inst, inst.reps, result.assignments, { instance: inst.name, algo: 'rebalance', ms: median(times), cpuMs: median(cpu), status: result.status });
  // the result's own metrics must agree with a fresh evaluation
  if (Math.abs(result.metrics.after.balance.potential.maxDeviation - ours.potential) > 1e-12) throw new Error('metrics disagree');
  rows.push(ours);

  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const greedy = greedyBaseline(inst.accounts, inst.reps, inst.current);
  const gms = performance.now() - t0;
  const gc = process.cpuUsage(c0);
  rows.push(measure(inst, inst.reps, greedy, { instance: inst.name, algo: 'greedy baseline', ms: gms, cpuMs: (gc.user + gc.system) / 1000 }));

  if (compact) {
    const c = await timed(runs, () => rebalance(inst, { objective: 'compactness' }));
    rows.push(measure(inst, inst.reps, c.result.assignments, { instance: inst.name, algo: "rebalance, objective 'compactness'", ms: c.ms, cpuMs: c.cpuMs, status: c.result.status }));
    // the same within the disruption target: budgets of 1.5× both comparePlans lower bounds
    const budget = { maxMoves: Math.floor(1.5 * start.lbMoved), maxPotentialMoved: 1.5 * start.lbPotMoved };
    const b = await timed(runs, () => rebalance(inst, { objective: 'compactness', ...budget }));
    rows.push(measure(inst, inst.reps, b.result.assignments, { instance: inst.name, algo: "rebalance, objective 'compactness', budgets 1.5× the bounds", ms: b.ms, cpuMs: b.cpuMs, status: b.result.status }));
  }

  if (floor) {
    const t0 = performance.now();
    const km = compactnessFloor(inst);
    const nan = NaN;
    rows.push({ instance: inst.name, algo: 'compactness floor (any balanced plan)', ms: performance.now() - t0, cpuMs: null, workload: nan, potential: nan, lbPotential: nan, moved: nan, lbMoved: nan, potMoved: nan, lbPotMoved: nan, km });
    // the same, for plans that also keep the disruption target (≤ 1.5× both lower bounds)
    const t1 = performance.now();
    const budget = { accounts: 1.5 * start.lbMoved, potential: 1.5 * start.lbPotMoved };
    const kmBudget = compactnessFloor(inst, { budget });
    rows.push({ instance: inst.name, algo: 'compactness floor (balanced, ≤ 1.5× both disruption bounds)', ms: performance.now() - t1, cpuMs: null, workload: nan, potential: nan, lbPotential: nan, moved: nan, lbMoved: nan, potMoved: nan, lbPotMoved: nan, km: kmBudget });
  }
  if (kmeans) {
    const km = await runKmeans(inst);
    if (!km) {
      rows.push({ instance: inst.name, algo: 'turf clustersKmeans', ms: null, cpuMs: null, workload: NaN, potential: NaN, lbPotential: NaN, moved: NaN, lbMoved: NaN, potMoved: NaN, lbPotMoved: NaN, km: null, note: `skipped: over ${KMEANS_LIMIT_MS / 1000} s` });
    } else {
      const kreps: Rep[] = km.centroids.map(([lng, lat], c) => ({ id: `k${c}`, name: `cluster ${c}`, home: { lat, lng }, capacity: 1, skills: [], active: true }));
      const plan: Assignments = {};
      inst.accounts.forEach((a, i) => (plan[a.id] = `k${km.cluster[i]}`));
      rows.push(measure(inst, kreps, plan, { instance: inst.name, algo: 'turf clustersKmeans', ms: km.ms, cpuMs: null }, false));
    }
  }
  return rows;
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');
const num = (x: number | null, d = 0): string => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(d));

function table(rows: Row[]): string {
  const head = '| instance | algorithm | time ms | CPU ms | max dev workload | max dev potential (bound) | accounts moved (LB, ×LB) | potential moved ×LB | compactness km (×k-means) | status |';
  const sep = '|---|---|---:|---:|---:|---:|---:|---:|---:|---|';
  const kmKm = new Map<string, number | null>();
  for (const r of rows) if (r.algo === 'turf clustersKmeans') kmKm.set(r.instance, r.km);
  const lines = rows.map((r) => {
    const k = kmKm.get(r.instance);
    const ratio = r.km !== null && k ? ` (${(r.km / k).toFixed(2)}×)` : '';
    const moved = Number.isFinite(r.moved) ? `${r.moved} (${r.lbMoved}, ${r.lbMoved > 0 ? (r.moved / r.lbMoved).toFixed(2) : '–'}×)` : '–';
    const potx = Number.isFinite(r.potMoved) && r.lbPotMoved > 0 ? `${(r.potMoved / r.lbPotMoved).toFixed(2)}×` : '–';
    return `| ${r.instance} | ${r.algo} | ${num(r.ms)} | ${num(r.cpuMs)} | ${pct(r.workload)} | ${pct(r.potential)} (${pct(r.lbPotential)}) | ${moved} | ${potx} | ${num(r.km, 1)}${ratio} | ${r.status ?? r.note ?? ''} |`;
  });
  return [head, sep, ...lines].join('\n');
}

async function main(): Promise<void> {
  const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
  const sizes = (args.get('sizes') ?? '1k,10k,100k').split(',');
  const kinds = (args.get('kinds') ?? 'uniform,metro,heavy').split(',') as InstanceKind[];
  const runs = Number(args.get('runs') ?? 3);
  const kmeans = !args.has('no-kmeans');
  const floor = !args.has('no-floor');
  const compact = !args.has('no-compact');
  const shape: Record<string, [number, number]> = { '1k': [1_000, 10], '10k': [10_000, 50], '100k': [100_000, 500] };

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`# rebalance bench — ${new Date().toISOString()}`);
  console.log(`machine: ${availableParallelism()} cores, ${cpu}, node ${process.version}, load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const rows: Row[] = [];
  for (const size of sizes) {
    const [n, r] = shape[size] ?? [];
    if (!n) throw new Error(`unknown size ${size} (1k, 10k, 100k)`);
    for (const kind of kinds) {
      const inst = makeInstance(kind, n, r, 1);
      const got = await benchInstance(inst, runs, kmeans, floor, compact);
      rows.push(...got);
      for (const row of got) console.error(`${row.instance} ${row.algo}: ${num(row.ms)} ms, dev ${pct(row.workload)}/${pct(row.potential)}, moved ${row.moved}/${row.lbMoved}, km ${num(row.km, 1)}`);
    }
  }
  console.log(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(table(rows));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
