/**
 * Long moves on the demo data (npm run bench:long-moves), issue #14 "no cross-country move when a
 * nearer rep can take the account (orphans included)".
 *
 * For each case (the demo's 5,000 accounts / 25 reps, seed 42 as `npm start` shows them, and two
 * other seeds), the rebalance of this tree beside a baseline engine loaded in the same process from
 * `git archive <ref> src` (default `--baseline=main`), and per result:
 * - moves, and moves longer than 500 km (great circle, account → new rep's home), orphans among them;
 * - of the long moves, those where a nearer rep had room: some active, unlocked rep nearer to the
 *   account than its new owner would stay within the tolerance with the account added ("room");
 * - of those, where giving the account to such a nearer rep keeps *every* rep within the tolerance
 *   (the new owner too: the long move was not needed for balance);
 * - worst deviation, status, mean km of a moved account, workload-weighted km to the owner's home;
 * - with `maxDistanceKm`, what the result reports as held back by the limit.
 * Times are wall ms of one run (the machine is shared); counts are deterministic.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { generateDemoData } from '../src/data/generate-demo-data.js';
import { haversineKm } from '../src/engine/geo.js';
import { rebalance as rebalanceHere, type RebalanceOptions, type RebalanceResult } from '../src/engine/rebalance.js';
import type { Account } from '../src/model/account.js';
import type { Assignments } from '../src/model/plan.js';
import type { Rep } from '../src/model/rep.js';
import { loadBaselineRebalance } from './baseline-engine.js';

type Rebalance = (input: { accounts: Account[]; reps: Rep[]; current: Assignments }, options?: RebalanceOptions) => Promise<RebalanceResult>;
const FAR_KM = 500;


interface Figures {
  moves: number;
  far: number;
  farOrphans: number;
  nearerRoom: number;
  nearerBalanced: number;
  worst: number;
  status: string;
  meanKm: number;
  compactKm: number | null;
  held: number | null;
  ms: number;
}

/** The figures of one result against its input (tolerance as asked). */
function figures(accounts: Account[], reps: Rep[], current: Assignments, res: RebalanceResult, tol: number, ms: number): Figures {
  const repIdx = new Map(reps.map((r, j) => [r.id, j]));
  const free = reps.map((r) => r.active !== false && !r.locked);
  const load = reps.map(() => [0, 0]);
  let totW = 0;
  let totP = 0;
  for (const a of accounts) {
    totW += a.workload ?? 1;
    totP += a.potential;
    const o = res.assignments[a.id];
    if (o == null) continue;
    const j = repIdx.get(o);
    if (j === undefined) continue;
    load[j][0] += a.workload ?? 1;
    load[j][1] += a.potential;
  }
  const capSum = reps.reduce((s, r) => s + (r.active !== false ? (r.capacity ?? 1) : 0), 0);
  const target = (j: number): [number, number] => [(totW * (reps[j].capacity ?? 1)) / capSum, (totP * (reps[j].capacity ?? 1)) / capSum];
  const within = (j: number, dw: number, dp: number): boolean => {
    const [tw, tp] = target(j);
    return Math.abs((load[j][0] + dw) / tw - 1) <= tol + 1e-9 && Math.abs((load[j][1] + dp) / tp - 1) <= tol + 1e-9;
  };
  const km = (a: Account, j: number): number => haversineKm(a.lat as number, a.lng as number, reps[j].home!.lat, reps[j].home!.lng);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  let far = 0;
  let farOrphans = 0;
  let nearerRoom = 0;
  let nearerBalanced = 0;
  let kmSum = 0;
  let kmCount = 0;
  for (const m of res.moves) {
    const a = byId.get(m.accountId)!;
    const to = repIdx.get(m.to)!;
    if (a.lat === null || !reps[to].home) continue;
    const d = km(a, to);
    kmSum += d;
    kmCount++;
    if (d <= FAR_KM) continue;
    far++;
    const from = m.from === null ? undefined : repIdx.get(m.from);
    if (from === undefined || reps[from].active === false) farOrphans++;
    let room = false;
    let balanced = false;
    const w = a.workload ?? 1;
    for (let c = 0; c < reps.length; c++) {
      if (c === to || !free[c] || !reps[c].home || km(a, c) >= d) continue;
      if (!within(c, w, a.potential)) continue;
      room = true;
      if (within(to, -w, -a.potential)) balanced = true;
    }
    if (room) nearerRoom++;
    if (balanced) nearerBalanced++;
  }
  const after = res.metrics.after.balance;
  return {
    moves: res.moves.length,
    far,
    farOrphans,
    nearerRoom,
    nearerBalanced,
    worst: Math.max(after.workload.maxDeviation, after.potential.maxDeviation),
    status: res.status,
    meanKm: kmCount ? kmSum / kmCount : 0,
    compactKm: res.metrics.after.compactnessKm,
    held: res.distanceLimit ? res.distanceLimit.accountCount : null,
    ms,
  };
}

async function main(): Promise<void> {
  const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
  const refs = args.has('no-baseline') ? [] : (args.get('baseline') ?? 'main').split(',');
  const engines: [string, Rebalance][] = [];
  for (const ref of refs) {
    const b = await loadBaselineRebalance(ref);
    if (b) engines.push([`${ref} ${b.sha.slice(0, 7)}`, b.f]);
  }
  engines.push(['this tree', rebalanceHere as Rebalance]);
  console.log(`# long moves on the demo data — ${new Date().toISOString()}`);
  console.log(`machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('');
  console.log('| case | engine | moves | > 500 km (orphans) | of those, a nearer rep had room | … and every rep stays within tolerance | worst deviation | status | mean km moved | compactness km | held back by the limit | ms |');
  console.log('|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|');
  const seeds = (args.get('seeds') ?? '42,1,7').split(',').map(Number);
  for (const seed of seeds) {
    const data = generateDemoData({ seed, accounts: Number(args.get('accounts') ?? 5000), reps: 25 });
    const accounts = data.accounts;
    const reps = data.reps;
    const current: Assignments = Object.create(null) as Assignments;
    for (const a of accounts) current[a.id] = a.ownerId ?? null;
    const cases: [string, RebalanceOptions][] = [
      ['default', {}],
      ['maxMoves 100', { maxMoves: 100 }],
      ['maxDistanceKm 500', { maxDistanceKm: 500 }],
    ];
    for (const [name, options] of cases) {
      for (const [engine, f] of engines) {
        const t0 = performance.now();
        const res = await f({ accounts, reps, current }, options);
        const x = figures(accounts, reps, current, res, options.tolerance ?? 0.05, performance.now() - t0);
        console.log(
          `| demo seed ${seed}, ${name} | ${engine} | ${x.moves} | ${x.far} (${x.farOrphans}) | ${x.nearerRoom} | ${x.nearerBalanced} | ${(x.worst * 100).toFixed(1)}% | ${x.status} | ${x.meanKm.toFixed(0)} | ${x.compactKm === null ? '–' : x.compactKm.toFixed(1)} | ${x.held ?? '–'} | ${x.ms.toFixed(0)} |`,
        );
      }
    }
  }
  console.log('');
  console.log(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

await main();
