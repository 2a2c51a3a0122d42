import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { ownRecord } from './own-record.js';

const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.id));
const label = z.string().check(z.maxLength(LIMITS.label));
const nonNegative = z.number().check(z.gte(0));
const isoDate = z.string().check(
  z.maxLength(64),
  z.refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 date' }),
);

/** A custom-field value carried from the CRM. */
export const FieldValue = z.union([z.string().check(z.maxLength(LIMITS.text)), z.number(), z.boolean(), z.null()]);
export type FieldValue = z.infer<typeof FieldValue>;

/** Per-account performance figures, usually aggregated from opportunities. */
export const AccountPerformance = z.object({
  /** Open pipeline amount now. */
  pipeline: z._default(nonNegative, 0),
  /** Open pipeline amount at the start of the comparison period (for pipeline change). */
  pipelinePrevious: z.optional(nonNegative),
  /** Closed-won amount in the current period. */
  closedWon: z._default(nonNegative, 0),
  /** Win rate in [0, 1] (won ÷ closed), null when nothing closed. */
  winRate: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1)))),
  /** Date of the last logged activity (call, meeting, email), null when none. */
  lastActivity: z.optional(z.nullable(isoDate)),
});
export type AccountPerformance = z.infer<typeof AccountPerformance>;

export const Account = z
  .object({
    id,
    name: z.string().check(z.maxLength(LIMITS.name)),
    /** Latitude in degrees, null when the CRM has no coordinates for the account. */
    lat: z.nullable(z.number().check(z.gte(-90), z.lte(90))),
    /** Longitude in degrees, null when the CRM has no coordinates for the account. */
    lng: z.nullable(z.number().check(z.gte(-180), z.lte(180))),
    industry: z.optional(z.nullable(label)),
    employees: z.optional(z.nullable(z.int().check(z.gte(0)))),
    annualRevenue: z.optional(z.nullable(nonNegative)),
    /** Sales potential (currency units of the org). */
    potential: nonNegative,
    /** Workload units (visits, effort); 1 by default. */
    workload: z._default(nonNegative, 1),
    /** The owning rep's id, or null when unassigned. */
    ownerId: z.nullable(id),
    territoryId: z.optional(z.nullable(id)),
    /** A locked account never moves in a rebalance. */
    locked: z.optional(z.boolean()),
    /** Region codes the account lies in (e.g. state FIPS "06", county FIPS "06037", or "US-CA"). */
    regions: z.optional(z.array(label).check(z.maxLength(64))),
    /** When the CRM record last changed (ISO 8601); used to detect conflicting writes. */
    lastModified: z.optional(isoDate),
    performance: z.optional(AccountPerformance),
    /** Custom CRM fields, by API name (a null-prototype object: every key, `__proto__` too, is an own key). */
    fields: z.optional(ownRecord(z.string().check(z.maxLength(LIMITS.label)), FieldValue)),
  })
  .check(
    z.refine((a) => (a.lat === null) === (a.lng === null), {
      message: 'lat and lng must both be numbers or both be null',
      path: ['lat'],
    }),
  );

export type Account = z.infer<typeof Account>;
/** What callers may pass: defaults (workload, performance figures) may be left out. */
export type AccountInput = z.input<typeof Account>;
