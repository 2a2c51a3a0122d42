// distributeAccounts over a 10,000-account selection and 100 reps, against two baselines measured in
// the same run:
// - "one rep for all": what the panel did before — recommendReps(selection)[0] takes every account;
// - "recommendReps per account": the existing one-account API called account by account, the plan
//   updated after each pick (each call re-evaluates the whole plan, so it is timed on the first
//   NAIVE_SAMPLE accounts and scaled to the full selection — stated as such in the table).
// Distance (issue #14, "no cross-country move when a nearer rep can take the account"): the same
// selections and a scattered one, this tree against the engine before the distance work (00a4a6b,
// `--distance-baseline=<ref>`), side by side: mean and max km from each hand-over's account to the new
// owner's home, hand-overs over 500 km, hand-overs a clearly nearer rep (NEARER_KM and NEARER_SHARE
// nearer) could have taken with both reps ending within tolerance, worst deviation after; and this
// tree with a 500 km limit (accounts held back).
// Run: npm run bench:distribute
import { cpus, loadavg } from 'node:os';
import { distributeAccounts } from '../src/engine/distribute-accounts.js';
import { evaluatePlan } from '../src/engine/evaluate-plan.js';
import { haversineKm } from '../src/engine/geo.js';
import { recommendReps } from '../src/engine/recommend-reps.js';
import type { Account } from '../src/model/account.js';
import type { Assignments } from '../src/model/plan.js';
import type { Rep } from '../src/model/rep.js';
import { mulberry32 as rng } from '../src/data/random.js';
import { median, ms, time } from './timing.js';
import { loadBaselineModule } from './baseline-engine.js';
import { NEARER_KM, NEARER_SHARE } from '../src/engine/distribute/nearer-receivers.js';

// The single greedy pass, as distributeAccounts was before the repair pass (427c3fa; `--baseline=<ref>`
// for another), loaded from git and run side by side.
const baselineRef = process.argv.find((a) => a.startsWith('--baseline='))?.slice('--baseline='.length) ?? '427c3fa';
const baseline = await loadBaselineModule<{ distributeAccounts: typeof distributeAccounts }>(baselineRef, 'src/engine/distribute-accounts.ts');
if (!baseline) throw new Error(`bench:distribute needs the baseline ${baselineRef} (a clone with history)`);
const greedyOnly = baseline.mod.distributeAccounts;

const N = 10_000;
const K = 100;
const NAIVE_SAMPLE = 300;
const INDUSTRIES = ['Retail', 'Energy', 'Healthcare', 'Finance', 'Manufacturing', 'Software', 'Education', 'Logistics'];

const rand = rng(17);
const reps: Rep[] = [];
for (let j = 0; j < K; j++) {
  reps.push({
    id: `r${String(j).padStart(3, '0')}`,
    name: `Rep ${j}`,
    home: { lat: 25 + rand() * 24, lng: -125 + rand() * 58 },
    capacity: rand() < 0.2 ? 1.5 : 1,
    skills: [INDUSTRIES[Math.floor(rand() * 8)], INDUSTRIES[Math.floor(rand() * 8)]],
    active: true,
  });
}
const accounts: Account[] = [];
const current = Object.create(null) as Assignments;
for (let i = 0; i < N; i++) {
  const owner = rand() < 0.3 ? null : reps[Math.floor(rand() * K)].id;
  accounts.push({
    id: `a${i}`,
    name: `Account ${i}`,
    lat: 25 + rand() * 24,
    lng: -125 + rand() * 58,
    industry: INDUSTRIES[Math.floor(rand() * 8)],
    potential: Math.round(1000 + rand() ** 3 * 200_000),
    workload: 1 + Math.floor(rand() * 3),
    ownerId: owner,
    locked: rand() < 0.02,
  });
  current[`a${i}`] = owner;
}
const selection = accounts.map((a) => a.id);

function quality(assignments: Assignments) {
  const ev = evaluatePlan(accounts, reps, assignments);
  const repById = new Map(reps.map((r) => [r.id, r]));
  let skill = 0;
  let km = 0;
  let n = 0;
  for (const a of accounts) {
    const r = repById.get(assignments[a.id] ?? '');
    if (!r) continue;
    n++;
    if (r.skills.includes(a.industry!)) skill++;
    km += haversineKm(r.home!.lat, r.home!.lng, a.lat!, a.lng!);
  }
  return {
    workloadDev: ev.balance.workload.maxDeviation,
    potentialDev: ev.balance.potential.maxDeviation,
    skillShare: skill / n,
    meanKm: km / n,
  };
}

// the greedy pass alone (before the repair pass)
let greedy = greedyOnly({ accounts, reps, assignments: current, accountIds: selection });
const tGreedy = time(5, () => (greedy = greedyOnly({ accounts, reps, assignments: current, accountIds: selection })));
const afterGreedy = Object.assign(Object.create(null) as Assignments, current, greedy.assignments);

// distributeAccounts
let result = distributeAccounts({ accounts, reps, assignments: current, accountIds: selection });
const t = time(5, () => (result = distributeAccounts({ accounts, reps, assignments: current, accountIds: selection })));
const after = Object.assign(Object.create(null) as Assignments, current, result.assignments);

// one rep for everything (the old panel)
let oneRep = '';
const tOne = time(3, () => (oneRep = recommendReps(accounts.filter((a) => !a.locked), reps, { accounts, assignments: current })[0].repId));
const allToOne = Object.assign(Object.create(null) as Assignments, current);
for (const a of accounts) if (!a.locked) allToOne[a.id] = oneRep;

// recommendReps per account, sample
const naive = Object.assign(Object.create(null) as Assignments, current);
const t0 = performance.now();
for (const a of accounts.slice(0, NAIVE_SAMPLE)) {
  if (a.locked) continue;
  naive[a.id] = recommendReps(a, reps, { accounts, assignments: naive, limit: 1 })[0].repId;
}
const naiveMs = ((performance.now() - t0) / NAIVE_SAMPLE) * N;

const q = quality(after);
const qBefore = quality(current);
const qOne = quality(allToOne);
const qGreedy = quality(afterGreedy);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`distributeAccounts bench — ${new Date().toISOString()} — node ${process.version} — ${cpus().length}× ${cpus()[0]?.model} — load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`${N.toLocaleString('en')} selected accounts (2% locked, 30% unassigned), ${K} reps, tolerance 0.05`);
console.log('');
console.log('| method | time (median) | max workload dev. after | max potential dev. after | on a rep with the skill | mean km from rep home |');
console.log('|---|---|---|---|---|---|');
console.log(`| before (current plan) | — | ${pct(qBefore.workloadDev)} | ${pct(qBefore.potentialDev)} | ${pct(qBefore.skillShare)} | ${qBefore.meanKm.toFixed(0)} |`);
console.log(`| one rep for all (recommendReps(selection)[0]) | ${ms(median(tOne.wall))} | ${pct(qOne.workloadDev)} | ${pct(qOne.potentialDev)} | ${pct(qOne.skillShare)} | ${qOne.meanKm.toFixed(0)} |`);
console.log(`| recommendReps per account (${NAIVE_SAMPLE} timed, scaled ×${Math.round(N / NAIVE_SAMPLE)}) | ~${ms(naiveMs)} | — | — | — | — |`);
console.log(`| greedy pass only (${baseline.sha.slice(0, 7)}, before the repair pass) | ${ms(median(tGreedy.wall))} (cpu ${ms(median(tGreedy.cpu))}) | ${pct(qGreedy.workloadDev)} | ${pct(qGreedy.potentialDev)} | ${pct(qGreedy.skillShare)} | ${qGreedy.meanKm.toFixed(0)} |`);
console.log(`| **distributeAccounts** (greedy + repair) | **${ms(median(t.wall))}** (cpu ${ms(median(t.cpu))}, first ${ms(t.first)}) | ${pct(q.workloadDev)} | ${pct(q.potentialDev)} | ${pct(q.skillShare)} | ${q.meanKm.toFixed(0)} |`);
console.log('');
console.log(`moves: ${Object.keys(result.assignments).length} (greedy only: ${Object.keys(greedy.assignments).length}), kept: ${result.kept.length}, withinTolerance: ${result.withinTolerance} (greedy only: ${greedy.withinTolerance})`);
const under = (r: typeof result) => Math.min(...r.byRep.map((b) => b.deviationAfter.workload));
console.log(`most under target on workload: ${pct(under(result))} (greedy only: ${pct(under(greedy))}); on potential: ${pct(Math.min(...result.byRep.map((b) => b.deviationAfter.potential)))} (greedy only: ${pct(Math.min(...greedy.byRep.map((b) => b.deviationAfter.potential)))})`);
if (process.env.BENCH_DEBUG) {
  const ev = evaluatePlan(accounts, reps, after);
  const devs = ev.reps.map((r) => [r.repId, r.deviation.workload.toFixed(2), r.deviation.potential.toFixed(2)]).sort((a, b) => Math.abs(+b[1]) - Math.abs(+a[1]));
  console.log(devs.slice(0, 8));
}

// A region's selection in a plan that is already imbalanced (the planner's everyday case): the repair
// must not send the region's accounts across the map to reps that were under target anyway.
{
  const home = reps[0].home!;
  const region = accounts.filter((a) => Math.abs(a.lat! - home.lat) < 3 && Math.abs(a.lng! - home.lng) < 4).map((a) => a.id);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const repById = new Map(reps.map((r) => [r.id, r]));
  const describe = (r: ReturnType<typeof distributeAccounts>) => {
    const km = r.proposals.filter((p) => p.from !== p.to).map((p) => {
      const h = repById.get(p.to)!.home!;
      const a = byId.get(p.accountId)!;
      return haversineKm(h.lat, h.lng, a.lat!, a.lng!);
    });
    return `${km.length} moves, mean ${Math.round(km.reduce((s, x) => s + x, 0) / Math.max(1, km.length))} km to the new rep's home, ${km.filter((x) => x > 500).length} over 500 km; worst deviation after: workload ${pct(r.balanceAfter.workload.maxDeviation)}, potential ${pct(r.balanceAfter.potential.maxDeviation)}`;
  };
  const input = { accounts, reps, assignments: current, accountIds: region };
  console.log('');
  console.log(`a region of ${region.length} accounts (±3° lat, ±4° lng around ${reps[0].id}'s home), on the current plan:`);
  console.log(`- greedy pass only: ${describe(greedyOnly(input))}`);
  console.log(`- distributeAccounts: ${describe(distributeAccounts(input))}`);
}

// ---- distance: this tree vs the engine before the distance work, in the same run ----
{
  const distRef = process.argv.find((a) => a.startsWith('--distance-baseline='))?.slice('--distance-baseline='.length) ?? '00a4a6b';
  const before = await loadBaselineModule<{ distributeAccounts: typeof distributeAccounts }>(distRef, 'src/engine/distribute-accounts.ts');
  if (!before) throw new Error(`bench:distribute needs the baseline ${distRef} (a clone with history)`);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const repById = new Map(reps.map((r) => [r.id, r]));
  const tolerance = 0.05;
  const kmTo = (repId: string, a: Account) => {
    const h = repById.get(repId)!.home!;
    return haversineKm(h.lat, h.lng, a.lat!, a.lng!);
  };
  /** Distance figures of a result (hand-overs only), with the nearer-rep check against the plan after. */
  const figures = (r: ReturnType<typeof distributeAccounts>) => {
    const after = Object.assign(Object.create(null) as Assignments, current, r.assignments);
    const ev = evaluatePlan(accounts, reps, after, { tolerance });
    const within = (id: string, dw: number, dp: number) => {
      const t = ev.byRep[id];
      return Math.abs((t.workload + dw) / t.target.workload - 1) <= tolerance + 1e-9 && Math.abs((t.potential + dp) / t.target.potential - 1) <= tolerance + 1e-9;
    };
    const km: number[] = [];
    let nearer = 0;
    for (const p of r.proposals) {
      if (p.from === p.to) continue;
      const a = byId.get(p.accountId)!;
      const d = kmTo(p.to, a);
      km.push(d);
      const w = a.workload ?? 1;
      for (const c of reps) {
        if (c.id === p.to) continue;
        const dc = kmTo(c.id, a);
        if (!(dc <= d - NEARER_KM && dc <= d * (1 - NEARER_SHARE))) continue;
        if (within(c.id, w, a.potential) && within(p.to, -w, -a.potential)) {
          nearer++;
          break;
        }
      }
    }
    return {
      moves: km.length,
      meanKm: km.reduce((s, x) => s + x, 0) / Math.max(1, km.length),
      maxKm: km.length ? Math.max(...km) : 0,
      over500: km.filter((x) => x > 500).length,
      nearer,
      wDev: r.balanceAfter.workload.maxDeviation,
      pDev: r.balanceAfter.potential.maxDeviation,
      held: r.kept.filter((k) => (k.reason as string) === 'beyond-distance-limit').length,
    };
  };
  const home = reps[0].home!;
  const cases: [string, readonly string[]][] = [
    [`whole selection (${selection.length.toLocaleString('en')})`, selection],
    [`scattered selection (every 10th account, ${Math.ceil(N / 10).toLocaleString('en')})`, accounts.filter((_, i) => i % 10 === 0).map((a) => a.id)],
    ['region (±3° lat, ±4° lng around r000)', accounts.filter((a) => Math.abs(a.lat! - home.lat) < 3 && Math.abs(a.lng! - home.lng) < 4).map((a) => a.id)],
  ];
  console.log('');
  console.log(`distance — hand-overs only; "nearer could" = hand-overs a rep at least ${NEARER_KM} km and ${NEARER_SHARE * 100}% nearer could have taken with both reps within ±${tolerance * 100}% (workload and potential) after; engine before = ${before.sha.slice(0, 7)}`);
  console.log('');
  console.log('| selection | engine | time (median of 2 after a first run) | hand-overs | mean km | max km | > 500 km | nearer could | held back | worst dev. workload / potential |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, ids] of cases) {
    const input = { accounts, reps, assignments: current, accountIds: ids };
    const runs: [string, () => ReturnType<typeof distributeAccounts>][] = [
      [`before (${before.sha.slice(0, 7)})`, () => before.mod.distributeAccounts(input)],
      ['**this tree**', () => distributeAccounts(input)],
      ['this tree, maxDistanceKm 500', () => distributeAccounts(input, { maxDistanceKm: 500 })],
    ];
    for (const [label, f] of runs) {
      let r!: ReturnType<typeof distributeAccounts>;
      const tm = time(2, () => (r = f()));
      const q = figures(r);
      console.log(`| ${name} | ${label} | ${ms(median(tm.wall))} | ${q.moves} | ${q.meanKm.toFixed(0)} | ${q.maxKm.toFixed(0)} | ${q.over500} | ${q.nearer} | ${q.held} | ${pct(q.wDev)} / ${pct(q.pDev)} |`);
    }
  }
}
