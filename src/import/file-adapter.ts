import { CrmLoadError, type Capabilities, type CrmAdapter, type LoadOptions, type LoadResult, type SaveOptions, type SaveOutcome, type Change } from '../adapters/crm-adapter.js';
import type { Account } from '../model/account.js';
import { yieldToEventLoop } from './read-table.js';
import type { Rejection } from '../model/validate-batch.js';
import { importAccounts } from './import-accounts.js';
import type { ImportOptions, ImportProblem, ImportResult } from './types.js';

export type FileAdapterOptions = (ImportOptions | { result: ImportResult }) & {
  /** The adapter's `id` (keys unsaved work in the browser). Default `file:` + the first file's name and size, or `file:import`. */
  id?: string;
};

/** Accounts copied per step of a load (a yield between steps). */
const PAGE = 10_000;

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
  const fileRow = { file: p.file, row: p.row, ...(p.code ? { code: p.code } : {}), ...(p.params ? { params: p.params } : {}), reason: p.reason };
  return { kind, index: p.row, field, reason, ...(p.id ? { id: p.id } : {}), problems: [{ field, reason }], fileRow };
}

function defaultId(options: FileAdapterOptions): string {
  const file = 'accounts' in options ? options.accounts : null;
  if (typeof File !== 'undefined' && file instanceof File) return `file:${file.name}:${file.size}:${file.lastModified}`;
  return 'file:import';
}

/**
 * A CrmAdapter over accounts, reps and opportunities imported from CSV or `.xlsx` files
 * ({@link importAccounts}), or over an import already made (`{ result }`, e.g. the `tk-import` event's
 * detail). The files are read on the first `load()` (the records were validated by the import, so a
 * load only copies them, a page at a time); saves are written to memory only (the adapter says so:
 * `capabilities().system` is `file`, `mode` `in-memory`), with the memory adapter's rules: `INVALID`,
 * `NOT_FOUND`, `INVALID_OWNER` (no such active rep), `STALE` conflict (owner is not `from`, or the
 * account changed earlier in the same save), `saved` without writing when already owned by `to`,
 * `ABORTED` once the signal aborts. Rows that could not be used come back in `load().rejected`, each
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
  let result: ImportResult | null = null;
  let importing: Promise<Store> | null = null;
  let store: Store | null = null;

  /** What the "CRM" holds: the imported records (validated once, by the import) and each account's owner. */
  interface Store {
    owners: Map<string, string | null>;
    activeReps: Set<string>;
    problems: Rejection[];
  }

  const ready = (signal?: AbortSignal): Promise<Store> => {
    if (store) return Promise.resolve(store);
    importing ??= (async () => {
      try {
        result = 'result' in options ? options.result : await importAccounts({ ...options, signal: signal ?? options.signal });
      } catch (cause) {
        importing = null;
        const code = (cause as { code?: string }).code ?? 'IMPORT';
        throw new CrmLoadError(code, `the files could not be imported: ${(cause as Error).message}`, { cause });
      }
      store = {
        owners: new Map(result.accounts.map((a) => [a.id, a.ownerId])),
        activeReps: new Set(result.reps.filter((r) => r.active).map((r) => r.id)),
        problems: [...result.rejected, ...result.warnings].map(toRejection),
      };
      return store;
    })();
    return importing;
  };

  const aborted = (signal?: AbortSignal) => new CrmLoadError('ABORTED', 'loading was aborted', { cause: signal?.reason });

  return {
    id,
    get result() {
      return result;
    },
    async capabilities(): Promise<Capabilities> {
      return { canWrite: true, canWriteTerritories: false, system: 'file', mode: 'in-memory', maxBatchSize: 1000 };
    },
    async load({ signal, onProgress }: LoadOptions = {}): Promise<LoadResult> {
      const s = await ready(signal);
      const all = result!.accounts;
      // Records were validated by the import: hand out copies with today's owners, a page at a time.
      const accounts: Account[] = new Array(all.length);
      for (let i = 0; i < all.length; i += PAGE) {
        if (signal?.aborted) throw aborted(signal);
        for (let k = i; k < Math.min(all.length, i + PAGE); k++) accounts[k] = { ...all[k], ownerId: s.owners.get(all[k].id) ?? null };
        onProgress?.({ loaded: Math.min(all.length, i + PAGE), total: all.length, phase: 'accounts' });
        if (i + PAGE < all.length) await yieldToEventLoop();
      }
      if (signal?.aborted) throw aborted(signal);
      return { accounts, reps: result!.reps.map((r) => ({ ...r })), territories: [], rejected: [...s.problems] };
    },
    async save(changes: readonly Change[], { signal, onProgress }: SaveOptions = {}): Promise<SaveOutcome[]> {
      const s = await ready(signal);
      const outcomes: SaveOutcome[] = [];
      const seen = new Set<string>();
      changes.forEach((c, i) => {
        const accountId = c && typeof c.accountId === 'string' ? c.accountId : '';
        const out = (status: SaveOutcome['status'], code?: string, message?: string) => outcomes.push({ accountId, status, ...(code ? { code, message } : {}) });
        if (signal?.aborted) return out('failed', 'ABORTED', 'saving was aborted before this change was written');
        if (!accountId || (c.to !== null && typeof c.to !== 'string') || (c.from !== null && typeof c.from !== 'string')) return out('failed', 'INVALID', `change ${i} is not an account id with from and to rep ids`);
        if (!s.owners.has(accountId)) return out('failed', 'NOT_FOUND', `account "${accountId}" does not exist`);
        if (c.to !== null && !s.activeReps.has(c.to)) return out('failed', 'INVALID_OWNER', `rep "${c.to}" does not exist or is inactive`);
        if (seen.has(accountId)) return out('conflict', 'STALE', `account "${accountId}" was already changed in this save`);
        const owner = s.owners.get(accountId) ?? null;
        if (owner === c.to) return out('saved');
        if (owner !== c.from) return out('conflict', 'STALE', `account "${accountId}" is owned by ${owner ?? 'nobody'}, not ${c.from ?? 'nobody'}`);
        s.owners.set(accountId, c.to);
        seen.add(accountId);
        out('saved');
      });
      onProgress?.({ done: changes.length, total: changes.length });
      return outcomes;
    },
  };
}
