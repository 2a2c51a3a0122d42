import { html, nothing, type PropertyValues } from 'lit';
import { accountsOf, planEvaluation } from '../../src/store/selectors.js';
import { memoLast } from '../../src/store/memo.js';
import { PlanController } from '../shared/plan-controller.js';
import { TkElement } from '../shared/tk-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { untouchedAccounts } from './untouched-accounts.js';
import { styles } from './territory-card.styles.js';

/**
 * @summary The compact, read-only view of one rep's territory for a CRM record page: territories,
 * totals against target and quota, the top untouched high-potential accounts, and a small map.
 *
 * @slot map - Replaces the default small map (`<tk-territory-map compact rep-id=…>`, shown once that
 * element is defined).
 *
 * @csspart card - The card container.
 * @csspart title - The rep's name.
 * @csspart totals - The totals list.
 * @csspart untouched - The untouched-accounts section.
 * @csspart map - The map area.
 * @csspart empty - Shown when no rep is chosen or the plan has not loaded.
 *
 * @cssproperty [--tk-card-map-height=12rem] - Height of the map area.
 *
 * Untouched high-potential accounts come from the engine's `detectAlerts`: potential at or above the
 * team-wide `potential-quantile` and no activity for more than `stale-days` days.
 *
 * Attributes: `rep-id` (default: the provider's `rep-id`, then the focused rep), `limit` (untouched
 * accounts listed, default 5), `stale-days` (default 90), `potential-quantile` (default 0.9),
 * `as-of` (ISO date, default now),
 * `tolerance` (default 0.05), `locale`, `currency`, `theme`.
 */
export class TkTerritoryCard extends TkElement {
  static override styles = [tokens, styles];
  static override properties = {
    repId: { type: String, attribute: 'rep-id' },
    limit: { type: Number },
    staleDays: { type: Number, attribute: 'stale-days' },
    asOf: { type: String, attribute: 'as-of' },
    potentialQuantile: { type: Number, attribute: 'potential-quantile' },
    tolerance: { type: Number },
  };

  declare repId: string | undefined;
  declare limit: number;
  declare staleDays: number;
  declare asOf: string | undefined;
  declare potentialQuantile: number;
  declare tolerance: number;
  private plan = new PlanController(this);
  private untouched = memoLast(untouchedAccounts);

  constructor() {
    super();
    this.limit = 5;
    this.staleDays = 90;
    this.potentialQuantile = 0.9;
    this.tolerance = 0.05;
  }

  private options: { asOf?: string; staleDays: number; potentialQuantile: number; limit: number } | null = null;

  /** The same options object while the attributes stay the same, so the memo holds. */
  private untouchedOptions() {
    const o = this.options;
    if (o && o.asOf === this.asOf && o.staleDays === this.staleDays && o.potentialQuantile === this.potentialQuantile && o.limit === this.limit) return o;
    return (this.options = { asOf: this.asOf, staleDays: this.staleDays, potentialQuantile: this.potentialQuantile, limit: this.limit });
  }

  /** Selection and focus changes leave this element as it is. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.plan.changed(['status', 'accounts', 'reps', 'working', 'territories', 'repId', 'focusRepId']) || changed.size > 0;
  }

  protected override render() {
    const s = this.plan.state;
    const repId = this.repId ?? s?.repId ?? s?.focusRepId ?? null;
    if (!s || s.reps.length === 0) return html`<p part="empty" class="weak">${s?.status === 'loading' ? 'Loading…' : 'No plan loaded'}</p>`;
    const rep = repId === null ? undefined : s.reps.find((r) => r.id === repId);
    if (!rep) return html`<p part="empty" class="weak">${repId === null ? 'No rep selected' : `Unknown rep ${repId}`}</p>`;
    const f = this.fmt;
    const ev = planEvaluation(s, this.tolerance).byRep[rep.id];
    const mine = accountsOf(s, rep.id);
    let pipeline = 0;
    let closedWon = 0;
    for (const a of mine) {
      pipeline += a.performance?.pipeline ?? 0;
      closedWon += a.performance?.closedWon ?? 0;
    }
    const territories = s.territories.filter((t) => t.repIds.includes(rep.id)).map((t) => t.name);
    const untouched = this.untouched(s.accounts, s.reps, s.working, rep.id, this.untouchedOptions());
    const versus = (value: string, target: string, dev: number) => {
      const cls = Math.abs(dev) <= this.tolerance + 1e-9 ? '' : dev > 0 ? 'over' : 'under';
      return html`<dd class=${cls}>${value} <span class="weak">of ${target}</span>${Number.isFinite(dev) ? html` (${f.signedPercent(dev)})` : nothing}</dd>`;
    };
    return html`<article part="card" aria-labelledby="title">
      <header>
        <h2 id="title" part="title">${rep.name}</h2>
        <p class="weak">${territories.length ? territories.join(', ') : 'No territory'}${rep.active ? nothing : ' · inactive'}</p>
      </header>
      <dl part="totals">
        <div><dt>Accounts</dt>${versus(f.number(ev.count, 0), f.number(ev.target.count, 1), ev.deviation.count)}</div>
        <div><dt>Workload</dt>${versus(f.number(ev.workload, 1), f.number(ev.target.workload, 1), ev.deviation.workload)}</div>
        <div><dt>Potential</dt>${versus(f.currencyCompact(ev.potential), f.currencyCompact(ev.target.potential), ev.deviation.potential)}</div>
        <div><dt>Pipeline</dt><dd>${f.currencyCompact(pipeline)}</dd></div>
        <div>
          <dt>Closed won</dt>
          <dd>${f.currencyCompact(closedWon)}${rep.quota ? html` <span class="weak">of ${f.currencyCompact(rep.quota)} quota</span> (${f.percent(closedWon / rep.quota)})` : nothing}</dd>
        </div>
      </dl>
      <section part="untouched" aria-labelledby="untouched-title">
        <h3 id="untouched-title">Untouched high-potential accounts</h3>
        ${untouched.length
          ? html`<ol>
              ${untouched.map(
                ({ account, days }) => html`<li>
                  ${account.name} — ${f.currencyCompact(account.potential)}
                  <span class="weak">· ${days === null ? 'no activity recorded' : `no activity for ${f.number(days, 0)} days`}</span>
                </li>`,
              )}
            </ol>`
          : html`<p class="weak">None: every high-potential account had activity in the last ${this.staleDays} days.</p>`}
      </section>
      <div part="map"><slot name="map"><tk-territory-map compact rep-id=${rep.id}></tk-territory-map></slot></div>
    </article>`;
  }
}
