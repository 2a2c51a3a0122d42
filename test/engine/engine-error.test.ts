// Engine errors a user can cause from the UI carry a code and params (EngineError), so the widgets can
// word them; the English message is unchanged. Other errors stay plain Errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError, rebalance, splitQuota, type Account, type Rep } from '../../src/index.js';

const acc = (id: string, potential: number, ownerId: string | null): Account => ({ id, name: id, lat: 40, lng: -100, potential, workload: 1, ownerId });
const rep = (id: string): Rep => ({ id, name: id, capacity: 1, skills: [], active: true, lat: 40, lng: -100 }) as Rep;
const reps = [rep('r1'), rep('r2')];
const accounts = [acc('a1', 600, 'r1'), acc('a2', 300, 'r2')];
const assignments = { a1: 'r1', a2: 'r2' };

const coded = (code: string, params: Record<string, unknown>, message: RegExp) => (e: unknown) => {
  assert.ok(e instanceof EngineError, `an EngineError: ${String(e)}`);
  assert.equal(e.code, code);
  assert.deepEqual(e.params, params);
  assert.match(e.message, message);
  return true;
};

test('splitQuota: a bad target, locked quotas above it, nothing left to split', () => {
  assert.throws(() => splitQuota({ target: -5, reps, accounts, assignments, method: 'potential' }), coded('quota-target', { target: -5 }, /^splitQuota: target must be a whole number ≥ 0 of currency units, got -5$/));
  assert.throws(
    () => splitQuota({ target: 100, reps, accounts, assignments, method: 'potential', locked: { r1: 80, r2: 70 } }),
    coded('quota-locked-over-target', { locked: 150, target: 100 }, /^splitQuota: locked quotas sum to 150, above the target 100$/),
  );
  assert.throws(
    () => splitQuota({ target: 100, reps, accounts, assignments, method: 'potential', locked: { r1: 30, r2: 20 } }),
    coded('quota-no-rep-left', { rest: 50 }, /^splitQuota: 50 of the target is left with no unlocked active rep to take it$/),
  );
  // Not a user's doing: a plain Error.
  assert.throws(() => splitQuota({ target: 1, reps, accounts, assignments, method: 'nope' as 'potential' }), (e: unknown) => !(e instanceof EngineError));
});

test('rebalance: an option out of range names the option and the value', async () => {
  const input = { accounts, reps, current: assignments };
  await assert.rejects(rebalance(input, { tolerance: -0.05 }), coded('rebalance-option', { option: 'tolerance', value: -0.05 }, /^rebalance: tolerance must be/));
  await assert.rejects(rebalance(input, { maxMoves: -1 }), coded('rebalance-option', { option: 'maxMoves', value: -1 }, /^rebalance: maxMoves must be a whole number ≥ 0, got -1$/));
  await assert.rejects(rebalance(input, { maxPotentialMoved: -3 }), coded('rebalance-option', { option: 'maxPotentialMoved', value: -3 }, /maxPotentialMoved/));
  await assert.rejects(rebalance(input, { maxDistanceKm: 0 }), coded('rebalance-option', { option: 'maxDistanceKm', value: 0 }, /maxDistanceKm must be a number > 0/));
  await assert.rejects(rebalance(input, { sliceMs: 0 }), (e: unknown) => !(e instanceof EngineError));
});
