import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Alert, AlertSeverity } from '../../../src/engine/detect-alerts.js';
import type { AlertSettings } from '../../../src/store/types.js';
import { accountsById, planEvaluation } from '../../../src/store/selectors.js';
import { alertCounts, type Outcome } from '../../shared/plan-alerts.js';
import { countsText } from './alerts.js';
import { section, type PanelCtx } from './context.js';
import { isOne, listSome, listText } from './words.js';

/** Alerts listed; the rest are counted. */
const LISTED = 50;

/** Accounts named in an alert line; the rest are counted. */
const NAMED = 3;

function named(ctx: PanelCtx, ids: readonly string[]): string {
  return listSome(ids.slice(0, NAMED).map((id) => ctx.accountName(id)), ids.length, NAMED, (n) => ctx.f.number(n, 0));
}

function severityLabel(severity: AlertSeverity): string {
  return severity === 'critical' ? msg('critical', { desc: 'alert severity' }) : severity === 'warning' ? msg('warning', { desc: 'alert severity' }) : msg('info', { desc: 'alert severity' });
}

/**
 * The alert in the UI language, built from its kind, records and the plan's figures (the engine's
 * `message` is English); the engine's message when the kind is not known here.
 */
export function alertText(ctx: PanelCtx, a: Alert): string {
  const { f, s } = ctx;
  const ids = a.accountIds ?? [];
  const k = ids.length;
  const count = f.number(k, 0);
  const rep = ctx.repName(a.repIds?.[0]);
  const byId = accountsById(s);
  const potential = () => f.currencyCompact(ids.reduce((sum, id) => sum + (byId.get(id)?.potential ?? 0), 0));
  const evalOf = () => planEvaluation(s, ctx.tolerance).reps.find((r) => r.repId === a.repIds?.[0]);
  switch (a.kind) {
    case 'inactive-owner': {
      const money = potential();
      return isOne(k) ? msg(str`${rep} is inactive but owns ${count} account (${money} potential)`) : msg(str`${rep} is inactive but owns ${count} accounts (${money} potential)`);
    }
    case 'imbalance': {
      const r = evalOf();
      if (!r) break;
      const d = r.deviation.potential;
      const share = f.percent(Math.abs(d), 0);
      const has = f.currencyCompact(r.potential);
      const target = f.currencyCompact(r.target.potential);
      return d > 0 ? msg(str`${rep} holds ${share} more potential than target (${has} vs ${target})`) : msg(str`${rep} holds ${share} less potential than target (${has} vs ${target})`);
    }
    case 'over-capacity': {
      const r = evalOf();
      if (!r) break;
      const share = f.percent(r.deviation.workload, 0);
      const has = f.compact(r.workload);
      const target = f.compact(r.target.workload);
      return msg(str`${rep} carries ${share} more workload than capacity allows (${has} vs ${target})`);
    }
    case 'unassigned-high-potential': {
      const money = potential();
      return isOne(k) ? msg(str`${count} high-potential account has no owner (${money} potential)`) : msg(str`${count} high-potential accounts have no owner (${money} potential)`);
    }
    case 'untouched-high-potential': {
      const days = f.number(s.alertSettings?.untouchedDays ?? DEFAULTS.days, 0);
      return isOne(k) ? msg(str`${rep} has ${count} high-potential account with no activity in ${days} days`) : msg(str`${rep} has ${count} high-potential accounts with no activity in ${days} days`);
    }
    case 'unknown-owner': {
      const owner = a.repIds?.[0] ?? '';
      return isOne(k) ? msg(str`${count} account is assigned to "${owner}", which is not a known rep`) : msg(str`${count} accounts are assigned to "${owner}", which is not a known rep`);
    }
    case 'territory-gap':
      return isOne(k) ? msg(str`${count} account falls in no territory`) : msg(str`${count} accounts fall in no territory`);
    case 'territory-overlap': {
      const territories = (a.territoryIds ?? []).map((id) => s.territories.find((t) => t.id === id));
      const names = listText(territories.map((t, i) => `"${t?.name || a.territoryIds![i]}"`));
      const priority = f.number(territories[0]?.priority ?? 0, 0);
      return isOne(k) ? msg(str`${count} account matches ${names} at the same priority (${priority})`) : msg(str`${count} accounts match ${names} at the same priority (${priority})`);
    }
  }
  return a.message;
}

function pick(ctx: PanelCtx, alert: Alert): void {
  if (alert.accountIds?.length) {
    ctx.a.select(alert.accountIds);
    const n = alert.accountIds.length;
    const count = ctx.f.number(n, 0);
    ctx.announce(isOne(n) ? msg(str`Selected the ${count} account of this alert`) : msg(str`Selected the ${count} accounts of this alert`));
  } else if (alert.repIds?.length) {
    ctx.a.focusRep(alert.repIds[0]);
    const name = ctx.repName(alert.repIds[0]);
    ctx.announce(msg(str`Focused ${name}`));
  }
}

const DEFAULTS = { tolerancePct: 5, topPct: 10, days: 90 };

function settingsForm(ctx: PanelCtx) {
  const s = ctx.s.alertSettings ?? {};
  const tolerancePct = (s.tolerance ?? ctx.tolerance) * 100;
  const topPct = (1 - (s.highPotentialQuantile ?? 0.9)) * 100;
  const days = s.untouchedDays ?? DEFAULTS.days;
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const val = (name: string) => Number((form.elements.namedItem(name) as HTMLInputElement).value);
    const t = val('alertTolerance');
    const top = val('alertTop');
    const d = val('alertDays');
    const bad = !(t >= 0 && t <= 100)
      ? msg('Imbalance tolerance must be between 0 and 100%.')
      : !(top > 0 && top <= 100)
        ? msg('High potential must be the top 1–100% of accounts.')
        : !(Number.isInteger(d) && d >= 0 && d <= 3650)
          ? msg('Days without activity must be a whole number from 0 to 3650.')
          : '';
    ctx.set({ errors: { ...ctx.ui.errors, alerts: bad } });
    if (bad) return;
    const next: AlertSettings = { tolerance: t / 100, highPotentialQuantile: 1 - top / 100, untouchedDays: d };
    if (ctx.a.setAlertSettings?.(next)) ctx.announce(msg('Alert settings saved with the plan'));
  };
  return html`<details class="settings" part="alert-settings">
    <summary>${msg('Alert settings')}</summary>
    <form class="grid" novalidate @submit=${submit}>
      <label>${msg('Imbalance beyond (±%)')}
        <input type="number" name="alertTolerance" min="0" max="100" step="0.5" .value=${String(+tolerancePct.toFixed(2))} ?disabled=${!ctx.edit} /></label>
      <label>${msg('High potential: top (%)')}
        <input type="number" name="alertTop" min="1" max="100" step="1" .value=${String(+topPct.toFixed(2))} ?disabled=${!ctx.edit} /></label>
      <label>${msg('No activity for (days)')}
        <input type="number" name="alertDays" min="0" max="3650" step="1" .value=${String(days)} ?disabled=${!ctx.edit} /></label>
      ${ctx.edit ? html`<div class="row"><button type="submit">${msg('Save settings')}</button></div>` : nothing}
    </form>
    ${ctx.ui.errors.alerts ? html`<p class="error" role="alert">${ctx.ui.errors.alerts}</p>` : nothing}
  </details>`;
}

/** Alerts: detectAlerts on the working plan; choosing one selects its accounts (or focuses its rep). */
export function alertsSection(ctx: PanelCtx, result: { value: Outcome<Alert[]>; stale: boolean }) {
  const counts = result.value.ok ? alertCounts(result.value.value) : null;
  return section(
    ctx,
    'alerts',
    msg('Alerts'),
    () => {
      const { value, stale } = result;
      const updating = stale ? html`<p class="weak" role="status">${msg('Updating…')}</p>` : nothing;
      if (!value.ok) {
        const why = value.message;
        return html`${updating}<p class="error" role="alert">${msg(str`Could not check the plan: ${why}`)}</p>${settingsForm(ctx)}`;
      }
      const alerts = value.value;
      if (alerts.length === 0) return html`${updating}<p class="weak">${msg('Nothing needs attention.')}</p>${settingsForm(ctx)}`;
      const more = f(ctx, alerts.length - LISTED);
      return html`${updating}<ul part="alerts" class="alerts scroll tall" tabindex="0" aria-label=${msg('Alerts')} aria-busy=${stale ? 'true' : 'false'}>
          ${alerts.slice(0, LISTED).map(
            (a) => html`<li class=${a.severity} data-kind=${a.kind}>
              <button type="button" class="alert" ?disabled=${!a.accountIds?.length && !a.repIds?.length} @click=${() => pick(ctx, a)}>
                <span class="severity sev-${a.severity}">${severityLabel(a.severity)}</span> <span class="message">${alertText(ctx, a)}</span>
                ${a.accountIds?.length ? html`<span class="records">${named(ctx, a.accountIds)}</span>` : nothing}
              </button>
            </li>`,
          )}
          ${alerts.length > LISTED ? html`<li class="weak">${msg(str`and ${more} more`)}</li>` : nothing}
        </ul>
        ${settingsForm(ctx)}`;
    },
    counts && counts.total ? countsText(ctx, counts) : undefined,
  );
}

const f = (ctx: PanelCtx, n: number) => ctx.f.number(n, 0);
