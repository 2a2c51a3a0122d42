import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';
import type { Territory } from '../model/territory.js';
import { US_METROS } from './us-metros.js';

/** US states by FIPS code, grouped into the demo's four geographic territories (every state in one). */
const REGIONS = {
  west: ['02', '04', '06', '08', '15', '16', '30', '32', '35', '41', '49', '53', '56'],
  central: ['05', '17', '19', '20', '22', '27', '29', '31', '38', '40', '46', '48', '55'],
  southeast: ['01', '12', '13', '21', '28', '37', '45', '47', '51', '54'],
  northeast: ['09', '10', '11', '18', '23', '24', '25', '26', '33', '34', '36', '39', '42', '44', '50'],
} as const;

/** The state (FIPS) of the metro nearest a point. */
function nearestState(lat: number, lng: number): string {
  let best = US_METROS[0];
  let bestD = Infinity;
  for (const m of US_METROS) {
    const d = (m.lat - lat) ** 2 + ((m.lng - lng) * Math.cos((lat * Math.PI) / 180)) ** 2;
    if (d < bestD) (bestD = d), (best = m);
  }
  return best.stateFips;
}

/** The `count` assigned accounts with the largest potential, largest first, in one pass. */
function largest(accounts: readonly Account[], count: number): Account[] {
  const top: Account[] = [];
  for (const a of accounts) {
    if (a.ownerId === null) continue;
    if (top.length === count && a.potential <= top[count - 1].potential) continue;
    let at = top.length;
    while (at > 0 && top[at - 1].potential < a.potential) at--;
    top.splice(at, 0, a);
    if (top.length > count) top.pop();
  }
  return top;
}

/**
 * Demo territories: four geographic ones made of whole US states (region codes, state FIPS — West,
 * Central, Southeast, Northeast; every state in exactly one, so they neither overlap nor leave gaps),
 * each held by the active reps based there; one rules-based (large healthcare) and one named-account
 * list (the largest accounts), with priorities named > rules > geography.
 */
export function generateTerritories(accounts: readonly Account[], reps: readonly Rep[]): Territory[] {
  const active = reps.filter((r) => r.active);
  const stateOf = new Map(active.map((r) => [r.id, r.home ? nearestState(r.home.lat, r.home.lng) : null]));
  const repsIn = (states: readonly string[]) => active.filter((r) => states.includes(stateOf.get(r.id) ?? '')).map((r) => r.id);
  const healthcare = active.find((r) => r.skills.includes('Healthcare')) ?? active[0];
  const strategicRep = active.length > 1 ? active[active.length - 1] : active[0];
  const named = largest(accounts, Math.max(3, Math.min(25, Math.round(accounts.length / 200)))).map((a) => a.id);
  const geo = (id: string, name: string, color: string, states: readonly string[]): Territory => {
    const held = repsIn(states);
    return {
      id,
      name,
      color,
      priority: 10,
      // A region with no rep based in it goes to the first active rep, so every territory has a holder.
      repIds: held.length ? held : active.slice(0, 1).map((r) => r.id),
      definition: { regions: [...states] },
    };
  };
  return [
    geo('terr-west', 'West', '#1f77b4', REGIONS.west),
    geo('terr-central', 'Central', '#2ca02c', REGIONS.central),
    geo('terr-southeast', 'Southeast', '#ff7f0e', REGIONS.southeast),
    geo('terr-northeast', 'Northeast', '#17becf', REGIONS.northeast),
    {
      id: 'terr-healthcare',
      name: 'Enterprise Healthcare',
      color: '#d62728',
      priority: 20,
      repIds: healthcare ? [healthcare.id] : [],
      definition: { rules: { industries: ['Healthcare'], annualRevenue: { min: 100_000_000 } } },
    },
    {
      id: 'terr-strategic',
      name: 'Strategic Accounts',
      color: '#9467bd',
      priority: 30,
      repIds: strategicRep ? [strategicRep.id] : [],
      definition: { include: named },
    },
  ];
}
