import * as z from 'zod/mini';
import { LIMITS } from './limits.js';
import { ownRecord } from './own-record.js';

const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.id));

/**
 * Account id → rep id (or null for unassigned). Parsed into a null-prototype object, and every producer
 * in the store builds one (see `emptyAssignments`), so ids like `__proto__` or `constructor` are
 * ordinary keys; read with `Object.hasOwn` / own-key lookups, never `in`.
 */
export const Assignments = ownRecord(id, z.nullable(id));
export type Assignments = Record<string, string | null>;

/** One account changing hands. */
export const AssignmentChange = z.object({
  accountId: id,
  from: z.nullable(id),
  to: z.nullable(id),
  reason: z.optional(z.string().check(z.maxLength(LIMITS.text))),
});
export type AssignmentChange = z.infer<typeof AssignmentChange>;

/** A named set of assignments: the current alignment or a what-if. */
export const Plan = z.object({
  id,
  name: z.string().check(z.maxLength(LIMITS.name)),
  assignments: Assignments,
  createdAt: z.optional(z.string().check(z.maxLength(64))),
  /** The plan this one was derived from. */
  basedOn: z.optional(z.nullable(id)),
  note: z.optional(z.string().check(z.maxLength(LIMITS.text))),
});
export type Plan = z.infer<typeof Plan>;


export { emptyAssignments, copyAssignments, assignedTo } from './assignments.js';
