import type { Change, LockChange, SaveOptions, SaveOutcome } from '../crm-adapter.js';
import { guardSave, type SaveFn, type SaveGuardOptions } from './save-guard.js';

export type LockSaveFn = (changes: readonly LockChange[], options: SaveOptions) => Promise<SaveOutcome[]>;

const LOCK = Symbol('lock');
type Carrier = Change & { [LOCK]: unknown };

/**
 * Guards an adapter's `save` and `saveLocks` together (see `guardSave`): one queue per adapter, so a
 * lock write and an owner write never run at the same time; every lock save is bounded by the save
 * deadline and resolves with exactly one checked outcome per lock change, in order (keyed by the
 * record id in `accountId`).
 *
 * @param save the adapter's own owner save
 * @param saveLocks the adapter's own lock save
 * @param limits deadlines
 * @returns the guarded pair
 * @example
 * const { save, saveLocks } = guardSaves((c, o) => saveOwner(c, o), (l, o) => saveLocksNow(l, o), opts);
 */
export function guardSaves(save: SaveFn, saveLocks: LockSaveFn, limits: SaveGuardOptions): {
  save: (changes: readonly Change[], options?: SaveOptions) => Promise<SaveOutcome[]>;
  saveLocks: (changes: readonly LockChange[], options?: SaveOptions) => Promise<SaveOutcome[]>;
} {
  const guarded = guardSave((changes, options) => {
    const first = changes[0] as Carrier | undefined;
    if (first && LOCK in first) return saveLocks(changes.map((c) => (c as Carrier)[LOCK] as LockChange), options);
    return save(changes, options);
  }, limits);
  return {
    save: guarded,
    saveLocks: (changes, options) => {
      const list: readonly unknown[] = Array.isArray(changes) ? changes : [];
      const carriers = list.map((lock): Carrier => {
        const id = (lock as { id?: unknown } | null)?.id;
        return { accountId: typeof id === 'string' ? id : '', from: null, to: null, [LOCK]: lock };
      });
      return guarded(carriers, options);
    },
  };
}
