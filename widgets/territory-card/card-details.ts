// The card's parts its first paint does not need: the per-account alerts (the engine's detectAlerts, with
// the territory resolution it reads), the untouched list and the "my accounts" table. One chunk, loaded
// by the card after it connects (TkTerritoryCard shows the section headings and counts until it arrives).
export { detectAlerts } from '../../src/engine/detect-alerts.js';
export { untouchedAccounts } from './untouched-accounts.js';
export { myAccountRows, myAccountsTable, sortRows } from './my-accounts.js';
