import type { Territory } from '../model/territory.js';
import type { TerritoryChange, TerritorySaveOutcome } from '../adapters/crm-adapter.js';
import type { PlanState } from './types.js';

/** A territory's content as a canonical string (keys sorted, `lastModified` left out). */
function content(t: Territory): string {
  const { lastModified: _stamp, ...rest } = t;
  return JSON.stringify(rest, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]]));
    }
    return value;
  });
}

/**
 * The territory changes not yet saved to the CRM: `state.territories` against `territoryBase` (the
 * territories as loaded or last saved). A new or changed territory is an upsert, a loaded one no
 * longer in the plan a delete (`territory: null`); each carries the base's `lastModified` for the
 * CRM's conflict check. Upserts in plan order, then deletes. Empty until a load has set the base.
 *
 * @param state the plan
 * @returns the changes, in order
 * @example
 * const n = pendingTerritoryChanges(state).length; // "3 territories" on the Save button
 */
export function pendingTerritoryChanges(state: Pick<PlanState, 'territories' | 'territoryBase'>): TerritoryChange[] {
  const base = state.territoryBase;
  if (!base) return [];
  const byId = new Map(base.map((t) => [t.id, t]));
  const out: TerritoryChange[] = [];
  const seen = new Set<string>();
  for (const t of state.territories) {
    seen.add(t.id);
    const was = byId.get(t.id);
    if (was === t || (was && content(was) === content(t))) continue;
    out.push({ id: t.id, territory: t, ...(was?.lastModified !== undefined ? { lastModified: was.lastModified } : {}) });
  }
  for (const t of base) if (!seen.has(t.id)) out.push({ id: t.id, territory: null, ...(t.lastModified !== undefined ? { lastModified: t.lastModified } : {}) });
  return out;
}

/**
 * Records a territory save: saved changes join the base (with the CRM's new `lastModified`; deletes
 * leave it), so they are no longer pending; failed and conflicting ones stay pending. The outcomes are
 * kept in `lastTerritorySave`.
 *
 * @param state the latest state
 * @param changes the changes sent
 * @param outcomes one per change, in order
 * @returns the new state
 */
export function territoriesSaved(state: PlanState, changes: readonly TerritoryChange[], outcomes: readonly TerritorySaveOutcome[]): PlanState {
  const base = new Map((state.territoryBase ?? []).map((t) => [t.id, t]));
  changes.forEach((c, i) => {
    const o = outcomes[i];
    if (o?.status !== 'saved') return;
    if (c.territory === null) base.delete(c.id);
    else base.set(c.id, { ...c.territory, ...(o.lastModified !== undefined ? { lastModified: o.lastModified } : {}) });
  });
  return { ...state, territoryBase: [...base.values()], lastTerritorySave: outcomes };
}
