import { rebalance } from '../rebalance.js';
import { abortError } from './slicer.js';
import type { RebalanceInput, RebalanceOptions, RebalanceResult } from './types.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

export interface RunRebalanceOptions extends RebalanceOptions {
  /**
   * 'auto' (default): run in a module Worker when the page can create one, else on the calling
   * thread in time slices. 'never': always on the calling thread (e.g. Salesforce LWS, where
   * Workers are forbidden).
   */
  worker?: 'auto' | 'never';
}

/**
 * Runs `rebalance` in a module Worker when possible, so the page stays responsive; falls back to the
 * time-sliced main-thread path when `Worker` does not exist (Node), when constructing it throws
 * (Salesforce Lightning Web Security, strict CSP) or when the worker script fails to load before it
 * answers. Progress is forwarded to `onProgress`; aborting terminates the worker and rejects with an
 * AbortError. Same result as `rebalance` for the same input.
 *
 * @param input the accounts, reps and current assignments
 * @param options the options of `rebalance`, plus `worker` ('auto' | 'never', default 'auto')
 * @returns the rebalance result
 *
 * @example
 * const result = await runRebalance({ accounts, reps, current }, { signal, onProgress: (p) => bar.value = p.fraction });
 */
export function runRebalance(input: RebalanceInput, options: RunRebalanceOptions = {}): Promise<RebalanceResult> {
  const { worker: mode = 'auto', signal, onProgress, ...rest } = options;
  const local = (): Promise<RebalanceResult> => rebalance(input, { ...rest, signal, onProgress });
  if (mode === 'never' || typeof Worker !== 'function') return local();
  if (signal?.aborted) return Promise.reject(abortError());
  let w: Worker;
  try {
    w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  } catch {
    return local();
  }
  return new Promise<RebalanceResult>((resolve, reject) => {
    let heard = false;
    const done = (): void => {
      signal?.removeEventListener('abort', onAbort);
      w.terminate();
    };
    const onAbort = (): void => {
      done();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      heard = true;
      const m = e.data;
      if (m.type === 'progress') {
        onProgress?.(m.progress);
      } else if (m.type === 'result') {
        done();
        resolve(m.result);
      } else {
        done();
        reject(Object.assign(new Error(m.message), { name: m.name }));
      }
    };
    w.onerror = (e) => {
      done();
      if (heard) reject(new Error(`rebalance worker failed: ${e.message}`));
      // the script never ran (blocked or missing): do the work here instead
      else local().then(resolve, reject);
    };
    const request: WorkerRequest = { input, options: rest };
    w.postMessage(request);
  });
}
