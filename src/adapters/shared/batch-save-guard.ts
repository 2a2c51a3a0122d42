import type { Said, SaveOptions } from '../crm-adapter.js';
import { deadlineSignal, isDeadline, UNKNOWN_OUTCOME } from './deadline.js';
import { sayGuard } from '../texts/guard.js';
import type { SaveGuardOptions } from './save-guard.js';

/** What a batch guard needs to know about one kind of save (territories, quotas…). */
export interface BatchSaveKind<C, O> {
  /** The thing saved, for messages: `territory`, `quota`. */
  noun: 'territory' | 'quota';
  /** A failed outcome for change `c` with this code and message (our sentence, as data: `Said`). */
  failed(c: C, code: string, said: Said): O;
  /** The adapter's outcomes checked against the changes: exactly one per change, in order. */
  check(changes: readonly C[], outcomes: unknown): O[];
}

type Outcome = { status: string; code?: string; message?: string; key?: string };

/**
 * One save at a time per adapter for a kind of batch (territories, quotas), each resolved by
 * `saveDeadlineMs` whatever the CRM does: past it the save's signal aborts; changes not written end
 * `failed` `TIMEOUT`, and if the inner save has still not answered after a short grace every change
 * ends `failed` `UNKNOWN_OUTCOME`, never `saved`. The outcomes are checked by `kind.check`.
 * As in `guardSave`, the next save waits until the previous inner save has really stopped — bounded
 * by twice the request timeout + 1 s after its deadline — so a late write of a save already reported
 * UNKNOWN_OUTCOME cannot interleave with the next save.
 *
 * @param inner the adapter's own save
 * @param limits deadlines
 * @param kind how to fail a change and check outcomes
 * @returns the guarded save
 * @example
 * const saveQuotas = guardBatchSave((c, o) => saveQuotasRest(client, opts, c, o), opts, QUOTAS);
 */
export function guardBatchSave<C, O extends Outcome>(
  inner: (changes: readonly C[], options: SaveOptions) => Promise<O[]>,
  limits: SaveGuardOptions,
  kind: BatchSaveKind<C, O>,
): (changes: readonly C[], options?: SaveOptions) => Promise<O[]> {
  let tail: Promise<void> = Promise.resolve();
  return async (changes, options = {}) => {
    const list: readonly C[] = Array.isArray(changes) ? changes : [];
    const previous = tail;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    tail = previous.then(() => mine);
    await previous;
    const hold = { release, held: false };
    try {
      return await bounded(inner, list, options, limits, kind, hold);
    } finally {
      // An inner save that never started (aborted before it) holds nothing; one that did releases the
      // queue when it stops, or by the cap.
      if (!hold.held) release();
    }
  };
}

async function bounded<C, O extends Outcome>(
  inner: (changes: readonly C[], options: SaveOptions) => Promise<O[]>,
  changes: readonly C[],
  options: SaveOptions,
  limits: SaveGuardOptions,
  kind: BatchSaveKind<C, O>,
  hold: { release: () => void; held: boolean },
): Promise<O[]> {
  const all = (code: string, said: Said): O[] => changes.map((c) => kind.failed(c, code, said));
  if (options.signal?.aborted) return all('ABORTED', sayGuard('guard.aborted-before-start'));
  const { signal, dispose } = deadlineSignal(limits.saveDeadlineMs, options.signal, sayGuard(kind.noun === 'quota' ? 'guard.what-quota-save' : 'guard.what-territory-save'));
  try {
    const graceMs = Math.min(5000, limits.requestTimeoutMs);
    const run = inner(changes, { ...options, signal });
    // The queue waits for this save to stop; once its signal has aborted, never longer than the cap.
    hold.held = true;
    let cap: ReturnType<typeof setTimeout> | undefined;
    const settled = run.then(() => undefined, () => undefined);
    void settled.then(() => {
      if (cap !== undefined) clearTimeout(cap);
      hold.release();
    });
    const result = await Promise.race([
      run.then((outcomes) => ({ outcomes })),
      new Promise<{ late: true }>((resolve) => {
        const onAbort = () => {
          if (cap === undefined) cap = setTimeout(hold.release, limits.requestTimeoutMs * 2 + 1000);
          setTimeout(() => resolve({ late: true }), graceMs);
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
        void settled.then(() => signal.removeEventListener('abort', onAbort));
      }),
    ]);
    const timedOut = isDeadline(signal) && !options.signal?.aborted;
    const why = timedOut ? sayGuard('guard.deadline', { ms: limits.saveDeadlineMs }) : sayGuard('guard.save-aborted');
    if ('late' in result) return all(UNKNOWN_OUTCOME, sayGuard(kind.noun === 'quota' ? 'guard.late-quota' : 'guard.late-territory', { why }));
    return kind.check(changes, result.outcomes).map((o) => (timedOut && o.status === 'failed' && o.code === 'ABORTED' ? { ...o, code: 'TIMEOUT', ...sayGuard('guard.not-written', { why }) } : o));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return all(UNKNOWN_OUTCOME, sayGuard(kind.noun === 'quota' ? 'guard.stopped-quota' : 'guard.stopped-territory', { detail: message.slice(0, 300) }));
  } finally {
    dispose();
  }
}
