// The responsiveness benchmark page (bundled by bench/responsiveness.bench.mjs with the rebalance
// worker beside it). Exposes window.benchSetup(kind, n, r), which builds a seeded instance from
// bench/instances.ts, and window.benchCase(variant), which runs one rebalance while recording long
// tasks (PerformanceObserver 'longtask'), an rAF heartbeat (gap between frames) and every onProgress
// report, and returns them with the total time.
import { rebalance } from '../../src/engine/rebalance.js';
import { runRebalance } from '../../src/engine/rebalance/run-rebalance.js';
import type { RebalanceOptions, RebalanceProgress, RebalanceResult } from '../../src/engine/rebalance/types.js';
import { comparePlans } from '../../src/engine/compare-plans.js';
import { evaluatePlan } from '../../src/engine/evaluate-plan.js';
import { buildState } from '../../src/engine/rebalance/state.js';
import { runSteps } from '../../src/engine/metrics/steps.js';
import { packInput, type PackedInput } from '../../src/engine/rebalance/transfer-input.js';
import { packResult } from '../../src/engine/rebalance/transfer-result.js';
import type { Metric } from '../../src/engine/types.js';
import { makeInstance, type Instance, type InstanceKind } from '../instances.js';

type Variant = 'never' | 'auto' | 'unsliced' | 'idle';

interface CaseResult {
  variant: Variant;
  totalMs: number;
  /** performance.now() at the call; long tasks, frames and progress times are on the same clock. */
  t0: number;
  longTasks: { start: number; duration: number }[];
  frameGaps: number[];
  /** rAF timestamps, frameGaps[i] ends at frameTimes[i]. */
  frameTimes: number[];
  progress: { t: number; phase: string; fraction: number }[];
  workerCreated: boolean;
  status: string;
  moves: number;
  /** A cheap fingerprint of the assignments, to check the three runs agree (filled by benchHash). */
  hash: number;
  workerCost: typeof workerCost;
}

let inst: Instance | null = null;

// bench/instances.ts may read process.env (Node bench options); give it an empty one in the page.
(globalThis as { process?: unknown }).process ??= { env: {} };

function fingerprint(result: RebalanceResult): number {
  let h = 2166136261;
  for (const [a, r] of Object.entries(result.assignments)) {
    const s = `${a}=${r ?? ''};`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

/**
 * Counts real Worker constructions (to report whether 'auto' really used one) and times the main
 * thread's share of the Worker path: postMessage (structured clone of the input) and reading each
 * reply's data (deserialisation; this listener runs before runRebalance's onmessage).
 */
let workersCreated = 0;
const workerCost = { postMs: 0, readMs: 0, readMaxMs: 0, replies: 0 };
const OriginalWorker = globalThis.Worker;
globalThis.Worker = class extends OriginalWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    workersCreated++;
    this.addEventListener('message', (e) => {
      const t = performance.now();
      void (e as MessageEvent).data;
      const d = performance.now() - t;
      workerCost.readMs += d;
      workerCost.readMaxMs = Math.max(workerCost.readMaxMs, d);
      workerCost.replies++;
    });
  }
  override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
    const t = performance.now();
    super.postMessage(message, options as StructuredSerializeOptions);
    workerCost.postMs += performance.now() - t;
  }
};

/** Times, alone and synchronously, the engine steps that run between the rebalance's yields. */
async function benchParts(): Promise<Record<string, number>> {
  if (!inst) throw new Error('benchSetup first');
  const { accounts, reps, current } = inst;
  const opts = { tolerance: 0.05, balanceOn: ['workload', 'potential'] as Metric[] };
  const time = (f: () => unknown): number => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const out: Record<string, number> = {};
  out['evaluatePlan (before)'] = time(() => evaluatePlan(accounts, reps, current, opts));
  out['buildState'] = time(() =>
    buildState(accounts, reps, current, {
      metrics: ['workload', 'potential'],
      lockedAccountIds: new Set(),
      lockedRepIds: new Set(),
      maxMoves: Infinity,
      maxPotentialMoved: Infinity,
    }),
  );
  const after = lastResult?.assignments ?? current;
  out['evaluatePlan (after)'] = time(() => evaluatePlan(accounts, reps, after, opts));
  out['comparePlans'] = time(() => comparePlans(accounts, current, after, { reps, tolerance: 0.05 }));
  out['structuredClone(input)'] = time(() => structuredClone({ accounts, reps, current }));
  if (lastResult) out['structuredClone(result)'] = time(() => structuredClone(lastResult));
  // the Worker path's columns: packing runs on the page in slices (this is the sum of its steps)
  let packed: PackedInput | null = null;
  out['packInput (all steps, sliced on the page)'] = time(() => (packed = runSteps(packInput({ accounts, reps, current }))));
  out['structuredClone(packed input, no transfer)'] = time(() => structuredClone(packed));
  if (lastResult) {
    const packedResult = packResult(lastResult, accounts); // (done in the worker)
    out['structuredClone(packed result, no transfer)'] = time(() => structuredClone(packedResult));
  }
  return out;
}

let lastResult: RebalanceResult | null = null;
/** The result of the last benchCase (null for the idle control). */
let caseResult: RebalanceResult | null = null;

/** Options every case passes to the engine besides its own (objective, budgets). */
let extra: Pick<RebalanceOptions, 'objective' | 'maxMoves' | 'maxPotentialMoved'> = {};

/**
 * Builds the instance. `objective` is passed to every case; `budget` (a factor, e.g. 1.5) sets
 * maxMoves / maxPotentialMoved to that many times the comparePlans lower bounds.
 */
async function benchSetup(kind: InstanceKind, n: number, r: number, objective?: RebalanceOptions['objective'], budget?: number): Promise<{ name: string; ms: number }> {
  const t0 = performance.now();
  inst = makeInstance(kind, n, r, 1);
  extra = objective ? { objective } : {};
  if (budget) {
    const lb = comparePlans(inst.accounts, inst.current, inst.current, { reps: inst.reps }).lowerBound;
    extra = { ...extra, maxMoves: Math.floor(budget * lb.accounts), maxPotentialMoved: budget * lb.potential };
  }
  return { name: inst.name, ms: performance.now() - t0 };
}

async function benchCase(variant: Variant): Promise<CaseResult> {
  if (!inst) throw new Error('benchSetup first');
  const input = { accounts: inst.accounts, reps: inst.reps, current: inst.current };
  // let the page settle (two frames) before measuring
  await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));

  const longTasks: CaseResult['longTasks'] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask' });

  const frameGaps: number[] = [];
  let running = true;
  let lastFrame = performance.now();
  const frameTimes: number[] = [];
  const frame = (t: number): void => {
    frameGaps.push(t - lastFrame);
    frameTimes.push(t);
    lastFrame = t;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const progress: CaseResult['progress'] = [];
  const onProgress = (p: RebalanceProgress): void => {
    progress.push({ t: performance.now(), phase: p.phase, fraction: p.fraction });
  };
  const before = workersCreated;
  Object.assign(workerCost, { postMs: 0, readMs: 0, readMaxMs: 0, replies: 0 });
  const t0 = performance.now();
  lastFrame = t0;
  if (variant === 'idle') {
    // control: the same page doing nothing for 2 s (what the heartbeat sees on this machine)
    await new Promise((res) => setTimeout(res, 2000));
  }
  const result =
    variant === 'idle'
      ? null
      : variant === 'unsliced'
      ? await rebalance(input, { ...extra, sliceMs: Infinity, onProgress })
      : await runRebalance(input, { ...extra, worker: variant, onProgress });
  const totalMs = performance.now() - t0;
  if (result) lastResult = result;
  caseResult = result;
  // one more frame so a task right at the end is seen by the heartbeat, then let the observer flush
  await new Promise((res) => requestAnimationFrame(res));
  running = false;
  await new Promise((res) => setTimeout(res, 100));
  for (const e of observer.takeRecords()) longTasks.push({ start: e.startTime, duration: e.duration });
  observer.disconnect();
  return {
    variant,
    totalMs,
    longTasks: longTasks.filter((x) => x.start + x.duration >= t0),
    frameGaps,
    frameTimes,
    progress,
    t0,
    workerCreated: workersCreated > before,
    status: result?.status ?? '–',
    moves: result?.moves.length ?? 0,
    hash: 0,
    workerCost: { ...workerCost },
  };
}

/**
 * Probe: a toy loop of 40 ms busy slices for `ms`, yielding between slices by `how`, with the same
 * rAF heartbeat — which yield lets Chromium render between slices.
 */
async function benchYield(how: 'message' | 'timeout' | 'scheduler-yield' | 'raf', ms = 2000): Promise<{ how: string; slices: number; p95: number; max: number; frames: number }> {
  const channel = new MessageChannel();
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const yieldNow = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (how === 'message') {
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      } else if (how === 'timeout') setTimeout(resolve, 0);
      else if (how === 'scheduler-yield' && sched?.yield) void sched.yield().then(resolve);
      else requestAnimationFrame(() => setTimeout(resolve, 0));
    });
  await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
  const gaps: number[] = [];
  let running = true;
  let last = performance.now();
  const frame = (t: number): void => {
    gaps.push(t - last);
    last = t;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const t0 = performance.now();
  let slices = 0;
  while (performance.now() - t0 < ms) {
    const s0 = performance.now();
    while (performance.now() - s0 < 40) {
      /* busy */
    }
    slices++;
    await yieldNow();
  }
  running = false;
  channel.port1.close();
  const sorted = [...gaps].sort((a, b) => a - b);
  return { how, slices, p95: sorted[Math.ceil(0.95 * sorted.length) - 1] ?? 0, max: sorted.at(-1) ?? 0, frames: gaps.length };
}

/** The fingerprint of the last case's result (0 for the idle control): after the measurement, not in it. */
function benchHash(): number {
  return caseResult ? fingerprint(caseResult) : 0;
}

Object.assign(window, { benchSetup, benchCase, benchHash, benchParts, benchYield, benchT0: () => performance.timeOrigin });
