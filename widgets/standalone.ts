/**
 * The standalone bundle's entry (`dist/territory-kit.js` and the IIFE `TerritoryKit` global): the
 * root API (model, engine, store, memory and REST adapters, demo data) plus every element, registered
 * on load (guarded, so loading twice is harmless). lit and leaflet are inside; jsforce never is.
 */
export * from '../src/index.js';
export * from './index.js';
// One file: the editor is inside and defined on load (its class and edit helpers exported too).
export * from './territory-editor/territory-editor.js';
export * from './scenario-compare/scenario-compare.js';
// #17's quota planner and distribute preview: inside the one file too, defined on load.
export * from './quota-planner/quota-planner.js';
export * from './distribute-preview/distribute-preview.js';
