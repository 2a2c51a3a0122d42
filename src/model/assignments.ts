// Helpers for Assignments objects, without zod (the widgets' initial load uses them).
import type { Assignments } from './plan.js';

/** An empty assignments object with no prototype (ids such as `__proto__` stay ordinary own keys). */
export function emptyAssignments(): Assignments {
  return Object.create(null) as Assignments;
}

/** A null-prototype copy of `assignments` (own enumerable keys only). */
export function copyAssignments(assignments: Readonly<Assignments>): Assignments {
  const out = emptyAssignments();
  for (const id of Object.keys(assignments)) out[id] = assignments[id];
  return out;
}

/** The rep an assignments object gives `accountId` (own keys only), or undefined when it has none. */
export function assignedTo(assignments: Readonly<Assignments>, accountId: string): string | null | undefined {
  return Object.hasOwn(assignments, accountId) ? assignments[accountId] : undefined;
}
