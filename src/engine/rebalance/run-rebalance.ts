import { rebalance } from '../rebalance.js';
import { abortError, Slicer } from './slicer.js';
import { packedInputTransfer, packInput } from './transfer-input.js';
import { unpackResult } from './transfer-result.js';
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
 * The page's share of the Worker path stays in short tasks: the accounts travel as typed-array
 * columns (packed in slices of `sliceMs`, transferred rather than cloned) and the result comes back
 * the same way (owners as indices into a small string table) and is unpacked in slices. Input the
 * columns cannot hold exactly (e.g. a missing potential) is posted as objects, so the worker reports
 * the same error as `rebalance`.
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
  return viaWorker(w, input, rest, signal, onProgress, local);
}

/**
 * The Worker path. The page's share is kept in bounded steps: the input is packed into columns in
 * slices and transferred (no structured clone of 100k objects), and the packed result is unpacked in
 * slices too.
 */
async function viaWorker(
  w: Worker,
  input: RebalanceInput,
  options: Omit<RebalanceOptions, 'signal' | 'onProgress'>,
  signal: AbortSignal | undefined,
  onProgress: RebalanceOptions['onProgress'],
  local: () => Promise<RebalanceResult>,
): Promise<RebalanceResult> {
  const sliceMs = options.sliceMs !== undefined && options.sliceMs > 0 ? options.sliceMs : 16;
  let slicer: Slicer | null = null;
  try {
    slicer = new Slicer(sliceMs, signal, undefined, () => ({ moves: 0, maxDeviation: 0 }));
    const packed = await slicer.run(packInput(input), 'prepare', 0);
    const reply = await exchange(w, packed ? [{ packed, options }, packedInputTransfer(packed)] : [{ input, options }, []], signal, onProgress);
    if (reply === 'not-loaded') return await local();
    return 'packed' in reply ? await slicer.run(unpackResult(reply.packed, input.accounts), 'done', 1) : reply.result;
  } finally {
    slicer?.close();
    w.terminate();
  }
}

/** Posts the request and settles with the result reply, 'not-loaded' when the script never ran, or an error. */
function exchange(
  w: Worker,
  [request, transfer]: [WorkerRequest, Transferable[]],
  signal: AbortSignal | undefined,
  onProgress: RebalanceOptions['onProgress'],
): Promise<Extract<WorkerReply, { type: 'result' }> | 'not-loaded'> {
  return new Promise((resolve, reject) => {
    let heard = false;
    const done = (): void => {
      signal?.removeEventListener('abort', onAbort);
      w.onmessage = null;
      w.onerror = null;
    };
    const onAbort = (): void => {
      done();
      w.terminate();
      reject(abortError());
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      heard = true;
      const m = e.data;
      if (m.type === 'progress') {
        onProgress?.(m.progress);
      } else if (m.type === 'result') {
        done();
        resolve(m);
      } else {
        done();
        // An EngineError's code and params come along (an Error with the same name and fields: the class stays out of the page's first load).
        reject(Object.assign(new Error(m.message), { name: m.name }, m.code ? { code: m.code, params: m.params } : {}));
      }
    };
    w.onerror = (e) => {
      done();
      if (heard) reject(new Error(`rebalance worker failed: ${e.message}`));
      // the script never ran (blocked or missing): the caller does the work here instead
      else resolve('not-loaded');
    };
    w.postMessage(request, transfer);
  });
}
