import type { QuotaDescribe, QuotaTransport } from './save-quota.js';
import { SalesforceError, type SfRecord, type SfSaveResult } from './types.js';
import { say } from '../texts/adapter.js';

/**
 * The Apex method a Lightning host hands in for quotas: the imported
 * `@salesforce/apex/TerritoryKitController.quotas`, which passes `{ action, requestJson }` to the
 * optional TerritoryKitQuotas class (demo/salesforce/quotas; deployed only where Collaborative
 * Forecasts is enabled). Without that class it refuses with the structured error QUOTAS_UNAVAILABLE.
 */
export type ApexQuotasMethod = (args: { action: string; requestJson: string }) => Promise<{ describe?: QuotaDescribe; records?: SfRecord[]; results?: SfSaveResult[] }>;

/**
 * ForecastingQuota through the sample's Apex: actions `describe`, `forecastingTypes`, `read`,
 * `create`, `update`, `delete`. The Apex side allow-lists the fields (QuotaOwnerId, StartDate,
 * ForecastingTypeId, QuotaAmount; updates QuotaAmount only), runs in USER_MODE and answers DML in the
 * REST shape, one result per record.
 *
 * @param method the imported Apex method
 * @param guard the transport's error mapping (apexTransport passes its own: AuraHandledException → SalesforceError)
 * @example
 * import quotas from '@salesforce/apex/TerritoryKitController.quotas';
 * const transport = apexTransport({ queryPage, updateRecords, createRecords, deleteRecords, quotas }, { userId });
 */
export function apexQuotas(method: ApexQuotasMethod, guard: <T>(fn: () => Promise<T>) => Promise<T>): QuotaTransport {
  const call = (action: string, request: unknown) => guard(() => method({ action, requestJson: JSON.stringify(request) }));
  const records = async (action: string, request: unknown): Promise<SfRecord[]> => {
    const res = await call(action, request);
    if (!Array.isArray(res?.records)) throw new SalesforceError('BAD_RESPONSE', say('sf.apex-no-records', { action }));
    return res.records;
  };
  const results = async (action: string, request: unknown): Promise<SfSaveResult[]> => {
    const res = await call(action, request);
    // A missing list is no outcome: the write path treats it as untrusted and re-reads the quotas.
    return (Array.isArray(res?.results) ? res.results : []) as SfSaveResult[];
  };
  return {
    describe: async () => {
      const res = await call('describe', {});
      if (!res?.describe || typeof res.describe.exists !== 'boolean') throw new SalesforceError('BAD_RESPONSE', say('sf.apex-no-describe'));
      return res.describe;
    },
    forecastingTypes: () => records('forecastingTypes', {}),
    read: (read) => records('read', read),
    create: (recs) => results('create', { records: recs }),
    update: (recs) => results('update', { records: recs }),
    destroy: (ids) => results('delete', { ids }),
  };
}
