// widgets/territory-map/leaflet.styles.ts is generated from leaflet's dist/leaflet.css by
// widgets/territory-map/tools/build-leaflet-styles.mjs, keeping only the rules of the features the map uses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
// @ts-expect-error -- a plain .mjs script without types
import { UNUSED, leafletStylesModule, trimLeafletCss } from '../../widgets/territory-map/tools/build-leaflet-styles.mjs';

const require = createRequire(import.meta.url);
const leafletCss = readFileSync(require.resolve('leaflet/dist/leaflet.css'), 'utf8');
const committed = readFileSync(new URL('../../widgets/territory-map/leaflet.styles.ts', import.meta.url), 'utf8');

test('leaflet.styles.ts is what the generator writes (regenerate it after a leaflet upgrade)', () => {
  assert.equal(committed, leafletStylesModule());
});

test('the trimmed stylesheet keeps every rule of the features the map uses, as written', () => {
  const { css } = trimLeafletCss(leafletCss) as { css: string };
  const squash = (s: string) => s.replace(/\s+/g, '');
  // Panes, canvases, tiles, zoom / attribution controls, popups, animations, cursors, touch, print.
  for (const rule of [
    '.leaflet-map-pane canvas { z-index: 100; }',
    '.leaflet-container { overflow: hidden; }',
    '.leaflet-zoom-anim .leaflet-zoom-animated { -webkit-transition: -webkit-transform 0.25s cubic-bezier(0,0,0.25,1); -moz-transition: -moz-transform 0.25s cubic-bezier(0,0,0.25,1); transition: transform 0.25s cubic-bezier(0,0,0.25,1); }',
    '.leaflet-popup-content-wrapper { padding: 1px; text-align: left; border-radius: 12px; }',
    '.leaflet-touch .leaflet-bar a { width: 30px; height: 30px; line-height: 30px; }',
    '.leaflet-grab { cursor: -webkit-grab; cursor: -moz-grab; cursor: grab; }',
  ]) {
    assert.ok(squash(css).includes(squash(rule)), `kept: ${rule}`);
  }
  for (const cls of ['leaflet-pane', 'leaflet-tile', 'leaflet-control-zoom-in', 'leaflet-control-attribution', 'leaflet-popup-tip', 'leaflet-popup-close-button', 'leaflet-fade-anim', 'leaflet-interactive', 'leaflet-dragging']) {
    assert.match(css, new RegExp(`\\.${cls}(?![\\w-])`), `a rule for .${cls}`);
  }
  assert.match(css, /@media print\s*{[^}]*\.leaflet-control\s*{/, 'the print rule');
});

test('no kept selector names an unused feature, and a shared rule keeps its other selectors', () => {
  const { css, dropped } = trimLeafletCss(leafletCss) as { css: string; dropped: string[] };
  for (const cls of UNUSED as string[]) assert.doesNotMatch(css, new RegExp(`\\.${cls}(?![\\w-])`), `.${cls} left out`);
  assert.doesNotMatch(css, /\bsvg\b/, 'no SVG renderer rules (every vector layer is on a canvas)');
  assert.doesNotMatch(css, /leaflet-(marker|shadow)-pane img/, 'no marker images');
  assert.ok(dropped.includes('.leaflet-tooltip') && dropped.includes('.leaflet-control-layers-toggle'));
  // `.leaflet-bar a, .leaflet-control-layers-toggle { … }` keeps its first selector and the body.
  assert.match(css, /\.leaflet-bar a\s*{\s*background-position: 50% 50%;/);
  // The same trimming of a made-up sheet: selector lists, comments, an @media block emptied out.
  const small = trimLeafletCss('/* a */\n.x, .leaflet-tooltip { color: red; }\n/* b */\n.leaflet-tooltip-top { top: 0; }\n@media print { .leaflet-oldie { a: b; } }\n.y { z: 1; }\n') as { css: string };
  assert.equal(small.css.replace(/\s+/g, ' ').trim(), '/* a */ .x { color: red; } .y { z: 1; }');
});
