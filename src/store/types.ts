import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';
import type { Territory } from '../model/territory.js';
import type { Assignments } from '../model/plan.js';
import type { Rejection } from '../model/validate-batch.js';
import type { QuotaEntry } from '../model/quota.js';
import type { Capabilities, LoadNotice, LoadProgress, QuotaSaveOutcome, SaidParam, SaveOutcome, TerritorySaveOutcome } from '../adapters/crm-adapter.js';
import type { Opportunity } from '../model/opportunity.js';
import type { LockMap, LockTarget } from './locks.js';

/** Alert thresholds an admin sets for the plan (detectAlerts options; every one optional). */
export interface AlertSettings {
  /** Allowed relative deviation from target before an imbalance alert (0.05 = ±5%). */
  tolerance?: number;
  /** Accounts at or above this quantile of potential are high-potential (0.9 = top 10%). */
  highPotentialQuantile?: number;
  /** Days without activity before a high-potential account is untouched. */
  untouchedDays?: number;
}

/** Who is looking: admins and managers edit, a rep only views their own territory. */
export type ViewerRole = 'admin' | 'manager' | 'rep';

/** How a selection update combines with the current selection. */
export type SelectMode = 'replace' | 'add' | 'remove' | 'toggle';

/**
 * What a history step did, as data, for the steps whose label the store words itself (a caller gave
 * none): widgets word it in the UI language; `HistoryEntry.label` keeps the English (see src/store/labels.ts).
 */
export type HistoryLabelPart =
  /** `Assign N accounts` (assign without a label). */
  | { kind: 'assign'; count: number }
  /** `Set N quotas for <period>` (applyQuotas without a label). */
  | { kind: 'set-quotas'; count: number; period: string }
  /** `Apply scenario "<name>"` (applyScenario). */
  | { kind: 'apply-scenario'; name: string; nameParts?: ScenarioNamePart }
  /** `Discard unsaved changes` (discard). */
  | { kind: 'discard' }
  /** `Restore N unsaved changes, territory edits and quotas` (restoreWorkingPlan; the parts present). */
  | { kind: 'restore'; changes: number; territories: boolean; quotas: boolean };

/**
 * How a scenario got its default name, as data (absent for a name the user typed): widgets word it in the
 * UI language; `Scenario.name` keeps the English (see src/store/labels.ts).
 */
export type ScenarioNamePart =
  /** `Working plan`: the first scenario, made from the working plan. */
  | { kind: 'first' }
  /** `<name> (copy)`: a duplicate; `of` is the source's name (and `ofParts` how it got it, when a default). */
  | { kind: 'copy'; of: string; ofParts?: ScenarioNamePart }
  /** `Rebalanced from <name>`, `Rebalanced (≤ N moves) from <name>`, `Compact from <name>`: a rebalance into a new scenario. */
  | { kind: 'rebalanced'; objective: 'disruption' | 'compactness'; maxMoves: number | null; of: string; ofParts?: ScenarioNamePart };

/** One undoable step: the working assignments and territories before/after it, and a label. */
export interface HistoryEntry {
  /** What the step did (the caller's label, or the store's English default). */
  label: string;
  /** The default label as data, when the store made the label (a caller gave none). */
  labelParts?: HistoryLabelPart;
  working: Assignments;
  territories: readonly Territory[];
  /** The plan's quotas before/after the step (absent in entries made before quotas existed: unchanged). */
  quotas?: readonly QuotaEntry[];
}

/**
 * A named alternative plan (see src/store/scenarios.ts). The active scenario's assignments live in
 * `PlanState.working` while it is active; `assignments` holds them while it is not.
 */
export interface Scenario {
  id: string;
  /** The name (as typed, or the English default name). */
  name: string;
  /** How a default name was made (absent once the user names the scenario). */
  nameParts?: ScenarioNamePart;
  /** Account id → rep id or null (null-prototype, see src/model/assignments.ts). */
  assignments: Assignments;
  /** When it was made (ISO 8601). */
  createdAt: string;
  /** Free text, e.g. how a rebalance made it. */
  note: string;
  /** Its undo history while another scenario is active (in memory only: neither stored nor exported). */
  history?: { past: readonly HistoryEntry[]; future: readonly HistoryEntry[] };
}

/**
 * The working plan: plain, serialisable data. Replaced (never mutated) on every change, so
 * `Object.is` tells consumers something changed. Derived figures (evaluation, resolution, pending
 * changes) are computed from it by pure selectors, not stored.
 */
export interface PlanState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Load progress while `status` is `loading`. */
  progress: LoadProgress | null;
  /** Why loading failed, when `status` is `error`; `key`/`params` when the message is an adapter's sentence (`Said`), for the UI to word. */
  error: { code: string; message: string; key?: string; params?: Record<string, SaidParam> } | null;
  capabilities: Capabilities | null;
  accounts: readonly Account[];
  reps: readonly Rep[];
  territories: readonly Territory[];
  /** Records the adapter rejected during load. */
  rejected: readonly Rejection[];
  /** Assignments as loaded from (or last saved to) the CRM. */
  current: Assignments;
  /** The plan being edited. `working` differs from `current` exactly where changes are pending. */
  working: Assignments;
  /** Selected account ids. */
  selection: readonly string[];
  /** The rep the user is looking at, or null. */
  focusRepId: string | null;
  /**
   * The territory the user is looking at, or null (the map dims the rest and fits it). Optional so
   * states built before it existed stay valid; absent means null.
   */
  focusTerritoryId?: string | null;
  /**
   * A proposed plan shown but not applied (e.g. the rebalance preview): account id → proposed rep for
   * the accounts it would move; null or absent when none. Not an edit: never saved or persisted.
   */
  previewAssignments?: Assignments | null;
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
  role: ViewerRole;
  /** The viewing rep's id (role `rep`). */
  repId: string | null;
  /**
   * Why this view is read-only whatever the role: `other-tab` while another tab (or window) owns the
   * user's working plan (see `<tk-territory-provider>`); null when the role decides alone.
   */
  readOnlyReason: 'other-tab' | null;
  /** Outcomes of the last save, in change order. */
  lastSave: readonly SaveOutcome[] | null;
  /**
   * The territories as loaded or last saved (see `pendingTerritoryChanges`); absent before a load.
   */
  territoryBase?: readonly Territory[];
  /** Outcomes of the last territory save (`saveTerritories`), in change order. */
  lastTerritorySave?: readonly TerritorySaveOutcome[] | null;
  saving: boolean;
  /**
   * The lock flag each account and rep had when loaded, for those whose lock the user changed
   * (see `setLocked`); absent until a lock changes. The flags themselves live on the records.
   */
  lockBase?: { accounts: LockMap; reps: LockMap };
  /**
   * Opportunities as the CRM records them (owner at close, stage, close date, amount): the history
   * that belongs to the rep who earned it, whoever owns the account in the working plan.
   */
  opportunities?: readonly Opportunity[];
  /** Alert thresholds set for this plan (the panel's alert settings). */
  alertSettings?: AlertSettings;
  /** What the last load left out and the user should know (e.g. an unreadable field). */
  notices?: readonly LoadNotice[];
  /**
   * Named plans side by side; empty until the first one is made (then the working plan becomes the
   * first scenario). The working plan is always the active scenario's.
   */
  scenarios: readonly Scenario[];
  /** The scenario `working` belongs to, or null while there are none. */
  activeScenarioId: string | null;
  /**
   * Quotas set in the plan, per rep and period (see src/store/quotas.ts). Optional so states built
   * before them stay valid; absent means none. Undoable, persisted with the unsaved work, exported.
   */
  quotas?: readonly QuotaEntry[];
  /** The quotas as loaded from (or last written to) the CRM: `quotas` differs from it where changes are pending. */
  quotaBase?: readonly QuotaEntry[];
  /** Outcomes of the last quota save (`saveQuotas`), in change order (see src/store/quota-save.ts). */
  lastQuotaSave?: readonly QuotaSaveOutcome[] | null;
}

/**
 * What widgets may do to the plan. Provided as a stable object by `<tk-territory-provider>`;
 * every call produces a new PlanState. Edits are refused (no-op returning false) in the `rep` role.
 */
export interface PlanActions {
  select(accountIds: readonly string[], mode?: SelectMode): void;
  focusRep(repId: string | null): void;
  /** Focuses a territory (null clears). Optional: providers written before it need not offer it. */
  focusTerritory?(territoryId: string | null): void;
  /** Shows a proposed plan on the widgets without applying it (null clears; see PlanState.previewAssignments). Optional like focusTerritory. */
  previewAssignments?(assignments: Assignments | null): void;
  /** Assigns accounts to a rep (null unassigns) as one undoable step. */
  assign(accountIds: readonly string[], repId: string | null, label?: string): boolean;
  /** Replaces the working assignments (e.g. an accepted rebalance) as one undoable step. */
  applyAssignments(assignments: Assignments, label: string): boolean;
  /** Replaces the territories (e.g. after painting regions or editing rules) as one undoable step. */
  setTerritories(territories: readonly Territory[], label: string): boolean;
  /** Sets the quotas of one period (replacing that period's) as one undoable step. Optional like focusTerritory. */
  applyQuotas?(period: string, quotas: readonly Omit<QuotaEntry, 'period'>[], label?: string): boolean;
  undo(): boolean;
  redo(): boolean;
  /** Writes pending changes through the adapter; outcomes land in `lastSave`. `only` limits to these account ids (retry). */
  save(options?: { only?: readonly string[]; signal?: AbortSignal }): Promise<readonly SaveOutcome[]>;
  /** Loads (again) from the adapter. */
  reload(): Promise<void>;
  /** Drops unsaved edits (working := current). */
  discard(): boolean;
  /** Locks or unlocks accounts and reps (locked accounts never change hands until unlocked). */
  setLocked?(target: LockTarget, locked: boolean): boolean;
  /** Sets the plan's alert thresholds. */
  setAlertSettings?(settings: AlertSettings): boolean;
  /** Named scenarios (optional so that other implementations of PlanActions stay valid). */
  scenarios?: ScenarioActions;
}

/** What widgets may do with scenarios (see src/store/scenarios.ts). Refused (null/false) in the `rep` role and when read-only. */
export interface ScenarioActions {
  /**
   * Adds a scenario (default: a copy of the working plan); returns its id, or null when refused. `name`
   * is the name as typed, or the English of the default name `nameParts` describes (`scenarioNameEnglish`).
   */
  create(options: { name: string; nameParts?: ScenarioNamePart; assignments?: Assignments; note?: string }): string | null;
  /** Adds a copy of a scenario; returns the new id, or null when refused. */
  duplicate(id: string, name?: string): string | null;
  rename(id: string, name: string, note?: string): boolean;
  /** Removes a scenario other than the active one. */
  remove(id: string): boolean;
  /** Makes another scenario the working plan (the one the map and panel edit); the left one keeps its edits and undo history. */
  switchTo(id: string): boolean;
  /** Makes a scenario's assignments the first scenario's working plan, as one undoable step (switching to it first). */
  apply(id: string): boolean;
}
