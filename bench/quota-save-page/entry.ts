// A page with the quota planner and the panel's Save section on demo data, the memory "CRM" holding
// quotas, for screenshots of the quota Save flow (scripts/quota-save-screenshots.mjs).
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import '../../widgets/index.js';
import '../../widgets/quota-planner/quota-planner.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

const data = generateDemoData({ accounts: 600, reps: 6 });
const provider = document.querySelector<TkTerritoryProvider>('tk-territory-provider')!;
provider.storage = null;
const active = data.reps.filter((r) => r.active !== false);
const adapter = createMemoryAdapter({ ...data, quotas: active.map((r) => ({ repId: r.id, period: '2027-01-01', amount: 350_000 })) });
provider.adapter = adapter;
Object.assign(window, { provider, adapter });
