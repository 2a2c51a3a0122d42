import type { Capabilities, Change, CrmAdapter, LoadOptions, LoadResult, LockChange, SaveOptions, SaveOutcome } from '../crm-adapter.js';
import { HubSpotClient } from './client.js';
import { loadHubSpot } from './load.js';
import { resolveOptions, type HubSpotAdapterOptions } from './options.js';
import { saveHubSpot, type LoadedStamps } from './save.js';
import { guardSaves } from '../shared/lock-guard.js';
import { saveLocksHubSpot } from './save-locks.js';

/** A HubSpot adapter, plus a request counter for logs and benchmarks. */
export interface HubSpotAdapter extends CrmAdapter {
  /** HTTP requests sent so far, every attempt counted. */
  readonly requestCount: number;
}

/**
 * Creates a CrmAdapter over HubSpot CRM v3: companies are accounts, owners are reps, and
 * `hubspot_owner_id` is the assignment `save` writes. All traffic goes through `options.fetch`,
 * which you point at your own proxy; the adapter never holds a token.
 *
 * @param options Transport, base URL, property map and limits (see {@link HubSpotAdapterOptions}).
 * @returns The adapter.
 * @example
 * const adapter = createHubSpotAdapter({
 *   fetch: (url, init) => fetch(url, { ...init, credentials: 'include' }),
 *   baseUrl: 'https://crm-proxy.example.com/hubspot',
 *   propertyMap: { lat: 'tk_lat', lng: 'tk_lng', potential: 'tk_potential' },
 * });
 * const { accounts, reps, rejected } = await adapter.load();
 * const outcomes = await adapter.save([{ accountId: accounts[0].id, from: accounts[0].ownerId, to: reps[1].id }]);
 */
export function createHubSpotAdapter(options: HubSpotAdapterOptions): HubSpotAdapter {
  const opts = resolveOptions(options);
  const client = new HubSpotClient(opts.fetch, opts.baseUrl, opts.retry, opts.requestTimeoutMs);
  const stamps: LoadedStamps = new Map();
  // One save at a time per adapter (two saves of one company cannot both claim `saved`), each bounded
  // by its deadline, outcomes checked.
  // Lock writes share the queue.
  const { save, saveLocks } = guardSaves(
    (changes, saveOptions) => saveHubSpot(client, opts, stamps, changes, saveOptions),
    (locks, saveOptions) => saveLocksHubSpot(client, opts, stamps, locks, saveOptions),
    opts,
  );

  /**
   * Whether the lock property is a checkbox the app may write: its definition
   * (`POST /crm/v3/properties/companies/batch/read`, which answers a missing property without a 404)
   * exists, is `bool` (or a true/false `enumeration`) and its value is not read-only. Anything else,
   * or no answer: locks stay in the plan.
   */
  async function lockPropertyWritable(): Promise<boolean> {
    if (!opts.lockProperty || opts.canWrite === false) return false;
    const result = await client.idempotent({ method: 'POST', path: '/crm/v3/properties/companies/batch/read', body: { archived: false, inputs: [{ name: opts.lockProperty }] } });
    if (result.kind !== 'ok') return false;
    const results = (result.body as { results?: unknown } | null)?.results;
    const def = (Array.isArray(results) ? results : []).find((r) => (r as { name?: unknown } | null)?.name === opts.lockProperty) as { type?: unknown; modificationMetadata?: { readOnlyValue?: unknown } } | undefined;
    return (def?.type === 'bool' || def?.type === 'enumeration') && def.modificationMetadata?.readOnlyValue !== true;
  }
  return {
    id: opts.id ?? `hubspot:${opts.portalId ?? opts.baseUrl.replace(/\/+$/, '')}`,
    get requestCount() {
      return client.requests;
    },
    async capabilities(): Promise<Capabilities> {
      return {
        canWrite: opts.canWrite !== false,
        canWriteTerritories: false,
        ...(opts.lockProperty ? { canWriteLocks: await lockPropertyWritable() } : {}),
        system: 'hubspot',
        maxBatchSize: opts.batchSize,
        ...(opts.userId !== undefined ? { userId: opts.userId } : {}),
      };
    },
    async load(loadOptions?: LoadOptions): Promise<LoadResult> {
      const result = await loadHubSpot(client, opts, loadOptions);
      stamps.clear();
      for (const a of result.accounts) stamps.set(a.id, a.lastModified);
      return result;
    },
    save(changes: readonly Change[], saveOptions?: SaveOptions): Promise<SaveOutcome[]> {
      return save(changes, saveOptions);
    },
    /** Lock flags to the `lockProperty` company checkbox (see saveLocksHubSpot); rep locks stay in the plan. */
    saveLocks(changes: readonly LockChange[], saveOptions?: SaveOptions): Promise<SaveOutcome[]> {
      return saveLocks(changes, saveOptions);
    },
  };
}
