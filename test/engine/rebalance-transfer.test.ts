import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rebalance } from '../../src/engine/rebalance.js';
import { packedInputTransfer, packInput, unpackInput } from '../../src/engine/rebalance/transfer-input.js';
import { packedResultTransfer, packResult, unpackResult } from '../../src/engine/rebalance/transfer-result.js';
import type { RebalanceInput } from '../../src/engine/rebalance/types.js';
import { runSteps } from '../../src/engine/metrics/steps.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';
import { createRandom } from '../../src/data/random.js';

/**
 * A plan with every case the Worker path's columns must carry: accounts without coordinates, without
 * workload (undefined and null), without a name, locked ones, unassigned ones (null, missing, an
 * inherited key), owners that are unknown or inactive, a locked rep, an id that is an integer
 * string (sorted first in object keys), and ids and names outside ASCII (a lone surrogate too).
 */
function awkwardPlan(n: number, seed: number): RebalanceInput {
  const rng = createRandom(seed);
  const reps: Rep[] = Array.from({ length: 9 }, (_, j) => ({
    id: `r${j}`,
    name: `Rep ${j}`,
    home: j === 3 ? undefined : { lat: 35 + (j % 3) * 2, lng: -100 + Math.floor(j / 3) * 3 },
    capacity: j === 4 ? 1.5 : 1,
    skills: [],
    active: j !== 7,
    locked: j === 8,
  }));
  const accounts: Account[] = [];
  const current: Assignments = {};
  for (let i = 0; i < n; i++) {
    const id = i === 5 ? '12345' : i === 6 ? 'constructor' : i === 8 ? 'é😀\uD800' : `a${i}`;
    const placed = i % 17 !== 0;
    const a: Account = {
      id,
      name: i % 23 === 0 ? (undefined as unknown as string) : i % 19 === 0 ? `Café ${i} 😀 \uDC00` : `Account ${i} <b>"&'`,
      lat: placed ? 35 + rng.normal() * 2 : null,
      lng: placed ? -100 + rng.normal() * 3 : null,
      potential: i % 31 === 0 ? 0 : Math.round(rng.lognormal(1000, 1)),
      workload: i % 13 === 0 ? (undefined as unknown as number) : i % 29 === 0 ? (null as unknown as number) : rng.int(1, 4),
      ownerId: null,
    };
    if (i % 41 === 0) a.locked = true;
    accounts.push(a);
    if (i === 6) continue; // "constructor": inherited key, unassigned
    const roll = rng.int(0, 99);
    if (roll < 3) current[id] = null;
    else if (roll < 5) continue;
    else if (roll < 7) current[id] = 'gone';
    else current[id] = `r${roll < 60 ? rng.int(0, 3) : rng.int(0, 8)}`;
  }
  return { accounts, reps, current };
}

/** Deep equality and the same JSON text (so key order matches too). */
function same(actual: unknown, expected: unknown): void {
  assert.deepStrictEqual(actual, expected);
  assert.equal(JSON.stringify(actual), JSON.stringify(expected));
}

describe('rebalance Worker transfer (columns instead of objects)', () => {
  it('the worker gets an input on which rebalance gives the same result', async () => {
    const input = awkwardPlan(3000, 1);
    const packed = runSteps(packInput(input));
    assert.ok(packed, 'the plan fits the columns');
    // what postMessage does with it: clone the rest, transfer the typed arrays
    const sent = structuredClone(packed, { transfer: packedInputTransfer(packed) });
    assert.equal(packed.potential.length, 0, 'the buffers were transferred, not copied');
    assert.equal(packed.idParts[0].length, 0, 'the ids too');
    const options = { tolerance: 0.04, lockedAccountIds: ['a10'], maxMoves: 400 };
    const viaColumns = await rebalance(unpackInput(sent), options);
    const direct = await rebalance(input, options);
    same(viaColumns, direct);
    assert.ok(direct.moves.length > 0 && direct.metrics.before.unassigned.count > 0 && direct.metrics.before.unknownOwner.accountIds.length > 0);
  });

  it('the page gets back exactly the result rebalance returned', async () => {
    const input = awkwardPlan(2000, 2);
    for (const options of [{}, { maxMoves: 25 }, { metrics: ['count'] as const }]) {
      const result = await rebalance(input, options);
      const packed = packResult(result, input.accounts);
      const received = structuredClone(packed, { transfer: packedResultTransfer(packed) });
      const back = runSteps(unpackResult(received, input.accounts));
      same(back, result);
      // byRep entries are the reps' entries, as in evaluatePlan
      assert.equal(back.metrics.after.byRep.r0, back.metrics.after.reps[0]);
    }
  });

  it('the unpacked input reads as the original for the fields the rebalance uses', () => {
    const input = awkwardPlan(500, 3);
    const back = unpackInput(runSteps(packInput(input))!);
    for (let i = 0; i < input.accounts.length; i++) {
      const a = input.accounts[i];
      const b = back.accounts[i];
      for (const f of ['id', 'name', 'lat', 'lng', 'potential'] as const) assert.equal(b[f], a[f], `${a.id}.${f}`);
      assert.equal(b.workload ?? 1, a.workload ?? 1, `${a.id}.workload`);
      assert.equal(Boolean(b.locked), Boolean(a.locked), `${a.id}.locked`);
      const own = (x: unknown): string | null => (typeof x === 'string' ? x : null);
      assert.equal(own(back.current[a.id]), own(input.current[a.id]), `${a.id} owner`);
    }
  });

  it('refuses input the columns cannot hold exactly (posted as objects instead)', () => {
    const base = awkwardPlan(50, 4);
    const broken = (change: Partial<Account>): RebalanceInput => ({
      ...base,
      accounts: base.accounts.map((a, i) => (i === 7 ? { ...a, ...change } : a)),
    });
    assert.ok(runSteps(packInput(base)));
    assert.equal(runSteps(packInput(broken({ potential: undefined as unknown as number }))), null);
    assert.equal(runSteps(packInput(broken({ lat: Number.NaN }))), null);
    assert.equal(runSteps(packInput(broken({ workload: Number.NaN }))), null);
    assert.equal(runSteps(packInput(broken({ id: '__proto__' }))), null);
    assert.equal(runSteps(packInput(broken({ id: 7 as unknown as string }))), null);
  });
});
