// The strict-CSP test page: every element on one page, over the memory adapter, loaded from one
// same-origin module (no inline script, no inline style attribute in the markup).
import { createMemoryAdapter, generateDemoData } from '../../../widgets/standalone.js';
import type { TkTerritoryProvider } from '../../../widgets/index.js';

const data = generateDemoData({ seed: 3, accounts: 600, reps: 8 });
const adapter = createMemoryAdapter({ ...data, id: 'memory:csp' });
for (const provider of document.querySelectorAll<TkTerritoryProvider>('tk-territory-provider')) provider.adapter = adapter;
(window as unknown as { tkReady: boolean }).tkReady = true;
