import type { Capabilities, Change, CrmAdapter, LoadOptions, LoadResult, LockChange, QuotaChange, QuotaSaveOutcome, SaveOptions, SaveOutcome, TerritoryChange, TerritorySaveOutcome } from '../crm-adapter.js';
import { saveTerritoriesRest } from './save-territories.js';
import { guardTerritorySave } from '../shared/territory-save-guard.js';
import { saveLocksRest } from './save-locks.js';
import { loadQuotasRest, saveQuotasRest } from './save-quotas.js';
import { guardQuotaSave } from '../shared/quota-save-guard.js';
import { RestClient } from './client.js';
import { loadRest } from './load.js';
import { resolveRestOptions, type RestAdapterOptions } from './options.js';
import { saveRest } from './save.js';
import { guardSave } from '../shared/save-guard.js';

/** A REST adapter, plus a request counter for logs and benchmarks. */
export interface RestAdapter extends CrmAdapter {
  /** HTTP requests sent so far, every attempt counted. */
  readonly requestCount: number;
}

/**
 * Creates a CrmAdapter over your own backend speaking the documented JSON contract
 * (docs/adapters/rest.md): `GET /accounts|/reps|/territories?cursor=` → `{ items, nextCursor, total? }`,
 * `POST /assignments:batch` → `{ results }`, errors as `{ error: { code, message } }`.
 *
 * @param options Base URL, transport and limits (see {@link RestAdapterOptions}).
 * @returns The adapter.
 * @example
 * const adapter = createRestAdapter({ baseUrl: 'https://api.example.com/territory', fetch: (u, i) => fetch(u, { ...i, credentials: 'include' }) });
 * const { accounts } = await adapter.load();
 */
export function createRestAdapter(options: RestAdapterOptions): RestAdapter {
  const opts = resolveRestOptions(options);
  const client = new RestClient(opts.fetch, opts.baseUrl, opts.retry, opts.requestTimeoutMs);
  const stamps = new Map<string, string | undefined>();
  // One save at a time per adapter, each bounded by its deadline, outcomes checked.
  const save = guardSave((changes, saveOptions) => saveRest(client, opts, stamps, changes, saveOptions), opts);
  const saveTerritories = guardTerritorySave((changes, saveOptions) => saveTerritoriesRest(client, opts, changes, saveOptions), opts);
  const repNames = new Map<string, string>();
  const saveQuotas = guardQuotaSave((changes, saveOptions) => saveQuotasRest(client, opts, changes, saveOptions, (id) => repNames.get(id) ?? null), opts);
  return {
    id: opts.id ?? `rest:${opts.baseUrl.replace(/\/+$/, '')}`,
    get requestCount() {
      return client.requests;
    },
    async capabilities(): Promise<Capabilities> {
      return { canWrite: opts.canWrite !== false, canWriteTerritories: opts.canWrite !== false && opts.canWriteTerritories !== false, ...(opts.lockField ? { canWriteLocks: opts.canWrite !== false } : {}), canWriteQuotas: opts.canWrite !== false && opts.quotas === true, system: 'rest', maxBatchSize: opts.batchSize, ...(opts.userId !== undefined ? { userId: opts.userId } : {}) };
    },
    async load(loadOptions?: LoadOptions): Promise<LoadResult> {
      const result = await loadRest(client, opts, loadOptions);
      stamps.clear();
      for (const a of result.accounts) stamps.set(a.id, a.lastModified);
      repNames.clear();
      for (const r of result.reps) repNames.set(r.id, r.name);
      if (!opts.quotas) return result;
      const { quotas, notices } = await loadQuotasRest(client, opts, loadOptions);
      return { ...result, quotas, ...(notices.length || result.notices?.length ? { notices: [...(result.notices ?? []), ...notices] } : {}) };
    },
    save(changes: readonly Change[], saveOptions?: SaveOptions): Promise<SaveOutcome[]> {
      return save(changes, saveOptions);
    },
    saveLocks(changes: readonly LockChange[], saveOptions?: SaveOptions): Promise<SaveOutcome[]> {
      return saveLocksRest(client, opts, changes, saveOptions);
    },
    saveTerritories(changes: readonly TerritoryChange[], saveOptions?: SaveOptions): Promise<TerritorySaveOutcome[]> {
      return saveTerritories(changes, saveOptions);
    },
    saveQuotas(changes: readonly QuotaChange[], saveOptions?: SaveOptions): Promise<QuotaSaveOutcome[]> {
      return saveQuotas(changes, saveOptions);
    },
  };
}
