/**
 * Compiles a territory's attribute rules (`definition.rules`) into a predicate and a readable text.
 * Private to resolveTerritories.
 */
import type { AttributeRules, FieldPredicate, Range } from '../../model/territory.js';
import type { FieldValue } from '../../model/account.js';
import type { RuleCondition } from '../resolve-territories.js';

/** The account attributes the rules look at. */
export interface RuleSubject {
  id: string;
  industry?: string | null;
  employees?: number | null;
  annualRevenue?: number | null;
  potential: number;
  fields?: Record<string, FieldValue>;
}

export interface CompiledRules {
  /** True when the account satisfies every condition. */
  test(account: RuleSubject): boolean;
  /** The conditions as text, e.g. `industry Healthcare and revenue ≥ 10M` (names the industry the account matched). */
  describe(account: RuleSubject): string;
  /** The same conditions as data, in the order of `describe` (a frozen list, shared by the accounts with the same result). */
  conditions(account: RuleSubject): readonly RuleCondition[];
}

type Scalar = string | number | boolean;

/** Thrown for a rule that cannot be evaluated; names the territory and the field. */
function ruleError(territoryId: string, path: string, message: string): Error {
  return new TypeError(`resolveTerritories: territory ${JSON.stringify(territoryId)}: definition.rules.${path} ${message}`);
}

/** 1234 → "1.23k", 10_000_000 → "10M". */
function compactNumber(n: number): string {
  const abs = Math.abs(n);
  const [div, unit] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'k'] : [1, ''];
  return `${Number((n / div).toFixed(2))}${unit}`;
}

function rangeText(label: string, r: Range, fmt: (n: number) => string): string {
  if (r.min !== undefined && r.max !== undefined) return r.min === r.max ? `${label} = ${fmt(r.min)}` : `${label} ${fmt(r.min)}–${fmt(r.max)}`;
  return r.min !== undefined ? `${label} ≥ ${fmt(r.min)}` : `${label} ≤ ${fmt(r.max as number)}`;
}

function valueText(v: Scalar | Scalar[]): string {
  if (!Array.isArray(v)) return typeof v === 'string' ? v : String(v);
  const shown = v.slice(0, 3).map((x) => String(x)).join(', ');
  return v.length > 3 ? `${shown} and ${v.length - 3} more` : shown;
}

/** Text comparison is case-insensitive; two numbers compare as numbers. */
function same(a: FieldValue, b: Scalar): boolean {
  if (a === null || a === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return String(a).toLowerCase() === String(b).toLowerCase();
}

function order(a: FieldValue, b: Scalar): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

const SYMBOL = { eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;

function compileField(territoryId: string, p: FieldPredicate, i: number): { test: (f: FieldValue) => boolean; text: string } {
  const path = `fields.${i}`;
  const v = p.value;
  const isScalar = v !== undefined && !Array.isArray(v);
  switch (p.op) {
    case 'eq':
    case 'neq': {
      if (!isScalar) throw ruleError(territoryId, `${path}.value`, `needs one value for op "${p.op}" (use "in"/"notIn" for a list)`);
      const eq = (f: FieldValue) => same(f, v);
      return { test: p.op === 'eq' ? eq : (f) => !eq(f), text: `${p.field} ${SYMBOL[p.op]} ${valueText(v)}` };
    }
    case 'in':
    case 'notIn': {
      if (v === undefined) throw ruleError(territoryId, `${path}.value`, `needs a list of values for op "${p.op}"`);
      const list = Array.isArray(v) ? v : [v];
      const keys = new Set(list.map((x) => String(x).toLowerCase()));
      const has = (f: FieldValue) => f !== null && f !== undefined && keys.has(String(f).toLowerCase());
      return {
        test: p.op === 'in' ? has : (f) => !has(f),
        text: `${p.field} ${p.op === 'in' ? 'in' : 'not in'} ${valueText(list)}`,
      };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (!isScalar || typeof v === 'boolean') throw ruleError(territoryId, `${path}.value`, `needs a number or text value for op "${p.op}"`);
      const op = p.op;
      const test = (f: FieldValue) => {
        const c = order(f, v);
        if (c === null) return false;
        return op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
      };
      return { test, text: `${p.field} ${SYMBOL[op]} ${valueText(v)}` };
    }
    case 'contains': {
      if (!isScalar || typeof v !== 'string') throw ruleError(territoryId, `${path}.value`, 'needs a text value for op "contains"');
      const needle = v.toLowerCase();
      return { test: (f) => typeof f === 'string' && f.toLowerCase().includes(needle), text: `${p.field} contains "${v}"` };
    }
    case 'exists': {
      if (v !== undefined && typeof v !== 'boolean') throw ruleError(territoryId, `${path}.value`, 'must be true, false or left out for op "exists"');
      const want = v !== false;
      const present = (f: FieldValue) => f !== null && f !== undefined && f !== '';
      return { test: (f) => present(f) === want, text: `${p.field} ${want ? 'is set' : 'is not set'}` };
    }
    default:
      throw ruleError(territoryId, `${path}.op`, `is not a known operator: ${JSON.stringify(p.op)}`);
  }
}

function hasBound(r: Range | undefined): r is Range {
  return r !== undefined && (r.min !== undefined || r.max !== undefined);
}

function inRange(x: number | null | undefined, r: Range): boolean {
  if (x === null || x === undefined) return false;
  return (r.min === undefined || x >= r.min) && (r.max === undefined || x <= r.max);
}

/**
 * Compiles rules, or returns null when they give no condition (absent, `{}`, empty lists and ranges
 * with no bound all count as "no condition").
 */
export function compileRules(territoryId: string, rules: AttributeRules | null | undefined): CompiledRules | null {
  if (!rules) return null;
  const tests: ((a: RuleSubject) => boolean)[] = [];
  const texts: ((a: RuleSubject) => string)[] = [];
  const conds: ((a: RuleSubject) => RuleCondition)[] = [];

  if (rules.industries && rules.industries.length > 0) {
    // Lower-cased industry → the rule's own spelling, for the reason text.
    const wanted = new Map(rules.industries.map((s) => [s.trim().toLowerCase(), s.trim()]));
    tests.push((a) => typeof a.industry === 'string' && wanted.has(a.industry.trim().toLowerCase()));
    const industry = (a: RuleSubject) => wanted.get((a.industry ?? '').trim().toLowerCase()) ?? a.industry ?? '';
    texts.push((a) => `industry ${industry(a)}`);
    conds.push((a) => ({ kind: 'industry', value: industry(a) }));
  }
  const ranges: [keyof RuleSubject & ('employees' | 'annualRevenue' | 'potential'), string, (n: number) => string][] = [
    ['employees', 'employees', String],
    ['annualRevenue', 'revenue', compactNumber],
    ['potential', 'potential', compactNumber],
  ];
  for (const [key, label, fmt] of ranges) {
    const r = rules[key];
    if (!hasBound(r)) continue;
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) throw ruleError(territoryId, `${key}`, `has min ${r.min} above max ${r.max}`);
    tests.push((a) => inRange(a[key], r));
    const text = rangeText(label, r, fmt);
    texts.push(() => text);
    const cond: RuleCondition = { kind: 'range', field: label as 'employees' | 'revenue' | 'potential', ...(r.min !== undefined ? { min: r.min } : {}), ...(r.max !== undefined ? { max: r.max } : {}) };
    conds.push(() => cond);
  }
  (rules.fields ?? []).forEach((p, i) => {
    if (!p || typeof p.field !== 'string' || p.field.length === 0) throw ruleError(territoryId, `fields.${i}.field`, 'must name a custom field');
    const { test, text } = compileField(territoryId, p, i);
    const name = p.field;
    tests.push((a) => test(a.fields && Object.hasOwn(a.fields, name) ? (a.fields[name] ?? null) : null));
    texts.push(() => text);
    const v = p.value;
    const values = p.op === 'exists' ? [v !== false] : Array.isArray(v) ? v.slice() : v === undefined ? [] : [v];
    const cond: RuleCondition = { kind: 'field', field: name, op: p.op, values };
    conds.push(() => cond);
  });

  if (tests.length === 0) return null;
  const byIndustry = new Map<string, RuleCondition[]>();
  const industryKey = rules.industries && rules.industries.length > 0 ? (a: RuleSubject) => a.industry ?? '' : () => '';
  return {
    test: (a) => {
      for (const t of tests) if (!t(a)) return false;
      return true;
    },
    describe: (a) => texts.map((t) => t(a)).join(' and '),
    conditions: (a) => {
      // One frozen list per distinct industry value matched (the rest are the same for every account):
      // resolving 100k accounts allocates none.
      const key = industryKey(a);
      let list = byIndustry.get(key);
      if (list === undefined) byIndustry.set(key, (list = Object.freeze(conds.map((c) => c(a))) as RuleCondition[]));
      return list;
    },
  };
}
