/**
 * Value coercion for rows from REST JSON (typed) and Bulk 2.0 CSV (all strings, '' for null).
 * Values that do not convert are passed through unchanged so that validation rejects them with a
 * readable reason rather than silently becoming something else.
 */

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function num(v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string' && NUMERIC.test(v.trim())) return Number(v);
  return v;
}

export function str(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  return typeof v === 'string' ? v : String(v);
}

export function bool(v: unknown): unknown {
  if (v === 'true') return true;
  if (v === 'false') return false;
  return v;
}

/** Salesforce datetimes end in `+0000`; ISO 8601 parsers want `+00:00`. */
export function isoDate(v: unknown): string | null {
  const s = str(v);
  return s === null ? null : s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/** Milliseconds of a Salesforce datetime, or NaN. */
export function timeOf(v: unknown): number {
  const s = isoDate(v);
  return s === null ? Number.NaN : Date.parse(s);
}

/** A field value for `Account.fields`: numbers, booleans and strings kept, anything else as text. */
export function fieldValue(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}
