/**
 * Deadlines for adapter requests and saves. Every request an adapter sends is bounded by a per-request
 * timeout, and every save by a per-save deadline, so a CRM (or a transport) that stops answering can
 * never leave a save pending: the save ends `failed`, with `UNKNOWN_OUTCOME` where a write may have
 * happened. Works with transports that ignore `signal`: the wait is raced, not just signalled.
 */

import type { Deadlines, Said, SaidParam } from '../crm-adapter.js';
import { sayGuard } from '../texts/guard.js';

export type { Deadlines };

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_SAVE_DEADLINE_MS = 120_000;

/** The code of a change whose write may or may not have happened. */
export const UNKNOWN_OUTCOME = 'UNKNOWN_OUTCOME';
/** What the user should do about an unknown outcome. */
export const RELOAD_ADVICE = 'reload to see what the CRM holds now';

/** The reason a deadline's signal carries: "… got no answer within N ms", with its sentence as data (`key`/`params`). */
export class DeadlineError extends Error {
  readonly code = 'TIMEOUT';
  /** The same code where Salesforce errors are read (`errorCode`): TIMEOUT, an ambiguous failure. */
  readonly errorCode = 'TIMEOUT';
  readonly key?: string;
  readonly params?: Record<string, SaidParam>;
  constructor(message: string | Said) {
    super(typeof message === 'string' ? message : message.message);
    this.name = 'TimeoutError';
    if (typeof message !== 'string') {
      this.key = message.key;
      if (message.params) this.params = message.params;
    }
  }
}

/**
 * Checks and fills in deadline options; throws a RangeError naming the bad option.
 *
 * @param options what the caller gave
 * @param who the factory name for error messages
 * @returns both limits in ms
 * @example
 * resolveDeadlines({ requestTimeoutMs: 5000 }, 'createRestAdapter') // → { requestTimeoutMs: 5000, saveDeadlineMs: 120000 }
 */
export function resolveDeadlines(options: Deadlines | undefined, who: string): Required<Deadlines> {
  const pick = (value: number | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new RangeError(`${who}: ${name} must be a positive number of milliseconds, got ${String(value)}`);
    return value;
  };
  return {
    requestTimeoutMs: pick(options?.requestTimeoutMs, DEFAULT_REQUEST_TIMEOUT_MS, 'requestTimeoutMs'),
    saveDeadlineMs: pick(options?.saveDeadlineMs, DEFAULT_SAVE_DEADLINE_MS, 'saveDeadlineMs'),
  };
}

/**
 * A signal that aborts when `parent` aborts or after `ms` (with a DeadlineError), whichever comes
 * first; `dispose` stops the timer and unhooks the parent.
 *
 * @example
 * const { signal, dispose } = deadlineSignal(30_000, options.signal, 'the check');
 * try { await fetch(url, { signal }); } finally { dispose(); }
 */
export function deadlineSignal(ms: number, parent?: AbortSignal, what: string | Said = sayGuard('guard.what-request')): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  if (parent?.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, dispose: () => {} };
  }
  const onAbort = () => controller.abort(parent?.reason);
  parent?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new DeadlineError(sayGuard('guard.no-answer', { what, ms }))), ms);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Settles with `promise`, or rejects with the signal's reason as soon as the signal aborts — even
 * when whatever produced `promise` ignores the signal.
 *
 * @example
 * const rows = await raceSignal(conn.query(soql), signal); // the query itself cannot be cancelled
 */
export function raceSignal<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Runs `fn` with a signal bounded by `ms` (and by `parent`); rejects with a DeadlineError when the
 * time runs out, even if `fn` ignores its signal.
 *
 * @example
 * const page = await withTimeout((signal) => transport.query(q, null, signal), 30_000, options.signal);
 */
export async function withTimeout<T>(fn: (signal: AbortSignal) => Promise<T>, ms: number, parent?: AbortSignal, what?: string | Said): Promise<T> {
  const { signal, dispose } = deadlineSignal(ms, parent, what);
  try {
    return await raceSignal(fn(signal), signal);
  } finally {
    dispose();
  }
}

/**
 * True when the signal was aborted by a deadline rather than by the caller.
 *
 * @example
 * if (isDeadline(signal)) code = 'TIMEOUT';
 */
export function isDeadline(signal: AbortSignal | undefined): boolean {
  return Boolean(signal?.aborted && signal.reason instanceof DeadlineError);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('aborted'), { name: 'AbortError' });
}
