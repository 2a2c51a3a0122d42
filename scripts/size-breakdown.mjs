// `node scripts/size-breakdown.mjs [target name]`: where the bytes of one `npm run size` row go — the
// minified bytes of each source module in the initial load (or the whole bundle when the target is not
// split), grouped (npm packages by name, our files by folder), with the gzip size shared out in
// proportion. Default target: "engine + widgets (no leaflet)". For BENCHMARKS.md "Bundle size".
import { fileURLToPath } from 'node:url';
import { TARGETS, bundle } from './size.mjs';

/** The group a source module counts in: an npm package, or our folder two levels deep. */
export function groupOf(input) {
  const parts = input.split('/');
  if (parts[0] === 'node_modules') return parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/');
  if (parts[0] === 'widgets') return parts.length > 2 ? parts.slice(0, 2).join('/') : 'widgets (entry)';
  if (parts[0] === 'src' && parts[1] === 'engine') return parts.length > 3 ? parts.slice(0, 3).join('/') : 'src/engine';
  return parts.slice(0, 2).join('/');
}

/**
 * Minified bytes per group for one target, and the target's gzip total.
 * @param {string} name a TARGETS name
 * @returns {Promise<{ gzip: number, minified: number, groups: [string, number][] }>} groups largest first
 */
export async function breakdown(name) {
  const t = TARGETS.find((x) => x.name === name);
  if (!t) throw new Error(`size-breakdown: no target "${name}" (have: ${TARGETS.map((x) => x.name).join(', ')})`);
  const b = await bundle(t);
  const groups = new Map();
  for (const [input, bytes] of b.initialBytes) groups.set(groupOf(input), (groups.get(groupOf(input)) ?? 0) + bytes);
  const minified = [...groups.values()].reduce((a, n) => a + n, 0);
  return { gzip: b.initial.gzip, minified, groups: [...groups].sort((a, b2) => b2[1] - a[1]) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const name = process.argv[2] ?? 'engine + widgets (no leaflet)';
  const r = await breakdown(name);
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`${name}: ${kb(r.minified)} minified in modules, ${kb(r.gzip)} gzip`);
  console.log(`| part | minified | ≈ gzip |\n|---|---:|---:|`);
  for (const [g, n] of r.groups) if (n >= 512) console.log(`| ${g} | ${kb(n)} | ${kb((n / r.minified) * r.gzip)} |`);
  const rest = r.groups.filter(([, n]) => n < 512).reduce((a, [, n]) => a + n, 0);
  console.log(`| (smaller parts) | ${kb(rest)} | ${kb((rest / r.minified) * r.gzip)} |`);
}
