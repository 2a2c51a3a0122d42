// Diagnostic: wall time per rebalance step (by onProgress fraction) on one bench instance.
// node --import tsx bench/phase-profile.ts [kind] [runs] [objective] [budget: 1.5 = budgets of 1.5× the disruption lower bounds]
import { comparePlans } from '../src/engine/compare-plans.js';
import { rebalance } from '../src/engine/rebalance.js';
import { makeInstance, type InstanceKind } from './instances.js';

const kind = (process.argv[2] ?? 'heavy') as InstanceKind;
const runs = Number(process.argv[3] ?? 3);
const objective = (process.argv[4] ?? 'disruption') as 'disruption' | 'compactness';
const inst = makeInstance(kind, 100_000, 500);
const factor = Number(process.argv[5] ?? 0);
const lb = comparePlans(inst.accounts, inst.current, inst.current, { reps: inst.reps }).lowerBound;
const budget = factor > 0 ? { maxMoves: Math.floor(factor * lb.accounts), maxPotentialMoved: factor * lb.potential } : {};
for (let run = 0; run < runs; run++) {
  const marks: [string, number][] = [];
  let last = '';
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const res = await rebalance(inst, {
    objective,
    ...budget,
    onProgress: (p) => {
      const key = `${p.phase} ${p.fraction.toFixed(2)}`;
      if (key !== last) marks.push([key, performance.now() - t0]);
      last = key;
    },
  });
  const total = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const rows = marks.map(([k, t], i) => `${k}@${Math.round(t)}`).filter((_, i, a) => i % 1 === 0);
  console.log(`run ${run}: ${Math.round(total)} ms, CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms, moves ${res.moves.length}`);
  // collapse: steps by fraction boundaries
  const buckets = new Map<string, number>();
  for (let i = 0; i < marks.length; i++) {
    const next = i + 1 < marks.length ? marks[i + 1][1] : total;
    const f = Number(marks[i][0].split(' ')[1]);
    const b = f < 0.05 ? 'prep' : f < 0.19 ? 'seed' : f < 0.2 ? 'assign' : f < 0.25 ? 'price/relay-only 0.20-0.25' : f < 0.4 ? 'direct 0.25-0.40' : f < 0.5 ? 'round0 0.40-0.50' : f < 0.82 ? 'rounds 0.50-0.82' : f < 0.84 ? 'tidy 0.82-0.84' : f < 0.85 ? 'compact-tidy 0.84' : 'evaluate';
    buckets.set(b, (buckets.get(b) ?? 0) + next - marks[i][1]);
  }
  console.log([...buckets].map(([b, t]) => `${b}: ${Math.round(t)}`).join(' | '));
  void rows;
}
