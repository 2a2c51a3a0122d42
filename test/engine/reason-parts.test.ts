// Issue #14 (real localisation): every move / fit reason also comes as clauses (reasonParts) a UI can word
// in its own language. Here each clause, worded in English by this test's own oracle, must be exactly
// the matching "; "-separated clause of the engine's English `reason`, for every code the scenarios reach.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import { rebalance, type MoveReasonPart, type RebalanceOptions } from '../../src/engine/rebalance.js';
import { recommendReps, type FitReasonPart } from '../../src/engine/recommend-reps.js';
import { distributeAccounts } from '../../src/engine/distribute-accounts.js';
import type { Assignments } from '../../src/model/plan.js';
import type { Rep } from '../../src/model/rep.js';

const data = generateDemoData({ seed: 7, accounts: 600, reps: 8 });
const current: Assignments = Object.fromEntries(data.accounts.map((a) => [a.id, a.ownerId ?? null]));
const repName = new Map(data.reps.map((r) => [r.id, r.name || r.id]));
const accountName = new Map(data.accounts.map((a) => [a.id, a.name || a.id]));

const where = (id: string, km: number | null) => (km === null ? repName.get(id)! : `${repName.get(id)} (${km} km away)`);
const state = (p: { metric: string; deviation: number }) =>
  Math.abs(p.deviation) < 0.005 ? `on ${p.metric} target` : `${Math.round(Math.abs(p.deviation) * 100)}% ${p.deviation > 0 ? 'over' : 'under'} ${p.metric} target`;

/** The English clause of a move's reason part (the oracle). */
function moveClause(p: MoveReasonPart): string {
  switch (p.code) {
    case 'unassigned': return 'Unassigned';
    case 'unknown-owner': return 'Owner is not a known rep';
    case 'inactive': case 'was-inactive': return `${repName.get(p.repId)} is inactive`;
    case 'giver-over': return `${p.repId === null ? 'No owner' : repName.get(p.repId)} was ${state(p)}`;
    case 'nearest-with-room': return `${where(p.repId, p.km)} is the nearest rep with room (${state(p)})`;
    case 'receiver-under': return `${where(p.repId, p.km)} was ${state(p)}`;
    case 'chain': return `${where(p.repId, p.km)} was ${state(p)} (a hand-over in a chain between neighbouring reps, which carries the region's surplus to the reps under target without long moves)`;
    case 'swap': return `swapped with ${accountName.get(p.accountId)} from ${where(p.repId, p.km)}, which was ${state(p)}`;
    case 'redrawn': return `Territories redrawn for compactness: ${where(p.repId, p.km)} is one of the nearest reps with room`;
    case 'was-unassigned': return 'it was unassigned';
    case 'was-unknown-owner': return 'its owner is not a known rep';
    case 'was-held': return `${repName.get(p.repId)} held it`;
    case 'was-away': return `${repName.get(p.repId)} is ${p.km} km away`;
    case 'no-nearer-room': return 'no nearer rep had room for it';
    case 'nearer-had-room': return `nearer ${where(p.repId, p.km)} had room, but ${repName.get(p.toRepId)} needed the account to reach its target`;
    case 'moved': return `moved to ${where(p.repId, p.km)}`;
  }
}

function fitClause(p: FitReasonPart): string {
  switch (p.code) {
    case 'skill': {
      const list = p.industries.join(', ') + (p.more > 0 ? ` +${p.more} more` : '');
      return `knows ${list}` + (p.count !== undefined ? ` (${p.count} of ${p.of})` : '');
    }
    case 'owns-it': return 'owns it';
    case 'owns-already': return 'owns it already';
    case 'owns-some': return `owns ${p.count} of ${p.of}`;
    case 'distance': return `${p.km} km from home`;
    case 'no-home': return 'no home base';
    case 'headroom': return `${p.percent}% headroom${p.after ? ' after' : ''}`;
    case 'over-target': return `${p.percent}% over target${p.after ? ' after' : ''}`;
    case 'no-workload-target': return 'no workload target';
    case 'least-over': return 'every rep was at the limit: least over';
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

describe('reason clauses (reasonParts) match the English reason', () => {
  it('rebalance: every move of several runs, clause by clause', async () => {
    const seen = new Set<string>();
    const runs: RebalanceOptions[] = [{}, { maxMoves: 25 }, { objective: 'compactness' }, { objective: 'compactness', maxMoves: 30 }, { proximity: 0.8 }, { metrics: ['workload'] }];
    // an inactive rep whose book must move, and unassigned accounts
    const reps: Rep[] = data.reps.map((r, j) => (j === 0 ? { ...r, active: false } : r));
    for (const options of runs) {
      const result = await rebalance({ accounts: data.accounts, reps, current }, options);
      assert.ok(result.moves.length > 0);
      for (const m of result.moves) {
        assert.ok(m.reasonParts && m.reasonParts.length > 0, `${m.accountId}: no reasonParts`);
        for (const p of m.reasonParts) seen.add(p.code);
        assert.equal(m.reasonParts.map(moveClause).join('; '), m.reason, `${m.accountId} ${JSON.stringify(m.reasonParts)}`);
      }
    }
    for (const code of ['inactive', 'giver-over', 'nearest-with-room', 'receiver-under', 'redrawn', 'was-away', 'was-inactive']) assert.ok(seen.has(code), `no "${code}" clause in ${[...seen].join(', ')}`);
  });

  it('recommendReps and distributeAccounts: every reason, clause by clause', () => {
    const seen = new Set<string>();
    const check = (r: { reason: string; reasonParts?: FitReasonPart[] }) => {
      assert.ok(r.reasonParts && r.reasonParts.length > 0);
      for (const p of r.reasonParts) seen.add(p.code);
      assert.equal(capital(r.reasonParts.map(fitClause).join('; ')), r.reason, JSON.stringify(r.reasonParts));
    };
    const context = { accounts: data.accounts, assignments: current };
    for (const a of data.accounts.slice(0, 20)) recommendReps(a, data.reps, context).forEach(check);
    recommendReps(data.accounts.slice(0, 40), data.reps, context).forEach(check);
    const d = distributeAccounts({ accounts: data.accounts, reps: data.reps, assignments: current, fromRepId: data.reps[0].id });
    assert.ok(d.proposals.length > 0);
    d.proposals.forEach(check);
    for (const code of ['skill', 'owns-it', 'owns-some', 'distance', 'headroom', 'over-target']) assert.ok(seen.has(code), `no "${code}" clause in ${[...seen].join(', ')}`);
  });
});
