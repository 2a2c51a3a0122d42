import type { LoadOptions, QuotaChange, QuotaSaveOutcome, SaveOptions } from '../crm-adapter.js';
import { guardQuotaSave } from '../shared/quota-save-guard.js';
import { toSalesforceError } from './errors.js';
import { say } from '../texts/adapter.js';
import { asSaid } from '../texts/said.js';
import type { SalesforceLoadResult } from './load.js';
import type { ResolvedOptions } from './options.js';
import { loadQuotasSalesforce, quotaAccess, quotaNotice, saveQuotasSalesforce, type QuotaAccess, type SalesforceQuotaOptions } from './save-quota.js';

export type { SalesforceQuotaOptions };

/** The quota part of the Salesforce adapter. */
export interface QuotaPart {
  /** `capabilities().canWriteQuotas`: the preflight's answer (never throws). */
  canWrite(): Promise<boolean>;
  /** Forget a settled preflight, so the next load checks again (an admin may have changed permissions). */
  reset(): void;
  /** Adds the org's quotas (or the notice why they stay in the plan) to a load result. */
  load(result: SalesforceLoadResult, options: LoadOptions): Promise<SalesforceLoadResult>;
  save(changes: readonly QuotaChange[], options?: SaveOptions): Promise<QuotaSaveOutcome[]>;
}

/**
 * Wires ForecastingQuota into createSalesforceAdapter: one preflight per load (shared by
 * `capabilities()` and `load()`, which the provider runs together), the quotas loaded as the base of
 * quota changes, rep names kept for messages, and `saveQuotas` guarded like every save (one at a
 * time, bounded by the save deadline, outcomes checked).
 *
 * @example
 * const quotas = createQuotaPart(resolveOptions(options), options);
 * const result = await quotas.load(await loadSalesforce(o, loadOptions, baseline), loadOptions);
 */
export function createQuotaPart(o: ResolvedOptions, options: SalesforceQuotaOptions): QuotaPart {
  const enabled = options.quotas !== false;
  const forecastingType = options.forecastingType ?? 'OpportunityRevenue';
  if (typeof forecastingType !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(forecastingType)) throw new Error(`createSalesforceAdapter: options.forecastingType must be a forecast type's DeveloperName, got ${JSON.stringify(forecastingType)}`);
  const from = options.quotasFrom ?? o.period.from;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new Error(`createSalesforceAdapter: options.quotasFrom must look like YYYY-MM-DD, got ${JSON.stringify(from)}`);
  const names = new Map<string, string>();
  let access: Promise<QuotaAccess> | null = null;
  let settled = false;
  const check = (signal?: AbortSignal): Promise<QuotaAccess> => {
    if (!enabled) return Promise.resolve({ ok: false, code: 'QUOTAS_OFF', ...say('notice.quotas-off') });
    if (!access) {
      settled = false;
      access = quotaAccess(o.transport, forecastingType, { ...o.retry, timeoutMs: o.requestTimeoutMs, ...(signal ? { signal } : {}) })
        .catch((e): QuotaAccess => ({ ok: false, code: toSalesforceError(e).code, ...say('notice.quotas-check-failed', { detail: asSaid(toSalesforceError(e)) }) }))
        .finally(() => void (settled = true));
    }
    return access;
  };
  const save = guardQuotaSave(async (changes, saveOptions) => saveQuotasSalesforce({
    transport: o.transport,
    access: await check(saveOptions.signal),
    retry: o.retry,
    requestTimeoutMs: o.requestTimeoutMs,
    batchSize: o.batchSize,
    nameOf: (id) => names.get(id) ?? null,
  }, changes, saveOptions), o);
  return {
    canWrite: async () => (await check()).ok,
    reset: () => {
      if (settled) access = null;
    },
    async load(result, { signal }) {
      names.clear();
      for (const r of result.reps) names.set(r.id, r.name);
      const a = await check(signal);
      if (!a.ok) {
        const notice = quotaNotice(a);
        // A host that wired no quota methods chose so (like quotas: false): no notice for that.
        return enabled && notice && a.code !== 'QUOTAS_UNSUPPORTED' ? { ...result, notices: [...(result.notices ?? []), notice] } : result;
      }
      try {
        const quotas = await loadQuotasSalesforce(o.transport, a.typeId, from, result.reps.map((r) => r.id), { ...o.retry, timeoutMs: o.requestTimeoutMs, ...(signal ? { signal } : {}) });
        return { ...result, quotas };
      } catch (e) {
        if (signal?.aborted) throw e;
        const err = toSalesforceError(e);
        return { ...result, notices: [...(result.notices ?? []), { code: err.code, field: 'ForecastingQuota', ...say('notice.quotas-unread', { detail: asSaid(err) }) }] };
      }
    },
    save: (changes, saveOptions) => save(changes, saveOptions),
  };
}
