import type { LockChange, SaveOptions, SaveOutcome } from '../crm-adapter.js';
import { chunk } from '../shared/retry.js';
import { queryAll } from './call.js';
import { say } from '../texts/adapter.js';
import { asSaid, carried, type Failure } from '../texts/said.js';
import { bool } from './coerce.js';
import { toSalesforceError } from './errors.js';
import type { Baseline } from './load.js';
import type { ResolvedOptions } from './options.js';
import { accountLocksQuery } from './queries.js';
import { movedOn } from './save-owner.js';
import type { SfRecord } from './types.js';
import { writeWithRetry, type WriteItem } from './write.js';

interface Pending {
  index: number;
  change: LockChange;
}

/**
 * Writes account lock flags to the `lockField` checkbox, in batches of `batchSize`, with the owner
 * save's rules: each batch re-reads the flag and the stamp just before writing; an account that
 * already has the flag is `saved` without a write; one that changed since it was loaded (newer
 * stamp) is a `conflict` and is not written; the rest are updated with sObject Collections semantics
 * (locked rows retried, ambiguous failures re-read — see `writeWithRetry`). Rep locks have no field
 * in Salesforce: they end `failed` `NO_LOCK_FIELD` and stay in the plan.
 *
 * @returns one outcome per change, in order, the record id in `accountId`
 * @example
 * await saveLocksSalesforce(o, baseline, [{ kind: 'account', id: '001…', locked: true }], {});
 */
export async function saveLocksSalesforce(o: ResolvedOptions, baseline: Baseline, changes: readonly LockChange[], options: SaveOptions): Promise<SaveOutcome[]> {
  const t = o.transport;
  const field = o.lockField;
  const out: (SaveOutcome | undefined)[] = new Array(changes.length).fill(undefined);
  const set = (i: number, outcome: Omit<SaveOutcome, 'accountId'>) => (out[i] = { accountId: typeof changes[i]?.id === 'string' ? changes[i].id : '', ...outcome });
  const work: Pending[] = [];
  const seen = new Map<string, number>();
  changes.forEach((c, index) => {
    if (!c || (c.kind !== 'account' && c.kind !== 'rep') || typeof c.id !== 'string' || c.id === '' || typeof c.locked !== 'boolean') {
      return void set(index, { status: 'failed', code: 'INVALID_CHANGE', ...say('save.invalid-lock-change') });
    }
    if (c.kind === 'rep') return void set(index, { status: 'failed', code: 'NO_LOCK_FIELD', ...say('save.no-rep-lock-field') });
    if (!field) return void set(index, { status: 'failed', code: 'NO_LOCK_FIELD', ...say('save.no-lock-field') });
    const first = seen.get(c.id);
    if (first !== undefined) return void set(index, { status: 'failed', code: 'DUPLICATE_CHANGE', ...say('save.duplicate-account', { id: c.id, first }) });
    seen.set(c.id, index);
    work.push({ index, change: c });
  });
  let done = changes.length - work.length;
  if (!field) return out as SaveOutcome[];
  const read = async (ids: string[]) => new Map((await queryAll(t, accountLocksQuery(o, field, ids), { retry: o.retry, signal: options.signal, timeoutMs: o.requestTimeoutMs })).map((r) => [String(r.Id), r]));
  for (const batch of chunk(work, o.batchSize)) {
    if (options.signal?.aborted) {
      for (const p of batch) set(p.index, { status: 'failed', code: 'ABORTED', ...say('save.aborted-before-lock') });
      continue;
    }
    let current: Map<string, SfRecord>;
    try {
      current = await read(batch.map((p) => p.change.id));
    } catch (e) {
      const err = toSalesforceError(e);
      for (const p of batch) set(p.index, { status: 'failed', code: options.signal?.aborted ? 'ABORTED' : err.code, ...say('save.reread-record-failed', { detail: asSaid(err) }) });
      continue;
    }
    const toWrite: Pending[] = [];
    for (const p of batch) {
      const row = current.get(p.change.id);
      if (!row) set(p.index, { status: 'failed', code: 'NOT_FOUND', ...say('save.not-found', { id: p.change.id }) });
      else if (bool(row[field]) === p.change.locked) set(p.index, { status: 'saved' }); // already as intended
      else if (movedOn(baseline, p.change.id, row, o.stampField)) set(p.index, { status: 'conflict', code: 'STALE', ...say('save.stale-stamp-lock', { field: o.stampField, value: String(row[o.stampField]) }) });
      else toWrite.push(p);
    }
    const byKey = new Map(toWrite.map((p) => [p.change.id, p]));
    const items: WriteItem[] = toWrite.map((p) => ({ key: p.change.id, record: { Id: p.change.id, [field]: p.change.locked } }));
    const results = items.length ? await writeWithRetry(t, 'update', 'Account', items, {
      retry: o.retry,
      timeoutMs: o.requestTimeoutMs,
      signal: options.signal,
      verify: async (pending) => {
        const now = await read(pending.map((i) => i.key));
        return new Map(pending.map((i) => {
          const flag = bool(now.get(i.key)?.[field]);
          return [i.key, { state: flag === byKey.get(i.key)!.change.locked ? 'applied' : 'absent', message: say('sf.field-now', { field, value: String(flag) }) }] as const;
        }));
      },
    }) : new Map();
    for (const p of toWrite) {
      const r = results.get(p.change.id)!;
      if (r.ok) {
        set(p.index, { status: 'saved' });
        baseline.delete(p.change.id); // our write moved the stamp on (as after an owner write)
      } else set(p.index, { status: r.conflict ? 'conflict' : 'failed', code: r.code, ...carried(r) });
    }
    done += batch.length;
    options.onProgress?.({ done, total: changes.length });
  }
  return out as SaveOutcome[];
}
