import { toSalesforceError } from './errors.js';
import { apexQuotas, type ApexQuotasMethod } from './save-quota-apex.js';
import { SalesforceError, type QueryPage, type SalesforceTransport, type SfRecord, type SfSaveResult, type SoqlQuery } from './types.js';

/**
 * The Apex methods a Lightning host hands in: the imported `@salesforce/apex/TerritoryKitController.*`
 * functions (each takes one object of named parameters). See demo/salesforce for the Apex class.
 */
export interface ApexMethods {
  /** Runs an allow-listed named query; `requestJson` = `{ name, fields, params, locator, count }`. */
  queryPage(args: { requestJson: string }): Promise<{ records: SfRecord[]; totalSize?: number; nextLocator?: string | null }>;
  /** Database.update(records, false); one result per record. */
  updateRecords(args: { objectName: string; recordsJson: string }): Promise<SfSaveResult[]>;
  /** Database.insert(records, false) (ObjectTerritory2Association only). */
  createRecords(args: { objectName: string; recordsJson: string }): Promise<SfSaveResult[]>;
  /** Database.delete(ids, false) (ObjectTerritory2Association only). */
  deleteRecords(args: { objectName: string; ids: string[] }): Promise<SfSaveResult[]>;
  /**
   * Optional (lock flags): Database.update of one checkbox field of Account, the field named by the
   * caller and checked against the describe; records are `{ Id, <fieldName>: boolean }`.
   */
  updateLockField?(args: { objectName: string; fieldName: string; recordsJson: string }): Promise<SfSaveResult[]>;
  /** Optional: the named fields of an object the running user can read, with type and updateability. */
  describeFields?(args: { objectName: string; fieldNames: string[] }): Promise<{ name: string; type: string; updateable: boolean }[]>;
  /** Optional: ForecastingQuota through TerritoryKitController.quotas (see save-quota-apex.ts). */
  quotas?: ApexQuotasMethod;
}

export interface ApexTransportOptions {
  /** Org identity for the adapter id (e.g. the org id from `@salesforce/user/Id`'s org). Default `lightning`. */
  orgKey?: string;
  /** The running user's id (`@salesforce/user/Id`). */
  userId?: string;
}

/**
 * Turns what a rejected Lightning Apex call gives (`{ status, body: { message, exceptionType? } }`)
 * into a SalesforceError.
 * - The controller's refusals are AuraHandledExceptions whose message is the JSON object
 *   `{ code, message, field? }` (older controllers: `CODE: text`): that code, flagged `definite`.
 * - Any other Apex exception (`exceptionType` set) is `APEX_ERROR`, also definite.
 *   Either way Apex rolled the whole transaction back: nothing was written, so neither is retried
 *   nor re-read, although Lightning reports both with HTTP status 500.
 * - No status (or 0) and no Apex word on it: the request never got an answer (`Disconnected or
 *   Canceled`, offline, timeout): `NETWORK`, an unknown outcome.
 * - Anything else keeps its HTTP status (`ERROR_HTTP_502`…) and is classified by it.
 */
export function apexError(e: unknown): SalesforceError {
  const x = e as { status?: number; body?: { message?: string; exceptionType?: string } | Array<{ message?: string }> } | null;
  if (x && typeof x === 'object' && 'body' in x) {
    const body = Array.isArray(x.body) ? x.body[0] : x.body;
    const message = typeof body?.message === 'string' ? body.message : 'Apex call failed';
    const status = typeof x.status === 'number' && x.status > 0 ? x.status : undefined;
    const structured = parseStructured(message);
    if (structured) return new SalesforceError(structured.code, structured.message, { status, cause: e, definite: true, ...(structured.field ? { field: structured.field } : {}) });
    const m = /^([A-Z][A-Z0-9_]{2,}):\s*(.*)$/s.exec(message);
    if (m) return new SalesforceError(m[1], m[2], { status, cause: e, definite: true });
    if (body && typeof body === 'object' && 'exceptionType' in body && body.exceptionType) {
      return new SalesforceError('APEX_ERROR', message, { status, cause: e, definite: true });
    }
    if (status === undefined) return new SalesforceError('NETWORK', message, { cause: e });
    return new SalesforceError(`ERROR_HTTP_${status}`, message, { status, cause: e });
  }
  return toSalesforceError(e);
}

/** `{"code":"INVALID_FIELD","message":"…","field":"Opportunity.Amount"}` → its parts; else null. */
function parseStructured(message: string): { code: string; message: string; field?: string } | null {
  if (!message.startsWith('{')) return null;
  try {
    const v = JSON.parse(message) as { code?: unknown; message?: unknown; field?: unknown };
    if (typeof v.code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(v.code)) return null;
    return { code: v.code, message: typeof v.message === 'string' ? v.message : v.code, ...(typeof v.field === 'string' ? { field: v.field } : {}) };
  } catch {
    return null;
  }
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw apexError(e);
  }
}

const request = (query: SoqlQuery, locator: string | null, count: boolean) =>
  JSON.stringify({ name: query.name, fields: query.fields, params: query.params ?? {}, locator, count });

/**
 * The Lightning transport: the adapter core's queries and writes go through Apex @AuraEnabled
 * methods (JavaScript in Lightning cannot call the REST API with the page's session). Queries are
 * sent by name with their parameters; the Apex class allow-lists the names and checks the fields.
 *
 * @param methods the imported Apex methods
 * @param options identity of the org and user
 * @returns a SalesforceTransport (without Bulk 2.0)
 * @example
 * import queryPage from '@salesforce/apex/TerritoryKitController.queryPage';
 * // …updateRecords, createRecords, deleteRecords likewise
 * const transport = apexTransport({ queryPage, updateRecords, createRecords, deleteRecords }, { userId });
 */
export function apexTransport(methods: ApexMethods, options: ApexTransportOptions = {}): SalesforceTransport {
  return {
    kind: 'apex',
    orgKey: options.orgKey ?? 'lightning',
    ...(options.userId ? { userId: options.userId } : {}),
    query: (query, locator): Promise<QueryPage> => guard(async () => {
      const res = await methods.queryPage({ requestJson: request(query, locator, false) });
      return { records: res.records ?? [], ...(res.totalSize !== undefined ? { totalSize: res.totalSize } : {}), nextLocator: res.nextLocator ?? null };
    }),
    count: (query) => guard(async () => Number((await methods.queryPage({ requestJson: request(query, null, true) })).totalSize ?? 0)),
    update: (objectName, records) => guard(() => {
      // An Account write of one field other than OwnerId is a lock flag: it goes to updateLockField.
      const other = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((k) => k !== 'Id' && k !== 'OwnerId' && k !== 'attributes');
      if (objectName === 'Account' && other.length === 1 && !records.some((r) => 'OwnerId' in r) && methods.updateLockField) {
        return methods.updateLockField({ objectName, fieldName: other[0], recordsJson: JSON.stringify(records) });
      }
      return methods.updateRecords({ objectName, recordsJson: JSON.stringify(records) });
    }),
    create: (objectName, records) => guard(() => methods.createRecords({ objectName, recordsJson: JSON.stringify(records) })),
    destroy: (objectName, ids) => guard(() => methods.deleteRecords({ objectName, ids })),
    ...(methods.describeFields ? { describeFields: (objectName: string, fieldNames: string[]) => guard(async () => (await methods.describeFields!({ objectName, fieldNames })) ?? []) } : {}),
    ...(methods.quotas ? { quotas: apexQuotas(methods.quotas, guard) } : {}),
  };
}
