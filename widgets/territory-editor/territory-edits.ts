// Pure edits of a territory list for <tk-territory-editor>: each returns a new list (or throws a clear error).
import type { AttributeRules, FieldOperator, FieldPredicate, Range, Territory } from '../../src/model/territory.js';
import { msg, str } from '@lit/localize';
import { validateBatch, formatRejection } from '../../src/model/validate-batch.js';

/** Operators offered for custom-field predicates, with their labels. */
export const FIELD_OPERATORS: readonly { op: FieldOperator; label: () => string }[] = [
  { op: 'eq', label: () => msg('equals') },
  { op: 'neq', label: () => msg('does not equal') },
  { op: 'in', label: () => msg('is one of') },
  { op: 'notIn', label: () => msg('is none of') },
  { op: 'gt', label: () => '>' },
  { op: 'gte', label: () => '≥' },
  { op: 'lt', label: () => '<' },
  { op: 'lte', label: () => '≤' },
  { op: 'contains', label: () => msg('contains') },
  { op: 'exists', label: () => msg('is set') },
];

/**
 * Replaces one territory in the list by `update(territory)`, validated against the Territory schema.
 *
 * @param list the territories
 * @param id the territory to change
 * @param update builds the new territory from the old one
 * @returns the new list
 * @throws Error naming the territory and field when the result is invalid, or the id is unknown
 */
export function updateTerritory(list: readonly Territory[], id: string, update: (t: Territory) => Territory): Territory[] {
  const at = list.findIndex((t) => t.id === id);
  if (at < 0) throw new Error(msg(str`territory "${id}" does not exist`));
  const next = update(list[at]);
  const { valid, rejected } = validateBatch('territory', [next]);
  if (rejected.length) throw new Error(formatRejection(rejected[0]));
  const out = [...list];
  out[at] = valid[0];
  return out;
}

/** A new territory id not used in the list (`territory-1`, `territory-2`…). */
export function newTerritoryId(list: readonly Territory[]): string {
  const used = new Set(list.map((t) => t.id));
  let i = list.length + 1;
  while (used.has(`territory-${i}`)) i++;
  return `territory-${i}`;
}

/** The rules with one part replaced; empty parts are dropped (so `{}` means "no rule"). */
export function withRules(rules: AttributeRules | null | undefined, patch: Partial<AttributeRules>): AttributeRules {
  const next: AttributeRules = { ...(rules ?? {}), ...patch };
  for (const key of Object.keys(next) as (keyof AttributeRules)[]) {
    const v = next[key];
    const empty = v === undefined || (Array.isArray(v) && v.length === 0) || (isRange(v) && v.min === undefined && v.max === undefined);
    if (empty) delete next[key];
  }
  return next;
}

function isRange(v: unknown): v is Range {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && ('min' in v || 'max' in v || Object.keys(v).length === 0);
}

/**
 * A range from two typed ends ('' = open).
 *
 * @throws Error naming the field when an end is not a number or min exceeds max
 */
export function parseRange(field: string, minText: string, maxText: string): Range | undefined {
  const read = (text: string, end: string) => {
    const t = text.trim();
    if (t === '') return undefined;
    const n = Number(t);
    if (!Number.isFinite(n))
      throw new Error(end === 'min' ? msg(str`${field}: min must be a number, got "${t}"`) : msg(str`${field}: max must be a number, got "${t}"`));
    return n;
  };
  const min = read(minText, 'min');
  const max = read(maxText, 'max');
  if (min !== undefined && max !== undefined && min > max) throw new Error(msg(str`${field}: min (${min}) must not exceed max (${max})`));
  if (min === undefined && max === undefined) return undefined;
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/**
 * A custom-field predicate from the typed field, operator and value: lists (comma-separated) for
 * `in`/`notIn`, numbers for the comparisons, no value for `exists`, and `true`/`false`/numbers
 * recognised for `eq`/`neq`.
 *
 * @throws Error naming the field when the value cannot be read for the operator
 */
export function parsePredicate(field: string, op: FieldOperator, valueText: string): FieldPredicate {
  const name = field.trim();
  if (!name) throw new Error(msg('custom field: the field name is empty'));
  const text = valueText.trim();
  const scalar = (t: string): string | number | boolean => (t === 'true' ? true : t === 'false' ? false : t !== '' && Number.isFinite(Number(t)) ? Number(t) : t);
  switch (op) {
    case 'exists':
      return { field: name, op };
    case 'in':
    case 'notIn': {
      const list = text.split(',').map((s) => s.trim()).filter(Boolean).map(scalar);
      if (list.length === 0) throw new Error(msg(str`custom field "${name}": give at least one value, separated by commas`));
      return { field: name, op, value: list };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) throw new Error(msg(str`custom field "${name}": ${op} needs a number, got "${text}"`));
      return { field: name, op, value: n };
    }
    case 'contains':
      if (text === '') throw new Error(msg(str`custom field "${name}": contains needs some text`));
      return { field: name, op, value: text };
    default:
      return { field: name, op, value: scalar(text) };
  }
}

/** A predicate as readable text, e.g. `Tier__c is one of Gold, Silver`. */
export function predicateText(p: FieldPredicate): string {
  const label = FIELD_OPERATORS.find((o) => o.op === p.op)?.label() ?? p.op;
  const value = Array.isArray(p.value) ? p.value.join(', ') : p.value === undefined ? '' : String(p.value);
  return value === '' ? `${p.field} ${label}` : `${p.field} ${label} ${value}`;
}

/** Expands #rgb to #rrggbb (what <input type=color> needs); a fallback grey when absent. */
export function colorInputValue(color: string | null | undefined): string {
  if (!color) return '#888888';
  return color.length === 4 ? `#${color[1]}${color[1]}${color[2]}${color[2]}${color[3]}${color[3]}`.toLowerCase() : color.toLowerCase();
}
