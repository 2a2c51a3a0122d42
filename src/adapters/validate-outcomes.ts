import type { Change, SaveOutcome, SaveStatus } from './crm-adapter.js';
import { sayCheck } from './texts/check.js';
import { keptWords } from './texts/said.js';

const STATUSES: ReadonlySet<string> = new Set<SaveStatus>(['saved', 'failed', 'conflict']);

/** Longest message kept from an adapter's outcome (a runaway adapter cannot flood the UI). */
const MAX_MESSAGE = 2000;

/** The key of a change; a change without a string id (rejected by every adapter) is keyed ''. */
const idOf = (c: Change | null | undefined): string => (typeof c?.accountId === 'string' ? c.accountId : '');

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value).slice(0, 40)}`;
}

/**
 * Checks what an adapter's `save()` resolved with, at the boundary, and returns exactly one valid
 * outcome per change, in the changes' order. Outcomes are matched by `accountId` (the n-th outcome for
 * an id goes to the n-th change for it), so an adapter that reorders is fine. Anything unrecognised
 * never passes as a success: a change whose outcome is missing ends `failed` with code `NO_OUTCOME`;
 * one whose outcome is malformed (no object, unknown status such as `"ok"`, non-string code) ends
 * `failed` with code `INVALID_OUTCOME`; a resolved value that is not a list fails every change with
 * `INVALID_OUTCOME`. Unknown properties are dropped. Ids are kept in a Map, so `__proto__` is an id.
 *
 * @param changes the changes that were sent
 * @param outcomes whatever `save()` resolved with
 * @returns one outcome per change, in order; each with status saved, failed or conflict
 * @example
 * validateOutcomes([{ accountId: 'a1', from: 'r1', to: 'r2' }], [{ accountId: 'a1', status: 'ok' }])
 * // → [{ accountId: 'a1', status: 'failed', code: 'INVALID_OUTCOME', message: 'the adapter reported the status "ok" …' }]
 */
export function validateOutcomes(changes: readonly Change[], outcomes: unknown): SaveOutcome[] {
  if (!Array.isArray(outcomes)) {
    const said = sayCheck('guard.not-a-list', { detail: describe(outcomes) });
    return changes.map((c) => ({ accountId: idOf(c), status: 'failed', code: 'INVALID_OUTCOME', ...said }));
  }
  const byId = new Map<string, unknown[]>();
  for (const o of outcomes) {
    const id = o !== null && typeof o === 'object' ? (o as { accountId?: unknown }).accountId : undefined;
    if (typeof id !== 'string') continue;
    const list = byId.get(id);
    if (list) list.push(o);
    else byId.set(id, [o]);
  }
  const unmatched = outcomes.filter((o) => o === null || typeof o !== 'object' || typeof (o as { accountId?: unknown }).accountId !== 'string').length;
  return changes.map((change) => {
    const accountId = idOf(change);
    const raw = byId.get(accountId)?.shift() as { status?: unknown; code?: unknown; message?: unknown; key?: unknown; params?: unknown } | undefined;
    if (raw === undefined) {
      return {
        accountId,
        status: 'failed',
        code: unmatched > 0 ? 'INVALID_OUTCOME' : 'NO_OUTCOME',
        ...(unmatched > 0 ? sayCheck('guard.unmatched', { count: unmatched }) : sayCheck('guard.no-outcome')),
      };
    }
    if (typeof raw.status !== 'string' || !STATUSES.has(raw.status)) {
      return { accountId, status: 'failed', code: 'INVALID_OUTCOME', ...sayCheck('guard.bad-status', { detail: describe(raw.status) }) };
    }
    if (raw.code !== undefined && typeof raw.code !== 'string') {
      return { accountId, status: 'failed', code: 'INVALID_OUTCOME', ...sayCheck('guard.bad-code', { status: raw.status, detail: describe(raw.code) }) };
    }
    const message = typeof raw.message === 'string' ? raw.message.slice(0, MAX_MESSAGE) : undefined;
    return {
      accountId,
      status: raw.status as SaveStatus,
      ...(typeof raw.code === 'string' && raw.code !== '' ? { code: raw.code } : {}),
      ...(message !== undefined && message !== '' ? { message, ...keptWords(raw) } : {}),
    };
  });
}
