import type { AccountInput } from '../../model/account.js';
import type { RepInput } from '../../model/rep.js';
import type { TerritoryInput } from '../../model/territory.js';
import type { OpportunityInput } from '../../model/opportunity.js';
import { validateBatch, formatRejection } from '../../model/validate-batch.js';
import { ruleOfIssue } from '../../model/format-rejection.js';
import { abortableSleep } from '../shared/retry.js';
import { resolveDeadlines, type Deadlines } from '../shared/deadline.js';
import { guardSave } from '../shared/save-guard.js';
import {
  CrmLoadError,
  type Capabilities,
  type Change,
  type CrmAdapter,
  type LockChange,
  type LoadOptions,
  type LoadResult,
  type QuotaChange,
  type QuotaSaveOutcome,
  type SaveOptions,
  type SaveOutcome,
  type TerritoryChange,
  type TerritorySaveOutcome,
} from '../crm-adapter.js';
import { guardTerritorySave } from '../shared/territory-save-guard.js';
import { guardQuotaSave } from '../shared/quota-save-guard.js';
import { createMemoryQuotas } from './save-quotas.js';
import { say } from '../texts/adapter.js';

export interface MemoryAdapterOptions extends Deadlines {
  /**
   * Account rows as the "CRM" holds them. They are copied; rows that fail validation stay in the
   * store and are reported by `load()` in `rejected`, as a CRM adapter reports bad records.
   */
  accounts: readonly unknown[];
  /** Rep rows, copied; invalid ones are reported by `load()`. */
  reps: readonly unknown[];
  /** Territory rows, copied; invalid ones are reported by `load()`. Default none. */
  territories?: readonly unknown[];
  /** Opportunity rows (owner at close, stage, amount), copied; invalid ones are reported by `load()`. Default none. */
  opportunities?: readonly unknown[];
  /** Whether `saveLocks` may write the `locked` flag of accounts and reps. Default: `canWrite`. */
  canWriteLocks?: boolean;
  /** Whether `saveTerritories` may write territories. Default: `canWrite`. */
  canWriteTerritories?: boolean;
  /** Quota rows `{ repId, period: 'YYYY-MM-DD', amount }` the "CRM" holds, copied; loaded as `quotas`. Default none. */
  quotas?: readonly unknown[];
  /** Whether `saveQuotas` may write quotas. Default: `canWrite`. */
  canWriteQuotas?: boolean;
  /** The adapter's `id`. Default `'memory'`. */
  id?: string;
  /** Whether `save` may write; when false every change fails with `READ_ONLY`. Default true. */
  canWrite?: boolean;
  /** Simulated round-trip time (ms) of each request: each page of a load, each batch of a save. Default 0. */
  latencyMs?: number;
  /** Clock for `lastModified` stamps. Default `() => new Date()`. Stamps always move forward. */
  now?: () => Date;
  /** Changes written per request (reported by `capabilities()`). Default 200. */
  maxBatchSize?: number;
  /** Accounts per load page (one progress report each). Default 1000. */
  pageSize?: number;
}

/** What the memory "CRM" holds, as plain copies (rows that fail validation included, as stored). */
export interface MemorySnapshot {
  accounts: AccountInput[];
  reps: RepInput[];
  territories: TerritoryInput[];
  opportunities: OpportunityInput[];
}

/** A CrmAdapter over an in-memory store, with hooks for tests and demos. */
export interface MemoryAdapter extends CrmAdapter {
  /** A deep copy of everything the store holds now. */
  snapshot(): MemorySnapshot;
  /**
   * Simulates another CRM user editing an account: applies `patch` (any fields, even malformed
   * values, to mimic bad CRM data; not `id`) and moves `lastModified` on. Throws for an unknown id.
   */
  touch(accountId: string, patch?: Readonly<Record<string, unknown>>): void;
  /** Simulates another CRM user editing a territory: applies `patch` and moves its `lastModified` on. Throws for an unknown id. */
  touchTerritory(territoryId: string, patch?: Readonly<Record<string, unknown>>): void;
  /** Simulates another CRM user setting a rep's quota for a period (null removes it). */
  touchQuota(repId: string, period: string, amount: number | null): void;
  /** The quotas the store holds now (copies), sorted by period then rep. */
  quotas(): { repId: string; period: string; amount: number }[];
}

type Row = Record<string, unknown>;

const isRow = (v: unknown): v is Row => v !== null && typeof v === 'object' && !Array.isArray(v);

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`createMemoryAdapter: ${name} must be a whole number ≥ 1, got ${value}`);
  return value;
}

/**
 * Creates a CrmAdapter backed by memory: real state, real validation, paged loads with progress and
 * abort, and saves with the same outcome rules as a CRM adapter. Used by the demo, by tests and as the
 * reference implementation of the adapter contract.
 *
 * Save rules, per change and in order (the first that applies wins):
 * `failed INVALID` (not a valid change) → `failed NOT_FOUND` (no such account) → `failed
 * INVALID_OWNER` (`to` is not an existing, active rep) → `conflict STALE` (the account was already
 * saved earlier in the same call: chains like A→B, B→C in one batch are refused) → `saved` without
 * writing (the account is already owned by `to`) → `conflict STALE` (its `lastModified` moved on
 * since this adapter last loaded it; not checked for accounts never loaded) → `conflict STALE`
 * (`from` is not its owner) → `saved` (owner set, `lastModified` moves on). With `canWrite: false`
 * every change fails `READ_ONLY`; once the signal aborts, every change not yet written fails `ABORTED`.
 *
 * Everything crossing the boundary is deep-copied: mutating inputs or returned objects never changes
 * the store.
 *
 * @param options - rows and behaviour; see {@link MemoryAdapterOptions}.
 * @returns the adapter, with `snapshot()` and `touch()` test hooks.
 * @example
 * const data = generateDemoData({ seed: 1 });
 * const adapter = createMemoryAdapter({ ...data, latencyMs: 50 });
 * const { accounts, rejected } = await adapter.load({ onProgress: (p) => console.log(p.loaded, p.total) });
 * const [outcome] = await adapter.save([{ accountId: accounts[0].id, from: accounts[0].ownerId, to: 'rep-02' }]);
 */
export function createMemoryAdapter(options: MemoryAdapterOptions): MemoryAdapter {
  const { id = 'memory', canWrite = true, latencyMs = 0, now = () => new Date() } = options;
  const maxBatchSize = positiveInt(options.maxBatchSize ?? 200, 'maxBatchSize');
  const pageSize = positiveInt(options.pageSize ?? 1000, 'pageSize');
  if (!(latencyMs >= 0 && latencyMs < Infinity)) throw new RangeError(`createMemoryAdapter: latencyMs must be a finite number ≥ 0, got ${latencyMs}`);

  const store = {
    accounts: structuredClone([...options.accounts]) as unknown[],
    reps: structuredClone([...options.reps]) as unknown[],
    territories: structuredClone([...(options.territories ?? [])]) as unknown[],
    opportunities: structuredClone([...(options.opportunities ?? [])]) as unknown[],
  };
  const canWriteLocks = options.canWriteLocks ?? canWrite;
  const canWriteTerritories = options.canWriteTerritories ?? canWrite;
  /** First row position of each account id. */
  const accountAt = new Map<string, number>();
  let lastStamp = 0;
  store.accounts.forEach((row, i) => {
    if (!isRow(row)) return;
    if (typeof row.id === 'string' && !accountAt.has(row.id)) accountAt.set(row.id, i);
    const t = typeof row.lastModified === 'string' ? Date.parse(row.lastModified) : NaN;
    if (t > lastStamp) lastStamp = t;
  });
  /** A `lastModified` later than any seen before, even if the clock stands still or lags the data. */
  const stamp = (): string => {
    lastStamp = Math.max(now().getTime(), lastStamp + 1);
    return new Date(lastStamp).toISOString();
  };
  const initial = stamp();
  for (const row of store.accounts) if (isRow(row) && row.lastModified === undefined) row.lastModified = initial;

  const quotaStore = createMemoryQuotas(options.quotas ?? [], () => store.reps, options.canWriteQuotas ?? canWrite);

  /** `lastModified` of each account as handed out by the latest load: the base for conflict checks. */
  let loadedVersion = new Map<string, unknown>();

  const request = (signal?: AbortSignal) => (latencyMs > 0 ? abortableSleep(latencyMs, signal) : Promise.resolve());

  async function load({ signal, onProgress }: LoadOptions = {}): Promise<LoadResult> {
    const aborted = (cause?: unknown) => new CrmLoadError('ABORTED', say('load.memory-aborted'), { cause: cause ?? signal?.reason });
    const step = async () => {
      if (signal?.aborted) throw aborted();
      try {
        await request(signal);
      } catch (cause) {
        throw aborted(cause);
      }
      if (signal?.aborted) throw aborted();
    };

    await step();
    // validateBatch builds fresh objects and arrays at every level, so its output shares nothing with
    // the store (memory.test.ts checks this); rows are only copied shallowly to freeze each page.
    const reps = validateBatch('rep', store.reps, { rules: ruleOfIssue });
    onProgress?.({ loaded: store.reps.length, total: store.reps.length, phase: 'reps' });
    await step();
    const territories = validateBatch('territory', store.territories, { rules: ruleOfIssue });
    onProgress?.({ loaded: store.territories.length, total: store.territories.length, phase: 'territories' });

    // Accounts page by page, as a CRM API returns them; a save between pages shows in later pages.
    const rows: unknown[] = [];
    const versions = new Map<string, unknown>();
    const total = store.accounts.length;
    let offset = 0;
    do {
      await step();
      // Saves and touches replace top-level fields only, so a shallow copy is a true page snapshot.
      const page = store.accounts.slice(offset, offset + pageSize).map((row) => (isRow(row) ? { ...row } : row));
      page.forEach((row, k) => {
        if (isRow(row) && typeof row.id === 'string' && accountAt.get(row.id) === offset + k) versions.set(row.id, row.lastModified);
      });
      for (const row of page) rows.push(row);
      onProgress?.({ loaded: rows.length, total, phase: 'accounts' });
      offset += pageSize;
    } while (offset < total);
    const accounts = validateBatch('account', rows, { rules: ruleOfIssue });
    const opportunities = validateBatch('opportunity', store.opportunities, { rules: ruleOfIssue });
    loadedVersion = versions;
    return {
      accounts: accounts.valid,
      reps: reps.valid,
      territories: territories.valid,
      rejected: [...reps.rejected, ...territories.rejected, ...accounts.rejected, ...opportunities.rejected],
      ...(store.opportunities.length ? { opportunities: opportunities.valid } : {}),
      ...(options.quotas !== undefined ? quotaStore.load() : {}),
    };
  }

  async function save(changes: readonly Change[], { signal, onProgress }: SaveOptions = {}): Promise<SaveOutcome[]> {
    const total = changes.length;
    const accountIdOf = (c: unknown) => (isRow(c) && c.accountId != null ? String(c.accountId) : '');
    const outcomes: SaveOutcome[] = new Array(total);
    const failRest = (from: number, code: string, message: string) => {
      for (let i = from; i < total; i++) outcomes[i] ??= { accountId: accountIdOf(changes[i]), status: 'failed', code, message };
    };
    if (signal?.aborted) {
      failRest(0, 'ABORTED', 'saving was aborted before this change was written');
      return outcomes;
    }
    if (!canWrite) {
      failRest(0, 'READ_ONLY', 'this adapter may not write');
      return outcomes;
    }

    const invalid = new Map(validateBatch('change', changes).rejected.map((r) => [r.index, formatRejection(r)]));
    const activeRep = new Map(validateBatch('rep', store.reps).valid.map((r) => [r.id, r.active]));
    const savedInThisCall = new Set<string>();

    const decide = (c: Change, index: number): SaveOutcome => {
      const accountId = accountIdOf(c);
      const bad = invalid.get(index);
      if (bad !== undefined) return { accountId, status: 'failed', code: 'INVALID', message: bad };
      const at = accountAt.get(c.accountId);
      if (at === undefined) return { accountId, status: 'failed', code: 'NOT_FOUND', ...say('mem.not-found', { id: accountId }) };
      if (c.to !== null && !activeRep.has(c.to)) return { accountId, status: 'failed', code: 'INVALID_OWNER', ...say('mem.rep-missing', { id: c.to }) };
      if (c.to !== null && !activeRep.get(c.to)) return { accountId, status: 'failed', code: 'INVALID_OWNER', ...say('mem.rep-inactive', { id: c.to }) };
      if (savedInThisCall.has(accountId)) {
        return { accountId, status: 'conflict', code: 'STALE', ...say('mem.changed-in-batch', { id: accountId }) };
      }
      const row = store.accounts[at] as Row;
      const owner = row.ownerId ?? null;
      if (owner === c.to) {
        savedInThisCall.add(accountId);
        return { accountId, status: 'saved', ...say('mem.already-owned') };
      }
      if (loadedVersion.has(accountId) && loadedVersion.get(accountId) !== row.lastModified) {
        return { accountId, status: 'conflict', code: 'STALE', ...say('mem.changed', { id: accountId }) };
      }
      if (owner !== c.from) {
        return { accountId, status: 'conflict', code: 'STALE', ...say('mem.owned-by', { id: accountId, owner: String(JSON.stringify(owner)), from: String(JSON.stringify(c.from)) }) };
      }
      row.ownerId = c.to;
      row.lastModified = stamp();
      loadedVersion.set(accountId, row.lastModified);
      savedInThisCall.add(accountId);
      return { accountId, status: 'saved' };
    };

    for (let start = 0; start < total; start += maxBatchSize) {
      try {
        if (signal?.aborted) throw signal.reason;
        await request(signal);
        if (signal?.aborted) throw signal.reason;
      } catch {
        failRest(start, 'ABORTED', 'saving was aborted before this change was written');
        return outcomes;
      }
      const end = Math.min(total, start + maxBatchSize);
      for (let i = start; i < end; i++) outcomes[i] = decide(changes[i], i);
      onProgress?.({ done: end, total });
    }
    return outcomes;
  }

  /** Writes `locked` on account and rep rows: `saved`, or `failed` NOT_FOUND / READ_ONLY / ABORTED. */
  async function saveLocks(changes: readonly LockChange[], { signal }: SaveOptions = {}): Promise<SaveOutcome[]> {
    if (!signal?.aborted) await request(signal).catch(() => undefined);
    return changes.map((c) => {
      const accountId = String(c?.id ?? '');
      if (signal?.aborted) return { accountId, status: 'failed', code: 'ABORTED', ...say('mem.lock-aborted') };
      if (!canWriteLocks) return { accountId, status: 'failed', code: 'READ_ONLY', ...say('mem.no-locks') };
      const rows = c?.kind === 'rep' ? store.reps : store.accounts;
      const row = c?.kind === 'rep' ? rows.find((r) => isRow(r) && r.id === c.id) : rows[accountAt.get(accountId) ?? -1];
      if (!isRow(row) || typeof c.locked !== 'boolean') return { accountId, status: 'failed', code: 'NOT_FOUND', ...(c?.kind === 'account' ? say('mem.not-found', { id: accountId }) : c?.kind === 'rep' ? say('mem.rep-missing', { id: accountId }) : c?.kind ? { message: `${c.kind} "${accountId}" does not exist` } : say('mem.record-missing', { id: accountId })) };
      row.locked = c.locked;
      if (c.kind === 'account') {
        row.lastModified = stamp();
        loadedVersion.set(accountId, row.lastModified);
      }
      return { accountId, status: 'saved' };
    });
  }

  /**
   * Writes territories, in order: `failed READ_ONLY` (not allowed) → `failed INVALID` (fails the
   * territory model; the message names the field) → `conflict STALE` (the stored territory's
   * `lastModified` differs from the change's, or a new one's id is taken) → `saved` (stored with a new
   * `lastModified`, or deleted; deleting one already gone is `saved`). Aborted: `failed ABORTED`.
   */
  async function saveTerritories(changes: readonly TerritoryChange[], { signal, onProgress }: SaveOptions = {}): Promise<TerritorySaveOutcome[]> {
    if (!signal?.aborted) await request(signal).catch(() => undefined);
    const out = changes.map((c): TerritorySaveOutcome => {
      const territoryId = String(isRow(c) && c.id != null ? c.id : '');
      if (signal?.aborted) return { territoryId, status: 'failed', code: 'ABORTED', ...say('mem.territory-aborted') };
      if (!canWriteTerritories) return { territoryId, status: 'failed', code: 'READ_ONLY', ...say('mem.no-territories') };
      if (!isRow(c) || territoryId === '' || (c.territory !== null && !isRow(c.territory))) return { territoryId, status: 'failed', code: 'INVALID', ...say('mem.territory-change-invalid') };
      let valid: TerritoryInput | null = null;
      if (c.territory !== null) {
        const checked = validateBatch('territory', [{ ...c.territory, id: territoryId }]);
        const bad = checked.rejected.find((r) => !r.kept);
        if (bad || !checked.valid[0]) return { territoryId, status: 'failed', code: 'INVALID', ...(bad ? { message: formatRejection(bad) } : say('mem.invalid-territory')) };
        valid = checked.valid[0];
      }
      const at = store.territories.findIndex((r) => isRow(r) && r.id === territoryId);
      const row = at >= 0 ? (store.territories[at] as Row) : undefined;
      if (row && row.lastModified !== c.lastModified) return { territoryId, status: 'conflict', code: 'STALE', ...say('mem.territory-changed', { id: territoryId }) };
      if (!row && c.lastModified !== undefined && valid) return { territoryId, status: 'conflict', code: 'STALE', ...say('mem.territory-deleted', { id: territoryId }) };
      if (!valid) {
        if (at >= 0) store.territories.splice(at, 1);
        return { territoryId, status: 'saved' };
      }
      const lastModified = stamp();
      const next = structuredClone({ ...valid, lastModified });
      if (at >= 0) store.territories[at] = next;
      else store.territories.push(next);
      return { territoryId, status: 'saved', lastModified };
    });
    onProgress?.({ done: changes.length, total: changes.length });
    return out;
  }

  return {
    id,
    capabilities: async (): Promise<Capabilities> => ({ canWrite, canWriteLocks, canWriteTerritories, canWriteQuotas: quotaStore.canWrite, system: 'memory', maxBatchSize }),
    load,
    // One save at a time, bounded by saveDeadlineMs, outcomes checked — as every adapter.
    save: guardSave(save, resolveDeadlines(options, 'createMemoryAdapter')),
    saveLocks,
    saveTerritories: guardTerritorySave(saveTerritories, resolveDeadlines(options, 'createMemoryAdapter')),
    saveQuotas: guardQuotaSave(async (changes: readonly QuotaChange[], { signal, onProgress }: SaveOptions = {}): Promise<QuotaSaveOutcome[]> => {
      if (!signal?.aborted) await request(signal).catch(() => undefined);
      const out = quotaStore.save(changes, signal);
      onProgress?.({ done: changes.length, total: changes.length });
      return out;
    }, resolveDeadlines(options, 'createMemoryAdapter')),
    touchQuota: (repId, period, amount) => quotaStore.touch(repId, period, amount),
    quotas: () => quotaStore.list(),
    snapshot: () => structuredClone(store) as MemorySnapshot,
    touch(accountId, patch = {}) {
      const at = accountAt.get(accountId);
      if (at === undefined) throw new Error(`memory adapter: no account "${accountId}" to touch`);
      if ('id' in patch) throw new Error(`memory adapter: touch cannot change the id of account "${accountId}"`);
      Object.assign(store.accounts[at] as Row, structuredClone(patch), { lastModified: stamp() });
    },
    touchTerritory(territoryId, patch = {}) {
      const row = store.territories.find((r) => isRow(r) && r.id === territoryId);
      if (!isRow(row)) throw new Error(`memory adapter: no territory "${territoryId}" to touch`);
      Object.assign(row, structuredClone(patch), { id: territoryId, lastModified: stamp() });
    },
  };
}
