/**
 * Diagnostic for the responsiveness bench, in Node (load-insensitive): runs the main-thread
 * `rebalance` on the same seeded instance and measures the process CPU time between consecutive
 * onProgress reports. The slicer reports just before each yield, so each delta is the CPU of one
 * slice (the yield itself costs next to nothing); wall-clock long tasks in the browser are inflated by
 * the machine's load, CPU time much less. Prints the slices over 50 ms CPU with their phase.
 *
 *   node --import tsx bench/responsiveness-page/slices.ts   (env KIND=metro N=100000 R=500 SLICE_MS=<engine default>)
 */
import { rebalance } from '../../src/engine/rebalance.js';
import type { RebalanceProgress } from '../../src/engine/rebalance/types.js';
import { makeInstance, type InstanceKind } from '../instances.js';

const KIND = (process.env.KIND ?? 'metro') as InstanceKind;
const N = Number(process.env.N ?? 100_000);
const R = Number(process.env.R ?? 500);
const SLICE_MS = process.env.SLICE_MS ? Number(process.env.SLICE_MS) : undefined;

const inst = makeInstance(KIND, N, R, 1);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const slices: { from: string; to: string; cpuMs: number; wallMs: number }[] = [];
let lastCpu = cpu();
let lastWall = performance.now();
let lastLabel = 'start';
const label = (p: RebalanceProgress): string => `${p.phase} ${(p.fraction * 100).toFixed(0)}%`;
const t0 = performance.now();
const c0 = cpu();
const result = await rebalance(
  { accounts: inst.accounts, reps: inst.reps, current: inst.current },
  {
    sliceMs: SLICE_MS,
    onProgress: (p) => {
      const c = cpu();
      const w = performance.now();
      slices.push({ from: lastLabel, to: label(p), cpuMs: c - lastCpu, wallMs: w - lastWall });
      lastCpu = c;
      lastWall = w;
      lastLabel = label(p);
    },
  },
);
const c = cpu();
slices.push({ from: lastLabel, to: 'resolved', cpuMs: c - lastCpu, wallMs: performance.now() - lastWall });
const over = slices.filter((s) => s.cpuMs > 50);
console.log(
  `${inst.name}: ${result.status}, ${result.moves.length} moves; wall ${Math.round(performance.now() - t0)} ms, CPU ${Math.round(c - c0)} ms; ` +
    `${slices.length} slices (sliceMs ${SLICE_MS ?? 'default'}); CPU per slice p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms; ` +
    `wall per slice p50 ${q(0.5, 'wallMs')} ms, p95 ${q(0.95, 'wallMs')} ms, max ${q(1, 'wallMs')} ms; ${over.length} over 50 ms CPU:`,
);
for (const s of over) console.log(`  ${s.from} → ${s.to}: ${Math.round(s.cpuMs)} ms CPU (${Math.round(s.wallMs)} ms wall)`);
// (process CPU also counts V8's helper threads — concurrent GC, compilation — so it can exceed wall time)
const longest = [...slices].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 5);
console.log('longest 5 by CPU:');
for (const s of longest) console.log(`  ${s.from} → ${s.to}: ${Math.round(s.cpuMs)} ms CPU (${Math.round(s.wallMs)} ms wall)`);

function q(p: number, key: 'cpuMs' | 'wallMs' = 'cpuMs'): number {
  const xs = slices.map((s) => s[key]).sort((a, b) => a - b);
  return Math.round(xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))]);
}
