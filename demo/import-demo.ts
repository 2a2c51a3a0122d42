// "Your own data": adds a <tk-file-import> section to the planner page. When an import ends, the page
// (not the element: widgets never touch an adapter) hands the result to the provider as a file adapter;
// "Back to the demo data" restores the demo CRM. The element and the import code load after the
// planner's first paint, so the planner's initial load does not grow.
// Wiring: demo/index.html loads this module after demo.ts: <script type="module" src="/demo/import-demo.ts"></script>
import type { CrmAdapter } from '../src/adapters/crm-adapter.js';
import type { TkTerritoryProvider } from '../widgets/territory-provider/territory-provider.component.js';
import { demoText, localizeDemo } from './demo-messages.js';

const SAMPLES: [file: string, label: string][] = [
  ['template-accounts.csv', 'our template (accounts)'],
  ['template-reps.csv', 'our template (reps)'],
  ['template-accounts.xlsx', 'our template as .xlsx'],
  ['salesforce-accounts-report.csv', 'a Salesforce accounts report'],
  ['salesforce-opportunities-report.csv', 'a Salesforce opportunities report'],
  ['hubspot-companies.csv', 'a HubSpot companies export'],
  ['hubspot-deals.csv', 'a HubSpot deals export'],
];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  // Fixed English text: worded in the page's language by localizeDemo (demo-messages.ts).
  if (props.textContent) node.setAttribute('data-demo-text', '');
  node.append(...children);
  return node;
}

const provider = document.querySelector<TkTerritoryProvider>('tk-territory-provider');
const planner = document.querySelector('.planner');
// Beside the panel, above the event log (demo/index.html's .stack).
const events = document.querySelector('#log')?.closest('section');
if (provider && planner && events) {
  let demoAdapter: CrmAdapter | undefined;
  const back = el('button', { type: 'button', hidden: true, textContent: 'Back to the demo data' });
  const status = el('p', { className: 'import-status' });
  status.setAttribute('role', 'status');
  const samples = el('p', {}, el('span', { textContent: 'Try it with the sample files:' }), ' ');
  SAMPLES.forEach(([file, label], i) => {
    const a = el('a', { href: `/demo/samples/${file}`, textContent: label });
    // The theme's link colour (readable on the dark theme too); CSSOM, not a style attribute (CSP).
    a.style.color = 'var(--tk-color-brand, #0176d3)';
    a.setAttribute('download', file);
    samples.append(a, i < SAMPLES.length - 1 ? ', ' : '.');
  });
  const section = el(
    'section',
    { className: 'panel import-area' },
    el('h2', { id: 'import-title', textContent: 'Your own data' }),
    el('p', { textContent: 'Import accounts (and optionally reps and opportunities) from CSV or Excel files; the planner switches to them. "Plan as CSV" in the panel writes the same template back.' }),
    samples,
    el('tk-file-import'),
    el('div', { className: 'controls' }, back),
    status,
  );
  section.setAttribute('aria-labelledby', 'import-title');
  events.before(section);
  localizeDemo(section);

  section.addEventListener('tk-import', async (e) => {
    const { createFileAdapter } = await import('../src/import/file-adapter.js');
    demoAdapter ??= provider.adapter;
    const names = e.files.map((f) => f.name).join(' + ');
    provider.adapter = createFileAdapter({ result: e.result, id: `file:${names}` });
    back.hidden = false;
    status.textContent = demoText('The planner now shows {n} accounts from {names}.', { n: e.result.accounts.length.toLocaleString(document.documentElement.lang || undefined), names });
  });
  back.addEventListener('click', () => {
    if (demoAdapter) provider.adapter = demoAdapter;
    back.hidden = true;
    status.textContent = demoText('The planner shows the demo data again.');
  });
  // After the planner's first paint: the element, then (on the first file) the parsers.
  const later = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
  later(() => void import('../widgets/file-import/file-import.js'));
}
