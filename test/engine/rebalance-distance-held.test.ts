import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rebalance } from '../../src/engine/rebalance.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';
import { createRandom } from '../../src/data/random.js';

// The distance limit's report (`distanceLimit.accountCount`, the explanation) counts the accounts the
// limit actually left where they are — not every candidate move the search looked at and the limit
// refused (which reported thousands "kept" on the 5,000-account demo where a few hundred were).

const rep = (id: string, lat: number, lng: number): Rep => ({ id, name: `Rep ${id}`, home: { lat, lng }, capacity: 1, skills: [], active: true });
const NY = { lat: 40.7, lng: -74 };
const BOS = { lat: 42.4, lng: -71.1 };
const SF = { lat: 37.8, lng: -122.4 };
const SJ = { lat: 37.3, lng: -121.9 };

/** `counts` accounts around each rep's home (equal workload and potential), plus `orphans` unassigned accounts at `orphanAt`. */
function plan(counts: number[], orphans = 0, orphanAt = NY): { accounts: Account[]; reps: Rep[]; current: Assignments } {
  const rng = createRandom(11);
  const reps = [rep('ny', NY.lat, NY.lng), rep('sf', SF.lat, SF.lng), rep('bos', BOS.lat, BOS.lng), rep('sj', SJ.lat, SJ.lng)].slice(0, counts.length);
  const accounts: Account[] = [];
  const current: Assignments = {};
  let q = 0;
  const add = (at: { lat: number; lng: number }, owner: string | null): void => {
    const id = `a${String(q++).padStart(3, '0')}`;
    accounts.push({ id, name: id, lat: at.lat + rng.normal() * 0.15, lng: at.lng + rng.normal() * 0.15, potential: 1000, workload: 1, ownerId: owner });
    current[id] = owner;
  };
  counts.forEach((c, j) => {
    for (let i = 0; i < c; i++) add(reps[j].home!, reps[j].id);
  });
  for (let i = 0; i < orphans; i++) add(orphanAt, null);
  return { accounts, reps, current };
}

describe('rebalance distance limit: what it reports', () => {
  it('reports nothing held back when the plan balances within reach, though far candidates were refused', async () => {
    // New York 36, Boston 24, San Francisco 24, San Jose 36 (target 30): New York → Boston and San
    // Jose → San Francisco balance it; New York → San Francisco is looked at (and refused by the
    // limit) but never needed
    const input = plan([36, 24, 24, 36]);
    const result = await rebalance(input, { maxDistanceKm: 500 });
    assert.equal(result.status, 'balanced');
    assert.ok(result.distanceLimit);
    assert.equal(result.distanceLimit.accountCount, 0);
    assert.equal(result.distanceLimit.binds, false);
    assert.deepEqual(result.distanceLimit.accountIds, []);
    assert.doesNotMatch(result.explanation, /distance limit kept/);
  });

  it('counts exactly the orphans with no rep within reach', async () => {
    // balanced reps; 4 orphans in London, 5,000 km from every rep
    const input = plan([30, 30, 30], 4, { lat: 51.5, lng: -0.1 });
    const result = await rebalance(input, { maxDistanceKm: 1000 });
    assert.deepEqual(result.unplacedAccountIds, ['a090', 'a091', 'a092', 'a093']);
    assert.ok(result.distanceLimit);
    assert.equal(result.distanceLimit.accountCount, 4);
    assert.deepEqual(result.distanceLimit.accountIds, ['a090', 'a091', 'a092', 'a093']);
    assert.match(result.explanation, /The distance limit kept 4 accounts from going to a rep further away than allowed/);
  });

  it('counts the accounts an unreachable rep still needs, not every account that could have gone', async () => {
    // the east holds 70 accounts for two reps (target 30 each of 90): San Francisco is 10 short and
    // only accounts 4,000 km away could fill it. About 10 are held back by the limit, not the 70.
    const input = plan([45, 20, 25]);
    const result = await rebalance(input, { maxDistanceKm: 500 });
    assert.notEqual(result.status, 'balanced');
    assert.ok(result.distanceLimit);
    const held = result.distanceLimit.accountCount;
    assert.ok(held >= 5 && held <= 12, `held back ${held}`);
    assert.equal(result.distanceLimit.binds, true);
    // every account reported still has its starting owner, in the east
    for (const id of result.distanceLimit.accountIds) {
      assert.equal(result.assignments[id], input.current[id]);
      assert.notEqual(input.current[id], 'sf');
    }
    // without the limit those moves happen: San Francisco takes about as many as were held back
    const free = await rebalance(input);
    const toSf = free.moves.filter((m) => m.to === 'sf').length;
    assert.ok(Math.abs(toSf - held) <= 3, `held back ${held}, moved to sf without the limit ${toSf}`);
  });
});
