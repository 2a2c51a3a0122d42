import { html, type TemplateResult } from 'lit';
import type { Change } from '../../../src/adapters/crm-adapter.js';
import type { PlanActions, PlanState } from '../../../src/store/types.js';
import type { Formatters } from '../../shared/format.js';
import type { RebalanceController } from '../controllers/rebalance-controller.js';
import type { DeferredController } from '../controllers/deferred-controller.js';

/** The panel's sections, in display order. */
export const SECTIONS = ['reps', 'selection', 'rebalance', 'leaves', 'save', 'quotas', 'alerts', 'territories', 'export'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Sections open until the user closes them (the rest compute nothing while closed). */
export const DEFAULT_OPEN: readonly SectionId[] = ['reps', 'selection', 'rebalance', 'save'];

/** The panel's own UI state (plain data; the plan itself lives in the provider). */
export interface PanelUi {
  open: Set<SectionId>;
  /** Rep chosen in the "assign to" menu. */
  assignTo: string;
  /** Rebalance form, as typed (percent for tolerance; '' = no limit). */
  tolerancePct: string;
  maxMoves: string;
  maxPotential: string;
  /** Farthest an account may go from its new rep, in km ('' = no limit). */
  maxDistanceKm: string;
  respectLocks: boolean;
  lockSelection: boolean;
  /** What the rebalance keeps small besides the deviation (the engine's `objective`). */
  objective: 'disruption' | 'compactness';
  /** The changes the panel last sent to the CRM, by account id (to name both reps in the outcome list). */
  sent: Map<string, Change>;
  /** Quota form. */
  teamTarget: string;
  historyPct: string;
  /** The last prepared download. */
  download: { url: string; filename: string; label: string } | null;
  /** Polite status line (what just happened). */
  status: string;
  /** A form error to show, per section. */
  errors: Partial<Record<SectionId, string>>;
  /** A bulk assignment waiting for the user's yes (shown while the plan and selection are as they were). */
  confirm: PendingAssign | null;
  /** The selection's "Distribute across reps" preview is shown (sections/selection-actions.ts). */
  distributing?: boolean;
  /** The last rebalance applied (label), shown with an Undo button until the next step. */
  applied: { label: string; past: number } | null;
  /** What the last territory import did: territories taken in, and those rejected (id, field, reason). */
  territoryImport?: { imported: number; error?: string; rejected: readonly { id?: string; index: number; field: string; reason: string }[] } | null;
}

/** An assignment that asks first: the accounts that will move, and those left out by locks. */
export interface PendingAssign {
  repId: string | null;
  /** Accounts that will change hands. */
  ids: readonly string[];
  /** Selected accounts held by a lock (their own or their owner's): they stay. */
  held: readonly string[];
  /** The working plan and selection it was worked out on. */
  basedOn: PlanState['working'];
  selection: PlanState['selection'];
}

export function defaultUi(): PanelUi {
  return {
    open: new Set(DEFAULT_OPEN),
    assignTo: '',
    tolerancePct: '5',
    maxMoves: '',
    maxPotential: '',
    maxDistanceKm: '',
    respectLocks: true,
    lockSelection: false,
    objective: 'disruption',
    sent: new Map(),
    teamTarget: '',
    historyPct: '0',
    download: null,
    status: '',
    errors: {},
    confirm: null,
    applied: null,
  };
}

/** What a section renderer sees. */
export interface PanelCtx {
  s: PlanState;
  a: PlanActions;
  f: Formatters;
  /** The viewer may edit (role is not `rep`). */
  edit: boolean;
  ui: PanelUi;
  /** Changes UI state and re-renders. */
  set(patch: Partial<PanelUi>): void;
  /** Says what happened in the status line. */
  announce(message: string): void;
  /** After the next render, moves focus to the first element matching one of `selectors` (in the panel). */
  focus(...selectors: string[]): void;
  repName(id: string | null | undefined): string;
  accountName(id: string): string;
  rebalance: RebalanceController;
  /** Costly figures computed after the edit paints (alerts, quotas). */
  deferred: DeferredController;
  /** Saves pending changes (all, or only these ids) and remembers what was sent. */
  save(only?: readonly string[]): void;
  /** Prepares a file download from text. */
  offerDownload(text: string, filename: string, type: string, label: string): void;
  /** The panel's tolerance (attribute `tolerance`). */
  tolerance: number;
  /** The panel's `theme` and `currency` attributes, for the elements it hosts (quota planner, distribute preview). */
  theme?: string;
  currency?: string;
  /** The chunk of parts not needed at first (closed sections, the bulk-assign confirmation); null until it arrives. */
  later: typeof import('./closed-sections.js') | null;
}

/** A collapsible section: a <details> whose body renders only while open. */
export function section(ctx: PanelCtx, id: SectionId, title: string, body: () => TemplateResult, badge?: string): TemplateResult {
  const open = ctx.ui.open.has(id);
  const toggle = (e: Event) => {
    const now = (e.target as HTMLDetailsElement).open;
    if (now === ctx.ui.open.has(id)) return;
    const next = new Set(ctx.ui.open);
    if (now) next.add(id);
    else next.delete(id);
    ctx.set({ open: next });
  };
  return html`<details part="section section-${id}" data-section=${id} ?open=${open} @toggle=${toggle}>
    <summary part="heading"><span class="title">${title}</span>${badge ? html` <span class="badge">${badge}</span>` : ''}</summary>
    <div class="body" part="body">${open ? body() : ''}</div>
  </details>`;
}

/** An error line for a section, when it has one. */
export function sectionError(ctx: PanelCtx, id: SectionId): TemplateResult | string {
  const message = ctx.ui.errors[id];
  return message ? html`<p class="error" role="alert">${message}</p>` : '';
}

/** Parses an optional non-negative number typed in a form ('' → null); NaN when unreadable. */
export function optionalNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : NaN;
}
