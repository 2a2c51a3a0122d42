/**
 * Benchmark: rebalance against the exact optimum (HiGHS MIP / LP), on real ZIP geography.
 *
 *   npm run bench:optimum                      # every case; references from bench/optimum-cache.json
 *   npm run bench:optimum -- --cases=1k,whale  # cases whose name contains one of these
 *   npm run bench:optimum -- --resolve         # solve the references again (slow: minutes per case)
 *   npm run bench:optimum -- --no-baseline     # skip the engine as on main
 *   npm run bench:optimum -- --baseline=main,c0b99f9  # the engines of these commits beside this branch's
 *   npm run bench:optimum -- --time-limit=300  # HiGHS time limit per model, seconds (default 300)
 *
 * References (bench/optimum-solve.ts), cached by a hash of the instance so a rerun takes minutes:
 * - fewest moves: the MIP "minimise accounts moved, then their km" within ±τ on workload AND potential
 *   (locked accounts fixed); "≤ a (≥ b)" when HiGHS stopped at its time limit, b = its dual bound;
 * - LP bound of the same (x relaxed to [0, 1]);
 * - compactness LP bound: the least workload-weighted mean km to the rep's home of any balanced
 *   (fractional) plan — no balanced plan is more compact;
 * - for the infeasible cases, what is reachable: a plan keeping every rep not touched by the cause
 *   within ±τ (whale 12%, locks), the least worst deviation of the other reps (whale 30%), a plan
 *   within ±0.5% (tight tolerance).
 *
 * The engine as on main is loaded from a copy of `main`'s src/ (git archive into the OS temp folder)
 * in the same process, so both run on the same machine state. Instances: bench/optimum-instances.ts.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { comparePlans } from '../src/engine/compare-plans.js';
import { evaluatePlan } from '../src/engine/evaluate-plan.js';
import { haversineKm } from '../src/engine/geo.js';
import { rebalance as rebalanceHere } from '../src/engine/rebalance.js';
import type { RebalanceOptions, RebalanceResult } from '../src/engine/rebalance.js';
import type { Assignments } from '../src/model/plan.js';
import { distances, makeZipBase, nearestPlan, perturb, type ZipInstance } from './optimum-instances.js';
import { solveAssign, type AssignSolution } from './optimum-solve.js';
import { loadBaselineRebalance } from './baseline-engine.js';

type Rebalance = (input: ZipInstance, options?: RebalanceOptions) => Promise<RebalanceResult>;

const CACHE = process.env.OPTIMUM_CACHE ? pathToFileURL(process.env.OPTIMUM_CACHE) : new URL('./optimum-cache.json', import.meta.url);
const METRICS = ['workload', 'potential'] as const;

interface Ref {
  status: string;
  objective: number;
  bound: number;
  seconds: number;
  t?: number;
  /** moves of the plan, and km of its moved accounts (mean, to the new rep's home) */
  moves?: number;
  meanMoveKm?: number;
  /** plan as one rep index per account, base-36, comma-separated */
  plan?: string;
}
type Cache = Record<string, Ref>;

function loadCache(): Cache {
  return existsSync(CACHE) ? (JSON.parse(readFileSync(CACHE, 'utf8')) as Cache) : {};
}

function hashOf(inst: ZipInstance, what: string): string {
  const h = createHash('sha1');
  h.update(what);
  h.update(String(inst.tolerance));
  for (const a of inst.accounts) h.update(`${a.id}|${a.lat}|${a.lng}|${a.potential}|${a.workload}|${inst.current[a.id]}|${a.locked ? 1 : 0};`);
  for (const p of inst.reps) h.update(`${p.id}|${p.home?.lat}|${p.home?.lng}|${p.capacity};`);
  for (const id of inst.lockedAccountIds ?? []) h.update(`L${id}`);
  return `${inst.name} :: ${what} :: ${h.digest('hex').slice(0, 16)}`;
}

/** Values per account and metric, targets per rep and metric (capacity-scaled, as evaluatePlan). */
function tables(inst: ZipInstance): { val: Float64Array; target: Float64Array; start: Int32Array; fixed: Int32Array } {
  const n = inst.accounts.length;
  const r = inst.reps.length;
  const k = METRICS.length;
  const val = new Float64Array(n * k);
  const totals = [0, 0];
  inst.accounts.forEach((a, i) => {
    val[i * k] = a.workload ?? 1;
    val[i * k + 1] = a.potential;
    totals[0] += val[i * k];
    totals[1] += val[i * k + 1];
  });
  const capSum = inst.reps.reduce((s, p) => s + (p.capacity ?? 1), 0);
  const target = new Float64Array(r * k);
  inst.reps.forEach((p, j) => {
    for (let m = 0; m < k; m++) target[j * k + m] = (totals[m] * (p.capacity ?? 1)) / capSum;
  });
  const index = new Map(inst.reps.map((p, j) => [p.id, j]));
  const locked = new Set(inst.lockedAccountIds ?? []);
  const start = new Int32Array(n);
  const fixed = new Int32Array(n).fill(-1);
  inst.accounts.forEach((a, i) => {
    const o = inst.current[a.id];
    start[i] = typeof o === 'string' ? (index.get(o) ?? -1) : -1;
    if (a.locked || locked.has(a.id)) fixed[i] = start[i];
  });
  return { val, target, start, fixed };
}

function planOf(inst: ZipInstance, plan: Int32Array): Assignments {
  const out: Assignments = {};
  inst.accounts.forEach((a, i) => (out[a.id] = inst.reps[plan[i]].id));
  return out;
}

function encode(plan: Int32Array): string {
  return Array.from(plan, (x) => x.toString(36)).join(',');
}
function decode(s: string): Int32Array {
  return Int32Array.from(s.split(','), (x) => parseInt(x, 36));
}

interface Bands {
  lo: Float64Array;
  hi: Float64Array;
}
function bandsOf(target: Float64Array, tol: number, wide: Map<number, [number, number]> = new Map()): Bands {
  const lo = new Float64Array(target.length);
  const hi = new Float64Array(target.length);
  for (let q = 0; q < target.length; q++) {
    const w = wide.get(q);
    lo[q] = w ? w[0] : (1 - tol) * target[q];
    hi[q] = w ? w[1] : (1 + tol) * target[q];
  }
  return { lo, hi };
}

/** Fewest moves (then shortest) within the bands. */
async function fewestMoves(inst: ZipInstance, bands: Bands, integer: boolean, timeLimit: number, tieKm = true, start?: Int32Array): Promise<AssignSolution> {
  const { val, start: from, fixed } = tables(inst);
  const n = inst.accounts.length;
  const r = inst.reps.length;
  const d = distances(inst.accounts, inst.reps);
  let dmax = 0;
  for (const x of d) if (x > dmax) dmax = x;
  const eps = tieKm ? 1 / (n * dmax * 2) : 0;
  const cost = new Float64Array(n * r);
  for (let i = 0; i < n; i++) for (let j = 0; j < r; j++) cost[i * r + j] = j === from[i] ? 0 : 1 + eps * d[i * r + j];
  return solveAssign({ n, r, k: 2, val, lo: bands.lo, hi: bands.hi, cost, fixed, integer, timeLimit, start });
}

/** Least workload-weighted mean km to the rep's home of a balanced plan (fractional: an LP bound; or whole). */
async function compactSolve(inst: ZipInstance, integer: boolean, timeLimit: number, start?: Int32Array): Promise<AssignSolution> {
  const { val, target, fixed } = tables(inst);
  const n = inst.accounts.length;
  const r = inst.reps.length;
  const d = distances(inst.accounts, inst.reps);
  const w = inst.accounts.map((a) => a.workload ?? 1);
  const W = w.reduce((s, x) => s + x, 0);
  const cost = new Float64Array(n * r);
  for (let i = 0; i < n; i++) for (let j = 0; j < r; j++) cost[i * r + j] = (w[i] * d[i * r + j]) / W;
  const b = bandsOf(target, inst.tolerance);
  return solveAssign({ n, r, k: 2, val, lo: b.lo, hi: b.hi, cost, fixed, integer, timeLimit, start });
}

function withPlan(inst: ZipInstance, sol: AssignSolution): Ref {
  const ref: Ref = { status: sol.status, objective: sol.objective, bound: sol.bound, seconds: Math.round(sol.seconds * 10) / 10 };
  if (Number.isFinite(sol.t)) ref.t = sol.t;
  if (sol.plan) {
    const m = movesOf(inst, planOf(inst, sol.plan));
    ref.moves = m.moves;
    ref.meanMoveKm = m.meanKm;
    ref.plan = encode(sol.plan);
  }
  return ref;
}

async function cached(cache: Cache, key: string, resolve: boolean, solve: () => Promise<Ref>): Promise<Ref> {
  if (!resolve && cache[key]) return cache[key];
  console.error(`solving ${key} …`);
  const ref = await solve();
  console.error(`  ${ref.status} objective ${ref.objective} bound ${ref.bound} in ${ref.seconds} s`);
  // a solve that found no plan in its time is not kept: the next run tries again
  if (ref.status === 'time-limit' && !ref.plan) return ref;
  // plans are kept only where a later case starts from them (the compact balanced plans): the file stays small
  const { plan, ...rest } = ref;
  cache[key] = key.includes('compactness MIP') ? ref : rest;
  void plan;
  writeFileSync(CACHE, `${JSON.stringify(cache, null, 0).replace(/\},"/g, '},\n"')}\n`);
  return ref;
}

/** Accounts whose owner differs from the start, and the mean km from them to their new rep's home. */
function movesOf(inst: ZipInstance, plan: Assignments): { moves: number; meanKm: number } {
  const home = new Map(inst.reps.map((p) => [p.id, p.home]));
  let moves = 0;
  let km = 0;
  for (const a of inst.accounts) {
    const to = plan[a.id];
    if (to === (inst.current[a.id] ?? null)) continue;
    moves++;
    const h = typeof to === 'string' ? home.get(to) : null;
    if (h) km += haversineKm(a.lat as number, a.lng as number, h.lat, h.lng);
  }
  return { moves, meanKm: moves > 0 ? km / moves : 0 };
}

interface Row {
  instance: string;
  algo: string;
  moves: string;
  ratio: string;
  work: number;
  pot: number;
  othersWorst?: number;
  meanKm: number;
  compactKm: number | null;
  ms: number | null;
  status: string;
}

/** The status, with the limits the branch's engine reports (cause, metric, bound → reached). */
function statusOf(result: RebalanceResult): string {
  const limits = (result as Partial<RebalanceResult>).limits ?? [];
  const parts = limits.map((l) => `${l.cause} ${l.metric} ≥ ${pct(l.bound)} → ${pct(l.reached)}`);
  return parts.length > 0 ? `${result.status} (${parts.join('; ')})` : result.status;
}

function measure(inst: ZipInstance, plan: Assignments, algo: string, ms: number | null, status: string, ref: number | null, skipRep: Set<string> = new Set()): Row {
  const ev = evaluatePlan(inst.accounts, inst.reps, plan, { tolerance: inst.tolerance });
  const m = movesOf(inst, plan);
  comparePlans(inst.accounts, inst.current, plan, { reps: inst.reps });
  let others = 0;
  for (const rep of ev.reps) {
    if (skipRep.has(rep.repId)) continue;
    for (const k of METRICS) others = Math.max(others, Math.abs(rep.deviation[k]));
  }
  return {
    instance: inst.name,
    algo,
    moves: String(m.moves),
    ratio: ref && ref > 0 ? `${(m.moves / ref).toFixed(2)}×` : '–',
    work: ev.balance.workload.maxDeviation,
    pot: ev.balance.potential.maxDeviation,
    othersWorst: skipRep.size > 0 ? others : undefined,
    meanKm: m.meanKm,
    compactKm: ev.compactnessKm,
    ms,
    status,
  };
}

async function timed(f: Rebalance, inst: ZipInstance, options: RebalanceOptions): Promise<{ result: RebalanceResult; ms: number }> {
  const t0 = performance.now();
  const result = await f(inst, { tolerance: inst.tolerance, lockedAccountIds: inst.lockedAccountIds, ...options });
  return { result, ms: performance.now() - t0 };
}


interface Case {
  inst: ZipInstance;
  /** reference moves (for the ratio), the instance's reachable note */
  kind: 'moves' | 'whale' | 'locks' | 'tight';
  skip?: Set<string>;
}

const pct = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(1)}%`);
/** Moves × mean km: the km all moved accounts travel to their new reps' homes, together. */
const total = (x: Row): string => {
  const m = Number(x.moves.replace(/^≤ /, '').split(' ')[0]);
  return Number.isFinite(m) && Number.isFinite(x.meanKm) ? Math.round(m * x.meanKm).toLocaleString('en-US') : '–';
};
const km = (x: number | null): string => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(1));

async function main(): Promise<void> {
  const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
  const filter = args.get('cases')?.split(',');
  const resolve = args.has('resolve');
  const timeLimit = Number(args.get('time-limit') ?? 300);
  const cache = loadCache();
  // --baseline=main,c0b99f9: the engines of these commits beside this branch's (default main)
  const refs = args.has('no-baseline') ? [] : (args.get('baseline') ?? 'main').split(',');
  const engines: [string, Rebalance][] = [];
  for (const ref of refs) {
    const b = await loadBaselineRebalance(ref);
    if (b) engines.push([`rebalance (${ref === 'main' ? 'main ' : ''}${b.sha.slice(0, 7)})`, b.f]);
  }
  engines.push(['rebalance (this branch)', rebalanceHere as Rebalance]);

  console.log(`# rebalance vs the exact optimum — ${new Date().toISOString()}`);
  console.log(`machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const rows: Row[] = [];
  const want = (name: string): boolean => !filter || filter.some((f) => name.includes(f));

  for (const [n, r] of [
    [1000, 10],
    [2000, 20],
    [5000, 25],
  ] as [number, number][]) {
    const size = `${n / 1000}k/${r}`;
    const base = makeZipBase(n, r, 1);
    const near: ZipInstance = { name: `${size} nearest-rep start`, ...base, current: nearestPlan(base.accounts, base.reps), tolerance: 0.05 };
    if (!want(near.name) && !want(`${size} perturbed`) && !want(size)) continue;
    const { target } = tables(near);
    const b = bandsOf(target, 0.05);
    // the balanced plan the perturbed case starts from: the most compact balanced plan (MIP, time-limited)
    // a large MIP may find no plan in its time on a busy machine: it starts from the engine's plan
    // (balanced within its band, so feasible), and improves on it
    const engineStart = async (inst: ZipInstance, objective: 'disruption' | 'compactness'): Promise<Int32Array> => {
      const res = await rebalanceHere(inst, { tolerance: inst.tolerance, objective });
      const index = new Map(inst.reps.map((p, j) => [p.id, j]));
      return Int32Array.from(inst.accounts, (a) => index.get(res.assignments[a.id] as string) ?? 0);
    };
    const fewest = await cached(cache, hashOf(near, 'fewest-moves MIP'), resolve, async () => withPlan(near, await fewestMoves(near, b, true, timeLimit, true, await engineStart(near, 'disruption'))));
    // the compact MIP starts from the engine's compact plan (or, if that is not balanced, the fewest-moves plan)
    const compactStart = await engineStart(near, 'compactness');
    const seed = compactStart;
    const compact = await cached(cache, hashOf(near, 'compactness MIP'), resolve, async () => withPlan(near, await compactSolve(near, true, Math.min(timeLimit, 120), seed)));
    if (!compact.plan) throw new Error(`${near.name}: no compact balanced plan`);
    const balanced = planOf(near, decode(compact.plan));
    const pert: ZipInstance = { name: `${size} compact balanced plan perturbed (2%)`, ...base, current: perturb(base.accounts, base.reps, balanced, 0.02, 1), tolerance: 0.05 };
    for (const inst of [near, pert]) {
      if (!want(inst.name)) continue;
      const opt = await cached(cache, hashOf(inst, 'fewest-moves MIP'), resolve, async () => withPlan(inst, await fewestMoves(inst, b, true, timeLimit, true, await engineStart(inst, 'disruption'))));
      const lp = await cached(cache, hashOf(inst, 'fewest-moves LP'), resolve, async () => withPlan(inst, await fewestMoves(inst, b, false, timeLimit, false)));
      const cl = await cached(cache, hashOf(inst, 'compactness LP'), resolve, async () => withPlan(inst, await compactSolve(inst, false, timeLimit)));
      const optMoves = opt.moves ?? NaN;
      const lbMoves = Math.max(Math.ceil(lp.objective - 1e-6), opt.status === 'optimal' ? optMoves : Math.ceil(opt.bound - 1 - 1e-6));
      const optLabel = opt.status === 'optimal' ? `${optMoves}` : `≤ ${optMoves} (≥ ${lbMoves})`;
      rows.push({ instance: inst.name, algo: `fewest moves, exact (HiGHS MIP, ${opt.status}, ${opt.seconds} s)`, moves: optLabel, ratio: '1.00×', work: NaN, pot: NaN, meanKm: opt.meanMoveKm ?? NaN, compactKm: null, ms: null, status: '' });
      rows.push({ instance: inst.name, algo: 'LP bounds: moves; compactness (balanced, fractional)', moves: lp.objective.toFixed(1), ratio: '', work: NaN, pot: NaN, meanKm: NaN, compactKm: cl.objective, ms: null, status: '' });
      for (const [name, f] of engines) {
        const d = await timed(f, inst, {});
        rows.push(measure(inst, d.result.assignments, name, d.ms, statusOf(d.result), optMoves));
        const c = await timed(f, inst, { objective: 'compactness' });
        const row = measure(inst, c.result.assignments, `${name}, compactness`, c.ms, statusOf(c.result), null);
        row.ratio = `${((row.compactKm ?? NaN) / cl.objective).toFixed(3)}× LP`;
        rows.push(row);
        for (const factor of [1, 1.25]) {
          const budget = Math.round(optMoves * factor);
          const bm = await timed(f, inst, { maxMoves: budget });
          rows.push(measure(inst, bm.result.assignments, `${name}, maxMoves ${budget} (${factor}× optimum)`, bm.ms, statusOf(bm.result), optMoves));
        }
      }
    }
  }

  // Infeasible tolerances: what is reachable, and what the engine does.
  {
    const base = makeZipBase(1000, 10, 1);
    const near: ZipInstance = { name: 'x', ...base, current: nearestPlan(base.accounts, base.reps), tolerance: 0.05 };
    const mipKey = hashOf({ ...near, name: '1k/10 nearest-rep start' }, 'compactness MIP');
    const balancedRef = cache[mipKey];
    if (balancedRef?.plan && (want('whale') || want('locks'))) {
      const balanced = planOf(near, decode(balancedRef.plan));
      const total = base.accounts.reduce((s, a) => s + a.potential, 0);
      for (const share of [0.12, 0.3]) {
        const name = `1k/10 whale ${share * 100}% of potential`;
        if (!want(name) && !want('whale')) continue;
        const accounts = base.accounts.map((a) => ({ ...a }));
        const whale = accounts[0];
        const rest = total - whale.potential;
        whale.potential = Math.round((share * rest) / (1 - share));
        const inst: ZipInstance = { name, accounts, reps: base.reps, current: balanced, tolerance: 0.05 };
        const { target, val, start, fixed } = tables(inst);
        const wj = start[0];
        const whaleRep = base.reps[wj].id;
        // reachable: the whale's rep free above (it holds the whale), every other rep as close to ±5% as can be
        const others = base.reps.map((_, j) => j).filter((j) => j !== wj);
        const ref = await cached(cache, hashOf(inst, 'whale: least worst deviation of the other reps'), resolve, async () => {
          const lo = new Float64Array(target.length);
          const hi = new Float64Array(target.length).fill(Infinity);
          const k = 2;
          const cost = new Float64Array(1000 * 10);
          for (let i = 0; i < 1000; i++) for (let j = 0; j < 10; j++) cost[i * 10 + j] = j === start[i] ? 0 : 1e-4;
          const f2 = Int32Array.from(fixed);
          f2[0] = wj;
          return withPlan(inst, await solveAssign({ n: 1000, r: 10, k, val, lo, hi, cost, fixed: f2, integer: true, minMax: { reps: others, target, weight: 1 }, timeLimit }));
        });
        rows.push({ instance: name, algo: `reachable: others' worst |deviation| (HiGHS MIP, ${ref.status})`, moves: String(ref.moves ?? '–'), ratio: '', work: NaN, pot: NaN, othersWorst: Math.max(0.05, ref.t ?? NaN), meanKm: ref.meanMoveKm ?? NaN, compactKm: null, ms: null, status: '' });
        for (const [en, f] of engines) {
          const d = await timed(f, inst, {});
          const row = measure(inst, d.result.assignments, en, d.ms, statusOf(d.result), null, new Set([whaleRep]));
          row.ratio = d.result.assignments[whale.id] === whaleRep ? 'whale stays' : `whale → ${String(d.result.assignments[whale.id])}`;
          rows.push(row);
        }
      }
      const name = '1k/10 locks at 131% of one rep';
      if (want(name) || want('locks')) {
        const { target } = tables({ name, ...base, current: balanced, tolerance: 0.05 });
        const j0 = base.reps[0].id;
        const mine = base.accounts.filter((a) => balanced[a.id] === j0).sort((a, b) => b.potential - a.potential);
        const locked: string[] = [];
        let sum = 0;
        const goal = 1.31 * target[1];
        // lock rep 0's accounts, largest first, then take what else is needed from the others' nearest
        for (const a of mine) {
          if (sum >= goal) break;
          locked.push(a.id);
          sum += a.potential;
        }
        const current = { ...balanced };
        if (sum < goal) {
          const home = base.reps[0].home as { lat: number; lng: number };
          const near2 = base.accounts
            .filter((a) => balanced[a.id] !== j0)
            .sort((a, b) => haversineKm(a.lat as number, a.lng as number, home.lat, home.lng) - haversineKm(b.lat as number, b.lng as number, home.lat, home.lng));
          for (const a of near2) {
            if (sum >= goal) break;
            current[a.id] = j0;
            locked.push(a.id);
            sum += a.potential;
          }
        }
        const inst: ZipInstance = { name, accounts: base.accounts, reps: base.reps, current, tolerance: 0.05, lockedAccountIds: locked };
        const t2 = tables(inst);
        const ref = await cached(cache, hashOf(inst, 'locks: least worst deviation of the other reps'), resolve, async () => {
          const cost = new Float64Array(1000 * 10);
          for (let i = 0; i < 1000; i++) for (let j = 0; j < 10; j++) cost[i * 10 + j] = j === t2.start[i] ? 0 : 1e-4;
          const lo = new Float64Array(t2.target.length);
          const hi = new Float64Array(t2.target.length).fill(Infinity);
          const others = base.reps.map((_, j) => j).filter((j) => j !== 0);
          return withPlan(inst, await solveAssign({ n: 1000, r: 10, k: 2, val: t2.val, lo, hi, cost, fixed: t2.fixed, integer: true, minMax: { reps: others, target: t2.target, weight: 1 }, timeLimit }));
        });
        rows.push({ instance: name, algo: `reachable: others' worst |deviation| (HiGHS MIP, ${ref.status})`, moves: String(ref.moves ?? '–'), ratio: '', work: NaN, pot: NaN, othersWorst: Math.max(0.05, ref.t ?? NaN), meanKm: ref.meanMoveKm ?? NaN, compactKm: null, ms: null, status: '' });
        for (const [en, f] of engines) {
          const d = await timed(f, inst, {});
          rows.push(measure(inst, d.result.assignments, en, d.ms, statusOf(d.result), null, new Set([j0])));
        }
      }
    }
    const tight = '300/6 tolerance ±0.5%';
    if (want(tight) || want('tight')) {
      const b3 = makeZipBase(300, 6, 3);
      const inst: ZipInstance = { name: tight, ...b3, current: nearestPlan(b3.accounts, b3.reps), tolerance: 0.005 };
      const { target } = tables(inst);
      const ref = await cached(cache, hashOf(inst, 'fewest-moves MIP'), resolve, async () => withPlan(inst, await fewestMoves(inst, bandsOf(target, 0.005), true, timeLimit)));
      const lbl = ref.status === 'optimal' ? String(ref.moves) : ref.plan ? `≤ ${ref.moves} (≥ ${Math.ceil(ref.bound - 1)})` : ref.status;
      rows.push({ instance: tight, algo: `fewest moves, exact (HiGHS MIP, ${ref.status}, ${ref.seconds} s)`, moves: lbl, ratio: '', work: NaN, pot: NaN, meanKm: ref.meanMoveKm ?? NaN, compactKm: null, ms: null, status: '' });
      for (const [en, f] of engines) {
        const d = await timed(f, inst, {});
        rows.push(measure(inst, d.result.assignments, en, d.ms, statusOf(d.result), ref.moves ?? null));
      }
    }
  }

  console.log(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('| instance | algorithm | accounts moved | × optimum | max dev workload | max dev potential | other reps worst | mean km of moved accounts | total km moved | compactness km | time ms | status |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const x of rows) {
    console.log(`| ${x.instance} | ${x.algo} | ${x.moves} | ${x.ratio} | ${pct(x.work)} | ${pct(x.pot)} | ${pct(x.othersWorst)} | ${km(x.meanKm)} | ${total(x)} | ${km(x.compactKm)} | ${x.ms === null ? '–' : Math.round(x.ms)} | ${x.status} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
