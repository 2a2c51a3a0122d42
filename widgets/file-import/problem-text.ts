// The import's problems, unplaced accounts and errors in the UI language, worded from their codes and
// params (src/import/types.ts: ImportProblemParams, UnplacedParams, ImportErrorParams; the model's
// FieldRule); the importer's English `reason` / `message` for a code this module does not know. Values
// (cells as read, ids, headers, countries) are the file's own and never translated. In English the words
// are the importer's, word for word (test/widgets/file-import.l10n.test.ts).
// The wording of a broken model rule (FieldRule) is shared with the provider's rejected records:
// widgets/shared/field-rule-text.ts.
import { msg, str } from '@lit/localize';
import type { ImportErrorDetail, ImportKind, ImportProblemDetail, UnplacedDetail } from '../../src/import/types.js';
import type { Formatters } from '../shared/format.js';
import { fieldRuleText } from '../shared/field-rule-text.js';

export { fieldRuleText };

/** A code this module has no words for (a compile error while a code of the union is left out): the English fallback. */
const unknownCode = (_code: never, fallback: string): string => fallback;
/** One import problem in the UI language; the English `reason` for an unknown code. */
export function importProblemText(f: Formatters, p: { reason: string } & (ImportProblemDetail | { code?: string; params?: unknown })): string {
  const d = p as ImportProblemDetail;
  if (!d.params || typeof d.params !== 'object') return p.reason;
  switch (d.code) {
    case 'no-rep-id':
      return msg('no rep id');
    case 'duplicate-rep-id': {
      const id = d.params.id;
      return msg(str`duplicate rep id "${id}"`);
    }
    case 'rep-home-invalid': {
      const { lat, lng } = d.params;
      return msg(str`home ${lat}, ${lng} is not a latitude and longitude: left out`);
    }
    case 'not-a-number': {
      const value = d.params.value;
      return msg(str`"${value}" is not a number: left out`);
    }
    case 'not-yes-no': {
      const value = d.params.value;
      return msg(str`"${value}" is not yes or no: left out`);
    }
    case 'no-account-ref':
      return msg('no account id or name');
    case 'amount-invalid': {
      const value = d.params.value;
      return msg(str`"${value}" is not an amount ≥ 0`);
    }
    case 'no-account-id':
      return msg('no account id');
    case 'duplicate-account-id': {
      const id = d.params.id;
      const row = String(d.params.firstRow);
      return msg(str`duplicate account id "${id}" (first on row ${row})`);
    }
    case 'no-name':
      return msg('no name: the id is shown instead');
    case 'potential-invalid': {
      const value = d.params.value;
      return msg(str`"${value}" is not a potential ≥ 0`);
    }
    case 'workload-invalid': {
      const value = d.params.value;
      return msg(str`"${value}" is not a workload ≥ 0`);
    }
    case 'employees-invalid': {
      const value = d.params.value;
      return msg(str`"${value}" is not a whole number of employees: left out`);
    }
    case 'revenue-invalid': {
      const value = d.params.value;
      return msg(str`"${value}" is not an amount ≥ 0: left out`);
    }
    case 'owner-not-in-reps': {
      const owner = d.params.owner;
      return msg(str`owner "${owner}" is not in the reps file: imported unassigned`);
    }
    case 'lat-lng-invalid': {
      const { lat, lng } = d.params;
      return msg(str`"${lat}, ${lng}" is not a latitude and longitude: placed from the address instead`);
    }
    case 'opportunity-account-missing': {
      const account = d.params.account;
      return msg(str`no account "${account}" in the accounts file: left out`);
    }
    case 'invalid':
      return (d.params.rule && fieldRuleText(f, d.params.rule, d.params.dropped)) || p.reason;
    default:
      return unknownCode(d, p.reason);
  }
}

/** Why an account has no place on the map, in the UI language; the English `reason` for an unknown code. */
export function unplacedText(_f: Formatters, u: { reason: string } & (UnplacedDetail | { code?: string; params?: unknown })): string {
  const d = u as UnplacedDetail;
  if (!d.params || typeof d.params !== 'object') return u.reason;
  switch (d.code) {
    case 'no-address':
      return msg('no coordinates, postal code, or city and state');
    case 'country-not-covered': {
      const country = d.params.country;
      return msg(str`no offline table for country "${country}" (the US and Canada are covered)`);
    }
    case 'placing-off':
      return msg('placing by address is turned off');
    case 'address-not-found': {
      const { postalCode, city, state } = d.params;
      if (postalCode && city && state) return msg(str`postal code "${postalCode}" and "${city}, ${state}" not found in the offline table`);
      if (postalCode) return msg(str`postal code "${postalCode}" not found in the offline table`);
      if (city && state) return msg(str`"${city}, ${state}" not found in the offline table`);
      return u.reason;
    }
    default:
      return unknownCode(d, u.reason);
  }
}

const ERROR_CODES = new Set(['XLS_UNSUPPORTED', 'UNREADABLE', 'EMPTY', 'MAPPING', 'ABORTED']);

/**
 * Why a file could not be imported, in the UI language: an `ImportError` worded by its code and params;
 * any other error's own message.
 */
export function importErrorText(_f: Formatters, error: unknown): string {
  const e = error as { code?: unknown; params?: unknown; message?: unknown } | null;
  const fallback = typeof e?.message === 'string' ? e.message : String(error);
  if (!e || typeof e.code !== 'string' || !ERROR_CODES.has(e.code) || !e.params || typeof e.params !== 'object') return fallback;
  const d = { code: e.code, params: e.params } as ImportErrorDetail;
  switch (d.code) {
    case 'XLS_UNSUPPORTED':
      return msg('this is an Excel 97–2003 .xls file: save it as .xlsx or CSV and import that');
    case 'UNREADABLE': {
      // The parser's own words (English) follow.
      const detail = d.params.detail;
      return d.params.what === 'spreadsheet' ? msg(str`the spreadsheet could not be read: ${detail}`) : msg(str`the file could not be read: ${detail}`);
    }
    case 'EMPTY':
      return d.params.what === 'sheet' ? msg('the sheet has no header row (no row with two or more filled cells)') : msg('the file has no header row (no row with two or more filled cells)');
    case 'MAPPING': {
      const { header, field } = d.params;
      const headers = d.params.headers.join(', ');
      const kinds: Record<ImportKind, () => string> = {
        accounts: () => msg(str`the accounts file has no column "${header}" (mapped to ${field}); its columns are: ${headers}`),
        reps: () => msg(str`the reps file has no column "${header}" (mapped to ${field}); its columns are: ${headers}`),
        opportunities: () => msg(str`the opportunities file has no column "${header}" (mapped to ${field}); its columns are: ${headers}`),
      };
      return kinds[d.params.kind]?.() ?? fallback;
    }
    case 'ABORTED':
      return msg('the import was cancelled');
    default:
      return unknownCode(d, fallback);
  }
}
