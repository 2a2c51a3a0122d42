// The planner page (/demo/): every element, the shared demo CRM, the page's controls and event log.
import '../widgets/index.js';
import { startDemoPage } from './shared.js';
import { demoText } from './demo-messages.js';
import { planEvaluation } from '../src/store/selectors.js';
import type { TkWorkloadGauge } from '../widgets/workload-gauge/workload-gauge.component.js';
import type { TkTerritoryProvider } from '../widgets/territory-provider/territory-provider.component.js';
import { stepLabel } from '../widgets/shared/undo-label.js';

const providers = startDemoPage();

// Planner page controls.
const metric = document.querySelector<HTMLSelectElement>('#metric');
const teamGauge = document.querySelector<TkWorkloadGauge>('#team-gauge');
metric?.addEventListener('change', () => {
  if (teamGauge) teamGauge.metric = metric.value as TkWorkloadGauge['metric'];
});

const planner = providers[0];
document.querySelector('#move')?.addEventListener('click', () => {
  const state = planner.state;
  if (state.status !== 'ready') return;
  const reps = planEvaluation(state).reps.filter((r) => r.active);
  const busiest = reps.reduce((a, b) => (b.deviation.workload > a.deviation.workload ? b : a));
  const lightest = reps.reduce((a, b) => (b.deviation.workload < a.deviation.workload ? b : a));
  const names = new Map(state.reps.map((r) => [r.id, r.name]));
  const ids = state.accounts
    .filter((a) => state.working[a.id] === busiest.repId && !a.locked)
    .slice(0, 25)
    .map((a) => a.id);
  planner.actions.assign(ids, lightest.repId, demoText('Move {n} accounts from {from} to {to}', { n: ids.length, from: names.get(busiest.repId)!, to: names.get(lightest.repId)! }));
});

// Event log: text only (the event names and sources as they are; the rest in the page's language). A
// label the store made itself (an undo step's English default, e.g. "Assign 3 accounts") is worded from the
// step's `labelParts` by the SDK's own wording (widgets/shared/undo-label.ts: no demo strings in the SDK);
// a caller's label shows as given.
const log = document.querySelector('#log');
/** Adds a line; `line(again)` makes its text, and `again()` makes it anew (once an on-demand wording has arrived). */
function note(line: (again: () => void) => string): void {
  if (!log) return;
  const li = document.createElement('li');
  const time = new Date().toLocaleTimeString(document.documentElement.lang || undefined);
  const show = (): void => {
    li.textContent = `${time} ${line(show)}`;
  };
  show();
  log.prepend(li);
  while (log.childElementCount > 50) log.lastElementChild!.remove();
}
const count = (n: number) => new Intl.NumberFormat(document.documentElement.lang || undefined).format(n);

/**
 * An event's step label in the page's language: the history step it names (the last one, or the first to
 * redo after an undo), looked up when the event fires, worded from its `labelParts` when the store made
 * the label (at each render: the wording may arrive later); else the label as given.
 */
function eventLabel(e: Event, label: string, undone: boolean): (again: () => void) => string {
  const state = (e.target as TkTerritoryProvider).state;
  const entry = undone ? state?.future[0] : state?.past.at(-1);
  if (!entry?.labelParts || entry.label !== label) return () => label;
  return (again) => stepLabel(entry, count, again) ?? label;
}

document.addEventListener('tk-assignment-change', (e) => {
  const one = e.changes.length === 1;
  const params = { event: e.type, source: e.source, n: e.changes.length, pending: e.pendingCount };
  if (e.label === null) {
    note(() => (one ? demoText('{event} ({source}): 1 account, {pending} pending', params) : demoText('{event} ({source}): {n} accounts, {pending} pending', params)));
    return;
  }
  const label = eventLabel(e, e.label, e.source === 'undo');
  note((again) =>
    one
      ? demoText('{event} ({source}): {label} · 1 account, {pending} pending', { ...params, label: label(again) })
      : demoText('{event} ({source}): {label} · {n} accounts, {pending} pending', { ...params, label: label(again) }),
  );
});
document.addEventListener('tk-selection-change', (e) => note(() => demoText('{event}: {n} selected', { event: e.type, n: e.selection.length })));
document.addEventListener('tk-plan-applied', (e) => {
  const label = eventLabel(e, e.label, false);
  note((again) => `tk-plan-applied (${e.kind}): ${label(again)}`);
});
document.addEventListener('tk-save-result', (e) =>
  note(() => demoText('{event}: {saved} saved, {failed} failed, {conflict} conflict', { event: e.type, saved: e.saved, failed: e.failed, conflict: e.conflict })),
);
