// A @web/dev-server plugin (browser tests, `npm run dev`): serves a few CommonJS files that use no
// `require` as ES modules (`export default module.exports`), so they load unbundled. The import's
// parsers and ZIP table are such files (PapaParse's browser build, the `zipcodes` data files);
// bundlers (rollup, esbuild) convert them themselves.
export const CJS_AS_ESM = [/\/node_modules\/papaparse\/papaparse\.min\.js$/, /\/node_modules\/zipcodes\/lib\/(codes|codesCanada|states)\.js$/];

export function cjsAsEsm(patterns = CJS_AS_ESM) {
  return {
    name: 'cjs-as-esm',
    transform(context) {
      if (!patterns.some((p) => p.test(context.path))) return undefined;
      return { body: `const module = { exports: {} }; const exports = module.exports;\n${context.body}\nexport default module.exports;\n` };
    },
  };
}
