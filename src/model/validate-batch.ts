import * as z from 'zod/mini';
import { Account } from './account.js';
import { fastAccount } from './account-fast-path.js';
import { Rep } from './rep.js';
import { Territory } from './territory.js';
import { AssignmentChange, Plan } from './plan.js';
import { PROTO_KEY } from './own-record.js';
import { LIMITS } from './limits.js';
import { Opportunity } from './opportunity.js';

/** The record kinds a batch can hold. */
export type RecordKind = 'account' | 'rep' | 'territory' | 'plan' | 'change' | 'opportunity';

const SCHEMAS = {
  account: Account,
  rep: Rep,
  territory: Territory,
  plan: Plan,
  change: AssignmentChange,
  opportunity: Opportunity,
} as const;

type OutputOf<K extends RecordKind> = z.infer<(typeof SCHEMAS)[K]>;

/**
 * A value as a reason shows it, as data: `the string "41.2"` (cut to 40 characters and `…`), a number as
 * JavaScript writes it (`95`, `NaN`, `1e+200`), `null`, `nothing`, `a list`, `an object`, or another type's
 * name (`boolean`).
 */
export type ShownValue = { type: 'string' | 'number'; text: string } | { type: 'null' | 'nothing' | 'list' | 'object' } | { type: 'other'; text: string };

/**
 * The rule a field broke, as data, for wording the reason in another language (`fieldRuleReason` in
 * format-rejection.ts gives the English `reason`). `expected` is the schema's type name (`number`, `string`,
 * …); `values` of `one-of` are JSON; `message` is the schema's own English words (custom checks).
 * - `required` "is required (expected number)" · `type` "expected number, got the string "41.2""
 * - `too-long` "is too long: 300 characters, at most 255" · `too-many` "has too many entries: 1001, at most 1000"
 * - `too-big` "must be at most 90, got 95" · `too-small` "must be at least 0, got -5"
 * - `empty` "must not be empty" · `too-short` "must have at least 3 characters" · `too-few` "needs at least 4 entries"
 * - `one-of` "expected one of "a", "b", got …" · `unknown-fields` "has unknown fields: x, y" · `unsupported` "has an unsupported value: …"
 * - `format` "<message>, got …" · `message` "<message>" (a custom check's words)
 * - `duplicate-id` "duplicate id: already used by the record at position 3"
 * - `total` "1e+200 makes the batch total of potential overflow (not a finite number), more than 1e+150" (`total`
 *   Infinity) or "… of potential 2e+150, more than 1e+150"
 */
export type FieldRule =
  | { code: 'required'; expected: string }
  | { code: 'type'; expected: string; got: ShownValue }
  | { code: 'too-long'; length: number; maximum: number }
  | { code: 'too-many'; count: number; maximum: number }
  | { code: 'too-big'; maximum: number; got: ShownValue }
  | { code: 'empty' }
  | { code: 'too-short'; minimum: number }
  | { code: 'too-few'; minimum: number }
  | { code: 'too-small'; minimum: number; got: ShownValue }
  | { code: 'one-of'; values: string[]; got: ShownValue }
  | { code: 'unknown-fields'; keys: string[] }
  | { code: 'unsupported'; got: ShownValue }
  | { code: 'format'; format: string; message: string; got: ShownValue }
  | { code: 'message'; message: string }
  | { code: 'duplicate-id'; position: number }
  | { code: 'total'; value: number; field: string; total: number; limit: number };

/** One problem with one field of a record. */
export interface FieldProblem {
  /** Dotted path to the field, e.g. `lat` or `definition.geometry.coordinates.0`; `''` for the record. */
  field: string;
  /** A readable reason. */
  reason: string;
  /**
   * The reason as data: always for `duplicate-id` and `total`, for a schema's checks when validateBatch was
   * given `rules` (absent in problems made elsewhere, e.g. by an adapter that rewords the reason).
   */
  rule?: FieldRule;
  /** The field was dropped and the record kept (the reason ends "(field dropped, the record was kept)"). */
  dropped?: true;
}

/** Options of {@link validateBatch}. */
export interface ValidateOptions {
  /**
   * Gives each schema problem its rule as data (`FieldProblem.rule`): pass `ruleOfIssue` from
   * format-rejection.ts (kept apart, so that pages which only validate do not load it).
   */
  rules?: (issue: z.core.$ZodIssue, value: unknown) => FieldRule;
}

/**
 * A record that failed validation; the batch goes on without it. With `kept: true` only optional
 * fields were bad: the record was kept without them (the fields named in `problems` were dropped:
 * nullable ones set to null, defaulted ones back to their default, the rest left out).
 */
export interface Rejection extends FieldProblem {
  kind: RecordKind;
  /** Position of the record in the incoming batch. */
  index: number;
  /** The record's id when it had a usable one. */
  id?: string;
  /** Every problem found; `field`/`reason` repeat the first. */
  problems: FieldProblem[];
  /** The record was kept with the bad optional fields dropped (see above). */
  kept?: true;
  /**
   * A row of an imported file (the file adapter): which file and row, and the import problem's code and
   * params (`ImportProblem`), so a UI can word "accounts row 12: …" in its language. `reason` is the
   * problem's English.
   */
  fileRow?: { file: string; row: number; code?: string; params?: unknown; reason: string };
}

export interface BatchResult<T> {
  valid: T[];
  rejected: Rejection[];
}

const MAX_SHOWN = 40;

/**
 * Optional fields per kind, and what a bad value becomes: `null` (nullable), `undefined` (left out,
 * so a default applies). A bad optional field is dropped with a rejection naming it; the record is
 * kept (one bad rep home must not orphan the rep's whole book). Required fields reject the record.
 */
const OPTIONAL: Partial<Record<RecordKind, Record<string, null | undefined>>> = {
  account: {
    industry: null,
    employees: null,
    annualRevenue: null,
    workload: undefined,
    territoryId: null,
    locked: undefined,
    regions: undefined,
    lastModified: undefined,
    performance: undefined,
    fields: undefined,
  },
  rep: {
    email: null,
    home: null,
    capacity: undefined,
    skills: undefined,
    quota: null,
    priorClosedWon: null,
    active: undefined,
    locked: undefined,
  },
  territory: { lastModified: undefined },
};

/** Additive figures whose batch totals must stay finite (below `LIMITS.total`). */
const TOTALS: Partial<Record<RecordKind, readonly (readonly string[])[]>> = {
  account: [['potential'], ['workload'], ['annualRevenue'], ['performance', 'pipeline'], ['performance', 'pipelinePrevious'], ['performance', 'closedWon']],
  rep: [['quota'], ['priorClosedWon']],
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function at(root: unknown, path: PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function reasonFor(issue: z.core.$ZodIssue, record: unknown): string {
  const value = at(record, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `is required (expected ${issue.expected})`;
      return `expected ${issue.expected}, got ${describe(value)}`;
    case 'too_big':
      if (issue.origin === 'string') return `is too long: ${(value as string).length} characters, at most ${issue.maximum}`;
      if (issue.origin === 'array') return `has too many entries: ${(value as unknown[]).length}, at most ${issue.maximum}`;
      return `must be at most ${issue.maximum}, got ${describe(value)}`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must have at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `needs at least ${issue.minimum} entries`;
      return `must be at least ${issue.minimum}, got ${describe(value)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`;
    case 'unrecognized_keys':
      return `has unknown fields: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return `has an unsupported value: ${describe(value)}`;
    case 'invalid_format':
      return `${issue.message}, got ${describe(value)}`;
    default:
      return issue.message;
  }
}

function idOf(record: unknown): string | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  const id = (record as { id?: unknown; accountId?: unknown }).id ?? (record as { accountId?: unknown }).accountId;
  if (typeof id === 'string' && id.length > 0) return id.length > 255 ? `${id.slice(0, 255)}…` : id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return undefined;
}

/**
 * Validates a batch of incoming records of one kind. Bad records are set aside with the field and a
 * readable reason; one bad record never sinks the batch. A repeated id is rejected on its second and
 * later occurrences (except for `change` records, which may repeat an account). Accounts and reps
 * whose only problems are optional fields are kept without those fields (a rejection with
 * `kept: true` names them). When a batch total (potential, workload, … see `LIMITS.total`) would not
 * be finite, the largest contributing records are rejected by name and the rest stay.
 *
 * @example
 * const { valid, rejected } = validateBatch('account', rows);
 * // rejected[0] → { kind: 'account', index: 3, id: '001…', field: 'lat', reason: 'expected number, got the string "41.2"', … }
 */
export function validateBatch<K extends RecordKind>(kind: K, records: readonly unknown[], options: ValidateOptions = {}): BatchResult<OutputOf<K>> {
  const schema = SCHEMAS[kind] as unknown as z.ZodMiniType<OutputOf<K>>;
  const valid: OutputOf<K>[] = [];
  const rejected: Rejection[] = [];
  const checkIds = kind !== 'change';
  const fastPath = kind === 'account';
  const firstIndex = new Map<string, number>();
  /** Position of each valid record in the batch (same order as `valid`). */
  const positions: number[] = [];
  // A plain loop with no per-record closures: at 100k records the closures of a forEach callback
  // showed up in the profile (with their GC), for no benefit.
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      rejected.push(rejection(kind, index, idOf(record), [{ field: '', reason: `expected a record object, got ${describe(record)}` }]));
      continue;
    }
    // Obviously valid accounts skip zod (same output, proven by a property test); zod decides the rest.
    let data = fastPath ? (fastAccount(record) as OutputOf<K> | undefined) : undefined;
    if (data === undefined) {
      const result = schema.safeParse(record);
      if (!result.success) {
        const problems = problemsOf(result.error.issues, record, options.rules);
        const kept = withoutBadFields(kind, record as Record<string, unknown>, problems, schema);
        if (kept === undefined) {
          rejected.push(rejection(kind, index, idOf(record), problems));
          continue;
        }
        rejected.push({ ...rejection(kind, index, idOf(record), problems.map(dropped)), kept: true });
        data = kept;
      } else data = result.data;
    }
    if (checkIds) {
      const id = idOf(record);
      if (id !== undefined) {
        const seen = firstIndex.get(id);
        if (seen !== undefined) {
          rejected.push(rejection(kind, index, id, [{ field: 'id', reason: `duplicate id: already used by the record at position ${seen}`, rule: { code: 'duplicate-id', position: seen } }]));
          continue;
        }
        firstIndex.set(id, index);
      }
    }
    valid.push(data);
    positions.push(index);
  }
  const totals = TOTALS[kind];
  if (totals) return overflowChecked(kind, valid, positions, rejected, totals);
  return { valid, rejected };
}

/**
 * The record re-parsed without its bad optional fields, or undefined when a required field (or the
 * record as a whole) is bad, or it still fails. A bad `fields.<name>` entry drops just that entry.
 */
function withoutBadFields<T>(kind: RecordKind, record: Record<string, unknown>, problems: readonly FieldProblem[], schema: z.ZodMiniType<T>): T | undefined {
  const optional = OPTIONAL[kind];
  if (!optional) return undefined;
  const copy: Record<string, unknown> = { ...record };
  for (const { field } of problems) {
    const top = field.split('.', 1)[0];
    const sub = field.length > top.length ? field.slice(top.length + 1) : undefined;
    if (!Object.hasOwn(optional, top)) return undefined;
    if (top === 'fields' && sub !== undefined && copy.fields !== null && typeof copy.fields === 'object' && !Array.isArray(copy.fields)) {
      const fields: Record<string, unknown> = Object.assign(Object.create(null), copy.fields);
      delete fields[sub];
      copy.fields = fields;
    } else if (optional[top] === null) copy[top] = null;
    else delete copy[top];
  }
  const again = schema.safeParse(copy);
  return again.success ? again.data : undefined;
}

function dropped(p: FieldProblem): FieldProblem {
  return { ...p, reason: `${p.reason} (field dropped, the record was kept)`, dropped: true };
}

function numberAt(record: unknown, path: readonly string[]): number {
  let v: unknown = record;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' ? v : 0;
}

/**
 * Rejects the largest contributors to any batch total that is not finite or exceeds `LIMITS.total`
 * (so sums, targets and squared deviations downstream stay finite), naming each record and field;
 * the rest of the batch stays.
 */
function overflowChecked<T>(kind: RecordKind, valid: T[], at: number[], rejected: Rejection[], totals: readonly (readonly string[])[]): BatchResult<T> {
  let out: Set<number> | null = null;
  const sums = new Float64Array(totals.length);
  for (let i = 0; i < valid.length; i++) {
    const r = valid[i] as Record<string, unknown>;
    for (let t = 0; t < totals.length; t++) {
      const path = totals[t];
      const v = path.length === 1 ? r[path[0]] : numberAt(r, path);
      if (typeof v === 'number') sums[t] += v;
    }
  }
  for (let t = 0; t < totals.length; t++) {
    const path = totals[t];
    const sum = sums[t];
    if (sum <= LIMITS.total) continue;
    const field = path.join('.');
    const order = valid.map((_, i) => i).filter((i) => !out?.has(i) && numberAt(valid[i], path) > 0);
    order.sort((a, b) => numberAt(valid[b], path) - numberAt(valid[a], path));
    // Sum of what stays, smallest first (so the biggest records are the ones set aside).
    let kept = 0;
    const keep = new Set<number>();
    for (let j = order.length - 1; j >= 0; j--) {
      const next = kept + numberAt(valid[order[j]], path);
      if (!(next <= LIMITS.total)) break;
      kept = next;
      keep.add(order[j]);
    }
    for (const i of order) {
      if (keep.has(i)) continue;
      out ??= new Set();
      out.add(i);
      const value = numberAt(valid[i], path);
      const reason = `${value} makes the batch total of ${field} ${sum === Infinity ? 'overflow (not a finite number)' : `${sum}`}, more than ${LIMITS.total}`;
      rejected.push(rejection(kind, at[i], idOf(valid[i]), [{ field, reason, rule: { code: 'total', value, field, total: sum, limit: LIMITS.total } }]));
    }
  }
  if (out === null) return { valid, rejected };
  rejected.sort((a, b) => a.index - b.index);
  return { valid: valid.filter((_, i) => !out!.has(i)), rejected };
}

function problemsOf(issues: readonly z.core.$ZodIssue[], record: unknown, rules?: ValidateOptions['rules']): FieldProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map((k) => (k === PROTO_KEY ? '__proto__' : k));
    const named = { ...issue, path } as z.core.$ZodIssue;
    return { field: path.map(String).join('.'), reason: reasonFor(named, record), ...(rules && { rule: rules(named, at(record, path)) }) };
  });
}

function rejection(kind: RecordKind, index: number, id: string | undefined, problems: FieldProblem[]): Rejection {
  return { kind, index, ...(id !== undefined ? { id } : {}), ...problems[0], problems };
}

// Kept in its own module (no zod), so UIs that only show rejections need not load the schemas.
export { formatRejection } from './format-rejection.js';
