/**
 * Module worker entry for `runRebalance`: receives `{ packed, options }` (the input as transferred
 * columns, see transfer-input.ts) or `{ input, options }` (plain objects, for input the columns
 * cannot hold exactly), posts `{ type: 'progress', progress }` while it works and then
 * `{ type: 'result', packed }` (transferred columns, see transfer-result.ts) or `{ type: 'result',
 * result }` (for a plain request), or `{ type: 'error', name, message }`. Abort is done by
 * terminating the worker.
 */

import { rebalance } from '../rebalance.js';
import { packedResultTransfer, packResult, type PackedResult } from './transfer-result.js';
import { unpackInput, type PackedInput } from './transfer-input.js';
import type { RebalanceInput, RebalanceOptions, RebalanceProgress, RebalanceResult } from './types.js';
import type { EngineErrorCode } from '../types.js';
import { EngineError } from '../engine-error.js';

type RequestOptions = Omit<RebalanceOptions, 'signal' | 'onProgress'>;

/** What the page posts to the worker. */
export type WorkerRequest = { packed: PackedInput; options: RequestOptions } | { input: RebalanceInput; options: RequestOptions };

/** What the worker posts back. */
export type WorkerReply =
  | { type: 'progress'; progress: RebalanceProgress }
  | { type: 'result'; packed: PackedResult }
  | { type: 'result'; result: RebalanceResult }
  | { type: 'error'; name: string; message: string; code?: EngineErrorCode; params?: Readonly<Record<string, string | number>> };

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (reply: WorkerReply, transfer?: Transferable[]) => void;
};

const fail = (err: unknown): void => {
  const error = err instanceof Error ? err : new Error(String(err));
  // An EngineError's code and params cross too (structured clone keeps only an Error's name and message).
  scope.postMessage({ type: 'error', name: error.name, message: error.message, ...(error instanceof EngineError ? { code: error.code, params: error.params } : {}) });
};

scope.onmessage = (e) => {
  const request = e.data;
  let input: RebalanceInput;
  try {
    input = 'packed' in request ? unpackInput(request.packed) : request.input;
  } catch (err) {
    fail(err);
    return;
  }
  const onProgress = (progress: RebalanceProgress): void => scope.postMessage({ type: 'progress', progress });
  rebalance(input, { ...request.options, onProgress }).then((result) => {
    if (!('packed' in request)) {
      scope.postMessage({ type: 'result', result });
      return;
    }
    const packed = packResult(result, input.accounts);
    scope.postMessage({ type: 'result', packed }, packedResultTransfer(packed));
  }, fail).catch(fail);
};
