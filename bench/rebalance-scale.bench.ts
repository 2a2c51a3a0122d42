/**
 * rebalance at 100k accounts × 500 reps (npm run bench:scale), this tree beside a baseline engine in
 * the same process (`git archive <ref> src`, default `--baseline=main`), on the instances of
 * `npm run bench` (bench/instances.ts: uniform, metro, heavy). Runs alternate baseline / this tree
 * (`--runs=3` each, median), each with wall ms, process CPU ms (user + system) and the 1-minute load
 * average read just before it: on a shared machine wall time is CPU time plus the wait for a core.
 *
 *   npm run bench:scale -- --baseline=f1966a7 --runs=3 --kinds=uniform,metro,heavy --size=100000x500
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { rebalance as rebalanceHere, type RebalanceResult } from '../src/engine/rebalance.js';
import { makeInstance, type Instance, type InstanceKind } from './instances.js';
import { loadBaselineRebalance } from './baseline-engine.js';

type Rebalance = (input: Instance) => Promise<RebalanceResult>;


const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
  const runs = Number(args.get('runs') ?? 3);
  const kinds = (args.get('kinds') ?? 'uniform,metro,heavy').split(',') as InstanceKind[];
  const [n, r] = (args.get('size') ?? '100000x500').split('x').map(Number);
  const engines: [string, Rebalance][] = [];
  const ref = args.get('baseline') ?? 'main';
  if (!args.has('no-baseline')) {
    const b = await loadBaselineRebalance(ref);
    if (b) engines.push([`${ref} ${b.sha.slice(0, 7)}`, b.f]);
  }
  engines.push(['this tree', rebalanceHere as Rebalance]);
  console.log(`# rebalance ${n / 1000}k × ${r} — ${new Date().toISOString()}`);
  console.log(`machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('');
  console.log('| instance | engine | wall ms (median) | CPU ms (median) | wall ms of each run | CPU ms of each run | load (1 min) before each run | moves | status |');
  console.log('|---|---|---:|---:|---|---|---|---:|---|');
  for (const kind of kinds) {
    const inst = makeInstance(kind, n, r);
    for (const [, f] of engines) await f(inst); // warm-up (JIT), not timed
    const m = engines.map(() => ({ wall: [] as number[], cpu: [] as number[], load: [] as number[], moves: 0, status: '' }));
    for (let run = 0; run < runs; run++) {
      for (let e = 0; e < engines.length; e++) {
        m[e].load.push(loadavg()[0]);
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const res = await engines[e][1](inst);
        m[e].wall.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        m[e].cpu.push((c.user + c.system) / 1000);
        m[e].moves = res.moves.length;
        m[e].status = res.status;
      }
    }
    engines.forEach(([name], e) => {
      const x = m[e];
      const list = (xs: number[]): string => xs.map((v) => v.toFixed(0)).join(' / ');
      console.log(`| ${n / 1000}k/${r} ${kind} | ${name} | ${median(x.wall).toFixed(0)} | ${median(x.cpu).toFixed(0)} | ${list(x.wall)} | ${list(x.cpu)} | ${x.load.map((v) => v.toFixed(1)).join(' / ')} | ${x.moves} | ${x.status} |`);
    });
  }
  console.log('');
  console.log(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

await main();
