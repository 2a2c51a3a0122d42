// Issue #14: the rebalance explanation as data (RebalanceResult.explanationParts), for wording in the UI
// language. This test words the parts in English itself, sentence by sentence, and checks that the words
// are the engine's `explanation`, for runs that end in every status (and with the compactness prefix).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rebalance, type ExplanationPart, type ExplanationWorst, type RebalanceOptions } from '../../src/engine/rebalance.js';
import { runSteps } from '../../src/engine/metrics/steps.js';
import { packResult, unpackResult } from '../../src/engine/rebalance/transfer-result.js';
import type { Account } from '../../src/model/account.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';
import { createRandom } from '../../src/data/random.js';

const pct = (d: number) => `${(d * 100).toFixed(1)}%`;
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const worst = (w: ExplanationWorst[]) => w.map((x) => `${x.metric} ${pct(x.deviation)}`).join(', ');
const list = (names: string[], more: number) =>
  more > 0 ? `${names.join(', ')} and ${more} more` : names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
const moved = (n: number, placed: number) =>
  `${count(n, 'account')} moved${placed > 0 ? ` (${placed === n ? (placed === 1 ? 'it' : 'all of them') : placed} had no active owner)` : ''}`;
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

function english(p: ExplanationPart): string {
  switch (p.code) {
    case 'compact-redrawn':
      return `Territories redrawn for compactness (${p.redrawn} accounts placed with one of their nearest reps first).`;
    case 'balanced':
      return `Every active rep is within ±${pct(p.tolerance)} (worst: ${worst(p.worst)}); ${moved(p.moved, p.placed)}.`;
    case 'within':
      return `Every active rep is within ±${pct(p.tolerance)} (worst: ${worst(p.worst)}).`;
    case 'others-within':
      return `Every other rep is within ±${pct(p.tolerance)}.`;
    case 'still-outside':
      return `Still outside ±${pct(p.tolerance)}: ${count(p.reps, 'rep')} (worst: ${worst(p.worst)}).`;
    case 'moved':
      return `${cap(moved(p.moved, p.placed))}.`;
    case 'budget-stopped': {
      const which = [
        p.maxMoves === null ? '' : `the move limit of ${count(p.maxMoves, 'account')}`,
        p.maxPotentialMoved === null ? '' : `the limit on potential moved (${Math.round(p.maxPotentialMoved).toLocaleString('en-US')})`,
      ].filter(Boolean);
      return `Stopped at ${which.join(' and ')}: ${count(p.moved, 'account')} moved.`;
    }
    case 'orphans-first':
      return `Accounts without an active owner are placed first: ${p.placed} of the moves went to them.`;
    case 'unplaced': {
      const note =
        p.locked === 0 ? '' : p.accounts === 1 ? ' (it is locked: unlock it or assign it by hand)' : ` (${p.locked === p.accounts ? 'all' : p.locked} of them locked: unlock them or assign them by hand)`;
      return `${count(p.accounts, 'account')} without an active owner could not be placed${note}.`;
    }
    case 'undone':
      return `${count(p.moves, 'move was', 'moves were')} undone to keep it.`;
    case 'distance-kept':
      return `The distance limit kept ${count(p.accounts, 'account')} from going to a rep further away than allowed${p.orphansOutOfReach ? ' (some orphans have no rep within reach)' : ''}.`;
    case 'allow-more':
      return 'Allow more moves to balance further.';
    case 'no-free-rep':
      return 'No active, unlocked rep can take accounts.';
    case 'no-improving-move':
      return 'No single move or swap improves the balance further.';
    case 'limit-large-account':
      return `${p.account} alone is ${pct(p.share)} of ${p.rep}'s ${p.metric} target, so ${p.rep} cannot be within ±${pct(p.tolerance)}: it keeps the account and ends ${pct(p.reached)} off (the least possible is ${pct(p.bound)}).`;
    case 'limit-locked-accounts':
      return `Locked accounts on ${p.rep} (${list(p.names, p.more)}) hold more ${p.metric} than ${p.rep} may have within ±${pct(p.tolerance)}: ${p.rep} ends ${pct(p.reached)} off (the least possible is ${pct(p.bound)}); unlock some to balance it.`;
    case 'limit-locked-rep':
      return `${p.rep} is locked and ${pct(p.bound)} off its ${p.metric} target; unlock the rep to balance it.`;
    case 'limit-remaining-reps':
      return `What is left for the other ${count(p.reps, 'rep')} is ${pct(p.bound)} off their ${p.metric} targets on average: they end within ${pct(p.reached)}.`;
    case 'limit-large-accounts':
      return `The largest accounts (${list(p.names, p.more)}) cannot be spread so that every rep is within ±${pct(p.tolerance)} on ${p.metric}: two of them must share a rep (the least possible is ${pct(p.bound)}); worst rep ends ${pct(p.reached)} off.`;
  }
}

const rep = (id: string, lat: number, lng: number, extra: Partial<Rep> = {}): Rep => ({ id, name: `Rep ${id}`, home: { lat, lng }, capacity: 1, skills: [], active: true, ...extra });
const account = (id: string, lat: number, lng: number, potential: number, extra: Partial<Account> = {}): Account => ({ id, name: `Account ${id}`, lat, lng, potential, workload: 1, ownerId: null, ...extra });

function instance(n: number, repCount: number, seed: number): { accounts: Account[]; reps: Rep[]; current: Assignments } {
  const rng = createRandom(seed);
  const reps = Array.from({ length: repCount }, (_, j) => rep(`r${j}`, 35 + (j % 4) * 2, -100 + Math.floor(j / 4) * 3));
  const accounts: Account[] = [];
  const current: Assignments = {};
  for (let i = 0; i < n; i++) {
    const home = reps[rng.int(0, repCount - 1)].home!;
    const a = account(`a${i}`, home.lat + rng.normal() * 0.6, home.lng + rng.normal() * 0.6, rng.int(500, 1500), { workload: rng.int(1, 3) });
    accounts.push(a);
    current[a.id] = reps[rng.chance(0.67) ? rng.int(0, Math.floor(repCount / 2) - 1) : rng.int(0, repCount - 1)].id;
  }
  return { accounts, reps, current };
}

type Input = ReturnType<typeof instance>;

async function check(input: Input, options: RebalanceOptions = {}) {
  const result = await rebalance(input, options);
  const parts = result.explanationParts;
  assert.ok(parts && parts.length > 0, `no parts for ${result.explanation}`);
  assert.equal(parts.map(english).join(' '), result.explanation);
  // the worker carries the parts through
  const back = runSteps(unpackResult(structuredClone(packResult(result, input.accounts)), input.accounts));
  assert.deepEqual(back.explanationParts, parts);
  return result;
}

describe('rebalance explanationParts', () => {
  it('balanced, with orphans placed and the distance limit', async () => {
    const input = instance(300, 6, 2);
    const reps = input.reps.map((r) => (r.id === 'r1' ? { ...r, active: false } : r));
    const r = await check({ ...input, reps, current: { ...input.current, a0: null } });
    assert.equal(r.status, 'balanced');
    assert.match(r.explanation, /had no active owner/);
    assert.equal(r.explanationParts![0].code, 'balanced');
    await check(instance(300, 6, 1), { maxDistanceKm: 60 });
  });

  it('budget-exhausted with a move limit and a potential limit', async () => {
    const input = instance(300, 6, 3);
    const reps = input.reps.map((r) => (r.id === 'r0' ? { ...r, active: false } : r));
    const r = await check({ ...input, reps }, { maxMoves: 10 });
    assert.equal(r.status, 'budget-exhausted');
    const codes = r.explanationParts!.map((p) => p.code);
    assert.deepEqual([codes[0], codes[1], codes.at(-1)], ['budget-stopped', 'orphans-first', 'allow-more']);
    assert.ok(codes.includes('unplaced'));
    const b = await check(instance(300, 6, 4), { maxMoves: 5, maxPotentialMoved: 4000 });
    assert.equal(b.status, 'budget-exhausted');
  });

  it('infeasible with locked orphans, a locked rep and locked accounts', async () => {
    const input = instance(300, 6, 3);
    const reps = input.reps.map((r) => (r.id === 'r0' ? { ...r, active: false } : r));
    const onR0 = input.accounts.filter((a) => input.current[a.id] === 'r0');
    const lockedIds = new Set(onR0.slice(0, 2).map((a) => a.id));
    const accounts = input.accounts.map((a) => (lockedIds.has(a.id) ? { ...a, locked: true } : a));
    const r = await check({ ...input, accounts, reps });
    assert.equal(r.status, 'infeasible');
    assert.ok(r.explanationParts!.some((p) => p.code === 'unplaced' && p.locked === 2));
    await check({ ...input, accounts, reps }, { lockedAccountIds: [], maxMoves: 2 });
    // a locked, overloaded rep and locked accounts holding too much
    const skew = instance(300, 6, 5);
    const lockedRep = await check(skew, { lockedRepIds: ['r0'] });
    assert.ok(lockedRep.explanationParts!.some((p) => p.code === 'limit-locked-rep'), lockedRep.explanation);
    const onR1 = skew.accounts.filter((a) => skew.current[a.id] === 'r1').map((a) => a.id);
    const lockedAccounts = await check(skew, { lockedAccountIds: onR1 });
    assert.equal(lockedAccounts.status, 'infeasible');
    assert.ok(lockedAccounts.explanationParts!.some((p) => p.code === 'limit-locked-accounts' && p.more > 0), lockedAccounts.explanation);
    // no rep can take accounts
    const all = await check(skew, { lockedRepIds: skew.reps.map((x) => x.id) });
    assert.equal(all.explanationParts![0].code, 'no-free-rep');
  });

  it('at-lower-bound with one account larger than a fair share', async () => {
    const reps = [rep('a', 40, -100), rep('b', 40, -101), rep('c', 40, -102)];
    const accounts = [account('big', 40, -100, 10_000), ...Array.from({ length: 30 }, (_, i) => account(`s${i}`, 40, -100 - (i % 3), 100))];
    const current = Object.fromEntries(accounts.map((acc, i) => [acc.id, reps[i % 3].id]));
    const r = await check({ accounts, reps, current }, { metrics: ['potential'] });
    assert.equal(r.status, 'at-lower-bound');
    assert.equal(r.explanationParts![0].code, 'limit-large-account');
  });

  it('compactness: the redraw sentence first', async () => {
    const r = await check(instance(300, 6, 6), { objective: 'compactness' });
    assert.equal(r.explanationParts![0].code, 'compact-redrawn');
  });
});
