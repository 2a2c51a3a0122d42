// The browser-test harness itself (web-test-runner.config.mjs): `@open-wc/testing` imported by a test
// resolves to test/helpers/open-wc-testing.ts, whose `waitUntil` waits 15 s by default, not 1 s.
import { expect, waitUntil } from '@open-wc/testing';
import { waitUntil as openWcWaitUntil } from '@open-wc/testing-helpers';
import { WAIT_UNTIL_TIMEOUT_MS, waitUntil as headroomWaitUntil } from '../helpers/open-wc-testing.js';

describe('browser test harness', () => {
  it('tests get the waitUntil with headroom through their usual @open-wc/testing import', () => {
    expect(waitUntil).to.equal(headroomWaitUntil);
    expect(waitUntil).not.to.equal(openWcWaitUntil);
    expect(WAIT_UNTIL_TIMEOUT_MS).to.equal(15_000);
  });

  it('a given timeout still wins', async () => {
    const started = performance.now();
    let error: unknown;
    await waitUntil(() => false, 'never', { timeout: 30, interval: 5 }).catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('Timeout: never');
    expect(performance.now() - started).to.be.below(WAIT_UNTIL_TIMEOUT_MS);
  });
});
