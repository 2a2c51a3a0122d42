import type { QuotaChange, QuotaSaveOutcome, SaveOptions } from '../crm-adapter.js';
import { chunk, retry } from '../shared/retry.js';
import { deadlineSignal, RELOAD_ADVICE, UNKNOWN_OUTCOME } from '../shared/deadline.js';
import { checkQuotaChanges, decideQuota, quotaConflictMessage, quotaLabel } from '../shared/quota-changes.js';
import type { HttpResult } from '../shared/http.js';
import type { HubSpotClient } from './client.js';
import type { ResolvedOptions } from './options.js';
import { describeError, readBatch } from './wire.js';
import { GOAL_TARGETS, goalKey, readGoalTargets, type GoalTarget } from './goals.js';

/** What the adapter keeps about goal targets between load and save. */
export interface GoalState {
  /** Rep names from the last load, for outcome messages. */
  names: Map<string, string>;
  /** Set when HubSpot refused a goal write for lack of scope: `canWriteQuotas` turns false. */
  writeRefused?: { code: string; message: string };
}

const FIELD = 'hs_target_amount';

interface Entry {
  index: number;
  change: QuotaChange;
  target: GoalTarget;
  label: string;
}

/**
 * Writes quota changes to HubSpot goal targets (date-versioned API 2026-03) of the goal `goals.name`:
 * re-reads the goal's targets, then per change: `saved` without writing when HubSpot holds `to`;
 * `conflict` (`STALE`) when it holds another amount than was loaded; else updates the target's
 * `hs_target_amount` with batch/update (≤ `batchSize` per request). It does not create or delete goal
 * targets (they belong to a goal and target group made in HubSpot): a rep without a target for the
 * period fails `NO_GOAL_TARGET`, a removal `NOT_SUPPORTED`, both naming the rep, period and field.
 * 429 waits and retries; a lost answer (network, 5xx, abort) is re-read and reported saved only if
 * HubSpot holds the new amount. A 403 fails the rest `MISSING_SCOPES` and marks the state refused.
 *
 * @example
 * await saveQuotasHubSpot(client, opts, state, [{ repId: '101', period: '2027-01-01', from: 90000, to: 120000 }]);
 */
export async function saveQuotasHubSpot(client: HubSpotClient, opts: ResolvedOptions, state: GoalState, changes: readonly QuotaChange[], options: SaveOptions = {}): Promise<QuotaSaveOutcome[]> {
  const { signal } = options;
  const nameOf = (id: string) => state.names.get(id);
  const { outcomes, work } = checkQuotaChanges(changes, nameOf);
  const settle = (index: number, c: QuotaChange, status: QuotaSaveOutcome['status'], code?: string, message?: string) => {
    outcomes[index] = { repId: c.repId, period: c.period, status, ...(code ? { code } : {}), ...(message ? { message } : {}) };
  };
  const labelOf = (c: QuotaChange) => quotaLabel(c.repId, c.period, nameOf(c.repId));
  const goal = opts.goals;
  const finish = () => outcomes.map((o, i) => o ?? { repId: changes[i]?.repId ?? '', period: changes[i]?.period ?? '', status: 'failed' as const, code: UNKNOWN_OUTCOME, message: `no outcome recorded; ${RELOAD_ADVICE}` });

  if (!goal?.write || opts.canWrite === false) {
    for (const { index, change } of work) settle(index, change, 'failed', 'READ_ONLY', `${labelOf(change)}: this adapter does not write HubSpot goal targets (option goals.write)`);
    return finish();
  }
  if (state.writeRefused) {
    for (const { index, change } of work) settle(index, change, 'failed', state.writeRefused.code, `${labelOf(change)}: field ${FIELD}: not written: ${state.writeRefused.message}`);
    return finish();
  }
  const pending = work.filter(({ index, change }) => {
    if (change.to !== null) return true;
    settle(index, change, 'failed', 'NOT_SUPPORTED', `${labelOf(change)}: field ${FIELD}: territory-kit does not delete HubSpot goal targets; set an amount, or remove the target in HubSpot`);
    return false;
  });
  if (pending.length === 0) return finish();

  // 1. What HubSpot holds now.
  const now = await readGoalTargets(client, opts, signal);
  if (!now.ok) {
    if (now.status === 403) state.writeRefused = { code: 'MISSING_SCOPES', message: `HubSpot refused to read goal targets (scope crm.objects.goals.read): ${now.message}` };
    for (const { index, change } of pending) settle(index, change, 'failed', now.code, `${labelOf(change)}: not written: reading the goal "${goal.name}" failed: ${now.message}`);
    return finish();
  }
  const toWrite: Entry[] = [];
  for (const { index, change } of pending) {
    const target = now.targets.get(goalKey(change.repId, change.period));
    const label = labelOf(change);
    const decision = decideQuota(target?.amount ?? null, change);
    if (decision === 'noop') settle(index, change, 'saved');
    else if (decision === 'conflict') settle(index, change, 'conflict', 'STALE', quotaConflictMessage(label, target?.amount ?? null, change.from));
    else if (!target) settle(index, change, 'failed', 'NO_GOAL_TARGET', `${label}: field hs_goal_target_group_id: HubSpot has no target of the goal "${goal.name}" for this rep and period; add the rep's target to the goal in HubSpot (territory-kit updates targets, it does not create them)`);
    else toWrite.push({ index, change, target, label });
  }

  // 2. Updates, a batch at a time.
  let stop: { code: string; message: string } | undefined;
  for (const batch of chunk(toWrite, opts.batchSize)) {
    if (stop || signal?.aborted) {
      const why = stop ?? { code: 'ABORTED', message: 'the save was aborted' };
      for (const e of batch) settle(e.index, e.change, 'failed', why.code, `${e.label}: field ${FIELD}: not written: ${why.message}`);
      continue;
    }
    stop = await writeBatch(client, opts, batch, settle, signal);
    if (stop?.code === 'MISSING_SCOPES') state.writeRefused = stop;
  }
  options.onProgress?.({ done: changes.length, total: changes.length });
  return finish();
}

type Settle = (index: number, c: QuotaChange, status: QuotaSaveOutcome['status'], code?: string, message?: string) => void;

function describe(result: Exclude<HttpResult, { kind: 'ok' }>): { code: string; message: string } {
  if (result.kind === 'aborted') return { code: 'ABORTED', message: 'the save was aborted' };
  if (result.kind === 'network') return { code: 'NETWORK', message: result.message };
  const { code, message } = describeError(result.status, result.body);
  if (result.status === 403) return { code: 'MISSING_SCOPES', message: `HTTP 403: ${message} (the app needs the scope crm.objects.goals.write, and a proxy must forward goal writes)` };
  return { code: result.status === 429 ? 'RATE_LIMITED' : code, message: `HTTP ${result.status}: ${message}` };
}

/** One batch/update: settles every entry; returns a reason to stop the save (403). */
async function writeBatch(client: HubSpotClient, opts: ResolvedOptions, batch: Entry[], settle: Settle, signal?: AbortSignal): Promise<{ code: string; message: string } | undefined> {
  let answer: HttpResult | undefined;
  try {
    const run = await retry<HttpResult>(async () => {
      const result = await client.once({
        method: 'POST',
        path: `${GOAL_TARGETS}/batch/update`,
        body: { inputs: batch.map((e) => ({ id: e.target.id, properties: { [FIELD]: String(e.change.to) } })) },
        ...(signal ? { signal } : {}),
      });
      if (result.kind === 'http' && result.status === 429) return { done: false, value: result, ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}) };
      return { done: true, value: result };
    }, { ...opts.retry, ...(signal ? { signal } : {}) });
    answer = run.value;
  } catch {
    answer = { kind: 'aborted', message: 'aborted' };
  }
  if (answer.kind === 'ok') {
    const { results, errors } = readBatch(answer.body);
    const byId = new Map(batch.map((e) => [e.target.id, e]));
    for (const r of results) {
      const e = byId.get(r.id);
      if (!e) continue;
      e.target.amount = e.change.to!;
      settle(e.index, e.change, 'saved');
      byId.delete(r.id);
    }
    for (const error of errors) {
      for (const id of error.context?.ids ?? []) {
        const e = byId.get(String(id));
        if (!e) continue;
        settle(e.index, e.change, 'failed', error.category ?? 'ERROR', `${e.label}: field ${FIELD}: ${error.message ?? 'HubSpot refused the amount'}`);
        byId.delete(String(id));
      }
    }
    if (byId.size > 0) await reconcile(client, opts, [...byId.values()], settle, { code: UNKNOWN_OUTCOME, message: 'HubSpot did not report on this target' });
    return undefined;
  }
  const why = describe(answer);
  const ambiguous = answer.kind === 'network' || answer.kind === 'aborted' || answer.status >= 500 || answer.status === 408;
  if (ambiguous) {
    await reconcile(client, opts, batch, settle, why);
    return answer.kind === 'aborted' ? why : undefined;
  }
  for (const e of batch) settle(e.index, e.change, 'failed', why.code, `${e.label}: field ${FIELD}: not written: ${why.message}`);
  return answer.kind === 'http' && answer.status === 403 ? why : undefined;
}

/** After a lost answer: re-read (own bounded signal) and report saved only what HubSpot holds. */
async function reconcile(client: HubSpotClient, opts: ResolvedOptions, entries: Entry[], settle: Settle, why: { code: string; message: string }): Promise<void> {
  const check = deadlineSignal(opts.requestTimeoutMs, undefined, 'the check after a lost answer');
  const state = await readGoalTargets(client, { ...opts, retry: { ...opts.retry, retries: 1 } }, check.signal).finally(check.dispose);
  for (const e of entries) {
    const cur = state.ok ? state.targets.get(goalKey(e.change.repId, e.change.period)) : undefined;
    if (!state.ok) settle(e.index, e.change, 'failed', UNKNOWN_OUTCOME, `${e.label}: ${why.message}; the amount may or may not be in HubSpot — ${RELOAD_ADVICE}`);
    else if (cur?.amount === e.change.to) {
      e.target.amount = e.change.to!;
      settle(e.index, e.change, 'saved');
    } else if (cur?.amount === e.change.from) settle(e.index, e.change, 'failed', why.code, `${e.label}: field ${FIELD}: not written: ${why.message}`);
    else settle(e.index, e.change, 'conflict', 'CHANGED_DURING_SAVE', quotaConflictMessage(e.label, cur?.amount ?? null, e.change.from));
  }
}
