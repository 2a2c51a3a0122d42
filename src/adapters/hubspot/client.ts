import { retry, type RetryOptions } from '../shared/retry.js';
import { isRetryableStatus, joinUrl, requestJson, type HttpResult, type Transport } from '../shared/http.js';

/** Sends a request once; `method`, `path` (CRM v3, with query) and an optional JSON body. */
export interface HubSpotRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  signal?: AbortSignal;
}

/** The HTTP side of the adapter: one-shot requests and idempotent requests with retry. */
export class HubSpotClient {
  /** Requests sent so far (all attempts); handy for benchmarks and logs. */
  requests = 0;
  constructor(
    private readonly transport: Transport,
    private readonly baseUrl: string,
    private readonly retryOptions: RetryOptions,
    /** Longest wait for one answer, in ms. */
    private readonly timeoutMs?: number,
  ) {}

  /** One attempt, never retried (used for writes, whose retry depends on what happened). */
  async once(request: HubSpotRequest): Promise<HttpResult> {
    this.requests++;
    return requestJson(this.transport, joinUrl(this.baseUrl, request.path), { ...request, ...(this.timeoutMs !== undefined ? { timeoutMs: this.timeoutMs } : {}) });
  }

  /**
   * A request that is safe to repeat (reads): retried on 429 (honouring Retry-After), 5xx and network
   * failures with capped, jittered backoff, bounded in count and time. Resolves with the last result;
   * an abort resolves `{ kind: 'aborted' }`.
   */
  async idempotent(request: HubSpotRequest): Promise<HttpResult> {
    try {
      const { value } = await retry<HttpResult>(
        async () => {
          const result = await this.once(request);
          if (result.kind === 'aborted') return { done: true, value: result };
          if (result.kind === 'ok' || (result.kind === 'http' && !isRetryableStatus(result.status))) return { done: true, value: result };
          return { done: false, value: result, ...(result.kind === 'http' && result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}) };
        },
        { ...this.retryOptions, ...(request.signal ? { signal: request.signal } : {}) },
      );
      return value;
    } catch (error) {
      if (request.signal?.aborted) return { kind: 'aborted', message: 'aborted' };
      throw error;
    }
  }
}
