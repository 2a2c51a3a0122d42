import type { Change, SaveOptions, SaveOutcome } from '../crm-adapter.js';
import { validateOutcomes } from '../validate-outcomes.js';
import { deadlineSignal, isDeadline, UNKNOWN_OUTCOME } from './deadline.js';
import { sayGuard } from '../texts/guard.js';

export type SaveFn = (changes: readonly Change[], options: SaveOptions) => Promise<SaveOutcome[]>;

export interface SaveGuardOptions {
  /** Longest a save may run, in ms (see Deadlines.saveDeadlineMs). */
  saveDeadlineMs: number;
  /** Longest one request may take, in ms; bounds how long a save may still clean up after its deadline. */
  requestTimeoutMs: number;
}

/**
 * Wraps an adapter's save so that, per adapter instance:
 * - saves run one at a time, in call order (so two saves of the same record never race: the second
 *   re-reads what the first wrote and reports a conflict instead of overwriting it);
 * - a save resolves by its deadline whatever the CRM does: past it, requests are abandoned (the save's
 *   signal aborts), changes not written end `failed` `TIMEOUT`, and if the save has still not
 *   finished shortly after, every change ends `failed` `UNKNOWN_OUTCOME` — never `saved`;
 * - whatever the inner save resolves with is checked (`validateOutcomes`): one outcome per change.
 * The next save waits until the previous one has really stopped (bounded by the request timeout),
 * so a late answer cannot interleave with it.
 *
 * @param inner the adapter's own save
 * @param limits deadlines
 * @returns the guarded save
 * @example
 * const save = guardSave((changes, options) => saveRest(client, opts, stamps, changes, options), { saveDeadlineMs: 120_000, requestTimeoutMs: 30_000 });
 */
export function guardSave(inner: SaveFn, limits: SaveGuardOptions): (changes: readonly Change[], options?: SaveOptions) => Promise<SaveOutcome[]> {
  let tail: Promise<void> = Promise.resolve();
  return async (changes, options = {}) => {
    const list: readonly Change[] = Array.isArray(changes) ? changes : [];
    const previous = tail;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    tail = previous.then(() => mine);
    await previous;
    try {
      if (options.signal?.aborted) return list.map((c) => ({ accountId: idOf(c), status: 'failed', code: 'ABORTED', ...sayGuard('guard.aborted-before-start') }));
      return await runWithDeadline(inner, list, options, limits, release);
    } catch (error) {
      release();
      const message = error instanceof Error ? error.message : String(error);
      return list.map((c) => ({ accountId: idOf(c), status: 'failed', code: UNKNOWN_OUTCOME, ...sayGuard('guard.stopped', { detail: message.slice(0, 300) }) }));
    }
  };
}

async function runWithDeadline(inner: SaveFn, changes: readonly Change[], options: SaveOptions, limits: SaveGuardOptions, release: () => void): Promise<SaveOutcome[]> {
  const { signal, dispose } = deadlineSignal(limits.saveDeadlineMs, options.signal, sayGuard('guard.what-save'));
  // The inner save is bounded by its requests' timeouts once its signal aborts; the queue waits for
  // it, but never longer than that bound.
  const run = inner(changes, { ...options, signal });
  const settled = run.then(() => undefined, () => undefined);
  const cleanupMs = limits.requestTimeoutMs * 2 + 1000;
  let cap: ReturnType<typeof setTimeout> | undefined;
  const stopped = () => {
    if (cap === undefined) cap = setTimeout(release, cleanupMs);
  };
  void settled.then(() => {
    if (cap !== undefined) clearTimeout(cap);
    release();
  });
  try {
    const graceMs = Math.min(5000, limits.requestTimeoutMs);
    const result = await Promise.race([
      run.then((outcomes) => ({ outcomes })),
      new Promise<{ late: true }>((resolve) => {
        const onAbort = () => {
          stopped();
          setTimeout(() => resolve({ late: true }), graceMs);
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
        void settled.then(() => signal.removeEventListener('abort', onAbort));
      }),
    ]);
    const timedOut = isDeadline(signal) && !options.signal?.aborted;
    if ('late' in result) {
      const why = timedOut ? sayGuard('guard.deadline', { ms: limits.saveDeadlineMs }) : sayGuard('guard.save-aborted');
      return changes.map((c) => ({ accountId: idOf(c), status: 'failed', code: UNKNOWN_OUTCOME, ...sayGuard('guard.late', { why }) }));
    }
    const outcomes = validateOutcomes(changes, result.outcomes);
    if (!timedOut) return outcomes;
    return outcomes.map((o) => (o.status === 'failed' && o.code === 'ABORTED' ? { ...o, code: 'TIMEOUT', ...sayGuard('guard.not-written', { why: sayGuard('guard.deadline', { ms: limits.saveDeadlineMs }) }) } : o));
  } finally {
    dispose();
  }
}

const idOf = (c: Change | null | undefined): string => (typeof c?.accountId === 'string' ? c.accountId : '');
