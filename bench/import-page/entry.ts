// The import benchmark's page: a planner (provider + map) with <tk-file-import>, as on the demo page.
// The page hands an import to the provider as a file adapter, and exposes window.__importBench for the
// baseline (importAccounts in one go: the whole CSV parsed and mapped in one task).
import '../../widgets/territory-provider/territory-provider.js';
import '../../widgets/territory-map/territory-map.js';
import '../../widgets/file-import/file-import.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { createFileAdapter } from '../../src/import/file-adapter.js';
import { importAccounts } from '../../src/import/import-accounts.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

document.body.innerHTML = '';
const provider = document.createElement('tk-territory-provider') as TkTerritoryProvider;
provider.setAttribute('viewer-role', 'manager');
provider.storage = null;
const map = document.createElement('tk-territory-map');
map.style.cssText = 'display:block;height:500px';
const importer = document.createElement('tk-file-import');
importer.storage = null;
provider.append(importer, map);
document.body.append(provider);
provider.adapter = createMemoryAdapter({ id: 'bench:empty', accounts: [], reps: [{ id: 'r', name: 'R' }] });

let imported = -1;
let importEnd = 0;
provider.addEventListener('tk-import', (e) => {
  importEnd = performance.now();
  imported = e.result.accounts.length;
  provider.adapter = createFileAdapter({ result: e.result, id: 'bench:widget' });
});

/** Resolves when the provider shows `n` accounts and the map has rendered them (two frames later). */
async function planOnMap(n: number): Promise<void> {
  while (!(provider.state.status === 'ready' && provider.state.accounts.length === n)) await new Promise((r) => setTimeout(r, 10));
  await (map as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

Object.assign(window, {
  __importBench: {
    longTasks,
    importedCount: () => imported,
    importEnd: () => importEnd,
    planOnMap,
    /** The baseline: the whole file in one chunk (no yields while parsing and mapping). */
    async oneGo(url: string) {
      const blob = await (await fetch(url)).blob();
      const start = performance.now();
      const result = await importAccounts({ accounts: blob, chunkBytes: Infinity, chunkRows: Infinity });
      const end = performance.now();
      provider.adapter = createFileAdapter({ result, id: 'bench:one-go' });
      await planOnMap(result.accounts.length);
      return { start, importEnd: end, end: performance.now(), accounts: result.accounts.length, rejected: result.rejected.length, unplaced: result.unplaced.length };
    },
  },
});
