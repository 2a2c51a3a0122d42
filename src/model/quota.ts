import * as z from 'zod/mini';
import { LIMITS } from './limits.js';

const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.id));

/**
 * A rep's quota for one period, kept in the plan. `period` is the period's first day (YYYY-MM-DD),
 * as Salesforce's ForecastingQuota.StartDate; `amount` is whole currency units.
 */
export const QuotaEntry = z.object({
  repId: id,
  period: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected the period start as YYYY-MM-DD' })),
  amount: z.int().check(z.gte(0)),
  /** Agreed with the rep: a re-split leaves it as it is. */
  locked: z.optional(z.boolean()),
});
export type QuotaEntry = z.infer<typeof QuotaEntry>;
