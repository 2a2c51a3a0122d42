// Tree-shaking hints for two dependencies whose packages do not give them, applied where we bundle
// them ourselves (the standalone bundles in rollup.config.mjs, and scripts/size.mjs):
// - robust-predicates has no `sideEffects` field, and each of its modules allocates scratch arrays at
//   load, so `import { orient2d }` drags in incircle/insphere/orient3d too. Its modules only define
//   functions and module-local arrays: marked side-effect free, the unused ones are left out.
// - Leaflet 1.9's ES module defines every class as `var X = Parent.extend({...})` at top level, which a
//   bundler must keep (a call). `Class.extend` only builds and returns the new constructor (prototype,
//   statics, options, init hooks of that class), so those calls are annotated `/* @__PURE__ */` and a
//   class nothing refers to (e.g. VideoOverlay, SVGOverlay) is left out. Anything Leaflet itself wires
//   up (`Map.addInitHook(…, BoxZoom)`, `Control.Layers = Layers`, …) still refers to its class and stays.
import { readFile } from 'node:fs/promises';

const ROBUST = /[\\/]node_modules[\\/]robust-predicates[\\/]/;
const LEAFLET_ESM = /[\\/]node_modules[\\/]leaflet[\\/]dist[\\/]leaflet-src\.esm\.js$/;
const EXTEND = /^var (\w+) = (\w+(?:\.\w+)*)\.extend\(/gm;

/**
 * Annotates Leaflet's top-level `var X = Y.extend(` class definitions as pure.
 * @param {string} code leaflet-src.esm.js
 * @returns {{ code: string, count: number }} the annotated source and how many definitions were annotated
 */
export function annotateLeaflet(code) {
  let count = 0;
  const out = code.replace(EXTEND, (_, name, parent) => {
    count++;
    return `var ${name} = /* @__PURE__ */ ${parent}.extend(`;
  });
  return { code: out, count };
}

/** The rollup plugin (place it before nodeResolve, so it sees every resolution). */
export function treeshakeHintsRollup() {
  return {
    name: 'treeshake-hints',
    async resolveId(source, importer, options) {
      if (source !== 'robust-predicates' && !(importer && ROBUST.test(importer))) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && ROBUST.test(resolved.id) ? { ...resolved, moduleSideEffects: false } : resolved;
    },
    transform(code, id) {
      return LEAFLET_ESM.test(id) ? { code: annotateLeaflet(code).code, map: null } : null;
    },
  };
}

/** The esbuild plugin doing the same. */
export function treeshakeHintsEsbuild() {
  return {
    name: 'treeshake-hints',
    setup(b) {
      const markPure = async (args) => {
        if (args.pluginData?.treeshakeHints) return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { treeshakeHints: true } });
        if (r.errors.length || !ROBUST.test(r.path)) return undefined;
        return { path: r.path, sideEffects: false };
      };
      b.onResolve({ filter: /^robust-predicates$/ }, markPure);
      b.onResolve({ filter: /^\.\.?\// }, (args) => (ROBUST.test(args.importer) ? markPure(args) : undefined));
      b.onLoad({ filter: /leaflet-src\.esm\.js$/ }, async (args) => {
        if (!LEAFLET_ESM.test(args.path)) return undefined;
        return { contents: annotateLeaflet(await readFile(args.path, 'utf8')).code, loader: 'js' };
      });
    },
  };
}
