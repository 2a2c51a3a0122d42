import { retry, type RetryOptions } from '../shared/retry.js';
import { isRetryableStatus, joinUrl, requestJson, type HttpResult, type Transport } from '../shared/http.js';
import type { SaidParam } from '../crm-adapter.js';
import { say } from '../texts/adapter.js';
import { carried } from '../texts/said.js';

/** The error code and message of a contract error body `{ error: { code, message } }`. */
export function restError(result: Exclude<HttpResult, { kind: 'ok' }>): { code: string; message: string; status?: number; key?: string; params?: Record<string, SaidParam> } {
  if (result.kind === 'aborted') return { code: 'ABORTED', ...say('net.aborted') };
  if (result.kind === 'network') return { code: 'NETWORK', ...carried(result) };
  const error = (result.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' && error.code !== '' ? error.code : result.status === 429 ? 'RATE_LIMITED' : `HTTP_${result.status}`;
  const message = typeof error?.message === 'string' ? error.message : say('net.server-http', { status: result.status });
  return { code, ...say('net.http', { status: result.status, detail: message }), status: result.status };
}

/** Sends contract requests; GETs are retried (429 with Retry-After, 5xx, network), bounded. */
export class RestClient {
  requests = 0;
  constructor(
    private readonly transport: Transport,
    private readonly baseUrl: string,
    private readonly retryOptions: RetryOptions,
    /** Longest wait for one answer, in ms. */
    private readonly timeoutMs?: number,
  ) {}

  once(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<HttpResult> {
    this.requests++;
    return requestJson(this.transport, joinUrl(this.baseUrl, path), { method, ...(body !== undefined ? { body } : {}), ...(signal ? { signal } : {}), ...(this.timeoutMs !== undefined ? { timeoutMs: this.timeoutMs } : {}) });
  }

  /** A request safe to repeat: retried until done, out of retries or past the deadline. */
  async repeatable(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<HttpResult> {
    try {
      const { value } = await retry<HttpResult>(async () => {
        const r = await this.once(method, path, body, signal);
        if (r.kind === 'ok' || r.kind === 'aborted' || (r.kind === 'http' && !isRetryableStatus(r.status))) return { done: true, value: r };
        return { done: false, value: r, ...(r.kind === 'http' && r.retryAfterMs !== undefined ? { retryAfterMs: r.retryAfterMs } : {}) };
      }, { ...this.retryOptions, ...(signal ? { signal } : {}) });
      return value;
    } catch (error) {
      if (signal?.aborted) return { kind: 'aborted', message: 'aborted' };
      throw error;
    }
  }
}
