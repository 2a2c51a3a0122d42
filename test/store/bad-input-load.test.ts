// Issue #13 items 5 and 13 through the load path (memory adapter → store): a bad optional rep field
// costs the field, not the rep's book; figures whose total overflows are refused by name, so the
// evaluation stays finite.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { accountsOf, createPlanState, loadStarted, loadSucceeded, planEvaluation } from '../../src/store/index.js';
import { account, rep } from '../helpers/plan-fixture.js';

async function loaded(accounts: unknown[], reps: unknown[]) {
  const adapter = createMemoryAdapter({ accounts, reps });
  const result = await adapter.load();
  return loadSucceeded(loadStarted(createPlanState()), result, await adapter.capabilities());
}

describe('bad input through the load path', () => {
  it('a rep with home.lat 95 keeps its accounts; the rejection names the rep and the field', async () => {
    const s = await loaded(
      [account('a1', 'r1'), account('a2', 'r1'), account('a3', 'r2')],
      [{ ...rep('r1', 'Ana'), home: { lat: 95, lng: 10 } }, rep('r2', 'Ben', { home: { lat: 40, lng: -100 } })],
    );
    assert.deepEqual(s.reps.map((r) => [r.id, r.home ?? null]), [['r1', null], ['r2', { lat: 40, lng: -100 }]]);
    assert.deepEqual(accountsOf(s, 'r1').map((a) => a.id), ['a1', 'a2']);
    const ev = planEvaluation(s);
    assert.equal(ev.unassigned.count, 0);
    assert.deepEqual(ev.unknownOwner.accountIds, []);
    assert.deepEqual(s.rejected.map((r) => [r.kind, r.id, r.field, r.kept]), [['rep', 'r1', 'home.lat', true]]);
  });

  it('potentials of 1e308 are refused by name and the evaluation stays finite', async () => {
    const s = await loaded(
      [account('a1', 'r1', { potential: 1e308 }), account('a2', 'r1'), account('a3', 'r2', { potential: 1e308 }), account('a4', 'r2')],
      [rep('r1', 'Ana'), rep('r2', 'Ben')],
    );
    assert.deepEqual(s.accounts.map((a) => a.id), ['a2', 'a4']);
    assert.deepEqual(s.rejected.map((r) => [r.id, r.field]), [['a1', 'potential'], ['a3', 'potential']]);
    const ev = planEvaluation(s);
    for (const r of Object.values(ev.byRep)) {
      assert.ok(Number.isFinite(r.deviation.potential) && Number.isFinite(r.target.potential), JSON.stringify(r));
    }
    assert.ok(Number.isFinite(ev.balance.potential.maxDeviation));
  });
});
