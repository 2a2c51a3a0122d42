import type { QuotaChange, QuotaSaveOutcome } from '../crm-adapter.js';
import type { QuotaEntry } from '../../model/quota.js';
import { checkQuotaChanges, decideQuota, parseQuotaRow, quotaConflict, quotaSaid } from '../shared/quota-changes.js';
import { say } from '../texts/adapter.js';
import type { LoadNotice } from '../crm-adapter.js';

type Row = Record<string, unknown>;
const isRow = (v: unknown): v is Row => v !== null && typeof v === 'object' && !Array.isArray(v);
const keyOf = (repId: string, period: string) => `${period}\u0000${repId}`;

/** The memory adapter's quota store (see createMemoryAdapter's `quotas` option). */
export interface MemoryQuotas {
  readonly canWrite: boolean;
  /** `{ quotas }` for the load result (valid rows; malformed ones are left out and named in `notices`). */
  load(): { quotas: QuotaEntry[]; notices?: LoadNotice[] };
  save(changes: readonly QuotaChange[], signal?: AbortSignal): QuotaSaveOutcome[];
  touch(repId: string, period: string, amount: number | null): void;
  list(): { repId: string; period: string; amount: number }[];
}

/**
 * Quotas kept in memory, written with the rules every adapter applies, per change and in order:
 * `failed READ_ONLY` → `failed INVALID_CHANGE` / `DUPLICATE_CHANGE` (malformed; the message names rep,
 * period and field) → `failed INVALID_OWNER` (no such rep) → `saved` without writing (the store holds
 * `to` already) → `conflict STALE` (the store holds something other than `from`) → `saved` (set, or
 * removed for `to: null`). Aborted: `failed ABORTED`.
 *
 * @example
 * const q = createMemoryQuotas([{ repId: 'r1', period: '2027-01-01', amount: 400 }], () => reps, true);
 * q.save([{ repId: 'r1', period: '2027-01-01', from: 400, to: 500 }]); // → [{ …, status: 'saved' }]
 */
export function createMemoryQuotas(rows: readonly unknown[], reps: () => readonly unknown[], canWrite: boolean): MemoryQuotas {
  const held = new Map<string, { repId: string; period: string; amount: number }>();
  const bad: LoadNotice[] = [];
  rows.forEach((row, i) => {
    const parsed = parseQuotaRow(row);
    if ('entry' in parsed) held.set(keyOf(parsed.entry.repId, parsed.entry.period), parsed.entry);
    else bad.push({ code: 'INVALID_QUOTA', field: parsed.field, ...(isRow(row) && typeof row.repId === 'string' ? say('notice.invalid-quota-rep', { index: i, rep: row.repId, field: parsed.field, reason: parsed.why }) : say('notice.invalid-quota', { index: i, field: parsed.field, reason: parsed.why })) });
  });
  const repRow = (id: string) => reps().find((r) => isRow(r) && r.id === id) as Row | undefined;
  const nameOf = (id: string) => {
    const name = repRow(id)?.name;
    return typeof name === 'string' ? name : null;
  };
  const list = () => [...held.values()].map((q) => ({ ...q })).sort((a, b) => (keyOf(a.repId, a.period) < keyOf(b.repId, b.period) ? -1 : 1));
  return {
    canWrite,
    load: () => ({ quotas: list(), ...(bad.length ? { notices: bad.map((n) => ({ ...n })) } : {}) }),
    list,
    touch(repId, period, amount) {
      if (amount === null) held.delete(keyOf(repId, period));
      else held.set(keyOf(repId, period), { repId, period, amount });
    },
    save(changes, signal) {
      const { outcomes, work } = checkQuotaChanges(changes, nameOf);
      for (const { index, change } of work) {
        const label = quotaSaid(change.repId, change.period, nameOf(change.repId));
        const base = { repId: change.repId, period: change.period };
        if (signal?.aborted) outcomes[index] = { ...base, status: 'failed', code: 'ABORTED', ...say('quota.aborted', { label }) };
        else if (!canWrite) outcomes[index] = { ...base, status: 'failed', code: 'READ_ONLY', ...say('quota.read-only', { label }) };
        else if (!repRow(change.repId)) outcomes[index] = { ...base, status: 'failed', code: 'INVALID_OWNER', ...say('quota.no-rep', { label, id: String(JSON.stringify(change.repId)) }) };
        else {
          const current = held.get(keyOf(change.repId, change.period))?.amount ?? null;
          const decision = decideQuota(current, change);
          if (decision === 'conflict') outcomes[index] = { ...base, status: 'conflict', code: 'STALE', ...quotaConflict(label, current, change.from) };
          else {
            if (decision === 'write') this.touch(change.repId, change.period, change.to);
            outcomes[index] = { ...base, status: 'saved', ...(decision === 'noop' ? say('mem.quota-held') : {}) };
          }
        }
      }
      return outcomes as QuotaSaveOutcome[];
    },
  };
}
