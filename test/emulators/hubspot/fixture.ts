/** Deterministic HubSpot data for tests and benchmarks. */
import type { EmuCompany, EmuDeal, EmuOwner } from './server.js';

/** `n` owners with ids "101", "102", …; every `archivedEvery`-th one archived (0 = none). */
export function makeOwners(n: number, archivedEvery = 0): EmuOwner[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(101 + i),
    email: `rep${i + 1}@example.com`,
    firstName: `Rep`,
    lastName: String(i + 1),
    userId: 9000 + i,
    archived: archivedEvery > 0 && (i + 1) % archivedEvery === 0,
  }));
}

/** `n` companies with ids "1", "2", …, string properties as HubSpot sends them, owners round-robin. */
export function makeCompanies(n: number, owners: EmuOwner[]): EmuCompany[] {
  return Array.from({ length: n }, (_, i) => {
    const lat = 30 + ((i * 7919) % 1500) / 100;
    const lng = -120 + ((i * 104729) % 4500) / 100;
    return {
      id: String(i + 1),
      properties: {
        name: `Company ${i + 1}`,
        domain: `c${i + 1}.example.com`,
        industry: ['Retail', 'Software', 'Health'][i % 3],
        latitude: lat.toFixed(4),
        longitude: lng.toFixed(4),
        annualrevenue: String(100_000 + ((i * 37) % 900) * 1000),
        numberofemployees: String(5 + (i % 200)),
        hubspot_owner_id: owners.length > 0 ? owners[i % owners.length].id : '',
        city: 'Springfield',
      },
    };
  });
}

/**
 * Three deals per company ("<company>-0" open, "-1" won, "-2" lost), string properties as HubSpot
 * sends them, closing `daysAgo` days before now (open ones ahead), owned by the company's owner —
 * except the won deal of every 5th company, earned by the previous owner in the list.
 */
export function makeDeals(companies: EmuCompany[], owners: EmuOwner[], daysAgo = 30): EmuDeal[] {
  const day = 86_400_000;
  return companies.flatMap((c, i) => {
    const owner = String(c.properties.hubspot_owner_id ?? '');
    const earner = i % 5 === 4 && owners.length > 1 ? owners[(owners.findIndex((o) => o.id === owner) + owners.length - 1) % owners.length].id : owner;
    return [0, 1, 2].map((k) => ({
      id: `${c.id}-${k}`,
      companies: [c.id],
      properties: {
        dealname: `Deal ${c.id}-${k}`,
        amount: String(1000 * (k + 1)),
        dealstage: ['appointmentscheduled', 'closedwon', 'closedlost'][k],
        closedate: new Date(Date.now() + (k === 0 ? 30 : -daysAgo) * day).toISOString(),
        hs_is_closed_won: k === 1 ? 'true' : 'false',
        hs_is_closed: k === 0 ? 'false' : 'true',
        hubspot_owner_id: k === 1 ? earner : owner,
      },
    }));
  });
}
