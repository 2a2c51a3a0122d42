// The planner page (/demo/): every element, the shared demo CRM, the page's controls and event log.
import '../widgets/index.js';
import { startDemoPage } from './shared.js';
import { demoText } from './demo-messages.js';
import { planEvaluation } from '../src/store/selectors.js';
import type { TkWorkloadGauge } from '../widgets/workload-gauge/workload-gauge.component.js';

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

// Event log: text only (the event names as they are; the rest in the page's language).
const log = document.querySelector('#log');
const note = (line: string) => {
  if (!log) return;
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString(document.documentElement.lang || undefined)} ${line}`;
  log.prepend(li);
  while (log.childElementCount > 50) log.lastElementChild!.remove();
};
document.addEventListener('tk-assignment-change', (e) =>
  note(demoText('{event} ({source}): {n} accounts, {pending} pending', { event: e.type, source: e.source, n: e.changes.length, pending: e.pendingCount })),
);
document.addEventListener('tk-selection-change', (e) => note(demoText('{event}: {n} selected', { event: e.type, n: e.selection.length })));
document.addEventListener('tk-plan-applied', (e) => note(`tk-plan-applied (${e.kind}): ${e.label}`));
document.addEventListener('tk-save-result', (e) =>
  note(demoText('{event}: {saved} saved, {failed} failed, {conflict} conflict', { event: e.type, saved: e.saved, failed: e.failed, conflict: e.conflict })),
);
