/**
 * Module worker entry for `runRebalance`: receives `{ input, options }` (serialisable options only),
 * posts `{ type: 'progress', progress }` while it works and then `{ type: 'result', result }` or
 * `{ type: 'error', name, message }`. Abort is done by terminating the worker.
 */

import { rebalance } from '../rebalance.js';
import type { RebalanceInput, RebalanceOptions, RebalanceResult, RebalanceProgress } from './types.js';

/** What the page posts to the worker. */
export interface WorkerRequest {
  input: RebalanceInput;
  options: Omit<RebalanceOptions, 'signal' | 'onProgress'>;
}

/** What the worker posts back. */
export type WorkerReply =
  | { type: 'progress'; progress: RebalanceProgress }
  | { type: 'result'; result: RebalanceResult }
  | { type: 'error'; name: string; message: string };

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (reply: WorkerReply) => void;
};

scope.onmessage = (e) => {
  const { input, options } = e.data;
  rebalance(input, { ...options, onProgress: (progress) => scope.postMessage({ type: 'progress', progress }) }).then(
    (result) => scope.postMessage({ type: 'result', result }),
    (err: unknown) => {
      const error = err instanceof Error ? err : new Error(String(err));
      scope.postMessage({ type: 'error', name: error.name, message: error.message });
    },
  );
};
