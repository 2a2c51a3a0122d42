// Diagnostic: rebalance under a move budget that runs out (below the disruption lower bound), with the
// wall time of each step. node --import tsx bench/tight-budget.ts [kind] [accounts] [reps] [maxMoves]
import { rebalance } from '../src/engine/rebalance.js';
import { makeInstance } from './instances.js';
const inst = makeInstance(process.argv[2] as never ?? 'heavy', Number(process.argv[3] ?? 10000), Number(process.argv[4] ?? 50));
for (let run = 0; run < 2; run++) {
  const marks: [string, number][] = [];
  let last = '';
  const t0 = performance.now();
  const r = await rebalance(inst, { maxMoves: Number(process.argv[5] ?? 800), onProgress: (p) => { const key = `${p.phase} ${p.fraction.toFixed(2)}`; if (key !== last) marks.push([key, Math.round(performance.now() - t0)]); last = key; } });
  console.log(Math.round(performance.now() - t0), r.status, r.moves.length, marks.map(([k, t]) => `${k}@${t}`).join(' '));
}
