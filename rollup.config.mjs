// Builds:
//  1. the ESM package — one file per public entry (dependencies external, shared chunks split):
//     dist/index.js, dist/widgets.js, dist/widgets-<element>.js, dist/adapters/salesforce.js,
//     dist/adapters/hubspot.js
//  2. the standalone bundle for a Salesforce Static Resource or a <script> tag — lit and leaflet
//     inside, jsforce never: dist/territory-kit.js (ESM) and dist/territory-kit.iife.js (global
//     `TerritoryKit`).
// Lit's css`…` / html`…` / svg`…` literals are minified in every output (scripts/minify-literals.mjs; the
// plugin runs after typescript, which emits from disk and would drop an earlier transform).
// The standalone bundles also get tree-shaking hints for robust-predicates and Leaflet
// (scripts/treeshake-hints.mjs: unused predicates and unused Leaflet classes are left out).
// Types come from `tsc -p tsconfig.build.json` (see the `build` script); basemap assets are copied
// beside the bundles by scripts/copy-assets.mjs.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { existsSync, readFileSync } from 'node:fs';
import { minifyLiteralsRollup } from './scripts/minify-literals.mjs';
import { treeshakeHintsRollup } from './scripts/treeshake-hints.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const isExternal = (id) => deps.some((d) => id === d || id.startsWith(`${d}/`));

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    noEmit: false,
    declaration: false,
    sourceMap: true,
    include: ['src/**/*.ts', 'widgets/**/*.ts'],
    exclude: ['test/**', 'bench/**', 'demo/**'],
  });

/** The elements, each with its own module at widgets/<name>/<name>.ts (package exports `./widgets/<name>`). */
export const ELEMENTS = ['territory-provider', 'territory-map', 'rep-assignment-panel', 'workload-gauge', 'territory-card', 'performance-board', 'territory-editor', 'file-import', 'scenario-compare'];

export const entries = Object.fromEntries(
  Object.entries({
    index: 'src/index.ts',
    widgets: 'widgets/index.ts',
    // One entry per element, so a page can define only the elements it uses (`territory-kit/widgets/<name>`);
    // the territory editor is also what the widgets entry loads on demand.
    // Named `widgets-<name>`: every entry that reaches a module-relative URL (`./assets/`, `./worker.js`)
    // must sit in dist/ itself, where the assets and the worker are.
    ...Object.fromEntries(ELEMENTS.map((name) => [`widgets-${name}`, `widgets/${name}/${name}.ts`])),
    // The file import (parsers and the ZIP table load on demand): its own entry, so the root entry and the
    // standalone bundle, which inline every dynamic import, stay without them.
    import: 'src/import/index.ts',
    'adapters/salesforce': 'src/adapters/salesforce/index.ts',
    'adapters/hubspot': 'src/adapters/hubspot/index.ts',
  }).filter(([, file]) => existsSync(file)),
);

const production = () => terser({ format: { comments: false }, compress: { passes: 2 } });

// The rebalance worker: self-contained (it imports nothing at run time), at dist/worker.js where
// `new URL('./worker.js', import.meta.url)` points from every bundle in dist/.
const worker = existsSync('src/engine/rebalance/worker.ts')
  ? [
      {
        input: 'src/engine/rebalance/worker.ts',
        plugins: [nodeResolve({ browser: true }), ts(), production()],
        output: { file: 'dist/worker.js', format: 'es', sourcemap: true },
      },
    ]
  : [];

export default [
  ...worker,
  {
    input: entries,
    external: isExternal,
    plugins: [ts(), minifyLiteralsRollup()],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      // Chunks sit beside the entries so module-relative URLs (`./worker.js`, `./assets/…`) resolve
      // to the same files from every entry.
      chunkFileNames: '[name]-[hash].js',
    },
  },
  ...(existsSync('widgets/standalone.ts')
    ? [
        {
          input: 'widgets/standalone.ts',
          external: (id) => id === 'jsforce' || id.startsWith('jsforce/'),
          plugins: [treeshakeHintsRollup(), nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }), ts(), minifyLiteralsRollup(), production()],
          output: [
            { file: 'dist/territory-kit.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
            {
              file: 'dist/territory-kit.iife.js',
              format: 'iife',
              name: 'TerritoryKit',
              sourcemap: true,
              inlineDynamicImports: true,
            },
          ],
        },
      ]
    : []),
  ...(existsSync('widgets/standalone-salesforce.ts')
    ? [
        {
          input: 'widgets/standalone-salesforce.ts',
          external: (id) => id === 'jsforce' || id.startsWith('jsforce/'),
          plugins: [treeshakeHintsRollup(), nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }), ts(), minifyLiteralsRollup(), production()],
          output: {
            file: 'dist/territory-kit-salesforce.iife.js',
            format: 'iife',
            name: 'TerritoryKit',
            sourcemap: true,
            inlineDynamicImports: true,
          },
        },
      ]
    : []),
];
