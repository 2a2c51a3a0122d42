import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import type { RebalanceResult } from '../../src/engine/rebalance.js';
import { activeScenarioId, exportScenarios, listScenarios } from '../../src/store/scenarios.js';
import type { PlanState } from '../../src/store/types.js';
import { PlanController } from '../shared/plan-controller.js';
import { TkElement } from '../shared/tk-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { scenarioFigures, type ScenarioFigures } from './scenario-figures.js';
import { ScenarioRebalanceController, type ScenarioRebalanceChoice } from './scenario-rebalance-controller.js';
import { styles } from './scenario-compare.styles.js';
import { engineErrorText, noteWords, scenarioNameText } from '../shared/core-words.js';
import type { Scenario } from '../../src/store/types.js';
import { scenarioNameEnglish } from '../../src/store/labels.js';

/**
 * @summary Named plans side by side: duplicate the working plan, rebalance a scenario into a new one
 * (with a move budget, or for compact territories), compare them (balance, accounts and potential
 * moved against the CRM, distance, per-rep changes) and apply the one to keep.
 *
 * The figures are the engine's `evaluatePlan` and `comparePlans` of each scenario against the
 * owners in the CRM. "Edit" makes a scenario the working plan (the map and panel edit it; the one
 * left keeps its edits and undo history); "Apply" makes a scenario's assignments the first
 * scenario's working plan as one undoable step, ready to save. Scenarios are kept with the unsaved
 * work by `<tk-territory-provider>` and can be downloaded as JSON. Read-only in the `rep` role.
 *
 * @csspart list - The scenarios, each with its actions.
 * @csspart rebalance - The "rebalance into a new scenario" form and its progress.
 * @csspart comparison - The table of figures per scenario.
 * @csspart rep-deltas - The table of per-rep changes (accounts gained/lost, net potential) per scenario.
 * @csspart export - The "Export JSON" button.
 * @csspart empty - The notice shown before the plan has loaded.
 *
 * Attributes: `tolerance` (default 0.05), `rebalance-worker` (`auto` | `never`, default `auto`;
 * `never` on pages without Workers, e.g. Salesforce LWS), `locale`, `currency`, `theme`.
 */
export class TkScenarioCompare extends TkElement {
  static override styles = [tokens, styles];

  static override properties = {
    tolerance: { type: Number },
    rebalanceWorker: { type: String, attribute: 'rebalance-worker' },
    renaming: { state: true, attribute: false },
  };

  /** Allowed relative deviation from target (0.05 = ±5%). */
  declare tolerance: number;
  /** Where the rebalance runs: `auto` (a Worker when possible) or `never` (main thread, time-sliced). */
  declare rebalanceWorker: 'auto' | 'never';
  /** The scenario whose name is being edited. */
  declare protected renaming: string | null;

  private readonly plan = new PlanController(this);
  private readonly rebalance = new ScenarioRebalanceController(this, { worker: () => (this.rebalanceWorker === 'never' ? 'never' : 'auto') });

  constructor() {
    super();
    this.tolerance = 0.05;
    this.rebalanceWorker = 'auto';
    this.renaming = null;
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    // A selection or focus change does not change any figure here.
    const keys = ['status', 'accounts', 'reps', 'current', 'working', 'scenarios', 'activeScenarioId', 'role', 'readOnlyReason'] as const;
    const phase = this.rebalance.phase;
    const phaseChanged = phase !== this.#shownPhase;
    this.#shownPhase = phase;
    return this.plan.changed(keys) || phaseChanged || changed.size > 0;
  }

  #shownPhase: unknown = null;

  /** Duplicates a scenario; returns the copy's id (null when refused). */
  duplicate(id: string): string | null {
    return this.plan.actions?.scenarios?.duplicate(id) ?? null;
  }

  /** Rebalances the working plan into a new scenario; resolves once it is added (or the run failed). */
  async rebalanceIntoScenario(choice: Partial<ScenarioRebalanceChoice> = {}): Promise<void> {
    const s = this.plan.state;
    const actions = this.plan.actions?.scenarios;
    if (!s || !actions || !this.plan.canEdit) return;
    const full: ScenarioRebalanceChoice = { objective: choice.objective ?? 'disruption', maxMoves: choice.maxMoves ?? null, tolerance: choice.tolerance ?? this.tolerance };
    const from = listScenarios(s).find((x) => x.id === activeScenarioId(s))!;
    // The rebalance preview's wording of "how the rebalance got there", from the panel's on-demand chunk.
    const preview = import('../rep-assignment-panel/sections/rebalance-preview.js');
    let done: RebalanceResult | null = null;
    await this.rebalance.run(s, s.working, full, (result: RebalanceResult) => (done = result));
    const result = done as RebalanceResult | null;
    if (!result) return;
    // A default name, as data: shown in the UI language of the moment it is read (scenarioNameText).
    const nameParts = { kind: 'rebalanced', objective: full.objective, maxMoves: full.maxMoves, of: from.name, ...(from.nameParts ? { ofParts: from.nameParts } : {}) } as const;
    // The note is how the rebalance got there, in the UI language of the moment (free text the user owns;
    // the engine's English where a result has no explanation parts).
    const note = (await preview).explanationText(noteWords, this.fmt, result, (english) => english);
    actions.create({ name: scenarioNameEnglish(nameParts).slice(0, 80), nameParts, assignments: result.assignments, note });
  }

  /** Downloads the scenarios as JSON. */
  exportJson(): void {
    const s = this.plan.state;
    if (!s) return;
    const url = URL.createObjectURL(new Blob([exportScenarios(s)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'territory-scenarios.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  #submitRebalance(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const max = String(data.get('maxMoves') ?? '').trim();
    void this.rebalanceIntoScenario({ objective: data.get('objective') === 'compactness' ? 'compactness' : 'disruption', maxMoves: max === '' ? null : Math.max(0, Math.floor(Number(max))) });
  }

  #submitRename(e: Event, id: string): void {
    e.preventDefault();
    const name = String(new FormData(e.target as HTMLFormElement).get('name') ?? '').trim();
    if (!name) return;
    const x = this.plan.state && listScenarios(this.plan.state).find((y) => y.id === id);
    // A default name left as shown stays a default name (worded in whatever language comes next).
    if (!x || name !== this.#name(x)) this.plan.actions?.scenarios?.rename(id, name);
    this.renaming = null;
  }

  /** A scenario's name in the UI language (a default name worded; a typed one as typed). */
  #name(x: Scenario): string {
    return scenarioNameText(x, (n) => this.fmt.number(n, 0));
  }

  protected override render() {
    const s = this.plan.state;
    if (!s || s.status !== 'ready') return html`<p part="empty" class="weak">${s?.status === 'loading' ? msg('Loading…') : msg('No plan loaded')}</p>`;
    const figures = scenarioFigures(s, this.tolerance);
    return html`
      ${this.#renderList(s, figures)} ${this.plan.canEdit ? this.#renderRebalance() : nothing}
      <div class="scroll">${this.#renderComparison(figures)}</div>
      <div class="scroll">${this.#renderRepDeltas(s, figures)}</div>
      <button type="button" part="export" @click=${() => this.exportJson()}>${msg('Export JSON')}</button>
    `;
  }

  #renderList(s: PlanState, figures: ScenarioFigures[]) {
    const active = activeScenarioId(s);
    const edit = this.plan.canEdit;
    const a = this.plan.actions?.scenarios;
    const firstId = figures[0].scenario.id;
    return html`<ul part="list" aria-label=${msg('Scenarios')}>
      ${figures.map(({ scenario: x }) => {
        const isActive = x.id === active;
        return html`<li class=${isActive ? 'active' : ''} data-id=${x.id}>
          ${this.renaming === x.id
            ? html`<form @submit=${(e: Event) => this.#submitRename(e, x.id)}>
                <label>${msg('Name')} <input name="name" required maxlength="80" .value=${this.#name(x)} /></label>
                <button type="submit" class="brand">${msg('Save name')}</button>
                <button type="button" @click=${() => (this.renaming = null)}>${msg('Cancel')}</button>
              </form>`
            : html`<span class="name">${this.#name(x)}</span>${isActive ? html` <span class="badge">${msg('editing')}</span>` : nothing}
                ${x.note ? html`<span class="weak note">${x.note}</span>` : nothing}`}
          ${edit && this.renaming !== x.id
            ? html`<span class="actions">
                <button type="button" ?disabled=${isActive} @click=${() => a?.switchTo(x.id)} aria-label=${msg(str`Edit ${this.#name(x)}`)}>${msg('Edit')}</button>
                <button type="button" @click=${() => a?.duplicate(x.id)} aria-label=${msg(str`Duplicate ${this.#name(x)}`)}>${msg('Duplicate')}</button>
                <button type="button" @click=${() => (this.renaming = x.id)} aria-label=${msg(str`Rename ${this.#name(x)}`)}>${msg('Rename')}</button>
                <button type="button" ?disabled=${isActive} @click=${() => a?.remove(x.id)} aria-label=${msg(str`Delete ${this.#name(x)}`)}>${msg('Delete')}</button>
                <button type="button" class="brand" ?disabled=${x.id === firstId} title=${x.id === firstId ? msg('This is the working plan') : msg('Make this the working plan (undoable)')}
                  @click=${() => a?.apply(x.id)} aria-label=${msg(str`Apply ${this.#name(x)}`)}>${msg('Apply')}</button>
              </span>`
            : nothing}
        </li>`;
      })}
    </ul>`;
  }

  #renderRebalance() {
    const phase = this.rebalance.phase;
    return html`<form part="rebalance" @submit=${(e: Event) => this.#submitRebalance(e)}>
      <label>${msg('Rebalance for')}
        <select name="objective">
          <option value="disruption">${msg('fewest moves')}</option>
          <option value="compactness">${msg('compact territories')}</option>
        </select>
      </label>
      <label>${msg('Most moves')} <input name="maxMoves" type="number" min="0" step="1" inputmode="numeric" placeholder=${msg('any')} /></label>
      <button type="submit" class="brand" ?disabled=${this.rebalance.running}>${msg('Rebalance into new scenario')}</button>
      ${phase.kind === 'running'
        ? html`<span role="status">${msg('Rebalancing…')} <progress aria-label=${msg('Rebalance progress')} max="1" value=${phase.fraction}></progress></span>
            <button type="button" @click=${() => this.rebalance.cancel()}>${msg('Cancel')}</button>`
        : nothing}
      ${phase.kind === 'error' ? html`<span role="alert" class="failed">${msg(str`Could not rebalance: ${engineErrorText(phase.error ?? phase.message, this.fmt)}`)}</span>` : nothing}
    </form>`;
  }

  #renderComparison(figures: ScenarioFigures[]) {
    const f = this.fmt;
    const km = (v: number | null) => (v === null ? '—' : `${f.number(v, 1)} km`);
    const rows: [string, (x: ScenarioFigures) => string][] = [
      [msg('Largest deviation, potential'), (x) => f.percent(x.evaluation.balance.potential.maxDeviation, 1)],
      [msg('Largest deviation, workload'), (x) => f.percent(x.evaluation.balance.workload.maxDeviation, 1)],
      [msg('Reps within tolerance'), (x) => `${f.number(x.evaluation.reps.filter((r) => r.active && r.withinTolerance).length, 0)} / ${f.number(x.evaluation.reps.filter((r) => r.active).length, 0)}`],
      [msg('Accounts moved (vs CRM)'), (x) => f.number(x.comparison.accountsMoved, 0)],
      [msg('Potential moved (vs CRM)'), (x) => f.currency(x.comparison.potentialMoved)],
      [msg('Mean distance to rep'), (x) => km(x.evaluation.compactnessKm)],
      [msg('Unassigned accounts'), (x) => f.number(x.evaluation.unassigned.count, 0)],
    ];
    const tolerance = f.percent(this.tolerance, 0);
    return html`<table part="comparison">
      <caption>${msg(str`Comparison (tolerance ±${tolerance})`)}</caption>
      <thead>
        <tr><th scope="col">${msg('Figure')}</th>${figures.map((x) => html`<th scope="col">${this.#name(x.scenario)}</th>`)}</tr>
      </thead>
      <tbody>
        ${rows.map(([label, value]) => html`<tr><th scope="row">${label}</th>${figures.map((x) => html`<td>${value(x)}</td>`)}</tr>`)}
      </tbody>
    </table>`;
  }

  #renderRepDeltas(s: PlanState, figures: ScenarioFigures[]) {
    const f = this.fmt;
    const byRep = figures.map((x) => new Map(x.comparison.reps.map((r) => [r.repId, r])));
    return html`<table part="rep-deltas">
      <caption>${msg('Per rep, against the CRM: accounts gained / lost, net potential')}</caption>
      <thead>
        <tr><th scope="col">${msg('Rep')}</th>${figures.map((x) => html`<th scope="col">${this.#name(x.scenario)}</th>`)}</tr>
      </thead>
      <tbody>
        ${s.reps.map(
          (rep) => html`<tr data-rep=${rep.id}>
            <th scope="row">${rep.name}</th>
            ${byRep.map((m) => {
              const r = m.get(rep.id);
              if (!r) return html`<td class="weak">—</td>`;
              return html`<td><span>+${f.number(r.gained, 0)} / −${f.number(r.lost, 0)}</span> <span class=${r.netPotential < 0 ? 'failed' : 'ok'}>${r.netPotential > 0 ? '+' : ''}${f.currency(r.netPotential)}</span></td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
