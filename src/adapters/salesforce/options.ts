import type { RetryOptions } from '../shared/retry.js';
import type { SalesforceTransport } from './types.js';
import { resolveDeadlines, type Deadlines } from '../shared/deadline.js';
import type { PlanningModelOptions } from './territory-model-save.js';

/** Which Salesforce fields feed which territory-kit fields. `null` turns a mapping off. */
export interface SalesforceFieldMap {
  /** Default `Name`. */
  name?: string;
  /** Default `BillingLatitude`. */
  lat?: string;
  /** Default `BillingLongitude`. */
  lng?: string;
  /** Default `Industry`. */
  industry?: string | null;
  /** Default `NumberOfEmployees`. */
  employees?: string | null;
  /** Default `AnnualRevenue`. */
  annualRevenue?: string | null;
  /** Sales potential. Default `AnnualRevenue`; empty values and `null` give 0. */
  potential?: string | null;
  /** Workload units. Default `null` (every account weighs 1). */
  workload?: string | null;
  /** Default `LastActivityDate`. */
  lastActivity?: string | null;
  /** Region code field (e.g. `BillingState`), loaded into `regions`. Default `null`. */
  region?: string | null;
  /** Extra Account fields carried into `Account.fields`, by API name. Default none. */
  custom?: string[];
  /** User field with the rep's home latitude. Default `Latitude`. */
  repLat?: string | null;
  /** User field with the rep's home longitude. Default `Longitude`. */
  repLng?: string | null;
}

export interface SalesforceAdapterOptions extends Deadlines {
  /** How to reach Salesforce: `jsforceTransport(conn)` or `apexTransport(methods)`. */
  transport: SalesforceTransport;
  /**
   * `owner` (default): assignment = Account.OwnerId, changes name User ids.
   * `territory2`: assignment = ObjectTerritory2Association in one Territory2Model, changes name Territory2 ids.
   */
  mode?: 'owner' | 'territory2';
  fieldMap?: SalesforceFieldMap;
  /** territory2 mode: the `Active` model (default) or a chosen (e.g. Planning) model by id. */
  territoryModel?: 'active' | { id: string };
  /**
   * territory2 mode: how `saveTerritories` writes the plan's territories into a Territory2Model in
   * Planning state (never the active one): model name, Territory2Type, state field, rep role.
   */
  planningModel?: PlanningModelOptions;
  /** territory2 mode: only these RoleInTerritory2 values make a user one of a territory's reps. Default all. */
  roles?: string[];
  /** Above this many accounts (by COUNT()), load them with a Bulk API 2.0 query. Default 200,000. */
  bulkThreshold?: number;
  /** Records per write request, at most 200 (the sObject Collections limit). Default 200. */
  batchSize?: number;
  /** Backoff for retried requests (capped exponential, full jitter). Defaults of `retry`. */
  retry?: RetryOptions;
  /** Load opportunity figures (pipeline, closed-won, win rate). Default true. */
  performance?: boolean;
  /** Period for closed-won and win rate, as YYYY-MM-DD. Default: the current calendar year (UTC). */
  period?: { from: string; to: string };
  /**
   * Stamp compared against the loaded one to detect a record that moved on. Default
   * `LastModifiedDate` (user edits); `SystemModstamp` also catches system/automation updates.
   */
  stampField?: 'LastModifiedDate' | 'SystemModstamp';
  /**
   * Bound the earned history to deals closed in the last N months (to today, UTC) instead of
   * `period`; open deals are always loaded. Give `period` or `historyMonths`, not both.
   */
  historyMonths?: number;
  /**
   * An Account checkbox field holding the lock flag (e.g. `Territory_Locked__c`): loaded into
   * `Account.locked` and written by `saveLocks`. Without it locks stay in the plan.
   */
  lockField?: string;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  transport: SalesforceTransport;
  mode: 'owner' | 'territory2';
  fields: Required<Omit<SalesforceFieldMap, 'custom'>> & { custom: string[] };
  territoryModel: 'active' | { id: string };
  roles: string[] | null;
  bulkThreshold: number;
  batchSize: number;
  retry: RetryOptions;
  performance: boolean;
  period: { from: string; to: string };
  stampField: 'LastModifiedDate' | 'SystemModstamp';
  /** The Account checkbox for lock flags, or null. */
  lockField: string | null;
  /** Longest wait for one request, in ms. */
  requestTimeoutMs: number;
  /** Longest a save may take, in ms. */
  saveDeadlineMs: number;
}

/** Fills defaults and checks the options, throwing a clear error naming the bad option. */
export function resolveOptions(o: SalesforceAdapterOptions): ResolvedOptions {
  if (!o || !o.transport) throw new Error('createSalesforceAdapter: options.transport is required (jsforceTransport(conn) or apexTransport(methods))');
  const mode = o.mode ?? 'owner';
  if (mode !== 'owner' && mode !== 'territory2') throw new Error(`createSalesforceAdapter: options.mode must be 'owner' or 'territory2', got ${JSON.stringify(mode)}`);
  const batchSize = o.batchSize ?? 200;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 200) throw new Error(`createSalesforceAdapter: options.batchSize must be an integer from 1 to 200, got ${batchSize}`);
  const bulkThreshold = o.bulkThreshold ?? 200_000;
  if (!(bulkThreshold >= 0)) throw new Error(`createSalesforceAdapter: options.bulkThreshold must be a number ≥ 0, got ${bulkThreshold}`);
  const year = new Date().getUTCFullYear();
  if (o.historyMonths !== undefined && o.period) throw new Error('createSalesforceAdapter: give options.period or options.historyMonths, not both');
  if (o.historyMonths !== undefined && !(Number.isInteger(o.historyMonths) && o.historyMonths >= 1 && o.historyMonths <= 120)) {
    throw new Error(`createSalesforceAdapter: options.historyMonths must be an integer from 1 to 120, got ${o.historyMonths}`);
  }
  const period = o.period ?? (o.historyMonths !== undefined ? lastMonths(o.historyMonths) : { from: `${year}-01-01`, to: `${year}-12-31` });
  if (o.lockField !== undefined && (typeof o.lockField !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(o.lockField) || o.lockField.length > 80)) {
    throw new Error(`createSalesforceAdapter: options.lockField must be an Account field API name such as Territory_Locked__c, got ${JSON.stringify(o.lockField)}`);
  }
  for (const k of ['from', 'to'] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(period[k] ?? '')) throw new Error(`createSalesforceAdapter: options.period.${k} must look like YYYY-MM-DD, got ${JSON.stringify(period[k])}`);
  }
  const f = o.fieldMap ?? {};
  const pick = <T>(v: T | undefined, d: T): T => (v === undefined ? d : v);
  return {
    transport: o.transport,
    mode,
    fields: {
      name: pick(f.name, 'Name'),
      lat: pick(f.lat, 'BillingLatitude'),
      lng: pick(f.lng, 'BillingLongitude'),
      industry: pick(f.industry, 'Industry'),
      employees: pick(f.employees, 'NumberOfEmployees'),
      annualRevenue: pick(f.annualRevenue, 'AnnualRevenue'),
      potential: pick(f.potential, 'AnnualRevenue'),
      workload: pick(f.workload, null),
      lastActivity: pick(f.lastActivity, 'LastActivityDate'),
      region: pick(f.region, null),
      custom: f.custom ?? [],
      repLat: pick(f.repLat, 'Latitude'),
      repLng: pick(f.repLng, 'Longitude'),
    },
    territoryModel: o.territoryModel ?? 'active',
    roles: o.roles ?? null,
    bulkThreshold,
    batchSize,
    retry: o.retry ?? {},
    performance: o.performance ?? true,
    period,
    stampField: o.stampField ?? 'LastModifiedDate',
    lockField: o.lockField ?? null,
    ...resolveDeadlines(o, 'createSalesforceAdapter'),
  };
}

/** The last `months` months to today (UTC), as YYYY-MM-DD. */
function lastMonths(months: number, now = new Date()): { from: string; to: string } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return { from: from.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}
