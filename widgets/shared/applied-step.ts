import type { PlanController } from './plan-controller.js';

/** The label of the step undo would revert (as the store's `undoLabel`; kept here so on-demand chunks need no selectors). */
export function undoLabel(s: { past: readonly { label: string }[] }): string | null {
  return s.past.at(-1)?.label ?? null;
}

/** Whether the step an element applied (its undo label) is still the one undo would revert. */
export function appliedOnTop(plan: PlanController, label: string | null): boolean {
  const s = plan.state;
  return s !== undefined && label !== null && undoLabel(s) === label;
}

/** Undoes the step an element applied, only while it is still on top of the history; true when undone. */
export function undoApplied(plan: PlanController, label: string | null): boolean {
  return appliedOnTop(plan, label) && plan.actions?.undo() === true;
}
