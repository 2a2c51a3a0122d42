// The responsiveness benchmark page (bundled by bench/responsiveness.bench.mjs with the rebalance
// worker beside it). Exposes window.benchSetup(kind, n, r), which builds a seeded instance from
// bench/instances.ts, and window.benchCase(variant), which runs one rebalance while recording long
// tasks (PerformanceObserver 'longtask'), an rAF heartbeat (gap between frames) and every onProgress
// report, and returns them with the total time.
import { rebalance } from '../../src/engine/rebalance.js';
import { runRebalance } from '../../src/engine/rebalance/run-rebalance.js';
import type { RebalanceProgress, RebalanceResult } from '../../src/engine/rebalance/types.js';
import { makeInstance, type Instance, type InstanceKind } from '../instances.js';

type Variant = 'never' | 'auto' | 'unsliced';

interface CaseResult {
  variant: Variant;
  totalMs: number;
  /** performance.now() at the call; long tasks, frames and progress times are on the same clock. */
  t0: number;
  longTasks: { start: number; duration: number }[];
  frameGaps: number[];
  progress: { t: number; phase: string; fraction: number }[];
  workerCreated: boolean;
  status: string;
  moves: number;
  /** A cheap fingerprint of the assignments, to check the three runs agree. */
  hash: number;
}

let inst: Instance | null = null;

function fingerprint(result: RebalanceResult): number {
  let h = 2166136261;
  for (const [a, r] of Object.entries(result.assignments)) {
    const s = `${a}=${r ?? ''};`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

/** Counts real Worker constructions, to report whether 'auto' really used one. */
let workersCreated = 0;
const OriginalWorker = globalThis.Worker;
globalThis.Worker = class extends OriginalWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    workersCreated++;
  }
};

async function benchSetup(kind: InstanceKind, n: number, r: number): Promise<{ name: string; ms: number }> {
  const t0 = performance.now();
  inst = makeInstance(kind, n, r, 1);
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
  const frame = (t: number): void => {
    frameGaps.push(t - lastFrame);
    lastFrame = t;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const progress: CaseResult['progress'] = [];
  const onProgress = (p: RebalanceProgress): void => {
    progress.push({ t: performance.now(), phase: p.phase, fraction: p.fraction });
  };
  const before = workersCreated;
  const t0 = performance.now();
  lastFrame = t0;
  const result =
    variant === 'unsliced'
      ? await rebalance(input, { sliceMs: Infinity, onProgress })
      : await runRebalance(input, { worker: variant, onProgress });
  const totalMs = performance.now() - t0;
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
    progress,
    t0,
    workerCreated: workersCreated > before,
    status: result.status,
    moves: result.moves.length,
    hash: fingerprint(result),
  };
}

Object.assign(window, { benchSetup, benchCase, benchT0: () => performance.timeOrigin });
