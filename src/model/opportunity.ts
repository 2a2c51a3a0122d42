import * as z from 'zod/mini';
import { LIMITS } from './limits.js';

const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.id));
const isoDate = z.string().check(
  z.maxLength(64),
  z.refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 date' }),
);

/**
 * A deal as the CRM records it. Closed-won, win rate and attainment belong to `ownerId`, the rep
 * who owned the opportunity when it closed (Salesforce `Opportunity.OwnerId`, HubSpot deal owner),
 * not to whoever owns the account in a draft plan.
 */
export const Opportunity = z.object({
  id,
  accountId: id,
  /** The rep who owned the deal (at close, for closed ones); null when the CRM has none. */
  ownerId: z.nullable(id),
  /** Amount in the org's currency. */
  amount: z._default(z.number().check(z.gte(0)), 0),
  /** Stage, reduced to what the board needs (Salesforce IsClosed/IsWon; HubSpot closed won/lost stages). */
  stage: z.enum(['open', 'won', 'lost']),
  /** Close date (expected close for open deals), ISO 8601. */
  closeDate: z.optional(z.nullable(isoDate)),
});
export type Opportunity = z.infer<typeof Opportunity>;
export type OpportunityInput = z.input<typeof Opportunity>;
