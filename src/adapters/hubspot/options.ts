import type { RetryOptions } from '../shared/retry.js';
import type { Transport } from '../shared/http.js';
import { resolveDeadlines, type Deadlines } from '../shared/deadline.js';

/**
 * Which HubSpot company property feeds which account field. Values arrive as strings and are parsed;
 * `null` leaves the account field out. Custom properties (coordinates, potential, workload) are
 * created by the portal admin; the defaults below are only names.
 */
export interface HubSpotPropertyMap {
  /** Account name. Default `name`. */
  name: string;
  /** Industry label. Default `industry`. */
  industry: string | null;
  /** Latitude in degrees (custom number property). Default `latitude`. */
  lat: string | null;
  /** Longitude in degrees (custom number property). Default `longitude`. */
  lng: string | null;
  /** Sales potential; empty → 0. Default `annualrevenue` (point it at your own potential property). */
  potential: string | null;
  /** Workload units; empty → 1. Default `null` (every account weighs 1). */
  workload: string | null;
  /** Employee count (integer). Default `numberofemployees`. */
  employees: string | null;
  /** Annual revenue. Default `annualrevenue`. */
  annualRevenue: string | null;
  /** The owner property that holds the assignment; the only property `save` writes. Default `hubspot_owner_id`. */
  owner: string;
  /** Last-modified timestamp used for conflict detection. Default `hs_lastmodifieddate`. */
  lastModified: string;
  /** Extra properties copied into `Account.fields` (strings; empty → null). Default `[]`. */
  fields: string[];
}

export const DEFAULT_PROPERTY_MAP: HubSpotPropertyMap = {
  name: 'name',
  industry: 'industry',
  lat: 'latitude',
  lng: 'longitude',
  potential: 'annualrevenue',
  workload: null,
  employees: 'numberofemployees',
  annualRevenue: 'annualrevenue',
  owner: 'hubspot_owner_id',
  lastModified: 'hs_lastmodifieddate',
  fields: [],
};

export interface HubSpotAdapterOptions extends Deadlines {
  /**
   * The transport: a fetch-like function, usually bound to your own proxy that adds the private-app
   * token server-side (see demo/hubspot/proxy). The adapter never sees a token.
   */
  fetch: Transport;
  /** Base URL the CRM v3 paths are appended to, e.g. `https://proxy.example.com/hubspot`. */
  baseUrl: string;
  /** Stable identity of the data source. Default `hubspot:<portalId>` or `hubspot:<baseUrl>`. */
  id?: string;
  /** HubSpot portal (hub) id, used in the default `id` and reported by `capabilities`. */
  portalId?: string;
  /** Property names per account field; merged over {@link DEFAULT_PROPERTY_MAP}. */
  propertyMap?: Partial<HubSpotPropertyMap>;
  /** Records per batch/read and batch/update request, 1–100. Default 100. */
  batchSize?: number;
  /** Records per list page, 1–100. Default 100. */
  pageSize?: number;
  /** Retry policy for 429, 5xx and network failures (see shared/retry.ts). Defaults: 5 retries, 60 s. */
  retry?: RetryOptions;
  /**
   * Ask the search endpoint for the number of companies first (one request, `limit: 1`) so load
   * progress has a `total`. A failed count is ignored. Default true.
   */
  countTotal?: boolean;
  /** Also load archived owners, as inactive reps, so accounts they still own show up. Default true. */
  includeArchivedOwners?: boolean;
  /** Territories (HubSpot has no territory object): a list or a loader. Default none. */
  territories?: readonly unknown[] | ((signal?: AbortSignal) => Promise<readonly unknown[]>);
  /** Whether the user may write assignments. Default true. */
  canWrite?: boolean;
  /** The HubSpot user the adapter acts for, when the host knows it. */
  userId?: string;
  /**
   * Also load deals (`GET /crm/v3/objects/deals` with their company association) as the earned
   * history: each deal's owner (`hubspot_owner_id`), amount, close date and whether it was won
   * (`hs_is_closed_won`, `hs_is_closed`). Needs the `crm.objects.deals.read` scope. Default false.
   */
  deals?: boolean;
  /** With `deals`: closed deals whose close date is within the last N months (open deals always). Default 12. */
  dealMonths?: number;
  /**
   * A boolean company property (e.g. `territory_locked`, field type single checkbox) holding lock
   * flags: loaded into `Account.locked` and written by `saveLocks` with batch/update. Without it
   * locks stay in the plan.
   */
  lockProperty?: string;
  /**
   * Quotas as HubSpot goal targets (date-versioned API 2026-03, `/crm/objects/2026-03/goal_targets`):
   * the targets of the goal named `name` (`hs_goal_name`) load as the plan's quotas, one per owner
   * (`hubspot_owner_id`) and period start (`hs_start_datetime` in `timeZone`, default `UTC`). With
   * `write: true` (and `canWrite`), `saveQuotas` updates their `hs_target_amount`. Needs the scopes
   * `crm.objects.goals.read` (and `crm.objects.goals.write` to save). Default: off (quotas stay in the plan).
   */
  goals?: HubSpotGoalOptions;
}

/** Which HubSpot goal holds the quotas, and whether territory-kit may update it. */
export interface HubSpotGoalOptions {
  /** The goal's name (`hs_goal_name` of its targets), e.g. `Revenue 2027`. */
  name: string;
  /** Update the targets' amounts on Save. Default false (load only). */
  write?: boolean;
  /** IANA time zone the targets' start dates are read in (your portal's). Default `UTC`. */
  timeZone?: string;
}

/** Options with defaults applied. */
export interface ResolvedOptions extends HubSpotAdapterOptions {
  props: HubSpotPropertyMap;
  batchSize: number;
  pageSize: number;
  retry: RetryOptions;
  requestTimeoutMs: number;
  saveDeadlineMs: number;
}

function clampSize(value: number | undefined, name: string): number {
  if (value === undefined) return 100;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new RangeError(`createHubSpotAdapter: ${name} must be an integer from 1 to 100, got ${String(value)}`);
  }
  return value;
}

/** Applies defaults and checks the options; throws a RangeError/TypeError naming the bad option. */
export function resolveOptions(options: HubSpotAdapterOptions): ResolvedOptions {
  if (typeof options?.fetch !== 'function') throw new TypeError('createHubSpotAdapter: options.fetch must be a fetch-like function');
  if (typeof options.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
    throw new TypeError(`createHubSpotAdapter: options.baseUrl must be an http(s) URL, got ${JSON.stringify(options.baseUrl)}`);
  }
  const props = { ...DEFAULT_PROPERTY_MAP, ...options.propertyMap };
  for (const key of ['name', 'owner', 'lastModified'] as const) {
    if (typeof props[key] !== 'string' || props[key] === '') throw new TypeError(`createHubSpotAdapter: propertyMap.${key} must be a property name`);
  }
  if (options.lockProperty !== undefined && (typeof options.lockProperty !== 'string' || !/^[a-z0-9_]{1,100}$/i.test(options.lockProperty))) {
    throw new TypeError(`createHubSpotAdapter: lockProperty must be a HubSpot property name such as territory_locked, got ${JSON.stringify(options.lockProperty)}`);
  }
  if (options.dealMonths !== undefined && !(Number.isInteger(options.dealMonths) && options.dealMonths >= 1 && options.dealMonths <= 120)) {
    throw new RangeError(`createHubSpotAdapter: dealMonths must be an integer from 1 to 120, got ${String(options.dealMonths)}`);
  }
  if (options.goals !== undefined) {
    const g = options.goals as Partial<HubSpotGoalOptions> | null;
    if (!g || typeof g.name !== 'string' || g.name.trim() === '' || g.name.length > 500) throw new TypeError(`createHubSpotAdapter: goals.name must name the HubSpot goal (hs_goal_name), got ${JSON.stringify(g?.name)}`);
    if (g.write !== undefined && typeof g.write !== 'boolean') throw new TypeError('createHubSpotAdapter: goals.write must be true or false');
    if (g.timeZone !== undefined) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: g.timeZone });
      } catch {
        throw new RangeError(`createHubSpotAdapter: goals.timeZone must be an IANA time zone such as Europe/Berlin, got ${JSON.stringify(g.timeZone)}`);
      }
    }
  }
  return {
    ...options,
    props,
    batchSize: clampSize(options.batchSize, 'batchSize'),
    pageSize: clampSize(options.pageSize, 'pageSize'),
    retry: options.retry ?? {},
    ...resolveDeadlines(options, 'createHubSpotAdapter'),
  };
}

/** The property names requested when listing companies: the mapped ones (and the lock property), without repeats. */
export function requestedProperties(props: HubSpotPropertyMap, lockProperty?: string): string[] {
  const names = [props.name, props.industry, props.lat, props.lng, props.potential, props.workload, props.employees, props.annualRevenue, props.owner, props.lastModified, ...props.fields, lockProperty];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n !== ''))];
}
