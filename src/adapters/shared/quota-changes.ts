import type { QuotaChange, QuotaSaveOutcome, Said } from '../crm-adapter.js';
import { say } from '../texts/adapter.js';
import type { QuotaEntry } from '../../model/quota.js';

const PERIOD = /^\d{4}-\d{2}-\d{2}$/;
const amountOk = (v: unknown) => v === null || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0);

/**
 * How a quota is named in outcome messages: rep (name and id when the name is known) and period.
 *
 * @example
 * quotaLabel('005A', '2027-01-01', 'Ana Ruiz') // → 'the quota of Ana Ruiz (005A) for the period starting 2027-01-01'
 */
export function quotaLabel(repId: string, period: string, name?: string | null): string {
  return quotaSaid(repId, period, name).message;
}

/** `quotaLabel` as data (`Said`), for outcome sentences that name the quota. */
export function quotaSaid(repId: string, period: string, name?: string | null): Said {
  return name && name !== repId ? say('quota.label-named', { name, id: repId, period }) : say('quota.label', { id: repId, period });
}

/** A quota change that passed the checks, with its position in the caller's list. */
export interface PendingQuota {
  index: number;
  change: QuotaChange;
}

/**
 * Checks quota changes before any request: a malformed change (no rep id, a period that is not
 * YYYY-MM-DD, an amount that is not a whole number ≥ 0 or null) ends `failed INVALID_CHANGE` naming
 * the rep, period and field; a second change of the same rep and period `failed DUPLICATE_CHANGE`.
 *
 * @returns outcomes decided so far (holes for the rest) and the changes left to write
 * @example
 * const { outcomes, work } = checkQuotaChanges([{ repId: 'r1', period: '2027-1-1', from: null, to: 5 }]);
 * // outcomes[0] → { status: 'failed', code: 'INVALID_CHANGE', message: '… field period: …' }
 */
export function checkQuotaChanges(changes: readonly QuotaChange[], nameOf: (repId: string) => string | null | undefined = () => null): { outcomes: (QuotaSaveOutcome | undefined)[]; work: PendingQuota[] } {
  const outcomes: (QuotaSaveOutcome | undefined)[] = new Array(changes.length).fill(undefined);
  const work: PendingQuota[] = [];
  const seen = new Map<string, number>();
  changes.forEach((c, index) => {
    const repId = typeof c?.repId === 'string' ? c.repId : '';
    const period = typeof c?.period === 'string' ? c.period : '';
    const label = quotaSaid(repId || '(no rep id)', period || '(no period)', repId ? nameOf(repId) : null);
    const invalid = (field: string, why: Said) => (outcomes[index] = { repId, period, status: 'failed', code: 'INVALID_CHANGE', ...say('quota.field', { label, field, why }) });
    if (!c || typeof c !== 'object') return invalid('change', say('reason.expected-object'));
    if (repId === '') return invalid('repId', say('quota.expected-rep'));
    if (!PERIOD.test(period) || Number.isNaN(Date.parse(period))) return invalid('period', say('reason.expected-period', { got: String(JSON.stringify(c.period)) }));
    if (!amountOk(c.to)) return invalid('amount', say('quota.expected-amount', { got: String(JSON.stringify(c.to)) }));
    if (!amountOk(c.from)) return invalid('from', say('quota.expected-from', { got: String(JSON.stringify(c.from)) }));
    const key = `${repId}\u0000${period}`;
    const first = seen.get(key);
    if (first !== undefined) return (outcomes[index] = { repId, period, status: 'failed', code: 'DUPLICATE_CHANGE', ...say('quota.duplicate', { label, first }) });
    seen.set(key, index);
    work.push({ index, change: c });
  });
  return { outcomes, work };
}

/**
 * The rule every adapter applies to one quota, given what the CRM holds now (`current`, null for
 * none): `noop` when it already holds `to` (saved without writing, so re-sending is harmless);
 * `conflict` when it holds something other than `from` (changed since load); else `write`.
 *
 * @example
 * decideQuota(500, { repId: 'r1', period: '2027-01-01', from: 400, to: 600 }) // → 'conflict'
 */
export function decideQuota(current: number | null, change: Pick<QuotaChange, 'from' | 'to'>): 'noop' | 'conflict' | 'write' {
  if (current === change.to) return 'noop';
  if (current !== change.from) return 'conflict';
  return 'write';
}

/** The conflict message: what the CRM holds now against what was loaded. */
export function quotaConflictMessage(label: string | Said, current: number | null, from: number | null): string {
  return quotaConflict(label, current, from).message;
}

/** `quotaConflictMessage` as data (`Said`). */
export function quotaConflict(label: string | Said, current: number | null, from: number | null): Said {
  const now = current === null ? say('quota.now-unset') : say('quota.now', { amount: current });
  const then = from === null ? say('quota.then-none') : say('quota.then', { amount: from });
  return say('quota.conflict', { label, now, then });
}

/**
 * Checks one quota row a CRM sent (`{ repId, period, amount }`) against the quota model's rules (a rep
 * id, the period's first day as YYYY-MM-DD, a whole amount ≥ 0) without loading the zod model, which
 * the adapters' first load does not need. Returns the entry, or the field and why it is refused.
 *
 * @example
 * parseQuotaRow({ repId: 'r1', period: '2027-01-01', amount: '5' }) // → { field: 'amount', reason: 'expected a whole number ≥ 0, got "5"' }
 */
export function parseQuotaRow(row: unknown): { entry: QuotaEntry } | { field: string; reason: string; why: Said } {
  const refuse = (field: string, why: Said) => ({ field, reason: why.message, why });
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return refuse('quota', say('reason.expected-object'));
  const r = row as { repId?: unknown; period?: unknown; amount?: unknown };
  if (typeof r.repId !== 'string' || r.repId === '' || r.repId.length > 200) return refuse('repId', say('reason.expected-rep', { got: String(JSON.stringify(r.repId)) }));
  if (typeof r.period !== 'string' || !PERIOD.test(r.period) || Number.isNaN(Date.parse(r.period))) return refuse('period', say('reason.expected-period', { got: String(JSON.stringify(r.period)) }));
  if (typeof r.amount !== 'number' || !Number.isSafeInteger(r.amount) || r.amount < 0) return refuse('amount', say('reason.expected-whole', { got: String(JSON.stringify(r.amount)) }));
  return { entry: { repId: r.repId, period: r.period, amount: r.amount } };
}
