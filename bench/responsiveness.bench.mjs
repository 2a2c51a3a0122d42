// Responsiveness benchmark: does the page stay responsive (no task > 50 ms) while a 100k-account /
// 500-rep rebalance runs? In headless Chromium, on one page with a seeded instance (bench/instances.ts),
// it runs, in this order:
//   never    runRebalance(input, { worker: 'never' })  — main thread, time-sliced (as under Salesforce LWS),
//            default sliceMs (16 ms since the chunked engine steps; 40 ms before)
//   auto     runRebalance(input, { worker: 'auto' })   — a real module Worker (the input and result travel
//            as transferred typed-array columns, packed and unpacked on the page in slices)
//   unsliced rebalance(input, { sliceMs: Infinity })   — baseline: no time slicing (it still yields at
//            the engine's fixed phase boundaries, so its long tasks are one per phase)
// (after a control: the idle page for 2 s) and records long tasks (PerformanceObserver 'longtask'), an rAF heartbeat (gaps between frames) and
// the onProgress reports, then prints a table and, for every long task of the sliced path, the phase
// it falls in.
// Then a yield probe (YIELD_PROBE=0 skips it): a toy loop of 40 ms busy slices yielding by a
// MessageChannel message (as src/engine/rebalance/slicer.ts does), setTimeout(0), scheduler.yield() or
// rAF + setTimeout, to see which lets Chromium render between slices.
// TRACE=1 records a Chromium trace around each variant and says, for every task over 50 ms on the
// page's main thread, how much of it was garbage collection (MajorGC / MinorGC events inside it) —
// GC pauses come from the page's whole heap, not from the step that happened to be running.
// Run: npm run bench:responsiveness   (env: KIND=metro|uniform|heavy  N=100000  R=500  RUNS=1
// CHROME_PATH=/usr/bin/chromium  VARIANTS=idle,never,auto,unsliced  TRACE=0  OBJECTIVE=compactness
// BUDGET=1.5 — the objective and budgets of that many times the disruption lower bounds, for every case)
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { bundlePage, launchChromium, ROOT, serveDir } from '../scripts/browser-harness.mjs';

const KIND = process.env.KIND ?? 'metro';
const N = Number(process.env.N ?? 100_000);
const R = Number(process.env.R ?? 500);
const RUNS = Number(process.env.RUNS ?? 1);
const VARIANTS = (process.env.VARIANTS ?? 'idle,never,auto,unsliced').split(',');
const TRACE = process.env.TRACE === '1';
/** Passed to every rebalance: the objective, and budgets of BUDGET × the disruption lower bounds. */
const OBJECTIVE = process.env.OBJECTIVE || undefined;
const BUDGET = process.env.BUDGET ? Number(process.env.BUDGET) : undefined;
const traces = [];

/** Total time covered by a set of trace events (nested GC events counted once). */
function unionMs(events) {
  let total = 0;
  let end = -Infinity;
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    const from = Math.max(e.ts, end);
    if (e.ts + e.dur > from) total += e.ts + e.dur - from;
    end = Math.max(end, e.ts + e.dur);
  }
  return total / 1000;
}

/**
 * Tasks over 50 ms on the renderer main thread in a Chromium trace, each with the GC time inside it,
 * relative to the first task of the trace.
 */
function longTasksFromTrace(buffer) {
  const { traceEvents: ev } = JSON.parse(Buffer.from(buffer).toString('utf8'));
  const mains = ev.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const runTasks = (m) => ev.filter((e) => e.pid === m.pid && e.tid === m.tid && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ph === 'X');
  const main = mains.map((m) => ({ m, tasks: runTasks(m) })).sort((a, b) => b.tasks.length - a.tasks.length)[0];
  if (!main) return [];
  const { pid, tid } = main.m;
  const t0 = Math.min(...main.tasks.map((e) => e.ts));
  const same = ev.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number');
  const gcs = same.filter((e) => /^(MajorGC|MinorGC|V8\.GC)/.test(e.name));
  return main.tasks
    .filter((t) => t.dur >= 50_000)
    .map((t) => {
      const inside = (e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur;
      const gc = gcs.filter(inside);
      return {
        startMs: (t.ts - t0) / 1000,
        ms: t.dur / 1000,
        gcMs: unionMs(gc),
        gcKinds: [...new Set(gc.map((e) => e.name))].slice(0, 3).join('+'),
      };
    });
}
const LABEL = {
  never: "runRebalance worker: 'never' (main thread, default slices)",
  auto: "runRebalance worker: 'auto' (module Worker)",
  unsliced: 'baseline: rebalance sliceMs: Infinity (no slicing)',
  idle: 'control: idle page, 2 s (no rebalance)',
};

const q = (xs, p) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};
const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;

/** The onProgress reports made inside a task, and the last one before it: where the task ran. */
function phaseOf(task, progress) {
  const end = task.start + task.duration;
  const before = progress.filter((p) => p.t < task.start).at(-1);
  // long-task times are coarse (whole ms or coarser): a report in the task's last few ms counts as inside
  const inside = progress.filter((p) => p.t >= task.start && p.t <= end + 4);
  const fmt = (p) => `${p.phase} ${(p.fraction * 100).toFixed(0)}%`;
  const from = before ? fmt(before) : 'start (before the first report)';
  const to = inside.length ? inside.map(fmt).join(', ') : 'no report inside';
  return `after ${from}; reports inside: ${to}`;
}

const page0 = await bundlePage({
  entry: join(ROOT, 'bench/responsiveness-page/entry.ts'),
  html: '<!doctype html><meta charset="utf-8"><title>responsiveness bench</title><body></body><script type="module" src="./bundle.js"></script>',
  worker: true,
});
const server = await serveDir(page0.dir);
const browser = await launchChromium();
const load = [loadavg()[0]];
const rows = [];
const details = [];
let parts = null;
const probes = [];
try {
  const version = await browser.version();
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.benchCase === 'function');
    const setup = await page.evaluate((k, n, r, o, b) => window.benchSetup(k, n, r, o, b), KIND, N, R, OBJECTIVE, BUDGET);
    if (run === 0) console.log(`instance ${setup.name}: generated in the page in ${ms(setup.ms)} (not measured)`);
    for (const v of VARIANTS) {
      load.push(loadavg()[0]);
      if (TRACE) await page.tracing.start({ categories: ['toplevel', 'devtools.timeline', 'v8', 'v8.execute'] });
      const res = await page.evaluate((x) => window.benchCase(x), v);
      if (TRACE) traces.push({ run, variant: v, tasks: longTasksFromTrace(await page.tracing.stop()) });
      // (the fingerprint of the result is the bench's own work: computed after the measurement)
      res.hash = await page.evaluate(() => window.benchHash());
      load.push(loadavg()[0]);
      const tasks = res.longTasks;
      const tbt = tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0);
      const gaps = res.frameGaps;
      rows.push({
        run,
        variant: v,
        label: LABEL[v],
        totalMs: res.totalMs,
        longTasks: tasks.length,
        longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
        tbt,
        p95Gap: q(gaps, 0.95),
        maxGap: gaps.reduce((m, g) => Math.max(m, g), 0),
        frames: gaps.length,
        worker: res.workerCreated,
        status: res.status,
        moves: res.moves,
        hash: res.hash,
      });
      details.push({ run, variant: v, tasks, progress: res.progress, t0: res.t0, workerCost: res.workerCost, gaps, frameTimes: res.frameTimes });
    }
    if (run === 0) parts = await page.evaluate(() => window.benchParts());
    if (run === 0 && process.env.YIELD_PROBE !== '0') {
      for (const how of ['message', 'timeout', 'scheduler-yield', 'raf']) probes.push(await page.evaluate((h) => window.benchYield(h), how));
    }
    await page.close();
  }

  const cpu = cpus()[0]?.model ?? 'unknown';
  console.log(`\nmachine: nproc ${cpus().length}, ${cpu}, ${version}; load average (1 min) during the run ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)}; ${new Date().toISOString()}`);
  console.log(`instance: ${N / 1000}k accounts / ${R} reps, ${KIND} (bench/instances.ts, seed 1)${OBJECTIVE ? `; objective ${OBJECTIVE}` : ''}${BUDGET ? `; budgets ${BUDGET}× the disruption lower bounds` : ''}\n`);
  console.log('| variant | run | total time | long tasks | longest task | total blocking time | frame gap p95 | frame gap max | Worker used | status, moves |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.label} | ${r.run + 1} | ${ms(r.totalMs)} | ${r.longTasks} | ${ms(r.longest)} | ${ms(r.tbt)} | ${ms(r.p95Gap)} | ${ms(r.maxGap)} | ${r.worker ? 'yes' : 'no'} | ${r.status}, ${r.moves} |`,
    );
  }
  const hashes = new Set(rows.filter((r) => r.variant !== 'idle').map((r) => r.hash));
  console.log(`\nsame assignments in every variant: ${hashes.size === 1 ? 'yes' : `NO (${[...hashes].join(', ')})`}`);

  for (const d of details.filter((x) => x.variant === 'auto')) {
    const c = d.workerCost;
    console.log(
      `\nWorker path, main thread's share (run ${d.run + 1}): postMessage of the input ${ms(c.postMs)}; reading ${c.replies} replies ${ms(c.readMs)} (largest ${ms(c.readMaxMs)}, the result)`,
    );
  }
  if (parts) {
    console.log('\nengine steps timed alone, synchronously, on the same page and instance (warm):');
    for (const [k, v] of Object.entries(parts)) console.log(`  ${k}: ${ms(v)}`);
  }
  if (probes.length) {
    console.log('\nyield probe: 2 s of 40 ms busy slices, yielding between slices by …');
    console.log('| yield | slices | frames | frame gap p95 | frame gap max |\n|---|---:|---:|---:|---:|');
    for (const p of probes) console.log(`| ${p.how} | ${p.slices} | ${p.frames} | ${ms(p.p95)} | ${ms(p.max)} |`);
  }
  for (const t of traces) {
    console.log(`\ntrace, ${t.variant} (run ${t.run + 1}): main-thread tasks over 50 ms (the trace's own clock; tracing adds overhead)`);
    if (t.tasks.length === 0) console.log('  none');
    for (const x of t.tasks) {
      console.log(`  +${ms(x.startMs)}  ${ms(x.ms)}  GC inside: ${ms(x.gcMs)}${x.gcKinds ? ` (${x.gcKinds})` : ''}`);
    }
  }
  for (const d of details) {
    if ((d.variant === 'auto' || d.variant === 'idle') && d.tasks.length === 0) continue;
    if (d.variant === 'never') {
      // frame gaps by the phase of the last progress report before the gap ended
      const by = new Map();
      d.gaps.forEach((g, i) => {
        const p = d.progress.filter((x) => x.t < d.frameTimes[i]).at(-1)?.phase ?? 'start';
        if (!by.has(p)) by.set(p, []);
        by.get(p).push(g);
      });
      console.log(`\nframe gaps by phase, never (run ${d.run + 1}):`);
      for (const [p, gs] of by) console.log(`  ${p}: ${gs.length} frames, p50 ${ms(q(gs, 0.5))}, p95 ${ms(q(gs, 0.95))}, max ${ms(Math.max(...gs))}`);
    }
    console.log(`\nlong tasks, ${d.variant} (run ${d.run + 1}) — time from start, duration, where:`);
    if (d.tasks.length === 0) console.log('  none');
    for (const t of d.tasks) {
      console.log(`  +${ms(t.start - d.t0)}  ${ms(t.duration)}  ${phaseOf(t, d.progress)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  page0.dispose();
}
