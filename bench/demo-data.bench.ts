/**
 * generateDemoData and the memory adapter (npm run bench:demo-data):
 * - generate 5k and 100k accounts (25 reps), beside a baseline built in the same run: creating the
 *   same number of plain account-shaped objects with Math.random (no distributions, plan or names);
 * - createMemoryAdapter + load() of 5k and 100k accounts, beside a baseline of validateBatch alone
 *   on the same rows (the load's floor: validation dominates).
 * Reports wall and CPU time (median of RUNS) with the machine's load average: on a shared machine
 * the baseline is the number to compare against.
 */
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { generateDemoData } from '../src/data/generate-demo-data.js';
import { createMemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import { validateBatch } from '../src/model/validate-batch.js';

const RUNS = Number(process.env.RUNS ?? 5);
const SIZES = (process.env.SIZES ?? '5000,100000').split(',').map(Number);

async function measure(run: () => unknown | Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const walls: number[] = [];
  const cpuTimes: number[] = [];
  await run(); // warm-up
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return { wall: median(walls), cpu: median(cpuTimes) };
}

function baselineObjects(n: number) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = {
      id: `acc-${i}`,
      name: `Company ${i}`,
      lat: 25 + Math.random() * 24,
      lng: -124 + Math.random() * 55,
      industry: 'Retail',
      employees: Math.round(Math.random() * 1000),
      annualRevenue: Math.random() * 1e8,
      potential: Math.random() * 1e6,
      workload: 1,
      ownerId: 'rep-01',
      regions: ['06'],
      lastModified: '2026-11-01T00:00:00.000Z',
      performance: { pipeline: 0, pipelinePrevious: 0, closedWon: 0, winRate: null, lastActivity: null },
      fields: { segment: 'SMB' },
    };
  }
  return out;
}

const rows: string[][] = [];
const fmt = (m: { wall: number; cpu: number }) => [`${m.wall.toFixed(0)} ms`, `${m.cpu.toFixed(0)} ms`];
for (const n of SIZES) {
  rows.push([`generateDemoData ${n.toLocaleString('en-US')} accounts, 25 reps`, ...fmt(await measure(() => generateDemoData({ seed: 1, accounts: n })))]);
  rows.push([`  baseline: ${n.toLocaleString('en-US')} plain account objects`, ...fmt(await measure(() => baselineObjects(n)))]);
  const data = generateDemoData({ seed: 1, accounts: n });
  rows.push([`createMemoryAdapter + load ${n.toLocaleString('en-US')}`, ...fmt(await measure(() => createMemoryAdapter(data).load()))]);
  rows.push([`  baseline: validateBatch ${n.toLocaleString('en-US')} accounts`, ...fmt(await measure(() => validateBatch('account', data.accounts)))]);
}

console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, median of ${RUNS}`);
console.log('| case | wall | cpu |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
