import { msg, str } from '@lit/localize';
import { adoptStyles, html, nothing } from 'lit';
import type { Change } from '../../src/adapters/crm-adapter.js';
import { pendingChanges } from '../../src/store/selectors.js';
import { emptyAssignments } from '../../src/model/assignments.js';
import type { Assignments } from '../../src/model/plan.js';
import { PlanController } from '../shared/plan-controller.js';
import { HistoryKeysController } from '../shared/history-keys-controller.js';
import { TkElement } from '../shared/tk-element.js';
import { currentLanguage } from '../shared/localize.js';
import { tokens } from '../shared/tokens.styles.js';
import { DeferredController } from './controllers/deferred-controller.js';
import { RebalanceController, engineRunner, type RebalanceRunner } from './controllers/rebalance-controller.js';
import { defaultUi, section, type PanelCtx, type PanelUi, type SectionId } from './sections/context.js';
import { repsSection } from './sections/reps.js';
import { selectionSection } from './sections/selection.js';
import { rebalanceSection } from './sections/rebalance.js';
import { saveSection } from './sections/save.js';
import { alertsHeader, countsText, readAlerts } from './sections/alerts.js';
import { alertCounts, type AlertCounts } from '../shared/plan-alerts.js';
import { TkAlertsChangeEvent } from '../events/alerts-change-event.js';
import { styles } from './rep-assignment-panel.styles.js';

/** The territory editor is a separate chunk (with the zod model): loaded when its section first opens. */
let editorLoad: Promise<unknown> | null = null;
function loadEditor(): void {
  if (editorLoad || customElements.get('tk-territory-editor')) return;
  editorLoad = import('../territory-editor/territory-editor.js').catch((error) => {
    editorLoad = null;
    console.warn('territory-kit: could not load <tk-territory-editor>', error);
  });
}

/** A closed-at-first section while its chunk loads: the same heading (and badge); "Loading…" if opened. */
function loadingSection(ctx: PanelCtx, id: SectionId, title: string, badge?: string) {
  return section(ctx, id, title, () => html`<p class="weak" aria-busy="true">${msg('Loading…')}</p>`, badge);
}

/** The sections closed at first (quotas, alert list, export): a chunk loaded once, after the panel connects. */
type Closed = typeof import('./sections/closed-sections.js');
let closedLoad: Promise<Closed> | null = null;
/** The chunk once it has arrived (later panels render it at once). */
let closedLoaded: Closed | null = null;
function loadClosed(): Promise<Closed> {
  return (closedLoad ??= import('./sections/closed-sections.js').then(
    (m) => (closedLoaded = m),
    (error) => {
      closedLoad = null;
      throw error;
    },
  ));
}

/**
 * @summary The planner's side panel: reps and their balance, the selection — distributed across reps
 * (`<tk-distribute-preview>`: an owner per account, per-rep gains, balance after, reasons, applied in
 * one undoable step) or given to one recommended rep — assign/unassign, undo/redo, rebalance with a
 * preview diff, "a rep leaves" (their whole book distributed), save to the CRM with per-change
 * outcomes, quota planning (`<tk-quota-planner>`), alerts, territories (with `<tk-territory-editor>`)
 * and export. The distribute preview, the quota planner and the editor are chunks loaded on demand. Every section is collapsible
 * and computes nothing while closed. In the `rep` role it is read-only.
 *
 * Works inside `<tk-territory-provider>` (state and actions through `@lit/context`). Every edit goes
 * through the provider's actions, which fire `tk-assignment-change`, `tk-plan-applied` and
 * `tk-save-result`; the panel fires no events of its own.
 *
 * Keyboard: Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes while focus is anywhere in
 * the planner — the panel, the map, any element inside the same `<tk-territory-provider>` — outside
 * text fields, which keep their own undo (one listener on the provider: HistoryKeysController).
 * Focus never falls to the page: after Apply it goes to the applied notice's Undo button, after an
 * assignment to Undo, and when the focused control goes away, to its section's heading.
 *
 * @csspart section - Each collapsible section (also `section-<id>`: reps, selection, rebalance, leaves, save, quotas, alerts, territories, export).
 * @csspart heading - A section's summary line.
 * @csspart body - A section's content.
 * @csspart reps-table - The reps table.
 * @csspart selection-summary - Count and totals of the selection.
 * @csspart selection-list - The selected accounts (short list).
 * @csspart distribute - "Distribute across reps" for a selection of several accounts (holds `<tk-distribute-preview>`).
 * @csspart recommendations - The recommended reps list; each item is `recommendation`.
 * @csspart assign-menu - The rep menu with Assign and Unassign.
 * @csspart rebalance-form - Rebalance options.
 * @csspart progress - The rebalance progress bar (role="progressbar").
 * @csspart preview - The rebalance preview diff (`preview-stats`, `preview-reps`, `moves`).
 * @csspart pending - The unsaved-change count.
 * @csspart outcomes - The last save's outcomes; each item is `outcome outcome-<status>`.
 * @csspart alerts - The alert list.
 * @csspart header - The line above the sections: `alert-count`, the alert count and worst severity (opens the list).
 * @csspart alert-settings - The alert thresholds form (kept in the plan).
 * @csspart confirm - The ask-first box of a bulk assignment.
 * @csspart applied - The notice after Apply, with Undo.
 *
 * @fires tk-alerts-change - {@link TkAlertsChangeEvent} when the alert counts change (e.g. for a badge on the map).
 * @csspart download - The prepared download link.
 * @csspart status - The polite status line.
 * @csspart empty - Shown outside a provider or before the plan loads.
 *
 * @cssproperty [--tk-color-brand=#0176d3] - Primary buttons and accents (every `--tk-*` token applies).
 * @cssproperty [--tk-panel-max-height=none] - Height at which the panel scrolls.
 * @cssproperty [--tk-panel-list-max-height=20rem] - Height at which long lists (moves, reps affected, save outcomes) scroll.
 *
 * Attributes: `tolerance` (default 0.05, for deviations and alerts), `rebalance-worker` (`auto` |
 * `never`, default auto: "Rebalance" runs `runRebalance` in a Worker where allowed, else time-sliced
 * on the main thread), `locale`, `currency`, `theme`. Property `rebalanceRunner` replaces the engine
 * entry used by "Rebalance" (e.g. to run it on a server).
 */
export class TkRepAssignmentPanel extends TkElement {
  static override styles = [tokens, styles];
  static override properties = {
    tolerance: { type: Number },
    rebalanceRunner: { attribute: false },
    rebalanceWorker: { type: String, attribute: 'rebalance-worker' },
    ui: { state: true },
    closed: { state: true },
  };

  /** Allowed relative deviation for the reps table and alerts. Default 0.05. */
  declare tolerance: number;
  /** Replaces the engine entry "Rebalance" runs (default: `runRebalance` with `rebalanceWorker`). */
  declare rebalanceRunner: RebalanceRunner | undefined;
  /** `auto` (default): rebalance in a Worker where the page allows one, else time-sliced on the main thread; `never`: always the main thread. */
  declare rebalanceWorker: 'auto' | 'never';
  /** @internal The panel's own UI state. */
  declare protected ui: PanelUi;
  /** @internal The closed-at-first sections' chunk, null until it arrives (their headings show meanwhile). */
  declare protected closed: Closed | null;
  private readonly plan = new PlanController(this);
  protected readonly rebalance: RebalanceController;
  private readonly deferred = new DeferredController(this);
  /** Ctrl/Cmd+Z and Ctrl+Y anywhere in the planner (one listener on the provider). */
  protected readonly historyKeys = new HistoryKeysController(this, {
    plan: () => this.plan,
    onDone: ({ action, label }) => (this.ui = { ...this.ui, status: action === 'undo' ? msg(str`Undone: ${label}`) : msg(str`Redone: ${label}`) }),
  });
  /** Where focus goes after the next render (selectors, first match wins). */
  private focusNext: string[] | null = null;
  /** The section that held focus before a render, to catch focus when its control goes away. */
  private focusSection: string | null = null;
  /** The alert counts last announced with `tk-alerts-change`. */
  private sentCounts: string | null = null;
  /** The alert counts of the current plan (null before it loads or when the check failed). */
  alertCounts: AlertCounts | null = null;

  constructor() {
    super();
    this.tolerance = 0.05;
    this.rebalanceWorker = 'auto';
    this.ui = defaultUi();
    this.closed = null;
    this.rebalance = new RebalanceController(this, () => this.rebalanceRunner ?? engineRunner(this.rebalanceWorker === 'never' ? 'never' : 'auto'));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (closedLoaded) this.useClosed(closedLoaded);
    else
      loadClosed()
        .then((m) => {
          this.useClosed(m);
          // A bulk assignment asked first before the box could show: focus goes to it now, as it would have.
          if (this.ui.confirm) this.focusNext = ['[part~=confirm] button.brand', '[part~=confirm] button'];
        })
        .catch((error) => console.warn('territory-kit: could not load the panel sections', error));
  }

  /** Takes the on-demand chunk: its parts render from now on, with their styles added to the shadow root. */
  private useClosed(m: Closed): void {
    const root = this.renderRoot;
    if (root instanceof ShadowRoot && this.styled !== root) {
      this.styled = root;
      adoptStyles(root, [...TkRepAssignmentPanel.elementStyles, m.laterStyles]);
    }
    this.closed = m;
  }

  /** The shadow root the on-demand styles were added to. */
  private styled: ShadowRoot | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.ui.download) URL.revokeObjectURL(this.ui.download.url);
    this.ui = { ...this.ui, download: null };
  }

  /** Opens or closes a section by id (e.g. `alerts`). */
  setSectionOpen(id: SectionId, open: boolean): void {
    const next = new Set(this.ui.open);
    if (open) next.add(id);
    else next.delete(id);
    this.ui = { ...this.ui, open: next };
  }

  private get tol(): number {
    return this.tolerance >= 0 && this.tolerance < Infinity ? this.tolerance : 0.05;
  }

  protected override willUpdate(): void {
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    this.focusSection = active ? (active.closest('[data-section]')?.getAttribute('data-section') ?? 'panel') : null;
  }

  protected override updated(): void {
    this.sharePreview();
    const key = this.alertCounts ? JSON.stringify(this.alertCounts) : null;
    if (key !== null && key !== this.sentCounts) {
      this.sentCounts = key;
      this.dispatchEvent(new TkAlertsChangeEvent({ ...this.alertCounts! }));
    }
    const root = this.renderRoot as ShadowRoot;
    const wanted = this.focusNext;
    this.focusNext = null;
    if (wanted) {
      for (const sel of wanted) {
        const el = root.querySelector<HTMLElement>(sel);
        if (el && !(el as HTMLButtonElement).disabled) {
          el.focus();
          return;
        }
      }
    }
    // The focused control went away (Apply, Discard, a removed row…): keep focus in its section.
    if (this.focusSection !== null && !root.activeElement && (document.activeElement === document.body || document.activeElement === null)) {
      const summary = root.querySelector<HTMLElement>(`[data-section=${this.focusSection}] > summary`) ?? root.querySelector<HTMLElement>('summary');
      summary?.focus();
    }
  }

  private ctx(): PanelCtx | null {
    const s = this.plan.state;
    const a = this.plan.actions;
    if (!s || !a) return null;
    const reps = new Map(s.reps.map((r) => [r.id, r.name]));
    const accounts = new Map<string, string>();
    const names = () => {
      if (accounts.size === 0) for (const x of s.accounts) accounts.set(x.id, x.name);
      return accounts;
    };
    return {
      s,
      a,
      f: this.fmt,
      edit: this.plan.canEdit,
      ui: this.ui,
      tolerance: this.tol,
      theme: this.theme,
      currency: this.currency,
      later: this.closed,
      rebalance: this.rebalance,
      deferred: this.deferred,
      set: (patch) => (this.ui = { ...this.ui, ...patch }),
      announce: (status) => (this.ui = { ...this.ui, status }),
      focus: (...selectors) => {
        this.focusNext = selectors;
        this.requestUpdate();
      },
      repName: (id) => (id === null || id === undefined ? msg('Unassigned') : (reps.get(id) ?? id)),
      accountName: (id) => names().get(id) ?? id,
      save: (only) => this.save(only),
      offerDownload: (text, filename, type, label) => this.offerDownload(text, filename, type, label),
    };
  }

  private save(only?: readonly string[]): void {
    const s = this.plan.state;
    const a = this.plan.actions;
    if (!s || !a) return;
    const sent = new Map<string, Change>(only ? this.ui.sent : []);
    const wanted = only ? new Set(only) : null;
    for (const c of pendingChanges(s)) if (!wanted || wanted.has(c.accountId)) sent.set(c.accountId, c);
    this.ui = { ...this.ui, sent, status: msg('Saving…') };
    void a.save(only ? { only } : undefined).then((outcomes) => {
      const saved = outcomes.filter((o) => o.status === 'saved').length;
      this.ui = { ...this.ui, status: outcomes.length ? msg(str`Save finished: ${saved} of ${outcomes.length} saved`) : msg('Save finished') };
    });
  }

  private offerDownload(text: string, filename: string, type: string, label: string): void {
    if (this.ui.download) URL.revokeObjectURL(this.ui.download.url);
    const url = URL.createObjectURL(new Blob([text], { type }));
    this.ui = { ...this.ui, download: { url, filename, label }, status: `The ${label} is ready to download` };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLAnchorElement>('a[part~=download]')?.focus());
  }

  /** The moves of the rebalance preview last handed to the store (the map draws them). */
  private shownPreview: unknown = null;

  /** Hands the rebalance preview to the store (the map draws it): set while shown, cleared after. */
  private sharePreview(): void {
    const phase = this.rebalance.phase;
    const moves = phase.kind === 'preview' ? phase.result.moves : null;
    if (moves === this.shownPreview) return;
    this.shownPreview = moves;
    let preview: Assignments | null = null;
    if (moves) {
      preview = emptyAssignments();
      for (const m of moves) preview[m.accountId] = m.to;
    }
    this.plan.actions?.previewAssignments?.(preview);
  }

  protected override render() {
    const ctx = this.ctx();
    if (!ctx || ctx.s.status !== 'ready') {
      const loading = ctx?.s.status === 'loading';
      return html`<p part="empty" class="weak">${loading ? msg('Loading…') : msg('No plan loaded')}</p>`;
    }
    const alerts = readAlerts(ctx);
    this.alertCounts = alerts.value.ok ? alertCounts(alerts.value.value) : null;
    return html`<div class="panel" role="region" aria-label=${msg('Rep assignment')}>
      ${alertsHeader(ctx, this.alertCounts)}
      ${repsSection(ctx)} ${selectionSection(ctx)} ${ctx.edit ? rebalanceSection(ctx) : nothing}
      ${ctx.edit ? (this.closed ? this.closed.leavesSection(ctx) : loadingSection(ctx, 'leaves', msg('A rep leaves'))) : nothing}
      ${ctx.edit ? saveSection(ctx) : nothing}
      ${this.closed ? this.closed.quotasSection(ctx) : loadingSection(ctx, 'quotas', msg('Quotas'))}
      ${this.closed ? this.closed.alertsSection(ctx, alerts) : loadingSection(ctx, 'alerts', msg('Alerts'), this.alertCounts?.total ? countsText(ctx, this.alertCounts) : undefined)}
      ${section(ctx, 'territories', msg('Territories'), () => (loadEditor(), html`<tk-territory-editor locale=${this.fmt.locale} language=${currentLanguage()} theme=${this.theme ?? nothing}></tk-territory-editor>`), ctx.s.territories.length ? this.fmt.number(ctx.s.territories.length, 0) : undefined)}
      ${this.closed ? this.closed.exportSection(ctx) : loadingSection(ctx, 'export', msg('Export'))}
      <p part="status" class="status" role="status" aria-live="polite">${this.ui.status}</p>
    </div>`;
  }
}
