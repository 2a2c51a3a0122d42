import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDemoData, validateBatch, evaluatePlan, formatRejection } from '../../src/index.js';
import { mulberry32 } from '../../src/data/random.js';

const small = generateDemoData({ seed: 11, accounts: 2000, reps: 16 });

describe('generateDemoData', () => {
  test('opportunities match each account: won deals sum to closed won, open deals to pipeline, some closed by another rep', () => {
    const { accounts, reps, opportunities } = small;
    assert.deepEqual(validateBatch('opportunity', opportunities).rejected.map(formatRejection), []);
    const repIds = new Set(reps.map((r) => r.id));
    const won = new Map<string, number>();
    const open = new Map<string, number>();
    let byOther = 0;
    let closed = 0;
    const owner = new Map(accounts.map((a) => [a.id, a.ownerId]));
    for (const o of opportunities) {
      assert.ok(o.ownerId === null || repIds.has(o.ownerId), `${o.id} owner`);
      if (o.stage === 'won') won.set(o.accountId, (won.get(o.accountId) ?? 0) + o.amount);
      if (o.stage === 'open') open.set(o.accountId, (open.get(o.accountId) ?? 0) + o.amount);
      if (o.stage !== 'open') {
        closed++;
        if (o.ownerId !== owner.get(o.accountId)) byOther++;
      }
    }
    for (const a of accounts) {
      assert.equal(won.get(a.id) ?? 0, a.performance!.closedWon, `${a.id} closed won`);
      assert.equal(open.get(a.id) ?? 0, a.performance!.pipeline, `${a.id} pipeline`);
    }
    assert.ok(byOther / closed > 0.08 && byOther / closed < 0.25, `share closed by another rep: ${byOther / closed}`);
  });

  test('the same seed gives identical output, another seed different output', () => {
    assert.deepEqual(generateDemoData({ seed: 11, accounts: 2000, reps: 16 }), small);
    const other = generateDemoData({ seed: 12, accounts: 2000, reps: 16 });
    assert.notDeepEqual(other.accounts.map((a) => a.lat), small.accounts.map((a) => a.lat));
  });

  test('mulberry32 is a fixed sequence (guards cross-platform determinism)', () => {
    // Pinned values: changing the generator silently would change every demo and benchmark data set.
    const next = mulberry32(42);
    assert.deepEqual([next(), next(), next()], [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  test('sizes follow the options and defaults are 5000 accounts and 25 reps', () => {
    assert.equal(small.accounts.length, 2000);
    assert.equal(small.reps.length, 16);
    const d = generateDemoData({ seed: 3 });
    assert.equal(d.accounts.length, 5000);
    assert.equal(d.reps.length, 25);
    assert.equal(new Set(d.accounts.map((a) => a.id)).size, 5000);
    assert.equal(new Set(d.reps.map((r) => r.id)).size, 25);
  });

  test('every generated record passes validateBatch, at several sizes', () => {
    for (const opts of [{ seed: 1, accounts: 0, reps: 1 }, { seed: 2, accounts: 7, reps: 2 }, { seed: 11, accounts: 2000, reps: 16 }]) {
      const d = generateDemoData(opts);
      for (const [kind, rows] of [['account', d.accounts], ['rep', d.reps], ['territory', d.territories]] as const) {
        const { rejected } = validateBatch(kind, rows);
        assert.deepEqual(rejected.map(formatRejection), [], `${kind}s of ${JSON.stringify(opts)}`);
      }
    }
  });

  test('accounts look real: in the US, ten industries, revenue/employees/potential correlated, workload 1–5.5', () => {
    const placed = small.accounts.filter((a) => a.lat !== null);
    assert.ok(placed.every((a) => a.lat! > 23 && a.lat! < 50 && a.lng! > -126 && a.lng! < -66));
    const nearChicago = placed.filter((a) => Math.abs(a.lat! - 41.88) < 0.6 && Math.abs(a.lng! + 87.63) < 0.8);
    assert.ok(nearChicago.length > 50 && nearChicago.every((a) => a.lng! < -87.6), 'no account in Lake Michigan');
    assert.equal(new Set(small.accounts.map((a) => a.industry)).size, 10);
    assert.ok(small.accounts.every((a) => a.regions?.length === 1 && /^\d\d$/.test(a.regions[0])));
    assert.ok(small.accounts.every((a) => a.workload >= 1 && a.workload <= 5.5));
    assert.ok(small.accounts.every((a) => a.name.length > 3));
    const rho = spearman(small.accounts.map((a) => a.annualRevenue!), small.accounts.map((a) => a.employees!));
    assert.ok(rho > 0.7, `revenue ~ employees rank correlation ${rho}`);
    assert.ok(spearman(small.accounts.map((a) => a.annualRevenue!), small.accounts.map((a) => a.potential)) > 0.7);
    assert.ok(spearman(small.accounts.map((a) => a.employees!), small.accounts.map((a) => a.workload)) > 0.6);
    // Lognormal: heavy right tail (mean well above median).
    const potentials = small.accounts.map((a) => a.potential).sort((a, b) => a - b);
    const mean = potentials.reduce((s, v) => s + v, 0) / potentials.length;
    assert.ok(mean > 1.3 * potentials[potentials.length >> 1]);
  });

  test('performance data includes idle accounts and untouched high-potential ones', () => {
    const asOf = Date.parse('2026-11-27T00:00:00.000Z');
    const days = (iso: string) => (asOf - Date.parse(iso)) / 86_400_000;
    const acts = small.accounts.map((a) => a.performance!.lastActivity);
    assert.ok(acts.filter((d) => d && days(d) > 90).length > 50, 'some accounts idle for 90+ days');
    assert.ok(acts.every((d) => !d || days(d) >= 0), 'no activity in the future');
    const sorted = [...small.accounts].sort((a, b) => b.potential - a.potential).slice(0, 200);
    assert.ok(sorted.some((a) => a.performance!.lastActivity === null), 'a top-10% account never touched');
    assert.ok(small.accounts.some((a) => a.performance!.pipeline > 0 && a.performance!.closedWon > 0));
    assert.ok(small.accounts.some((a) => typeof a.performance!.winRate === 'number'));
  });

  test('some accounts have no coordinates, some are unassigned, a few are locked', () => {
    const noCoords = small.accounts.filter((a) => a.lat === null && a.lng === null).length;
    const unassigned = small.accounts.filter((a) => a.ownerId === null).length;
    const locked = small.accounts.filter((a) => a.locked).length;
    assert.ok(noCoords >= 1 && noCoords < 40, `without coordinates: ${noCoords}`);
    assert.ok(unassigned >= 10 && unassigned < 100, `unassigned: ${unassigned}`);
    assert.ok(locked >= 1 && locked < 40, `locked: ${locked}`);
    assert.ok(generateDemoData({ seed: 7, accounts: 60, reps: 5 }).accounts.some((a) => a.lat === null));
  });

  test('reps: homes, skills, capacities, quotas, and one inactive rep still owning accounts', () => {
    const d = generateDemoData({ seed: 5, accounts: 3000, reps: 25 });
    assert.ok(d.reps.every((r) => r.home && r.skills.length >= 2 && r.quota! > 0 && r.priorClosedWon! > 0));
    assert.ok(d.reps.filter((r) => r.capacity === 1).length >= 15);
    assert.ok(d.reps.every((r) => [0.8, 1, 1.2].includes(r.capacity)));
    const inactive = d.reps.filter((r) => !r.active);
    assert.equal(inactive.length, 1);
    assert.ok(d.accounts.some((a) => a.ownerId === inactive[0].id));
    const repIds = new Set(d.reps.map((r) => r.id));
    assert.ok(d.accounts.every((a) => a.ownerId === null || repIds.has(a.ownerId)));
  });

  test('the current plan is deliberately unbalanced: a few reps well over target', () => {
    for (const seed of [1, 2, 3]) {
      const d = generateDemoData({ seed, accounts: 5000, reps: 25 });
      const ev = evaluatePlan(d.accounts, d.reps, Object.fromEntries(d.accounts.map((a) => [a.id, a.ownerId])));
      assert.ok(ev.balance.potential.maxDeviation > 0.2, `seed ${seed}: max potential deviation ${ev.balance.potential.maxDeviation}`);
      const over = ev.reps.filter((r) => r.active && r.deviation.potential > 0.3).length;
      assert.ok(over >= 1 && over <= 6, `seed ${seed}: ${over} reps more than 30% over`);
    }
  });

  test('territories: four made of whole states (every state in exactly one), one rules-based, one named-account, with priorities', () => {
    const d = generateDemoData({ seed: 5, accounts: 3000, reps: 25 });
    const geo = d.territories.filter((t) => t.definition.regions);
    assert.equal(geo.length, 4);
    assert.ok(d.territories.every((t) => !t.definition.geometry), 'no lat/lng rectangles');
    const states = geo.flatMap((t) => t.definition.regions!);
    assert.equal(new Set(states).size, states.length, 'a state in two territories');
    assert.equal(states.length, 51); // 50 states and DC
    assert.ok(states.every((code) => /^\d{2}$/.test(code)));
    // Every account resolves to one geographic territory through its state code.
    const byState = new Map(geo.flatMap((t) => t.definition.regions!.map((code) => [code, t.id])));
    assert.ok(d.accounts.every((a) => a.regions?.some((code) => byState.has(code))));
    const rules = d.territories.find((t) => t.definition.rules);
    assert.deepEqual(rules?.definition.rules?.industries, ['Healthcare']);
    const named = d.territories.find((t) => t.definition.include);
    const ids = new Set(d.accounts.map((a) => a.id));
    assert.ok(named!.definition.include!.length >= 3 && named!.definition.include!.every((id) => ids.has(id)));
    assert.ok(named!.priority > rules!.priority && rules!.priority > geo[0].priority);
    const repIds = new Set(d.reps.map((r) => r.id));
    assert.ok(d.territories.every((t) => t.repIds.length > 0 && t.repIds.every((id) => repIds.has(id))));
  });

  test('bad sizes are refused with a clear error', () => {
    assert.throws(() => generateDemoData({ accounts: -1 }), /accounts must be a whole number/);
    assert.throws(() => generateDemoData({ reps: 0 }), /reps must be a whole number/);
    assert.throws(() => generateDemoData({ asOf: 'soon' }), /asOf is not a date/);
  });
});

function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(values.length);
  order.forEach(([, i], pos) => (r[i] = pos));
  return r;
}

function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const d2 = ra.reduce((s, r, i) => s + (r - rb[i]) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}
