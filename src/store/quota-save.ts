// The quota part of the save flow: which quota changes to send, and what their outcomes do to the plan.
import type { QuotaChange, QuotaSaveOutcome } from '../adapters/crm-adapter.js';
import { validateQuotaOutcomes } from '../adapters/shared/quota-save-guard.js';
import type { QuotaEntry } from '../model/quota.js';
import { pendingQuotaChanges } from './quotas.js';
import type { PlanState } from './types.js';

const key = (q: { repId: string; period: string }) => `${q.period}\u0000${q.repId}`;

/**
 * The quota changes to send with `saveQuotas`: every plan quota whose amount differs from the one
 * loaded from (or last written to) the CRM, and removed ones (`to: null`).
 *
 * @example
 * const changes = quotaChangesToSave(state); // [{ repId: 'r1', period: '2027-01-01', from: 400, to: 500 }]
 */
export function quotaChangesToSave(state: PlanState): QuotaChange[] {
  return pendingQuotaChanges(state);
}

/**
 * Records a quota save's outcomes: a `saved` quota becomes part of the base (it is no longer
 * pending; a removed one leaves the base); failed and conflicting ones stay pending, to be retried
 * or reloaded. The outcomes (checked: one per change) land in `lastQuotaSave`. Not an edit (no undo
 * step); quotas edited while the save ran stay as edited.
 *
 * @param state the latest state
 * @param changes the changes that were sent
 * @param outcomes what `saveQuotas` resolved with
 * @returns the new state
 * @example
 * state = quotasSaved(state, changes, await adapter.saveQuotas(changes));
 */
export function quotasSaved(state: PlanState, changes: readonly QuotaChange[], outcomes: unknown): PlanState {
  const checked = validateQuotaOutcomes(changes, outcomes);
  const base = new Map<string, QuotaEntry>((state.quotaBase ?? []).map((q) => [key(q), q]));
  checked.forEach((o, i) => {
    const c = changes[i];
    if (o.status !== 'saved' || !c) return;
    if (c.to === null) base.delete(key(c));
    else base.set(key(c), { repId: c.repId, period: c.period, amount: c.to });
  });
  return { ...state, quotaBase: [...base.values()], lastQuotaSave: checked };
}

/** The outcomes of the last quota save that did not end saved (failed or conflict). */
export function quotaProblems(state: PlanState): QuotaSaveOutcome[] {
  return (state.lastQuotaSave ?? []).filter((o) => o.status !== 'saved');
}
