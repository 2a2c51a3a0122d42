import type { FieldProblem } from '../../model/validate-batch.js';
import type { HubSpotPropertyMap } from './options.js';

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** A property value as a string, or null when empty/absent. Non-strings (numbers from proxies) are stringified. */
function text(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  const s = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : null;
  if (s === null) return null;
  return s.trim() === '' ? null : s;
}

/** An ISO date from a datetime property (ISO string, or epoch milliseconds as a string). */
function isoDate(raw: string): string {
  if (/^\d{10,}$/.test(raw)) return new Date(Number(raw)).toISOString();
  return raw;
}

export interface ParsedCompany {
  /** The account candidate (still to be checked by the Account schema), when every property parsed. */
  account?: Record<string, unknown>;
  problems: FieldProblem[];
}

/**
 * Turns one HubSpot company into an account candidate. Property values are strings: numbers are
 * parsed strictly (`"12.5"`, `"-3e2"`; not `"abc"`, `"0x10"`, `"1,000"`), empty strings become null.
 * Problems name the account field (`lat`) and, in the reason, the HubSpot property (`latitude`).
 *
 * @param company The raw record from the list answer (not trusted).
 * @param props The property map.
 * @returns The candidate, or the problems found.
 * @example
 * parseCompany({ id: '1', properties: { name: 'Acme', latitude: '41.2', longitude: '' } }, map)
 * // → { account: { id: '1', name: 'Acme', lat: 41.2, lng: null, … }, problems: [] }
 */
export function parseCompany(company: unknown, props: HubSpotPropertyMap, lockProperty?: string): ParsedCompany {
  if (company === null || typeof company !== 'object' || Array.isArray(company)) {
    return { problems: [{ field: '', reason: 'expected a company object' }] };
  }
  const c = company as { id?: unknown; properties?: unknown; updatedAt?: unknown };
  const id = typeof c.id === 'string' || typeof c.id === 'number' ? String(c.id) : '';
  if (id === '') return { problems: [{ field: 'id', reason: 'is required (expected the HubSpot record id)' }] };
  if (c.properties === null || typeof c.properties !== 'object' || Array.isArray(c.properties)) {
    return { problems: [{ field: 'properties', reason: 'expected an object of property values' }] };
  }
  const p = c.properties as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const num = (prop: string | null, field: string): number | null => {
    if (prop === null) return null;
    const raw = text(p[prop]);
    if (raw === null) return null;
    const trimmed = raw.trim();
    const value = NUMBER.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!Number.isFinite(value)) {
      problems.push({ field, reason: `expected a number, got the string ${shown(raw)} (HubSpot property ${prop})` });
      return null;
    }
    return value;
  };
  const str = (prop: string | null) => (prop === null ? null : text(p[prop]));

  const lat = num(props.lat, 'lat');
  const lng = num(props.lng, 'lng');
  const potential = num(props.potential, 'potential');
  const workload = num(props.workload, 'workload');
  const employees = num(props.employees, 'employees');
  const annualRevenue = num(props.annualRevenue, 'annualRevenue');
  if (problems.length > 0) return { problems };

  const modified = str(props.lastModified) ?? (typeof c.updatedAt === 'string' ? c.updatedAt : null);
  const account: Record<string, unknown> = {
    id,
    name: str(props.name) ?? '',
    lat,
    lng,
    potential: potential ?? 0,
    ownerId: str(props.owner),
  };
  if (workload !== null) account.workload = workload;
  if (props.industry !== null) account.industry = str(props.industry);
  if (props.employees !== null) account.employees = employees;
  if (props.annualRevenue !== null) account.annualRevenue = annualRevenue;
  if (modified !== null) account.lastModified = isoDate(modified);
  // The lock checkbox: 'true'/'false' ('' when never set: not locked). Any other value goes to the
  // schema, which drops `locked` and names it; absent when the property is not defined in the portal.
  if (lockProperty !== undefined && lockProperty in p) {
    const raw = text(p[lockProperty]);
    account.locked = raw === null || raw === 'false' ? false : raw === 'true' ? true : raw;
  }
  if (props.fields.length > 0) account.fields = Object.fromEntries(props.fields.map((f) => [f, str(f)]));
  return { account, problems };
}

/** The HubSpot property behind an account field, for naming it in schema rejections. */
export function propertyFor(field: string, props: HubSpotPropertyMap, lockProperty?: string): string | undefined {
  const top = field.split('.')[0];
  const direct: Record<string, string | null> = {
    name: props.name,
    industry: props.industry,
    lat: props.lat,
    lng: props.lng,
    potential: props.potential,
    workload: props.workload,
    employees: props.employees,
    annualRevenue: props.annualRevenue,
    ownerId: props.owner,
    lastModified: props.lastModified,
    locked: lockProperty ?? null,
  };
  if (top === 'fields') return field.split('.')[1];
  return direct[top] ?? undefined;
}
