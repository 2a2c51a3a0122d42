/** Deterministic org data for the Salesforce emulator. */
import type { OrgStore } from './store.js';

/** A small deterministic PRNG (mulberry32, the one the demo-data generator uses). */
import { mulberry32 as rng } from '../../../src/data/random.js';
export { rng };

export interface SeededOrg {
  userIds: string[];
  accountIds: string[];
}

/**
 * Seeds `users` active standard users (every 10th one without a home) and `accounts` accounts
 * owned round-robin, every 25th without coordinates; `opportunitiesPerAccount` opportunities each
 * (open, won or lost, closing in 2026), owned by the account's owner — except the won deals of every
 * 5th account, earned by the previous rep in the list.
 */
export function seedOrg(store: OrgStore, options: { users: number; accounts: number; opportunitiesPerAccount?: number; seed?: number }): SeededOrg {
  const random = rng(options.seed ?? 1);
  const userIds: string[] = [];
  for (let i = 0; i < options.users; i++) {
    userIds.push(store.insert('User', {
      Name: `Rep ${i + 1}`, Email: `rep${i + 1}@example.com`, IsActive: true, UserType: 'Standard',
      Latitude: i % 10 === 9 ? null : 30 + random() * 15, Longitude: i % 10 === 9 ? null : -120 + random() * 45,
    }));
  }
  const industries = ['Technology', 'Healthcare', 'Retail', 'Manufacturing', null];
  const accountIds: string[] = [];
  for (let i = 0; i < options.accounts; i++) {
    const noGeo = i % 25 === 24;
    const id = store.insert('Account', {
      Name: `Account ${i + 1}`, OwnerId: userIds[i % userIds.length], Industry: industries[i % industries.length],
      NumberOfEmployees: Math.floor(random() * 5000), AnnualRevenue: Math.round(random() * 1e7),
      BillingLatitude: noGeo ? null : 25 + random() * 23, BillingLongitude: noGeo ? null : -124 + random() * 57,
      BillingState: 'CA', BillingCountry: 'US', LastActivityDate: i % 3 === 0 ? '2026-10-01' : null,
    });
    accountIds.push(id);
    for (let k = 0; k < (options.opportunitiesPerAccount ?? 0); k++) {
      const kind = k % 3; // 0 open, 1 won, 2 lost
      store.insert('Opportunity', {
        // Owner: the account's owner, except that every 5th account's won deals were earned by the previous rep.
        Name: `Opp ${i}-${k}`, AccountId: id, OwnerId: kind === 1 && i % 5 === 4 ? userIds[(i + userIds.length - 1) % userIds.length] : userIds[i % userIds.length],
        Amount: 1000 * (k + 1), IsClosed: kind !== 0, IsWon: kind === 1,
        CloseDate: '2026-06-15', StageName: kind === 0 ? 'Prospecting' : kind === 1 ? 'Closed Won' : 'Closed Lost',
      });
    }
  }
  return { userIds, accountIds };
}

/** Seeds an Active Territory2Model with `territories` territories, one user per territory as Owner,
 * and every account associated to territory (index mod territories). */
export function seedTerritories(store: OrgStore, org: SeededOrg, territories: number): { modelId: string; territoryIds: string[]; planningModelId: string } {
  const modelId = store.insert('Territory2Model', { Name: 'FY26', DeveloperName: 'FY26', State: 'Active' });
  const planningModelId = store.insert('Territory2Model', { Name: 'FY27 plan', DeveloperName: 'FY27', State: 'Planning' });
  const territoryIds: string[] = [];
  for (let i = 0; i < territories; i++) {
    const tid = store.insert('Territory2', { Name: `Territory ${i + 1}`, DeveloperName: `T${i + 1}`, Territory2ModelId: modelId, ParentTerritory2Id: null });
    territoryIds.push(tid);
    store.insert('UserTerritory2Association', { UserId: org.userIds[i % org.userIds.length], Territory2Id: tid, RoleInTerritory2: 'Owner', IsActive: true });
  }
  // a territory of the planning model, to check models do not mix
  const planT = store.insert('Territory2', { Name: 'Plan T', DeveloperName: 'PT', Territory2ModelId: planningModelId });
  org.accountIds.forEach((aid, i) => {
    store.insert('ObjectTerritory2Association', { ObjectId: aid, Territory2Id: territoryIds[i % territories], AssociationCause: 'Territory2Manual', SobjectType: 'Account' });
  });
  store.insert('ObjectTerritory2Association', { ObjectId: org.accountIds[0], Territory2Id: planT, AssociationCause: 'Territory2Manual', SobjectType: 'Account' });
  return { modelId, territoryIds, planningModelId };
}
