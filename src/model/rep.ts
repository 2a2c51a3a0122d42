import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { LatLng } from './geometry.js';

const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.id));

export const Rep = z.object({
  id,
  name: z.string().check(z.maxLength(LIMITS.name)),
  email: z.optional(z.nullable(z.string().check(z.maxLength(LIMITS.name)))),
  /** Home base, for proximity and compactness. */
  home: z.optional(z.nullable(LatLng)),
  /** Relative capacity: a rep with capacity 2 targets twice the average share. Default 1. */
  capacity: z._default(z.number().check(z.gt(0), z.lte(1000)), 1),
  /** Industries or segments the rep is strong in (matched against Account.industry). */
  skills: z._default(z.array(z.string().check(z.maxLength(LIMITS.label))).check(z.maxLength(1000)), []),
  /** Quota for the current period, in currency units. */
  quota: z.optional(z.nullable(z.number().check(z.gte(0)))),
  /** Closed-won in the previous period, used to blend quota suggestions with history. */
  priorClosedWon: z.optional(z.nullable(z.number().check(z.gte(0)))),
  /** Inactive reps (left, on leave) keep no accounts after a rebalance. Default true. */
  active: z._default(z.boolean(), true),
  /** A locked rep neither gives nor receives accounts in a rebalance. */
  locked: z.optional(z.boolean()),
});

export type Rep = z.infer<typeof Rep>;
export type RepInput = z.input<typeof Rep>;
