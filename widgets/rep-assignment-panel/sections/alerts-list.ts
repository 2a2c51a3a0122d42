import { html, nothing } from 'lit';
import type { Alert } from '../../../src/engine/detect-alerts.js';
import type { AlertSettings } from '../../../src/store/types.js';
import { alertCounts, type Outcome } from '../../shared/plan-alerts.js';
import { countsText } from './alerts.js';
import { section, type PanelCtx } from './context.js';

/** Alerts listed; the rest are counted. */
const LISTED = 50;

/** Accounts named in an alert line; the rest are counted. */
const NAMED = 3;

function named(ctx: PanelCtx, ids: readonly string[]): string {
  const names = ids.slice(0, NAMED).map((id) => ctx.accountName(id)).join(', ');
  return ids.length > NAMED ? `${names} and ${ctx.f.number(ids.length - NAMED, 0)} more` : names;
}

function pick(ctx: PanelCtx, alert: Alert): void {
  if (alert.accountIds?.length) {
    ctx.a.select(alert.accountIds);
    ctx.announce(`Selected the ${ctx.f.number(alert.accountIds.length, 0)} accounts of this alert`);
  } else if (alert.repIds?.length) {
    ctx.a.focusRep(alert.repIds[0]);
    ctx.announce(`Focused ${ctx.repName(alert.repIds[0])}`);
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
    const bad = !(t >= 0 && t <= 100) ? 'Imbalance tolerance must be between 0 and 100%.' : !(top > 0 && top <= 100) ? 'High potential must be the top 1–100% of accounts.' : !(Number.isInteger(d) && d >= 0 && d <= 3650) ? 'Days without activity must be a whole number from 0 to 3650.' : '';
    ctx.set({ errors: { ...ctx.ui.errors, alerts: bad } });
    if (bad) return;
    const next: AlertSettings = { tolerance: t / 100, highPotentialQuantile: 1 - top / 100, untouchedDays: d };
    if (ctx.a.setAlertSettings?.(next)) ctx.announce('Alert settings saved with the plan');
  };
  return html`<details class="settings" part="alert-settings">
    <summary>Alert settings</summary>
    <form class="grid" novalidate @submit=${submit}>
      <label>Imbalance beyond (±%)
        <input type="number" name="alertTolerance" min="0" max="100" step="0.5" .value=${String(+tolerancePct.toFixed(2))} ?disabled=${!ctx.edit} /></label>
      <label>High potential: top (%)
        <input type="number" name="alertTop" min="1" max="100" step="1" .value=${String(+topPct.toFixed(2))} ?disabled=${!ctx.edit} /></label>
      <label>No activity for (days)
        <input type="number" name="alertDays" min="0" max="3650" step="1" .value=${String(days)} ?disabled=${!ctx.edit} /></label>
      ${ctx.edit ? html`<div class="row"><button type="submit">Save settings</button></div>` : nothing}
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
    'Alerts',
    () => {
      const { value, stale } = result;
      const updating = stale ? html`<p class="weak" role="status">Updating…</p>` : nothing;
      if (!value.ok) return html`${updating}<p class="error" role="alert">Could not check the plan: ${value.message}</p>${settingsForm(ctx)}`;
      const alerts = value.value;
      if (alerts.length === 0) return html`${updating}<p class="weak">Nothing needs attention.</p>${settingsForm(ctx)}`;
      return html`${updating}<ul part="alerts" class="alerts scroll tall" tabindex="0" aria-label="Alerts" aria-busy=${stale ? 'true' : 'false'}>
          ${alerts.slice(0, LISTED).map(
            (a) => html`<li class=${a.severity} data-kind=${a.kind}>
              <button type="button" class="alert" ?disabled=${!a.accountIds?.length && !a.repIds?.length} @click=${() => pick(ctx, a)}>
                <span class="severity sev-${a.severity}">${a.severity}</span> <span class="message">${a.message}</span>
                ${a.accountIds?.length ? html`<span class="records">${named(ctx, a.accountIds)}</span>` : nothing}
              </button>
            </li>`,
          )}
          ${alerts.length > LISTED ? html`<li class="weak">and ${ctx.f.number(alerts.length - LISTED, 0)} more</li>` : nothing}
        </ul>
        ${settingsForm(ctx)}`;
    },
    counts && counts.total ? countsText(ctx, counts) : undefined,
  );
}
