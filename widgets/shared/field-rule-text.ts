// A broken rule of the model's validation (FieldRule, src/model/validate-batch.ts) in the UI language, as
// the importer's and the CRM load's reasons say it in English (fieldRuleReason in src/model/format-rejection.ts),
// word for word in English. Shared by the file import's problem list (file-import/problem-text.ts) and the
// provider's rejected records (territory-provider/rejection-text.ts); both load it on demand.
import { msg, str } from '@lit/localize';
import type { FieldRule, ShownValue } from '../../src/model/validate-batch.js';
import type { Formatters } from './format.js';

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

