// Copies the files bundles load at run time beside them in dist/: the offline basemap boundaries
// (loaded on demand from `./assets/` relative to the module, never inlined in JS).
import { cpSync, existsSync, mkdirSync } from 'node:fs';

const from = 'widgets/territory-map/assets';
if (existsSync(from)) {
  mkdirSync('dist/assets', { recursive: true });
  cpSync(from, 'dist/assets', { recursive: true });
  console.log('copied basemap assets to dist/assets');
}
