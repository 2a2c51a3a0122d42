import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectAlerts, type Account, type Rep, type Territory } from '../../src/index.js';

const acc = (id: string, potential: number, extra: Partial<Account> = {}): Account => ({
  id,
  name: `Account ${id}`,
  lat: null,
  lng: null,
  potential,
  workload: 1,
  ownerId: null,
  ...extra,
});
const rep = (id: string, name: string, extra: Partial<Rep> = {}): Rep => ({ id, name, capacity: 1, skills: [], active: true, ...extra });
const activity = (lastActivity: string | null) => ({ performance: { pipeline: 0, closedWon: 0, lastActivity } });

const reps = [rep('r1', 'Ana Diaz'), rep('r2', 'Ben Ode'), rep('r3', 'Cy Park', { active: false })];
const accounts = [
  acc('a1', 1000, activity('2026-11-01T00:00:00Z')),
  acc('a2', 900, activity('2026-01-01T00:00:00Z')),
  acc('a3', 100, { workload: 4 }),
  acc('a4', 100),
  acc('a5', 50),
  acc('a6', 50),
  acc('a7', 950),
  acc('a8', 20),
  acc('a9', 30),
  acc('a10', 0),
];
const assignments = { a1: 'r1', a2: 'r1', a3: 'r1', a4: 'r2', a5: 'r2', a6: 'r3', a7: null, a8: 'zz', a9: 'r2', a10: 'r1' };
const territories = [
  { id: 't1', name: 'West', definition: {} },
  { id: 't2', name: 'Key Accounts', definition: {} },
];
const resolution = {
  gaps: ['a7', 'a8'],
  overlaps: [
    { accountId: 'a1', territoryIds: ['t1', 't2'], priority: 1 },
    { accountId: 'a2', territoryIds: ['t1', 't2'], priority: 1 },
  ],
};

test('crafted fixture: every kind, exact ids, records and messages, critical first', () => {
  // potentials sorted: 0 20 30 50 50 100 100 900 950 1000; 0.7-quantile = 100 + 0.3 · 800 = 340 → a1, a2, a7
  // potential target 1600 each (r1 holds 2000: +25%, r2 180: −89%); workload target 6.5 (r1 holds 7: +7.7%)
  const alerts = detectAlerts({
    accounts,
    reps,
    assignments,
    territories,
    resolution,
    now: '2026-11-27T00:00:00Z',
    options: { highPotentialQuantile: 0.7 },
  });
  assert.deepEqual(alerts, [
    {
      id: 'inactive-owner:r3',
      kind: 'inactive-owner',
      severity: 'critical',
      message: 'Cy Park is inactive but owns 1 account ($50 potential)',
      accountIds: ['a6'],
      repIds: ['r3'],
    },
    {
      id: 'imbalance:r1',
      kind: 'imbalance',
      severity: 'critical',
      message: 'Ana Diaz holds 25% more potential than target ($2K vs $1.6K)',
      repIds: ['r1'],
    },
    {
      id: 'imbalance:r2',
      kind: 'imbalance',
      severity: 'critical',
      message: 'Ben Ode holds 89% less potential than target ($180 vs $1.6K)',
      repIds: ['r2'],
    },
    {
      id: 'unassigned-high-potential',
      kind: 'unassigned-high-potential',
      severity: 'critical',
      message: '1 high-potential account has no owner ($950 potential)',
      accountIds: ['a7'],
    },
    {
      id: 'untouched-high-potential:r1',
      kind: 'untouched-high-potential',
      severity: 'warning',
      message: 'Ana Diaz has 1 high-potential account with no activity in 90 days',
      accountIds: ['a2'],
      repIds: ['r1'],
    },
    {
      id: 'unknown-owner:zz',
      kind: 'unknown-owner',
      severity: 'warning',
      message: '1 account is assigned to "zz", which is not a known rep',
      accountIds: ['a8'],
      repIds: ['zz'],
    },
    {
      id: 'territory-gap',
      kind: 'territory-gap',
      severity: 'warning',
      message: '2 accounts fall in no territory',
      accountIds: ['a7', 'a8'],
    },
    {
      id: 'territory-overlap:t1+t2',
      kind: 'territory-overlap',
      severity: 'warning',
      message: '2 accounts match "West" and "Key Accounts" at the same priority (1)',
      accountIds: ['a1', 'a2'],
      territoryIds: ['t1', 't2'],
    },
    {
      id: 'over-capacity:r1',
      kind: 'over-capacity',
      severity: 'info',
      message: 'Ana Diaz carries 8% more workload than capacity allows (7 vs 6.5)',
      repIds: ['r1'],
    },
  ]);
});

test('untouched: no activity recorded counts; the window follows untouchedDays and now', () => {
  const accs = [acc('h1', 100), acc('h2', 100, activity('2026-10-01')), acc('low', 1)];
  const plan = { h1: 'r1', h2: 'r1', low: 'r2' };
  const two = [rep('r1', 'Ana Diaz'), rep('r2', 'Ben Ode')];
  const ids = (opts: { untouchedDays?: number }, now: string) =>
    detectAlerts({ accounts: accs, reps: two, assignments: plan, now, options: { tolerance: 10, highPotentialQuantile: 0.5, ...opts } })
      .filter((a) => a.kind === 'untouched-high-potential')
      .map((a) => a.accountIds);
  assert.deepEqual(ids({}, '2026-11-27'), [['h1']]); // h2 is 57 days old
  assert.deepEqual(ids({ untouchedDays: 30 }, '2026-11-27'), [['h1', 'h2']]);
  assert.deepEqual(ids({}, '2027-06-01'), [['h1', 'h2']]);
});

test('severity bands: info beyond τ, warning beyond 2τ, critical beyond 4τ', () => {
  const two = [rep('r1', 'Ana Diaz'), rep('r2', 'Ben Ode')];
  const severityAt = (p1: number) => {
    // r1 holds p1, r2 holds 200 − p1: deviation (p1 − 100) / 100
    const alerts = detectAlerts({ accounts: [acc('x', p1), acc('y', 200 - p1)], reps: two, assignments: { x: 'r1', y: 'r2' }, now: '2026-01-01' });
    return alerts.find((a) => a.id === 'imbalance:r1')?.severity ?? 'none';
  };
  assert.deepEqual([105, 108, 115, 125].map(severityAt), ['none', 'info', 'warning', 'critical']);
});

test('territories without a resolution are resolved here; an empty list gives no territory alerts', () => {
  const ts: Territory[] = [
    { id: 't1', name: 'West', repIds: [], priority: 0, definition: { include: ['a1', 'a2'] } },
    { id: 't2', name: 'Key', repIds: [], priority: 0, definition: { include: ['a2'] } },
  ];
  const accs = accounts.slice(0, 3);
  const plan = { a1: 'r1', a2: 'r1', a3: 'r2' };
  const two = [rep('r1', 'Ana Diaz'), rep('r2', 'Ben Ode')];
  const territoryAlerts = (territories: Territory[]) =>
    detectAlerts({ accounts: accs, reps: two, assignments: plan, territories, now: '2026-11-27', options: { tolerance: 10 } })
      .filter((a) => a.kind.startsWith('territory'))
      .map((a) => [a.id, a.accountIds]);
  assert.deepEqual(territoryAlerts(ts), [
    ['territory-gap', ['a3']],
    ['territory-overlap:t1+t2', ['a2']],
  ]);
  assert.deepEqual(territoryAlerts([]), []);
});

test('a clean plan raises nothing', () => {
  const two = [rep('r1', 'Ana Diaz'), rep('r2', 'Ben Ode')];
  const recent = activity('2026-11-20');
  const alerts = detectAlerts({
    accounts: [acc('x', 100, recent), acc('y', 100, recent)],
    reps: two,
    assignments: { x: 'r1', y: 'r2' },
    now: '2026-11-27',
  });
  assert.deepEqual(alerts, []);
});

test('bad input is rejected naming the record and field', () => {
  const base = { accounts: [acc('x', 10, activity('not a date'))], reps: [rep('r1', 'Ana')], assignments: { x: 'r1' } };
  assert.throws(() => detectAlerts({ ...base, now: '2026-11-27' }), /account "x": performance.lastActivity is not a date: "not a date"/);
  assert.throws(() => detectAlerts({ ...base, now: 'yesterday' }), /now is not a date: "yesterday"/);
  assert.throws(() => detectAlerts({ ...base, options: { highPotentialQuantile: 2 } }), /highPotentialQuantile must be between 0 and 1, got 2/);
});

test('detectAlerts formats potential with the formatter given (its currency), US dollars by default', () => {
    const accounts = [
      { id: 'a1', name: 'A', lat: 40, lng: -100, potential: 46_400_000, workload: 1, ownerId: 'r1' },
      { id: 'a2', name: 'B', lat: 40, lng: -100, potential: 100, workload: 1, ownerId: 'r2' },
    ];
    const reps = [
      { id: 'r1', name: 'Ana', capacity: 1, skills: [], active: false },
      { id: 'r2', name: 'Ben', capacity: 1, skills: [], active: true },
    ];
    const assignments = { a1: 'r1', a2: 'r2' };
    const byDefault = detectAlerts({ accounts, reps, assignments, now: '2026-11-27' }).find((a) => a.kind === 'inactive-owner')!;
    assert.equal(byDefault.message, 'Ana is inactive but owns 1 account ($46.4M potential)');
    const eur = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
    const inEuro = detectAlerts({ accounts, reps, assignments, now: '2026-11-27', options: { formatMoney: (v) => eur.format(v) } }).find((a) => a.kind === 'inactive-owner')!;
    assert.equal(inEuro.message, `Ana is inactive but owns 1 account (${eur.format(46_400_000)} potential)`);
});
