import { html, nothing, type PropertyValues, svg } from 'lit';
import { msg, str } from '@lit/localize';
import type { PlanEvaluation } from '../../src/engine/evaluate-plan.js';
import type { PlanState } from '../../src/store/types.js';
import { planEvaluation } from '../../src/store/selectors.js';
import { memoLast } from '../../src/store/memo.js';
import { quotaInForce } from '../../src/store/quotas.js';
import { PlanController } from '../shared/plan-controller.js';
import { LazyTerritories } from '../shared/lazy-territories.js';
import { TkElement } from '../shared/tk-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { performanceRows, type PerformanceRow } from './performance-rows.js';

type TerritoryOf = ReadonlyMap<string, { territoryId: string | null }>;
import { styles } from './performance-board.styles.js';

export type SortKey = 'name' | 'accounts' | 'winRate' | 'pipeline' | 'pipelineChange' | 'attainment' | 'workloadDeviation';

const COLUMNS: { key: SortKey; label: () => string }[] = [
  { key: 'name', label: () => msg('Name') },
  { key: 'accounts', label: () => msg('Accounts') },
  { key: 'winRate', label: () => msg('Win rate (earned)') },
  { key: 'pipeline', label: () => msg('Pipeline') },
  { key: 'pipelineChange', label: () => msg('Pipeline change') },
  { key: 'attainment', label: () => msg('Closed won (earned) / quota') },
  { key: 'workloadDeviation', label: () => msg('Workload vs target') },
];

const CHART_W = 96;
const CHART_H = 14;
/** The chart spans 0–150% attainment; the quota mark sits at 100%. */
const CHART_MAX = 1.5;

/**
 * @summary Win rate, pipeline and its change, closed-won against quota and workload against target,
 * per rep or per territory, with under/over-performers and overloaded rows flagged. Sortable.
 *
 * History (win rate, closed won, attainment) is credited to the rep who earned it — the owner of
 * each deal when it closed (`PlanState.opportunities`), or without deal data the account's owner in
 * the CRM as loaded — so reassigning accounts in a draft never moves it. The book (accounts,
 * pipeline, workload) follows the working plan. Territory rows count the accounts each territory
 * wins (as the territory editor does). Every flag says what it is measured against.
 *
 * @csspart table - The table.
 * @csspart group-toggle - The rep / territory switch.
 * @csspart chart - The per-row attainment chart (inline SVG).
 * @csspart flag - A status flag.
 * @csspart empty - Shown outside a provider or before the plan loads.
 *
 * @cssproperty [--tk-color-brand=#0176d3] - Attainment bars and the active group button.
 *
 * Attributes: `group-by` (rep | territory, default rep), `sort-key` (name, accounts, winRate,
 * pipeline, pipelineChange, attainment, workloadDeviation; default attainment), `sort-direction`
 * (ascending | descending, default descending), `tolerance` (0.05), `under-threshold` (0.8),
 * `over-threshold` (1.2), `basis` (quota: thresholds times the quota, default; team: times the team's
 * mean attainment), `locale`, `currency`, `theme`.
 */
export class TkPerformanceBoard extends TkElement {
  static override styles = [tokens, styles];
  static override properties = {
    groupBy: { type: String, attribute: 'group-by', reflect: true },
    sortKey: { type: String, attribute: 'sort-key', reflect: true },
    sortDirection: { type: String, attribute: 'sort-direction', reflect: true },
    tolerance: { type: Number },
    underThreshold: { type: Number, attribute: 'under-threshold' },
    overThreshold: { type: Number, attribute: 'over-threshold' },
    basis: { type: String },
    resolvedCount: { state: true },
  };
  /** @internal Bumped when territory resolution arrives (re-renders past shouldUpdate). */
  declare protected resolvedCount: number;

  declare groupBy: 'rep' | 'territory';
  declare sortKey: SortKey;
  declare sortDirection: 'ascending' | 'descending';
  declare tolerance: number;
  declare underThreshold: number;
  declare overThreshold: number;
  declare basis: 'team' | 'quota';
  private plan = new PlanController(this);
  /**
   * performanceRows, recomputed only when the evaluation (memoised on accounts, reps and working, so
   * it stands for them), the territories or an option changes — not on selection changes.
   */
  private rows = memoLast(
    (
      ev: PlanEvaluation,
      territories: PlanState['territories'],
      group: 'rep' | 'territory',
      tolerance: number,
      under: number,
      over: number,
      basis: 'team' | 'quota',
      current: PlanState['current'],
      opportunities: PlanState['opportunities'],
      territoryOf: TerritoryOf | null,
      quotas: PlanState['quotas'],
    ) => {
      const s = this.plan.state!;
      // Attainment against the quota in force: the plan's for the current period, else the CRM's.
      const reps = quotas?.length
        ? s.reps.map((r) => {
            const q = quotaInForce(s, r.id);
            return q && q.amount !== r.quota ? { ...r, quota: q.amount } : r;
          })
        : s.reps;
      return performanceRows(s.accounts, reps, territories, s.working, ev, group, {
        tolerance,
        underThreshold: under,
        overThreshold: over,
        basis,
        current,
        ...(opportunities ? { opportunities } : {}),
        ...(territoryOf ? { territoryOf } : {}),
      });
    },
  );
  /** Account → territory for the territory rows, resolved in a chunk loaded when first grouped by territory. */
  private territories = new LazyTerritories('the board', () => (this.resolvedCount = (this.resolvedCount ?? 0) + 1));

  constructor() {
    super();
    this.groupBy = 'rep';
    this.sortKey = 'attainment';
    this.sortDirection = 'descending';
    this.tolerance = 0.05;
    this.underThreshold = 0.8;
    this.overThreshold = 1.2;
    this.basis = 'quota';
  }

  /** Sorts by a column; the same column again flips the direction. */
  sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      this.sortDirection = key === 'name' ? 'ascending' : 'descending';
    }
  }

  private sorted(rows: PerformanceRow[]): PerformanceRow[] {
    const key = COLUMNS.some((c) => c.key === this.sortKey) ? this.sortKey : 'attainment';
    const dir = this.sortDirection === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = a[key];
      const y = b[key];
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // unknowns last
      const c = typeof x === 'string' ? x.localeCompare(y as string, this.fmt.locale) : (x as number) - (y as number);
      return c * dir || a.name.localeCompare(b.name);
    });
  }

  /** Selection and focus changes leave this element as it is. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.plan.changed(['status', 'accounts', 'reps', 'working', 'territories', 'current', 'opportunities', 'quotas']) || changed.size > 0;
  }

  protected override render() {
    const s = this.plan.state;
    if (!s || s.reps.length === 0) return html`<p part="empty" class="weak">${s?.status === 'loading' ? msg('Loading…') : msg('No plan loaded')}</p>`;
    const group = this.groupBy === 'territory' ? 'territory' : 'rep';
    const ev = planEvaluation(s, this.tolerance);
    const f = this.fmt;
    const basis = this.basis === 'team' ? 'team' : 'quota';
    const territoryOf = group === 'territory' && s.territories.length ? this.territories.get(s) : null;
    if (group === 'territory' && s.territories.length && !territoryOf) return html`<p part="empty" class="weak" role="status">${msg('Placing accounts in territories…')}</p>`;
    const rows = this.sorted(
      this.rows(ev, s.territories, group, this.tolerance, this.underThreshold, this.overThreshold, basis, s.current, s.opportunities, territoryOf, s.quotas),
    );
    const under = f.percent(this.underThreshold);
    const over = f.percent(this.overThreshold);
    const tol = f.percent(this.tolerance);
    const underText = basis === 'quota' ? msg(str`Under-performing: below ${under} of quota`) : msg(str`Under-performing: below ${under} of the team average attainment`);
    const overText = basis === 'quota' ? msg(str`Over-performing: above ${over} of quota`) : msg(str`Over-performing: above ${over} of the team average attainment`);
    const underBasis = basis === 'quota' ? msg(str`(below ${under} of quota)`) : msg(str`(below ${under} of the team average attainment)`);
    const overBasis = basis === 'quota' ? msg(str`(above ${over} of quota)`) : msg(str`(above ${over} of the team average attainment)`);
    const credit = (s.opportunities?.length ?? 0) > 0
      ? msg('Win rate and closed won are credited to the rep who owned each deal when it closed.')
      : msg('Win rate and closed won are credited to the account owner in the CRM.');
    const book = group === 'territory' ? msg('Accounts and pipeline follow the plan (the accounts each territory wins).') : msg('Accounts and pipeline follow the plan.');
    const flags = basis === 'quota' ? msg('Flags compare attainment with the quota.') : msg('Flags compare attainment with the team average attainment.');
    const pct = (v: number | null) => (v === null ? '—' : f.percent(v));
    return html`
      <div class="groups" part="group-toggle" role="group" aria-label=${msg('Group by')}>
        ${(['rep', 'territory'] as const).map(
          (g) => html`<button type="button" aria-pressed=${group === g} @click=${() => (this.groupBy = g)}>${g === 'rep' ? msg('By rep') : msg('By territory')}</button>`,
        )}
      </div>
      <table part="table">
        <caption>${group === 'rep' ? msg('Performance by rep') : msg('Performance by territory')}
          <span class="note" part="note">${credit} ${book} ${flags}</span>
        </caption>
        <thead>
          <tr>
            ${COLUMNS.map(
              (c) => html`<th scope="col" aria-sort=${this.sortKey === c.key ? this.sortDirection : 'none'}>
                <button type="button" @click=${() => this.sortBy(c.key)}>
                  ${c.label()}${this.sortKey === c.key ? (this.sortDirection === 'ascending' ? ' ▲' : ' ▼') : nothing}
                </button>
              </th>`,
            )}
            <th scope="col">${msg('Status')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr data-id=${r.id}>
              <th scope="row">${r.name}</th>
              <td>${f.number(r.accounts, 0)}</td>
              <td>${pct(r.winRate)}</td>
              <td>${f.currency(r.pipeline)}</td>
              <td class=${r.pipelineChange === null ? '' : r.pipelineChange >= 0 ? 'up' : 'down'}>
                ${r.pipelineChange === null ? '—' : f.signedPercent(r.pipelineChange)}
              </td>
              <td class="attain">
                <span class="amounts">${f.currency(r.closedWon)} / ${r.quota === null ? '—' : f.currency(r.quota)} (${pct(r.attainment)})</span>
                ${this.chart(r)}
              </td>
              <td>${Number.isFinite(r.workloadDeviation) && !r.inactive ? f.signedPercent(r.workloadDeviation) : '—'}</td>
              <td class="flags">
                ${r.inactive ? html`<span part="flag" class="flag inactive">${msg('Inactive')}${r.accounts > 0 ? html` <span class="basis">${msg('(owns accounts to reassign)')}</span>` : nothing}</span>` : nothing}
                ${r.under ? html`<span part="flag" class="flag under" title=${underText}>${msg('Under-performing')} <span class="basis">${underBasis}</span></span>` : nothing}
                ${r.over ? html`<span part="flag" class="flag over" title=${overText}>${msg('Over-performing')} <span class="basis">${overBasis}</span></span>` : nothing}
                ${r.overloaded ? html`<span part="flag" class="flag overloaded" title=${msg(str`Workload more than ${tol} over target`)}>${msg('Overloaded')} <span class="basis">${msg(str`(workload above target + ${tol})`)}</span></span>` : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  /** A bullet chart of attainment: bar to closed-won / quota, tick at 100%. */
  private chart(r: PerformanceRow) {
    if (r.attainment === null) return nothing;
    const x = (v: number) => (Math.min(v, CHART_MAX) / CHART_MAX) * CHART_W;
    return html`<svg part="chart" width=${CHART_W} height=${CHART_H} viewBox="0 0 ${CHART_W} ${CHART_H}" role="img"
      aria-label=${msg(str`Attainment ${this.fmt.percent(r.attainment)} of quota`)}>
      ${svg`<rect class="chart-track" x="0" y="3" width=${CHART_W} height=${CHART_H - 6}></rect>
        <rect class=${r.under ? 'chart-bar under' : 'chart-bar'} x="0" y="3" width=${x(r.attainment)} height=${CHART_H - 6}></rect>
        <line class="chart-target" x1=${x(1)} x2=${x(1)} y1="0" y2=${CHART_H}></line>`}
    </svg>`;
  }
}
