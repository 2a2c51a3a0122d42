import type { LockChange, SaveOptions, SaveOutcome } from '../crm-adapter.js';
import { chunk } from '../shared/retry.js';
import { UNKNOWN_OUTCOME } from '../shared/deadline.js';
import { say } from '../texts/adapter.js';
import { sayGuard } from '../texts/guard.js';
import { asSaid, carried, wordsOf, type Failure, type Words } from '../texts/said.js';
import type { HttpResult } from '../shared/http.js';
import type { HubSpotClient } from './client.js';
import type { ResolvedOptions } from './options.js';
import type { LoadedStamps } from './save.js';
import { describeError, readBatch } from './wire.js';

interface Pending {
  index: number;
  change: LockChange;
}

type Current = { flag: boolean | null; modified: string | null };

function failure(result: Exclude<HttpResult, { kind: 'ok' }>): Failure {
  if (result.kind === 'aborted') return { code: 'ABORTED', ...sayGuard('guard.save-aborted') };
  if (result.kind === 'network') return { code: 'NETWORK', ...carried(result) };
  const { code, message } = describeError(result.status, result.body);
  return { code: result.status === 429 ? 'RATE_LIMITED' : code, ...say('net.http', { status: result.status, detail: message }) };
}

function newer(current: string | null, loaded: string | undefined): boolean {
  if (current === null || loaded === undefined) return false;
  const a = Date.parse(current);
  const b = Date.parse(loaded);
  return Number.isNaN(a) || Number.isNaN(b) ? current !== loaded : a > b;
}

/**
 * Writes company lock flags to the `lockProperty` checkbox with the owner save's rules, per batch of
 * ≤ `batchSize`: re-read the flag and `hs_lastmodifieddate` (batch/read); a company that already has
 * the flag is `saved` without a write; one that changed since it was loaded is a `conflict` and is
 * not written; the rest go to batch/update (`"true"`/`"false"`). Setting a flag is idempotent, so the
 * update is retried like a read (429, 5xx, network); a record the answer is silent about, or a
 * request that never got an answer, is re-read: flag as intended → `saved`, else `failed`
 * (`UNKNOWN_OUTCOME` when even the re-read fails). Rep locks have no property: `failed` `NO_LOCK_FIELD`.
 * Saved companies get their new stamp, so an owner change saved next does not conflict with it.
 *
 * @returns one outcome per change, in order, the record id in `accountId`
 * @example
 * await saveLocksHubSpot(client, opts, stamps, [{ kind: 'account', id: '1001', locked: true }]);
 */
export async function saveLocksHubSpot(client: HubSpotClient, opts: ResolvedOptions, loaded: LoadedStamps, changes: readonly LockChange[], options: SaveOptions = {}): Promise<SaveOutcome[]> {
  const { signal } = options;
  const prop = opts.lockProperty;
  const stampProp = opts.props.lastModified;
  const out: (SaveOutcome | undefined)[] = new Array(changes.length).fill(undefined);
  const set = (i: number, status: SaveOutcome['status'], code?: string, message?: string | Words) => {
    out[i] = { accountId: typeof changes[i]?.id === 'string' ? changes[i].id : '', status, ...(code ? { code } : {}), ...(message ? wordsOf(message) : {}) };
  };
  const work: Pending[] = [];
  const seen = new Set<string>();
  changes.forEach((c, index) => {
    if (!c || (c.kind !== 'account' && c.kind !== 'rep') || typeof c.id !== 'string' || c.id === '' || typeof c.locked !== 'boolean') set(index, 'failed', 'INVALID', say('save.invalid-lock-change'));
    else if (opts.canWrite === false) set(index, 'failed', 'READ_ONLY', say('save.may-not-write'));
    else if (c.kind === 'rep') set(index, 'failed', 'NO_LOCK_FIELD', say('save.hubspot-no-rep-lock'));
    else if (!prop) set(index, 'failed', 'NO_LOCK_FIELD', say('save.hubspot-no-lock-property'));
    else if (seen.has(c.id)) set(index, 'failed', 'DUPLICATE', say('save.hubspot-duplicate-lock'));
    else {
      seen.add(c.id);
      work.push({ index, change: c });
    }
  });
  let done = changes.length - work.length;
  if (!prop) return out as SaveOutcome[];

  const read = async (ids: string[]): Promise<{ ok: true; records: Map<string, Current> } | (Failure & { ok: false })> => {
    const result = await client.idempotent({ method: 'POST', path: '/crm/v3/objects/companies/batch/read', body: { properties: [prop, stampProp], inputs: ids.map((id) => ({ id })) }, ...(signal ? { signal } : {}) });
    if (result.kind !== 'ok') return { ok: false, ...failure(result) };
    const records = new Map<string, Current>();
    for (const r of readBatch(result.body).results) {
      const v = r.properties[prop];
      const modified = r.properties[stampProp] ?? r.updatedAt ?? null;
      records.set(r.id, { flag: v === 'true' ? true : v === 'false' || v === '' || v === null || v === undefined ? false : null, modified: typeof modified === 'string' ? modified : null });
    }
    return { ok: true, records };
  };

  for (const batch of chunk(work, opts.batchSize)) {
    if (signal?.aborted) {
      for (const p of batch) set(p.index, 'failed', 'ABORTED', sayGuard('guard.not-written', { why: sayGuard('guard.save-aborted') }));
      continue;
    }
    const state = await read(batch.map((p) => p.change.id));
    if (!state.ok) {
      for (const p of batch) set(p.index, 'failed', state.code, say('save.reread-company-failed', { detail: asSaid(state) }));
      done += batch.length;
      continue;
    }
    const toWrite: Pending[] = [];
    for (const p of batch) {
      const cur = state.records.get(p.change.id);
      const stamp = loaded.get(p.change.id);
      if (!cur) set(p.index, 'failed', 'NOT_FOUND', say('save.hubspot-no-company'));
      else if (cur.flag === p.change.locked) set(p.index, 'saved'); // already as intended
      else if (newer(cur.modified, stamp)) set(p.index, 'conflict', 'STALE', say('save.hubspot-stale-lock', { at: String(cur.modified), stamp: String(stamp) }));
      else toWrite.push(p);
    }
    if (toWrite.length) {
      const result = await client.idempotent({
        method: 'POST',
        path: '/crm/v3/objects/companies/batch/update',
        body: { inputs: toWrite.map((p) => ({ id: p.change.id, properties: { [prop]: p.change.locked ? 'true' : 'false' } })) },
        ...(signal ? { signal } : {}),
      });
      let silent: Pending[] = [];
      let why: Failure = { code: UNKNOWN_OUTCOME, ...say('save.hubspot-no-report-company') };
      if (result.kind === 'ok') {
        const { results, errors } = readBatch(result.body);
        const byId = new Map(toWrite.map((p) => [p.change.id, p]));
        for (const r of results) {
          const p = byId.get(r.id);
          if (!p) continue;
          loaded.set(r.id, r.properties[stampProp] ?? r.updatedAt ?? undefined);
          set(p.index, 'saved');
          byId.delete(r.id);
        }
        for (const e of errors) {
          for (const id of e.context?.ids ?? []) {
            const p = byId.get(String(id));
            if (!p) continue;
            set(p.index, 'failed', e.category ?? e.subCategory ?? 'ERROR', e.message ?? say('save.hubspot-company-error'));
            byId.delete(String(id));
          }
        }
        silent = [...byId.values()];
      } else if (result.kind === 'http' && result.status < 500 && result.status !== 408 && result.status !== 429) {
        const f = failure(result); // refused as a whole (validation, scopes): nothing was written
        for (const p of toWrite) set(p.index, 'failed', f.code, sayGuard('guard.not-written', { why: asSaid(f) }));
      } else {
        silent = toWrite; // no answer, or 5xx/429 after the retries: the update may or may not have landed
        why = failure(result);
      }
      if (silent.length) {
        const check = signal?.aborted ? { ok: false as const, code: 'ABORTED', ...say('net.aborted') } : await read(silent.map((p) => p.change.id));
        for (const p of silent) {
          const cur = check.ok ? check.records.get(p.change.id) : undefined;
          if (check.ok && cur?.flag === p.change.locked) {
            loaded.set(p.change.id, cur.modified ?? undefined);
            set(p.index, 'saved');
          } else if (check.ok) set(p.index, 'failed', why.code, sayGuard('guard.not-written', { why: asSaid(why) }));
          else set(p.index, 'failed', UNKNOWN_OUTCOME, say('save.lock-maybe-in-hubspot', { why: asSaid(why) }));
        }
      }
    }
    done += batch.length;
    options.onProgress?.({ done, total: changes.length });
  }
  return out as SaveOutcome[];
}
