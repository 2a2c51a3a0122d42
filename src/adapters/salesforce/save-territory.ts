import type { Change, SaveOptions, SaveOutcome } from '../crm-adapter.js';
import { chunk } from '../shared/retry.js';
import { queryAll } from './call.js';
import { say } from '../texts/adapter.js';
import { asSaid, carried, type Failure } from '../texts/said.js';
import { toSalesforceError } from './errors.js';
import type { Baseline } from './load.js';
import type { ResolvedOptions } from './options.js';
import { preflight, type Pending } from './preflight.js';
import { accountStampsQuery, objectTerritoriesForQuery } from './queries.js';
import { movedOn } from './save-owner.js';
import type { SfRecord } from './types.js';
import type { Roster } from './roster.js';
import { writeWithRetry, type WriteItem, type WriteResult } from './write.js';

const OTA = 'ObjectTerritory2Association';

/** The model being written and its territory ids. */
export interface ModelState {
  id: string;
  territoryIds: Set<string>;
  roster: Roster;
}

/** A change end as a territory id: a territory of the model, or a rep who owns exactly one. */
function resolveEnd(model: ModelState, v: string | null): { tid: string | null } | { error: string } {
  if (v === null || model.territoryIds.has(v)) return { tid: v };
  const tid = model.roster.territoryOf.get(v);
  if (tid) return { tid };
  return { error: tid === null ? `rep ${v} owns several territories of Territory2Model ${model.id}: name the territory instead` : `${v} is neither a territory of Territory2Model ${model.id} nor a rep who owns one` };
}

/**
 * territory2 mode: moves accounts between territories of one Territory2Model. Associations can only
 * be created or deleted, so a move is two writes. The new association is created FIRST and the old
 * one deleted second, so an account is never in no territory: if the create fails nothing changed;
 * if the delete fails the new association is deleted again (undo), and if even that fails the
 * outcome says plainly that the account is in both territories (`PARTIAL_MOVE`).
 */
export async function saveTerritory(o: ResolvedOptions, baseline: Baseline, model: ModelState, changes: readonly Change[], options: SaveOptions): Promise<SaveOutcome[]> {
  const t = o.transport;
  const { outcomes, work } = preflight(changes);
  let done = outcomes.filter(Boolean).length;
  const set = (p: Pending, outcome: Omit<SaveOutcome, 'accountId'>) => {
    outcomes[p.index] = { accountId: p.change.accountId, ...outcome };
    done++;
  };
  const ctx = { retry: o.retry, signal: options.signal, timeoutMs: o.requestTimeoutMs };
  const readAssoc = async (ids: string[]) => {
    const byAccount = new Map<string, Map<string, string>>();
    for (const a of await queryAll(t, objectTerritoriesForQuery(model.id, ids), ctx)) {
      const m = byAccount.get(String(a.ObjectId)) ?? new Map<string, string>();
      m.set(String(a.Territory2Id), String(a.Id));
      byAccount.set(String(a.ObjectId), m);
    }
    return byAccount;
  };
  const write = (op: 'create' | 'destroy', items: WriteItem[], verify: Parameters<typeof writeWithRetry>[4]['verify']) =>
    writeWithRetry(t, op, OTA, items, { retry: o.retry, signal: options.signal, timeoutMs: o.requestTimeoutMs, verify });

  for (const batch of chunk(work, o.batchSize)) {
    if (options.signal?.aborted) {
      for (const p of batch) set(p, { status: 'failed', code: 'ABORTED', ...say('save.aborted-before-change') });
      continue;
    }
    const ids = batch.map((p) => p.change.accountId);
    let assoc: Map<string, Map<string, string>>;
    let stamps: Map<string, SfRecord>;
    try {
      assoc = await readAssoc(ids);
      stamps = new Map((await queryAll(t, accountStampsQuery(o, ids), ctx)).map((r) => [String(r.Id), r]));
    } catch (e) {
      const err = toSalesforceError(e);
      for (const p of batch) set(p, { status: 'failed', code: options.signal?.aborted ? 'ABORTED' : err.code, ...say('save.reread-account-failed', { detail: asSaid(err) }) });
      continue;
    }
    const moves: (Pending & { oldId: string | null })[] = [];
    for (const p of batch) {
      const { accountId } = p.change;
      const fromEnd = resolveEnd(model, p.change.from);
      const toEnd = resolveEnd(model, p.change.to);
      if ('error' in fromEnd || 'error' in toEnd) {
        set(p, { status: 'failed', code: 'INVALID_TERRITORY', message: 'error' in toEnd ? toEnd.error : (fromEnd as { error: string }).error });
        continue;
      }
      const from = fromEnd.tid;
      const to = toEnd.tid;
      const cur = assoc.get(accountId) ?? new Map<string, string>();
      const row = stamps.get(accountId);
      const now = [...cur.keys()].join(', ') || null;
      const settled = (to === null || cur.has(to)) && (from === null || from === to || !cur.has(from));
      if (!row) set(p, { status: 'failed', code: 'NOT_FOUND', ...say('save.not-found', { id: accountId }) });
      else if (settled) set(p, { status: 'saved' }); // already as intended: nothing to write
      else if (from === null ? cur.size > 0 : !cur.has(from)) set(p, { status: 'conflict', code: 'STALE', ...say('save.t-now-in', { now, from }) });
      else if (movedOn(baseline, accountId, row, o.stampField)) set(p, { status: 'conflict', code: 'STALE', ...say('save.stale-stamp', { field: o.stampField, value: String(row[o.stampField]) }) });
      else if (to !== null && cur.has(to)) set(p, { status: 'conflict', code: 'STALE', ...say('save.t-already-in', { to, from }) });
      else moves.push({ ...p, change: { accountId, from, to }, oldId: from === null ? null : cur.get(from)! });
    }

    // 1. Create the new associations.
    const creating = moves.filter((m) => m.change.to !== null);
    const created = creating.length
      ? await write('create', creating.map((m) => ({ key: m.change.accountId, record: { ObjectId: m.change.accountId, Territory2Id: m.change.to, AssociationCause: 'Territory2Manual' } })), async (pending) => {
        const now = await readAssoc(pending.map((i) => i.key));
        return new Map(pending.map((i) => {
          const id = now.get(i.key)?.get(String(i.record!.Territory2Id));
          return [i.key, id ? { state: 'applied' as const, id } : { state: 'absent' as const }];
        }));
      })
      : new Map<string, WriteResult>();

    // 2. Delete the old ones, only where the create worked (or nothing had to be created).
    const deleting: typeof moves = [];
    for (const m of moves) {
      const c = m.change.to === null ? { ok: true as const } : created.get(m.change.accountId)!;
      if (!c.ok) set(m, { status: 'failed', code: c.code, ...say('save.t-add-failed', { to: m.change.to!, detail: asSaid(c), from: m.change.from }) });
      else if (m.oldId === null) set(m, { status: 'saved' });
      else deleting.push(m);
    }
    const goneCheck = async (pending: WriteItem[]) => {
      const keyToAccount = new Map(pending.map((i) => [i.key, i.id!]));
      const now = await readAssoc([...new Set([...keyToAccount.keys()].map((k) => k.split('|')[0]))]);
      return new Map(pending.map((i) => {
        const still = [...(now.get(i.key.split('|')[0])?.values() ?? [])].includes(i.id!);
        return [i.key, { state: still ? ('absent' as const) : ('applied' as const) }];
      }));
    };
    const deleted = deleting.length
      ? await write('destroy', deleting.map((m) => ({ key: `${m.change.accountId}|old`, id: m.oldId! })), goneCheck)
      : new Map<string, WriteResult>();

    // 3. Undo creates whose matching delete failed.
    const undo: typeof moves = [];
    for (const m of deleting) {
      const d = deleted.get(`${m.change.accountId}|old`)!;
      if (d.ok) set(m, { status: 'saved' });
      else if (m.change.to === null) set(m, { status: 'failed', code: d.code, ...say('save.t-remove-failed', { from: String(m.change.from), detail: asSaid(d) }) });
      else undo.push(m);
    }
    const undone = undo.length
      ? await write('destroy', undo.map((m) => {
        const c = created.get(m.change.accountId) as { ok: true; id?: string };
        return { key: `${m.change.accountId}|new`, id: c.id! };
      }), goneCheck)
      : new Map<string, WriteResult>();
    for (const m of undo) {
      const d = deleted.get(`${m.change.accountId}|old`) as Failure;
      const u = undone.get(`${m.change.accountId}|new`)!;
      if (u.ok) set(m, { status: 'failed', code: d.code, ...say('save.t-undone', { from: String(m.change.from), to: String(m.change.to), detail: asSaid(d) }) });
      else set(m, { status: 'failed', code: 'PARTIAL_MOVE', ...say('save.t-partial', { from: String(m.change.from), to: String(m.change.to), detail: asSaid(d), undo: asSaid(u) }) });
    }
    options.onProgress?.({ done, total: changes.length });
  }
  return outcomes as SaveOutcome[];
}
