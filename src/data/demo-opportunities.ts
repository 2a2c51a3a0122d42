import type { Account } from '../model/account.js';
import type { Opportunity } from '../model/opportunity.js';
import type { Rep } from '../model/rep.js';
import { createRandom } from './random.js';

const DAY_MS = 86_400_000;

/**
 * Opportunities as a CRM records them, consistent with each account's performance figures: the
 * account's closed-won amount split over one to three won deals, lost deals in line with its win
 * rate, and its open pipeline as one open deal. Each deal has the rep who owned it when it closed:
 * mostly the account's owner, but one closed deal in eight was closed by another rep (accounts change
 * hands), and the deals of unassigned accounts were closed by a former owner. Uses its own random
 * sequence (from `seed`), so the accounts and reps of a seed do not change.
 *
 * @param accounts accounts with `performance` and `ownerId` as generated
 * @param reps the reps (deal owners are picked among them)
 * @param seed the demo seed
 * @param asOf the reference date (close dates fall in the year before it; open deals close after it)
 */
export function generateOpportunities(accounts: readonly Account[], reps: readonly Rep[], seed: number, asOf: number): Opportunity[] {
  const rng = createRandom((seed ^ 0x0a7e_5eed) >>> 0);
  const out: Opportunity[] = [];
  if (reps.length === 0) return out;
  const date = (days: number) => new Date(asOf + Math.round(days) * DAY_MS).toISOString().slice(0, 10);
  const otherRep = (not: string | null) => {
    const r = reps[rng.int(0, reps.length - 1)].id;
    return r === not && reps.length > 1 ? reps[(reps.findIndex((x) => x.id === r) + 1) % reps.length].id : r;
  };
  for (const a of accounts) {
    const p = a.performance;
    if (!p) continue;
    let n = 0;
    const id = () => `opp-${a.id}-${++n}`;
    const closer = () => (a.ownerId === null || rng.chance(0.125) ? otherRep(a.ownerId) : a.ownerId);
    const wins = p.closedWon > 0 ? rng.int(1, 3) : 0;
    let left = p.closedWon;
    for (let k = 0; k < wins; k++) {
      const amount = k === wins - 1 ? left : Math.round((left * rng.uniform(0.2, 0.6)) / 100) * 100;
      left -= amount;
      out.push({ id: id(), accountId: a.id, ownerId: closer(), amount, stage: 'won', closeDate: date(-rng.int(1, 330)) });
    }
    const rate = p.winRate ?? null;
    const losses = rate === null ? 0 : rate === 0 ? rng.int(1, 2) : Math.round((wins * (1 - rate)) / Math.max(rate, 0.05));
    for (let k = 0; k < losses; k++) {
      out.push({ id: id(), accountId: a.id, ownerId: closer(), amount: Math.round((a.potential * rng.uniform(0.05, 0.3)) / 100) * 100, stage: 'lost', closeDate: date(-rng.int(1, 330)) });
    }
    if (p.pipeline > 0) out.push({ id: id(), accountId: a.id, ownerId: a.ownerId, amount: p.pipeline, stage: 'open', closeDate: date(rng.int(10, 180)) });
  }
  return out;
}
