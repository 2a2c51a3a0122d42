import type { EngineErrorCode } from './types.js';

/**
 * An engine error a user can cause, with a `code` and `params` for the UI to word it; `message` is the
 * English for other callers (unchanged). Other engine errors are plain `Error`s (bad data, programming
 * mistakes) and show their message.
 *
 * @example
 * try { splitQuota(input); } catch (e) { if (e instanceof EngineError && e.code === 'quota-target') … }
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly params: Readonly<Record<string, string | number>>;

  /**
   * Any Error named `EngineError` with a `code` is one: also those rebuilt from a rebalance worker's reply,
   * or made without importing this class (the quota split: a class of its own would be one more chunk).
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'EngineError' && typeof (value as { code?: unknown }).code === 'string';
  }

  constructor(code: EngineErrorCode, message: string, params: Readonly<Record<string, string | number>> = {}) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.params = params;
  }
}
