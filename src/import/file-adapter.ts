import { CrmLoadError, type Capabilities, type CrmAdapter, type LoadOptions, type LoadResult, type SaveOptions, type SaveOutcome, type Change } from '../adapters/crm-adapter.js';
import { createMemoryAdapter, type MemoryAdapter } from '../adapters/memory/memory-adapter.js';
import type { Rejection } from '../model/validate-batch.js';
import { importAccounts } from './import-accounts.js';
import type { ImportOptions, ImportProblem, ImportResult } from './types.js';

export type FileAdapterOptions = (ImportOptions | { result: ImportResult }) & {
  /** The adapter's `id` (keys unsaved work in the browser). Default `file:` + the first file's name and size, or `file:import`. */
  id?: string;
};

/** A CrmAdapter over imported files, with the import's outcome once loaded. */
export interface FileAdapter extends CrmAdapter {
  /** The import behind the last load (rows rejected, warnings, unplaced accounts), or null before the first load. */
  readonly result: ImportResult | null;
}

/** An import problem as a model rejection (what the provider lists after a load): the column as field. */
function toRejection(p: ImportProblem): Rejection {
  const kind = p.file === 'reps' ? 'rep' : 'account';
  const field = p.column;
  const reason = `${p.file} row ${p.row}: ${p.reason}`;
  return { kind, index: p.row, field, reason, ...(p.id ? { id: p.id } : {}), problems: [{ field, reason }] };
}

function defaultId(options: FileAdapterOptions): string {
  const file = 'accounts' in options ? options.accounts : null;
  if (typeof File !== 'undefined' && file instanceof File) return `file:${file.name}:${file.size}:${file.lastModified}`;
  return 'file:import';
}

/**
 * A CrmAdapter over accounts, reps and opportunities imported from CSV or `.xlsx` files
 * ({@link importAccounts}), or over an import already made (`{ result }`, e.g. the `tk-import` event's
 * detail). The files are read on the first `load()`; saves are written to memory only (the adapter
 * says so: `capabilities().system` is `file`, `mode` `in-memory`), with the memory adapter's rules
 * (conflicts, unknown reps, abort). Rows that could not be used come back in `load().rejected`, each
 * naming the file, row, column and reason. Export the plan (the panel's "Plan as CSV") to keep it.
 *
 * @param options the files and mapping (as for {@link importAccounts}) or `{ result }`, and an `id`
 * @returns the adapter
 * @example
 * provider.adapter = createFileAdapter({ accounts: file, mapping: { accounts: { id: 'Account ID', name: 'Account Name' } } });
 * provider.adapter = createFileAdapter({ result: event.detail.result });
 */
export function createFileAdapter(options: FileAdapterOptions): FileAdapter {
  const id = options.id ?? defaultId(options);
  let memory: MemoryAdapter | null = null;
  let result: ImportResult | null = null;
  let importing: Promise<MemoryAdapter> | null = null;

  const ready = (signal?: AbortSignal): Promise<MemoryAdapter> => {
    if (memory) return Promise.resolve(memory);
    importing ??= (async () => {
      try {
        result = 'result' in options ? options.result : await importAccounts({ ...options, signal: signal ?? options.signal });
      } catch (cause) {
        importing = null;
        const code = (cause as { code?: string }).code ?? 'IMPORT';
        throw new CrmLoadError(code, `the files could not be imported: ${(cause as Error).message}`, { cause });
      }
      memory = createMemoryAdapter({ id, accounts: result.accounts, reps: result.reps, maxBatchSize: 1000, pageSize: 10_000 });
      return memory;
    })();
    return importing;
  };

  return {
    id,
    get result() {
      return result;
    },
    async capabilities(): Promise<Capabilities> {
      return { canWrite: true, canWriteTerritories: false, system: 'file', mode: 'in-memory', maxBatchSize: 1000 };
    },
    async load(loadOptions: LoadOptions = {}): Promise<LoadResult> {
      const store = await ready(loadOptions.signal);
      const loaded = await store.load(loadOptions);
      const problems = [...result!.rejected, ...result!.warnings].map(toRejection);
      return { ...loaded, rejected: [...problems, ...loaded.rejected] };
    },
    async save(changes: readonly Change[], saveOptions?: SaveOptions): Promise<SaveOutcome[]> {
      const store = await ready(saveOptions?.signal);
      return store.save(changes, saveOptions);
    },
  };
}
