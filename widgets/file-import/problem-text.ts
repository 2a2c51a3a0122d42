// The import's problems, unplaced accounts and errors in the UI language, worded from their codes and
// params (src/import/types.ts: ImportProblemParams, UnplacedParams, ImportErrorParams; the model's
// FieldRule); the importer's English `reason` / `message` for a code this module does not know. Values
// (cells as read, ids, headers, countries) are the file's own and never translated. In English the words
// are the importer's, word for word (test/widgets/file-import.l10n.test.ts).
import { msg, str } from '@lit/localize';
import type { FieldRule, ShownValue } from '../../src/model/validate-batch.js';
import type { ImportErrorDetail, ImportKind, ImportProblemDetail, UnplacedDetail } from '../../src/import/types.js';
import type { Formatters } from '../shared/format.js';

/** A code this module has no words for (a compile error while a code of the union is left out): the English fallback. */
const unknownCode = (_code: never, fallback: string): string => fallback;

/** Counts and limits with the locale's digits; a number JavaScript writes in exponent form (1e+150) as it is. */
function num(f: Formatters, n: number): string {
  return Number.isFinite(n) && Math.abs(n) < 1e21 ? f.number(n, 20) : String(n);
}

/** A schema's type name, in the UI language (`number`, `string`, …; another name as it is). */
function typeName(expected: string): string {
  switch (expected) {
    case 'number':
      return msg('number', { id: 'import-type-number', desc: 'A value type a field expects ("expected number")' });
    case 'string':
      return msg('string', { id: 'import-type-string', desc: 'A value type a field expects: text' });
    case 'boolean':
      return msg('boolean', { id: 'import-type-boolean', desc: 'A value type a field expects: true or false' });
    case 'object':
      return msg('object', { id: 'import-type-object', desc: 'A value type a field expects' });
    case 'array':
      return msg('array', { id: 'import-type-array', desc: 'A value type a field expects: a list' });
    default:
      return expected;
  }
}

/** A value as the reason shows it: `the string "41.2"`, a number, `null`, `nothing`, `a list`, `an object`. */
function shown(f: Formatters, v: ShownValue): string {
  switch (v.type) {
    case 'string': {
      const text = v.text;
      return msg(str`the string "${text}"`, { id: 'import-shown-string', desc: 'A text value found in a field, quoted as read' });
    }
    case 'number': {
      const n = Number(v.text);
      return Number.isNaN(n) ? v.text : num(f, n);
    }
    case 'null':
      return 'null';
    case 'nothing':
      return msg('nothing', { id: 'import-shown-nothing', desc: 'No value was found in a field' });
    case 'list':
      return msg('a list', { id: 'import-shown-list', desc: 'The value found in a field was a list' });
    case 'object':
      return msg('an object', { id: 'import-shown-object', desc: 'The value found in a field was an object' });
    case 'other':
      return v.text;
  }
}

/** A batch total's field: the plan's metrics in the UI language, another field by its model name. */
function totalField(field: string): string {
  if (field === 'potential') return msg('potential', { desc: 'metric' });
  if (field === 'workload') return msg('workload', { desc: 'metric' });
  return field;
}

function ruleText(f: Formatters, r: FieldRule): string {
  switch (r.code) {
    case 'required': {
      const type = typeName(r.expected);
      return msg(str`is required (expected ${type})`);
    }
    case 'type': {
      const type = typeName(r.expected);
      const got = shown(f, r.got);
      return msg(str`expected ${type}, got ${got}`);
    }
    case 'too-long': {
      const length = num(f, r.length);
      const maximum = num(f, r.maximum);
      return msg(str`is too long: ${length} characters, at most ${maximum}`);
    }
    case 'too-many': {
      const count = num(f, r.count);
      const maximum = num(f, r.maximum);
      return msg(str`has too many entries: ${count}, at most ${maximum}`);
    }
    case 'too-big': {
      const maximum = num(f, r.maximum);
      const got = shown(f, r.got);
      return msg(str`must be at most ${maximum}, got ${got}`);
    }
    case 'empty':
      return msg('must not be empty');
    case 'too-short': {
      const minimum = num(f, r.minimum);
      return msg(str`must have at least ${minimum} characters`);
    }
    case 'too-few': {
      const minimum = num(f, r.minimum);
      return msg(str`needs at least ${minimum} entries`);
    }
    case 'too-small': {
      const minimum = num(f, r.minimum);
      const got = shown(f, r.got);
      return msg(str`must be at least ${minimum}, got ${got}`);
    }
    case 'one-of': {
      const values = r.values.join(', ');
      const got = shown(f, r.got);
      return msg(str`expected one of ${values}, got ${got}`);
    }
    case 'unknown-fields': {
      const keys = r.keys.join(', ');
      return msg(str`has unknown fields: ${keys}`);
    }
    case 'unsupported': {
      const got = shown(f, r.got);
      return msg(str`has an unsupported value: ${got}`);
    }
    case 'format': {
      // The schema's own words for the format (English), then the value.
      const message = r.message;
      const got = shown(f, r.got);
      return msg(str`${message}, got ${got}`, { id: 'import-rule-format', desc: 'A field in the wrong format: the check\u2019s own words (English), then the value found' });
    }
    case 'message':
      return r.message;
    case 'duplicate-id': {
      const position = num(f, r.position);
      return msg(str`duplicate id: already used by the record at position ${position}`);
    }
    case 'total': {
      const value = num(f, r.value);
      const field = totalField(r.field);
      const limit = num(f, r.limit);
      if (r.total === Infinity) return msg(str`${value} makes the batch total of ${field} overflow (not a finite number), more than ${limit}`);
      const total = num(f, r.total);
      return msg(str`${value} makes the batch total of ${field} ${total}, more than ${limit}`);
    }
    default:
      return unknownCode(r, '');
  }
}

/** A broken rule of the model's validation, in the UI language ("is too long: 300 characters, at most 255"). */
export function fieldRuleText(f: Formatters, rule: FieldRule, dropped = false): string {
  const reason = ruleText(f, rule);
  if (!reason || !dropped) return reason;
  return msg(str`${reason} (field dropped, the record was kept)`, { id: 'import-rule-dropped', desc: 'A reason why a field was bad, then that the record was loaded without the field' });
}

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
