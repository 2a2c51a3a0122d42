import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';
import type { Territory } from '../model/territory.js';

/** A closed, counter-clockwise rectangle ring (GeoJSON order [lng, lat]). */
function box(west: number, south: number, east: number, north: number): [number, number][] {
  return [[west, south], [east, south], [east, north], [west, north], [west, south]];
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
 * Demo territories: three geographic bands (West and Central overlap around Denver, and a gap between
 * Central and East cuts through Chicago), one rules-based (large healthcare), one named-account list
 * (the largest accounts), with priorities named > rules > geography.
 */
export function generateTerritories(accounts: readonly Account[], reps: readonly Rep[]): Territory[] {
  const active = reps.filter((r) => r.active);
  const byBand = (min: number, max: number) =>
    active.filter((r) => r.home && r.home.lng >= min && r.home.lng < max).map((r) => r.id);
  const healthcare = active.find((r) => r.skills.includes('Healthcare')) ?? active[0];
  const strategicRep = active.length > 1 ? active[active.length - 1] : active[0];
  const named = largest(accounts, Math.max(3, Math.min(25, Math.round(accounts.length / 200)))).map((a) => a.id);
  const geo = (id: string, name: string, color: string, ring: [number, number][], repIds: string[]): Territory => ({
    id,
    name,
    color,
    priority: 10,
    repIds,
    definition: { geometry: { type: 'Polygon', coordinates: [ring] } },
  });
  return [
    geo('terr-west', 'West', '#1f77b4', box(-125, 24, -103, 49.5), byBand(-180, -104)),
    geo('terr-central', 'Central', '#2ca02c', box(-105, 24, -88, 49.5), byBand(-104, -88)),
    geo('terr-east', 'East', '#ff7f0e', box(-87.4, 24, -66.5, 47.5), byBand(-88, 0)),
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
