/**
 * Exact references for bench/optimum.bench.ts, solved with HiGHS (the `highs` package: WebAssembly,
 * a dev dependency used only here, never by the engine or a bundle).
 *
 * One model covers every reference: x[i][j] ∈ {0,1} (or [0,1] for an LP bound) = account i goes to
 * rep j; Σ_j x[i][j] = 1; locked accounts fixed to their rep; for every rep j and balanced metric m,
 * lo[j][m] ≤ Σ_i v[i][m]·x[i][j] ≤ hi[j][m] (the tolerance band around the capacity-scaled target,
 * or a per-rep band); minimise Σ cost[i][j]·x[i][j]. With `minMax`, an extra column t ≥ 0 replaces
 * the band of the reps listed there by (1 − t)·T ≤ load ≤ (1 + t)·T, and t is minimised first.
 */

import { createRequire } from 'node:module';

export interface AssignModel {
  n: number;
  r: number;
  k: number;
  /** v[i·k + m]. */
  val: Float64Array;
  /** Row bounds per rep and metric, [j·k + m]. */
  lo: Float64Array;
  hi: Float64Array;
  /** cost[i·r + j]. */
  cost: Float64Array;
  /** Per account: the rep it must keep, or −1. */
  fixed: Int32Array;
  integer: boolean;
  /** Reps whose band is (1 ± t)·target with t minimised (weight `minMax.weight` on t in the objective). */
  minMax?: { reps: number[]; target: Float64Array; weight: number };
  timeLimit: number;
  /** A known feasible plan (rep per account) to start from. */
  start?: Int32Array;
}

export interface AssignSolution {
  status: string;
  /** Objective of the best plan found (NaN when none). */
  objective: number;
  /** Proven lower bound on the objective (the objective itself when optimal or an LP). */
  bound: number;
  /** The best plan (rep per account; for an LP, the rep with the largest share), or null. */
  plan: Int32Array | null;
  /** t of a minMax model. */
  t: number;
  seconds: number;
}

type HighsModule = {
  createModel: (data: unknown) => {
    options: { set: (o: Record<string, unknown>) => void };
    info: { get: (k: string) => unknown };
    run: () => unknown;
    getModelStatus: () => number;
    getObjectiveValue: () => number;
    getSolution: () => { colValue: Float64Array };
    setSolution?: (s: unknown) => unknown;
    dispose: () => void;
  };
  infinity: number;
};

let highs: HighsModule | null = null;
async function load(): Promise<HighsModule> {
  if (highs) return highs;
  const require = createRequire(import.meta.url);
  const loader = require('highs') as () => Promise<HighsModule>;
  highs = await loader();
  return highs;
}

const STATUS: Record<number, string> = { 7: 'optimal', 8: 'infeasible', 13: 'time-limit', 14: 'iteration-limit', 15: 'interrupt' };

/** Solves an assignment model (see the file comment). */
export async function solveAssign(mdl: AssignModel): Promise<AssignSolution> {
  const h = await load();
  const { n, r, k, val, lo, hi, cost, fixed } = mdl;
  const mm = mdl.minMax;
  const mmSet = new Set(mm?.reps ?? []);
  // rows: n assignment rows, then per rep and metric one ranged row (or two rows for a minMax rep)
  const rowOf = new Int32Array(r * k);
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (let i = 0; i < n; i++) {
    rowLower.push(1);
    rowUpper.push(1);
  }
  const tRows: { row: number; coef: number }[] = [];
  for (let j = 0; j < r; j++) {
    for (let m = 0; m < k; m++) {
      rowOf[j * k + m] = rowLower.length;
      if (mm && mmSet.has(j)) {
        const T = mm.target[j * k + m];
        // load − T·t ≤ T
        tRows.push({ row: rowLower.length, coef: -T });
        rowLower.push(-h.infinity);
        rowUpper.push(T);
        // load + T·t ≥ T (row right after)
        tRows.push({ row: rowLower.length, coef: T });
        rowLower.push(T);
        rowUpper.push(h.infinity);
      } else {
        rowLower.push(lo[j * k + m]);
        rowUpper.push(hi[j * k + m]);
      }
    }
  }
  const numRows = rowLower.length;
  const numCols = n * r + (mm ? 1 : 0);
  const starts = new Int32Array(numCols + 1);
  const perCol = (j: number): number => 1 + k * (mm && mmSet.has(j) ? 2 : 1);
  let nnz = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < r; j++) nnz += perCol(j);
  nnz += tRows.length;
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < r; j++) {
      const c = i * r + j;
      starts[c] = at;
      indices[at] = i;
      values[at++] = 1;
      for (let m = 0; m < k; m++) {
        const row = rowOf[j * k + m];
        indices[at] = row;
        values[at++] = val[i * k + m];
        if (mm && mmSet.has(j)) {
          indices[at] = row + 1;
          values[at++] = val[i * k + m];
        }
      }
      colCost[c] = cost[c];
      if (fixed[i] >= 0) {
        const v = fixed[i] === j ? 1 : 0;
        colLower[c] = v;
        colUpper[c] = v;
      }
    }
  }
  if (mm) {
    const c = n * r;
    starts[c] = at;
    for (const t of tRows) {
      indices[at] = t.row;
      values[at++] = t.coef;
    }
    colCost[c] = mm.weight;
    colUpper[c] = h.infinity;
  }
  starts[numCols] = at;
  const integrality = new Int32Array(numCols);
  if (mdl.integer) integrality.fill(1, 0, n * r);
  const t0 = performance.now();
  const model = h.createModel({
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: { format: 'csc', numRows, numCols, starts, indices, values },
    integrality,
  });
  try {
    model.options.set({ output_flag: false, time_limit: mdl.timeLimit, mip_rel_gap: 1e-6 });
    // large LPs: the interior-point method is much faster here than simplex (5k × 25: seconds, not minutes)
    if (!mdl.integer && numCols > 50_000) model.options.set({ solver: 'ipm' });
    if (mdl.integer && mdl.start && model.setSolution) {
      const x = new Float64Array(numCols);
      for (let i = 0; i < n; i++) x[i * r + mdl.start[i]] = 1;
      try {
        model.setSolution({ colValue: x });
      } catch {
        // a start the solver rejects is only a lost hint
      }
    }
    model.run();
    const code = model.getModelStatus();
    const status = STATUS[code] ?? `status ${code}`;
    const seconds = (performance.now() - t0) / 1000;
    let plan: Int32Array | null = null;
    let objective = NaN;
    let t = NaN;
    const sol = model.getSolution();
    const has = code === 7 || (code === 13 && mdl.integer && Number(model.info.get('primal_solution_status')) === 2);
    if (has && sol.colValue.length === numCols) {
      objective = model.getObjectiveValue();
      plan = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let j = 1; j < r; j++) if (sol.colValue[i * r + j] > sol.colValue[i * r + best]) best = j;
        plan[i] = best;
      }
      if (mm) t = sol.colValue[n * r];
    }
    const bound = mdl.integer ? Number(model.info.get('mip_dual_bound')) : objective;
    return { status, objective, bound, plan, t, seconds };
  } finally {
    model.dispose();
  }
}
