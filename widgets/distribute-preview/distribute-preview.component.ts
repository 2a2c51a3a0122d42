import { html, nothing } from 'lit';
import { distributeAccounts, type DistributeResult } from '../../src/engine/distribute-accounts.js';
import { PlanController } from '../shared/plan-controller.js';
import { TkElement } from '../shared/tk-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { styles } from './distribute-preview.styles.js';

/** Proposals listed before "and N more". */
const SHOWN = 50;

/**
 * @summary Distributes the selected accounts (or a leaving rep's whole book) over the team: proposes
 * an owner per account by skills, relationship, proximity and headroom under the balance tolerance,
 * shows the per-rep gains, the balance after and a reason per account, and applies the proposal as
 * one undoable step. Locked accounts and reps stay put; inactive reps receive nothing.
 *
 * @csspart controls - What to distribute and the Propose button.
 * @csspart balance - Balance before and after.
 * @csspart reps - Per-rep gains table.
 * @csspart proposals - Per-account proposals with reasons.
 * @csspart apply - The Apply button.
 *
 * Attributes: `tolerance` (default 0.05), `from-rep-id` (distribute this rep's book instead of the
 * selection), `locale`, `currency`, `theme`.
 */
export class TkDistributePreview extends TkElement {
  static override styles = [tokens, styles];
  static override properties = {
    tolerance: { type: Number },
    fromRepId: { type: String, attribute: 'from-rep-id' },
    result: { state: true },
    error: { state: true },
    message: { state: true },
  };

  declare tolerance: number;
  declare fromRepId: string;
  declare protected result: DistributeResult | null;
  declare protected error: string;
  declare protected message: string;
  private plan = new PlanController(this);
  /** The working plan the proposal was made against: a newer plan makes it stale. */
  private madeFor: unknown = null;

  constructor() {
    super();
    this.tolerance = 0.05;
    this.fromRepId = '';
    this.result = null;
    this.error = '';
    this.message = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.result) this.plan.actions?.previewAssignments?.(null);
  }

  private propose(): void {
    const s = this.plan.state;
    if (!s) return;
    try {
      const input = this.fromRepId
        ? { accounts: s.accounts, reps: s.reps, assignments: s.working, fromRepId: this.fromRepId }
        : { accounts: s.accounts, reps: s.reps, assignments: s.working, accountIds: s.selection };
      this.result = distributeAccounts(input, { tolerance: this.tolerance >= 0 ? this.tolerance : 0.05 });
      this.madeFor = s.working;
      this.error = '';
      this.message = '';
      this.plan.actions?.previewAssignments?.(Object.keys(this.result.assignments).length ? this.result.assignments : null);
    } catch (error) {
      this.result = null;
      this.error = (error as Error).message;
    }
  }

  private apply(): void {
    const r = this.result;
    const a = this.plan.actions;
    if (!r || !a) return;
    const n = Object.keys(r.assignments).length;
    a.previewAssignments?.(null);
    const ok = a.applyAssignments(r.assignments, `Distribute ${n} account${n === 1 ? '' : 's'}`);
    this.result = null;
    this.message = ok ? `${n} account${n === 1 ? '' : 's'} distributed (undo to take it back)` : 'Nothing changed';
  }

  private discard(): void {
    this.plan.actions?.previewAssignments?.(null);
    this.result = null;
    this.message = 'Proposal discarded';
  }

  protected override render() {
    const s = this.plan.state;
    if (!s || s.status !== 'ready') return html`<p class="weak">${s?.status === 'loading' ? 'Loading…' : 'No plan loaded'}</p>`;
    const what = this.fromRepId ? 'book' : 'selection';
    const count = this.fromRepId ? s.accounts.filter((a) => (s.working[a.id] ?? null) === this.fromRepId).length : s.selection.length;
    const stale = this.result !== null && this.madeFor !== s.working;
    return html`
      <div part="controls" class="controls">
        <label>Distribute
          <select name="from" @change=${(e: Event) => {
            this.fromRepId = (e.target as HTMLSelectElement).value;
            this.discard();
            this.message = '';
          }}>
            <option value="" ?selected=${!this.fromRepId}>the selected accounts (${s.selection.length})</option>
            ${s.reps.map((r) => html`<option value=${r.id} ?selected=${r.id === this.fromRepId}>the book of ${r.name || r.id}${r.active === false ? ' (inactive)' : ''}</option>`)}
          </select>
        </label>
        <button type="button" class="brand" ?disabled=${count === 0 || !this.plan.canEdit} @click=${() => this.propose()}>Propose owners for ${count} account${count === 1 ? '' : 's'}</button>
      </div>
      ${count === 0 ? html`<p class="weak">Nothing to distribute: the ${what} is empty.</p>` : nothing}
      ${this.error ? html`<p class="over" role="alert">${this.error}</p>` : nothing}
      ${this.result ? this.preview(this.result, stale) : nothing}
      <p class="weak" role="status">${this.message}</p>
    `;
  }

  private preview(r: DistributeResult, stale: boolean) {
    const s = this.plan.state!;
    const f = this.fmt;
    const names = new Map(s.reps.map((x) => [x.id, x.name || x.id]));
    const accountNames = new Map(s.accounts.map((a) => [a.id, a.name || a.id]));
    const moves = Object.keys(r.assignments).length;
    const changed = r.byRep.filter((b) => b.gained || b.lost);
    const moving = r.proposals.filter((p) => p.from !== p.to);
    const dev = (x: number) => (Number.isFinite(x) ? f.percent(x, 1) : '—');
    return html`
      ${stale ? html`<p class="over" role="alert">The plan changed since this proposal: propose again before applying.</p>` : nothing}
      <p part="balance">
        ${moves} of ${r.proposals.length + r.kept.length} accounts change owner${r.kept.length ? html`; ${r.kept.length} stay (${this.keptWords(r)})` : nothing}.
        Worst deviation from target: workload ${dev(r.balanceBefore.workload.maxDeviation)} → <strong>${dev(r.balanceAfter.workload.maxDeviation)}</strong>,
        potential ${dev(r.balanceBefore.potential.maxDeviation)} → <strong>${dev(r.balanceAfter.potential.maxDeviation)}</strong>
        <span class=${r.withinTolerance ? 'ok' : 'over'}>(${r.withinTolerance ? 'every rep within tolerance' : 'some reps outside tolerance'})</span>.
      </p>
      <table part="reps">
        <caption class="weak">Per rep</caption>
        <thead><tr><th scope="col">Rep</th><th scope="col" class="num">Gains</th><th scope="col" class="num">Gives</th><th scope="col" class="num wide">Workload after</th><th scope="col" class="num">Off target after</th></tr></thead>
        <tbody>
          ${changed.map((b) => html`<tr data-rep=${b.repId}>
            <th scope="row">${names.get(b.repId) ?? b.repId}</th>
            <td class="num">${b.gained ? `+${b.gained}` : '—'}</td>
            <td class="num">${b.lost ? `−${b.lost}` : '—'}</td>
            <td class="num wide">${f.number(b.after.workload, 1)}</td>
            <td class="num ${b.withinToleranceAfter ? '' : 'over'}">${Number.isFinite(b.deviationAfter.workload) ? f.signedPercent(b.deviationAfter.workload) : '—'}</td>
          </tr>`)}
        </tbody>
      </table>
      <table part="proposals">
        <caption class="weak">Proposed owners${moving.length > SHOWN ? ` (first ${SHOWN} of ${moving.length})` : ''}</caption>
        <thead><tr><th scope="col">Account</th><th scope="col">From → to</th><th scope="col">Why</th></tr></thead>
        <tbody>
          ${moving.slice(0, SHOWN).map((p) => html`<tr data-account=${p.accountId}>
            <th scope="row">${accountNames.get(p.accountId) ?? p.accountId}</th>
            <td>${p.from ? (names.get(p.from) ?? p.from) : 'unassigned'} → ${names.get(p.to) ?? p.to}</td>
            <td class="reason">${p.reason}</td>
          </tr>`)}
        </tbody>
      </table>
      <div class="actions">
        <button part="apply" type="button" class="brand" ?disabled=${stale || moves === 0 || !this.plan.canEdit} @click=${() => this.apply()}>Apply ${moves} change${moves === 1 ? '' : 's'}</button>
        <button type="button" @click=${() => this.discard()}>Discard</button>
      </div>
    `;
  }

  private keptWords(r: DistributeResult): string {
    const counts = { 'locked-account': 0, 'locked-rep': 0, 'no-eligible-rep': 0 };
    for (const k of r.kept) counts[k.reason]++;
    const words: string[] = [];
    if (counts['locked-account']) words.push(`${counts['locked-account']} locked`);
    if (counts['locked-rep']) words.push(`${counts['locked-rep']} with a locked rep`);
    if (counts['no-eligible-rep']) words.push(`${counts['no-eligible-rep']} with no rep able to take them`);
    return words.join(', ');
  }
}
