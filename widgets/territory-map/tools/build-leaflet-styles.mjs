// Regenerates ../leaflet.styles.ts from node_modules/leaflet/dist/leaflet.css, so Leaflet's CSS ships
// inside the map's shadow root (a <link> or loadStyle would land in the document and miss it).
// Run: node widgets/territory-map/tools/build-leaflet-styles.mjs
//
// Only the rules for the Leaflet features the map uses are kept: a selector naming one of the UNUSED
// classes below (or matching UNUSED_SELECTORS) is dropped, and a rule left with no selector goes (its
// comment with it). Everything
// else (panes, canvas / vector layers, tiles, zoom and attribution controls, popups, animations,
// cursors, touch, print) is copied as written. `--check` exits 1 when ../leaflet.styles.ts is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * Classes of Leaflet features the map never uses (it draws on canvases, has no markers, tooltips,
 * layers or scale control, image / video overlays, and sets `boxZoom: false` and no attribution prefix).
 * `leaflet-oldie`/`lvml`/`leaflet-vml-shape` are IE 8 only; `leaflet-retina` appears only with the
 * layers control's icon.
 */
export const UNUSED = [
  'leaflet-marker-icon', 'leaflet-marker-shadow', 'leaflet-marker-draggable', 'leaflet-div-icon', 'leaflet-default-icon-path',
  'leaflet-tooltip', 'leaflet-tooltip-top', 'leaflet-tooltip-bottom', 'leaflet-tooltip-left', 'leaflet-tooltip-right',
  'leaflet-control-layers', 'leaflet-control-layers-toggle', 'leaflet-control-layers-expanded', 'leaflet-control-layers-list',
  'leaflet-control-layers-scrollbar', 'leaflet-control-layers-selector', 'leaflet-control-layers-separator', 'leaflet-retina',
  'leaflet-control-scale', 'leaflet-control-scale-line',
  'leaflet-image-layer',
  'leaflet-zoom-box', 'leaflet-crosshair',
  'leaflet-attribution-flag',
  'leaflet-oldie', 'lvml', 'leaflet-vml-shape',
];

/**
 * Selectors for what the map never creates although the feature is in use: SVG (every vector layer
 * is drawn by a canvas renderer, the selection overlay lies outside the Leaflet container) and images
 * in the marker and shadow panes (no markers).
 */
export const UNUSED_SELECTORS = [/(^|[\s>])svg\b/, /\.leaflet-(marker|shadow)-pane img\b/];

const unusedClass = new RegExp(`\\.(?:${UNUSED.join('|')})(?![\\w-])`);
const unused = (selector) => unusedClass.test(selector) || UNUSED_SELECTORS.some((re) => re.test(selector));

/**
 * Leaflet's stylesheet with the rules of unused features left out.
 * @param {string} css leaflet.css as shipped
 * @returns {{ css: string, dropped: string[] }} the kept CSS (comments of kept rules, layout as written)
 *   and the selectors dropped
 */
export function trimLeafletCss(css) {
  const dropped = [];
  // Top-level walk: a comment, an at-rule block (@media: its rules trimmed the same way) or a rule.
  const rules = (text) => {
    let kept = '';
    let k = 0;
    let pending = ''; // comments and blank lines before the next rule, kept only with it
    while (k < text.length) {
      if (text.startsWith('/*', k)) {
        const end = text.indexOf('*/', k) + 2;
        pending += text.slice(k, end);
        k = end;
        continue;
      }
      if (/\s/.test(text[k])) {
        pending += text[k++];
        continue;
      }
      const open = text.indexOf('{', k);
      if (open < 0) break;
      const prelude = text.slice(k, open);
      // The matching brace (one level of nesting: @media).
      let depth = 0;
      let close = open;
      for (; close < text.length; close++) {
        if (text[close] === '{') depth++;
        else if (text[close] === '}' && --depth === 0) break;
      }
      const body = text.slice(open + 1, close);
      k = close + 1;
      if (prelude.trim().startsWith('@')) {
        const inner = rules(body);
        if (inner.trim()) kept += `${pending}${prelude}{${inner}}`;
        pending = '';
        continue;
      }
      const selectors = prelude.split(',');
      const keep = selectors.filter((s) => !unused(s));
      for (const s of selectors) if (unused(s)) dropped.push(s.trim());
      if (keep.length) {
        // Keep the original layout: selectors one per line as in leaflet.css.
        const sel = keep.map((s) => s.replace(/^\s+/, '')).join(',\n');
        kept += `${pending}${sel.replace(/\s+$/, '')} {${body}}`;
      }
      pending = '';
    }
    return kept + pending.replace(/[^\n]/g, '');
  };
  const out = rules(css);
  // Collapse the blank lines left where rules went.
  return { css: out.replace(/\n{3,}/g, '\n\n'), dropped };
}

/** The generated module's text. */
export function leafletStylesModule() {
  const version = JSON.parse(readFileSync(require.resolve('leaflet/package.json'), 'utf8')).version;
  const { css } = trimLeafletCss(readFileSync(require.resolve('leaflet/dist/leaflet.css'), 'utf8'));
  const text = css
    // Image urls would resolve against the host page; the rules left use none (kept as a guard).
    .replace(/url\([^)]*\)/g, 'none')
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${');
  return (
    `// Generated by tools/build-leaflet-styles.mjs from leaflet ${version} dist/leaflet.css — do not edit.\n` +
    `// Only the rules of the Leaflet features the map uses (markers, tooltips, layers / scale controls,\n` +
    `// image overlays, the SVG renderer, box zoom and IE-only rules left out; see UNUSED in the script).\n` +
    `import { css } from 'lit';\n\nexport const leafletStyles = css\`\n${text}\`;\n`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = new URL('../leaflet.styles.ts', import.meta.url);
  const text = leafletStylesModule();
  if (process.argv.includes('--check')) {
    const stale = readFileSync(target, 'utf8') !== text;
    if (stale) console.error('widgets/territory-map/leaflet.styles.ts is stale: run node widgets/territory-map/tools/build-leaflet-styles.mjs');
    process.exit(stale ? 1 : 0);
  }
  writeFileSync(target, text);
}
