import type { Account } from '../../model/account.js';
import type { Assignments } from '../../model/plan.js';
import type { Rep } from '../../model/rep.js';
import type { Metric } from '../types.js';

/**
 * The naive baseline for benchmarks (not part of the public API): repeatedly move one account from
 * the most-loaded active rep (highest deviation on any metric) to the least-loaded one (lowest), the
 * account chosen so that the worse of the two reps' resulting deviations is smallest — until every rep
 * is within tolerance, no move helps, or n moves were made. No disruption budget, no proximity, no
 * locks; unassigned accounts and those of inactive reps stay where they are.
 *
 * @param accounts the accounts
 * @param reps the reps (capacity, active)
 * @param current the starting plan
 * @param options tolerance (0.05), metrics (['workload', 'potential'])
 * @returns the new assignments
 *
 * @example
 * const plan = greedyBaseline(accounts, reps, current);
 */
export function greedyBaseline(
  accounts: readonly Account[],
  reps: readonly Rep[],
  current: Assignments,
  options: { tolerance?: number; metrics?: readonly Metric[] } = {},
): Assignments {
  const tolerance = options.tolerance ?? 0.05;
  const metrics = options.metrics ?? ['workload', 'potential'];
  const k = metrics.length;
  const r = reps.length;
  const index = new Map(reps.map((x, j) => [x.id, j]));
  const active = reps.map((x) => x.active !== false);
  const capTotal = reps.reduce((a, x, j) => a + (active[j] ? (x.capacity ?? 1) : 0), 0);
  const value = (a: Account, m: Metric): number => (m === 'potential' ? a.potential : m === 'workload' ? (a.workload ?? 1) : 1);
  const totals = metrics.map((m) => accounts.reduce((s, a) => s + value(a, m), 0));
  const target = new Float64Array(r * k);
  for (let j = 0; j < r; j++) {
    for (let q = 0; q < k; q++) target[j * k + q] = active[j] ? (((reps[j].capacity ?? 1) / capTotal) * totals[q]) : 0;
  }
  const load = new Float64Array(r * k);
  const members: number[][] = Array.from({ length: r }, () => []);
  const owner = new Int32Array(accounts.length).fill(-1);
  accounts.forEach((a, i) => {
    const o = current[a.id];
    const j = typeof o === 'string' ? index.get(o) : undefined;
    if (j === undefined) return;
    owner[i] = j;
    members[j].push(i);
    for (let q = 0; q < k; q++) load[j * k + q] += value(a, metrics[q]);
  });
  const dev = (j: number, q: number, delta = 0): number =>
    target[j * k + q] > 0 ? (load[j * k + q] + delta) / target[j * k + q] - 1 : 0;

  for (let step = 0; step < accounts.length; step++) {
    let hi = -1;
    let lo = -1;
    let hiDev = -Infinity;
    let loDev = Infinity;
    for (let j = 0; j < r; j++) {
      if (!active[j]) continue;
      for (let q = 0; q < k; q++) {
        const d = dev(j, q);
        if (d > hiDev) [hiDev, hi] = [d, j];
        if (d < loDev) [loDev, lo] = [d, j];
      }
    }
    if (hi < 0 || hi === lo || Math.max(hiDev, -loDev) <= tolerance) break;
    const worstNow = Math.max(hiDev, -loDev);
    let best = -1;
    let bestWorst = worstNow;
    for (const i of members[hi]) {
      let worst = 0;
      for (let q = 0; q < k; q++) {
        const v = value(accounts[i], metrics[q]);
        worst = Math.max(worst, Math.abs(dev(hi, q, -v)), Math.abs(dev(lo, q, v)));
      }
      if (worst < bestWorst) [bestWorst, best] = [worst, i];
    }
    if (best < 0) break;
    members[hi].splice(members[hi].indexOf(best), 1);
    members[lo].push(best);
    owner[best] = lo;
    for (let q = 0; q < k; q++) {
      const v = value(accounts[best], metrics[q]);
      load[hi * k + q] -= v;
      load[lo * k + q] += v;
    }
  }
  const out: Assignments = {};
  accounts.forEach((a, i) => {
    const o = current[a.id];
    out[a.id] = owner[i] >= 0 ? reps[owner[i]].id : typeof o === 'string' ? o : null;
  });
  return out;
}
