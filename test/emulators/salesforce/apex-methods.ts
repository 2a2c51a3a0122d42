/**
 * The Apex sample class (demo/salesforce/…/TerritoryKitController.cls) re-stated in TypeScript over
 * the emulator's data, so the apexTransport path runs end to end in Node: the same allow-listed
 * query names and WHERE templates, field checks, keyset pagination (Id > locator, 2,000 rows) and
 * Database.update/insert/delete(records, false) result shapes. Errors reject as Lightning does:
 * `{ status, body: { message } }` with an `CODE: text` message.
 */
import type { ApexMethods } from '../../../src/adapters/salesforce/index.js';
import type { OrgStore } from './store.js';
import { SCHEMA } from './store.js';

const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const TEMPLATES: Record<string, { object: string; where: string }> = {
  accounts: { object: 'Account', where: '' },
  activeUsers: { object: 'User', where: "IsActive = true AND UserType = 'Standard'" },
  usersById: { object: 'User', where: 'Id IN :ids' },
  opportunities: { object: 'Opportunity', where: 'AccountId != null AND (IsClosed = false OR (CloseDate >= :from AND CloseDate <= :to))' },
  accountStamps: { object: 'Account', where: 'Id IN :ids' },
  activeModel: { object: 'Territory2Model', where: "State = 'Active'" },
  modelById: { object: 'Territory2Model', where: 'Id IN :ids' },
  territories: { object: 'Territory2', where: 'Territory2ModelId = :modelId' },
  userTerritories: { object: 'UserTerritory2Association', where: 'Territory2.Territory2ModelId = :modelId' },
  objectTerritories: { object: 'ObjectTerritory2Association', where: 'Territory2.Territory2ModelId = :modelId' },
  objectTerritoriesFor: { object: 'ObjectTerritory2Association', where: 'ObjectId IN :ids AND Territory2.Territory2ModelId = :modelId' },
};
const WRITABLE: Record<string, { update?: string[]; create?: string[]; delete?: boolean }> = {
  Account: { update: ['OwnerId'] },
  ObjectTerritory2Association: { create: ['ObjectId', 'Territory2Id', 'AssociationCause'], delete: true },
};

const fail = (code: string, message: string) => Promise.reject({ status: 500, body: { message: `${code}: ${message}`, exceptionType: 'System.AuraHandledException' } });

export interface ApexFake extends ApexMethods {
  calls: number;
}

export function apexMethodsFor(store: OrgStore, extraFields: Record<string, string[]> = {}, pageSize = 2000): ApexFake {
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
  const fake: ApexFake = {
    calls: 0,
    async queryPage({ requestJson }) {
      fake.calls++;
      const req = JSON.parse(requestJson) as { name: string; fields: string[]; params: Record<string, unknown>; locator: string | null; count: boolean };
      const tpl = TEMPLATES[req.name];
      if (!tpl) return fail('INVALID_QUERY', `query ${JSON.stringify(req.name)} is not allowed`);
      const known = new Set([...SCHEMA[tpl.object], ...(extraFields[tpl.object] ?? [])].map((f) => f.toLowerCase()));
      const bad = req.fields.find((f) => !known.has(String(f).toLowerCase()));
      if (bad) return fail('INVALID_FIELD', `field ${bad} is not readable on ${tpl.object}`);
      let where: string;
      try {
        where = tpl.where.replace(/:(\w+)/g, (_, name: string) => bind(req.params ?? {}, name));
      } catch (e) {
        return fail('INVALID_PARAMETER', (e as Error).message);
      }
      if (req.count) {
        return { records: [], totalSize: store.query(`SELECT COUNT() FROM ${tpl.object}${where ? ` WHERE ${where}` : ''}`).totalSize };
      }
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
      const allowed = WRITABLE[objectName]?.update;
      const records = JSON.parse(recordsJson) as Record<string, unknown>[];
      const bad = records.flatMap((r) => Object.keys(r)).find((k) => k !== 'Id' && k !== 'attributes' && !allowed?.includes(k));
      if (!allowed || bad) return fail('INVALID_FIELD_FOR_INSERT_UPDATE', `cannot update ${objectName}.${bad ?? '*'}`);
      return store.update(objectName, records);
    },
    async createRecords({ objectName, recordsJson }) {
      fake.calls++;
      const allowed = WRITABLE[objectName]?.create;
      const records = JSON.parse(recordsJson) as Record<string, unknown>[];
      const bad = records.flatMap((r) => Object.keys(r)).find((k) => k !== 'attributes' && !allowed?.includes(k));
      if (!allowed || bad) return fail('INVALID_FIELD_FOR_INSERT_UPDATE', `cannot create ${objectName} with ${bad ?? '*'}`);
      return store.create(objectName, records);
    },
    async deleteRecords({ objectName, ids }) {
      fake.calls++;
      if (!WRITABLE[objectName]?.delete) return fail('INSUFFICIENT_ACCESS', `cannot delete ${objectName}`);
      if (ids.some((id) => store.objectOf(id) !== objectName)) return fail('INVALID_TYPE', `not all ids are ${objectName} ids`);
      return store.destroy(ids);
    },
  };
  return fake;
}
