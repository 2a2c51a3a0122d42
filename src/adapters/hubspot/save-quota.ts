import type { QuotaChange, QuotaSaveOutcome, Said, SaveOptions } from '../crm-adapter.js';
import { chunk, retry } from '../shared/retry.js';
import { deadlineSignal, UNKNOWN_OUTCOME } from '../shared/deadline.js';
import { checkQuotaChanges, decideQuota, quotaConflict, quotaSaid } from '../shared/quota-changes.js';
import { say } from '../texts/adapter.js';
import { sayGuard } from '../texts/guard.js';
import { asSaid, carried, wordsOf, type Failure, type Words } from '../texts/said.js';
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
  writeRefused?: Failure;
}

const FIELD = 'hs_target_amount';

interface Entry {
  index: number;
  change: QuotaChange;
  target: GoalTarget;
  label: Said;
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
  const settle = (index: number, c: QuotaChange, status: QuotaSaveOutcome['status'], code?: string, message?: string | Words) => {
    outcomes[index] = { repId: c.repId, period: c.period, status, ...(code ? { code } : {}), ...(message ? wordsOf(message) : {}) };
  };
  const labelOf = (c: QuotaChange) => quotaSaid(c.repId, c.period, nameOf(c.repId));
  const goal = opts.goals;
  const finish = () => outcomes.map((o, i) => o ?? { repId: changes[i]?.repId ?? '', period: changes[i]?.period ?? '', status: 'failed' as const, code: UNKNOWN_OUTCOME, ...say('save.no-outcome') });

  if (!goal?.write || opts.canWrite === false) {
    for (const { index, change } of work) settle(index, change, 'failed', 'READ_ONLY', say('quota.hubspot-no-write', { label: labelOf(change) }));
    return finish();
  }
  if (state.writeRefused) {
    for (const { index, change } of work) settle(index, change, 'failed', state.writeRefused.code, say('quota.field', { label: labelOf(change), field: FIELD, why: sayGuard('guard.not-written', { why: asSaid(state.writeRefused) }) }));
    return finish();
  }
  const pending = work.filter(({ index, change }) => {
    if (change.to !== null) return true;
    settle(index, change, 'failed', 'NOT_SUPPORTED', say('quota.field', { label: labelOf(change), field: FIELD, why: say('quota.hubspot-no-delete') }));
    return false;
  });
  if (pending.length === 0) return finish();

  // 1. What HubSpot holds now.
  const now = await readGoalTargets(client, opts, signal);
  if (!now.ok) {
    if (now.status === 403) state.writeRefused = { code: 'MISSING_SCOPES', ...say('quota.hubspot-read-refused', { detail: asSaid(now) }) };
    for (const { index, change } of pending) settle(index, change, 'failed', now.code, say('quota.hubspot-goal-read-failed', { label: labelOf(change), goal: goal.name, detail: asSaid(now) }));
    return finish();
  }
  const toWrite: Entry[] = [];
  for (const { index, change } of pending) {
    const target = now.targets.get(goalKey(change.repId, change.period));
    const label = labelOf(change);
    const decision = decideQuota(target?.amount ?? null, change);
    if (decision === 'noop') settle(index, change, 'saved');
    else if (decision === 'conflict') settle(index, change, 'conflict', 'STALE', quotaConflict(label, target?.amount ?? null, change.from));
    else if (!target) settle(index, change, 'failed', 'NO_GOAL_TARGET', say('quota.field', { label, field: 'hs_goal_target_group_id', why: say('quota.hubspot-no-target', { goal: goal.name }) }));
    else toWrite.push({ index, change, target, label });
  }

  // 2. Updates, a batch at a time.
  let stop: Failure | undefined;
  for (const batch of chunk(toWrite, opts.batchSize)) {
    if (stop || signal?.aborted) {
      const why: Failure = stop ?? { code: 'ABORTED', ...sayGuard('guard.save-aborted') };
      for (const e of batch) settle(e.index, e.change, 'failed', why.code, notWritten(e, why));
      continue;
    }
    stop = await writeBatch(client, opts, batch, settle, signal);
    if (stop?.code === 'MISSING_SCOPES') state.writeRefused = stop;
  }
  options.onProgress?.({ done: changes.length, total: changes.length });
  return finish();
}

type Settle = (index: number, c: QuotaChange, status: QuotaSaveOutcome['status'], code?: string, message?: string | Words) => void;

/** "<quota>: field hs_target_amount: not written: <why>". */
const notWritten = (e: Entry, why: Failure) => say('quota.field', { label: e.label, field: FIELD, why: sayGuard('guard.not-written', { why: asSaid(why) }) });

function describe(result: Exclude<HttpResult, { kind: 'ok' }>): Failure {
  if (result.kind === 'aborted') return { code: 'ABORTED', ...sayGuard('guard.save-aborted') };
  if (result.kind === 'network') return { code: 'NETWORK', ...carried(result) };
  const { code, message } = describeError(result.status, result.body);
  if (result.status === 403) return { code: 'MISSING_SCOPES', ...say('quota.hubspot-write-refused', { detail: message }) };
  return { code: result.status === 429 ? 'RATE_LIMITED' : code, ...say('net.http', { status: result.status, detail: message }) };
}

/** One batch/update: settles every entry; returns a reason to stop the save (403). */
async function writeBatch(client: HubSpotClient, opts: ResolvedOptions, batch: Entry[], settle: Settle, signal?: AbortSignal): Promise<Failure | undefined> {
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
        settle(e.index, e.change, 'failed', error.category ?? 'ERROR', say('quota.field', { label: e.label, field: FIELD, why: error.message ?? say('quota.hubspot-refused-amount') }));
        byId.delete(String(id));
      }
    }
    if (byId.size > 0) await reconcile(client, opts, [...byId.values()], settle, { code: UNKNOWN_OUTCOME, ...say('save.hubspot-no-report-target') });
    return undefined;
  }
  const why = describe(answer);
  const ambiguous = answer.kind === 'network' || answer.kind === 'aborted' || answer.status >= 500 || answer.status === 408;
  if (ambiguous) {
    await reconcile(client, opts, batch, settle, why);
    return answer.kind === 'aborted' ? why : undefined;
  }
  for (const e of batch) settle(e.index, e.change, 'failed', why.code, notWritten(e, why));
  return answer.kind === 'http' && answer.status === 403 ? why : undefined;
}

/** After a lost answer: re-read (own bounded signal) and report saved only what HubSpot holds. */
async function reconcile(client: HubSpotClient, opts: ResolvedOptions, entries: Entry[], settle: Settle, why: Failure): Promise<void> {
  const check = deadlineSignal(opts.requestTimeoutMs, undefined, sayGuard('guard.what-check-after-lost'));
  const state = await readGoalTargets(client, { ...opts, retry: { ...opts.retry, retries: 1 } }, check.signal).finally(check.dispose);
  for (const e of entries) {
    const cur = state.ok ? state.targets.get(goalKey(e.change.repId, e.change.period)) : undefined;
    if (!state.ok) settle(e.index, e.change, 'failed', UNKNOWN_OUTCOME, say('quota.hubspot-maybe', { label: e.label, why: asSaid(why) }));
    else if (cur?.amount === e.change.to) {
      e.target.amount = e.change.to!;
      settle(e.index, e.change, 'saved');
    } else if (cur?.amount === e.change.from) settle(e.index, e.change, 'failed', why.code, notWritten(e, why));
    else settle(e.index, e.change, 'conflict', 'CHANGED_DURING_SAVE', quotaConflict(e.label, cur?.amount ?? null, e.change.from));
  }
}
