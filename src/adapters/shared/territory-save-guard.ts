import type { SaveOptions, SaveStatus, TerritoryChange, TerritorySaveOutcome } from '../crm-adapter.js';
import { deadlineSignal, isDeadline, RELOAD_ADVICE, UNKNOWN_OUTCOME } from './deadline.js';
import type { SaveGuardOptions } from './save-guard.js';

export type TerritorySaveFn = (changes: readonly TerritoryChange[], options: SaveOptions) => Promise<TerritorySaveOutcome[]>;

const STATUSES: readonly SaveStatus[] = ['saved', 'failed', 'conflict'];

/**
 * Wraps an adapter's `saveTerritories` as `guardSave` wraps `save`: one territory save at a time per
 * adapter, each resolved by `saveDeadlineMs` whatever the CRM does (past it the save's signal aborts;
 * territories not written end `failed` `TIMEOUT`, and if the inner save has still not answered after a
 * short grace every territory ends `failed` `UNKNOWN_OUTCOME`, never `saved`), and the outcomes checked:
 * exactly one per change, in order, by territory id (a missing or malformed one becomes `failed`
 * `NO_OUTCOME`).
 *
 * @param inner the adapter's own territory save
 * @param limits deadlines
 * @returns the guarded save
 * @example
 * const saveTerritories = guardTerritorySave((c, o) => saveTerritoriesRest(client, opts, c, o), opts);
 */
export function guardTerritorySave(inner: TerritorySaveFn, limits: SaveGuardOptions): (changes: readonly TerritoryChange[], options?: SaveOptions) => Promise<TerritorySaveOutcome[]> {
  let tail: Promise<unknown> = Promise.resolve();
  return (changes, options = {}) => {
    const list: readonly TerritoryChange[] = Array.isArray(changes) ? changes : [];
    const run = tail.then(() => bounded(inner, list, options, limits));
    tail = run.catch(() => undefined);
    return run;
  };
}

async function bounded(inner: TerritorySaveFn, changes: readonly TerritoryChange[], options: SaveOptions, limits: SaveGuardOptions): Promise<TerritorySaveOutcome[]> {
  const idOf = (c: TerritoryChange | null | undefined) => (typeof c?.id === 'string' ? c.id : '');
  const all = (code: string, message: string): TerritorySaveOutcome[] => changes.map((c) => ({ territoryId: idOf(c), status: 'failed', code, message }));
  if (options.signal?.aborted) return all('ABORTED', 'not written: the save was aborted before it started');
  const { signal, dispose } = deadlineSignal(limits.saveDeadlineMs, options.signal, 'the territory save');
  try {
    const graceMs = Math.min(5000, limits.requestTimeoutMs);
    const result = await Promise.race([
      inner(changes, { ...options, signal }).then((outcomes) => ({ outcomes })),
      new Promise<{ late: true }>((resolve) => {
        const onAbort = () => setTimeout(() => resolve({ late: true }), graceMs);
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
    const timedOut = isDeadline(signal) && !options.signal?.aborted;
    const why = timedOut ? `the save passed its deadline of ${limits.saveDeadlineMs} ms` : 'the save was aborted';
    if ('late' in result) return all(UNKNOWN_OUTCOME, `${why} while the CRM had not answered; the territory may or may not be written — ${RELOAD_ADVICE}`);
    const got = Array.isArray(result.outcomes) ? result.outcomes : [];
    return changes.map((c, i) => {
      const o = got[i];
      if (!o || o.territoryId !== idOf(c) || !STATUSES.includes(o.status)) return { territoryId: idOf(c), status: 'failed', code: 'NO_OUTCOME', message: `the adapter reported no outcome for this territory — ${RELOAD_ADVICE}` };
      if (timedOut && o.status === 'failed' && o.code === 'ABORTED') return { ...o, code: 'TIMEOUT', message: `not written: ${why}` };
      return o;
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return all(UNKNOWN_OUTCOME, `the territory save stopped with an error (${message.slice(0, 300)}); it may or may not be written — ${RELOAD_ADVICE}`);
  } finally {
    dispose();
  }
}
