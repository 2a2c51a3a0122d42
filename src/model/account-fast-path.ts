/**
 * A hand-written check for the common, obviously valid Account record, so validateBatch can skip
 * the zod schema for it (zod allocates a payload and issue list per field: ~10 µs per account).
 * It either returns exactly the object `Account.parse(record)` would (same values, same keys in the
 * same order, defaults applied, fresh arrays and objects) or `undefined` ("not sure"), and then the
 * caller runs the zod schema, which decides and words every rejection. It never rejects anything
 * itself. test/model/account-fast-path.property.test.ts checks both with fast-check: whatever it
 * accepts, zod accepts with a deep-equal result; and on records of the common shape it accepts
 * exactly what zod accepts. Private to validateBatch; keep it in step with ./account.ts.
 */
import type { Account } from './account.js';
import { LIMITS } from './limits.js';

const ISO_DATE_MAX = 64;
const MAX_REGIONS = 64;

type Out = Record<string, unknown>;

const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= LIMITS.id;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isLabel = (v: unknown): v is string => typeof v === 'string' && v.length <= LIMITS.label;
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && v.length <= ISO_DATE_MAX && !Number.isNaN(Date.parse(v));

/**
 * Reads optional key `key`: MISSING when absent, the value otherwise; BAIL when present but
 * `undefined` (zod keeps such a key; not worth copying here).
 */
const MISSING = Symbol('missing');
const BAIL = Symbol('bail');
function optional(r: Out, key: string): unknown {
  const v = r[key];
  if (v !== undefined) return v;
  return key in r ? BAIL : MISSING;
}

function copyRegions(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_REGIONS) return undefined;
  const out: string[] = new Array<string>(v.length);
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (!isLabel(s)) return undefined;
    out[i] = s;
  }
  return out;
}

function copyFields(v: unknown): Out | undefined {
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const keys = Object.keys(v);
  // Only plain string keys, all enumerable (no symbols, no hidden ones), none named __proto__.
  if (keys.length !== Reflect.ownKeys(v).length) return undefined;
  const out: Out = Object.create(null); // as the schema's ownRecord gives
  for (const k of keys) {
    if (k.length > LIMITS.label || k === '__proto__') return undefined;
    const x = (v as Out)[k];
    if (typeof x === 'string' ? x.length > LIMITS.text : !(x === null || typeof x === 'boolean' || isFiniteNumber(x))) return undefined;
    out[k] = x;
  }
  return out;
}

/**
 * The parsed Account when `record` is an obviously valid account of the common shape, else undefined.
 *
 * @param record an incoming record (any value).
 * @returns what `Account.parse(record)` returns, or undefined when the zod schema must decide.
 * @example
 * fastAccount({ id: 'a1', name: 'Acme', lat: 1, lng: 2, potential: 5, ownerId: null });
 * // → { id: 'a1', name: 'Acme', lat: 1, lng: 2, potential: 5, workload: 1, ownerId: null }
 */
export function fastAccount(record: unknown): Account | undefined {
  if (record === null || typeof record !== 'object' || Object.getPrototypeOf(record) !== Object.prototype) return undefined;
  const r = record as Out;
  const { id, name, lat, lng, potential, ownerId } = r;
  if (!isId(id) || typeof name !== 'string' || name.length > LIMITS.name) return undefined;
  if (lat === null ? lng !== null : !(isFiniteNumber(lat) && lat >= -90 && lat <= 90 && isFiniteNumber(lng) && lng >= -180 && lng <= 180)) return undefined;
  if (!isNonNegative(potential) || !(ownerId === null || isId(ownerId))) return undefined;
  if (optional(r, 'performance') !== MISSING) return undefined;

  const out: Out = { id, name, lat, lng };
  const industry = optional(r, 'industry');
  if (industry !== MISSING) {
    if (!(industry === null || isLabel(industry))) return undefined;
    out.industry = industry;
  }
  const employees = optional(r, 'employees');
  if (employees !== MISSING) {
    if (!(employees === null || (Number.isSafeInteger(employees) && (employees as number) >= 0))) return undefined;
    out.employees = employees;
  }
  const annualRevenue = optional(r, 'annualRevenue');
  if (annualRevenue !== MISSING) {
    if (!(annualRevenue === null || isNonNegative(annualRevenue))) return undefined;
    out.annualRevenue = annualRevenue;
  }
  out.potential = potential;
  const workload = optional(r, 'workload');
  if (workload === MISSING) out.workload = 1;
  else if (isNonNegative(workload)) out.workload = workload;
  else return undefined;
  out.ownerId = ownerId;
  const territoryId = optional(r, 'territoryId');
  if (territoryId !== MISSING) {
    if (!(territoryId === null || isId(territoryId))) return undefined;
    out.territoryId = territoryId;
  }
  const locked = optional(r, 'locked');
  if (locked !== MISSING) {
    if (typeof locked !== 'boolean') return undefined;
    out.locked = locked;
  }
  const regions = optional(r, 'regions');
  if (regions !== MISSING) {
    const copy = copyRegions(regions);
    if (copy === undefined) return undefined;
    out.regions = copy;
  }
  const lastModified = optional(r, 'lastModified');
  if (lastModified !== MISSING) {
    if (!isIsoDate(lastModified)) return undefined;
    out.lastModified = lastModified;
  }
  const fields = optional(r, 'fields');
  if (fields !== MISSING) {
    const copy = copyFields(fields);
    if (copy === undefined) return undefined;
    out.fields = copy;
  }
  return out as Account;
}
