// The import's English sentences, worded from its problems' codes and params (one place, so `reason` and
// `code` + `params` never disagree), and the lists of every code (for checking that a UI words them all).
import { fieldRuleReason } from '../model/format-rejection.js';
import type { ImportErrorCode, ImportErrorDetail, ImportProblemCode, ImportProblemDetail, UnplacedCode, UnplacedDetail } from './types.js';

const q = (s: string) => `"${s}"`;

/** Every code of an import problem (`ImportProblem.code`). */
export const IMPORT_PROBLEM_CODES = Object.keys({
  'no-rep-id': 1,
  'duplicate-rep-id': 1,
  'rep-home-invalid': 1,
  'not-a-number': 1,
  'not-yes-no': 1,
  'no-account-ref': 1,
  'amount-invalid': 1,
  'no-account-id': 1,
  'duplicate-account-id': 1,
  'no-name': 1,
  'potential-invalid': 1,
  'workload-invalid': 1,
  'employees-invalid': 1,
  'revenue-invalid': 1,
  'owner-not-in-reps': 1,
  'lat-lng-invalid': 1,
  'opportunity-account-missing': 1,
  invalid: 1,
} satisfies Record<ImportProblemCode, 1>) as ImportProblemCode[];

/** Every code of an unplaced account (`UnplacedAccount.code`). */
export const UNPLACED_CODES = Object.keys({ 'no-address': 1, 'country-not-covered': 1, 'placing-off': 1, 'address-not-found': 1 } satisfies Record<UnplacedCode, 1>) as UnplacedCode[];

/** Every code of an `ImportError`. */
export const IMPORT_ERROR_CODES = Object.keys({ XLS_UNSUPPORTED: 1, UNREADABLE: 1, EMPTY: 1, MAPPING: 1, ABORTED: 1 } satisfies Record<ImportErrorCode, 1>) as ImportErrorCode[];

/**
 * An import problem in English (`ImportProblem.reason`).
 * @example
 * importProblemReason({ code: 'duplicate-account-id', params: { id: 'a1', firstRow: 4 } }); // 'duplicate account id "a1" (first on row 4)'
 */
export function importProblemReason(d: ImportProblemDetail): string {
  switch (d.code) {
    case 'no-rep-id':
      return 'no rep id';
    case 'duplicate-rep-id':
      return `duplicate rep id ${q(d.params.id)}`;
    case 'rep-home-invalid':
      return `home ${d.params.lat}, ${d.params.lng} is not a latitude and longitude: left out`;
    case 'not-a-number':
      return `${q(d.params.value)} is not a number: left out`;
    case 'not-yes-no':
      return `${q(d.params.value)} is not yes or no: left out`;
    case 'no-account-ref':
      return 'no account id or name';
    case 'amount-invalid':
      return `${q(d.params.value)} is not an amount ≥ 0`;
    case 'no-account-id':
      return 'no account id';
    case 'duplicate-account-id':
      return `duplicate account id ${q(d.params.id)} (first on row ${d.params.firstRow})`;
    case 'no-name':
      return 'no name: the id is shown instead';
    case 'potential-invalid':
      return `${q(d.params.value)} is not a potential ≥ 0`;
    case 'workload-invalid':
      return `${q(d.params.value)} is not a workload ≥ 0`;
    case 'employees-invalid':
      return `${q(d.params.value)} is not a whole number of employees: left out`;
    case 'revenue-invalid':
      return `${q(d.params.value)} is not an amount ≥ 0: left out`;
    case 'owner-not-in-reps':
      return `owner ${q(d.params.owner)} is not in the reps file: imported unassigned`;
    case 'lat-lng-invalid':
      return `${q(`${d.params.lat}, ${d.params.lng}`)} is not a latitude and longitude: placed from the address instead`;
    case 'opportunity-account-missing':
      return `no account ${q(d.params.account)} in the accounts file: left out`;
    case 'invalid':
      // Without a rule the importer keeps the model's own English.
      return d.params.rule ? fieldRuleReason(d.params.rule, d.params.dropped) : '';
  }
}

/**
 * Why an account has no place, in English (`UnplacedAccount.reason`).
 * @example
 * unplacedReason({ code: 'country-not-covered', params: { country: 'Germany' } }); // 'no offline table for country "Germany" (the US and Canada are covered)'
 */
export function unplacedReason(d: UnplacedDetail): string {
  switch (d.code) {
    case 'no-address':
      return 'no coordinates, postal code, or city and state';
    case 'country-not-covered':
      return `no offline table for country ${q(d.params.country)} (the US and Canada are covered)`;
    case 'placing-off':
      return 'placing by address is turned off';
    case 'address-not-found': {
      const { postalCode, city, state } = d.params;
      const what = [postalCode && `postal code ${q(postalCode)}`, city && state && q(`${city}, ${state}`)].filter(Boolean).join(' and ');
      return `${what} not found in the offline table`;
    }
  }
}

/**
 * An `ImportError`'s message in English.
 * @example
 * importErrorMessage({ code: 'EMPTY', params: { what: 'sheet' } }); // 'the sheet has no header row (no row with two or more filled cells)'
 */
export function importErrorMessage(d: ImportErrorDetail): string {
  switch (d.code) {
    case 'XLS_UNSUPPORTED':
      return 'this is an Excel 97–2003 .xls file: save it as .xlsx or CSV and import that';
    case 'UNREADABLE':
      return `the ${d.params.what} could not be read: ${d.params.detail}`;
    case 'EMPTY':
      return `the ${d.params.what} has no header row (no row with two or more filled cells)`;
    case 'MAPPING':
      return `the ${d.params.kind} file has no column ${q(d.params.header)} (mapped to ${d.params.field}); its columns are: ${d.params.headers.join(', ')}`;
    case 'ABORTED':
      return 'the import was cancelled';
  }
}
