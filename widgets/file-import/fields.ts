import { msg } from '@lit/localize';
import type { FieldOf, ImportKind } from '../../src/import/types.js';

/**
 * The fields offered in the mapping step, per kind, with labels in the UI language (a function: the
 * labels follow a language change).
 */
export const fieldLabels = (): { [K in ImportKind]: [FieldOf[K], string][] } => ({
  accounts: [
    ['id', msg('Account ID')],
    ['name', msg('Name')],
    ['ownerName', msg('Owner name')],
    ['ownerId', msg('Owner ID')],
    ['ownerEmail', msg('Owner e-mail')],
    ['lat', msg('Latitude')],
    ['lng', msg('Longitude')],
    ['street', msg('Street')],
    ['city', msg('City')],
    ['state', msg('State / province')],
    ['postalCode', msg('Postal code')],
    ['country', msg('Country')],
    ['potential', msg('Potential')],
    ['workload', msg('Workload')],
    ['industry', msg('Industry')],
    ['employees', msg('Employees')],
    ['annualRevenue', msg('Annual revenue')],
    ['locked', msg('Locked')],
  ],
  reps: [
    ['id', msg('Rep ID')],
    ['name', msg('Name')],
    ['firstName', msg('First name')],
    ['lastName', msg('Last name')],
    ['email', msg('E-mail')],
    ['homeLat', msg('Home latitude')],
    ['homeLng', msg('Home longitude')],
    ['homePostalCode', msg('Home postal code')],
    ['capacity', msg('Capacity')],
    ['quota', msg('Quota')],
    ['active', msg('Active')],
    ['locked', msg('Locked')],
    ['skills', msg('Skills')],
  ],
  opportunities: [
    ['id', msg('Opportunity ID')],
    ['accountId', msg('Account ID')],
    ['accountName', msg('Account name')],
    ['amount', msg('Amount')],
    ['stage', msg('Stage')],
    ['isClosed', msg('Closed')],
    ['isWon', msg('Won')],
    ['closeDate', msg('Close date')],
  ],
});

/** What a file holds, in the UI language. */
export const kindLabels = (): Record<ImportKind, string> => ({ accounts: msg('Accounts'), reps: msg('Reps'), opportunities: msg('Opportunities') });

/** Fields shown in the preview table, per kind. */
export const PREVIEW_FIELDS: { [K in ImportKind]: FieldOf[K][] } = {
  accounts: ['id', 'name', 'ownerName', 'ownerId', 'lat', 'lng', 'city', 'state', 'postalCode', 'potential'],
  reps: ['id', 'name', 'email', 'quota', 'capacity'],
  opportunities: ['accountId', 'accountName', 'amount', 'stage'],
};
