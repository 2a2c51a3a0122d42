import type { SaveOptions, SaveStatus, TerritoryChange, TerritorySaveOutcome } from '../crm-adapter.js';
import { guardBatchSave } from './batch-save-guard.js';
import { sayGuard } from '../texts/guard.js';
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
  return guardBatchSave(inner, limits, {
    noun: 'territory',
    failed: (c, code, said) => ({ territoryId: idOf(c), status: 'failed', code, ...said }),
    check: (changes, outcomes) => {
      const got = Array.isArray(outcomes) ? (outcomes as TerritorySaveOutcome[]) : [];
      return changes.map((c, i): TerritorySaveOutcome => {
        const o = got[i];
        if (!o || o.territoryId !== idOf(c) || !STATUSES.includes(o.status)) return { territoryId: idOf(c), status: 'failed', code: 'NO_OUTCOME', ...sayGuard('guard.territory-no-outcome') };
        return o;
      });
    },
  });
}

const idOf = (c: TerritoryChange | null | undefined) => (typeof c?.id === 'string' ? c.id : '');
