import { CrmLoadError, type LoadNotice, type LoadOptions, type LoadResult } from '../crm-adapter.js';
import { validateBatch, type Rejection } from '../../model/validate-batch.js';
import { ruleOfIssue } from '../../model/format-rejection.js';
import type { AccountPerformance } from '../../model/account.js';
import type { Opportunity } from '../../model/opportunity.js';
import { queryAll, queryByIds, readWithRetry } from './call.js';
import { bool, fieldValue, isoDate, num, str } from './coerce.js';
import { classify, fieldOf, toSalesforceError } from './errors.js';
import { say } from '../texts/adapter.js';
import { asSaid } from '../texts/said.js';
import type { ResolvedOptions } from './options.js';
import {
  accountsQuery, activeUsersQuery, modelQuery, objectTerritoriesQuery, opportunitiesQuery, territoriesQuery,
  userTerritoriesQuery, usersByIdQuery,
} from './queries.js';
import type { SfRecord } from './types.js';
import { buildRoster, type Roster } from './roster.js';
import { ownersAtClose } from './owner-history.js';

/** What `load` found beyond the records themselves. */
export interface SalesforceLoadReport {
  /** Accounts kept with lat/lng null because Salesforce has no coordinates for them. */
  withoutCoordinates: string[];
  /** territory2 mode: accounts in more than one territory of the model (the first by id is used). */
  multipleTerritories: string[];
  /** Whether the accounts came through a Bulk API 2.0 query. */
  bulk: boolean;
  /**
   * Set when opportunity figures could not be read (no access to Opportunity, or to a field of it
   * such as `Opportunity.Amount`): accounts load without `performance`. `field` names the field the
   * user cannot read, when Salesforce said; `message` is a notice to show the user.
   */
  performanceSkipped?: LoadNotice;
  /**
   * Set when the `lockField` could not be read (it does not exist or field-level security hides it):
   * accounts load without lock flags from the CRM. `field` is `Account.<lockField>`.
   */
  lockFieldSkipped?: LoadNotice & { field: string };
  /**
   * Set when closed opportunities could not be credited to their owner at close (OpportunityFieldHistory
   * unreadable, or Opportunity Owner not tracked): they are credited to their current owner instead.
   * Topic `owner-history-unavailable`.
   */
  ownerHistorySkipped?: LoadNotice;
  /** territory2 mode: the model loaded. */
  territoryModel?: { id: string; name: string; state: string };
}

export interface SalesforceLoadResult extends LoadResult {
  report: SalesforceLoadReport;
}

/** What a load tells the adapter beyond its result. */
export interface LoadState {
  roster?: Roster;
}

/** The loaded state of each account, kept for conflict detection at save time. */
export type Baseline = Map<string, { stamp: string | null }>;

function performanceOf(opps: SfRecord[], lastActivity: Map<string, string | null>): Map<string, AccountPerformance> {
  const acc = new Map<string, { pipeline: number; closedWon: number; won: number; closed: number }>();
  for (const o of opps) {
    const id = str(o.AccountId);
    if (!id) continue;
    const a = acc.get(id) ?? { pipeline: 0, closedWon: 0, won: 0, closed: 0 };
    const amount = Number(num(o.Amount) ?? 0);
    const amt = Number.isFinite(amount) && amount > 0 ? amount : 0;
    if (bool(o.IsClosed) === true) {
      a.closed++;
      if (bool(o.IsWon) === true) { a.won++; a.closedWon += amt; }
    } else a.pipeline += amt;
    acc.set(id, a);
  }
  const out = new Map<string, AccountPerformance>();
  for (const [id, a] of acc) {
    out.set(id, { pipeline: a.pipeline, closedWon: a.closedWon, winRate: a.closed ? a.won / a.closed : null, lastActivity: lastActivity.get(id) ?? null });
  }
  return out;
}

/**
 * Loads accounts, reps (and territories in territory2 mode) through the transport, validating
 * every record. Throws CrmLoadError when it cannot load at all.
 */
export async function loadSalesforce(o: ResolvedOptions, options: LoadOptions, baseline: Baseline, state: LoadState = {}): Promise<SalesforceLoadResult> {
  try {
    return await loadInner(o, options, baseline, state);
  } catch (e) {
    if (e instanceof CrmLoadError) throw e;
    if (options.signal?.aborted) throw new CrmLoadError('ABORTED', say('load.salesforce-aborted'), { cause: e });
    const err = toSalesforceError(e);
    throw new CrmLoadError(err.code, say('load.salesforce-failed', { detail: asSaid(err) }), { cause: e });
  }
}

async function loadInner(o: ResolvedOptions, { signal, onProgress }: LoadOptions, baseline: Baseline, state: LoadState): Promise<SalesforceLoadResult> {
  const t = o.transport;
  const ctx = { retry: o.retry, signal, timeoutMs: o.requestTimeoutMs };
  const f = o.fields;
  const report: SalesforceLoadReport = { withoutCoordinates: [], multipleTerritories: [], bulk: false };

  // Accounts: COUNT() first, then paged REST or one Bulk 2.0 job.
  const aq = accountsQuery(o);
  const total = await readWithRetry(t, (s) => t.count(aq, s), { ...o.retry, signal, timeoutMs: o.requestTimeoutMs });
  onProgress?.({ phase: 'accounts', loaded: 0, total });
  const readAccounts = async (q: typeof aq): Promise<SfRecord[]> => {
    if (total > o.bulkThreshold && t.bulkQuery) {
      report.bulk = true;
      const bulkRows = await readWithRetry(t, (s) => t.bulkQuery!(q, { ...(s ? { signal: s } : {}), onRows: (loaded) => onProgress?.({ phase: 'accounts', loaded, total }) }), { ...o.retry, signal });
      onProgress?.({ phase: 'accounts', loaded: bulkRows.length, total });
      return bulkRows;
    }
    return queryAll(t, q, { ...ctx, onPage: (loaded) => onProgress?.({ phase: 'accounts', loaded, total }) });
  };
  let rows: SfRecord[];
  let lockField = o.lockField;
  try {
    rows = await readAccounts(aq);
  } catch (e) {
    // The lock field does not exist or field-level security hides it: load without lock flags and say so.
    const err = toSalesforceError(e);
    const field = lockField ? `Account.${lockField}` : undefined;
    if (!field || signal?.aborted || classify(err) !== 'fatal' || fieldOf(err)?.toLowerCase() !== field.toLowerCase()) throw e;
    report.lockFieldSkipped = { code: err.code, field, topic: 'lock-field-unreadable', detail: err.message, ...say('notice.lock-field-unreadable', { field, detail: err.message }) };
    lockField = null;
    rows = await readAccounts(accountsQuery(o, false));
  }

  // territory2: model, territories, user and account associations.
  let territoryRows: SfRecord[] = [];
  const territoryOf = new Map<string, string>();
  const repsOf = new Map<string, string[]>();
  let roster: Roster | null = null;
  // owner mode: Account.OwnerId; territory2 mode: the owner of the account's territory
  const ownerOf = (r: SfRecord): string | null => {
    if (!roster) return str(r.OwnerId);
    const tid = territoryOf.get(String(r.Id));
    return tid ? roster.ownerOf.get(tid) ?? null : null;
  };
  if (o.mode === 'territory2') {
    const models = await queryAll(t, modelQuery(o), ctx);
    const model = models[0];
    if (!model) throw new CrmLoadError('NO_TERRITORY_MODEL', o.territoryModel === 'active' ? say('load.no-active-model') : say('load.model-not-found', { id: JSON.stringify((o.territoryModel as { id: string }).id) }));
    const modelId = String(model.Id);
    report.territoryModel = { id: modelId, name: String(model.Name ?? ''), state: String(model.State ?? '') };
    territoryRows = await queryAll(t, territoriesQuery(modelId), { ...ctx, onPage: (loaded) => onProgress?.({ phase: 'territories', loaded }) });
    const userAssoc = await queryAll(t, userTerritoriesQuery(modelId), ctx);
    for (const u of userAssoc) {
      const role = str(u.RoleInTerritory2);
      if (o.roles && !o.roles.includes(role ?? '')) continue;
      const tid = String(u.Territory2Id);
      repsOf.set(tid, [...(repsOf.get(tid) ?? []), String(u.UserId)]);
    }
    roster = buildRoster(userAssoc, o.roles);
    const assoc = await queryAll(t, objectTerritoriesQuery(modelId), { ...ctx, onPage: (loaded) => onProgress?.({ phase: 'assignments', loaded }) });
    const multiple = new Set<string>();
    for (const a of assoc) {
      const aid = String(a.ObjectId);
      if (territoryOf.has(aid)) multiple.add(aid);
      else territoryOf.set(aid, String(a.Territory2Id));
    }
    report.multipleTerritories = [...multiple];
  }

  // Reps: active standard users, plus any inactive owner the accounts or territories still point at.
  const users = await queryAll(t, activeUsersQuery(o), { ...ctx, onPage: (loaded) => onProgress?.({ phase: 'reps', loaded }) });
  const known = new Set(users.map((u) => String(u.Id)));
  const referenced = [...rows.map(ownerOf), ...[...repsOf.values()].flat()];
  const missing = [...new Set(referenced.filter((id): id is string => id !== null && !known.has(id)))];
  if (missing.length) users.push(...(await queryByIds(t, missing, (ids) => usersByIdQuery(o, ids), ctx)));

  // Performance from opportunities.
  let perf = new Map<string, AccountPerformance>();
  let withPerformance = o.performance;
  let earned: { valid: Opportunity[]; rejected: Rejection[] } | null = null;
  if (o.performance) {
    try {
      const opps = await queryAll(t, opportunitiesQuery(o), { ...ctx, onPage: (loaded) => onProgress?.({ phase: 'performance', loaded }) });
      const lastActivity = new Map(rows.map((r) => [String(r.Id), f.lastActivity ? str(r[f.lastActivity]) : null] as const));
      perf = performanceOf(opps, lastActivity);
      // Closed deals belong to the rep who owned them at close (from the owner history, when the org keeps it).
      const history = await ownersAtClose(t, o, opps, { ...ctx, onPage: (loaded) => onProgress?.({ phase: 'performance', loaded: opps.length + loaded }) });
      if (history.notice) report.ownerHistorySkipped = history.notice;
      earned = toOpportunities(opps, history.owners);
    } catch (e) {
      // A user without access to Opportunity still gets accounts and reps; the figures are left out
      // and the reason reported. Auth failures, aborts and exhausted retries still fail the load.
      const err = toSalesforceError(e);
      if (signal?.aborted || classify(err) !== 'fatal') throw e;
      withPerformance = false;
      const field = fieldOf(err);
      report.performanceSkipped = field
        ? { code: err.code, field, topic: 'performance-field-unreadable', detail: err.message, ...say('notice.performance-field-unreadable', { field, detail: err.message }) }
        : { code: err.code, ...say('notice.performance-left-out', { why: asSaid(err) }) };
    }
  }

  // Reps who earned closed deals but own no account any more (e.g. left and deactivated): loaded too,
  // so their history stays on the board under their name.
  if (earned) {
    const have = new Set(users.map((u) => String(u.Id)));
    const earners = [...new Set(earned.valid.flatMap((d) => (d.ownerId !== null && !have.has(d.ownerId) ? [d.ownerId] : [])))];
    if (earners.length) users.push(...(await queryByIds(t, earners, (ids) => usersByIdQuery(o, ids), ctx)));
  }

  const accountsIn = rows.map((r) => {
    const id = str(r.Id) ?? '';
    const lat = num(r[f.lat]);
    const lng = num(r[f.lng]);
    // fromEntries defines own properties, so a field named like `__proto__` stays a field.
    const fields: Record<string, string | number | boolean | null> = Object.fromEntries(f.custom.map((c) => [c, fieldValue(r[c])]));
    if (roster) fields.OwnerId = str(r.OwnerId); // the record owner, which ETM never changes
    const region = f.region ? str(r[f.region]) : null;
    const lastActivity = f.lastActivity ? str(r[f.lastActivity]) : null;
    return {
      id,
      name: str(r[f.name]) ?? '',
      lat,
      lng,
      ...(f.industry ? { industry: str(r[f.industry]) } : {}),
      ...(f.employees ? { employees: num(r[f.employees]) } : {}),
      ...(f.annualRevenue ? { annualRevenue: num(r[f.annualRevenue]) } : {}),
      potential: f.potential ? (num(r[f.potential]) ?? 0) : 0,
      workload: f.workload ? (num(r[f.workload]) ?? 1) : 1,
      ownerId: ownerOf(r),
      ...(o.mode === 'territory2' ? { territoryId: territoryOf.get(id) ?? null } : {}),
      ...(region ? { regions: [region] } : {}),
      lastModified: isoDate(r.LastModifiedDate) ?? undefined,
      // The lock checkbox (true/false; Bulk CSV 'true'/'false'); anything else is rejected by the schema, naming `locked`.
      ...(lockField && r[lockField] !== null && r[lockField] !== undefined && r[lockField] !== '' ? { locked: bool(r[lockField]) } : {}),
      ...(withPerformance ? { performance: perf.get(id) ?? { pipeline: 0, closedWon: 0, winRate: null, lastActivity } } : {}),
      ...(Object.keys(fields).length ? { fields } : {}),
    };
  });
  const accounts = validateBatch('account', accountsIn, { rules: ruleOfIssue });
  for (const a of accounts.valid) if (a.lat === null) report.withoutCoordinates.push(a.id);
  baseline.clear();
  for (const r of rows) if (typeof r.Id === 'string') baseline.set(r.Id, { stamp: str(r[o.stampField]) });

  const reps = validateBatch('rep', users.map((u) => {
    const lat = o.fields.repLat ? num(u[o.fields.repLat]) : null;
    const lng = o.fields.repLng ? num(u[o.fields.repLng]) : null;
    return {
      id: str(u.Id) ?? '',
      name: str(u.Name) ?? '',
      email: str(u.Email),
      home: lat !== null && lng !== null ? { lat, lng } : null,
      active: bool(u.IsActive) === true,
    };
  }), { rules: ruleOfIssue });

  const territories = validateBatch('territory', territoryRows.map((r) => ({
    id: str(r.Id) ?? '',
    name: str(r.Name) ?? '',
    parentId: str(r.ParentTerritory2Id),
    repIds: repsOf.get(String(r.Id)) ?? [],
  })), { rules: ruleOfIssue });

  const rejected: Rejection[] = [...accounts.rejected, ...reps.rejected, ...territories.rejected, ...(earned?.rejected ?? [])];
  if (roster) state.roster = roster;
  const notices = [report.performanceSkipped, report.lockFieldSkipped].filter((n) => n !== undefined).map((n) => ({ ...n }));
  if (report.ownerHistorySkipped && withPerformance) notices.push({ ...report.ownerHistorySkipped });
  return {
    accounts: accounts.valid, reps: reps.valid, territories: territories.valid, rejected, report,
    ...(earned ? { opportunities: earned.valid } : {}),
    ...(notices.length ? { notices } : {}),
  };
}

/**
 * Opportunity rows → the model's deals: `ownerId` is the rep who earned it — for a closed one the owner
 * at close when `ownersAtClose` has it (rebuilt from OpportunityFieldHistory), else Opportunity.OwnerId;
 * `stage` from IsClosed/IsWon. Rows that do not convert are rejected naming the record and the
 * Salesforce field; the rest go through the `opportunity` schema (which names the model field).
 */
export function toOpportunities(rows: SfRecord[], ownersAtClose: ReadonlyMap<string, string> = new Map()): { valid: Opportunity[]; rejected: Rejection[] } {
  const rejected: Rejection[] = [];
  const candidates: Record<string, unknown>[] = [];
  const positions: number[] = [];
  rows.forEach((r, index) => {
    const id = str(r.Id) ?? undefined;
    const closed = bool(r.IsClosed);
    const won = bool(r.IsWon);
    const bad = typeof closed !== 'boolean' ? ['IsClosed', closed] as const : typeof won !== 'boolean' ? ['IsWon', won] as const : null;
    if (bad) {
      const problem = { field: 'stage', reason: `Opportunity.${bad[0]} is ${JSON.stringify(bad[1] ?? null)}, expected true or false` };
      rejected.push({ kind: 'opportunity', index, ...(id ? { id } : {}), ...problem, problems: [problem] });
      return;
    }
    candidates.push({
      id: id ?? '',
      accountId: str(r.AccountId) ?? '',
      ownerId: (closed && id ? ownersAtClose.get(id) : undefined) ?? str(r.OwnerId),
      amount: num(r.Amount) ?? 0,
      stage: won ? 'won' : closed ? 'lost' : 'open',
      closeDate: str(r.CloseDate),
    });
    positions.push(index);
  });
  const SF_FIELD: Record<string, string> = { id: 'Id', accountId: 'AccountId', ownerId: 'OwnerId', amount: 'Amount', closeDate: 'CloseDate' };
  const checked = validateBatch('opportunity', candidates, { rules: ruleOfIssue });
  for (const r of checked.rejected) {
    // A reworded reason drops its rule (the UI words a rule only where the reason is the rule's own English).
    const named = r.problems.map((p) => (SF_FIELD[p.field.split('.')[0]] ? { field: p.field, reason: `${p.reason} (Opportunity.${SF_FIELD[p.field.split('.')[0]]})` } : p));
    const { rule: _rule, dropped: _dropped, ...rest } = r;
    rejected.push({ ...rest, index: positions[r.index], ...named[0], problems: named });
  }
  return { valid: checked.valid, rejected };
}
