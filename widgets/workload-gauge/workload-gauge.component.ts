import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { styleProps } from '../shared/style-props.js';
import type { RepTotals } from '../../src/engine/evaluate-plan.js';
import type { Metric } from '../../src/engine/types.js';
import { planEvaluation } from '../../src/store/selectors.js';
import { PlanController } from '../shared/plan-controller.js';
import { TkElement } from '../shared/tk-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { styles } from './workload-gauge.styles.js';

/** What a metric measures, in words (a function: the words follow the UI language). */
const noun = (m: Metric): string => (m === 'potential' ? msg('potential', { desc: 'metric' }) : m === 'count' ? msg('accounts', { desc: 'metric' }) : msg('workload', { desc: 'metric' }));

/**
 * @summary A rep's workload (or potential, or account count) against target with the tolerance band;
 * without `rep-id`, one bar per rep plus the team's max deviation, CV and Gini. Updates live.
 *
 * @csspart gauge - One rep's gauge (label and track).
 * @csspart track - The meter (role="meter").
 * @csspart band - The tolerance band around the target.
 * @csspart bar - The value bar.
 * @csspart target - The target tick.
 * @csspart stats - The team statistics (team view).
 * @csspart empty - Shown outside a provider or before the plan loads.
 *
 * @cssproperty [--tk-gauge-height=0.75rem] - Height of a bar.
 * @cssproperty [--tk-color-band=rgba(46,132,74,.2)] - Tolerance band.
 * @cssproperty [--tk-color-success=#2e844a] - Bar within tolerance.
 * @cssproperty [--tk-color-error=#ba0517] - Bar over tolerance.
 * @cssproperty [--tk-color-warning=#a35200] - Bar under tolerance.
 *
 * Attributes: `rep-id`, `metric` (workload | potential | count, default workload), `tolerance`
 * (default 0.05), `locale`, `currency`, `theme`.
 */
export class TkWorkloadGauge extends TkElement {
  static override styles = [tokens, styles];
  static override properties = {
    repId: { type: String, attribute: 'rep-id' },
    metric: { type: String },
    tolerance: { type: Number },
  };

  declare repId: string | undefined;
  declare metric: Metric;
  declare tolerance: number;
  private plan = new PlanController(this);

  constructor() {
    super();
    this.metric = 'workload';
    this.tolerance = 0.05;
  }

  private get m(): Metric {
    return this.metric === 'potential' || this.metric === 'count' ? this.metric : 'workload';
  }

  private value(v: number): string {
    // Counts are whole accounts (a target of 210.1 accounts reads 210); workload keeps one decimal.
    return this.m === 'potential' ? this.fmt.currencyCompact(v) : this.fmt.number(v, this.m === 'count' ? 0 : 1);
  }

  /** Selection and focus changes leave this element as it is. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.plan.changed(['status', 'accounts', 'reps', 'working']) || changed.size > 0;
  }

  protected override render() {
    const s = this.plan.state;
    if (!s || s.reps.length === 0) return html`<p part="empty" class="weak">${s?.status === 'loading' ? msg('Loading…') : msg('No plan loaded')}</p>`;
    const ev = planEvaluation(s, this.tolerance >= 0 ? this.tolerance : 0.05);
    const names = new Map(s.reps.map((r) => [r.id, r.name]));
    const m = this.m;
    if (this.repId) {
      const rep = ev.byRep[this.repId];
      if (!rep) return html`<p part="empty" class="weak">${msg(str`Unknown rep ${this.repId}`)}</p>`;
      return this.gauge(rep, names.get(rep.repId) ?? rep.repId, this.scale([rep]), true);
    }
    const shown = ev.reps.filter((r) => r.active || r.count > 0);
    const stats = ev.balance[m];
    const scale = this.scale(shown);
    return html`
      <dl part="stats">
        <div><dt>${msg('Max deviation')}</dt><dd>${this.fmt.percent(stats.maxDeviation, 1)}</dd></div>
        <div><dt>${msg('CV')}</dt><dd>${this.fmt.number(stats.cv, 3)}</dd></div>
        <div><dt>${msg('Gini')}</dt><dd>${this.fmt.number(stats.gini, 3)}</dd></div>
      </dl>
      <ul aria-label=${m === 'potential' ? msg('Team potential against target') : m === 'count' ? msg('Team accounts against target') : msg('Team workload against target')}>
        ${shown.map((r) => html`<li>${this.gauge(r, names.get(r.repId) ?? r.repId, scale)}</li>`)}
      </ul>
    `;
  }

  /** The meter's maximum: room for the largest value and the upper tolerance bound. */
  private scale(reps: RepTotals[]): number {
    let max = 0;
    for (const r of reps) max = Math.max(max, r[this.m], r.target[this.m] * (1 + this.tolerance));
    return max > 0 ? max * 1.1 : 1;
  }

  private gauge(rep: RepTotals, name: string, max: number, single = false) {
    const m = this.m;
    const tol = this.tolerance;
    const value = rep[m];
    const target = rep.target[m];
    const dev = rep.deviation[m];
    const state = target === 0 ? (value > 0 ? 'over' : 'ok') : Math.abs(dev) <= tol + 1e-9 ? 'ok' : dev > 0 ? 'over' : 'under';
    const pct = (x: number) => `${Math.max(0, Math.min(100, (x / max) * 100))}%`;
    const offBy = Math.round(Math.abs(dev) * 100) / 100;
    const off = this.fmt.percent(offBy);
    const how =
      target === 0
        ? rep.active ? msg('nothing to share') : msg('inactive rep')
        : offBy === 0 ? msg('on target')
        : dev > 0 ? (state === 'ok' ? msg(str`${off} over, within tolerance`) : msg(str`${off} over`))
        : state === 'ok' ? msg(str`${off} under, within tolerance`) : msg(str`${off} under`);
    const what = noun(m);
    const text = msg(str`${name}: ${what} ${this.value(value)} of target ${this.value(target)} (${how})`);
    return html`<div part="gauge" class=${state}>
      <div class="label">
        <span class="name">${name}${single ? html` <span class="weak">· ${what}</span>` : nothing}</span>
        <span class="delta">${target > 0 ? `${this.value(value)} / ${this.value(target)} · ${this.fmt.signedPercent(dev)}` : `${this.value(value)} · ${how}`}</span>
      </div>
      <div part="track" role="meter" aria-label=${`${name} ${what}`} aria-valuemin="0" aria-valuemax=${+max.toFixed(2)}
        aria-valuenow=${+value.toFixed(2)} aria-valuetext=${text}>
        ${target > 0 ? html`<div part="band" style=${styleProps({ insetInlineStart: pct(target * (1 - tol)), width: pct(target * 2 * tol) })}></div>` : nothing}
        <div part="bar" style=${styleProps({ width: pct(value) })}></div>
        ${target > 0 ? html`<div part="target" style=${styleProps({ insetInlineStart: pct(target) })}></div>` : nothing}
      </div>
    </div>`;
  }
}
