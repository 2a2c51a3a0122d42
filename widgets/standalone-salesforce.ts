/**
 * The Salesforce static resource's bundle (`dist/territory-kit-salesforce.iife.js`, global
 * `TerritoryKit`): the standalone bundle plus the Salesforce adapter and its Apex transport. jsforce
 * is not inside (the adapter only uses its types; Lightning uses the Apex transport).
 */
export * from './standalone.js';
export * from '../src/adapters/salesforce/index.js';
