import type { FieldOf, ImportKind } from '../../src/import/types.js';

/** The fields offered in the mapping step, per kind, with labels; the first few are shown in the preview. */
export const FIELD_LABELS: { [K in ImportKind]: [FieldOf[K], string][] } = {
  accounts: [
    ['id', 'Account ID'],
    ['name', 'Name'],
    ['ownerName', 'Owner name'],
    ['ownerId', 'Owner ID'],
    ['ownerEmail', 'Owner e-mail'],
    ['lat', 'Latitude'],
    ['lng', 'Longitude'],
    ['street', 'Street'],
    ['city', 'City'],
    ['state', 'State / province'],
    ['postalCode', 'Postal code'],
    ['country', 'Country'],
    ['potential', 'Potential'],
    ['workload', 'Workload'],
    ['industry', 'Industry'],
    ['employees', 'Employees'],
    ['annualRevenue', 'Annual revenue'],
    ['locked', 'Locked'],
  ],
  reps: [
    ['id', 'Rep ID'],
    ['name', 'Name'],
    ['firstName', 'First name'],
    ['lastName', 'Last name'],
    ['email', 'E-mail'],
    ['homeLat', 'Home latitude'],
    ['homeLng', 'Home longitude'],
    ['homePostalCode', 'Home postal code'],
    ['capacity', 'Capacity'],
    ['quota', 'Quota'],
    ['active', 'Active'],
    ['locked', 'Locked'],
    ['skills', 'Skills'],
  ],
  opportunities: [
    ['id', 'Opportunity ID'],
    ['accountId', 'Account ID'],
    ['accountName', 'Account name'],
    ['amount', 'Amount'],
    ['stage', 'Stage'],
    ['isClosed', 'Closed'],
    ['isWon', 'Won'],
    ['closeDate', 'Close date'],
  ],
};

export const KIND_LABELS: Record<ImportKind, string> = { accounts: 'Accounts', reps: 'Reps', opportunities: 'Opportunities' };

/** Fields shown in the preview table, per kind. */
export const PREVIEW_FIELDS: { [K in ImportKind]: FieldOf[K][] } = {
  accounts: ['id', 'name', 'ownerName', 'ownerId', 'lat', 'lng', 'city', 'state', 'postalCode', 'potential'],
  reps: ['id', 'name', 'email', 'quota', 'capacity'],
  opportunities: ['accountId', 'accountName', 'amount', 'stage'],
};
