import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { distributeAccounts, type DistributeResult } from '../../src/engine/distribute-accounts.js';
import { PlanController } from '../shared/plan-controller.js';
import { TkElement } from '../shared/tk-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { styles } from './distribute-preview.styles.js';
import { fitReasonText } from './fit-reason.js';
import { appliedOnTop, undoApplied } from '../shared/applied-step.js';
import { isOne } from '../shared/plural.js';
import { keptText } from './held-back.js';

/** Proposals listed before "and N more". */
const SHOWN = 50;
/** Held-back accounts listed by name before "and N more". */
const HELD_SHOWN = 10;
/** Hand-overs longer than this are counted as far (the rebalance preview's threshold, FAR_KM). */
const FAR_KM = 500;

/** "N accounts" as a whole message (word order differs between languages). */
const accountsText = (n: number, f: (n: number) => string) => (n === 1 ? msg('1 account') : msg(str`${f(n)} accounts`));

/** What can be distributed: `any` offers the selection and every rep's book; `selection` only the selection; `rep` a leaving rep's book. */
export type DistributeSource = 'any' | 'selection' | 'rep';

/**
 * @summary Distributes the selected accounts (or a leaving rep's whole book) over the team: proposes
 * an owner per account by skills, relationship, proximity and headroom under the balance tolerance,
 * shows the per-rep gains, the balance after and a reason per account, and applies the proposal as
 * one undoable step (with an Undo button after). Locked accounts and reps stay put; inactive reps
 * receive nothing; a leaving rep counts as gone in the balance after.
 *
 * @csspart controls - What to distribute and the Propose button.
 * @csspart balance - Balance before and after.
 * @csspart reps - Per-rep gains table.
 * @csspart distance - The distance limit ("Move accounts at most … km") and its hint.
 * @csspart held-back - The accounts the distance limit held back, with the reason.
 * @csspart proposals - Per-account proposals with reasons and the distance to the new owner.
 * @csspart apply - The Apply button.
 * @csspart undo - The Undo button shown after Apply.
 *
 * @cssproperty [--tk-panel-list-max-height=20rem] - Height at which the proposals list scrolls.
 *
 * Attributes: `tolerance` (default 0.05), `from-rep-id` (distribute this rep's book instead of the
 * selection), `source` (`any`: a chooser with the selection and every rep's book, the default;
 * `selection`: the selection only, no chooser; `rep`: a chooser of the rep who leaves), `auto`
 * (propose at once when there is something to distribute), `max-distance-km` (the distance limit:
 * no account goes to a rep further than this from the rep's home, else the middle of their accounts;
 * default none, as the rebalance's — the user sets it in the element), `locale`, `currency`, `theme`.
 */
export class TkDistributePreview extends TkElement {
  static override styles = [tokens, styles];
  static override properties = {
    tolerance: { type: Number },
    fromRepId: { type: String, attribute: 'from-rep-id' },
    maxDistanceKm: { type: Number, attribute: 'max-distance-km' },
    distanceError: { state: true },
    source: { type: String },
    auto: { type: Boolean },
    result: { state: true },
    error: { state: true },
    message: { state: true },
    appliedLabel: { state: true },
  };

  declare tolerance: number;
  declare fromRepId: string;
  /** The distance limit in km; null: none. */
  declare maxDistanceKm: number | null;
  /** The limit as typed, when it is not a distance > 0 ('' when fine). */
  declare protected distanceError: string;
  /** The limit the shown proposal was made with. */
  private madeWithKm: number | null = null;
  declare source: DistributeSource;
  declare auto: boolean;
  declare protected result: DistributeResult | null;
  declare protected error: string;
  declare protected message: string;
  /** The undo label of the last applied proposal (Undo is offered while it is the last step). */
  declare protected appliedLabel: string | null;
  private plan = new PlanController(this);
  /** The working plan the proposal was made against: a newer plan makes it stale. */
  private madeFor: unknown = null;
  /** The selection / rep `auto` last proposed for (so it proposes once per thing to distribute). */
  private autoFor: unknown = null;

  constructor() {
    super();
    this.tolerance = 0.05;
    this.fromRepId = '';
    this.maxDistanceKm = null;
    this.distanceError = '';
    this.source = 'any';
    this.auto = false;
    this.result = null;
    this.error = '';
    this.message = '';
    this.appliedLabel = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.result) this.plan.actions?.previewAssignments?.(null);
  }

  /** The rep whose book is distributed ('' = the selection). */
  private get repId(): string {
    return this.source === 'selection' ? '' : this.fromRepId;
  }

  private count(): number {
    const s = this.plan.state!;
    const rep = this.repId;
    if (!rep) return s.selection.length;
    let n = 0;
    for (const a of s.accounts) if ((s.working[a.id] ?? null) === rep) n++;
    return n;
  }

  protected override updated(): void {
    const s = this.plan.state;
    if (!this.auto || !s || s.status !== 'ready' || !this.plan.canEdit) return;
    const key = this.repId || s.selection;
    if (this.autoFor === key || this.count() === 0) return;
    this.autoFor = key;
    this.propose();
  }

  /** Works out a proposal for the selection (or the rep's book) on the working plan. */
  propose(): void {
    const s = this.plan.state;
    if (!s) return;
    try {
      const rep = this.repId;
      const input = rep
        ? { accounts: s.accounts, reps: s.reps, assignments: s.working, fromRepId: rep }
        : { accounts: s.accounts, reps: s.reps, assignments: s.working, accountIds: s.selection };
      const km = this.maxDistanceKm;
      const limit = km !== null && km > 0 && Number.isFinite(km) ? km : null;
      this.result = distributeAccounts(input, { tolerance: this.tolerance >= 0 ? this.tolerance : 0.05, ...(limit === null ? {} : { maxDistanceKm: limit }) });
      this.madeWithKm = limit;
      this.madeFor = s.working;
      this.error = '';
      this.message = '';
      this.appliedLabel = null;
      this.plan.actions?.previewAssignments?.(Object.keys(this.result.assignments).length ? this.result.assignments : null);
    } catch (error) {
      this.result = null;
      this.error = (error as Error).message;
    }
  }

  /** The limit input changed: keep it when it is empty or a distance > 0, and propose again if a proposal is shown. */
  private setLimit(value: string): void {
    const km = value.trim() === '' ? null : Number(value);
    if (km !== null && !(km > 0 && Number.isFinite(km))) {
      this.distanceError = msg('Move accounts at most … km must be a distance above 0, or empty for no limit.');
      return;
    }
    this.distanceError = '';
    this.maxDistanceKm = km;
    if (this.result) this.propose();
  }

  private apply(): void {
    const r = this.result;
    const a = this.plan.actions;
    if (!r || !a) return;
    const n = Object.keys(r.assignments).length;
    a.previewAssignments?.(null);
    const f = (x: number) => this.fmt.number(x, 0);
    const rep = this.repId;
    const label = rep
      ? msg(str`Distribute ${accountsText(n, f)} of ${this.repName(rep)}`)
      : n === 1 ? msg('Distribute 1 account') : msg(str`Distribute ${f(n)} accounts`);
    const ok = a.applyAssignments(r.assignments, label);
    this.result = null;
    this.appliedLabel = ok ? label : null;
    this.message = ok ? msg(str`${accountsText(n, f)} distributed. Undo takes it back.`) : msg('Nothing changed');
    if (ok) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[part~=undo]')?.focus());
  }

  private undo(): void {
    if (!appliedOnTop(this.plan, this.appliedLabel)) return;
    if (undoApplied(this.plan, this.appliedLabel)) this.message = msg(str`Undone: ${this.appliedLabel}`);
    this.appliedLabel = null;
  }

  private discard(): void {
    this.plan.actions?.previewAssignments?.(null);
    this.result = null;
    this.message = msg('Proposal discarded');
  }

  private repName(id: string | null): string {
    if (id === null) return msg('unassigned');
    const r = this.plan.state?.reps.find((x) => x.id === id);
    return r ? r.name || r.id : id;
  }

  protected override render() {
    const s = this.plan.state;
    if (!s || s.status !== 'ready') return html`<p class="weak">${s?.status === 'loading' ? msg('Loading…') : msg('No plan loaded')}</p>`;
    const count = this.count();
    const f = (x: number) => this.fmt.number(x, 0);
    const stale = this.result !== null && this.madeFor !== s.working;
    const rep = this.repId;
    const canUndo = appliedOnTop(this.plan, this.appliedLabel);
    const choose = (e: Event) => {
      this.fromRepId = (e.target as HTMLSelectElement).value;
      this.discard();
      this.message = '';
      this.appliedLabel = null;
    };
    const chooser =
      this.source === 'selection'
        ? nothing
        : this.source === 'rep'
          ? html`<label>${msg('Who leaves?')}
              <select name="from" @change=${choose}>
                <option value="" ?selected=${!rep}>${msg('Choose a rep…')}</option>
                ${s.reps.map((r) => html`<option value=${r.id} ?selected=${r.id === rep}>${r.name || r.id}${r.active === false ? msg(' (inactive)') : ''}</option>`)}
              </select>
            </label>`
          : html`<label>${msg('Distribute')}
              <select name="from" @change=${choose}>
                <option value="" ?selected=${!rep}>${msg(str`the selected accounts (${f(s.selection.length)})`)}</option>
                ${s.reps.map((r) => html`<option value=${r.id} ?selected=${r.id === rep}>${msg(str`the book of ${r.name || r.id}`)}${r.active === false ? msg(' (inactive)') : ''}</option>`)}
              </select>
            </label>`;
    const empty = this.source === 'rep' && !rep ? '' : count === 0 ? (rep ? msg(str`Nothing to distribute: ${this.repName(rep)} has no accounts.`) : msg('Nothing to distribute: no accounts are selected.')) : '';
    return html`
      <div part="controls" class="controls">
        ${chooser}
        <label part="distance">${msg('Move accounts at most (km)')}
          <input type="number" name="maxDistanceKm" min="0" step="any" placeholder=${msg('no limit')} aria-describedby="distance-hint"
            aria-invalid=${this.distanceError ? 'true' : 'false'} .value=${this.maxDistanceKm === null ? '' : String(this.maxDistanceKm)}
            @change=${(e: Event) => this.setLimit((e.target as HTMLInputElement).value)} />
        </label>
        <button type="button" class=${this.result ? '' : 'brand'} ?disabled=${count === 0 || !this.plan.canEdit}
          @click=${() => this.propose()}>${this.result ? msg('Propose again') : count === 1 ? msg('Propose an owner for 1 account') : msg(str`Propose owners for ${f(count)} accounts`)}</button>
      </div>
      <p id="distance-hint" class="weak hint">${msg('No account goes to a rep farther than this from the rep’s home (else the middle of their accounts); an account with no other rep that near stays where it is. Empty: no limit.')}</p>
      ${this.distanceError ? html`<p class="over" role="alert" data-error="distance">${this.distanceError}</p>` : nothing}
      ${empty ? html`<p class="weak">${empty}</p>` : nothing}
      ${this.error ? html`<p class="over" role="alert">${this.error}</p>` : nothing}
      ${this.result ? this.preview(this.result, stale) : nothing}
      <p class="weak" role="status">${this.message}
        ${canUndo ? html`<button part="undo" type="button" @click=${() => this.undo()}>${msg('Undo')}</button>` : nothing}</p>
    `;
  }

  private preview(r: DistributeResult, stale: boolean) {
    const s = this.plan.state!;
    const f = this.fmt;
    const n = (x: number) => f.number(x, 0);
    const accountNames = new Map(s.accounts.map((a) => [a.id, a.name || a.id]));
    const moves = Object.keys(r.assignments).length;
    const changed = r.byRep.filter((b) => b.gained || b.lost);
    const moving = r.proposals.filter((p) => p.from !== p.to);
    const dev = (x: number) => (Number.isFinite(x) ? f.percent(x, 1) : '—');
    const total = r.proposals.length + r.kept.length;
    const rep = this.repId;
    const held = r.kept.filter((k) => k.reason === 'beyond-distance-limit');
    const far = moving.filter((p) => p.distanceKm !== null && p.distanceKm > FAR_KM).length;
    const limitKm = this.madeWithKm;
    return html`
      ${stale ? html`<p class="over" role="alert">${msg('The plan changed since this proposal: propose again before applying.')}</p>` : nothing}
      <p part="balance">
        ${msg(str`${n(moves)} of ${n(total)} accounts change owner.`)}
        ${r.kept.length ? msg(str`${n(r.kept.length)} stay (${this.keptWords(r)}).`) : nothing}
        ${msg(str`Worst deviation from target: workload ${dev(r.balanceBefore.workload.maxDeviation)} → ${dev(r.balanceAfter.workload.maxDeviation)}, potential ${dev(r.balanceBefore.potential.maxDeviation)} → ${dev(r.balanceAfter.potential.maxDeviation)}.`)}
        <strong class=${r.withinTolerance ? 'ok' : 'over'}>${r.withinTolerance ? msg('Every rep within tolerance after.') : msg('Some reps stay outside tolerance.')}</strong>
        ${rep ? html`<br /><span class="weak">${msg(str`The balance after counts ${this.repName(rep)} as gone: their share of the targets goes to the others.`)}</span>` : nothing}
      </p>
      ${held.length && limitKm !== null ? this.heldBack(held, limitKm) : nothing}
      ${far && limitKm === null ? html`<p class="weak" data-stat="far">${this.farText(far)}</p>` : nothing}
      <table part="reps">
        <caption class="weak">${msg('Per rep')}</caption>
        <thead><tr><th scope="col">${msg('Rep')}</th><th scope="col" class="num">${msg('Gains')}</th><th scope="col" class="num">${msg('Gives')}</th><th scope="col" class="num wide">${msg('Workload after')}</th><th scope="col" class="num">${msg('Off target after (workload / potential)')}</th></tr></thead>
        <tbody>
          ${changed.map((b) => html`<tr data-rep=${b.repId}>
            <th scope="row">${this.repName(b.repId)}</th>
            <td class="num">${b.gained ? `+${n(b.gained)}` : '—'}</td>
            <td class="num">${b.lost ? `−${n(b.lost)}` : '—'}</td>
            <td class="num wide">${f.number(b.after.workload, 1)}</td>
            <td class="num ${b.withinToleranceAfter ? '' : 'over'}">${b.repId === rep ? msg('leaves') : Number.isFinite(b.deviationAfter.workload) ? `${f.signedPercent(b.deviationAfter.workload)} / ${Number.isFinite(b.deviationAfter.potential) ? f.signedPercent(b.deviationAfter.potential) : '—'}` : '—'}</td>
          </tr>`)}
        </tbody>
      </table>
      <div class="scroll" tabindex="0" role="region" aria-label=${msg('Proposed owners')}>
      <table part="proposals">
        <caption class="weak">${moving.length > SHOWN ? msg(str`Proposed owners (first ${n(SHOWN)} of ${n(moving.length)})`) : msg('Proposed owners')}</caption>
        <thead><tr><th scope="col">${msg('Account')}</th><th scope="col">${msg('From → to')}</th><th scope="col" class="num">${msg('Distance')}</th><th scope="col">${msg('Why')}</th></tr></thead>
        <tbody>
          ${moving.slice(0, SHOWN).map((p) => html`<tr data-account=${p.accountId}>
            <th scope="row">${accountNames.get(p.accountId) ?? p.accountId}</th>
            <td>${this.repName(p.from)} → ${this.repName(p.to)}</td>
            <td class="num km" data-km=${p.distanceKm ?? ''}>${p.distanceKm === null ? '—' : this.kmText(p.distanceKm)}</td>
            <td class="reason">${fitReasonText(f, p)}</td>
          </tr>`)}
        </tbody>
      </table>
      </div>
      <div class="actions">
        <button part="apply" type="button" class="brand" ?disabled=${stale || moves === 0 || !this.plan.canEdit} @click=${() => this.apply()}>${moves === 1 ? msg('Apply 1 change') : msg(str`Apply ${n(moves)} changes`)}</button>
        <button type="button" @click=${() => this.discard()}>${msg('Discard')}</button>
      </div>
    `;
  }

  private kmText(km: number): string {
    const d = this.fmt.number(km, 0);
    return msg(str`${d} km`);
  }

  /** Hand-overs over FAR_KM with no limit set: a note pointing at the limit. */
  private farText(far: number): string {
    const count = this.fmt.number(far, 0);
    const km = this.fmt.number(FAR_KM, 0);
    const line = isOne(far) ? msg(str`${count} hand-over is over ${km} km: no nearer rep could take it within the tolerance.`) : msg(str`${count} hand-overs are over ${km} km: no nearer rep could take them within the tolerance.`);
    return `${line} ${msg('Set “Move accounts at most” to keep accounts nearer; those with no rep that near then stay where they are.')}`;
  }

  /** What the distance limit held back: the count, then each account with its reason (the first HELD_SHOWN). */
  private heldBack(held: DistributeResult['kept'], limitKm: number) {
    const s = this.plan.state!;
    const names = new Map(s.accounts.map((a) => [a.id, a.name || a.id]));
    const count = this.fmt.number(held.length, 0);
    const km = this.fmt.number(limitKm, 0);
    const head = isOne(held.length)
      ? msg(str`${count} account held back by the distance limit of ${km} km: it stays where it is.`)
      : msg(str`${count} accounts held back by the distance limit of ${km} km: they stay where they are.`);
    return html`<div part="held-back" class="held">
      <p><strong>${head}</strong></p>
      <ul>
        ${held.slice(0, HELD_SHOWN).map((k) => html`<li data-account=${k.accountId}><span class="name">${names.get(k.accountId) ?? k.accountId}</span> (${this.repName(k.ownerId)}): ${keptText(this.fmt, k, limitKm, (id) => this.repName(id))}</li>`)}
      </ul>
      ${held.length > HELD_SHOWN ? html`<p class="weak">${msg(str`and ${this.fmt.number(held.length - HELD_SHOWN, 0)} more`)}</p>` : nothing}
    </div>`;
  }

  private keptWords(r: DistributeResult): string {
    const counts = { 'locked-account': 0, 'locked-rep': 0, 'no-eligible-rep': 0, 'beyond-distance-limit': 0 };
    for (const k of r.kept) counts[k.reason]++;
    const n = (x: number) => this.fmt.number(x, 0);
    const words: string[] = [];
    if (counts['locked-account']) words.push(msg(str`${n(counts['locked-account'])} locked`));
    if (counts['locked-rep']) words.push(msg(str`${n(counts['locked-rep'])} with a locked rep`));
    if (counts['no-eligible-rep']) words.push(msg(str`${n(counts['no-eligible-rep'])} with no rep able to take them`));
    if (counts['beyond-distance-limit']) words.push(msg(str`${n(counts['beyond-distance-limit'])} beyond the distance limit`));
    return words.join(', ');
  }
}
