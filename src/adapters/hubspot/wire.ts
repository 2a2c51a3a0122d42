/** HubSpot CRM v3 wire shapes (only the parts the adapter reads) and error helpers. */
import { say } from '../texts/adapter.js';

/** A CRM object as the v3 API returns it: every property value is a string (or null). */
export interface HubSpotObject {
  id: string;
  properties: Record<string, string | null | undefined>;
  createdAt?: string;
  updatedAt?: string;
  archived?: boolean;
}

export interface HubSpotPage<T> {
  results: T[];
  paging?: { next?: { after: string; link?: string } };
}

/** One error entry of a 207 Multi-Status or batch answer. */
export interface HubSpotBatchError {
  status?: string;
  category?: string;
  subCategory?: string;
  message?: string;
  context?: { ids?: string[]; [key: string]: unknown };
}

export interface HubSpotBatchResponse {
  status?: string;
  results?: HubSpotObject[];
  errors?: HubSpotBatchError[];
  numErrors?: number;
}

export interface HubSpotOwner {
  id: string | number;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  userId?: number | null;
  archived?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The error code and message of a HubSpot error body (`{status, message, category, correlationId}`).
 * The code is the category (e.g. `VALIDATION_ERROR`, `RATE_LIMITS`), else `HTTP_<status>`.
 */
export function describeError(status: number, body: unknown): { code: string; message: string } {
  const b = isRecord(body) ? body : {};
  const code = typeof b.category === 'string' && b.category !== '' ? b.category : `HTTP_${status}`;
  let message = typeof b.message === 'string' ? b.message : `HubSpot answered HTTP ${status}`;
  if (typeof b.correlationId === 'string') message += ` (correlationId ${b.correlationId})`;
  return { code, message };
}

/** Reads a page answer defensively; throws a TypeError naming what is wrong. */
export function readPage<T>(body: unknown, what: string): HubSpotPage<T> {
  if (!isRecord(body) || !Array.isArray(body.results)) {
    const said = say('load.no-results', { what });
    throw Object.assign(new TypeError(said.message), { key: said.key, params: said.params });
  }
  const next = isRecord(body.paging) && isRecord(body.paging.next) ? body.paging.next : undefined;
  const after = next && (typeof next.after === 'string' || typeof next.after === 'number') ? String(next.after) : undefined;
  return { results: body.results as T[], ...(after !== undefined ? { paging: { next: { after } } } : {}) };
}

/** Reads a batch answer (200 or 207) defensively. */
export function readBatch(body: unknown): { results: HubSpotObject[]; errors: HubSpotBatchError[] } {
  const b = isRecord(body) ? body : {};
  const results = Array.isArray(b.results) ? (b.results.filter((r) => isRecord(r) && (typeof r.id === 'string' || typeof r.id === 'number')) as HubSpotObject[]) : [];
  const errors = Array.isArray(b.errors) ? (b.errors.filter(isRecord) as HubSpotBatchError[]) : [];
  return { results: results.map((r) => ({ ...r, id: String(r.id), properties: isRecord(r.properties) ? (r.properties as HubSpotObject['properties']) : {} })), errors };
}
