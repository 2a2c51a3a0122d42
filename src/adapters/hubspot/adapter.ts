import { CrmLoadError, type Capabilities, type Change, type CrmAdapter, type LoadNotice, type LoadOptions, type LoadResult, type LockChange, type QuotaChange, type QuotaSaveOutcome, type SaveOptions, type SaveOutcome } from '../crm-adapter.js';
import { HubSpotClient } from './client.js';
import { loadHubSpot } from './load.js';
import { resolveOptions, type HubSpotAdapterOptions } from './options.js';
import { saveHubSpot, type LoadedStamps } from './save.js';
import { guardSaves } from '../shared/lock-guard.js';
import { saveLocksHubSpot } from './save-locks.js';
import { guardQuotaSave } from '../shared/quota-save-guard.js';
import { readGoalTargets, targetsAsQuotas } from './goals.js';
import { saveQuotasHubSpot, type GoalState } from './save-quota.js';
import { say } from '../texts/adapter.js';
import { asSaid } from '../texts/said.js';

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
  const goalState: GoalState = { names: new Map() };
  /** Whether goal targets could be read at the last load or probe (undefined: not tried yet). */
  let goalsReadable: boolean | undefined;
  const saveQuotas = guardQuotaSave((changes, saveOptions) => saveQuotasHubSpot(client, opts, goalState, changes, saveOptions), opts);

  /** Loads the goal's targets as quotas; a refusal or failure becomes a notice (quotas stay in the plan). */
  async function loadGoals(signal?: AbortSignal): Promise<{ quotas?: LoadResult['quotas']; notices: LoadNotice[] }> {
    const goal = opts.goals!;
    const read = await readGoalTargets(client, opts, signal);
    if (signal?.aborted) throw new CrmLoadError('ABORTED', say('load.goals-aborted', { goal: goal.name }));
    const notices: LoadNotice[] = [];
    if (!read.ok) {
      goalsReadable = read.status === 403 ? false : goalsReadable;
      const said = say(read.status === 403 ? 'notice.goals-scope' : 'notice.goals-unavailable', { goal: goal.name, detail: asSaid(read) });
      notices.push({ code: read.status === 403 ? 'GOALS_SCOPE' : 'GOALS_UNAVAILABLE', field: 'goal_targets', ...said });
      return { notices };
    }
    goalsReadable = true;
    for (const r of read.refused) notices.push({ code: 'GOAL_TARGET_REFUSED', field: r.field, ...say('notice.goal-target-refused', { id: r.id, goal: goal.name, field: r.field, reason: r.why }) });
    if (read.truncated) notices.push({ code: 'GOAL_TARGETS_TRUNCATED', field: 'goal_targets', ...say('notice.goal-targets-truncated', { goal: goal.name }) });
    if (read.duplicates > 0) notices.push({ code: 'GOAL_TARGET_DUPLICATE', field: 'hs_start_datetime', count: read.duplicates, ...say('notice.goal-target-duplicate', { count: read.duplicates, goal: goal.name }) });
    if (goalState.writeRefused) notices.push({ code: 'GOALS_WRITE_SCOPE', field: 'hs_target_amount', ...say('notice.goals-write-scope', { detail: asSaid(goalState.writeRefused) }) });
    return { quotas: targetsAsQuotas(read.targets), notices };
  }

  /** May quotas be written: the option, canWrite, goal targets readable (probed once) and no write refused. */
  async function quotasWritable(): Promise<boolean> {
    if (!opts.goals?.write || opts.canWrite === false || goalState.writeRefused) return false;
    if (goalsReadable === undefined) {
      const probe = await client.idempotent({ method: 'POST', path: '/crm/objects/2026-03/goal_targets/search', body: { filterGroups: [{ filters: [{ propertyName: 'hs_goal_name', operator: 'EQ', value: opts.goals.name }] }], properties: ['hs_target_amount'], limit: 1 } });
      if (probe.kind === 'ok') goalsReadable = true;
      else if (probe.kind === 'http' && probe.status === 403) goalsReadable = false;
      else return false;
    }
    return goalsReadable;
  }

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
        canWriteQuotas: await quotasWritable(),
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
      if (!opts.goals) return result;
      goalState.names = new Map(result.reps.map((r) => [r.id, r.name]));
      const goals = await loadGoals(loadOptions?.signal);
      const notices = [...(result.notices ?? []), ...goals.notices];
      return { ...result, ...(goals.quotas ? { quotas: goals.quotas } : {}), ...(notices.length ? { notices } : {}) };
    },
    save(changes: readonly Change[], saveOptions?: SaveOptions): Promise<SaveOutcome[]> {
      return save(changes, saveOptions);
    },
    /** Quotas to the goal targets of `goals.name` (see saveQuotasHubSpot); needs `goals.write`. */
    saveQuotas(changes: readonly QuotaChange[], saveOptions?: SaveOptions): Promise<QuotaSaveOutcome[]> {
      return saveQuotas(changes, saveOptions);
    },
    /** Lock flags to the `lockProperty` company checkbox (see saveLocksHubSpot); rep locks stay in the plan. */
    saveLocks(changes: readonly LockChange[], saveOptions?: SaveOptions): Promise<SaveOutcome[]> {
      return saveLocks(changes, saveOptions);
    },
  };
}
