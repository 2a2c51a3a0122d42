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

  constructor(code: EngineErrorCode, message: string, params: Readonly<Record<string, string | number>> = {}) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.params = params;
  }
}
