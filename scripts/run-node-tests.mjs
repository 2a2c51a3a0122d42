// Runs every Node-side test (engine, model, store, adapters) with node's built-in test runner.
// Node 20 has no glob support in `node --test`, so the files are found here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['test/model', 'test/engine', 'test/store', 'test/adapters', 'test/demo', 'test/build', 'test/data', 'test/import'];
const files = roots
  .flatMap((root) => {
    try {
      return readdirSync(root, { recursive: true }).map((f) => join(root, String(f)));
    } catch {
      return [];
    }
  })
  .filter((f) => /\.test\.ts$/.test(f))
  .filter((f) => process.argv.length <= 2 || process.argv.slice(2).some((arg) => f.includes(arg)))
  .sort();

if (files.length === 0) {
  console.error('no Node test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
