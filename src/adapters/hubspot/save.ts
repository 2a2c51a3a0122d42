import type { Change, SaveOptions, SaveOutcome } from '../crm-adapter.js';
import { formatRejection, validateBatch } from '../../model/validate-batch.js';
import { chunk, retry } from '../shared/retry.js';
import { deadlineSignal, UNKNOWN_OUTCOME } from '../shared/deadline.js';
import { say } from '../texts/adapter.js';
import { sayGuard } from '../texts/guard.js';
import { asSaid, carried, wordsOf, type Failure, type Words } from '../texts/said.js';
import type { HttpResult } from '../shared/http.js';
import type { HubSpotClient } from './client.js';
import type { ResolvedOptions } from './options.js';
import { describeError, readBatch } from './wire.js';

/** What the adapter remembers between `load` and `save`: each account's lastModified at load. */
export type LoadedStamps = Map<string, string | undefined>;

interface Entry {
  index: number;
  change: Change;
  /** Owner and lastModified read just before writing. */
  baseline?: { owner: string | null; modified: string | null };
}

type Current = { owner: string | null; modified: string | null };
type ReadState = { ok: true; records: Map<string, Current> } | (Failure & { ok: false; status?: number; aborted?: boolean });

class Aborted extends Error {}

function newer(current: string | null, loaded: string | undefined): boolean {
  if (current === null || loaded === undefined) return false;
  const a = Date.parse(current);
  const b = Date.parse(loaded);
  return Number.isNaN(a) || Number.isNaN(b) ? current !== loaded : a > b;
}

function failure(result: Exclude<HttpResult, { kind: 'ok' }>): Failure & { status?: number } {
  if (result.kind === 'aborted') return { code: 'ABORTED', ...sayGuard('guard.save-aborted') };
  if (result.kind === 'network') return { code: 'NETWORK', ...carried(result) };
  const { code, message } = describeError(result.status, result.body);
  return { code: result.status === 429 ? 'RATE_LIMITED' : code, ...say('net.http', { status: result.status, detail: message }), status: result.status };
}

/**
 * Writes assignment changes to HubSpot companies (`hubspot_owner_id`) and reports one outcome per
 * change, in order. Per batch of ≤ 100: re-read owner and lastModified (batch/read); a record that
 * already has owner `to` is `saved` without a write; one whose owner is not `from`, or that changed
 * since it was loaded, is a `conflict` and is not written; the rest go to batch/update. 207 answers are settled per record; 429 waits (Retry-After, else jittered
 * backoff); 5xx and network failures are ambiguous, so the records are re-read and only those still
 * untouched are sent again — no change is applied twice, and none is reported saved without proof.
 * Race window: a write by someone else between the re-read and batch/update is overwritten.
 *
 * @param client The HTTP client.
 * @param opts Resolved adapter options.
 * @param loaded lastModified per account at load (updated after each saved write).
 * @param changes The changes, in order.
 * @param options Abort signal and progress.
 * @returns One outcome per change, in the same order.
 * @example
 * const outcomes = await saveHubSpot(client, opts, stamps, [{ accountId: '1', from: '7', to: '9' }]);
 */
export async function saveHubSpot(client: HubSpotClient, opts: ResolvedOptions, loaded: LoadedStamps, changes: readonly Change[], options: SaveOptions = {}): Promise<SaveOutcome[]> {
  const { signal } = options;
  const out: (SaveOutcome | undefined)[] = new Array(changes.length).fill(undefined);
  const ownerProp = opts.props.owner;
  const stampProp = opts.props.lastModified;
  let fatal: Failure | undefined;
  let done = 0;
  const settle = (e: Entry, status: SaveOutcome['status'], code?: string, message?: string | Words) => {
    out[e.index] = { accountId: e.change.accountId, status, ...(code ? { code } : {}), ...(message ? wordsOf(message) : {}) };
  };

  // 1. Changes that cannot be sent at all.
  const entries: Entry[] = [];
  const invalid = new Map(validateBatch('change', changes).rejected.map((r) => [r.index, r]));
  const seen = new Set<string>();
  changes.forEach((change, index) => {
    const e: Entry = { index, change };
    const bad = invalid.get(index);
    if (opts.canWrite === false) settle({ index, change: { accountId: String(change?.accountId), from: null, to: null } }, 'failed', 'READ_ONLY', 'this adapter may not write');
    else if (bad) settle({ index, change: { accountId: typeof change?.accountId === 'string' ? change.accountId : '', from: null, to: null } }, 'failed', 'INVALID', formatRejection(bad));
    else if (seen.has(change.accountId)) settle(e, 'failed', 'DUPLICATE', 'another change for this account comes earlier in the same save');
    else {
      seen.add(change.accountId);
      entries.push(e);
    }
  });

  /** batch/read of owner + lastModified for some ids (idempotent, retried). */
  const readState = async (ids: string[], sig?: AbortSignal): Promise<ReadState> => {
    const result = await client.idempotent({
      method: 'POST',
      path: '/crm/v3/objects/companies/batch/read',
      body: { properties: [ownerProp, stampProp], inputs: ids.map((id) => ({ id })) },
      ...(sig ? { signal: sig } : {}),
    });
    if (result.kind !== 'ok') return { ok: false, ...failure(result), aborted: result.kind === 'aborted' };
    const records = new Map<string, Current>();
    for (const r of readBatch(result.body).results) {
      const owner = r.properties[ownerProp];
      const modified = r.properties[stampProp] ?? r.updatedAt ?? null;
      records.set(r.id, { owner: typeof owner === 'string' && owner !== '' ? owner : null, modified: typeof modified === 'string' ? modified : null });
    }
    return { ok: true, records };
  };

  /** After an ambiguous write: re-read, settle what happened, keep only what is provably unwritten. */
  const reconcile = async (pending: Entry[], sig?: AbortSignal): Promise<{ ok: boolean; pending: Entry[] }> => {
    const state = await readState(pending.map((e) => e.change.accountId), sig);
    if (!state.ok) return { ok: false, pending };
    const left: Entry[] = [];
    for (const e of pending) {
      const cur = state.records.get(e.change.accountId);
      if (!cur) settle(e, 'failed', 'NOT_FOUND', say('save.hubspot-deleted-while-saving'));
      else if (cur.owner === e.change.to) {
        loaded.set(e.change.accountId, cur.modified ?? undefined);
        settle(e, 'saved');
      } else if (cur.owner === e.baseline?.owner && cur.modified === e.baseline?.modified) left.push(e);
      else settle(e, 'conflict', 'CHANGED_DURING_SAVE', say('save.hubspot-changed-while-saving', { owner: cur.owner }));
    }
    return { ok: true, pending: left };
  };

  /** Writes a group with retries; bisects on a whole-batch validation error to find the bad records. */
  const writeGroup = async (group: Entry[]): Promise<void> => {
    let pending = group;
    let unsure = false;
    let last: Failure = { code: 'FAILED', ...say('save.not-written') };
    let bisect: Failure | undefined;
    let gaveUp = false;
    try {
      const run = await retry<null>(async () => {
        if (unsure) {
          const r = await reconcile(pending, signal);
          if (!r.ok) return { done: false, value: null };
          pending = r.pending;
          unsure = false;
        }
        if (pending.length === 0) return { done: true, value: null };
        const result = await client.once({
          method: 'POST',
          path: '/crm/v3/objects/companies/batch/update',
          body: { inputs: pending.map((e) => ({ id: e.change.accountId, properties: { [ownerProp]: e.change.to ?? '' } })) },
          ...(signal ? { signal } : {}),
        });
        if (result.kind === 'ok') {
          const { results, errors } = readBatch(result.body);
          const byId = new Map(pending.map((e) => [e.change.accountId, e]));
          for (const r of results) {
            const e = byId.get(r.id);
            if (!e) continue;
            loaded.set(r.id, r.properties[stampProp] ?? r.updatedAt ?? undefined);
            settle(e, 'saved');
            byId.delete(r.id);
          }
          for (const error of errors) {
            const code = error.category ?? error.subCategory ?? 'ERROR';
            for (const id of error.context?.ids ?? []) {
              const e = byId.get(String(id));
              if (!e) continue;
              settle(e, 'failed', code, error.message ?? say('save.hubspot-record-error'));
              byId.delete(String(id));
            }
          }
          pending = [...byId.values()];
          if (pending.length === 0) return { done: true, value: null };
          unsure = true; // answered, but silent about some records: find out
          last = { code: UNKNOWN_OUTCOME, ...say('save.hubspot-no-report') };
          return { done: false, value: null, retryAfterMs: 0 };
        }
        if (result.kind === 'aborted') {
          unsure = true;
          throw new Aborted();
        }
        last = failure(result);
        if (result.kind === 'network' || result.status >= 500 || result.status === 408) {
          unsure = true;
          return { done: false, value: null, ...(result.kind === 'http' && result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}) };
        }
        if (result.status === 429) return { done: false, value: null, ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}) };
        if ((result.status === 400 || result.status === 422) && pending.length > 1) {
          bisect = last;
          return { done: true, value: null };
        }
        if (result.status === 401 || result.status === 403) fatal = last;
        for (const e of pending) settle(e, 'failed', last.code, carried(last));
        pending = [];
        return { done: true, value: null };
      }, { ...opts.retry, ...(signal ? { signal } : {}) });
      gaveUp = run.gaveUp;
    } catch (error) {
      if (!signal?.aborted && !(error instanceof Aborted)) throw error;
      if (unsure) {
        // Not the save's signal (it has aborted) but a fresh, bounded one: find out what the aborted request did.
        const check = deadlineSignal(opts.requestTimeoutMs, undefined, sayGuard('guard.what-check-after-abort'));
        const r = await reconcile(pending, check.signal).finally(check.dispose);
        if (!r.ok) {
          for (const e of pending) settle(e, 'failed', UNKNOWN_OUTCOME, say('save.hubspot-stopped-mid-request'));
          return;
        }
        pending = r.pending;
      }
      for (const e of pending) settle(e, 'failed', 'ABORTED', sayGuard('guard.not-written', { why: sayGuard('guard.save-aborted') }));
      return;
    }
    if (bisect) {
      if (pending.length === 1) settle(pending[0], 'failed', bisect.code, carried(bisect));
      else {
        const half = Math.ceil(pending.length / 2);
        await writeGroup(pending.slice(0, half));
        await writeGroup(pending.slice(half));
      }
      return;
    }
    if (gaveUp && unsure) {
      const check = deadlineSignal(opts.requestTimeoutMs, signal, sayGuard('guard.what-check-after-retry'));
      const r = await reconcile(pending, check.signal).finally(check.dispose);
      if (!r.ok) {
        for (const e of pending) settle(e, 'failed', UNKNOWN_OUTCOME, say('save.maybe-in-hubspot', { why: asSaid(last) }));
        return;
      }
      pending = r.pending;
    }
    for (const e of pending) settle(e, 'failed', last.code, sayGuard('guard.not-written', { why: asSaid(last) }));
  };

  // 2. Batches: re-read, settle conflicts, write the rest.
  for (const batch of chunk(entries, opts.batchSize)) {
    if (fatal || signal?.aborted) {
      const why: Failure = fatal ?? { code: 'ABORTED', ...sayGuard('guard.save-aborted') };
      for (const e of batch) settle(e, 'failed', why.code, sayGuard('guard.not-written', { why: asSaid(why) }));
    } else {
      const state = await readState(batch.map((e) => e.change.accountId), signal);
      if (!state.ok) {
        if (state.status === 401 || state.status === 403) fatal = state;
        for (const e of batch) settle(e, 'failed', state.code, sayGuard('guard.not-written', { why: asSaid(state) }));
      } else {
        const toWrite: Entry[] = [];
        for (const e of batch) {
          const { accountId, from, to } = e.change;
          const cur = state.records.get(accountId);
          const stamp = loaded.get(accountId);
          if (!cur) settle(e, 'failed', 'NOT_FOUND', say('save.hubspot-no-company'));
          else if (cur.owner === to) {
            loaded.set(accountId, cur.modified ?? undefined);
            settle(e, 'saved'); // already there: nothing to write, and saving twice is harmless
          } else if (cur.owner !== from) settle(e, 'conflict', 'OWNER_CHANGED', say('save.hubspot-owner-now', { owner: cur.owner, from }));
          else if (newer(cur.modified, stamp)) settle(e, 'conflict', 'STALE', say('save.hubspot-stale', { at: String(cur.modified), stamp: String(stamp) }));
          else toWrite.push({ ...e, baseline: cur });
        }
        if (toWrite.length > 0) await writeGroup(toWrite);
      }
    }
    done += batch.length;
    options.onProgress?.({ done: done + (changes.length - entries.length), total: changes.length });
  }
  return out.map((o, i) => o ?? { accountId: changes[i]?.accountId ?? '', status: 'failed', code: UNKNOWN_OUTCOME, ...say('save.no-outcome') });
}
