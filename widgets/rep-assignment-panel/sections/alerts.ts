import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Alert } from '../../../src/engine/detect-alerts.js';
import { alertsFor, type AlertCounts, type Outcome } from '../../shared/plan-alerts.js';
import type { PanelCtx } from './context.js';
import { isOne } from './words.js';

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
  if (c.total === 0) return msg('No alerts');
  const n = (x: number) => ctx.f.number(x, 0);
  return [
    // English says "critical" and "info" for one and many; other languages may not (explicit ids: same English, two messages).
    c.critical ? (isOne(c.critical) ? msg(str`${n(c.critical)} critical`, { id: 'alert-count-critical-one' }) : msg(str`${n(c.critical)} critical`, { id: 'alert-count-critical-other' })) : '',
    c.warning ? (isOne(c.warning) ? msg(str`${n(c.warning)} warning`) : msg(str`${n(c.warning)} warnings`)) : '',
    c.info ? (isOne(c.info) ? msg(str`${n(c.info)} info`, { id: 'alert-count-info-one' }) : msg(str`${n(c.info)} info`, { id: 'alert-count-info-other' })) : '',
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
      aria-label=${msg(str`Alerts: ${text}. Show the list`)} ?disabled=${counts.total === 0}
      @click=${() => {
        const open = new Set(ctx.ui.open);
        open.add('alerts');
        ctx.set({ open });
        ctx.focus('[data-section=alerts] > summary');
      }}>${counts.total ? html`<span aria-hidden="true">⚠</span> ${text}` : text}</button>
  </div>`;
}
