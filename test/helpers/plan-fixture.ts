// Small hand-made data sets and an in-test CrmAdapter for store and widget tests (Node and browser).
import type { Account, Rep, Territory } from '../../src/model/index.js';
import type { Rejection } from '../../src/model/validate-batch.js';
import type {
  Capabilities,
  Change,
  CrmAdapter,
  LoadOptions,
  LoadResult,
  SaveOptions,
  SaveOutcome,
} from '../../src/adapters/crm-adapter.js';

export function account(id: string, ownerId: string | null, extra: Partial<Account> = {}): Account {
  return { id, name: `Account ${id}`, lat: 40, lng: -100, potential: 100, workload: 1, ownerId, ...extra };
}

export function rep(id: string, name: string, extra: Partial<Rep> = {}): Rep {
  return { id, name, capacity: 1, skills: [], active: true, ...extra };
}

/** Two reps (Ana Ruiz r1 with 3 accounts, Ben Cole r2 with 1) and one unassigned account. */
export function smallLoad(): LoadResult {
  const accounts = [
    account('a1', 'r1', { potential: 400, workload: 3, industry: 'Retail', performance: { pipeline: 50, pipelinePrevious: 40, closedWon: 300, winRate: 0.5, lastActivity: null } }),
    account('a2', 'r1', { potential: 200, workload: 2, performance: { pipeline: 10, closedWon: 100, winRate: 0.25, lastActivity: '2026-11-01T00:00:00Z' } }),
    account('a3', 'r1', { potential: 100, workload: 1 }),
    account('a4', 'r2', { potential: 300, workload: 2, performance: { pipeline: 80, pipelinePrevious: 100, closedWon: 50, winRate: 0.1, lastActivity: null } }),
    account('a5', null, { potential: 0, workload: 0 }),
  ];
  const reps = [rep('r1', 'Ana Ruiz', { quota: 500 }), rep('r2', 'Ben Cole', { quota: 400 })];
  const territories: Territory[] = [
    { id: 't1', name: 'West', repIds: ['r1'], priority: 0, definition: {} },
    { id: 't2', name: 'East', repIds: ['r2'], priority: 0, definition: {} },
  ];
  const rejected: Rejection[] = [
    { kind: 'account', index: 9, id: 'bad1', field: 'lat', reason: 'expected number, got the string "x"', problems: [{ field: 'lat', reason: 'expected number, got the string "x"' }] },
  ];
  return { accounts, reps, territories, rejected };
}

export interface TestAdapter extends CrmAdapter {
  /** Every batch passed to save. */
  saves: Change[][];
  /** Account ids whose next save fails (`UNABLE_TO_LOCK_ROW`) or conflicts. */
  failIds: Set<string>;
  conflictIds: Set<string>;
  /** Replace what the next load returns. */
  data: LoadResult;
  loadError: Error | null;
  loads: number;
}

/**
 * A CrmAdapter over in-test data. `save` writes owners into `data` (so a later load sees them) and
 * reports conflicts when the stored owner is not the change's `from`.
 */
export function testAdapter(id = 'test:1', data: LoadResult = smallLoad(), caps: Partial<Capabilities> = {}): TestAdapter {
  const adapter: TestAdapter = {
    id,
    saves: [],
    failIds: new Set(),
    conflictIds: new Set(),
    data,
    loadError: null,
    loads: 0,
    async capabilities() {
      return { canWrite: true, system: 'test', ...caps };
    },
    async load(options?: LoadOptions) {
      adapter.loads++;
      options?.onProgress?.({ loaded: 0, total: adapter.data.accounts.length, phase: 'accounts' });
      await new Promise((r) => setTimeout(r, 0));
      if (adapter.loadError) throw adapter.loadError;
      options?.onProgress?.({ loaded: adapter.data.accounts.length, total: adapter.data.accounts.length, phase: 'accounts' });
      return structuredClone(adapter.data);
    },
    async save(changes: readonly Change[], _options?: SaveOptions): Promise<SaveOutcome[]> {
      adapter.saves.push(changes.map((c) => ({ ...c })));
      await new Promise((r) => setTimeout(r, 0));
      return changes.map((c) => {
        const acc = adapter.data.accounts.find((a) => a.id === c.accountId);
        if (adapter.failIds.has(c.accountId)) return { accountId: c.accountId, status: 'failed', code: 'UNABLE_TO_LOCK_ROW', message: 'row locked' };
        if (!acc || adapter.conflictIds.has(c.accountId) || acc.ownerId !== c.from) {
          return { accountId: c.accountId, status: 'conflict', code: 'STALE', message: 'owner changed in the CRM' };
        }
        acc.ownerId = c.to;
        return { accountId: c.accountId, status: 'saved' };
      });
    },
  };
  return adapter;
}
