import type { Change, SaveOutcome, SaveStatus } from './crm-adapter.js';

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
    const message = `the adapter's save() resolved ${describe(outcomes)} instead of a list of outcomes; the change may or may not be written — reload to check`;
    return changes.map((c) => ({ accountId: idOf(c), status: 'failed', code: 'INVALID_OUTCOME', message }));
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
    const raw = byId.get(accountId)?.shift() as { status?: unknown; code?: unknown; message?: unknown } | undefined;
    if (raw === undefined) {
      return {
        accountId,
        status: 'failed',
        code: unmatched > 0 ? 'INVALID_OUTCOME' : 'NO_OUTCOME',
        message: unmatched > 0
          ? `the adapter reported ${unmatched} outcome(s) without an account id, none for this change; it may or may not be written — reload to check`
          : 'the adapter reported no outcome for this change; it may or may not be written — reload to check',
      };
    }
    if (typeof raw.status !== 'string' || !STATUSES.has(raw.status)) {
      return { accountId, status: 'failed', code: 'INVALID_OUTCOME', message: `the adapter reported the status ${describe(raw.status)}, which is none of saved, failed or conflict; the change may or may not be written — reload to check` };
    }
    if (raw.code !== undefined && typeof raw.code !== 'string') {
      return { accountId, status: 'failed', code: 'INVALID_OUTCOME', message: `the adapter reported a ${raw.status} outcome with the code ${describe(raw.code)}; the change may or may not be written — reload to check` };
    }
    const message = typeof raw.message === 'string' ? raw.message.slice(0, MAX_MESSAGE) : undefined;
    return {
      accountId,
      status: raw.status as SaveStatus,
      ...(typeof raw.code === 'string' && raw.code !== '' ? { code: raw.code } : {}),
      ...(message !== undefined && message !== '' ? { message } : {}),
    };
  });
}
