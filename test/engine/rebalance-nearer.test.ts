import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { haversineKm } from '../../src/engine/geo.js';
import { rebalance, type RebalanceResult } from '../../src/engine/rebalance.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';
import { createRandom } from '../../src/data/random.js';

// Issue #14: no cross-country move when a nearer rep can take the account (orphans included), and a
// long move that stays says why (rebalance/nearer-receivers.ts, run after the search).

const rep = (id: string, lat: number, lng: number): Rep => ({ id, name: `Rep ${id}`, home: { lat, lng }, capacity: 1, skills: [], active: true });
const REPS = [rep('ny', 40.7, -74), rep('bos', 42.4, -71.1), rep('sf', 37.8, -122.4), rep('la', 34.05, -118.25)];

/** counts[j] accounts around rep j's home (equal workload and potential), then `orphans` unassigned accounts in New York. */
function coasts(counts: number[], orphans: number): { accounts: Account[]; reps: Rep[]; current: Assignments } {
  const rng = createRandom(3);
  const accounts: Account[] = [];
  const current: Assignments = {};
  let q = 0;
  const add = (j: number, owner: string | null): void => {
    const id = `a${String(q++).padStart(3, '0')}`;
    const h = REPS[j].home!;
    accounts.push({ id, name: id, lat: h.lat + rng.normal() * 0.15, lng: h.lng + rng.normal() * 0.15, potential: 1000, workload: 1, ownerId: owner });
    current[id] = owner;
  };
  counts.forEach((c, j) => {
    for (let i = 0; i < c; i++) add(j, REPS[j].id);
  });
  for (let i = 0; i < orphans; i++) add(0, null);
  return { accounts, reps: REPS, current };
}

function kmOf(input: ReturnType<typeof coasts>, result: RebalanceResult): Map<string, number> {
  const byId = new Map(input.accounts.map((a) => [a.id, a]));
  const repOf = new Map(input.reps.map((r) => [r.id, r]));
  return new Map(result.moves.map((m) => [m.accountId, haversineKm(byId.get(m.accountId)!.lat!, byId.get(m.accountId)!.lng!, repOf.get(m.to)!.home!.lat, repOf.get(m.to)!.home!.lng)]));
}

describe('rebalance: no cross-country move when a nearer rep can take the account', () => {
  it('places the orphans in the east when the east has room, with no more moves', async () => {
    // San Francisco is short; Los Angeles has enough to spare. The search used to send an orphan from
    // New York to San Francisco (moving an account that already moves costs no move).
    const input = coasts([29, 30, 25, 34], 4);
    const result = await rebalance(input);
    assert.equal(result.status, 'balanced');
    assert.ok(result.moves.length <= 8, `${result.moves.length} moves`);
    for (const m of result.moves) if (m.from === null) assert.ok(m.to === 'ny' || m.to === 'bos', `${m.accountId} → ${m.to}`);
  });

  it('gives an account to a nearer rep and lets a nearby orphan fill in, instead of crossing the country', async () => {
    // Boston needs one more than the orphans in New York give it; Los Angeles has a surplus. The
    // search used to send a Los Angeles account 4,100 km to Boston.
    const input = coasts([27, 27, 24, 36], 4);
    const result = await rebalance(input);
    assert.equal(result.status, 'balanced');
    assert.ok(result.moves.length <= 10, `${result.moves.length} moves`);
    for (const [id, km] of kmOf(input, result)) assert.ok(km < 1000, `${id}: ${Math.round(km)} km`);
  });

  it('says why a long move stays: the nearer rep that had room and the rep that needed the account', async () => {
    // San Francisco needs one account more than Los Angeles can spare: one orphan has to cross
    const input = coasts([29, 30, 25, 32], 3);
    const result = await rebalance(input);
    assert.equal(result.status, 'balanced');
    const km = kmOf(input, result);
    const far = result.moves.filter((m) => km.get(m.accountId)! > 3000);
    assert.equal(far.length, 1);
    assert.equal(far[0].from, null);
    assert.match(far[0].reason, /nearer Rep (bos|ny) \(\d+ km away\) had room, but Rep sf needed the account to reach its target/);
    assert.doesNotMatch(far[0].reason, /nearest rep with room/);
    // Los Angeles → San Francisco (≈ 530 km): no rep nearer than San Francisco (other than the one it left) had room
    for (const m of result.moves) if (m.from === 'la') assert.match(m.reason, /no nearer rep had room for it$/);
  });

  it('with a move budget used up, puts orphans with the nearest rep that has room', async () => {
    // 4 moves allowed, 4 orphans in New York: Boston has room for two; they used to all go to San Francisco
    const input = coasts([30, 26, 20, 30], 4);
    const result = await rebalance(input, { maxMoves: 4 });
    assert.equal(result.status, 'budget-exhausted');
    assert.equal(result.moves.filter((m) => m.to === 'bos').length, 2);
    for (const m of result.moves) {
      if (m.to === 'sf') assert.match(m.reason, /no nearer rep had room for it$/);
      assert.doesNotMatch(m.reason, /sf \(\d+ km away\) is the nearest rep with room/);
    }
  });
});
