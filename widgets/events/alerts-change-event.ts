import type { AlertCounts } from '../shared/plan-alerts.js';

/**
 * Fired by `<tk-rep-assignment-panel>` when the number of alerts on the working plan changes (after
 * load, edits, territory or alert-setting changes): the counts by severity and the worst one present,
 * for a badge elsewhere (e.g. on the map). Bubbles and is composed. Elements can also call
 * `alertsFor(state)` / `alertCounts(...)` from `widgets/shared/plan-alerts.ts` directly: the result
 * is memoised and shared.
 *
 * @example
 * provider.addEventListener('tk-alerts-change', (e) => badge.textContent = `${e.counts.critical} critical`);
 */
export class TkAlertsChangeEvent extends Event {
  static readonly eventName = 'tk-alerts-change';
  constructor(readonly counts: AlertCounts) {
    super(TkAlertsChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tk-alerts-change': TkAlertsChangeEvent;
  }
}
