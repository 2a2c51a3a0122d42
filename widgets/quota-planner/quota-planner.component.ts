import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { splitQuota, type QuotaMethod, type QuotaSplit } from '../../src/engine/split-quota.js';
import { PlanController } from '../shared/plan-controller.js';
import { TkElement } from '../shared/tk-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { quotasCsv } from './quotas-csv.js';
import { styles } from './quota-planner.styles.js';
import { appliedOnTop, undoApplied } from '../shared/applied-step.js';
import { engineErrorText, historyLabelText } from '../shared/core-words.js';

const METHODS: { value: QuotaMethod; label: () => string }[] = [
  { value: 'potential', label: () => msg('Potential share') },
  { value: 'history', label: () => msg("Last period's results") },
  { value: 'capacity', label: () => msg('Capacity') },
  { value: 'manual', label: () => msg('By hand') },
];

/** The first day (UTC) of the quarter after `now`, as YYYY-MM-DD. */
function nextQuarter(now = new Date()): string {
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  const year = now.getUTCFullYear() + (q === 4 ? 1 : 0);
  return `${year}-${String(((q % 4) * 3) + 1).padStart(2, '0')}-01`;
}

/**
 * @summary Quota planning: a team target for a period split across the active reps by potential
 * share, last period's results, capacity or by hand; agreed quotas locked; the split always sums to
 * the target; the fairness view says who is asked for more than their potential share. Apply writes
 * the quotas into the plan as one undoable step (kept with the unsaved work and exportable as CSV).
 *
 * @csspart controls - Target, period and method.
 * @csspart table - The per-rep rows.
 * @csspart sum - The sum check.
 * @csspart fairness - The fairness words.
 * @csspart apply - The Apply button.
 * @csspart download - The CSV download link.
 * @csspart undo - The Undo button shown after Apply (while it is the plan's last step).
 *
 * Attributes: `target` (whole currency units; default the sum of the reps' current quotas),
 * `period` (first day, YYYY-MM-DD; default next quarter), `method` (potential | history | capacity |
 * manual), `locale`, `currency`, `theme`.
 */
export class TkQuotaPlanner extends TkElement {
  static override styles = [tokens, styles];
  static override properties = {
    target: { type: Number },
    period: { type: String },
    method: { type: String },
    locked: { state: true },
    manual: { state: true },
    download: { state: true },
    message: { state: true },
    appliedLabel: { state: true },
  };

  declare target: number | undefined;
  declare period: string;
  declare method: QuotaMethod;
  declare protected locked: Record<string, number>;
  declare protected manual: Record<string, number>;
  declare protected download: { url: string; filename: string } | null;
  declare protected message: string;
  /** The undo label of the last Apply (Undo is offered while it is the plan's last step). */
  declare protected appliedLabel: string | null;
  private plan = new PlanController(this);
  /** The period whose plan quotas seeded the locks, so the user's edits are not overwritten. */
  private seeded: string | null = null;

  constructor() {
    super();
    this.period = nextQuarter();
    this.method = 'potential';
    this.locked = {};
    this.manual = {};
    this.download = null;
    this.message = '';
    this.appliedLabel = null;
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.plan.changed(['status', 'accounts', 'reps', 'working', 'quotas', 'role', 'readOnlyReason', 'capabilities']) || changed.size > 0;
  }

  protected override willUpdate(): void {
    const s = this.plan.state;
    if (!s || s.status !== 'ready' || this.seeded === this.period) return;
    // Quotas already agreed in the plan for this period start locked.
    this.seeded = this.period;
    const agreed: Record<string, number> = {};
    for (const q of s.quotas ?? []) if (q.period === this.period && q.locked) agreed[q.repId] = q.amount;
    this.locked = agreed;
  }

  private get targetValue(): number {
    const s = this.plan.state;
    if (this.target !== undefined && this.target !== null && !Number.isNaN(this.target)) return this.target;
    return Math.round((s?.reps ?? []).reduce((sum, r) => sum + (r.active ? (r.quota ?? 0) : 0), 0));
  }

  private split(): { ok: true; value: QuotaSplit } | { ok: false; message: string } {
    const s = this.plan.state!;
    try {
      return {
        ok: true,
        value: splitQuota({ target: this.targetValue, reps: s.reps, accounts: s.accounts, assignments: s.working, method: this.method, locked: this.locked, manual: this.manual }),
      };
    } catch (error) {
      return { ok: false, message: engineErrorText(error, this.fmt) };
    }
  }

  private setAmount(repId: string, value: string): void {
    const n = Math.round(Number(value));
    if (value.trim() === '' || !(n >= 0)) return;
    if (this.method === 'manual' && !Object.hasOwn(this.locked, repId)) this.manual = { ...this.manual, [repId]: n };
    else this.locked = { ...this.locked, [repId]: n };
  }

  private toggleLock(repId: string, quota: number, on: boolean): void {
    const next = { ...this.locked };
    if (on) next[repId] = quota;
    else delete next[repId];
    this.locked = next;
  }

  private apply(split: QuotaSplit): void {
    // The store's default label, worded now (the same words as a step the store labels itself).
    const label = historyLabelText({ kind: 'set-quotas', count: split.lines.length, period: this.period }, (n) => this.fmt.number(n, 0));
    const ok = this.plan.actions?.applyQuotas?.(
      this.period,
      split.lines.map((l) => ({ repId: l.repId, amount: l.quota, ...(l.locked ? { locked: true } : {}) })),
      label,
    );
    this.appliedLabel = ok ? label : null;
    this.message = ok ? msg(str`Quotas for ${this.period} applied to the plan. Undo takes them back.`) : msg('Nothing changed');
    if (ok) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[part~=undo]')?.focus());
  }

  private undo(): void {
    if (!appliedOnTop(this.plan, this.appliedLabel)) return;
    if (undoApplied(this.plan, this.appliedLabel)) this.message = msg(str`Undone: ${this.appliedLabel}`);
    this.appliedLabel = null;
  }

  private exportCsv(): void {
    const s = this.plan.state!;
    if (this.download) URL.revokeObjectURL(this.download.url);
    const names = new Map(s.reps.map((r) => [r.id, r.name || r.id]));
    const url = URL.createObjectURL(new Blob([quotasCsv(s.quotas ?? [], (id) => names.get(id) ?? id)], { type: 'text/csv' }));
    this.download = { url, filename: 'territory-quotas.csv' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.download) URL.revokeObjectURL(this.download.url);
  }

  protected override render() {
    const s = this.plan.state;
    if (!s || s.status !== 'ready') return html`<p class="weak">${s?.status === 'loading' ? msg('Loading…') : msg('No plan loaded')}</p>`;
    const result = this.split();
    const names = new Map(s.reps.map((r) => [r.id, r.name || r.id]));
    const target = this.targetValue;
    const editable = this.plan.canEdit;
    const writes = s.capabilities?.canWriteQuotas === true;
    return html`
      <div part="controls" class="controls">
        <label>${msg('Team target')}
          <input type="number" name="target" min="0" step="1" .value=${String(target)}
            @change=${(e: Event) => (this.target = Math.round(Number((e.target as HTMLInputElement).value)))} />
        </label>
        <label>${msg('Period starts')}
          <input type="date" name="period" .value=${this.period} @change=${(e: Event) => (this.period = (e.target as HTMLInputElement).value)} />
        </label>
        <label>${msg('Split by')}
          <select name="method" @change=${(e: Event) => (this.method = (e.target as HTMLSelectElement).value as QuotaMethod)}>
            ${METHODS.map((m) => html`<option value=${m.value} ?selected=${m.value === this.method}>${m.label()}</option>`)}
          </select>
        </label>
      </div>
      ${result.ok
        ? this.table(result.value, names)
        : html`<p part="error" class="error" role="alert">${result.message}</p>
            ${Object.keys(this.locked).length ? html`<button part="unlock-all" type="button" @click=${() => (this.locked = {})}>${msg('Unlock the agreed quotas')}</button>` : nothing}`}
      ${result.ok ? this.summary(result.value, target) : nothing}
      <div class="actions">
        <button part="apply" class="brand" type="button" ?disabled=${!result.ok || !editable || !this.plan.actions?.applyQuotas} @click=${() => result.ok && this.apply(result.value)}>${msg('Apply quotas to the plan')}</button>
        <button type="button" ?disabled=${!(s.quotas?.length)} @click=${() => this.exportCsv()}>${msg('Export quotas (CSV)')}</button>
        ${this.download ? html`<a part="download" href=${this.download.url} download=${this.download.filename}>${msg(str`Download ${this.download.filename}`)}</a>` : nothing}
      </div>
      <p class="weak" role="status">${this.message}
        ${appliedOnTop(this.plan, this.appliedLabel) ? html`<button part="undo" type="button" @click=${() => this.undo()}>${msg('Undo')}</button>` : nothing}</p>
      ${writes
        ? nothing
        : html`<p class="weak" part="crm-note">${s.capabilities?.system
            ? msg(str`${s.capabilities.system} does not take quotas from territory-kit: they stay in the plan (kept with the unsaved work) and export as CSV.`)
            : msg('This CRM does not take quotas from territory-kit: they stay in the plan (kept with the unsaved work) and export as CSV.')}</p>`}
    `;
  }

  private table(split: QuotaSplit, names: Map<string, string>) {
    const f = this.fmt;
    return html`<table part="table">
      <caption class="weak">${msg(str`Quotas for the period starting ${this.period}`)}</caption>
      <thead><tr><th scope="col">${msg('Rep')}</th><th scope="col" class="num share">${msg('Potential share')}</th><th scope="col" class="num">${msg('Quota')}</th><th scope="col">${msg('Agreed')}</th><th scope="col" class="num">${msg('vs potential')}</th></tr></thead>
      <tbody>
        ${split.lines.map((l) => {
          const name = names.get(l.repId) ?? l.repId;
          const vs = l.potentialQuota > 0 ? l.quota / l.potentialQuota - 1 : null;
          return html`<tr data-rep=${l.repId}>
            <th scope="row">${name}</th>
            <td class="num share">${f.percent(l.potentialShare, 1)}</td>
            <td class="num"><input type="number" min="0" step="1" aria-label=${msg(str`Quota for ${name}`)} .value=${String(l.quota)}
              @change=${(e: Event) => this.setAmount(l.repId, (e.target as HTMLInputElement).value)} /></td>
            <td><input type="checkbox" aria-label=${msg(str`${name}'s quota is agreed (locked)`)} .checked=${l.locked}
              @change=${(e: Event) => this.toggleLock(l.repId, l.quota, (e.target as HTMLInputElement).checked)} /></td>
            <td class="num ${vs !== null && vs > 0.05 ? 'over' : ''}">${vs === null ? '—' : f.signedPercent(vs)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private summary(split: QuotaSplit, target: number) {
    const f = this.fmt;
    const sum = split.lines.reduce((s, l) => s + l.quota, 0);
    const names = new Map((this.plan.state?.reps ?? []).map((r) => [r.id, r.name || r.id]));
    const name = (id: string) => names.get(id) ?? id;
    const pct = (x: number) => f.number(Math.round(x * 100), 0);
    // The fairness in words, from the split's figures (the engine's English sentence is not shown).
    const teamPotential = split.lines.reduce((s, l) => s + l.potential, 0);
    const top = split.notes[0];
    const summary =
      split.lines.length === 0
        ? msg('No active rep to split the target over.')
        : teamPotential === 0
          ? msg('No rep holds potential under the plan, so fairness against potential cannot be judged.')
          : !top
            ? msg(str`Every rep is asked for at most ${pct(0.05)}% more than their potential share.`)
            : Number.isFinite(top.excessRatio)
              ? msg(str`${f.number(split.notes.length, 0)} of ${f.number(split.lines.length, 0)} reps are asked for more than their potential share; most: ${name(top.repId)}, ${pct(top.excessRatio)}% more.`)
              : msg(str`${f.number(split.notes.length, 0)} of ${f.number(split.lines.length, 0)} reps are asked for more than their potential share; ${name(top.repId)} holds no potential.`);
    const line = (n: QuotaSplit['notes'][number]) => {
      const l = split.lines.find((x) => x.repId === n.repId)!;
      return Number.isFinite(n.excessRatio)
        ? msg(str`${name(n.repId)} is asked for ${pct(n.excessRatio)}% more than their potential share (${f.currency(l.quota)} against ${f.currency(l.potentialQuota)}).`)
        : msg(str`${name(n.repId)} is asked for ${f.currency(l.quota)} but holds no potential.`);
    };
    return html`<p part="sum" class=${sum === target ? 'ok' : 'error'}>${sum === target ? msg(str`Sum ${f.currency(sum)} = target`) : msg(str`Sum ${f.currency(sum)} ≠ target ${f.currency(target)}`)}</p>
      <div part="fairness">
        <p>${summary}</p>
        ${split.notes.length ? html`<ul>${split.notes.map((n) => html`<li>${line(n)}</li>`)}</ul>` : nothing}
      </div>`;
  }
}
