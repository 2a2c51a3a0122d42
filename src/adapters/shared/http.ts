/** Small HTTP helpers shared by the fetch-based adapters (HubSpot, REST; Salesforce may use them). */
import { DEFAULT_REQUEST_TIMEOUT_MS, deadlineSignal, raceSignal } from './deadline.js';
import type { SaidParam } from '../crm-adapter.js';
import { say } from '../texts/adapter.js';

/**
 * A fetch-like transport. Developers pass their own (usually pointing at a proxy that holds the
 * credentials), so an adapter never sees a token. `globalThis.fetch` fits.
 */
export type Transport = (url: string, init?: RequestInit) => Promise<Response>;

/** How one HTTP exchange ended, classified for retry decisions. */
export type HttpResult =
  /** 2xx; `body` is the parsed JSON, or null when there was none. */
  | { kind: 'ok'; status: number; body: unknown }
  /** A non-2xx answer; `retryAfterMs` from the Retry-After header when present. */
  | { kind: 'http'; status: number; body: unknown; retryAfterMs?: number }
  /** The request never got an answer (connection refused, reset, bad JSON, timeout: `timedOut`); `key`/`params` when the message is ours (`Said`). */
  | { kind: 'network'; message: string; timedOut?: boolean; key?: string; params?: Record<string, SaidParam> }
  /** The caller's signal aborted the request. */
  | { kind: 'aborted'; message: string };

/**
 * Parses a Retry-After header (delta-seconds or an HTTP date) into milliseconds.
 *
 * @param value The header value, or null.
 * @param now The current time in ms (injectable for tests). Default Date.now().
 * @returns The delay in ms (never negative), or undefined when absent or unreadable.
 * @example
 * parseRetryAfter('2') // → 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')) // → 60000
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** True for statuses worth retrying: 408, 425, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * Sends one request and reads a JSON answer, never throwing: network trouble and aborts come back as
 * results so callers can decide whether a write may have happened.
 *
 * @param transport The fetch-like function.
 * @param url Absolute URL.
 * @param init Method, body (serialised as JSON when an object), signal, and `timeoutMs` (default
 *   30 s): past it the request is abandoned — even when the transport ignores its signal — and the
 *   result is `network` with `timedOut: true`.
 * @returns The classified result.
 * @example
 * const r = await requestJson(fetch, 'https://proxy.example/crm/v3/owners', { method: 'GET', timeoutMs: 10_000 });
 * if (r.kind === 'ok') console.log(r.body);
 */
export async function requestJson(
  transport: Transport,
  url: string,
  init: { method: string; body?: unknown; signal?: AbortSignal; timeoutMs?: number } = { method: 'GET' },
): Promise<HttpResult> {
  const { method, body, signal: callerSignal } = init;
  if (callerSignal?.aborted) return { kind: 'aborted', message: abortMessage(callerSignal) };
  const timeoutMs = init.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const { signal, dispose } = deadlineSignal(timeoutMs, callerSignal, `${method} ${url.replace(/[?#].*$/, '')}`);
  const stopped = (error: unknown): HttpResult => {
    if (callerSignal?.aborted) return { kind: 'aborted', message: abortMessage(callerSignal) };
    if (signal.aborted) return { kind: 'network', ...say('net.no-answer', { ms: timeoutMs }), timedOut: true };
    return { kind: 'network', message: errorMessage(error) };
  };
  try {
    let response: Response;
    try {
      response = await raceSignal(transport(url, {
        method,
        ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
        signal,
      }), signal);
    } catch (error) {
      return stopped(error);
    }
    let text: string;
    try {
      text = await raceSignal(response.text(), signal);
    } catch (error) {
      const r = stopped(error);
      return r.kind === 'network' && !r.timedOut ? { kind: 'network', ...say('net.read-failed', { detail: r.message }) } : r;
    }
    let parsed: unknown = null;
    if (text.trim() !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (response.ok) return { kind: 'network', ...say('net.not-json', { status: response.status }) };
        parsed = { message: text.slice(0, 200) };
      }
    }
    if (response.ok) return { kind: 'ok', status: response.status, body: parsed };
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return { kind: 'http', status: response.status, body: parsed, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  } finally {
    dispose();
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

function abortMessage(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : 'aborted';
}

/** Joins a base URL and a path without doubling or dropping the slash. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
