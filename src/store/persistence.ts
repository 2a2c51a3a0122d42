import type { Change } from '../adapters/crm-adapter.js';
import { assignedTo, copyAssignments } from '../model/assignments.js';
import type { Assignments } from '../model/plan.js';
import type { Territory } from '../model/territory.js';
import { commit, HISTORY_LIMIT } from './history.js';
import type { QuotaEntry } from '../model/quota.js';
import { pendingQuotaChanges } from './quotas.js';
import { pendingChanges } from './selectors.js';
import type { AlertSettings, PlanState, ViewerRole } from './types.js';
import { pendingLocks, setLocked, splitHeld } from './locks.js';
import { restoreScenarios, storedScenarios, type StoredScenario } from './scenarios.js';

/** The unsaved working plan as kept in local storage. */
export interface StoredPlan {
  version: 1;
  /** The adapter's `id` the plan was made against. */
  adapterId: string;
  /** When it was stored (ISO 8601). */
  savedAt: string;
  /** The pending changes, `from` being the owner the CRM had when the change was made. */
  changes: Change[];
  /** The edited territories, when they differ from the loaded ones. */
  territories?: Territory[];
  /** Lock flags changed and not yet saved to the CRM, by account and rep id. */
  locks?: { accounts: Record<string, boolean>; reps: Record<string, boolean> };
  /** The plan's alert thresholds, when set. */
  alertSettings?: AlertSettings;
  /** The named scenarios, each as its changes against the CRM's owners (see src/store/scenarios.ts). */
  scenarios?: StoredScenario[];
  /** The scenario the top-level `changes` belong to. */
  activeScenarioId?: string;
  /** The plan's quotas, when they differ from the CRM's (see src/store/quotas.ts). */
  quotas?: QuotaEntry[];
}

/** Why a stored change could not be restored. */
export interface SkippedChange {
  change: Change;
  /** `edited-since`: the account was changed again after the plan was stored (the newer change stays); `locked`: the account or the receiving rep is locked now. */
  reason: 'missing-account' | 'owner-changed' | 'unknown-rep' | 'edited-since' | 'locked';
}

export interface RestoreResult {
  state: PlanState;
  applied: Change[];
  skipped: SkippedChange[];
  /** Whether stored territory edits were applied. */
  territories: boolean;
  /** Stored quotas applied (those of reps that still exist). */
  quotas?: number;
}

export interface SerialiseOptions {
  /** The time stamp to record (default: now). */
  now?: Date;
  /** The territories as loaded; when `state.territories` is another list, it is stored too. */
  loadedTerritories?: readonly Territory[];
  /**
   * A stored plan still offered back (not yet restored or declined): it is kept, merged with this
   * session's work, so nothing made on either side is lost by another reload. Per account the
   * session's change wins (it is newer); stored changes for accounts the session left alone stay;
   * the stored territories stay unless the session edited its own.
   */
  keep?: StoredPlan | null;
}

export interface RestoreOptions {
  /** Keep the state's territories (edited in this session, so newer) instead of the stored ones. */
  keepTerritories?: boolean;
}

/**
 * The local-storage key for a data source and viewer.
 *
 * @example
 * storageKey('salesforce:00D1', 'manager', '005X') // 'territory-kit:plan:salesforce:00D1:manager:005X'
 */
export function storageKey(adapterId: string, role: ViewerRole, userId: string | null | undefined): string {
  return `territory-kit:plan:${adapterId}:${role}:${userId || '-'}`;
}

/**
 * Serialises the unsaved work of the working plan (pending assignment changes, and the territories
 * when they were edited), or returns null when there is none.
 *
 * @param state the state
 * @param adapterId the adapter's id
 * @param options `now` (default: now), `loadedTerritories` (default: territories are not stored)
 */
export function serialiseWorkingPlan(state: PlanState, adapterId: string, options: SerialiseOptions = {}): string | null {
  let changes = pendingChanges(state);
  const editedTerritories = options.loadedTerritories !== undefined && state.territories !== options.loadedTerritories;
  const keep = options.keep;
  if (keep) {
    const mine = new Set(changes.map((c) => c.accountId));
    const older = keep.changes.filter((c) => !mine.has(c.accountId));
    if (older.length) changes = [...older, ...changes];
  }
  const territories = editedTerritories ? state.territories : keep?.territories;
  const locks = pendingLocks(state);
  const settings = state.alertSettings && Object.keys(state.alertSettings).length ? state.alertSettings : keep?.alertSettings;
  const scenarios = storedScenarios(state) ?? keep?.scenarios;
  const quotas = pendingQuotaChanges(state).length ? state.quotas : keep?.quotas;
  if (changes.length === 0 && !territories && locks.length === 0 && !settings && !keep?.locks && !scenarios && !quotas) return null;
  const stored: StoredPlan = { version: 1, adapterId, savedAt: (options.now ?? new Date()).toISOString(), changes };
  if (territories) stored.territories = [...territories];
  if (locks.length) {
    stored.locks = { accounts: {}, reps: {} };
    for (const l of locks) Object.defineProperty(l.kind === 'account' ? stored.locks.accounts : stored.locks.reps, l.id, { value: l.locked, enumerable: true, writable: true, configurable: true });
  } else if (keep?.locks) stored.locks = keep.locks;
  if (settings) stored.alertSettings = { ...settings };
  if (quotas) stored.quotas = [...quotas];
  if (scenarios) {
    stored.scenarios = scenarios;
    stored.activeScenarioId = state.scenarios.length ? (state.activeScenarioId ?? undefined) : keep?.activeScenarioId;
  }
  return JSON.stringify(stored);
}

/** Whether a stored plan would change anything: it carries territory edits or differs from the state's pending changes. */
export function storedPlanDiffers(state: PlanState, stored: StoredPlan): boolean {
  if (stored.territories || stored.locks || stored.alertSettings || stored.scenarios?.length || stored.quotas) return true;
  const pending = pendingChanges(state);
  if (pending.length !== stored.changes.length) return true;
  const byId = new Map(pending.map((c) => [c.accountId, c]));
  return stored.changes.some((c) => {
    const p = byId.get(c.accountId);
    return !p || p.from !== c.from || p.to !== c.to;
  });
}

/**
 * Re-applies a stored plan as one undoable step. A change applies only when its account still
 * exists, its current owner still equals the stored `from`, the receiving rep exists, and the
 * working plan has no newer change of its own for the account (`edited-since`); the rest are
 * reported in `skipped`. Stored territories replace the current ones in the same step (unless
 * `options.keepTerritories`).
 *
 * @example
 * const { state: next, applied, skipped } = restoreWorkingPlan(state, plan);
 */
export function restoreWorkingPlan(state: PlanState, stored: StoredPlan, limit = HISTORY_LIMIT, options: RestoreOptions = {}): RestoreResult {
  const applied: Change[] = [];
  const skipped: SkippedChange[] = [];
  const reps = new Set(state.reps.map((r) => r.id));
  // Locked in the CRM since the change was made: a lock is never overridden by a restore.
  const held = new Set(splitHeld(state, stored.changes.map((c) => c.accountId)).held);
  let working: Assignments | null = null;
  for (const change of stored.changes) {
    if (!Object.hasOwn(state.current, change.accountId)) skipped.push({ change, reason: 'missing-account' });
    else if (held.has(change.accountId) || (change.to !== null && state.reps.some((r) => r.id === change.to && r.locked))) skipped.push({ change, reason: 'locked' });
    else if ((state.current[change.accountId] ?? null) !== change.from) skipped.push({ change, reason: 'owner-changed' });
    else if (change.to !== null && !reps.has(change.to)) skipped.push({ change, reason: 'unknown-rep' });
    else if (assignedTo(state.working, change.accountId) !== state.current[change.accountId]) skipped.push({ change, reason: 'edited-since' });
    else {
      applied.push(change);
      working ??= copyAssignments(state.working);
      working[change.accountId] = change.to;
    }
  }
  if (state.role === 'rep' || state.readOnlyReason) return { state, applied: [], skipped, territories: false };
  const territories = options.keepTerritories ? undefined : stored.territories;
  state = restoreLocksAndSettings(state, stored);
  // Scenarios come back unless this session made its own (newer).
  const scenarios = stored.scenarios?.length && !state.scenarios.length ? stored.scenarios : undefined;
  const quotas = stored.quotas?.filter((q) => reps.has(q.repId));
  if (working === null && !territories && !quotas?.length) {
    return { state: scenarios ? restoreScenarios(state, scenarios, stored.activeScenarioId) : state, applied, skipped, territories: false };
  }
  const n = applied.length;
  const label = { kind: 'restore', changes: n, territories: territories !== undefined, quotas: Boolean(quotas?.length) } as const;
  const next = commit(state, { ...(working ? { working } : {}), ...(territories ? { territories } : {}), ...(quotas?.length ? { quotas } : {}) }, label, limit);
  return {
    state: scenarios ? restoreScenarios(next, scenarios, stored.activeScenarioId) : next,
    applied,
    skipped,
    territories: territories !== undefined,
    ...(quotas?.length ? { quotas: quotas.length } : {}),
  };
}

/** Re-applies stored lock changes (for records that still exist) and alert settings; not an undo step. */
function restoreLocksAndSettings(state: PlanState, stored: StoredPlan): PlanState {
  if (stored.alertSettings) state = { ...state, alertSettings: { ...stored.alertSettings } };
  if (!stored.locks) return state;
  for (const value of [true, false]) {
    const pick = (m: Record<string, boolean>) => Object.keys(m).filter((id) => Object.hasOwn(m, id) && m[id] === value);
    state = setLocked(state, { accounts: pick(stored.locks.accounts), reps: pick(stored.locks.reps) }, value);
  }
  return state;
}
