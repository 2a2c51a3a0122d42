// Quotas kept in the plan: pure updaters and selectors over PlanState.quotas.
import type { QuotaEntry } from '../model/quota.js';
import { canEdit } from './edit.js';
import { commit, HISTORY_LIMIT } from './history.js';
import type { PlanState } from './types.js';

const PERIOD = /^\d{4}-\d{2}-\d{2}$/;
const key = (q: { repId: string; period: string }) => `${q.period}\u0000${q.repId}`;

/**
 * Sets the quotas of one period as one undoable step: that period's entries are replaced by
 * `quotas`; other periods stay.
 *
 * @param state the state
 * @param period the period's first day, YYYY-MM-DD
 * @param quotas one entry per rep (whole currency units ≥ 0; `locked` when agreed)
 * @param label the undo label (default `Set N quotas for <period>`, with `labelParts` `{ kind: 'set-quotas', count, period }`)
 * @returns the new state, or `state` itself when refused (read-only) or nothing changes
 * @throws RangeError naming the rep and field: an unknown rep, a duplicate rep, an amount that is not a whole number ≥ 0, a bad period
 * @example
 * state = applyQuotas(state, '2027-01-01', [{ repId: '005A', amount: 400000, locked: true }]);
 */
export function applyQuotas(
  state: PlanState,
  period: string,
  quotas: readonly Omit<QuotaEntry, 'period'>[],
  label?: string,
  limit = HISTORY_LIMIT,
): PlanState {
  if (!canEdit(state)) return state;
  if (!PERIOD.test(period) || Number.isNaN(Date.parse(period))) throw new RangeError(`applyQuotas: period must be the period's first day as YYYY-MM-DD, got ${JSON.stringify(period)}`);
  const reps = new Set(state.reps.map((r) => r.id));
  const seen = new Set<string>();
  const fresh: QuotaEntry[] = [];
  for (const q of quotas) {
    if (!reps.has(q.repId)) throw new RangeError(`applyQuotas: unknown rep id ${JSON.stringify(q.repId)}`);
    if (seen.has(q.repId)) throw new RangeError(`applyQuotas: rep ${JSON.stringify(q.repId)} is listed twice`);
    if (!(Number.isSafeInteger(q.amount) && q.amount >= 0)) throw new RangeError(`applyQuotas: rep ${JSON.stringify(q.repId)}: amount must be a whole number ≥ 0, got ${String(q.amount)}`);
    seen.add(q.repId);
    fresh.push({ repId: q.repId, period, amount: q.amount, ...(q.locked ? { locked: true } : {}) });
  }
  const before = state.quotas ?? [];
  const others = before.filter((q) => q.period !== period);
  const next = [...others, ...fresh].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (sameQuotas(before, next)) return state;
  return commit(state, { quotas: next }, label ?? { kind: 'set-quotas', count: fresh.length, period }, limit);
}

function sameQuotas(a: readonly QuotaEntry[], b: readonly QuotaEntry[]): boolean {
  if (a.length !== b.length) return false;
  const m = new Map(a.map((q) => [key(q), q]));
  return b.every((q) => {
    const p = m.get(key(q));
    return p !== undefined && p.amount === q.amount && !!p.locked === !!q.locked;
  });
}

/**
 * The quota changes not yet written to the CRM: entries of `quotas` whose amount differs from
 * `quotaBase` (or that are new), and base entries the plan no longer has (`to: null`).
 */
export function pendingQuotaChanges(state: PlanState): { repId: string; period: string; from: number | null; to: number | null }[] {
  const base = new Map((state.quotaBase ?? []).map((q) => [key(q), q]));
  const out: { repId: string; period: string; from: number | null; to: number | null }[] = [];
  const seen = new Set<string>();
  for (const q of state.quotas ?? []) {
    seen.add(key(q));
    const b = base.get(key(q));
    if (!b || b.amount !== q.amount) out.push({ repId: q.repId, period: q.period, from: b?.amount ?? null, to: q.amount });
  }
  for (const [k, b] of base) if (!seen.has(k)) out.push({ repId: b.repId, period: b.period, from: b.amount, to: null });
  return out;
}

/** What a quota in force is and where it comes from. */
export interface QuotaInForce {
  amount: number;
  /** The period's first day (plan quotas); null for the CRM's `rep.quota`. */
  period: string | null;
  /** `plan`: set in the plan; `crm`: the rep's quota as loaded (no plan quota covers the date). */
  source: 'plan' | 'crm';
  locked: boolean;
}

/**
 * The quota in force for a rep on a date: the plan quota of the latest period starting on or before
 * `at`; else the rep's quota as loaded from the CRM; else null. Attainment is measured against this,
 * not against a quota recomputed from today's plan.
 *
 * @param state the state
 * @param repId the rep
 * @param at a date (YYYY-MM-DD or ISO 8601; default today, UTC)
 * @example
 * const q = quotaInForce(state, '005A', '2027-02-14'); // { amount: 400000, period: '2027-01-01', source: 'plan', locked: true }
 * const attainment = q ? closedWon / q.amount : null;
 */
export function quotaInForce(state: PlanState, repId: string, at: string = new Date().toISOString()): QuotaInForce | null {
  const day = at.slice(0, 10);
  let best: QuotaEntry | null = null;
  for (const q of state.quotas ?? []) {
    if (q.repId === repId && q.period <= day && (!best || q.period > best.period)) best = q;
  }
  if (best) return { amount: best.amount, period: best.period, source: 'plan', locked: !!best.locked };
  const rep = state.reps.find((r) => r.id === repId);
  return rep?.quota != null ? { amount: rep.quota, period: null, source: 'crm', locked: false } : null;
}

/**
 * Marks quotas as written to the CRM: they become the base pending changes are measured against.
 * Not an edit (no undo step).
 *
 * @param written the entries the CRM accepted (default: every plan quota)
 */
export function quotasWritten(state: PlanState, written: readonly QuotaEntry[] = state.quotas ?? []): PlanState {
  const base = new Map((state.quotaBase ?? []).map((q) => [key(q), q]));
  for (const q of written) base.set(key(q), q);
  return { ...state, quotaBase: [...base.values()] };
}
