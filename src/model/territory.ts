import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { TerritoryGeometry } from './geometry.js';

const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.id));
const label = z.string().check(z.maxLength(LIMITS.label));

/** An inclusive numeric range; either end may be left open. */
export const Range = z
  .object({ min: z.optional(z.number()), max: z.optional(z.number()) })
  .check(
    z.refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
      message: 'min must not exceed max',
    }),
  );
export type Range = z.infer<typeof Range>;

export const FieldOperator = z.enum(['eq', 'neq', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'contains', 'exists']);
export type FieldOperator = z.infer<typeof FieldOperator>;

const scalar = z.union([z.string().check(z.maxLength(LIMITS.text)), z.number(), z.boolean()]);

/** A predicate on a custom field (Account.fields[field]). */
export const FieldPredicate = z.object({
  field: label,
  op: FieldOperator,
  value: z.optional(z.union([scalar, z.array(scalar).check(z.maxLength(10_000))])),
});
export type FieldPredicate = z.infer<typeof FieldPredicate>;

/** Attribute rules: every condition given must hold (AND). */
export const AttributeRules = z.object({
  industries: z.optional(z.array(label).check(z.maxLength(1000))),
  employees: z.optional(Range),
  annualRevenue: z.optional(Range),
  potential: z.optional(Range),
  fields: z.optional(z.array(FieldPredicate).check(z.maxLength(100))),
});
export type AttributeRules = z.infer<typeof AttributeRules>;

/**
 * How accounts fall into a territory. An account matches when it is named in `include`, or when it
 * is not named in `exclude` and satisfies every part given: inside `geometry` (or one of `regions`)
 * and passing `rules`. A definition with no geography and no rules matches only its named accounts.
 */
export const TerritoryDefinition = z.object({
  geometry: z.optional(z.nullable(TerritoryGeometry)),
  regions: z.optional(z.array(label).check(z.maxLength(LIMITS.list))),
  rules: z.optional(z.nullable(AttributeRules)),
  include: z.optional(z.array(id).check(z.maxLength(LIMITS.list))),
  exclude: z.optional(z.array(id).check(z.maxLength(LIMITS.list))),
});
export type TerritoryDefinition = z.infer<typeof TerritoryDefinition>;

export const Territory = z.object({
  id,
  name: z.string().check(z.maxLength(LIMITS.name)),
  repIds: z._default(z.array(id).check(z.maxLength(1000)), []),
  parentId: z.optional(z.nullable(id)),
  /** A CSS hex colour (#rgb or #rrggbb). */
  color: z.optional(z.nullable(z.string().check(z.regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'expected a hex colour like #1f77b4')))),
  /** Higher wins when several territories match an account. */
  priority: z._default(z.number(), 0),
  definition: z._default(TerritoryDefinition, {}),
  /** When the CRM last changed it (ISO 8601), when it says: the base for conflict checks on save. */
  lastModified: z.optional(
    z.string().check(
      z.maxLength(64),
      z.refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 date' }),
    ),
  ),
});
export type Territory = z.infer<typeof Territory>;
export type TerritoryInput = z.input<typeof Territory>;
