// Diagnostic: a fingerprint of rebalance results on bench instances (to check a change keeps plans identical).
// node --import tsx bench/fingerprint.ts [sizes] [objectives]
import { createHash } from 'node:crypto';
import { rebalance } from '../src/engine/rebalance.js';
import { makeInstance, type InstanceKind } from './instances.js';

const sizes = (process.argv[2] ?? '1k,10k').split(',');
const objectives = (process.argv[3] ?? 'disruption,compactness').split(',') as ('disruption' | 'compactness')[];
const dims: Record<string, [number, number]> = { '1k': [1000, 10], '10k': [10_000, 50], '100k': [100_000, 500] };
for (const size of sizes) {
  for (const kind of ['uniform', 'metro', 'heavy'] as InstanceKind[]) {
    const inst = makeInstance(kind, ...dims[size]);
    for (const objective of objectives) {
      for (const budget of [false, true]) {
        const opts = budget ? { objective, maxMoves: Math.round(inst.accounts.length * 0.08), maxPotentialMoved: Infinity } : { objective };
        const t0 = performance.now();
        const r = await rebalance(inst, opts);
        const ms = performance.now() - t0;
        const h = createHash('sha1').update(JSON.stringify([r.assignments, r.moves, r.status])).digest('hex').slice(0, 12);
        console.log(`${size} ${kind} ${objective}${budget ? ' budget' : ''}: ${h} moves ${r.moves.length} ${r.status} ${Math.round(ms)} ms`);
      }
    }
  }
}
