/** Timing helpers shared by the Node benchmarks. */

/** Wall-clock and process CPU time (all threads, so GC helpers count) of `runs` calls, after one warm-up call. */
export function time(runs: number, f: () => unknown): { wall: number[]; cpu: number[]; first: number } {
  const t = performance.now();
  f();
  const first = performance.now() - t;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu, first };
}

/** The median (upper middle for an even count); does not reorder `xs`. */
export const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];

/** Milliseconds for a table cell: one decimal below 100 ms. */
export const ms = (x: number): string => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
