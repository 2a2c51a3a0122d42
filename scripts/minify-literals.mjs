// Minifies the CSS and HTML inside Lit's tagged template literals (css`…`, html`…`, svg`…`) at build
// time, with Lit's own @lit-labs/rollup-plugin-minify-html-literals (lightningcss for CSS,
// html-minifier-next for HTML). Only the literal text between `${…}` expressions is rewritten; the
// expressions, other strings and the code around them are left as they are.
//
// Used by rollup.config.mjs (the dist/ bundles) and scripts/size.mjs (esbuild) so both measure the
// same thing. Exports:
// - `minifyLiterals(code, fileName)`: the transform (Promise of the new code, or null when unchanged);
// - `minifyLiteralsRollup()`: the rollup plugin; place it AFTER the typescript plugin (which emits from
//   disk and ignores earlier transforms);
// - `minifyLiteralsEsbuild()`: an esbuild plugin doing the same on the widgets' .ts sources.
// With TK_RAW_LITERALS=1 in the environment both plugins do nothing (the baseline in BENCHMARKS.md).
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';
import { readFile } from 'node:fs/promises';

/** Only our Lit sources hold such literals (lit itself ships minified). */
export const INCLUDE = /[\\/]widgets[\\/].*\.(ts|js)$/;

/**
 * html-minifier-next options layered over the plugin's defaults. Kept conservative for Lit templates:
 * whitespace is collapsed to one space but never removed entirely (a space between inline elements or
 * next to a binding can be visible), and empty attributes stay (an empty `title` or `alt` means something).
 */
export const MINIFY_OPTIONS = {
  conservativeCollapse: true,
  removeEmptyAttributes: false,
};

/**
 * Minifies the template literals of one module.
 * @param {string} code module source (TypeScript or JavaScript)
 * @param {string} fileName its path (for the parser and source maps)
 * @returns {Promise<{ code: string, map?: object } | null>} null when nothing changed
 */
export async function minifyLiterals(code, fileName) {
  return minifyHTMLLiterals(code, { fileName, minifyOptions: MINIFY_OPTIONS });
}

/** TK_RAW_LITERALS=1: leave the literals as written (to measure what minifying them saves). */
export const RAW_LITERALS = process.env.TK_RAW_LITERALS === '1';

/** The rollup plugin (fails the build on a minification error rather than shipping it half done). */
export function minifyLiteralsRollup() {
  if (RAW_LITERALS) return { name: 'minify-lit-literals (off: TK_RAW_LITERALS=1)' };
  return minifyHTML({
    filter: (id) => INCLUDE.test(id) && !id.includes('node_modules'),
    failOnError: true,
    options: { minifyOptions: MINIFY_OPTIONS },
  });
}

/** The esbuild plugin: loads widgets/**\/*.ts through `minifyLiterals`. */
export function minifyLiteralsEsbuild() {
  return {
    name: 'minify-lit-literals',
    setup(b) {
      b.onLoad({ filter: /[\\/]widgets[\\/].*\.ts$/ }, async (args) => {
        if (args.path.includes('node_modules')) return undefined;
        const source = await readFile(args.path, 'utf8');
        const out = await minifyLiterals(source, args.path);
        return { contents: out ? out.code : source, loader: 'ts' };
      });
    },
  };
}
