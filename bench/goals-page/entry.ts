// A page with the quota planner and the distribute preview on demo data, for screenshots
// (scripts/goals-screenshots.mjs).
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import '../../widgets/index.js';
import '../../widgets/quota-planner/quota-planner.js';
import '../../widgets/distribute-preview/distribute-preview.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

const data = generateDemoData({ accounts: 600, reps: 8 });
const provider = document.querySelector<TkTerritoryProvider>('tk-territory-provider')!;
provider.storage = null;
provider.adapter = createMemoryAdapter({ ...data });
(window as unknown as { provider: TkTerritoryProvider }).provider = provider;
