// The demo app: a memory "CRM" with seeded demo data behind every <tk-territory-provider> on the page.
import '../widgets/index.js';
import { createMemoryAdapter } from '../src/adapters/memory/index.js';
import { generateDemoData } from '../src/data/generate-demo-data.js';
import { planEvaluation } from '../src/store/selectors.js';
import { applyTheme } from '../widgets/shared/themes.js';
import type { TkTerritoryProvider } from '../widgets/territory-provider/territory-provider.component.js';
import type { TkWorkloadGauge } from '../widgets/workload-gauge/workload-gauge.component.js';

performance.mark('tk-demo-start');
const data = generateDemoData({ seed: 42, accounts: 5000, reps: 25 });
performance.measure('tk-demo-generate', 'tk-demo-start');

// Two malformed rows, as a real CRM has: the provider lists them as rejected and loads the rest.
const badRows: unknown[] = [
  { id: 'acc-bad-1', name: 'Northwind (bad latitude)', lat: 'forty-one', lng: -87.6, potential: 1000, ownerId: null },
  { id: 'acc-bad-2', name: 'Contoso (negative potential)', lat: 41.9, lng: -87.6, potential: -5, ownerId: 'rep-01' },
];

/** The demo "CRM". It lives in this page: reloading the page resets it (unsaved edits are restored from localStorage). */
export const adapter = createMemoryAdapter({
  accounts: [...data.accounts, ...badRows],
  reps: data.reps,
  territories: data.territories,
  opportunities: data.opportunities,
  id: 'memory:demo-42',
  latencyMs: 40,
});

const providers = [...document.querySelectorAll('tk-territory-provider')] as TkTerritoryProvider[];
for (const provider of providers) {
  provider.adapter = adapter;
}
// Time from module start to the first provider being ready (shown in the devtools Performance panel).
void (async () => {
  const first = providers[0];
  if (!first) return;
  while (first.state.status === 'idle' || first.state.status === 'loading') await new Promise((r) => setTimeout(r, 20));
  performance.measure('tk-demo-ready', 'tk-demo-start');
})();

// Locale and theme switches (every tk-* element follows its own `locale` attribute).
const locale = document.querySelector<HTMLSelectElement>('#locale');
locale?.addEventListener('change', () => {
  document.documentElement.lang = locale.value;
  for (const el of document.querySelectorAll('*')) if (el.localName.startsWith('tk-')) el.setAttribute('locale', locale.value);
});
const theme = document.querySelector<HTMLButtonElement>('#theme');
theme?.addEventListener('click', () => {
  const dark = theme.getAttribute('aria-pressed') !== 'true';
  theme.setAttribute('aria-pressed', String(dark));
  document.body.classList.toggle('dark', dark);
  applyTheme(document.body, dark ? 'dark' : 'light');
});

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
