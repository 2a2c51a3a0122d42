// distributeAccounts over a 10,000-account selection and 100 reps, against two baselines measured in
// the same run:
// - "one rep for all": what the panel did before — recommendReps(selection)[0] takes every account;
// - "recommendReps per account": the existing one-account API called account by account, the plan
//   updated after each pick (each call re-evaluates the whole plan, so it is timed on the first
//   NAIVE_SAMPLE accounts and scaled to the full selection — stated as such in the table).
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
