/**
 * Quick check while working on #16 (no HiGHS, no baseline): the default rebalance and the move
 * budgets at 1× / 1.25× the cached optimum on the 1k/2k/5k instances of bench/optimum.bench.ts.
 *
 *   node --import tsx bench/optimum-quick.ts [--cases=2k/20 compact] [--no-budget] [--proximity=0,0.3,1]
 *
 * With --proximity: the default run at each of these `proximity` settings (the engine's side of
 * bench/optimum-frontier.ts, without the MIPs).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { haversineKm } from '../src/engine/geo.js';
import { evaluatePlan } from '../src/engine/evaluate-plan.js';
import { rebalance } from '../src/engine/rebalance.js';
import type { RebalanceOptions } from '../src/engine/rebalance.js';
import type { Assignments } from '../src/model/plan.js';
import { makeZipBase, nearestPlan, perturb, type ZipInstance } from './optimum-instances.js';

const cache = JSON.parse(readFileSync(new URL('./optimum-cache.json', import.meta.url), 'utf8')) as Record<string, { moves?: number; plan?: string; status: string; bound: number }>;
function hashOf(inst: ZipInstance, what: string): string {
  const h = createHash('sha1');
  h.update(what);
  h.update(String(inst.tolerance));
  for (const a of inst.accounts) h.update(`${a.id}|${a.lat}|${a.lng}|${a.potential}|${a.workload}|${inst.current[a.id]}|${a.locked ? 1 : 0};`);
  for (const p of inst.reps) h.update(`${p.id}|${p.home?.lat}|${p.home?.lng}|${p.capacity};`);
  for (const id of inst.lockedAccountIds ?? []) h.update(`L${id}`);
  return `${inst.name} :: ${what} :: ${h.digest('hex').slice(0, 16)}`;
}
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const filter = args.get('cases')?.split(',');
const want = (name: string): boolean => !filter || filter.some((f) => name.includes(f));
const factors = args.has('no-budget') ? [] : [1, 1.25];

function row(inst: ZipInstance, label: string, plan: Assignments, ms: number, status: string, opt: number): void {
  const ev = evaluatePlan(inst.accounts, inst.reps, plan, { tolerance: inst.tolerance });
  const home = new Map(inst.reps.map((p) => [p.id, p.home]));
  let moves = 0;
  let km = 0;
  for (const a of inst.accounts) {
    const to = plan[a.id];
    if (to === inst.current[a.id]) continue;
    moves++;
    const h = typeof to === 'string' ? home.get(to) : null;
    if (h) km += haversineKm(a.lat as number, a.lng as number, h.lat, h.lng);
  }
  const dev = Math.max(ev.balance.workload.maxDeviation, ev.balance.potential.maxDeviation);
  console.log(`${inst.name.padEnd(42)} ${label.padEnd(16)} moves ${String(moves).padStart(4)} (${(moves / opt).toFixed(2)}×, opt ${opt}) dev ${(dev * 100).toFixed(1)}% mean ${(km / Math.max(1, moves)).toFixed(0)} km total ${Math.round(km)} ${Math.round(ms)} ms CPU ${status}`);
}

for (const [n, r] of [[1000, 10], [2000, 20], [5000, 25]] as [number, number][]) {
  const size = `${n / 1000}k/${r}`;
  const base = makeZipBase(n, r, 1);
  const near: ZipInstance = { name: `${size} nearest-rep start`, ...base, current: nearestPlan(base.accounts, base.reps), tolerance: 0.05 };
  const compact = cache[hashOf(near, 'compactness MIP')];
  const plan = Int32Array.from(compact.plan!.split(','), (x) => parseInt(x, 36));
  const balanced: Assignments = {};
  base.accounts.forEach((a, i) => (balanced[a.id] = base.reps[plan[i]].id));
  const pert: ZipInstance = { name: `${size} compact balanced plan perturbed (2%)`, ...base, current: perturb(base.accounts, base.reps, balanced, 0.02, 1), tolerance: 0.05 };
  for (const inst of [near, pert]) {
    if (!want(inst.name)) continue;
    const opt = cache[hashOf(inst, 'fewest-moves MIP')].moves!;
    const prox = args.get('proximity')?.split(',').map(Number);
    const runs: [string, RebalanceOptions][] = prox
      ? prox.map((p) => [`proximity ${p}`, { proximity: p }] as [string, RebalanceOptions])
      : [['default', {}], ...factors.map((f) => [`maxMoves ${f}×`, { maxMoves: Math.round(opt * f) }] as [string, RebalanceOptions])];
    for (const [label, o] of runs) {
      const c0 = process.cpuUsage();
      const res = await rebalance(inst, { tolerance: 0.05, ...o });
      const c1 = process.cpuUsage(c0);
      row(inst, label, res.assignments, (c1.user + c1.system) / 1000, res.status, opt);
    }
  }
}
