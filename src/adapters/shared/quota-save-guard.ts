import type { QuotaChange, QuotaSaveOutcome, SaveOptions, SaveStatus } from '../crm-adapter.js';
import { guardBatchSave } from './batch-save-guard.js';
import { sayCheck } from '../texts/check.js';
import { keptWords } from '../texts/said.js';
import type { SaveGuardOptions } from './save-guard.js';

export type QuotaSaveFn = (changes: readonly QuotaChange[], options: SaveOptions) => Promise<QuotaSaveOutcome[]>;

const STATUSES: ReadonlySet<string> = new Set<SaveStatus>(['saved', 'failed', 'conflict']);
const MAX_MESSAGE = 2000;

const keyOf = (c: { repId?: unknown; period?: unknown } | null | undefined) =>
  `${typeof c?.repId === 'string' ? c.repId : ''}\u0000${typeof c?.period === 'string' ? c.period : ''}`;
const partsOf = (c: QuotaChange | null | undefined) => ({ repId: typeof c?.repId === 'string' ? c.repId : '', period: typeof c?.period === 'string' ? c.period : '' });

/**
 * Checks what an adapter's `saveQuotas()` resolved with, as `validateOutcomes` does for owner saves:
 * exactly one outcome per change, in the changes' order, matched by rep and period (the n-th outcome
 * for a key goes to the n-th change with it, so reordering is fine). A missing outcome ends `failed`
 * `NO_OUTCOME`; a malformed one (unknown status such as `"ok"`, a non-string code) `failed`
 * `INVALID_OUTCOME`; a value that is not a list fails every change `INVALID_OUTCOME`. Never `saved`
 * unless the adapter said so.
 *
 * @example
 * validateQuotaOutcomes([{ repId: 'r1', period: '2027-01-01', from: null, to: 5 }], [{ repId: 'r1', period: '2027-01-01', status: 'ok' }])
 * // → [{ repId: 'r1', period: '2027-01-01', status: 'failed', code: 'INVALID_OUTCOME', message: … }]
 */
export function validateQuotaOutcomes(changes: readonly QuotaChange[], outcomes: unknown): QuotaSaveOutcome[] {
  if (!Array.isArray(outcomes)) return changes.map((c) => ({ ...partsOf(c), status: 'failed', code: 'INVALID_OUTCOME', ...sayCheck('guard.quota-not-a-list') }));
  const byKey = new Map<string, unknown[]>();
  for (const o of outcomes) {
    if (o === null || typeof o !== 'object') continue;
    const k = keyOf(o as { repId?: unknown; period?: unknown });
    const list = byKey.get(k);
    if (list) list.push(o);
    else byKey.set(k, [o]);
  }
  return changes.map((c) => {
    const parts = partsOf(c);
    const raw = byKey.get(keyOf(c))?.shift() as { status?: unknown; code?: unknown; message?: unknown; key?: unknown; params?: unknown } | undefined;
    if (raw === undefined) return { ...parts, status: 'failed', code: 'NO_OUTCOME', ...sayCheck('guard.quota-no-outcome') };
    if (typeof raw.status !== 'string' || !STATUSES.has(raw.status)) return { ...parts, status: 'failed', code: 'INVALID_OUTCOME', ...sayCheck('guard.quota-bad-status') };
    if (raw.code !== undefined && typeof raw.code !== 'string') return { ...parts, status: 'failed', code: 'INVALID_OUTCOME', ...sayCheck('guard.quota-bad-code', { status: raw.status }) };
    const message = typeof raw.message === 'string' ? raw.message.slice(0, MAX_MESSAGE) : '';
    return { ...parts, status: raw.status as SaveStatus, ...(typeof raw.code === 'string' && raw.code !== '' ? { code: raw.code } : {}), ...(message ? { message, ...keptWords(raw) } : {}) };
  });
}

/**
 * Wraps an adapter's `saveQuotas` as `guardTerritorySave` wraps territory saves: one quota save at a
 * time per adapter, each resolved by `saveDeadlineMs` whatever the CRM does (past it the signal aborts;
 * quotas not written end `failed` `TIMEOUT`; if the inner save has still not answered after a short
 * grace, every quota ends `failed` `UNKNOWN_OUTCOME`, never `saved`), and the outcomes checked with
 * `validateQuotaOutcomes`.
 *
 * @param inner the adapter's own quota save
 * @param limits deadlines
 * @returns the guarded save
 * @example
 * const saveQuotas = guardQuotaSave((c, o) => saveQuotasRest(client, opts, c, o), opts);
 */
export function guardQuotaSave(inner: QuotaSaveFn, limits: SaveGuardOptions): (changes: readonly QuotaChange[], options?: SaveOptions) => Promise<QuotaSaveOutcome[]> {
  return guardBatchSave(inner, limits, {
    noun: 'quota',
    failed: (c, code, said) => ({ ...partsOf(c), status: 'failed', code, ...said }),
    check: validateQuotaOutcomes,
  });
}
