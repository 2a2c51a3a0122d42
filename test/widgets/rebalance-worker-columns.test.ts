import { expect } from '@open-wc/testing';
import { rebalance, runRebalance } from '../../src/index.js';
import type { Account, Assignments, Rep } from '../../src/index.js';
import { spyOnWorkers } from '../helpers/worker-spy.js';

/** 3,000 accounts over 8 reps, skewed, with orphans, unknown owners, missing workloads and coordinates. */
function plan(): { accounts: Account[]; reps: Rep[]; current: Assignments } {
  const reps: Rep[] = Array.from({ length: 8 }, (_, j) => ({
    id: `r${j}`,
    name: `Rep ${j}`,
    home: { lat: 35 + (j % 4), lng: -100 + Math.floor(j / 4) * 2 },
    capacity: 1,
    skills: [],
    active: j !== 7,
  }));
  const accounts: Account[] = [];
  const current: Assignments = {};
  for (let i = 0; i < 3000; i++) {
    const j = i % 3 === 0 ? i % 8 : i % 3;
    accounts.push({
      id: `a${i}`,
      name: i % 11 === 0 ? `Café ${i} 😀` : `Account ${i}`,
      lat: i % 40 === 0 ? null : 35 + (j % 4) + ((i * 7) % 10) / 20,
      lng: i % 40 === 0 ? null : -100 + Math.floor(j / 4) * 2 + ((i * 13) % 10) / 20,
      potential: 500 + ((i * 37) % 1000),
      workload: i % 9 === 0 ? (undefined as unknown as number) : 1 + (i % 3),
      ownerId: null,
    });
    if (i % 50 === 0) continue;
    current[`a${i}`] = i % 77 === 0 ? 'gone' : `r${j}`;
  }
  return { accounts, reps, current };
}

describe('runRebalance Worker path (typed-array columns)', () => {
  // the result messages real module workers send, to prove the work ran in one
  let spy: ReturnType<typeof spyOnWorkers>;
  const results = () => spy.messages.filter((d) => (d as { type?: string }).type === 'result').length;
  before(() => {
    spy = spyOnWorkers();
  });
  after(() => spy.restore());

  it('returns exactly the result of the main-thread rebalance', async () => {
    const input = plan();
    spy.messages.length = 0;
    const viaWorker = await runRebalance(input, { maxMoves: 400 });
    expect(results()).to.equal(1);
    const local = await rebalance(input, { maxMoves: 400 });
    expect(viaWorker).to.deep.equal(local);
    expect(JSON.stringify(viaWorker)).to.equal(JSON.stringify(local));
    expect(viaWorker.moves.length).to.be.greaterThan(0);
  });

  it('reports the same error as rebalance for input the columns cannot hold', async () => {
    const input = plan();
    const accounts = input.accounts.map((a, i) => (i === 5 ? { ...a, potential: undefined as unknown as number } : a));
    const message = async (run: Promise<unknown>): Promise<string> => {
      try {
        await run;
        return 'resolved';
      } catch (e) {
        return (e as Error).message;
      }
    };
    const viaWorker = await message(runRebalance({ ...input, accounts }));
    expect(viaWorker).to.equal(await message(rebalance({ ...input, accounts })));
    expect(viaWorker).to.contain('account "a5": potential');
  });
});
