import { html, nothing } from 'lit';
import type { Alert } from '../../../src/engine/detect-alerts.js';
import { alertsFor, type AlertCounts, type Outcome } from '../../shared/plan-alerts.js';
import type { PanelCtx } from './context.js';

// The header count and the shared alert memo (first paint). The list and its settings form, shown once
// the (initially closed) section opens, are in ./alerts-list.ts, loaded on demand with the other closed sections.

/** The plan's alerts, computed after the edit paints (shared memo: the header, the section and the map read one result). */
export function readAlerts(ctx: PanelCtx): { value: Outcome<Alert[]>; stale: boolean } {
  const s = ctx.s;
  const money = ctx.f.currencyCompact;
  return ctx.deferred.read('alerts', [s.accounts, s.reps, s.working, s.territories, s.alertSettings, ctx.tolerance, money], () => alertsFor(s, ctx.tolerance, money));
}

/** "16 critical · 5 warnings · 2 info", or "No alerts". */
export function countsText(ctx: PanelCtx, c: AlertCounts): string {
  if (c.total === 0) return 'No alerts';
  const f = ctx.f;
  return [
    c.critical ? `${f.number(c.critical, 0)} critical` : '',
    c.warning ? `${f.number(c.warning, 0)} warning${c.warning === 1 ? '' : 's'}` : '',
    c.info ? `${f.number(c.info, 0)} info` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The header line: alert count and worst severity, a button that opens the alert list. */
export function alertsHeader(ctx: PanelCtx, counts: AlertCounts | null) {
  if (!counts) return nothing;
  const text = countsText(ctx, counts);
  return html`<div part="header" class="header">
    <button type="button" part="alert-count" class="alert-count ${counts.worst ?? 'none'}" data-severity=${counts.worst ?? 'none'}
      aria-label=${`Alerts: ${text}. Show the list`} ?disabled=${counts.total === 0}
      @click=${() => {
        const open = new Set(ctx.ui.open);
        open.add('alerts');
        ctx.set({ open });
        ctx.focus('[data-section=alerts] > summary');
      }}>${counts.total ? html`<span aria-hidden="true">⚠</span> ${text}` : text}</button>
  </div>`;
}
