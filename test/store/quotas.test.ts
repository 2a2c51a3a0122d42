import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyQuotas,
  assign,
  createPlanState,
  loadStarted,
  loadSucceeded,
  parseStoredPlan,
  pendingQuotaChanges,
  quotaInForce,
  quotasWritten,
  redo,
  restoreWorkingPlan,
  serialiseWorkingPlan,
  storedPlanDiffers,
  undo,
} from '../../src/store/index.js';
import { smallLoad } from '../helpers/plan-fixture.js';

const load = (role: 'admin' | 'rep' = 'admin') => loadSucceeded(loadStarted(createPlanState({ role, repId: role === 'rep' ? 'r1' : null })), smallLoad(), null);

describe('quotas in the plan', () => {
  it('applying a period is one undoable step, and undo/redo bring the quotas back and forth', () => {
    const s0 = assign(load(), ['a1'], 'r2');
    const s1 = applyQuotas(s0, '2027-01-01', [{ repId: 'r1', amount: 600, locked: true }, { repId: 'r2', amount: 400 }]);
    assert.equal(s1.past.length, s0.past.length + 1);
    assert.equal(s1.past.at(-1)!.label, 'Set 2 quotas for 2027-01-01');
    assert.deepEqual(s1.quotas, [{ repId: 'r1', period: '2027-01-01', amount: 600, locked: true }, { repId: 'r2', period: '2027-01-01', amount: 400 }]);
    assert.equal(s1.working, s0.working);
    const u = undo(s1);
    assert.deepEqual(u.quotas, []);
    assert.equal(u.working, s0.working);
    assert.deepEqual(redo(u).quotas, s1.quotas);
    // an assignment undo leaves the quotas alone
    const s2 = assign(s1, ['a2'], 'r2');
    assert.notEqual(s2, s1);
    assert.deepEqual(undo(s2).quotas, s1.quotas);
  });

  it('replaces only the same period; the same quotas again change nothing', () => {
    const s1 = applyQuotas(load(), '2027-01-01', [{ repId: 'r1', amount: 600 }]);
    const s2 = applyQuotas(s1, '2027-04-01', [{ repId: 'r1', amount: 700 }]);
    const s3 = applyQuotas(s2, '2027-01-01', [{ repId: 'r1', amount: 650 }]);
    assert.deepEqual(s3.quotas!.map((q) => [q.period, q.amount]), [['2027-01-01', 650], ['2027-04-01', 700]]);
    assert.equal(applyQuotas(s3, '2027-01-01', [{ repId: 'r1', amount: 650 }]), s3);
  });

  it('refuses the rep role and names bad input', () => {
    const r = load('rep');
    assert.equal(applyQuotas(r, '2027-01-01', [{ repId: 'r1', amount: 1 }]), r);
    assert.throws(() => applyQuotas(load(), '2027-01-01', [{ repId: 'zz', amount: 1 }]), /unknown rep id "zz"/);
    assert.throws(() => applyQuotas(load(), '2027-01-01', [{ repId: 'r1', amount: 1.5 }]), /rep "r1": amount must be a whole number/);
    assert.throws(() => applyQuotas(load(), 'Q1', [{ repId: 'r1', amount: 1 }]), /period must be/);
    assert.throws(() => applyQuotas(load(), '2027-01-01', [{ repId: 'r1', amount: 1 }, { repId: 'r1', amount: 2 }]), /listed twice/);
  });

  it('the quota in force is the latest plan period started by the date, else the CRM quota', () => {
    let s = applyQuotas(load(), '2027-01-01', [{ repId: 'r1', amount: 600 }]);
    s = applyQuotas(s, '2027-04-01', [{ repId: 'r1', amount: 700 }]);
    assert.deepEqual(quotaInForce(s, 'r1', '2027-02-14'), { amount: 600, period: '2027-01-01', source: 'plan', locked: false });
    assert.deepEqual(quotaInForce(s, 'r1', '2027-04-01T09:00:00Z'), { amount: 700, period: '2027-04-01', source: 'plan', locked: false });
    assert.deepEqual(quotaInForce(s, 'r1', '2026-12-31'), { amount: 500, period: null, source: 'crm', locked: false });
    assert.deepEqual(quotaInForce(s, 'r2', '2027-02-14'), { amount: 400, period: null, source: 'crm', locked: false });
    assert.equal(quotaInForce(s, 'nobody', '2027-02-14'), null);
  });

  it('pending changes are measured against the written base', () => {
    const s = applyQuotas(load(), '2027-01-01', [{ repId: 'r1', amount: 600 }, { repId: 'r2', amount: 400 }]);
    assert.equal(pendingQuotaChanges(s).length, 2);
    const w = quotasWritten(s);
    assert.deepEqual(pendingQuotaChanges(w), []);
    const e = applyQuotas(w, '2027-01-01', [{ repId: 'r1', amount: 650 }]);
    assert.deepEqual(pendingQuotaChanges(e), [
      { repId: 'r1', period: '2027-01-01', from: 600, to: 650 },
      { repId: 'r2', period: '2027-01-01', from: 400, to: null },
    ]);
  });

  it('unsaved quotas survive a reload: stored, parsed back and restored in one step', () => {
    const s = applyQuotas(load(), '2027-01-01', [{ repId: 'r1', amount: 600, locked: true }]);
    const text = serialiseWorkingPlan(s, 'test:1')!;
    assert.ok(text, 'quotas alone are worth storing');
    const parsed = parseStoredPlan(text, 'test:1');
    assert.ok(parsed.plan);
    assert.deepEqual(parsed.plan.quotas, s.quotas);
    assert.equal(storedPlanDiffers(load(), parsed.plan), true);
    const restored = restoreWorkingPlan(load(), parsed.plan);
    assert.deepEqual(restored.state.quotas, s.quotas);
    assert.equal(restored.quotas, 1);
    assert.deepEqual(undo(restored.state).quotas, []);
    // a corrupt quota is dropped and counted
    const bad = JSON.parse(text);
    bad.quotas.push({ repId: 'r2', period: '2027-01-01', amount: -5 });
    const reparsed = parseStoredPlan(JSON.stringify(bad), 'test:1');
    assert.ok(reparsed.plan);
    assert.equal(reparsed.dropped, 1);
    assert.equal(reparsed.plan.quotas!.length, 1);
  });
});
