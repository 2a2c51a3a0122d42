// The plan's alert count on the map: a compact badge (worst severity's colour and count, the full
// breakdown in its accessible name) that brings the user to the panel's alert list. An on-demand chunk,
// loaded when the panel first announces its counts (tk-alerts-change): the map never computes alerts.
// Built from DOM nodes (textContent) rather than a Lit template: importing lit here would split lit into
// a chunk of its own and grow the planner's first load by ≈ 0.6 kB gz.
import { msg, str } from '@lit/localize';
import type { AlertCounts } from '../shared/plan-alerts.js';
import type { Formatters } from '../shared/format.js';
import { isOne } from '../shared/plural.js';

/** The element that announced the counts (the panel): its alerts section is opened and focused. */
type AlertsSource = Element & { setSectionOpen?(id: 'alerts', open: boolean): void; updateComplete?: Promise<unknown> };

const CSS = `.alert-badge{position:absolute;top:8px;right:8px;z-index:1000;font:600 var(--tk-font-size-small,.75rem)/1.4 var(--tk-font-family,system-ui,sans-serif);padding:2px 10px;border-radius:1em;border:1px solid var(--tk-color-surface,#fff);box-shadow:0 1px 3px rgb(0 0 0/35%);cursor:pointer;white-space:nowrap}
.alert-badge.critical{background:var(--tk-color-error,#ba0517);color:var(--tk-color-surface,#fff)}
.alert-badge.warning{background:var(--tk-color-warning,#a35200);color:var(--tk-color-surface,#fff)}
.alert-badge.info{background:var(--tk-color-surface-alt,#f3f3f3);color:var(--tk-color-text,#181818);border-color:var(--tk-color-border,#c9c9c9)}
.alert-badge:focus-visible{outline:2px solid var(--tk-color-brand,#0176d3);outline-offset:2px}`;

let shared: CSSStyleSheet | null = null;
const sheet = (): CSSStyleSheet => {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(CSS);
  }
  return shared;
};

/** Opens the panel's alerts section and moves focus to its heading, scrolled to the top of the view (the list below it). */
export async function showAlerts(source: AlertsSource | null): Promise<void> {
  if (!source?.setSectionOpen) return;
  source.setSectionOpen('alerts', true);
  await source.updateComplete;
  const root = source.shadowRoot;
  const target = root?.querySelector<HTMLElement>('[part~=section-alerts] > summary') ?? root?.querySelector<HTMLElement>('[part~=alert-count]');
  target?.scrollIntoView({ block: 'start' });
  target?.focus();
}

/** One badge per map (kept, so focus stays on it while the counts change). */
const badges = new WeakMap<Element, { el: HTMLSpanElement; button: HTMLButtonElement; source: AlertsSource | null }>();

/**
 * The badge for a map (null without alerts): "⚠ 16 critical", named "Alerts: 16 critical · 30 warnings ·
 * 3 info. Show the list" (the panel header's messages). Rendered by the map as a child node.
 */
export function alertsBadge(map: Element, f: Formatters, c: AlertCounts, source: AlertsSource | null): HTMLSpanElement | null {
  if (!c.total || !c.worst) return null;
  let b = badges.get(map);
  if (!b) {
    const el = document.createElement('span');
    // A constructed stylesheet, not a <style> element: pages with a strict CSP (style-src without
    // 'unsafe-inline', as Lightning) refuse inline style elements.
    const root = map.shadowRoot;
    if (root && !root.adoptedStyleSheets.includes(sheet())) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet()];
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('part', 'alert-badge');
    el.append(button);
    const made = { el, button, source };
    button.addEventListener('click', () => void showAlerts(made.source));
    badges.set(map, (b = made));
  }
  b.source = source;
  const n = (x: number) => f.number(x, 0);
  const critical = c.critical ? (isOne(c.critical) ? msg(str`${n(c.critical)} critical`, { id: 'alert-count-critical-one' }) : msg(str`${n(c.critical)} critical`, { id: 'alert-count-critical-other' })) : '';
  const warning = c.warning ? (isOne(c.warning) ? msg(str`${n(c.warning)} warning`) : msg(str`${n(c.warning)} warnings`)) : '';
  const info = c.info ? (isOne(c.info) ? msg(str`${n(c.info)} info`, { id: 'alert-count-info-one' }) : msg(str`${n(c.info)} info`, { id: 'alert-count-info-other' })) : '';
  const text = [critical, warning, info].filter(Boolean).join(' · ');
  const { button } = b;
  button.className = `alert-badge ${c.worst}`;
  button.dataset.severity = c.worst;
  button.title = text;
  button.setAttribute('aria-label', msg(str`Alerts: ${text}. Show the list`));
  const mark = document.createElement('span');
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = '⚠';
  button.replaceChildren(mark, ` ${c.worst === 'critical' ? critical : c.worst === 'warning' ? warning : info}`);
  return b.el;
}
