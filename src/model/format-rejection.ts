import type * as z from 'zod/mini';
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

const MAX_SHOWN = 40;

/** A value as a reason shows it (validate-batch.ts `describe` in English), as data. */
export function shownValue(value: unknown): ShownValue {
  if (value === null) return { type: 'null' };
  if (value === undefined) return { type: 'nothing' };
  if (typeof value === 'number') return { type: 'number', text: Number.isNaN(value) ? 'NaN' : String(value) };
  if (typeof value === 'string') return { type: 'string', text: value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value };
  if (Array.isArray(value)) return { type: 'list' };
  return typeof value === 'object' ? { type: 'object' } : { type: 'other', text: typeof value };
}

/**
 * The rule a schema check broke, as data (`validateBatch(kind, records, { rules: ruleOfIssue })`); its
 * English ({@link fieldRuleReason}) is the problem's `reason`. Kept out of validate-batch.ts, so that pages
 * which only validate do not load it.
 * @param issue the zod issue, its path as validateBatch names it
 * @param value the value at the issue's path
 */
export function ruleOfIssue(issue: z.core.$ZodIssue, value: unknown): FieldRule {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { code: 'required', expected: issue.expected };
      return { code: 'type', expected: issue.expected, got: shownValue(value) };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'too-long', length: (value as string).length, maximum: Number(issue.maximum) };
      if (issue.origin === 'array') return { code: 'too-many', count: (value as unknown[]).length, maximum: Number(issue.maximum) };
      return { code: 'too-big', maximum: Number(issue.maximum), got: shownValue(value) };
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? { code: 'empty' } : { code: 'too-short', minimum: Number(issue.minimum) };
      if (issue.origin === 'array') return { code: 'too-few', minimum: Number(issue.minimum) };
      return { code: 'too-small', minimum: Number(issue.minimum), got: shownValue(value) };
    case 'invalid_value':
      return { code: 'one-of', values: issue.values.map((v) => JSON.stringify(v)), got: shownValue(value) };
    case 'unrecognized_keys':
      return { code: 'unknown-fields', keys: [...issue.keys] };
    case 'invalid_union':
      return { code: 'unsupported', got: shownValue(value) };
    case 'invalid_format':
      return { code: 'format', format: issue.format, message: issue.message, got: shownValue(value) };
    default:
      return { code: 'message', message: issue.message };
  }
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
 * validate-batch.ts words its reasons itself (pages that validate do not load this); tests hold the two equal.
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
    case 'duplicate-id':
      return `duplicate id: already used by the record at position ${r.position}`;
    case 'total':
      return `${r.value} makes the batch total of ${r.field} ${r.total === Infinity ? 'overflow (not a finite number)' : `${r.total}`}, more than ${r.limit}`;
  }
}
