// The planner page (/demo/): every element, the shared demo CRM, the page's controls and event log.
import '../widgets/index.js';
import { startDemoPage } from './shared.js';
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
  planner.actions.assign(ids, lightest.repId, `Move ${ids.length} accounts from ${names.get(busiest.repId)} to ${names.get(lightest.repId)}`);
});

// Event log: text only.
const log = document.querySelector('#log');
const note = (line: string) => {
  if (!log) return;
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${line}`;
  log.prepend(li);
  while (log.childElementCount > 50) log.lastElementChild!.remove();
};
document.addEventListener('tk-assignment-change', (e) => note(`tk-assignment-change (${e.source}): ${e.changes.length} accounts, ${e.pendingCount} pending`));
document.addEventListener('tk-selection-change', (e) => note(`tk-selection-change: ${e.selection.length} selected`));
document.addEventListener('tk-plan-applied', (e) => note(`tk-plan-applied (${e.kind}): ${e.label}`));
document.addEventListener('tk-save-result', (e) => note(`tk-save-result: ${e.saved} saved, ${e.failed} failed, ${e.conflict} conflict`));
