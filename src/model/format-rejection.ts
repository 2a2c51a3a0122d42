import type { FieldRule, Rejection, ShownValue } from './validate-batch.js';

/**
 * One line per rejection, naming the record and field, for logs and UI lists.
 * @example
 * formatRejection(rejected[0]); // 'account "001A": lat expected number, got the string "41.2"'
 */
export function formatRejection(r: Rejection): string {
  const who = r.id !== undefined ? `${r.kind} ${JSON.stringify(r.id)}` : `${r.kind} at position ${r.index}`;
  return r.field ? `${who}: ${r.field} ${r.reason}` : `${who}: ${r.reason}`;
}

/** A shown value in English: `the string "41.2"`, `95`, `null`, `nothing`, `a list`, `an object`, `boolean`. */
export function shownText(v: ShownValue): string {
  switch (v.type) {
    case 'string':
      return `the string ${JSON.stringify(v.text)}`;
    case 'number':
    case 'other':
      return v.text;
    case 'null':
    case 'nothing':
      return v.type;
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
  }
}

/**
 * The English reason of a broken rule (what `FieldProblem.reason` says; `dropped` adds "(field dropped,
 * the record was kept)"). Kept here, without zod, so a UI can word rules without loading the schemas.
 * @example
 * fieldRuleReason({ code: 'too-long', length: 300, maximum: 255 }); // 'is too long: 300 characters, at most 255'
 */
export function fieldRuleReason(rule: FieldRule, dropped = false): string {
  const reason = ruleText(rule);
  return dropped ? `${reason} (field dropped, the record was kept)` : reason;
}

function ruleText(r: FieldRule): string {
  switch (r.code) {
    case 'required':
      return `is required (expected ${r.expected})`;
    case 'type':
      return `expected ${r.expected}, got ${shownText(r.got)}`;
    case 'too-long':
      return `is too long: ${r.length} characters, at most ${r.maximum}`;
    case 'too-many':
      return `has too many entries: ${r.count}, at most ${r.maximum}`;
    case 'too-big':
      return `must be at most ${r.maximum}, got ${shownText(r.got)}`;
    case 'empty':
      return 'must not be empty';
    case 'too-short':
      return `must have at least ${r.minimum} characters`;
    case 'too-few':
      return `needs at least ${r.minimum} entries`;
    case 'too-small':
      return `must be at least ${r.minimum}, got ${shownText(r.got)}`;
    case 'one-of':
      return `expected one of ${r.values.join(', ')}, got ${shownText(r.got)}`;
    case 'unknown-fields':
      return `has unknown fields: ${r.keys.join(', ')}`;
    case 'unsupported':
      return `has an unsupported value: ${shownText(r.got)}`;
    case 'format':
      return `${r.message}, got ${shownText(r.got)}`;
    case 'message':
      return r.message;
    case 'not-a-record':
      return `expected a record object, got ${shownText(r.got)}`;
    case 'duplicate-id':
      return `duplicate id: already used by the record at position ${r.position}`;
    case 'total':
      return `${r.value} makes the batch total of ${r.field} ${r.total === Infinity ? 'overflow (not a finite number)' : `${r.total}`}, more than ${r.limit}`;
  }
}
