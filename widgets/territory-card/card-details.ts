// The card's parts its first paint does not need: the per-account alerts (the engine's detectAlerts, with
// the territory resolution it reads), the untouched list, the "my accounts" table and the wording of the
// focused account's territory reason. One chunk, loaded
// by the card after it connects (TkTerritoryCard shows the section headings and counts until it arrives).
export { detectAlerts } from '../../src/engine/detect-alerts.js';
export { untouchedAccounts } from './untouched-accounts.js';
export { resolveReasonText } from './resolve-reason.js';
export { myAccountRows, myAccountsTable, sortRows } from './my-accounts.js';
