import { html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { isOne } from '../shared/plural.js';
import { accountsOf, planEvaluation } from '../../src/store/selectors.js';
import { memoLast } from '../../src/store/memo.js';
import { quotaInForce } from '../../src/store/quotas.js';
import { PlanController } from '../shared/plan-controller.js';
import { LazyTerritories } from '../shared/lazy-territories.js';
import { TkElement } from '../shared/tk-element.js';
import { tokens } from '../shared/tokens.styles.js';
import type { Alert } from '../../src/engine/detect-alerts.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';
import type { PlanState } from '../../src/store/types.js';
import type { MyAccountRow, MyAccountsKey } from './my-accounts.js';
import type { UntouchedAccount, UntouchedOptions } from './untouched-accounts.js';

/** The card-details chunk (alerts, untouched list, "my accounts" table), loaded once, after the card connects. */
type Details = typeof import('./card-details.js');
let detailsLoad: Promise<Details> | null = null;
/** The chunk once it has arrived (later cards render it at once). */
let detailsLoaded: Details | null = null;
function loadDetails(): Promise<Details> {
  return (detailsLoad ??= import('./card-details.js').then(
    (d) => (detailsLoaded = d),
    (error) => {
      detailsLoad = null;
      throw error;
    },
  ));
}

/** Rows of "my accounts" shown before "Show all". */
const SHOWN = 25;

import { styles } from './territory-card.styles.js';

/**
 * @summary The compact, read-only view of one rep's territory for a CRM record page: territories,
 * totals against target and quota, the top untouched high-potential accounts, a sortable list of the
 * rep's accounts (potential, last activity, alerts), and a small map.
 *
 * On an account's record page, set `focus-account` (on the card, or on the provider): the card then
 * shows that account — its owner in the working plan, the territory it falls in and why — and that
 * owner's book, with the account highlighted in the list and on the map (the map gets the same
 * `focus-account`). Closed won is what the rep earned (deal owner at close), as on the board.
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
 * @csspart account - The focused account: owner and territory.
 * @csspart my-accounts - The sortable table of the rep's accounts (the focused one is `aria-current`).
 *
 * @cssproperty [--tk-card-map-height=12rem] - Height of the map area.
 *
 * Untouched high-potential accounts come from the engine's `detectAlerts`: potential at or above the
 * team-wide `potential-quantile` and no activity for more than `stale-days` days.
 *
 * Attributes: `focus-account` (default: the provider's `focus-account`), `rep-id` (default: the
 * focused account's owner, then the provider's `rep-id`, then the focused rep), `limit` (untouched
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
    focusAccount: { type: String, attribute: 'focus-account' },
    sortKey: { type: String, attribute: 'sort-key' },
    sortDirection: { type: String, attribute: 'sort-direction' },
    showAll: { state: true },
    resolvedCount: { state: true },
    details: { state: true },
  };

  /** The record page's account (default: the provider's `focus-account`). */
  declare focusAccount: string | undefined;
  /** The "my accounts" sort column: name, potential (default), lastActivity, alerts. */
  declare sortKey: MyAccountsKey;
  declare sortDirection: 'ascending' | 'descending';
  declare protected showAll: boolean;
  /** @internal Bumped when territory resolution arrives (re-renders past shouldUpdate). */
  declare protected resolvedCount: number;
  /** Account → territory, resolved in a chunk loaded on first need. */
  private territories = new LazyTerritories('the card', () => (this.resolvedCount += 1));
  /** @internal The card-details chunk, null until it arrives (the sections show their headings and counts meanwhile). */
  declare protected details: Details | null;
  private alertsMemo = memoLast((accounts: readonly Account[], reps: readonly Rep[], working: Assignments, asOf: string | undefined, staleDays: number, quantile: number): Alert[] =>
    this.details!.detectAlerts({ accounts, reps, assignments: working, now: asOf ?? new Date(), options: { untouchedDays: staleDays, highPotentialQuantile: quantile } }),
  );
  private rowsMemo = memoLast((mine: readonly Account[], alerts: readonly Alert[]): MyAccountRow[] => this.details!.myAccountRows(mine, alerts));

  declare repId: string | undefined;
  declare limit: number;
  declare staleDays: number;
  declare asOf: string | undefined;
  declare potentialQuantile: number;
  declare tolerance: number;
  private plan = new PlanController(this);
  private untouched = memoLast(
    (accounts: readonly Account[], reps: readonly Rep[], working: Assignments, repId: string, options: UntouchedOptions): UntouchedAccount[] =>
      this.details!.untouchedAccounts(accounts, reps, working, repId, options),
  );

  constructor() {
    super();
    this.limit = 5;
    this.staleDays = 90;
    this.potentialQuantile = 0.9;
    this.tolerance = 0.05;
    this.sortKey = 'potential';
    this.sortDirection = 'descending';
    this.showAll = false;
    this.resolvedCount = 0;
    this.details = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.details ??= detailsLoaded;
    if (!this.details)
      loadDetails()
        .then((d) => (this.details = d))
        .catch((error) => console.warn('territory-kit: could not load the card details', error));
  }

  /** The focused account id: this element's `focus-account`, else the provider's. */
  private get focusId(): string | null {
    return this.focusAccount || this.closest('tk-territory-provider')?.getAttribute('focus-account') || null;
  }

  /** Sorts "my accounts" by a column; the same column again flips the direction. */
  sortBy(key: MyAccountsKey): void {
    if (this.sortKey === key) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      this.sortDirection = key === 'name' ? 'ascending' : 'descending';
    }
  }

  /** Closed won the rep earned: won deals they owned at close, else the accounts they own in the CRM. */
  private earned(s: PlanState, repId: string): number {
    if (s.opportunities?.length) return s.opportunities.reduce((sum, o) => sum + (o.ownerId === repId && o.stage === 'won' ? o.amount : 0), 0);
    return s.accounts.reduce((sum, a) => sum + (s.current[a.id] === repId ? (a.performance?.closedWon ?? 0) : 0), 0);
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
    return this.plan.changed(['status', 'accounts', 'reps', 'working', 'territories', 'repId', 'focusRepId', 'current', 'opportunities', 'quotas']) || changed.size > 0;
  }

  protected override render() {
    const s = this.plan.state;
    if (!s || s.reps.length === 0) return html`<p part="empty" class="weak">${s?.status === 'loading' ? msg('Loading…') : msg('No plan loaded')}</p>`;
    const focusId = this.focusId;
    const focused = focusId ? s.accounts.find((a) => a.id === focusId) : undefined;
    const focusOwner = focused ? (s.working[focused.id] ?? null) : null;
    const repId = this.repId ?? focusOwner ?? s.repId ?? s.focusRepId ?? null;
    const resolved = s.territories.length && (focused || repId) ? this.territories.get(s) : null;
    const territoryName = (id: string | null | undefined) => (id ? (s.territories.find((t) => t.id === id)?.name ?? id) : null);
    const accountPart = focused
      ? html`<section part="account" class="account" aria-labelledby="account-title">
          <h3 id="account-title"><span class="weak">${msg('This account:')}</span> ${focused.name}</h3>
          <p><span class="weak">${msg('Owner:')}</span> ${focusOwner === null ? msg('Unassigned') : (s.reps.find((r) => r.id === focusOwner)?.name ?? focusOwner)}${s.current[focused.id] !== focusOwner
              ? html` <span class="weak">${msg(str`(in the CRM: ${s.reps.find((r) => r.id === s.current[focused.id])?.name ?? msg('unassigned')})`)}</span>`
              : nothing}
            · <span class="weak">${msg('Territory:')}</span> ${s.territories.length === 0
              ? msg('none defined')
              : resolved
                ? (territoryName(resolved.get(focused.id)?.territoryId) ?? msg('none (no territory matches)'))
                : '…'}${focused.locked ? ` · ${msg('locked')}` : ''}</p>
          ${resolved?.get(focused.id)?.territoryId ? html`<p class="weak why">${this.details ? this.details.resolveReasonText(this.fmt, resolved.get(focused.id)!) : '…'}</p>` : nothing}
        </section>`
      : focusId
        ? html`<p part="account" class="weak">${msg(str`Account ${focusId} is not in this plan.`)}</p>`
        : nothing;
    if (repId === null && focused) return html`<article part="card" aria-labelledby="account-title">${accountPart}</article>`;
    const rep = repId === null ? undefined : s.reps.find((r) => r.id === repId);
    if (!rep) return html`<p part="empty" class="weak">${repId === null ? msg('No rep selected') : msg(str`Unknown rep ${repId}`)}</p>`;
    const f = this.fmt;
    const ev = planEvaluation(s, this.tolerance).byRep[rep.id];
    const mine = accountsOf(s, rep.id);
    let pipeline = 0;
    for (const a of mine) pipeline += a.performance?.pipeline ?? 0;
    const closedWon = this.earned(s, rep.id);
    // Attainment against the quota in force: the plan's for the current period, else the CRM's.
    const quota = quotaInForce(s, rep.id);
    const quotaOk = quota && quota.amount > 0 ? quota : null;
    const territories = s.territories.filter((t) => t.repIds.includes(rep.id)).map((t) => t.name);
    const d = this.details;
    const alerts = d ? this.alertsMemo(s.accounts, s.reps, s.working, this.asOf, this.staleDays, this.potentialQuantile) : null;
    const rows = d && alerts ? d.sortRows(this.rowsMemo(mine, alerts), this.sortKey, this.sortDirection, f.locale) : null;
    const untouched = d ? this.untouched(s.accounts, s.reps, s.working, rep.id, this.untouchedOptions()) : null;
    const versus = (value: string, target: string, dev: number) => {
      const cls = Math.abs(dev) <= this.tolerance + 1e-9 ? '' : dev > 0 ? 'over' : 'under';
      return html`<dd class=${cls}>${msg(str`${value} of ${target}`)}${Number.isFinite(dev) ? html` (${f.signedPercent(dev)})` : nothing}</dd>`;
    };
    return html`<article part="card" aria-labelledby="title">
      ${accountPart}
      <header>
        <h2 id="title" part="title">${rep.name}</h2>
        <p class="weak">${territories.length ? territories.join(', ') : msg('No territory')}${rep.active ? nothing : ` · ${msg('inactive')}`}</p>
      </header>
      <dl part="totals">
        <div><dt>${msg('Accounts')}</dt>${versus(f.number(ev.count, 0), f.number(ev.target.count, 0), ev.deviation.count)}</div>
        <div><dt>${msg('Workload')}</dt>${versus(f.number(ev.workload, 1), f.number(ev.target.workload, 1), ev.deviation.workload)}</div>
        <div><dt>${msg('Potential')}</dt>${versus(f.currencyCompact(ev.potential), f.currencyCompact(ev.target.potential), ev.deviation.potential)}</div>
        <div><dt>${msg('Pipeline')}</dt><dd>${f.currencyCompact(pipeline)}</dd></div>
        <div>
          <dt>${msg('Closed won')}</dt>
          <dd>${f.currencyCompact(closedWon)}${quotaOk ? html` <span class="weak">${quotaOk.source === 'plan' ? msg(str`of ${f.currencyCompact(quotaOk.amount)} quota (plan, from ${quotaOk.period})`) : msg(str`of ${f.currencyCompact(quotaOk.amount)} quota`)}</span> (${f.percent(closedWon / quotaOk.amount)})` : nothing}</dd>
        </div>
      </dl>
      <section part="untouched" aria-labelledby="untouched-title">
        <h3 id="untouched-title">${msg('Untouched high-potential accounts')}</h3>
        ${untouched === null
          ? html`<p class="weak" aria-busy="true">${msg('Checking activity…')}</p>`
          : untouched.length
          ? html`<ol>
              ${untouched.map(
                ({ account, days }) => html`<li>
                  ${account.name} — ${f.currencyCompact(account.potential)}
                  <span class="weak">· ${days === null ? msg('no activity recorded') : isOne(days) ? msg(str`no activity for ${f.number(days, 0)} day`) : msg(str`no activity for ${f.number(days, 0)} days`)}</span>
                </li>`,
              )}
            </ol>`
          : html`<p class="weak">${msg(str`None: every high-potential account had activity in the last ${f.number(this.staleDays, 0)} days.`)}</p>`}
      </section>
      <section aria-labelledby="mine-title">
        <h3 id="mine-title">${msg(str`${rep.name}'s accounts`)} <span class="weak">(${f.number(mine.length, 0)})</span></h3>
        ${mine.length && (!d || !rows)
          ? html`<p class="weak" aria-busy="true">${isOne(mine.length) ? msg(str`Loading ${f.number(mine.length, 0)} account…`) : msg(str`Loading ${f.number(mine.length, 0)} accounts…`)}</p>`
          : mine.length && d && rows
          ? d.myAccountsTable({
              rows,
              key: this.sortKey,
              dir: this.sortDirection,
              shown: this.showAll ? rows.length : SHOWN,
              focusId: focused ? focused.id : null,
              f,
              onSort: (key) => this.sortBy(key),
              onShowAll: () => (this.showAll = true),
            })
          : html`<p class="weak">${msg('No accounts in the plan.')}</p>`}
      </section>
      <div part="map"><slot name="map"><tk-territory-map compact rep-id=${rep.id} focus-account=${focused?.id ?? nothing}></tk-territory-map></slot></div>
    </article>`;
  }
}
