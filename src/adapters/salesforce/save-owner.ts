import type { Change, SaveOptions, SaveOutcome } from '../crm-adapter.js';
import { chunk } from '../shared/retry.js';
import { queryAll } from './call.js';
import { say } from '../texts/adapter.js';
import { asSaid, carried, type Failure } from '../texts/said.js';
import { str, timeOf } from './coerce.js';
import { toSalesforceError } from './errors.js';
import type { Baseline } from './load.js';
import type { ResolvedOptions } from './options.js';
import { accountStampsQuery } from './queries.js';
import type { SfRecord } from './types.js';
import { writeWithRetry, type WriteItem } from './write.js';
import { preflight, type Pending } from './preflight.js';

/** Did the record move on since it was loaded? (A later stamp than the one loaded.) */
export function movedOn(baseline: Baseline, id: string, row: SfRecord, stampField: string): boolean {
  const base = baseline.get(id)?.stamp;
  if (!base) return false;
  return timeOf(row[stampField]) > timeOf(base);
}

/**
 * Owner mode: writes Account.OwnerId in batches. Each batch re-reads OwnerId and the stamp just
 * before writing; a record whose owner is no longer `from`, or whose stamp is newer than at load,
 * is reported `conflict` and not written.
 */
export async function saveOwner(o: ResolvedOptions, baseline: Baseline, changes: readonly Change[], options: SaveOptions): Promise<SaveOutcome[]> {
  const t = o.transport;
  const { outcomes, work } = preflight(changes);
  let done = outcomes.filter(Boolean).length;
  const set = (p: Pending, outcome: Omit<SaveOutcome, 'accountId'>) => {
    outcomes[p.index] = { accountId: p.change.accountId, ...outcome };
    done++;
  };
  for (const batch of chunk(work, o.batchSize)) {
    if (options.signal?.aborted) {
      for (const p of batch) set(p, { status: 'failed', code: 'ABORTED', ...say('save.aborted-before-change') });
      continue;
    }
    const ids = batch.map((p) => p.change.accountId);
    const read = async (idList: string[]) => new Map((await queryAll(t, accountStampsQuery(o, idList), { retry: o.retry, signal: options.signal, timeoutMs: o.requestTimeoutMs })).map((r) => [String(r.Id), r]));
    let current: Map<string, SfRecord>;
    try {
      current = await read(ids);
    } catch (e) {
      const err = toSalesforceError(e);
      const code = options.signal?.aborted ? 'ABORTED' : err.code;
      for (const p of batch) set(p, { status: 'failed', code, ...say('save.reread-record-failed', { detail: asSaid(err) }) });
      continue;
    }
    const toWrite: Pending[] = [];
    for (const p of batch) {
      const { accountId, from, to } = p.change;
      const row = current.get(accountId);
      const owner = row ? str(row.OwnerId) : null;
      if (!row) set(p, { status: 'failed', code: 'NOT_FOUND', ...say('save.not-found', { id: accountId }) });
      else if (owner === to) set(p, { status: 'saved' }); // already as intended: nothing to write
      else if (owner !== from) set(p, { status: 'conflict', code: 'STALE', ...say('save.stale-owner', { owner, from }) });
      else if (movedOn(baseline, accountId, row, o.stampField)) set(p, { status: 'conflict', code: 'STALE', ...say('save.stale-stamp', { field: o.stampField, value: String(row[o.stampField]) }) });
      else if (to === null) set(p, { status: 'failed', code: 'OWNER_REQUIRED', ...say('save.owner-required') });
      else toWrite.push(p);
    }
    const byKey = new Map(toWrite.map((p) => [p.change.accountId, p]));
    const items: WriteItem[] = toWrite.map((p) => ({ key: p.change.accountId, record: { Id: p.change.accountId, OwnerId: p.change.to } }));
    const results = await writeWithRetry(t, 'update', 'Account', items, {
      retry: o.retry,
      timeoutMs: o.requestTimeoutMs,
      signal: options.signal,
      verify: async (pending) => {
        const now = await read(pending.map((i) => i.key));
        return new Map(pending.map((i) => {
          const p = byKey.get(i.key)!;
          const owner = str(now.get(i.key)?.OwnerId);
          const state = owner === p.change.to ? 'applied' : owner === p.change.from ? 'absent' : 'changed';
          return [i.key, { state, message: say('sf.owner-now', { owner }) }] as const;
        }));
      },
    });
    for (const p of toWrite) {
      const r = results.get(p.change.accountId)!;
      if (r.ok) {
        set(p, { status: 'saved' });
        // Our own write moved the stamp on; without re-reading it, only the owner check guards this
        // record in a later save (see docs/adapters/salesforce.md).
        baseline.delete(p.change.accountId);
      } else set(p, { status: r.conflict ? 'conflict' : 'failed', code: r.code, ...carried(r) });
    }
    options.onProgress?.({ done, total: changes.length });
  }
  return outcomes as SaveOutcome[];
}
