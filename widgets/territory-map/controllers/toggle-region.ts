import type { Territory } from '../../../src/model/territory.js';

/**
 * Adds a region code to a territory's `definition.regions`, or removes it when present, returning new
 * territories (the input is not changed).
 * @param territories current territories
 * @param territoryId the territory being painted
 * @param code region code (state FIPS "06", county FIPS "06037")
 * @returns the new territories and whether the code was added; throws when the territory is unknown
 * @example
 * toggleRegion([{ id: 't1', name: 'West', repIds: [], priority: 0, definition: {} }], 't1', '06');
 * // { territories: [{ …, definition: { regions: ['06'] } }], added: true }
 */
export function toggleRegion(
  territories: readonly Territory[],
  territoryId: string,
  code: string,
): { territories: Territory[]; added: boolean } {
  const at = territories.findIndex((t) => t.id === territoryId);
  if (at < 0) throw new Error(`toggleRegion: territory "${territoryId}" not found (field territoryId)`);
  const t = territories[at];
  const regions = t.definition?.regions ?? [];
  const added = !regions.includes(code);
  const next: Territory = {
    ...t,
    definition: { ...t.definition, regions: added ? [...regions, code] : regions.filter((r) => r !== code) },
  };
  const out = territories.slice();
  out[at] = next;
  return { territories: out, added };
}
