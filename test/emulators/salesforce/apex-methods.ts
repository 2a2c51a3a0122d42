/**
 * The Apex sample class (demo/salesforce/…/TerritoryKitController.cls) re-stated in TypeScript over
 * the emulator's data, so the apexTransport path runs end to end in Node: the same allow-listed
 * query names and WHERE templates, field checks (a field the user cannot read is refused with
 * INVALID_FIELD naming it), keyset pagination (Id > locator, 2,000 rows), ids checked for their
 * object before any DML (a bad id fails its own record), manual-only association deletes, and
 * Database.update/insert/delete(records, false) result shapes. Refusals reject as Lightning does:
 * `{ status: 500, body: { message, exceptionType } }` whose message is the JSON `{ code, message, field? }`.
 */
import type { ApexMethods, SfSaveResult } from '../../../src/adapters/salesforce/index.js';
import type { OrgStore } from './store.js';
import { SCHEMA } from './store.js';

const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const TEMPLATES: Record<string, { object: string; where: string }> = {
  accounts: { object: 'Account', where: '' },
  activeUsers: { object: 'User', where: "IsActive = true AND UserType = 'Standard'" },
  usersById: { object: 'User', where: 'Id IN :ids' },
  opportunities: { object: 'Opportunity', where: 'AccountId != null AND (IsClosed = false OR (CloseDate >= :from AND CloseDate <= :to))' },
  ownerHistory: { object: 'OpportunityFieldHistory', where: "Field = 'Owner' AND Opportunity.IsClosed = true AND Opportunity.AccountId != null AND Opportunity.CloseDate >= :from AND Opportunity.CloseDate <= :to" },
  accountStamps: { object: 'Account', where: 'Id IN :ids' },
  activeModel: { object: 'Territory2Model', where: "State = 'Active'" },
  modelById: { object: 'Territory2Model', where: 'Id IN :ids' },
  territories: { object: 'Territory2', where: 'Territory2ModelId = :modelId' },
  userTerritories: { object: 'UserTerritory2Association', where: 'Territory2.Territory2ModelId = :modelId' },
  objectTerritories: { object: 'ObjectTerritory2Association', where: 'Territory2.Territory2ModelId = :modelId' },
  objectTerritoriesFor: { object: 'ObjectTerritory2Association', where: 'ObjectId IN :ids AND Territory2.Territory2ModelId = :modelId' },
  // TerritoryKitTerritory2.queryShape (the planning-model save)
  territoryModels: { object: 'Territory2Model', where: '' },
  territoryTypes: { object: 'Territory2Type', where: '' },
  assignmentRules: { object: 'ObjectTerritory2AssignmentRule', where: 'Territory2ModelId = :modelId' },
  assignmentRuleItems: { object: 'ObjectTerritory2AssignmentRuleItem', where: 'RuleId IN :ids' },
  ruleTerritories: { object: 'RuleTerritory2Association', where: 'Territory2.Territory2ModelId = :modelId' },
};

/**
 * TerritoryKitTerritory2's planning-model writes: the fields each object may be created or updated
 * with (anything else refuses the call, naming the field); every record must belong to a model in
 * Planning state, else it fails alone with MODEL_NOT_IN_PLANNING.
 */
export const PLANNING_WRITES: Record<string, { create: string[]; update: string[]; destroy: boolean }> = {
  Territory2Model: { create: ['Name', 'DeveloperName', 'Description'], update: ['Name', 'Description'], destroy: false },
  Territory2: { create: ['Name', 'DeveloperName', 'Territory2ModelId', 'Territory2TypeId', 'ParentTerritory2Id', 'Description'], update: ['Name', 'ParentTerritory2Id', 'Description'], destroy: true },
  ObjectTerritory2AssignmentRule: { create: ['DeveloperName', 'MasterLabel', 'ObjectType', 'BooleanFilter', 'IsActive', 'Territory2ModelId'], update: ['MasterLabel', 'IsActive'], destroy: true },
  ObjectTerritory2AssignmentRuleItem: { create: ['RuleId', 'SortOrder', 'Field', 'Operation', 'Value'], update: [], destroy: true },
  RuleTerritory2Association: { create: ['RuleId', 'Territory2Id', 'IsInherited'], update: [], destroy: true },
  UserTerritory2Association: { create: ['UserId', 'Territory2Id', 'RoleInTerritory2'], update: ['RoleInTerritory2'], destroy: true },
};

const fail = (code: string, message: string, field?: string) =>
  Promise.reject({ status: 500, body: { message: JSON.stringify({ code, message, ...(field ? { field } : {}) }), exceptionType: 'System.AuraHandledException' } });

const ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;
const PREFIX: Record<string, string> = { Account: '001', User: '005', Territory2: '0MI', ObjectTerritory2Association: '0R4', ForecastingQuota: '0J9', ForecastingType: '0Db' };

/** The Territory2Model a planning-model record (given, or stored under `id`) belongs to. */
function modelOf(store: OrgStore, object: string, r: Record<string, unknown>): string | undefined {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const get = (o: string, id: unknown) => (typeof id === 'string' ? store.get(o, id) : undefined);
  switch (object) {
    case 'Territory2Model': return str(r.Id);
    case 'Territory2':
    case 'ObjectTerritory2AssignmentRule': return str(r.Territory2ModelId) ?? str(get(object, r.Id)?.Territory2ModelId);
    case 'ObjectTerritory2AssignmentRuleItem': {
      const rule = get('ObjectTerritory2AssignmentRule', r.RuleId ?? get(object, r.Id)?.RuleId);
      return str(rule?.Territory2ModelId);
    }
    default: {
      const t = get('Territory2', r.Territory2Id ?? get(object, r.Id)?.Territory2Id);
      return str(t?.Territory2ModelId);
    }
  }
}
const refused = (id: unknown, statusCode: string, message: string, field: string): SfSaveResult =>
  ({ id: typeof id === 'string' ? id : null, success: false, errors: [{ statusCode, message, fields: [field] }] });

export interface ApexFake extends ApexMethods {
  calls: number;
}

export interface ApexFakeOptions {
  /** Fields the running user cannot read (`Opportunity.Amount`): refused with INVALID_FIELD naming them. */
  unreadable?: string[];
  /** The running user cannot edit Account.OwnerId: updateRecords answers INSUFFICIENT_ACCESS. */
  ownerNotUpdateable?: boolean;
  /** Fields the running user cannot edit (`Account.Territory_Locked__c`): updateLockField answers INSUFFICIENT_ACCESS. */
  notUpdateable?: string[];
  /** Checkbox fields (`Account.Territory_Locked__c`): the only ones updateLockField writes. */
  checkboxes?: string[];
  /** Hand in the `quotas` method too (a host that imports TerritoryKitController.quotas). Default false. */
  withQuotas?: boolean;
  /** Whether TerritoryKitQuotas (demo/salesforce/quotas) is deployed. Default: when the store has forecasting enabled. */
  quotasDeployed?: boolean;
}

export function apexMethodsFor(store: OrgStore, extraFields: Record<string, string[]> = {}, pageSize = 2000, options: ApexFakeOptions = {}): ApexFake {
  /** Id.getSObjectType(): by key prefix, or (the contract suite seeds ids such as `acc-00001`) by the store. */
  const isIdOf = (v: unknown, object: string) => typeof v === 'string' && (store.objectOf(v) === object || (ID.test(v) && v.startsWith(PREFIX[object])));
  const unreadable = new Set((options.unreadable ?? []).map((f) => f.toLowerCase()));
  /** Runs the records that passed the checks; puts each result back at its record's position. */
  const merge = (checked: (SfSaveResult | null)[], run: (positions: number[]) => SfSaveResult[]): SfSaveResult[] => {
    const positions = checked.flatMap((r, i) => (r === null ? [i] : []));
    const results = positions.length ? run(positions) : [];
    positions.forEach((p, k) => (checked[p] = results[k]));
    return checked as SfSaveResult[];
  };
  const bind = (params: Record<string, unknown>, name: string): string => {
    const v = params[name];
    if (name === 'ids') {
      // Apex binds `:ids`; the fake quotes each value as a bind would treat it: as data, never as SOQL.
      if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string')) throw new Error('ids must be a list of strings');
      return `(${v.map(quote).join(', ')})`;
    }
    if (name === 'modelId' && typeof v === 'string') return quote(v);
    if ((name === 'from' || name === 'to') && typeof v === 'string' && DATE.test(v)) return v;
    throw new Error(`bad parameter ${name}`);
  };
  const notUpdateable = new Set((options.notUpdateable ?? []).map((f) => f.toLowerCase()));
  const checkboxes = new Set([...(options.checkboxes ?? []), 'User.IsActive', 'Opportunity.IsClosed', 'Opportunity.IsWon'].map((f) => f.toLowerCase()));
  /** The describe as the Apex class reads it: the field's canonical name when it exists and is readable. */
  const describedName = (object: string, field: string): string | undefined => {
    const name = [...(SCHEMA[object] ?? []), ...(extraFields[object] ?? [])].find((f) => f.toLowerCase() === String(field).toLowerCase());
    return name && !unreadable.has(`${object}.${name}`.toLowerCase()) ? name : undefined;
  };
  /** TerritoryKitTerritory2's create/update/delete of planning-model records (see PLANNING_WRITES). */
  const planningWrite = async (op: 'create' | 'update' | 'destroy', object: string, records: Record<string, unknown>[]): Promise<SfSaveResult[]> => {
    const rule = PLANNING_WRITES[object];
    if (!Array.isArray(records) || records.length === 0 || records.length > 200) return fail('EXCEEDED_ID_LIMIT', 'between 1 and 200 records per call');
    if (op === 'destroy' && !rule.destroy) return fail('INVALID_TYPE', `${object} records are not deleted by territory-kit`);
    const allowed = op === 'create' ? rule.create : op === 'update' ? ['Id', ...rule.update] : ['Id'];
    const bad = records.flatMap((r) => Object.keys(r)).find((k) => k !== 'attributes' && !allowed.includes(k));
    if (bad) return fail('INVALID_FIELD_FOR_INSERT_UPDATE', `cannot ${op === 'create' ? 'create' : 'write'} ${object}.${bad}`, `${object}.${bad}`);
    const checked = records.map((r) => {
      if (op !== 'create' && (typeof r.Id !== 'string' || store.objectOf(r.Id) !== object)) return refused(r.Id, 'INVALID_ID_FIELD', `${JSON.stringify(r.Id)} is not a ${object} id`, 'Id');
      if (op === 'create' && object === 'Territory2Model') return null; // a new model starts in Planning
      const modelId = modelOf(store, object, r);
      const model = modelId ? store.get('Territory2Model', modelId) : undefined;
      if (!model) return op === 'destroy' ? null : refused(r.Id ?? null, 'INVALID_CROSS_REFERENCE_KEY', `the ${object} does not belong to a Territory2Model`, 'Territory2ModelId');
      if (model.State !== 'Planning') return refused(r.Id ?? null, 'MODEL_NOT_IN_PLANNING', `Territory2Model ${modelId} is ${String(model.State)}: territory-kit writes only to models in Planning state`, 'Territory2ModelId');
      return null;
    });
    return merge(checked, (at) => (op === 'destroy' ? store.destroy(at.map((i) => String(records[i].Id))) : store[op](object, at.map((i) => records[i]))));
  };
  /** TerritoryKitController.quotas → TerritoryKitQuotas.call(action, { requestJson }), re-stated. */
  const quotas = async ({ action, requestJson }: { action: string; requestJson: string }) => {
    fake.calls++;
    const deployed = options.quotasDeployed ?? store.describe('ForecastingQuota') !== undefined;
    if (!deployed) return fail('QUOTAS_UNAVAILABLE', 'quotas are not set up in this org: they need Collaborative Forecasts enabled and the quotas folder of the sample deployed');
    const req = JSON.parse(requestJson) as Record<string, unknown>;
    if (action === 'describe') {
      const d = store.describe('ForecastingQuota') as { queryable: boolean; createable: boolean; updateable: boolean; deletable: boolean; fields: { name: string; createable: boolean; updateable: boolean }[] } | undefined;
      if (!d) return { describe: { exists: false, queryable: false, createable: false, updateable: false, deletable: false, amountWritable: false } };
      const amount = d.fields.find((f) => f.name === 'QuotaAmount')!;
      return { describe: { exists: true, queryable: d.queryable, createable: d.createable, updateable: d.updateable, deletable: d.deletable, amountWritable: amount.createable && amount.updateable } };
    }
    if (action === 'forecastingTypes') return { records: store.query('SELECT Id, DeveloperName, MasterLabel, IsAmount FROM ForecastingType WHERE IsActive = true ORDER BY Id').records };
    if (action === 'read') {
      const owners = req.ownerIds === undefined ? '' : Array.isArray(req.ownerIds) && req.ownerIds.every((x) => typeof x === 'string') ? ` AND QuotaOwnerId IN (${(req.ownerIds as string[]).map(quote).join(', ')})` : null;
      if (owners === null || typeof req.forecastingTypeId !== 'string' || typeof req.from !== 'string' || !DATE.test(req.from)) return fail('INVALID_PARAMETER', 'read needs forecastingTypeId, from (YYYY-MM-DD) and optionally ownerIds');
      return { records: store.query(`SELECT Id, QuotaOwnerId, QuotaAmount, StartDate, ForecastingTypeId FROM ForecastingQuota WHERE ForecastingTypeId = ${quote(req.forecastingTypeId)} AND StartDate >= ${req.from} AND QuotaOwnerId != null AND ProductFamily = null${owners} ORDER BY Id`).records };
    }
    if (action === 'create' || action === 'update') {
      const records = req.records as Record<string, unknown>[];
      const allowed = action === 'create' ? ['QuotaOwnerId', 'StartDate', 'ForecastingTypeId', 'QuotaAmount'] : ['Id', 'QuotaAmount'];
      const bad = records.flatMap((r) => Object.keys(r)).find((k) => k !== 'attributes' && !allowed.includes(k));
      if (bad) return fail('INVALID_FIELD_FOR_INSERT_UPDATE', `cannot write ForecastingQuota.${bad}`, `ForecastingQuota.${bad}`);
      const checked = records.map((r) => (action === 'update'
        ? (!isIdOf(r.Id, 'ForecastingQuota') ? refused(r.Id, 'INVALID_ID_FIELD', `Id ${JSON.stringify(r.Id)} is not a ForecastingQuota id`, 'Id') : null)
        : !isIdOf(r.QuotaOwnerId, 'User') ? refused(null, 'INVALID_CROSS_REFERENCE_KEY', `QuotaOwnerId ${JSON.stringify(r.QuotaOwnerId)} is not a User id`, 'QuotaOwnerId')
        : !isIdOf(r.ForecastingTypeId, 'ForecastingType') ? refused(null, 'INVALID_CROSS_REFERENCE_KEY', `ForecastingTypeId ${JSON.stringify(r.ForecastingTypeId)} is not a ForecastingType id`, 'ForecastingTypeId')
        : null));
      return { results: merge(checked, (at) => (action === 'create' ? store.create('ForecastingQuota', at.map((i) => records[i])) : store.update('ForecastingQuota', at.map((i) => records[i])))) };
    }
    if (action === 'delete') {
      const ids = req.ids as unknown[];
      const checked = ids.map((id) => (isIdOf(id, 'ForecastingQuota') ? null : refused(id, 'INVALID_ID_FIELD', `${JSON.stringify(id)} is not a ForecastingQuota id`, 'Id')));
      return { results: merge(checked, (at) => store.destroy(at.map((i) => String(ids[i])))) };
    }
    return fail('INVALID_OPERATION', `unknown quota action ${JSON.stringify(action)}`);
  };
  const fake: ApexFake = {
    calls: 0,
    ...(options.withQuotas ? { quotas } : {}),
    async queryPage({ requestJson }) {
      fake.calls++;
      const req = JSON.parse(requestJson) as { name: string; fields: string[]; params: Record<string, unknown>; locator: string | null; count: boolean };
      // ownerTracking: a fixed FieldDefinition query in the class (FieldDefinition allows no keyset paging).
      if (req.name === 'ownerTracking') {
        return { records: store.query("SELECT QualifiedApiName, IsFieldHistoryTracked FROM FieldDefinition WHERE EntityDefinition.QualifiedApiName = 'Opportunity' AND QualifiedApiName = 'OwnerId'").records.map(({ attributes: _a, ...r }) => r), nextLocator: null };
      }
      const tpl = TEMPLATES[req.name];
      if (!tpl) return fail('INVALID_QUERY', `query ${JSON.stringify(req.name)} is not allowed`);
      let where: string;
      try {
        where = tpl.where.replace(/:(\w+)/g, (_, name: string) => bind(req.params ?? {}, name));
      } catch (e) {
        return fail('INVALID_PARAMETER', (e as Error).message);
      }
      if (req.count) {
        return { records: [], totalSize: store.query(`SELECT COUNT() FROM ${tpl.object}${where ? ` WHERE ${where}` : ''}`).totalSize };
      }
      // Fields are checked after the COUNT() branch, as in the Apex class (a count selects no field).
      const known = new Set([...SCHEMA[tpl.object], ...(extraFields[tpl.object] ?? [])].map((f) => f.toLowerCase()));
      const bad = req.fields.find((f) => !known.has(String(f).toLowerCase()) || unreadable.has(`${tpl.object}.${f}`.toLowerCase()));
      if (bad) return fail('INVALID_FIELD', `${tpl.object}.${bad} does not exist or is not readable for this user`, `${tpl.object}.${bad}`);
      if (req.locator !== null && typeof req.locator !== 'string') return fail('INVALID_PARAMETER', 'bad locator');
      const clauses = [where, req.locator ? `Id > ${quote(req.locator)}` : ''].filter(Boolean);
      const soql = `SELECT ${req.fields.join(', ')} FROM ${tpl.object}${clauses.length ? ` WHERE ${clauses.map((c) => `(${c})`).join(' AND ')}` : ''} ORDER BY Id LIMIT ${pageSize + 1}`;
      const { records } = store.query(soql);
      const more = records.length > pageSize;
      const page = records.slice(0, pageSize);
      return { records: page, nextLocator: more ? String(page[page.length - 1].Id) : null };
    },
    async updateRecords({ objectName, recordsJson }) {
      fake.calls++;
      if (PLANNING_WRITES[objectName]) return planningWrite('update', objectName, JSON.parse(recordsJson) as Record<string, unknown>[]);
      if (objectName !== 'Account') return fail('INVALID_TYPE', 'only Account can be updated');
      if (options.ownerNotUpdateable) return fail('INSUFFICIENT_ACCESS', 'Account.OwnerId is not updateable for this user', 'Account.OwnerId');
      const records = JSON.parse(recordsJson) as Record<string, unknown>[];
      const bad = records.flatMap((r) => Object.keys(r)).find((k) => k !== 'Id' && k !== 'attributes' && k !== 'OwnerId');
      if (bad) return fail('INVALID_FIELD_FOR_INSERT_UPDATE', `cannot write Account.${bad}`, `Account.${bad}`);
      const checked = records.map((r) =>
        !isIdOf(r.Id, 'Account') ? refused(r.Id, typeof r.Id === 'string' ? 'INVALID_ID_FIELD' : 'MALFORMED_ID', `Id ${JSON.stringify(r.Id)} is not an Account id`, 'Id')
        : !isIdOf(r.OwnerId, 'User') ? refused(r.Id, 'INVALID_CROSS_REFERENCE_KEY', `OwnerId ${JSON.stringify(r.OwnerId)} is not a User id`, 'OwnerId')
        : null);
      return merge(checked, (at) => store.update('Account', at.map((i) => records[i])));
    },
    async describeFields({ objectName, fieldNames }) {
      fake.calls++;
      if (!SCHEMA[objectName]) return fail('INVALID_TYPE', `${objectName} is not an object`);
      return fieldNames.flatMap((f) => {
        const name = describedName(objectName, f);
        if (!name) return [];
        const key = `${objectName}.${name}`.toLowerCase();
        return [{ name, type: checkboxes.has(key) ? 'boolean' : 'string', updateable: !notUpdateable.has(key) && !['Id', 'LastModifiedDate', 'SystemModstamp', 'CreatedDate'].includes(name) }];
      });
    },
    async updateLockField({ objectName, fieldName, recordsJson }) {
      fake.calls++;
      if (objectName !== 'Account') return fail('INVALID_TYPE', 'only Account lock fields can be updated');
      const name = describedName('Account', fieldName);
      if (!name) return fail('INVALID_FIELD', `Account.${fieldName} does not exist or is not readable for this user`, `Account.${fieldName}`);
      if (!checkboxes.has(`account.${name}`.toLowerCase())) return fail('INVALID_FIELD', `Account.${name} is not a checkbox`, `Account.${name}`);
      if (notUpdateable.has(`account.${name}`.toLowerCase())) return fail('INSUFFICIENT_ACCESS', `Account.${name} is not updateable for this user`, `Account.${name}`);
      const records = JSON.parse(recordsJson) as Record<string, unknown>[];
      const bad = records.flatMap((r) => Object.keys(r)).find((k) => k !== 'Id' && k !== 'attributes' && k !== fieldName);
      if (bad) return fail('INVALID_FIELD_FOR_INSERT_UPDATE', `cannot write Account.${bad}`, `Account.${bad}`);
      const checked = records.map((r) =>
        !isIdOf(r.Id, 'Account') ? refused(r.Id, typeof r.Id === 'string' ? 'INVALID_ID_FIELD' : 'MALFORMED_ID', `Id ${JSON.stringify(r.Id)} is not an Account id`, 'Id')
        : typeof r[fieldName] !== 'boolean' ? refused(r.Id, 'INVALID_TYPE_ON_FIELD_IN_RECORD', `${fieldName} must be true or false`, fieldName)
        : null);
      return merge(checked, (at) => store.update('Account', at.map((i) => ({ Id: records[i].Id, [name]: records[i][fieldName] }))));
    },
    async createRecords({ objectName, recordsJson }) {
      fake.calls++;
      if (PLANNING_WRITES[objectName]) return planningWrite('create', objectName, JSON.parse(recordsJson) as Record<string, unknown>[]);
      if (objectName !== 'ObjectTerritory2Association') return fail('INVALID_TYPE', 'only ObjectTerritory2Association can be created');
      const records = JSON.parse(recordsJson) as Record<string, unknown>[];
      const bad = records.flatMap((r) => Object.keys(r)).find((k) => k !== 'attributes' && !['ObjectId', 'Territory2Id', 'AssociationCause'].includes(k));
      if (bad) return fail('INVALID_FIELD_FOR_INSERT_UPDATE', `cannot write ObjectTerritory2Association.${bad}`, `ObjectTerritory2Association.${bad}`);
      const checked = records.map((r) =>
        r.AssociationCause !== 'Territory2Manual' ? refused(null, 'FIELD_INTEGRITY_EXCEPTION', 'AssociationCause must be Territory2Manual', 'AssociationCause')
        : !isIdOf(r.ObjectId, 'Account') ? refused(null, 'INVALID_CROSS_REFERENCE_KEY', `ObjectId ${JSON.stringify(r.ObjectId)} is not an Account id`, 'ObjectId')
        : !isIdOf(r.Territory2Id, 'Territory2') ? refused(null, 'INVALID_CROSS_REFERENCE_KEY', `Territory2Id ${JSON.stringify(r.Territory2Id)} is not a Territory2 id`, 'Territory2Id')
        : null);
      return merge(checked, (at) => store.create('ObjectTerritory2Association', at.map((i) => records[i])));
    },
    async deleteRecords({ objectName, ids }) {
      fake.calls++;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 200) return fail('EXCEEDED_ID_LIMIT', 'between 1 and 200 ids per call');
      if (PLANNING_WRITES[objectName]) return planningWrite('destroy', objectName, ids.map((Id) => ({ Id })));
      if (objectName !== 'ObjectTerritory2Association') return fail('INVALID_TYPE', 'only ObjectTerritory2Association can be deleted');
      const checked = ids.map((id) => {
        if (typeof id !== 'string') return refused(id, 'MALFORMED_ID', `${JSON.stringify(id)} is not a Salesforce id`, 'Id');
        if (!isIdOf(id, 'ObjectTerritory2Association')) return refused(id, 'INVALID_ID_FIELD', `${id} is not an ObjectTerritory2Association id`, 'Id');
        const row = store.get('ObjectTerritory2Association', id);
        if (row && row.AssociationCause !== 'Territory2Manual') {
          return refused(id, 'INVALID_OPERATION', 'only manual (Territory2Manual) territory associations can be deleted; this one was assigned by a rule', 'AssociationCause');
        }
        return null;
      });
      return merge(checked, (at) => store.destroy(at.map((i) => ids[i])));
    },
  };
  return fake;
}
