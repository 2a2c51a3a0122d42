/** Time-slicing for long synchronous loops on a page's main thread (no Workers under Salesforce LWS). */

import type { Steps } from '../metrics/steps.js';
import type { RebalancePhase, RebalanceProgress } from './types.js';

/** Resolves on the next macrotask: setImmediate in Node, a MessageChannel message in browsers, else setTimeout(0). */
function nextMacrotask(channel: MessageChannel | null): Promise<void> {
  return new Promise((resolve) => {
    const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
    if (typeof g.setImmediate === 'function') {
      g.setImmediate(resolve);
    } else if (channel) {
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    } else {
      setTimeout(resolve, 0);
    }
  });
}

/** The error an aborted rebalance rejects with. */
export function abortError(): Error {
  return typeof DOMException === 'function'
    ? new DOMException('The rebalance was aborted.', 'AbortError')
    : Object.assign(new Error('The rebalance was aborted.'), { name: 'AbortError' });
}

/**
 * Cuts a long computation into slices of about `sliceMs` of synchronous work: a loop calls `due()`
 * (cheap) between bounded steps and `pause()` when the slice is used up, which reports progress,
 * yields to the event loop and throws an AbortError if the signal fired meanwhile. `run()` does the
 * same for a `Steps` generator (evaluatePlanSteps, buildStateSteps, …).
 */
export class Slicer {
  private last: number;
  private readonly channel: MessageChannel | null;
  private fraction = 0;
  /** Number of times the loop yielded to the event loop. */
  yields = 0;

  constructor(
    private readonly sliceMs: number,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((p: RebalanceProgress) => void) | undefined,
    /** Reads the current state for a progress report. */
    private readonly snapshot: () => { moves: number; maxDeviation: number },
  ) {
    this.last = performance.now();
    const hasImmediate = typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function';
    this.channel = !hasImmediate && typeof MessageChannel === 'function' ? new MessageChannel() : null;
    this.throwIfAborted();
  }

  throwIfAborted(): void {
    if (this.signal?.aborted) throw abortError();
  }

  /** Reports progress now (fraction never decreases). */
  report(phase: RebalancePhase, fraction: number): void {
    this.fraction = Math.max(this.fraction, Math.min(1, fraction));
    if (this.onProgress) this.onProgress({ phase, fraction: this.fraction, ...this.snapshot() });
  }

  /** True when the current slice is used up; call `pause` then. */
  due(): boolean {
    return performance.now() - this.last >= this.sliceMs;
  }

  /** Reports, yields to the event loop, and throws if aborted meanwhile. */
  async pause(phase: RebalancePhase, fraction: number): Promise<void> {
    this.report(phase, fraction);
    this.throwIfAborted();
    await nextMacrotask(this.channel);
    this.yields++;
    this.throwIfAborted();
    this.last = performance.now();
  }

  /**
   * Drives a `Steps` generator to the end, pausing (with this phase and fraction) whenever the slice
   * is used up between two of its steps.
   */
  async run<T>(steps: Steps<T>, phase: RebalancePhase, fraction: number): Promise<T> {
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (this.due()) await this.pause(phase, fraction);
    }
  }

  /** Frees the MessageChannel (a live port would keep a Node process open). */
  close(): void {
    if (this.channel) {
      this.channel.port1.onmessage = null;
      this.channel.port1.close();
      this.channel.port2.close();
    }
  }
}
