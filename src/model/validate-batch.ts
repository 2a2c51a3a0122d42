import * as z from 'zod/mini';
import { Account } from './account.js';
import { fastAccount } from './account-fast-path.js';
import { Rep } from './rep.js';
import { Territory } from './territory.js';
import { AssignmentChange, Plan } from './plan.js';
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

/** One problem with one field of a record. */
export interface FieldProblem {
  /** Dotted path to the field, e.g. `lat` or `definition.geometry.coordinates.0`; `''` for the record. */
  field: string;
  /** A readable reason. */
  reason: string;
}

/** A record that failed validation; the batch goes on without it. */
export interface Rejection extends FieldProblem {
  kind: RecordKind;
  /** Position of the record in the incoming batch. */
  index: number;
  /** The record's id when it had a usable one. */
  id?: string;
  /** Every problem found; `field`/`reason` repeat the first. */
  problems: FieldProblem[];
}

export interface BatchResult<T> {
  valid: T[];
  rejected: Rejection[];
}

const MAX_SHOWN = 40;

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
 * later occurrences (except for `change` records, which may repeat an account).
 *
 * @example
 * const { valid, rejected } = validateBatch('account', rows);
 * // rejected[0] → { kind: 'account', index: 3, id: '001…', field: 'lat', reason: 'expected number, got the string "41.2"', … }
 */
export function validateBatch<K extends RecordKind>(kind: K, records: readonly unknown[]): BatchResult<OutputOf<K>> {
  const schema = SCHEMAS[kind] as unknown as z.ZodMiniType<OutputOf<K>>;
  const valid: OutputOf<K>[] = [];
  const rejected: Rejection[] = [];
  const checkIds = kind !== 'change';
  const fastPath = kind === 'account';
  const firstIndex = new Map<string, number>();
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
        rejected.push(rejection(kind, index, idOf(record), problemsOf(result.error.issues, record)));
        continue;
      }
      data = result.data;
    }
    if (checkIds) {
      const id = idOf(record);
      if (id !== undefined) {
        const seen = firstIndex.get(id);
        if (seen !== undefined) {
          rejected.push(rejection(kind, index, id, [{ field: 'id', reason: `duplicate id: already used by the record at position ${seen}` }]));
          continue;
        }
        firstIndex.set(id, index);
      }
    }
    valid.push(data);
  }
  return { valid, rejected };
}

function problemsOf(issues: readonly z.core.$ZodIssue[], record: unknown): FieldProblem[] {
  return issues.map((issue) => ({ field: issue.path.map(String).join('.'), reason: reasonFor(issue, record) }));
}

function rejection(kind: RecordKind, index: number, id: string | undefined, problems: FieldProblem[]): Rejection {
  return { kind, index, ...(id !== undefined ? { id } : {}), ...problems[0], problems };
}

// Kept in its own module (no zod), so UIs that only show rejections need not load the schemas.
export { formatRejection } from './format-rejection.js';
