import type { Capabilities, Change, CrmAdapter, LoadOptions, LockChange, QuotaChange, QuotaSaveOutcome, SaveOptions, SaveOutcome } from '../crm-adapter.js';
import { guardTerritorySave } from '../shared/territory-save-guard.js';
import { saveTerritoryModel, type PlanningState } from './territory-model-save.js';
import { say } from '../texts/adapter.js';
import { asSaid, carried, type Failure } from '../texts/said.js';
import { createQuotaPart, type SalesforceQuotaOptions } from './save-quota-adapter.js';
import { queryAll } from './call.js';
import { loadSalesforce, type Baseline, type LoadState, type SalesforceLoadResult } from './load.js';
import { saveLocksSalesforce } from './save-locks.js';
import { guardSaves } from '../shared/lock-guard.js';
import { resolveOptions, type SalesforceAdapterOptions } from './options.js';
import { modelQuery, territoriesQuery, userTerritoriesQuery } from './queries.js';
import { buildRoster, type Roster } from './roster.js';
import { saveOwner } from './save-owner.js';
import { saveTerritory, type ModelState } from './save-territory.js';
import { toSalesforceError } from './errors.js';

export interface SalesforceAdapter extends CrmAdapter {
  load(options?: LoadOptions): Promise<SalesforceLoadResult>;
}

/**
 * A CrmAdapter for Salesforce, in `owner` mode (Account.OwnerId) or `territory2` mode (Sales
 * Territories: ObjectTerritory2Association in one Territory2Model). The core talks only to the
 * transport: `jsforceTransport(conn)` outside Lightning, `apexTransport(methods)` inside it.
 *
 * @param options see SalesforceAdapterOptions; only `transport` is required
 * @returns the adapter
 * @example
 * const adapter = createSalesforceAdapter({ transport: jsforceTransport(conn), mode: 'owner' });
 * const { accounts, reps, rejected, report } = await adapter.load({ onProgress: console.log });
 * const outcomes = await adapter.save([{ accountId: accounts[0].id, from: accounts[0].ownerId, to: reps[1].id }]);
 */
export function createSalesforceAdapter(options: SalesforceAdapterOptions & SalesforceQuotaOptions): SalesforceAdapter {
  const o = resolveOptions(options);
  const quotas = createQuotaPart(o, options); // ForecastingQuota: preflight, load, save (save-quota-adapter.ts)
  const baseline: Baseline = new Map();
  let model: ModelState | null = null;
  // One save at a time per adapter (owner and lock writes share the queue), each bounded by its deadline, outcomes checked.
  const { save, saveLocks } = guardSaves((changes, saveOptions) => saveNow(changes, saveOptions), (locks, saveOptions) => saveLocksSalesforce(o, baseline, locks, saveOptions), o);

  /** Whether the lock field is a checkbox the running user may edit (describe), when configured. */
  async function lockFieldWritable(): Promise<boolean> {
    if (!o.lockField || !o.transport.describeFields) return false;
    try {
      const [f] = (await o.transport.describeFields('Account', [o.lockField])).filter((x) => x.name.toLowerCase() === o.lockField!.toLowerCase());
      return f !== undefined && f.type === 'boolean' && f.updateable;
    } catch {
      return false; // cannot tell: locks stay in the plan
    }
  }
  // territory2 mode: the plan's territories go to a Territory2Model in Planning state (territory-model-save.ts).
  const planning: PlanningState = { territories: new Map(), modelId: null };
  const saveTerritories = guardTerritorySave((changes, saveOptions) => saveTerritoryModel(o, options.planningModel ?? {}, planning, changes, saveOptions), o);

  async function currentModel(signal?: AbortSignal): Promise<ModelState> {
    if (model) return model;
    const ctx = { retry: o.retry, signal, timeoutMs: o.requestTimeoutMs };
    const [m] = await queryAll(o.transport, modelQuery(o), ctx);
    if (!m) throw new Error('no Territory2Model to write to');
    const ts = await queryAll(o.transport, territoriesQuery(String(m.Id)), ctx);
    const roster = buildRoster(await queryAll(o.transport, userTerritoriesQuery(String(m.Id)), ctx), o.roles);
    model = { id: String(m.Id), territoryIds: new Set(ts.map((t) => String(t.Id))), roster };
    return model;
  }

  return {
    id: `salesforce:${o.transport.orgKey}`,
    async capabilities(): Promise<Capabilities> {
      return {
        canWrite: true,
        canWriteTerritories: o.mode === 'territory2',
        ...(o.lockField ? { canWriteLocks: await lockFieldWritable() } : {}),
        canWriteQuotas: await quotas.canWrite(),
        system: 'salesforce',
        mode: o.mode,
        ...(o.transport.userId ? { userId: o.transport.userId } : {}),
        maxBatchSize: o.batchSize,
      };
    },
    async load(loadOptions: LoadOptions = {}) {
      const state: LoadState = {};
      quotas.reset();
      const result = await quotas.load(await loadSalesforce(o, loadOptions, baseline, state), loadOptions);
      if (o.mode === 'territory2' && result.report.territoryModel && state.roster) {
        model = { id: result.report.territoryModel.id, territoryIds: new Set(result.territories.map((t) => t.id)), roster: state.roster };
      }
      if (o.mode === 'territory2') planning.territories = new Map(result.territories.map((t) => [t.id, t]));
      return result;
    },
    save(changes: readonly Change[], saveOptions: SaveOptions = {}): Promise<SaveOutcome[]> {
      return save(changes, saveOptions);
    },
    /** Lock flags to the `lockField` Account checkbox (see saveLocksSalesforce); rep locks stay in the plan. */
    saveLocks(changes: readonly LockChange[], saveOptions: SaveOptions = {}): Promise<SaveOutcome[]> {
      return saveLocks(changes, saveOptions);
    },
    ...(o.mode === 'territory2' ? { saveTerritories } : {}),
    saveQuotas(changes: readonly QuotaChange[], saveOptions: SaveOptions = {}): Promise<QuotaSaveOutcome[]> {
      return quotas.save(changes, saveOptions);
    },
  };

  async function saveNow(changes: readonly Change[], saveOptions: SaveOptions): Promise<SaveOutcome[]> {
    if (o.mode === 'owner') return saveOwner(o, baseline, changes, saveOptions);
    let m: ModelState;
    try {
      m = await currentModel(saveOptions.signal);
    } catch (e) {
      const err = toSalesforceError(e);
      return changes.map((c) => ({ accountId: c?.accountId ?? '', status: 'failed', code: err.code, ...say('save.model-read-failed', { detail: asSaid(err) }) }));
    }
    return saveTerritory(o, baseline, m, changes, saveOptions);
  }
}
