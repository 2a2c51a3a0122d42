import { expect } from '@open-wc/testing';
import { rebalance, runRebalance } from '../../src/index.js';
import type { Account, Assignments, Rep } from '../../src/index.js';
import { spyOnWorkers } from '../helpers/worker-spy.js';

/** 600 accounts over 6 reps, two thirds of them on the first two reps (deterministic). */
function skewedPlan(): { accounts: Account[]; reps: Rep[]; current: Assignments } {
  const reps: Rep[] = Array.from({ length: 6 }, (_, j) => ({
    id: `r${j}`,
    name: `Rep ${j}`,
    home: { lat: 35 + j, lng: -100 + j },
    capacity: 1,
    skills: [],
    active: true,
  }));
  const accounts: Account[] = [];
  const current: Assignments = {};
  for (let i = 0; i < 600; i++) {
    const j = i % 3 === 0 ? i % 6 : i % 2;
    accounts.push({
      id: `a${i}`,
      name: `Account ${i}`,
      lat: 35 + j + ((i * 7) % 10) / 20,
      lng: -100 + j + ((i * 13) % 10) / 20,
      potential: 500 + ((i * 37) % 1000),
      workload: 1 + (i % 3),
      ownerId: `r${j}`,
    });
    current[`a${i}`] = `r${j}`;
  }
  return { accounts, reps, current };
}

describe('runRebalance in the browser', () => {
  // what real module workers send back, to prove the work ran in one
  let spy: ReturnType<typeof spyOnWorkers>;
  before(() => {
    spy = spyOnWorkers();
  });
  after(() => spy.restore());

  it('runs in a module Worker, reports progress, and matches the main-thread result', async () => {
    const input = skewedPlan();
    spy.messages.length = 0;
    const fractions: number[] = [];
    const viaWorker = await runRebalance(input, { onProgress: (p) => fractions.push(p.fraction) });
    expect(spy.messages.length).to.be.greaterThan(0);
    expect(fractions.length).to.be.greaterThan(0);
    const local = await rebalance(input);
    expect(viaWorker.assignments).to.deep.equal(local.assignments);
    expect(viaWorker.status).to.equal('balanced');
  });

  it('rejects with an AbortError when aborted', async () => {
    const controller = new AbortController();
    const run = runRebalance(skewedPlan(), { signal: controller.signal });
    controller.abort();
    let error: unknown = null;
    try {
      await run;
    } catch (e) {
      error = e;
    }
    expect((error as Error | null)?.name).to.equal('AbortError');
  });

  it("runs on the main thread with worker: 'never'", async () => {
    spy.messages.length = 0;
    const result = await runRebalance(skewedPlan(), { worker: 'never' });
    expect(spy.messages.length).to.equal(0);
    expect(result.moves.length).to.be.greaterThan(0);
  });
});
