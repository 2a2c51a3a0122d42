import type { Territory } from '../../../src/model/territory.js';
import { validateBatch, type Rejection } from '../../../src/model/validate-batch.js';
import { territoriesGeoJson } from './territories-geojson.js';

/** What an import of territories found. */
export interface TerritoryImport {
  /** The plan's territories with the valid imported ones merged in (same id replaced, new ones added). */
  territories: Territory[];
  /** How many valid territories the file held. */
  imported: number;
  /** Territories rejected by the model, each naming its territory and field. */
  rejected: Rejection[];
  /** Why the file could not be read at all, when it could not. */
  error?: string;
}

type Row = Record<string, unknown>;
const isRow = (v: unknown): v is Row => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A feature of `territoriesGeoJson` back to a territory row (its definition from the properties and geometry). */
function fromFeature(f: Row): Row {
  const p = isRow(f.properties) ? f.properties : {};
  const def: Row = {};
  if (f.geometry != null) def.geometry = f.geometry;
  for (const k of ['regions', 'include', 'exclude'] as const) if (Array.isArray(p[k]) && (p[k] as unknown[]).length) def[k] = p[k];
  if (p.rules != null) def.rules = p.rules;
  const row: Row = { id: p.id ?? f.id, name: p.name, repIds: p.repIds ?? [], priority: p.priority ?? 0, definition: def };
  if (p.color != null) row.color = p.color;
  if (p.parentId != null) row.parentId = p.parentId;
  return row;
}

/** The export's own form of a territory, to tell an unchanged import from an edit. */
const exported = (t: Territory) => JSON.stringify(territoriesGeoJson([t]).features[0]);

/**
 * Reads territories from JSON text: the GeoJSON FeatureCollection the export writes
 * (`territoriesGeoJson`), a list of territories, or `{ territories: [...] }`. Every territory is
 * checked with the territory model (`validateBatch`); rejected ones are listed by territory and field
 * and left out. Valid ones replace the plan's territory with the same id (kept as is when the file
 * holds the same territory) or are added after the others.
 *
 * @param text the file's text
 * @param current the plan's territories
 * @returns the merged territories, the count imported and the rejections, or an `error`
 * @example
 * const r = importTerritories(await file.text(), state.territories);
 * if (!r.error && r.imported) actions.setTerritories(r.territories, 'Import territories');
 */
export function importTerritories(text: string, current: readonly Territory[]): TerritoryImport {
  const none = (error: string): TerritoryImport => ({ territories: [...current], imported: 0, rejected: [], error });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return none('the file is not JSON');
  }
  let rows: unknown[];
  if (isRow(data) && data.type === 'FeatureCollection' && Array.isArray(data.features)) rows = data.features.map((f) => (isRow(f) ? fromFeature(f) : f));
  else if (Array.isArray(data)) rows = data;
  else if (isRow(data) && Array.isArray(data.territories)) rows = data.territories;
  else return none('expected a GeoJSON FeatureCollection of territories, a list of territories or { "territories": [...] }');
  const { valid, rejected } = validateBatch('territory', rows);
  const merged = [...current];
  const at = new Map(merged.map((t, i) => [t.id, i]));
  for (const t of valid) {
    const i = at.get(t.id);
    if (i === undefined) at.set(t.id, merged.push(t) - 1);
    else if (exported(merged[i]) !== exported(t)) merged[i] = { ...t, ...(merged[i].lastModified !== undefined ? { lastModified: merged[i].lastModified } : {}) };
  }
  return { territories: merged, imported: valid.length, rejected };
}
