import { html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { ContextProvider } from '@lit/context';
import { adapterContext } from '../../src/context/adapter-context.js';
import { planActionsContext } from '../../src/context/plan-actions-context.js';
import { planStateContext } from '../../src/context/plan-state-context.js';
import { CrmLoadError, type Change, type CrmAdapter, type LoadNotice, type LoadProgress, type SaveOutcome, type TerritorySaveOutcome } from '../../src/adapters/crm-adapter.js';
import { formatRejection } from '../../src/model/format-rejection.js';
import { assignedTo } from '../../src/model/assignments.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Territory } from '../../src/model/territory.js';
import type { PlanActions, PlanState, SelectMode, ViewerRole } from '../../src/store/types.js';
import { createPlanState } from '../../src/store/create-plan-state.js';
import { HISTORY_LIMIT, redo, undo } from '../../src/store/history.js';
import { loadFailed, loadProgressed, loadStarted, loadSucceeded } from '../../src/store/load.js';
import { focusRep, select } from '../../src/store/selection.js';
import { focusTerritory, previewAssignments } from '../../src/store/preview.js';
import { applyAssignments, assign, canEdit, discard, setTerritories } from '../../src/store/edit.js';
import { applyQuotas, pendingQuotaChanges } from '../../src/store/quotas.js';
import { saveStarted } from '../../src/store/save-started.js';
import { locksSaved, pendingLocks, setLocked, type LockTarget } from '../../src/store/locks.js';
import { pendingTerritoryChanges, territoriesSaved } from '../../src/store/territory-changes.js';
import type { AlertSettings } from '../../src/store/types.js';
import { pendingChanges } from '../../src/store/selectors.js';
import { stepLabel } from '../shared/undo-label.js';
import { applyScenario, createScenario, duplicateScenario, removeScenario, renameScenario, switchScenario } from '../../src/store/scenarios.js';
import {
  restoreWorkingPlan,
  serialiseWorkingPlan,
  storageKey,
  storedPlanDiffers,
  type SkippedChange,
  type StoredPlan,
} from '../../src/store/persistence.js';
import { TkElement } from '../shared/tk-element.js';
import { isOne } from '../shared/plural.js';
import { currentLanguage } from '../shared/localize.js';
import { tokens } from '../shared/tokens.styles.js';
import { TkAssignmentChangeEvent, type AssignmentChangeSource } from '../events/assignment-change-event.js';
import { TkPlanAppliedEvent, type AppliedPlanKind } from '../events/plan-applied-event.js';
import { TkSaveResultEvent } from '../events/save-result-event.js';
import { TkLoadEvent } from '../events/load-event.js';
import { TkSelectionChangeEvent } from '../events/selection-change-event.js';
import { styles } from './territory-provider.styles.js';

/** Rejections listed in the panel; the rest are counted. */
const MAX_LISTED = 200;

/** The save's outcome checks, fetched when a save starts (in parallel with the CRM's answer). */
const saveFinishing = () => import('./save-finish.js');

/** Why a stored change was not restored (a function: the words follow the UI language). */
const skipReason = (reason: SkippedChange['reason']): string =>
  ({
    'missing-account': () => msg('the account no longer exists'),
    'owner-changed': () => msg('its owner changed in the CRM since'),
    'unknown-rep': () => msg('the receiving rep no longer exists'),
    'edited-since': () => msg('you changed it again since'),
    locked: () => msg('it (or its rep) is locked now'),
  })[reason]();

/** A save outcome's status in words. */
const outcomeLabel = (status: SaveOutcome['status']): string =>
  status === 'saved' ? msg('saved') : status === 'conflict' ? msg('conflict') : msg('failed');

/** Least privilege first: when both attributes are given, the weaker role wins. */
const RANK: Record<ViewerRole, number> = { rep: 0, manager: 1, admin: 2 };

/**
 * The role the attributes give. Only the exact values admin, manager and rep count; anything else
 * (`Rep`, `"rep "`, `viewer`, an empty string) fails closed to the read-only `rep` view, with a
 * warning. Neither attribute: admin (the documented default).
 */
function resolveRole(...attributes: (string | null | undefined)[]): { role: ViewerRole; warning?: string } {
  let role: ViewerRole = 'admin';
  for (const r of attributes) {
    if (r == null) continue;
    if (!Object.hasOwn(RANK, r)) return { role: 'rep', warning: `territory-kit: unknown viewer role ${JSON.stringify(r)} (not admin, manager or rep): read-only` };
    if (RANK[r as ViewerRole] < RANK[role]) role = r as ViewerRole;
  }
  return { role };
}

/** The storage the provider persists to: `localStorage` or anything with the same three methods. */
export type PlanStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): PlanStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // sandboxed frames throw on access
  }
}

/**
 * @summary Owns the working plan: loads it through a CRM adapter and shares state, actions and the
 * adapter with every territory-kit element inside it (through `@lit/context`).
 *
 * @slot - The widgets that use the plan; they render under the provider's notices.
 *
 * @fires tk-selection-change - {@link TkSelectionChangeEvent} when the selected accounts change.
 * @fires tk-assignment-change - {@link TkAssignmentChangeEvent} when working assignments change.
 * @fires tk-plan-applied - {@link TkPlanAppliedEvent} when a whole plan (assignments, territories, or a restored plan) is applied.
 * @fires tk-save-result - {@link TkSaveResultEvent} when a save ends.
 * @fires tk-load - {@link TkLoadEvent} when a load through the adapter ends (ready, with counts, or error).
 *
 * @csspart progress - The load progress notice.
 * @csspart error - The load error notice.
 * @csspart rejections - The expandable list of records rejected at load.
 * @csspart restore - The offer to restore unsaved changes, and its report.
 * @csspart other-tab - The notice that another tab owns the plan (this one is read-only), with "Edit here instead".
 * @csspart toolbar - Pending-change count with undo, redo, discard and save (hidden in the rep role).
 * @csspart save-result - The outcome summary of the last save.
 * @csspart save-problems - The expandable list of changes the last save did not write (account, outcome, reason).
 *
 * Unsaved work is kept in `storage` (debounced, and at once on `pagehide` and when the page is
 * hidden), also while the "Restore unsaved changes?" offer is open: then the offered plan is kept
 * merged with the new edits (per account the newer change wins), so another reload offers both.
 * With the page's `localStorage`, one tab at a time edits a user's plan (`navigator.locks`, or a
 * BroadcastChannel handshake): other tabs show it read-only with a notice, take over when the owner
 * closes or on "Edit here instead" (the owner keeps its unsaved work first), then offer that work back.
 *
 * @cssproperty [--tk-color-brand=#0176d3] - Buttons and accents (every `--tk-*` token applies; see widgets/shared/themes.ts).
 *
 * Attributes: `viewer-role` (admin | manager | rep; `role` is accepted as an alias but clashes with
 * ARIA, so prefer `viewer-role`; any other value of either, e.g. `Rep` or `""`, fails closed to the
 * read-only `rep` view with a console warning, and when both are given the weaker role wins), `rep-id`, `persist-delay` (ms, default 400), `history-limit`
 * (default 100), `no-toolbar`, `focus-account` (an account id selected after loading), `locale`, `theme`. Property `adapter` (CrmAdapter), `storage`.
 */
export class TkTerritoryProvider extends TkElement {
  static override styles = [tokens, styles];

  static override properties = {
    adapter: { attribute: false },
    viewerRole: { type: String, attribute: 'viewer-role', reflect: true },
    roleAlias: { type: String, attribute: 'role' },
    repId: { type: String, attribute: 'rep-id', reflect: true },
    persistDelay: { type: Number, attribute: 'persist-delay' },
    historyLimit: { type: Number, attribute: 'history-limit' },
    noToolbar: { type: Boolean, attribute: 'no-toolbar' },
    focusAccount: { type: String, attribute: 'focus-account' },
    storage: { attribute: false },
    offer: { state: true, attribute: false },
    otherTab: { state: true, attribute: false },
    restoreReport: { state: true, attribute: false },
  };

  /** The CRM adapter to load from and save to. Changing it reloads. */
  declare adapter: CrmAdapter | undefined;
  /** Who is looking (attribute `viewer-role`). In `rep` every edit is refused. */
  declare viewerRole: ViewerRole | undefined;
  /** Alias attribute `role` (see the class doc). */
  declare roleAlias: string | undefined;
  /** The viewing rep (attribute `rep-id`). */
  declare repId: string | undefined;
  /** Debounce of writes to storage, in ms. */
  declare persistDelay: number;
  /** Undo steps kept. */
  declare historyLimit: number;
  /** Hides the built-in toolbar (for apps that build their own from the actions). */
  declare noToolbar: boolean;
  /**
   * An account to select once the plan has loaded, and whenever this changes (attribute
   * `focus-account`) — e.g. the account of the CRM record page the widgets sit on, so the panel
   * recommends reps for it. Ignored while the plan does not hold that account.
   */
  declare focusAccount: string | undefined;
  /** Where the unsaved plan is kept between page loads (default `localStorage`; null disables). */
  declare storage: PlanStorage | null;
  /** A stored plan offered back after loading, while the user decides. */
  declare protected offer: StoredPlan | null;
  declare protected restoreReport: { applied: number; skipped: SkippedChange[]; territories: boolean } | null;
  /** Another tab owns this user's working plan: this one is read-only (`waiting` after asking to take over). */
  declare protected otherTab: 'owns' | 'waiting' | null;

  #state: PlanState;
  #stateProvider: ContextProvider<typeof planStateContext, this>;
  #adapterProvider: ContextProvider<typeof adapterContext, this>;
  #loadedFor: CrmAdapter | undefined;
  #abort: AbortController | null = null;
  #persistTimer: ReturnType<typeof setTimeout> | null = null;
  #key: string | null = null;
  /** The territories as loaded, to tell whether they were edited (then they are persisted too). */
  #loadedTerritories: readonly Territory[] | undefined;
  #saveChain: Promise<unknown> = Promise.resolve();
  /** The cross-tab lock on the working plan (see plan-tab-lock.ts), once a persisted, editable plan loaded. */
  #lock: import('./plan-tab-lock.js').PlanTabLock | null = null;
  #warnedRole: string | null = null;
  /** The wording of load notices and load errors (load-notice.ts), loaded when a load first has notices or fails. */
  static #noticeWords: typeof import('./load-notice.js') | null = null;
  static #noticeLoad: Promise<unknown> | null = null;

  /** The notice and load-error wording, or null while it loads (this element updates when it has). */
  #words(): typeof import('./load-notice.js') | null {
    const words = TkTerritoryProvider.#noticeWords;
    if (words) return words;
    TkTerritoryProvider.#noticeLoad ??= import('./load-notice.js').then(
      (m) => (TkTerritoryProvider.#noticeWords = m),
      (error) => {
        // Without the wording, the adapters' English messages.
        TkTerritoryProvider.#noticeWords = {
          loadNoticeText: (_f: unknown, n: LoadNotice) => n.message,
          loadErrorText: (e: { code: string; message: string }) => msg(str`Could not load the plan: ${e.message} (${e.code})`),
          rejectionText: (_f: unknown, r: { reason: string }) => r.reason,
          recordKindText: (kind: string) => kind,
          outcomeReasonText: (o: { message?: string }) => o.message ?? '',
        } as unknown as typeof import('./load-notice.js');
        console.warn('territory-kit: could not load the notice wording', error);
      },
    );
    void TkTerritoryProvider.#noticeLoad.then(() => this.requestUpdate());
    return null;
  }

  /** The load notices in the UI language (the adapter's English message for an unknown code); shown once their wording has loaded. */
  #renderNotices(notices: readonly LoadNotice[]) {
    const words = this.#words();
    if (!words) return nothing;
    const f = this.fmt;
    return html`<div part="notices" class="notice" role="status">${notices.map((n) => html`<p>${words.loadNoticeText(f, n)}</p>`)}</div>`;
  }

  /** The stable actions object provided to the widgets (also usable directly). */
  readonly actions: PlanActions = {
    select: (ids: readonly string[], mode?: SelectMode) => {
      this.#set(select(this.#state, ids, mode));
    },
    focusRep: (repId: string | null) => {
      this.#set(focusRep(this.#state, repId));
    },
    focusTerritory: (territoryId: string | null) => {
      this.#set(focusTerritory(this.#state, territoryId));
    },
    previewAssignments: (assignments: Assignments | null) => {
      this.#set(previewAssignments(this.#state, assignments));
    },
    assign: (ids: readonly string[], repId: string | null, label?: string) =>
      this.#set(assign(this.#state, ids, repId, label, this.historyLimit), 'assign'),
    applyAssignments: (assignments: Assignments, label: string) =>
      this.#applied(this.#set(applyAssignments(this.#state, assignments, label, this.historyLimit), 'apply'), 'assignments', label),
    setTerritories: (territories: readonly Territory[], label: string) =>
      this.#applied(this.#set(setTerritories(this.#state, territories, label, this.historyLimit)), 'territories', label),
    applyQuotas: (period, quotas, label) => this.#set(applyQuotas(this.#state, period, quotas, label, this.historyLimit)),
    undo: () => this.#set(undo(this.#state), 'undo'),
    redo: () => this.#set(redo(this.#state), 'redo'),
    discard: () => this.#set(discard(this.#state, this.historyLimit), 'discard'),
    save: (options?: { only?: readonly string[]; signal?: AbortSignal }) => this.#queueSave(options),
    reload: () => this.#load(),
    setLocked: (target: LockTarget, locked: boolean) => this.#set(setLocked(this.#state, target, locked)),
    setAlertSettings: (settings: AlertSettings) => canEdit(this.#state) && this.#set({ ...this.#state, alertSettings: { ...settings } }),
    scenarios: {
      create: (o) => this.#addScenario(createScenario(this.#state, o)),
      duplicate: (id, name) => this.#addScenario(duplicateScenario(this.#state, id, { name })),
      rename: (id, name, note) => this.#set(renameScenario(this.#state, id, name, note)),
      remove: (id) => this.#set(removeScenario(this.#state, id)),
      switchTo: (id) => this.#set(switchScenario(this.#state, id), 'apply'),
      apply: (id) => this.#applied(this.#set(applyScenario(this.#state, id, this.historyLimit), 'apply'), 'assignments', msg('Apply scenario')),
    },
  };

  /** Sets a state that added a scenario; its id (the last one), or null when refused. */
  #addScenario(next: PlanState): string | null {
    return this.#set(next) ? (next.scenarios.at(-1)?.id ?? null) : null;
  }

  constructor() {
    super();
    this.persistDelay = 400;
    this.historyLimit = HISTORY_LIMIT;
    this.noToolbar = false;
    this.storage = defaultStorage();
    this.offer = null;
    this.restoreReport = null;
    this.otherTab = null;
    this.#state = createPlanState();
    this.#stateProvider = new ContextProvider(this, { context: planStateContext, initialValue: this.#state });
    new ContextProvider(this, { context: planActionsContext, initialValue: this.actions });
    this.#adapterProvider = new ContextProvider(this, { context: adapterContext, initialValue: undefined });
  }

  /** The current plan state (read-only; replaced on every change). */
  get state(): PlanState {
    return this.#state;
  }

  /** The effective viewer role: unknown values of either attribute fail closed to `rep` (read-only). */
  get effectiveRole(): ViewerRole {
    return resolveRole(this.viewerRole, this.roleAlias).role;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.#flush);
    document.addEventListener('visibilitychange', this.#flushWhenHidden);
    if (this.adapter && this.#loadedFor !== this.adapter) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.#flush);
    document.removeEventListener('visibilitychange', this.#flushWhenHidden);
    this.#flush();
    this.#unlock();
    if (this.#abort) {
      this.#abort.abort();
      this.#abort = null;
      this.#loadedFor = undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('viewerRole') || changed.has('roleAlias') || changed.has('repId')) this.#syncRole();
    if (changed.has('adapter')) {
      this.#adapterProvider.setValue(this.adapter);
      if (this.isConnected && this.adapter !== this.#loadedFor) void this.#load();
    }
    if (changed.has('focusAccount')) this.#selectFocus();
  }

  /** Selects `focusAccount` when the loaded plan holds it. */
  #selectFocus(): void {
    const id = this.focusAccount;
    if (!id || this.#state.status !== 'ready' || !this.#state.accounts.some((a) => a.id === id)) return;
    this.#set(select(this.#state, [id]));
  }

  /** Writes the unsaved plan to storage now instead of after the debounce. */
  persistNow(): void {
    if (this.#persistTimer !== null) clearTimeout(this.#persistTimer);
    this.#persistTimer = null;
    const storage = this.storage;
    if (!storage || !this.#key || !this.adapter || this.#state.status !== 'ready' || !canEdit(this.#state)) return;
    try {
      // While the offer is open, the offered plan is kept too (merged, newest change per account).
      const text = serialiseWorkingPlan(this.#state, this.adapter.id, { loadedTerritories: this.#loadedTerritories, keep: this.offer });
      if (text === null) storage.removeItem(this.#key);
      else storage.setItem(this.#key, text);
    } catch (error) {
      console.warn('territory-kit: could not keep the unsaved plan in storage', error);
    }
  }

  /** Applies the offered stored plan (only changes whose account still has the stored `from` owner). */
  restore(): void {
    const offer = this.offer;
    if (!offer) return;
    const keepTerritories = this.#state.territories !== this.#loadedTerritories; // edited here since: newer
    const { state, applied, skipped, territories } = restoreWorkingPlan(this.#state, offer, this.historyLimit, { keepTerritories });
    this.offer = null;
    this.restoreReport = { applied: applied.length, skipped, territories };
    this.#applied(this.#set(state, 'restore'), 'restore', msg(str`Restore ${applied.length} unsaved changes`));
    this.persistNow();
  }

  /** Declines the offered stored plan and forgets it. */
  declineRestore(): void {
    if (!this.offer) return;
    this.offer = null;
    this.restoreReport = null;
    this.persistNow();
  }

  /** Brings state.role / state.repId in line with the attributes. */
  #syncRole(): void {
    const { role, warning } = resolveRole(this.viewerRole, this.roleAlias);
    if (warning && warning !== this.#warnedRole) console.warn(warning);
    this.#warnedRole = warning ?? null;
    const repId = this.repId ?? null;
    if (role === this.#state.role && repId === this.#state.repId) return;
    this.#flush(); // what was pending belongs under the old key
    if (this.adapter && this.#key) this.#key = storageKey(this.adapter.id, role, repId ?? this.#state.capabilities?.userId ?? null);
    // Another plan now (role or rep changed): give the old one up, and edit this one only if no other tab does.
    const key = this.#key;
    if (this.#lock?.name !== key) this.#unlock();
    this.#set({ ...this.#state, role, repId, readOnlyReason: this.#lock && !this.#lock.owner ? 'other-tab' : null });
    if (key && role !== 'rep' && !this.#lock && this.#state.status === 'ready' && this.#sharedStorage()) {
      void this.#claim(key).then((owned) => owned || this.#key !== key || this.#readOnly());
    }
  }

  #flush = (): void => {
    if (this.#persistTimer !== null) this.persistNow();
  };

  #flushWhenHidden = (): void => {
    if (document.visibilityState === 'hidden') this.#flush();
  };

  /**
   * Takes this user's plan lock (one editing tab per plan, see plan-tab-lock.ts). Resolves whether
   * this tab owns the plan; when it does not, the plan shows read-only until the owner closes or
   * hands over, and then loads again (offering what the owner kept).
   */
  async #claim(key: string): Promise<boolean> {
    if (this.#lock?.name === key) return this.#lock.owner;
    this.#unlock();
    const { PlanTabLock } = await import('./plan-tab-lock.js');
    const lock = new PlanTabLock(key, {
      owned: () => {
        if (this.#lock !== lock) return;
        this.otherTab = null;
        void this.#load();
      },
      yield: () => {
        if (this.#lock !== lock) return;
        this.persistNow(); // the unsaved work (and an open offer) goes to storage before handing over
        this.offer = null;
        this.restoreReport = null;
        this.#readOnly();
      },
    });
    this.#lock = lock;
    return lock.acquire();
  }

  /** Whether the plan is kept where other tabs see it (the page's `localStorage`): then one tab edits at a time. */
  #sharedStorage(): boolean {
    return this.storage !== null && this.storage === defaultStorage();
  }

  #readOnly(): void {
    this.otherTab ??= 'owns';
    this.#set({ ...this.#state, readOnlyReason: 'other-tab' });
  }

  #unlock(): void {
    this.#lock?.close();
    this.#lock = null;
    this.otherTab = null;
  }

  /** Asks the tab that owns the plan to hand it over; this tab loads it again once it does. */
  takeOver(): void {
    if (!this.#lock || this.#lock.owner) return;
    this.otherTab = 'waiting';
    this.#lock.requestTakeover();
  }

  #set(next: PlanState, source?: AssignmentChangeSource): boolean {
    const prev = this.#state;
    if (next === prev) return false;
    this.#state = next;
    this.#stateProvider.setValue(next);
    this.requestUpdate();
    if (prev.selection !== next.selection) this.dispatchEvent(new TkSelectionChangeEvent(next.selection, prev.selection));
    if (prev.working !== next.working && source !== 'load') {
      const changes: Change[] = [];
      for (const id of Object.keys(next.working)) {
        const from = assignedTo(prev.working, id) ?? null;
        const to = next.working[id] ?? null;
        if (from !== to) changes.push({ accountId: id, from, to });
      }
      const label =
        source === 'undo' ? (prev.past.at(-1)?.label ?? null) : source === 'redo' ? (prev.future[0]?.label ?? null) : (next.past.at(-1)?.label ?? null);
      if (changes.length) {
        this.dispatchEvent(new TkAssignmentChangeEvent(changes, source ?? 'assign', label, pendingChanges(next).length));
      }
    }
    // A load replaces the plan but is no edit: what storage holds (an offered plan) stays as it is.
    if (
      source !== 'load' &&
      (prev.working !== next.working || prev.current !== next.current || prev.territories !== next.territories || prev.lockBase !== next.lockBase || prev.alertSettings !== next.alertSettings || prev.scenarios !== next.scenarios || prev.quotas !== next.quotas)
    ) {
      this.#schedulePersist();
    }
    return true;
  }

  #applied(ok: boolean, kind: AppliedPlanKind, label: string): boolean {
    if (ok) {
      const step = kind === 'territories' ? 0 : pendingChanges(this.#state).length;
      this.dispatchEvent(new TkPlanAppliedEvent(kind, label, step));
    }
    return ok;
  }

  #schedulePersist(): void {
    if (!this.storage || this.#state.status !== 'ready' || !canEdit(this.#state)) return;
    if (this.#persistTimer !== null) clearTimeout(this.#persistTimer);
    this.#persistTimer = setTimeout(() => this.persistNow(), Math.max(0, this.persistDelay));
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    this.#flush(); // an edit still waiting for the debounce is kept before the state is replaced
    this.#syncRole();
    const adapter = this.adapter;
    this.#loadedFor = adapter;
    this.offer = null;
    this.restoreReport = null;
    if (!adapter) {
      this.#abort = null;
      this.#key = null;
      this.#set(createPlanState({ role: this.effectiveRole, repId: this.repId ?? null }), 'load');
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    const stale = () => abort.signal.aborted || this.adapter !== adapter;
    this.#set(loadStarted(this.#state));
    try {
      const onProgress = (p: LoadProgress) => {
        if (!stale()) this.#set(loadProgressed(this.#state, p));
      };
      const [capabilities, result] = await Promise.all([
        adapter.capabilities(),
        adapter.load({ signal: abort.signal, onProgress }),
      ]);
      if (stale()) return;
      let next = loadSucceeded(this.#state, result, capabilities);
      this.#loadedTerritories = next.territories;
      this.#key = storageKey(adapter.id, next.role, next.repId ?? capabilities.userId ?? null);
      const owned = !this.#sharedStorage() || next.role === 'rep' || (await this.#claim(this.#key));
      if (stale()) return;
      next = { ...next, readOnlyReason: owned ? null : 'other-tab' };
      if (!owned) this.otherTab ??= 'owns';
      const offer = await this.#storedOffer(next);
      if (stale()) return;
      this.offer = offer;
      this.#set(next, 'load');
      this.#selectFocus();
      this.dispatchEvent(new TkLoadEvent('ready', next.accounts.length, next.reps.length, next.territories.length, result.rejected.length));
    } catch (error) {
      if (stale()) return;
      const code = error instanceof CrmLoadError ? error.code : 'LOAD_FAILED';
      const message = error instanceof Error ? error.message : String(error);
      this.#set(loadFailed(this.#state, { code, message, ...(error instanceof CrmLoadError && error.key ? { key: error.key, ...(error.params ? { params: error.params } : {}) } : {}) }));
      this.dispatchEvent(new TkLoadEvent('error', 0, 0, 0, 0, { code, message }));
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  /** The stored working plan worth offering back, if any (its parser, with the zod model, loads only when something is stored). */
  async #storedOffer(state: PlanState): Promise<StoredPlan | null> {
    if (!this.storage || !this.#key || !canEdit(state)) return null;
    let text: string | null = null;
    try {
      text = this.storage.getItem(this.#key);
    } catch {
      return null;
    }
    if (text === null) return null;
    const { parseStoredPlan } = await import('../../src/store/parse-stored-plan.js');
    const parsed = parseStoredPlan(text, this.adapter?.id);
    if (!parsed.plan) {
      console.warn(`territory-kit: ignoring the stored plan (${parsed.reason})`);
      return null;
    }
    const work = parsed.plan.changes.length > 0 || parsed.plan.territories !== undefined || parsed.plan.locks !== undefined || parsed.plan.alertSettings !== undefined || (parsed.plan.scenarios?.length ?? 0) > 0 || (parsed.plan.quotas?.length ?? 0) > 0;
    return work && storedPlanDiffers(state, parsed.plan) ? parsed.plan : null;
  }

  #queueSave(options?: { only?: readonly string[]; signal?: AbortSignal }): Promise<readonly SaveOutcome[]> {
    const run = this.#saveChain.then(() => this.#save(options));
    this.#saveChain = run.catch(() => undefined);
    return run;
  }

  async #save(options: { only?: readonly string[]; signal?: AbortSignal } = {}): Promise<readonly SaveOutcome[]> {
    const adapter = this.adapter;
    if (!adapter || !canEdit(this.#state) || this.#state.status !== 'ready') return [];
    let changes = pendingChanges(this.#state);
    if (options.only) {
      const only = new Set(options.only);
      changes = changes.filter((c) => only.has(c.accountId));
    }
    if (!options.only) await this.#saveLocks(adapter, options.signal);
    if (!options.only) await this.#saveTerritories(adapter, options.signal);
    if (!options.only) await this.#saveQuotas(adapter, options.signal);
    if (changes.length === 0) return [];
    this.#set(saveStarted(this.#state));
    const finishing = saveFinishing();
    let outcomes: SaveOutcome[];
    if (!this.#state.capabilities?.canWrite) {
      outcomes = changes.map((c) => ({ accountId: c.accountId, status: 'failed', code: 'READ_ONLY', message: 'this user may not write assignments' }));
    } else {
      try {
        outcomes = await adapter.save(changes, { signal: options.signal });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        outcomes = changes.map((c) => ({ accountId: c.accountId, status: 'failed', code: 'NETWORK', message }));
      }
    }
    this.#set((await finishing).saveFinished(this.#state, changes, outcomes), 'save');
    const result = this.#state.lastSave ?? [];
    this.dispatchEvent(new TkSaveResultEvent(result));
    return result;
  }

  /** Writes unsaved lock flags where the adapter can (`saveLocks`); the rest stay in the plan (and in storage). */
  async #saveLocks(adapter: CrmAdapter, signal?: AbortSignal): Promise<void> {
    const locks = pendingLocks(this.#state);
    if (!locks.length || !adapter.saveLocks || !this.#state.capabilities?.canWriteLocks) return;
    try {
      const outcomes = await adapter.saveLocks(locks, { signal });
      const saved = locks.filter((_, i) => outcomes[i]?.status === 'saved');
      this.#set(locksSaved(this.#state, saved));
    } catch (error) {
      console.warn('territory-kit: could not save lock flags', error);
    }
  }

  /** Writes unsaved territory changes where the adapter can (`saveTerritories`); outcomes land in `lastTerritorySave`. */
  async #saveTerritories(adapter: CrmAdapter, signal?: AbortSignal): Promise<void> {
    const changes = pendingTerritoryChanges(this.#state);
    if (!changes.length || !adapter.saveTerritories || !this.#state.capabilities?.canWriteTerritories) return;
    this.#set(saveStarted(this.#state));
    let outcomes: TerritorySaveOutcome[];
    try {
      outcomes = await adapter.saveTerritories(changes, { signal });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes = changes.map((c) => ({ territoryId: c.id, status: 'failed', code: 'NETWORK', message }));
    }
    const next = { ...territoriesSaved(this.#state, changes, outcomes), saving: false };
    if (pendingTerritoryChanges(next).length === 0) this.#loadedTerritories = next.territories; // nothing left to keep in storage
    this.#set(next, 'save');
  }

  /** Writes unsaved quota changes where the adapter can (`saveQuotas`); outcomes land in `lastQuotaSave`. */
  async #saveQuotas(adapter: CrmAdapter, signal?: AbortSignal): Promise<void> {
    const changes = pendingQuotaChanges(this.#state);
    if (!changes.length || !adapter.saveQuotas || !this.#state.capabilities?.canWriteQuotas) return;
    this.#set(saveStarted(this.#state));
    const finishing = saveFinishing();
    let outcomes: unknown;
    try {
      outcomes = await adapter.saveQuotas(changes, { signal });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes = changes.map((c) => ({ repId: c.repId, period: c.period, status: 'failed', code: 'NETWORK', message }));
    }
    this.#set({ ...(await finishing).quotasSaved(this.#state, changes, outcomes), saving: false }, 'save');
  }

  protected override render() {
    const s = this.#state;
    const f = this.fmt;
    return html`
      ${s.status === 'loading'
        ? html`<div part="progress" class="notice" role="status">
            <span>${this.#progressText()}</span>
            <progress aria-label=${msg('Loading progress')} max=${s.progress?.total ?? 1} value=${s.progress?.total ? s.progress.loaded : nothing}></progress>
          </div>`
        : nothing}
      ${s.status === 'error' && s.error
        ? html`<div part="error" class="notice" role="alert">
            <span>${this.#words()?.loadErrorText(s.error) ?? msg(str`Could not load the plan: ${s.error.message} (${s.error.code})`)}</span>
            <button type="button" @click=${() => this.actions.reload()}>${msg('Try again')}</button>
          </div>`
        : nothing}
      ${this.otherTab && s.status === 'ready' ? this.#renderOtherTab() : nothing}
      ${this.offer ? this.#renderOffer(this.offer) : nothing} ${this.restoreReport ? this.#renderRestoreReport() : nothing}
      ${s.notices?.length && s.status === 'ready'
        ? this.#renderNotices(s.notices)
        : nothing}
      ${s.rejected.length && canEdit(s) ? this.#renderRejections() : nothing}
      ${!this.noToolbar && canEdit(s) && s.status === 'ready' ? this.#renderToolbar() : nothing}
      <slot></slot>
    `;
  }

  #progressText(): string {
    const s = this.#state;
    const loaded = this.fmt.number(s.progress?.loaded ?? 0, 0);
    const phase = s.progress?.phase;
    const label =
      phase === 'accounts' ? msg('Loading accounts…')
      : phase === 'reps' ? msg('Loading reps…')
      : phase === 'territories' ? msg('Loading territories…')
      : phase === 'assignments' ? msg('Loading territory assignments…')
      : phase === 'opportunities' || phase === 'performance' ? msg('Loading performance…')
      : phase ? msg(str`Loading ${phase}…`)
      : msg('Loading…');
    // The label, then a counter (numbers only: no words to order).
    return s.progress?.total === undefined ? `${label} ${loaded}` : `${label} ${loaded} / ${this.fmt.number(s.progress.total, 0)}`;
  }

  #restoredText(applied: number, territories: boolean): string {
    const n = this.fmt.number(applied, 0);
    if (territories) return isOne(applied) ? msg(str`Restored ${n} change and the territory edits.`) : msg(str`Restored ${n} changes and the territory edits.`);
    return isOne(applied) ? msg(str`Restored ${n} change.`) : msg(str`Restored ${n} changes.`);
  }

  #renderOtherTab() {
    return html`<div part="other-tab" class="notice" role="status">
      <span>${msg('Another tab is editing this plan, so it is read-only here.')}</span>
      ${this.otherTab === 'owns' ? html`<button type="button" @click=${() => this.takeOver()}>${msg('Edit here instead')}</button>` : nothing}
    </div>`;
  }

  #renderOffer(offer: StoredPlan) {
    const n = offer.changes.length;
    const k = offer.scenarios?.length ?? 0;
    const count = this.fmt.number(n, 0);
    const scenarios = this.fmt.number(k, 0);
    // Each item is a whole message; Intl.ListFormat joins them the way the language does.
    const what = new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(
      [
        n ? (isOne(n) ? msg(str`${count} unsaved change`) : msg(str`${count} unsaved changes`)) : '',
        offer.territories ? msg('territory edits') : '',
        offer.locks ? msg('lock changes') : '',
        offer.alertSettings ? msg('alert settings') : '',
        k ? (isOne(k) ? msg(str`${scenarios} scenario`) : msg(str`${scenarios} scenarios`)) : '',
        offer.quotas?.length ? msg('quotas') : '',
      ].filter(Boolean),
    );
    const when = this.fmt.dateTime(offer.savedAt);
    return html`<div part="restore" class="notice" role="region" aria-label=${msg('Unsaved changes')}>
      <span>${msg(str`Restore ${what} from ${when}?`)}</span>
      <button type="button" class="brand" @click=${() => this.restore()}>${msg('Restore')}</button>
      <button type="button" @click=${() => this.declineRestore()}>${msg('Discard')}</button>
    </div>`;
  }

  #renderRestoreReport() {
    const { applied, skipped, territories } = this.restoreReport!;
    const names = new Map(this.#state.accounts.map((a) => [a.id, a.name]));
    return html`<div part="restore restore-report" class="notice" role="status">
      <span>${this.#restoredText(applied, territories)}</span>
      ${skipped.length
        ? html`<span>${msg(str`Could not be restored: ${this.fmt.number(skipped.length, 0)}`)}</span>
            <ul>
              ${skipped.map(
                (k) => html`<li>${names.get(k.change.accountId) ?? k.change.accountId}: ${skipReason(k.reason)}</li>`,
              )}
            </ul>`
        : nothing}
      <button type="button" @click=${() => (this.restoreReport = null)}>${msg('Dismiss')}</button>
    </div>`;
  }

  #renderRejections() {
    const rejected = this.#state.rejected;
    const n = rejected.length;
    // Kinds and reasons in the UI language once the on-demand wording (load-notice.ts) has loaded.
    const words = this.#words();
    return html`<details part="rejections">
      <summary>${isOne(n)
        ? msg(str`${this.fmt.number(n, 0)} record was rejected at load (the rest loaded)`)
        : msg(str`${this.fmt.number(n, 0)} records were rejected at load (the rest loaded)`)}</summary>
      <table>
        <thead>
          <tr><th scope="col">${msg('Record')}</th><th scope="col">${msg('Field')}</th><th scope="col">${msg('Reason')}</th></tr>
        </thead>
        <tbody>
          ${rejected.slice(0, MAX_LISTED).map(
            (r) => html`<tr title=${formatRejection(r)}>
              <td>${words ? words.recordKindText(r.kind) : r.kind} ${r.id ?? msg(str`at position ${r.index}`)}</td>
              <td>${r.field || msg('(record)')}</td>
              <td>${words ? words.rejectionText(this.fmt, r) : r.reason}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${n > MAX_LISTED ? html`<p class="weak">${msg(str`and ${this.fmt.number(n - MAX_LISTED, 0)} more`)}</p>` : nothing}
    </details>`;
  }

  #renderToolbar() {
    const s = this.#state;
    const pending = pendingChanges(s).length;
    const writeTerritories = s.capabilities?.canWriteTerritories === true;
    const territories = writeTerritories ? pendingTerritoryChanges(s).length : 0;
    const [u, r] = [s.past.at(-1), s.future[0]].map((e) => stepLabel(e, this.fmt.number, () => this.requestUpdate()));
    const last = s.lastSave;
    const notSaved = last ? last.filter((o) => o.status !== 'saved') : [];
    const retryIds = notSaved.filter((o) => o.status === 'failed').map((o) => o.accountId);
    const p = this.fmt.number(pending, 0);
    const t = this.fmt.number(territories, 0);
    const counts = territories
      ? isOne(pending)
        ? isOne(territories) ? msg(str`${p} unsaved change, ${t} territory`) : msg(str`${p} unsaved change, ${t} territories`)
        : isOne(territories) ? msg(str`${p} unsaved changes, ${t} territory`) : msg(str`${p} unsaved changes, ${t} territories`)
      : isOne(pending) ? msg(str`${p} unsaved change`) : msg(str`${p} unsaved changes`);
    const failed = notSaved.filter((o) => o.status === 'failed').length;
    const conflicts = notSaved.filter((o) => o.status === 'conflict').length;
    return html`<div part="toolbar" role="group" aria-label=${msg('Unsaved plan')}>
        <span class="count" role="status">${counts}</span>
        <button type="button" ?disabled=${!u} title=${u ? msg(str`Undo: ${u}`) : msg('Nothing to undo')} @click=${() => this.actions.undo()}>${msg('Undo')}</button>
        <button type="button" ?disabled=${!r} title=${r ? msg(str`Redo: ${r}`) : msg('Nothing to redo')} @click=${() => this.actions.redo()}>${msg('Redo')}</button>
        <button type="button" ?disabled=${pending === 0} @click=${() => this.actions.discard()}>${msg('Discard')}</button>
        <button type="button" class="brand" ?disabled=${(pending === 0 && territories === 0) || s.saving} @click=${() => void this.actions.save()}>
          ${s.saving ? msg('Saving…') : msg('Save')}
        </button>
      </div>
      ${last && last.length
        ? html`<div part="save-result" class="notice" role="status">
            <span class="ok">${msg(str`${this.fmt.number(last.length - notSaved.length, 0)} saved`)}</span>
            ${notSaved.length
              ? html`<span class="failed">${msg(str`${this.fmt.number(failed, 0)} failed, ${this.fmt.number(conflicts, 0)} in conflict (still pending)`)}</span>
                  ${retryIds.length
                    ? html`<button type="button" @click=${() => void this.actions.save({ only: retryIds })}>${msg('Retry failed')}</button>`
                    : nothing}`
              : nothing}
          </div>
          ${notSaved.length ? this.#renderSaveProblems(notSaved) : nothing}`
        : nothing}
      ${s.lastTerritorySave?.length
        ? html`<div part="territory-save-result" class="notice" role="status">
            ${msg(str`Territories: ${s.lastTerritorySave.filter((o) => o.status === 'saved').length} saved, ${s.lastTerritorySave.filter((o) => o.status === 'failed').length} failed, ${s.lastTerritorySave.filter((o) => o.status === 'conflict').length} in conflict`)}
          </div>`
        : nothing}`;
  }

  #renderSaveProblems(problems: readonly SaveOutcome[]) {
    const names = new Map(this.#state.accounts.map((a) => [a.id, a.name]));
    const words = this.#words();
    return html`<details part="save-problems">
      <summary>${isOne(problems.length)
        ? msg(str`Why ${this.fmt.number(problems.length, 0)} change was not saved`)
        : msg(str`Why ${this.fmt.number(problems.length, 0)} changes were not saved`)}</summary>
      <table>
        <thead>
          <tr><th scope="col">${msg('Account')}</th><th scope="col">${msg('Outcome')}</th><th scope="col">${msg('Reason')}</th></tr>
        </thead>
        <tbody>
          ${problems.slice(0, MAX_LISTED).map(
            (o) => html`<tr>
              <td>${names.get(o.accountId) ?? o.accountId}</td>
              <td>${outcomeLabel(o.status)}${o.code ? html` (${o.code})` : nothing}</td>
              <td>${words ? words.outcomeReasonText(o) : (o.message ?? '')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${problems.length > MAX_LISTED ? html`<p class="weak">${msg(str`and ${this.fmt.number(problems.length - MAX_LISTED, 0)} more`)}</p>` : nothing}
    </details>`;
  }
}
