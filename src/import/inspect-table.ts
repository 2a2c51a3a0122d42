import { readTable, type TableRow } from './read-table.js';
import { guessKind, suggestMapping } from './suggest-mapping.js';
import type { ColumnMapping, ImportKind, ImportSource, TableInspection } from './types.js';

/**
 * Reads the top of a file for the mapping step: its format, headers, first rows, the kind of file the
 * headers look like and a suggested mapping (a remembered one kept where its columns are present).
 *
 * @param source the file, its text or its bytes
 * @param options `previewRows` (default 5), `kind` to skip guessing, `remembered` mappings per kind
 * @returns what the mapping step shows
 * @throws ImportError when the file cannot be read (see {@link readTable})
 * @example
 * const { headers, kind, mapping, preview } = await inspectTable(file);
 */
export async function inspectTable(
  source: ImportSource,
  options: { previewRows?: number; kind?: ImportKind; remembered?: Partial<Record<ImportKind, ColumnMapping>> } = {},
): Promise<TableInspection> {
  let headers: string[] = [];
  let headerRow = 1;
  const preview: TableRow[] = [];
  const format = await readTable(source, {
    maxRows: options.previewRows ?? 5,
    onHeader: (h, at) => {
      headers = h;
      headerRow = at;
    },
    onRows: (rows) => preview.push(...rows),
  });
  const kind = options.kind ?? guessKind(headers);
  const mapping = suggestMapping(kind, headers, (options.remembered?.[kind] ?? {}) as ColumnMapping<typeof kind>);
  return { format, headers, headerRow, preview: preview.map((r) => r.cells), kind, mapping };
}
