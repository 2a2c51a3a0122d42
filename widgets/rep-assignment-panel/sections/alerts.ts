import { html, nothing } from 'lit';
import type { Alert } from '../../../src/engine/detect-alerts.js';
import { alertsFor } from '../controllers/derived.js';
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

/** Alerts: detectAlerts on the working plan; choosing one selects its accounts (or focuses its rep). */
export function alertsSection(ctx: PanelCtx) {
  return section(ctx, 'alerts', 'Alerts', () => {
    const s = ctx.s;
    const { value: result, stale } = ctx.deferred.read('alerts', [s.accounts, s.reps, s.working, s.territories, ctx.tolerance], () => alertsFor(s, ctx.tolerance));
    const updating = stale ? html`<p class="weak" role="status">Updating…</p>` : nothing;
    if (!result.ok) return html`${updating}<p class="error" role="alert">Could not check the plan: ${result.message}</p>`;
    const alerts = result.value;
    if (alerts.length === 0) return html`${updating}<p class="weak">Nothing needs attention.</p>`;
    return html`${updating}<ul part="alerts" class="alerts scroll tall" tabindex="0" aria-label="Alerts" aria-busy=${stale ? 'true' : 'false'}>
      ${alerts.slice(0, LISTED).map(
        (a) => html`<li class=${a.severity} data-kind=${a.kind}>
          <button type="button" class="alert" ?disabled=${!a.accountIds?.length && !a.repIds?.length} @click=${() => pick(ctx, a)}>
            <span class="severity">${a.severity}</span> <span class="message">${a.message}</span>
            ${a.accountIds?.length ? html`<span class="records">${named(ctx, a.accountIds)}</span>` : nothing}
          </button>
        </li>`,
      )}
      ${alerts.length > LISTED ? html`<li class="weak">and ${ctx.f.number(alerts.length - LISTED, 0)} more</li>` : nothing}
    </ul>`;
  });
}
