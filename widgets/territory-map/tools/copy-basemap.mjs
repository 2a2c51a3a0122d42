// Copies the us-atlas TopoJSON files the offline basemap loads into ../assets (shipped as files,
// fetched on demand, never inlined in JS). Run: node widgets/territory-map/tools/copy-basemap.mjs
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
for (const name of ['states-10m.json', 'counties-10m.json']) {
  copyFileSync(require.resolve(`us-atlas/${name}`), new URL(`../assets/${name}`, import.meta.url));
}
