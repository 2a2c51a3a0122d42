import type { Territory, FieldPredicate } from '../../model/territory.js';
import type { Said, SaidParam } from '../crm-adapter.js';
import { say } from '../texts/adapter.js';

/** Something of a territory that Salesforce Territory2 cannot hold, said per territory (never dropped silently). */
export interface TerritoryNotice {
  code: string;
  message: string;
  /** The sentence as data when it is worded by key (see `Said` in crm-adapter.ts). */
  key?: string;
  params?: Record<string, SaidParam>;
  /** The plan field it is about, e.g. `definition.geometry`. */
  field?: string;
}

/** One row of an assignment rule (ObjectTerritory2AssignmentRuleItem without RuleId/SortOrder). */
export interface RuleItemDraft {
  Field: string;
  Operation: string;
  Value: string;
}

/** What one plan territory becomes in a Territory2 planning model. */
export interface TerritoryDraft {
  /** The plan territory's id. */
  id: string;
  /** Territory2.Name (at most 80 characters). */
  name: string;
  /** Territory2.DeveloperName, derived from the plan id: the key a later save finds it by. */
  developerName: string;
  /** The plan id of the parent territory, or null. */
  parentId: string | null;
  /** The assignment rule (all items AND-ed: BooleanFilter null), or null when there is none to write. */
  rule: { developerName: string; masterLabel: string; items: RuleItemDraft[] } | null;
  /** Named accounts (`definition.include`): manual ObjectTerritory2Association rows. */
  accountIds: string[];
  /** Assigned reps: UserTerritory2Association rows. */
  userIds: string[];
  notices: TerritoryNotice[];
}

/** How plan fields name Account fields. */
export interface DraftOptions {
  /** Account field of `industry`, `employees`, `annualRevenue`, `potential` (null: not mapped). */
  fields: { industry: string | null; employees: string | null; annualRevenue: string | null; potential: string | null; region: string | null };
  /** Account field that holds a US state as its two-letter code, for state region codes. Default `BillingState`. */
  stateField: string;
  /** Goes into the DeveloperNames' hash (the model id), so names never collide across models. Default ''. */
  scope?: string;
}

const SF_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** ObjectTerritory2AssignmentRuleItem.Value holds at most 1,000 characters. */
const VALUE_MAX = 1000;

/** US state FIPS codes → USPS codes (50 states, DC, PR). */
const STATE_BY_FIPS: Record<string, string> = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC', '12': 'FL',
  '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY', '22': 'LA', '23': 'ME',
  '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO', '30': 'MT', '31': 'NE', '32': 'NV', '33': 'NH',
  '34': 'NJ', '35': 'NM', '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH', '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI',
  '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT', '50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI',
  '56': 'WY', '72': 'PR',
};
const USPS = new Set(Object.values(STATE_BY_FIPS));

/** A short stable hash (FNV-1a, base 36) so two ids that slug alike still get distinct names. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/**
 * A Salesforce DeveloperName: letters, digits and single underscores, starting with a letter, not
 * ending with an underscore, at most 80 characters; `prefix` + a slug of `text` + a hash of `scope` and `text`.
 */
export function developerName(prefix: string, text: string, scope = ''): string {
  const slug = text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80 - prefix.length - 10);
  return `${prefix}_${slug ? `${slug}_` : ''}${hash(`${scope}|${text}`)}`.replace(/_+/g, '_');
}

/** A state region code as its USPS code, or null when it is not a state. */
function stateCode(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (/^\d{2}$/.test(c)) return STATE_BY_FIPS[c] ?? null;
  const iso = /^US-([A-Z]{2})$/.exec(c);
  if (iso) return USPS.has(iso[1]) ? iso[1] : null;
  return USPS.has(c) ? c : null;
}

/** Comma-separated values are OR-ed by Salesforce; a value holding a comma cannot be listed. */
function valueList(values: readonly (string | number | boolean)[]): string | null {
  const texts = values.map(String);
  if (texts.some((v) => v.includes(',') || v === '')) return null;
  const joined = texts.join(',');
  return joined.length <= VALUE_MAX ? joined : null;
}

const OPS: Partial<Record<FieldPredicate['op'], string>> = {
  eq: 'equals', neq: 'notEqual', in: 'equals', notIn: 'notEqual', gt: 'greaterThan', gte: 'greaterOrEqual', lt: 'lessThan', lte: 'lessOrEqual', contains: 'contains',
};

/**
 * What a plan territory becomes in a Territory2 planning model: the Territory2 (name, DeveloperName
 * from its id, parent), one assignment rule whose items are AND-ed (industries → `Account.Industry
 * equals A,B`; ranges → `greaterOrEqual`/`lessOrEqual`; field predicates by operator; state regions →
 * `Account.BillingState equals CA,NY`), named accounts as manual associations and reps as user
 * associations. What Territory2 cannot hold is a notice naming the territory's field. A rule is only
 * written when it is not broader than the plan: a drawn polygon, county or unknown region codes alone,
 * or a condition that cannot be expressed leave the rule out (notice) rather than assign accounts the
 * plan does not; region codes that do not map beside ones that do narrow the rule (notice).
 *
 * @param t the plan territory
 * @param o how plan fields name Account fields
 * @returns the draft and its notices
 * @example
 * draftTerritory({ id: 't1', name: 'West', repIds: [], priority: 0, definition: { regions: ['06'] } }, opts).rule?.items
 * // → [{ Field: 'Account.BillingState', Operation: 'equals', Value: 'CA' }]
 */
export function draftTerritory(t: Territory, o: DraftOptions): TerritoryDraft {
  const notices: TerritoryNotice[] = [];
  const note = (code: string, field: string, why: Said) => notices.push({ code, field, ...say('tm.territory-note', { name: JSON.stringify(t.name), id: t.id, field, why }) });
  const more = (list: readonly string[], shown: number) => (list.length > shown ? say('tm.more', { list: list.slice(0, shown).join(', '), more: list.length - shown }) : list.join(', '));
  const d = t.definition ?? {};
  const items: RuleItemDraft[] = [];
  /** Set when a part of the rule cannot be expressed and leaving it out would assign more accounts. */
  let broader = false;
  const field = (name: string | null, what: string, planField: string): string | null => {
    if (!name) {
      note('NOT_EXPRESSIBLE', planField, say('tm.no-field-mapped', { what }));
      broader = true;
      return null;
    }
    return `Account.${name}`;
  };
  const range = (name: string | null, what: 'employees' | 'annualRevenue' | 'potential', r: { min?: number; max?: number } | undefined) => {
    if (!r || (r.min === undefined && r.max === undefined)) return;
    const f = field(name, what, `definition.rules.${what}`);
    if (!f) return;
    if (r.min !== undefined) items.push({ Field: f, Operation: 'greaterOrEqual', Value: String(r.min) });
    if (r.max !== undefined) items.push({ Field: f, Operation: 'lessOrEqual', Value: String(r.max) });
  };

  const rules = d.rules ?? null;
  if (rules?.industries?.length) {
    const f = field(o.fields.industry, 'industry', 'definition.rules.industries');
    const v = valueList(rules.industries);
    if (f && v === null) {
      note('NOT_EXPRESSIBLE', 'definition.rules.industries', say('tm.industry-value'));
      broader = true;
    } else if (f && v !== null) items.push({ Field: f, Operation: 'equals', Value: v });
  }
  range(o.fields.employees, 'employees', rules?.employees);
  range(o.fields.annualRevenue, 'annualRevenue', rules?.annualRevenue);
  range(o.fields.potential, 'potential', rules?.potential);
  (rules?.fields ?? []).forEach((p, i) => {
    const at = `definition.rules.fields[${i}]`;
    const op = OPS[p.op];
    const values = p.value === undefined ? [] : Array.isArray(p.value) ? p.value : [p.value];
    const v = values.length ? valueList(values) : null;
    if (!API_NAME.test(p.field)) note('NOT_EXPRESSIBLE', at, say('tm.not-api-name', { field: JSON.stringify(p.field) }));
    else if (!op) note('NOT_EXPRESSIBLE', at, say('tm.no-operation', { op: p.op }));
    else if (v === null || ((p.op === 'eq' || p.op === 'neq' || p.op === 'gt' || p.op === 'gte' || p.op === 'lt' || p.op === 'lte' || p.op === 'contains') && values.length !== 1)) {
      note('NOT_EXPRESSIBLE', at, say('tm.bad-value'));
    } else {
      items.push({ Field: `Account.${p.field}`, Operation: op, Value: v });
      return;
    }
    broader = true;
  });

  // Geography: AND-ed with the rules; its parts are OR-ed (inside the polygon OR in a listed region).
  const regions = d.regions ?? [];
  const polygon = d.geometry != null;
  const mapped: string[] = [];
  const unmapped: string[] = [];
  for (const code of regions) {
    const v = o.fields.region ? (code.includes(',') ? null : code) : stateCode(code);
    if (v === null) unmapped.push(code);
    else if (!mapped.includes(v)) mapped.push(v);
  }
  if (polygon) note('NOT_EXPRESSIBLE', 'definition.geometry', say('tm.drawn-area'));
  if (unmapped.length) {
    note('NOT_EXPRESSIBLE', 'definition.regions', say(o.fields.region ? 'tm.regions-comma' : 'tm.regions-not-states', { codes: more(unmapped, 20) }));
  }
  if (polygon || regions.length) {
    const v = mapped.join(',');
    if (!mapped.length) broader = true; // no geography that maps: leaving it out would widen the territory
    else if (v.length > VALUE_MAX) {
      note('NOT_EXPRESSIBLE', 'definition.regions', say('tm.regions-too-long'));
      broader = true;
    } else {
      items.push({ Field: `Account.${o.fields.region ?? o.stateField}`, Operation: 'equals', Value: v });
      // The geography's parts are OR-ed: leaving one out narrows the territory, which the rule may do (said).
      if (unmapped.length || polygon) note('RULE_NARROWED', 'definition.regions', say(mapped.length === 1 ? (polygon ? 'tm.narrowed-one-area' : 'tm.narrowed-one') : polygon ? 'tm.narrowed-area' : 'tm.narrowed', { count: mapped.length }));
    }
  }
  if (broader) {
    note('RULE_NOT_WRITTEN', 'definition', say('tm.rule-not-written'));
  }
  const ruleItems = broader ? [] : items;
  if (ruleItems.length > 10) note('RULE_ITEMS', 'definition.rules', say('tm.rule-items', { count: ruleItems.length }));

  const accountIds: string[] = [];
  const badAccounts: string[] = [];
  for (const id of d.include ?? []) (SF_ID.test(id) ? accountIds : badAccounts).push(id);
  if (badAccounts.length) note('NOT_EXPRESSIBLE', 'definition.include', say('tm.bad-accounts', { ids: more(badAccounts, 5) }));
  if (d.exclude?.length) {
    note('NOT_EXPRESSIBLE', 'definition.exclude', say(d.exclude.length === 1 ? 'tm.exclude-one' : 'tm.exclude', { count: d.exclude.length }));
  }
  const userIds = t.repIds.filter((r) => SF_ID.test(r));
  const badUsers = t.repIds.filter((r) => !SF_ID.test(r));
  if (badUsers.length) note('NOT_EXPRESSIBLE', 'repIds', say('tm.bad-users', { ids: badUsers.join(', ') }));
  if (!ruleItems.length && !accountIds.length && !broader) {
    note('NO_ACCOUNTS', 'definition', say('tm.no-accounts'));
  }

  const name = t.name.trim() || t.id;
  if (name.length > 80) note('TRUNCATED', 'name', say('tm.truncated'));
  return {
    id: t.id,
    name: name.slice(0, 80),
    developerName: developerName('tk', t.id, o.scope),
    parentId: t.parentId ?? null,
    rule: ruleItems.length ? { developerName: developerName('tkr', t.id, o.scope), masterLabel: `${name.slice(0, 70)} (rule)`, items: ruleItems } : null,
    accountIds,
    userIds,
    notices,
  };
}
