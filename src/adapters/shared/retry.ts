/** Retry with capped exponential backoff and full jitter, bounded in attempts and total time. */

export interface RetryOptions {
  /** Retries after the first attempt. Default 5. */
  retries?: number;
  /** Base delay in ms. Default 250. */
  baseMs?: number;
  /** Largest single delay in ms. Default 8000. */
  capMs?: number;
  /** Give up once this much time (ms) has passed since the first attempt. Default 60000. */
  deadlineMs?: number;
  signal?: AbortSignal;
  /** Random source in [0, 1); injectable for tests. Default Math.random. */
  random?: () => number;
  /** Sleep function; injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock in ms; injectable for tests. Default Date.now. */
  now?: () => number;
}

/** What a single attempt reports back to `retry`. */
export type Attempt<T> =
  | { done: true; value: T }
  /** Try again; `retryAfterMs` (e.g. from a Retry-After header) overrides the jittered delay. */
  | { done: false; retryAfterMs?: number; value: T };

/** Full-jitter delay for attempt n (0-based): random(0, min(cap, base·2^n)). */
export function backoffDelay(n: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return random() * Math.min(capMs, baseMs * 2 ** n);
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it reports done, retries run out, or the deadline passes; resolves with the
 * last attempt's value either way (the caller decides what an unfinished value means). Rejects only
 * when `attempt` throws or the signal aborts.
 */
export async function retry<T>(attempt: (n: number) => Promise<Attempt<T>>, options: RetryOptions = {}): Promise<{ value: T; attempts: number; gaveUp: boolean }> {
  const { retries = 5, baseMs = 250, capMs = 8000, deadlineMs = 60_000, signal } = options;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const start = now();
  for (let n = 0; ; n++) {
    signal?.throwIfAborted();
    const result = await attempt(n);
    if (result.done) return { value: result.value, attempts: n + 1, gaveUp: false };
    const delay = result.retryAfterMs ?? backoffDelay(n, baseMs, capMs, random);
    if (n >= retries || now() - start + delay > deadlineMs) return { value: result.value, attempts: n + 1, gaveUp: true };
    await sleep(delay, signal);
  }
}

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
