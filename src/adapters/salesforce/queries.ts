/**
 * Every query the adapter runs, by name. The Apex sample allow-lists exactly these names and builds
 * the WHERE clause itself from `params`; the REST transport renders `where` with `toSoql`.
 */
import type { ResolvedOptions } from './options.js';
import type { SoqlQuery } from './types.js';

const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => typeof x === 'string' && x.length > 0))];

/** Account fields to select under the field map (with the lock field unless `withLock` is false). */
export function accountFields(o: ResolvedOptions, withLock = true): string[] {
  const f = o.fields;
  return uniq(['Id', f.name, 'OwnerId', f.lat, f.lng, f.industry, f.employees, f.annualRevenue, f.potential, f.workload,
    f.lastActivity, f.region, ...f.custom, withLock ? o.lockField : null, 'LastModifiedDate', o.stampField]);
}

export const accountsQuery = (o: ResolvedOptions, withLock = true): SoqlQuery => ({ name: 'accounts', object: 'Account', fields: accountFields(o, withLock), orderBy: 'Id' });

export const activeUsersQuery = (o: ResolvedOptions): SoqlQuery => ({
  name: 'activeUsers',
  object: 'User',
  fields: uniq(['Id', 'Name', 'Email', 'IsActive', o.fields.repLat, o.fields.repLng]),
  where: [{ field: 'IsActive', op: '=', value: true }, { field: 'UserType', op: '=', value: 'Standard' }],
  orderBy: 'Id',
});

export const usersByIdQuery = (o: ResolvedOptions, ids: string[]): SoqlQuery => ({
  name: 'usersById',
  object: 'User',
  fields: activeUsersQuery(o).fields,
  where: [{ field: 'Id', op: 'IN', values: ids }],
  params: { ids },
});

export const opportunitiesQuery = (o: ResolvedOptions): SoqlQuery => ({
  name: 'opportunities',
  object: 'Opportunity',
  // OwnerId: the rep who earned the deal (the board credits closed-won and win rate to them).
  fields: ['Id', 'AccountId', 'OwnerId', 'Amount', 'IsClosed', 'IsWon', 'CloseDate'],
  where: [
    { field: 'AccountId', op: '!=', value: null },
    { or: [[{ field: 'IsClosed', op: '=', value: false }], [
      { field: 'CloseDate', op: '>=', value: o.period.from, date: true },
      { field: 'CloseDate', op: '<=', value: o.period.to, date: true },
    ]] },
  ],
  orderBy: 'Id',
  params: { from: o.period.from, to: o.period.to },
});

/** Current owner and stamp of some accounts, read just before writing. */
export const accountStampsQuery = (o: ResolvedOptions, ids: string[]): SoqlQuery => ({
  name: 'accountStamps',
  object: 'Account',
  fields: uniq(['Id', 'OwnerId', 'LastModifiedDate', o.stampField]),
  where: [{ field: 'Id', op: 'IN', values: ids }],
  params: { ids },
});

/**
 * Lock flag and stamp of some accounts, read just before writing locks. Same allow-listed shape as
 * `accountStamps` (the Apex class checks the field against the describe).
 */
export const accountLocksQuery = (o: ResolvedOptions, lockField: string, ids: string[]): SoqlQuery => ({
  name: 'accountStamps',
  object: 'Account',
  fields: uniq(['Id', lockField, 'LastModifiedDate', o.stampField]),
  where: [{ field: 'Id', op: 'IN', values: ids }],
  params: { ids },
});

export const modelQuery = (o: ResolvedOptions): SoqlQuery => {
  const m = o.territoryModel;
  return m === 'active'
    ? { name: 'activeModel', object: 'Territory2Model', fields: ['Id', 'Name', 'State'], where: [{ field: 'State', op: '=', value: 'Active' }] }
    : { name: 'modelById', object: 'Territory2Model', fields: ['Id', 'Name', 'State'], where: [{ field: 'Id', op: 'IN', values: [m.id] }], params: { ids: [m.id] } };
};

export const territoriesQuery = (modelId: string): SoqlQuery => ({
  name: 'territories',
  object: 'Territory2',
  fields: ['Id', 'Name', 'DeveloperName', 'ParentTerritory2Id', 'Territory2ModelId'],
  where: [{ field: 'Territory2ModelId', op: '=', value: modelId }],
  orderBy: 'Id',
  params: { modelId },
});

export const userTerritoriesQuery = (modelId: string): SoqlQuery => ({
  name: 'userTerritories',
  object: 'UserTerritory2Association',
  fields: ['Id', 'UserId', 'Territory2Id', 'RoleInTerritory2'],
  where: [{ field: 'Territory2.Territory2ModelId', op: '=', value: modelId }],
  orderBy: 'Id',
  params: { modelId },
});

export const objectTerritoriesQuery = (modelId: string): SoqlQuery => ({
  name: 'objectTerritories',
  object: 'ObjectTerritory2Association',
  fields: ['Id', 'ObjectId', 'Territory2Id', 'AssociationCause'],
  where: [{ field: 'Territory2.Territory2ModelId', op: '=', value: modelId }],
  orderBy: 'Id',
  params: { modelId },
});

/** The associations of some accounts in one model, read just before moving them. */
export const objectTerritoriesForQuery = (modelId: string, ids: string[]): SoqlQuery => ({
  name: 'objectTerritoriesFor',
  object: 'ObjectTerritory2Association',
  fields: ['Id', 'ObjectId', 'Territory2Id', 'AssociationCause'],
  where: [{ field: 'ObjectId', op: 'IN', values: ids }, { field: 'Territory2.Territory2ModelId', op: '=', value: modelId }],
  params: { modelId, ids },
});
