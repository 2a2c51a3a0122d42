import type { ColumnMapping, ImportKind } from '../../src/import/types.js';

const KEY = 'territory-kit:import-mapping:v1';

/** The mappings used last, per kind (bad or missing storage gives none). */
export function readRemembered(storage: Storage | null): Partial<Record<ImportKind, ColumnMapping>> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: Partial<Record<ImportKind, ColumnMapping>> = {};
    for (const kind of ['accounts', 'reps', 'opportunities'] as const) {
      const m = (parsed as Record<string, unknown>)[kind];
      if (!m || typeof m !== 'object' || Array.isArray(m)) continue;
      const clean: Record<string, string> = Object.create(null);
      for (const [field, header] of Object.entries(m)) if (typeof header === 'string') clean[field] = header;
      out[kind] = { ...clean };
    }
    return out;
  } catch {
    return {};
  }
}

/** Remembers the mappings just used (merged over the stored ones), so the next file of the same shape maps itself. */
export function remember(storage: Storage | null, used: Partial<Record<ImportKind, ColumnMapping>>): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ ...readRemembered(storage), ...used }));
  } catch {
    // Storage full or blocked: the mapping is simply suggested again next time.
  }
}

/** `localStorage` when the page may use it. */
export function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
