/**
 * `@open-wc/testing` as the browser tests see it (web-test-runner.config.mjs points their imports of
 * `@open-wc/testing` here): everything unchanged, except that `waitUntil` waits up to
 * WAIT_UNTIL_TIMEOUT_MS by default instead of open-wc's 1 s.
 *
 * Why: `waitUntil` waits for things that take real time in the browser — an on-demand chunk that the
 * test server transforms on first request, a worker, a lazily loaded section. On a busy CI machine
 * (2 cores shared with other jobs) these took more than 1 s and tests failed with "Timeout: …" although
 * nothing was wrong. No test asserts speed with `waitUntil` (speed targets live in benchmarks), so the
 * longer wait changes no assertion; a test that gives its own `timeout` keeps it.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

export * from '@open-wc/testing';

/** The default longest wait of `waitUntil`, in ms (well under the 40 s mocha timeout per test). */
export const WAIT_UNTIL_TIMEOUT_MS = 15_000;

/**
 * open-wc's `waitUntil` with a default timeout of WAIT_UNTIL_TIMEOUT_MS.
 *
 * @example
 * await waitUntil(() => q(panel, '[part~=quota-outcomes]') !== null, 'quota outcomes shown');
 */
export function waitUntil(predicate: () => unknown | Promise<unknown>, message?: string, options: { interval?: number; timeout?: number } = {}): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: WAIT_UNTIL_TIMEOUT_MS, ...options });
}
