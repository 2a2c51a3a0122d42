/**
 * The emulator's in-memory org: records by sObject, a SOQL runner, DML with per-record results in
 * the Salesforce shape, per-record fault injection and a log of every write actually applied.
 */
import { matches, parseSoql, sortRecords, SoqlError, type Expr, type ParsedQuery } from './soql.js';

function idsOf(e: Expr | undefined): string[] | undefined {
  if (!e) return undefined;
  if (e.kind === 'and') return idsOf(e.left) ?? idsOf(e.right);
  if (e.kind === 'in' && !e.negate && e.field.toLowerCase() === 'id') return [...new Set(e.values.map(String))];
  if (e.kind === 'cmp' && e.op === '=' && e.field.toLowerCase() === 'id') return [String(e.value)];
  return undefined;
}

export type SObjectRecord = Record<string, unknown> & { Id: string };

export interface SaveError { statusCode: string; message: string; fields: string[] }
export interface SaveResult { id?: string; success: boolean; errors: SaveError[] }

/** One write that really changed the org. */
export interface AppliedWrite {
  op: 'update' | 'create' | 'delete';
  object: string;
  id: string;
  fields?: Record<string, unknown>;
}

/** Make the next `times` DML operations on a record fail with `statusCode`. The key is the
 * record Id, or for territory associations the account (`ObjectId`). */
export interface RecordFault { statusCode: string; message?: string; times: number; op?: AppliedWrite['op'] }

const PREFIX: Record<string, string> = {
  Account: '001', User: '005', Opportunity: '006', Territory2Model: '0MA', Territory2: '0MI',
  Territory2Type: '0M5', UserTerritory2Association: '0R0', ObjectTerritory2Association: '0R4',
  ObjectTerritory2AssignmentRule: '0OH', ObjectTerritory2AssignmentRuleItem: '0OI', RuleTerritory2Association: '0OJ',
  ForecastingType: '0Db', ForecastingQuota: '0J9', OpportunityFieldHistory: '017',
};

/** Collaborative Forecasts objects: present only after `enableForecasting()` (off by default, as in a new org). */
export const FORECASTING_SCHEMA: Record<string, string[]> = {
  ForecastingType: ['Id', 'LastModifiedDate', 'SystemModstamp', 'CreatedDate', 'DeveloperName', 'MasterLabel', 'IsActive', 'IsAmount', 'IsQuantity'],
  ForecastingQuota: ['Id', 'LastModifiedDate', 'SystemModstamp', 'CreatedDate', 'QuotaOwnerId', 'QuotaAmount', 'QuotaQuantity', 'StartDate', 'ForecastingTypeId', 'ProductFamily', 'IsAmount', 'IsQuantity'],
};

/** What a describe of an object says the running user may do (see `OrgStore.access`). */
export interface ObjectAccess { queryable: boolean; createable: boolean; updateable: boolean; deletable: boolean }

const SYSTEM = ['Id', 'LastModifiedDate', 'SystemModstamp', 'CreatedDate'];
export const SCHEMA: Record<string, string[]> = {
  Account: [...SYSTEM, 'Name', 'OwnerId', 'Industry', 'NumberOfEmployees', 'AnnualRevenue', 'BillingLatitude', 'BillingLongitude',
    'BillingPostalCode', 'BillingState', 'BillingCountry', 'LastActivityDate'],
  User: [...SYSTEM, 'Name', 'Email', 'IsActive', 'UserType', 'Latitude', 'Longitude'],
  Opportunity: [...SYSTEM, 'Name', 'AccountId', 'OwnerId', 'Amount', 'IsClosed', 'IsWon', 'CloseDate', 'StageName'],
  Territory2Model: [...SYSTEM, 'Name', 'DeveloperName', 'State'],
  Territory2Type: [...SYSTEM, 'MasterLabel', 'DeveloperName', 'Priority'],
  Territory2: [...SYSTEM, 'Name', 'DeveloperName', 'Territory2ModelId', 'Territory2TypeId', 'ParentTerritory2Id'],
  UserTerritory2Association: [...SYSTEM, 'UserId', 'Territory2Id', 'RoleInTerritory2', 'IsActive'],
  ObjectTerritory2Association: [...SYSTEM, 'ObjectId', 'Territory2Id', 'AssociationCause', 'SobjectType'],
  ObjectTerritory2AssignmentRule: [...SYSTEM, 'DeveloperName', 'MasterLabel', 'ObjectType', 'BooleanFilter', 'IsActive', 'Territory2ModelId'],
  ObjectTerritory2AssignmentRuleItem: [...SYSTEM, 'RuleId', 'SortOrder', 'Field', 'Operation', 'Value'],
  RuleTerritory2Association: [...SYSTEM, 'RuleId', 'Territory2Id', 'IsInherited'],
  // Field history of opportunities: a tracked lookup change writes two rows, one with ids (DataType
  // EntityId) and one with names (DataType Text), as Salesforce does.
  OpportunityFieldHistory: ['Id', 'CreatedDate', 'CreatedById', 'OpportunityId', 'Field', 'DataType', 'OldValue', 'NewValue', 'IsDeleted'],
  // Metadata as the regular API exposes it (enough for FieldDefinition.IsFieldHistoryTracked of Opportunity.OwnerId).
  EntityDefinition: ['Id', 'QualifiedApiName'],
  FieldDefinition: ['Id', 'EntityDefinitionId', 'QualifiedApiName', 'IsFieldHistoryTracked'],
};
/** Field-level security and field types of the emulated org (see OrgStore). */
export interface FieldSecurity {
  /** `Object.Field` the running user cannot read: absent from the describe, `No such column` in SOQL. */
  hidden?: string[];
  /** `Object.Field` the running user cannot edit: `updateable: false`, DML fails INVALID_FIELD_FOR_INSERT_UPDATE. */
  readOnly?: string[];
  /** `Object.Field` → describe type, e.g. `{ 'Account.Territory_Locked__c': 'boolean' }`. */
  types?: Record<string, string>;
}

const BUILTIN_TYPES: Record<string, string> = {
  'FieldDefinition.IsFieldHistoryTracked': 'boolean', 'User.IsActive': 'boolean', 'Opportunity.IsClosed': 'boolean', 'Opportunity.IsWon': 'boolean', 'Account.OwnerId': 'reference', 'Opportunity.OwnerId': 'reference',
};

const READ_ONLY = new Set(['Id', 'LastModifiedDate', 'SystemModstamp', 'CreatedDate', 'LastActivityDate', 'IsClosed', 'IsWon']);
const CREATE_DELETE_ONLY = new Set(['ObjectTerritory2Association']);

/** An 18-character Salesforce id: 15 case-sensitive characters + the 3-character case checksum. */
export function sfId(prefix: string, n: number): string {
  const base = prefix + n.toString(36).toUpperCase().padStart(15 - prefix.length, '0');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let c = 0; c < 3; c++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(base[c * 5 + i])) bits |= 1 << i;
    suffix += alphabet[bits];
  }
  return base + suffix;
}

/** Salesforce's datetime format: 2026-11-27T04:42:36.000+0000. */
export function sfDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export class OrgStore {
  readonly objects = new Map<string, Map<string, SObjectRecord>>();
  readonly applied: AppliedWrite[] = [];
  readonly recordFaults = new Map<string, RecordFault>();
  /** Object permissions the describe reports (default: everything allowed). */
  readonly access = new Map<string, ObjectAccess>();
  /** The user the API acts as (quota writes for their own quota are refused, as Salesforce does). */
  actingUserId?: string;
  /** Runs once, just before the next DML is applied (to model a concurrent user in the race window). */
  beforeWrite?: (op: AppliedWrite['op'], object: string, ids: string[]) => void;
  private counter = 0;
  private lastStamp = 0;
  private readonly schema: Record<string, string[]>;

  /** Field-level security of the running user: `Object.Field` names it cannot read / cannot edit. */
  private readonly hidden: Set<string>;
  private readonly readOnly: Set<string>;
  /** Field types for the describe (`Object.Field` → `boolean`…); unnamed fields are `string`. */
  private readonly fieldTypes: Record<string, string>;

  constructor(extraFields: Record<string, string[]> = {}, security: FieldSecurity = {}) {
    this.schema = Object.fromEntries(Object.entries(SCHEMA).map(([o, f]) => [o, [...f, ...(extraFields[o] ?? [])]]));
    for (const o of Object.keys(this.schema)) this.objects.set(o, new Map());
    this.hidden = new Set((security.hidden ?? []).map((f) => f.toLowerCase()));
    this.readOnly = new Set((security.readOnly ?? []).map((f) => f.toLowerCase()));
    this.fieldTypes = Object.fromEntries(Object.entries({ ...BUILTIN_TYPES, ...security.types }).map(([k, v]) => [k.toLowerCase(), v]));
    const opportunity = this.insert('EntityDefinition', { Id: 'Opportunity', QualifiedApiName: 'Opportunity' });
    this.insert('FieldDefinition', { Id: 'Opportunity.OwnerId', EntityDefinitionId: opportunity, QualifiedApiName: 'OwnerId', IsFieldHistoryTracked: true });
  }

  /**
   * Field history tracking of Opportunity Owner (on by default in the emulator, so loads without
   * history behave as before; off in a new real org). While on, every OwnerId change of an
   * Opportunity (update or touch) writes its two OpportunityFieldHistory rows.
   */
  trackOpportunityOwner(on: boolean): void {
    this.table('FieldDefinition').get('Opportunity.OwnerId')!.IsFieldHistoryTracked = on;
  }

  /** Seeds one owner change of an opportunity at `at` (both rows, ids and names), as if tracked then. */
  recordOwnerChange(opportunityId: string, from: string, to: string, at: string): void {
    const name = (id: string) => String(this.get('User', id)?.Name ?? id);
    const row = { OpportunityId: opportunityId, Field: 'Owner', CreatedDate: at, CreatedById: this.actingUserId ?? null, IsDeleted: false };
    this.insert('OpportunityFieldHistory', { ...row, DataType: 'EntityId', OldValue: from, NewValue: to });
    this.insert('OpportunityFieldHistory', { ...row, DataType: 'Text', OldValue: name(from), NewValue: name(to) });
  }

  /** The history rows an update writes: Opportunity Owner changes while Owner is tracked. */
  private track(object: string, rec: SObjectRecord, fields: Record<string, unknown>, now: string): void {
    if (object !== 'Opportunity' || !('OwnerId' in fields) || fields.OwnerId === rec.OwnerId) return;
    if (this.get('FieldDefinition', 'Opportunity.OwnerId')?.IsFieldHistoryTracked !== true) return;
    this.recordOwnerChange(rec.Id, String(rec.OwnerId), String(fields.OwnerId), now);
  }

  /**
   * Turns Collaborative Forecasts on: ForecastingType and ForecastingQuota exist, with the standard
   * `OpportunityRevenue` type (and any `types` given). Returns the types' ids by DeveloperName.
   */
  enableForecasting(types: { DeveloperName: string; MasterLabel?: string; IsAmount?: boolean; IsActive?: boolean }[] = []): Record<string, string> {
    for (const [o, f] of Object.entries(FORECASTING_SCHEMA)) {
      this.schema[o] = [...f];
      if (!this.objects.has(o)) this.objects.set(o, new Map());
    }
    const ids: Record<string, string> = {};
    for (const t of [{ DeveloperName: 'OpportunityRevenue', MasterLabel: 'Opportunities - Revenue' }, ...types]) {
      ids[t.DeveloperName] = this.insert('ForecastingType', { MasterLabel: t.DeveloperName, IsActive: true, IsAmount: true, IsQuantity: !(t.IsAmount ?? true), ...t });
    }
    return ids;
  }

  /**
   * The describe of an object as the running user sees it (GET /sobjects/{type}/describe): object
   * permissions, and the readable fields with type, createability and updateability; undefined when
   * the org has no such object (e.g. ForecastingQuota before `enableForecasting`).
   */
  describe(object: string): { name: string; queryable: boolean; createable: boolean; updateable: boolean; deletable: boolean; fields: { name: string; type: string; createable: boolean; updateable: boolean }[] } | undefined {
    const o = this.canonicalObject(object);
    if (!this.schema[o]) return undefined;
    const a = this.access.get(o) ?? { queryable: true, createable: true, updateable: true, deletable: true };
    const fields = this.schema[o].filter((f) => !this.hidden.has(`${o}.${f}`.toLowerCase())).map((f) => {
      const key = `${o}.${f}`.toLowerCase();
      const writable = !READ_ONLY.has(f) && !this.readOnly.has(key);
      return { name: f, type: f === 'Id' ? 'id' : this.fieldTypes[key] ?? 'string', createable: a.createable && writable, updateable: a.updateable && writable };
    });
    return { name: o, ...a, fields };
  }

  /** A strictly increasing timestamp, so two writes never share a LastModifiedDate. */
  stamp(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return sfDateTime(this.lastStamp);
  }

  private table(object: string): Map<string, SObjectRecord> {
    const t = this.objects.get(this.canonicalObject(object));
    if (!t) throw new SoqlError('INVALID_TYPE', `sObject type '${object}' is not supported.`);
    return t;
  }

  canonicalObject(object: string): string {
    return Object.keys(this.schema).find((o) => o.toLowerCase() === object.toLowerCase()) ?? object;
  }

  private canonicalField(object: string, field: string): string {
    const f = this.schema[object]?.find((x) => x.toLowerCase() === field.toLowerCase() && !this.hidden.has(`${object}.${x}`.toLowerCase()));
    if (!f) throw new SoqlError('INVALID_FIELD', `No such column '${field}' on entity '${object}'.`);
    return f;
  }

  /** Seeds a record without validation (may be malformed on purpose). Returns its id. */
  insert(object: string, fields: Record<string, unknown>): string {
    const o = this.canonicalObject(object);
    const id = (fields.Id as string | undefined) ?? sfId(PREFIX[o] ?? '0XX', ++this.counter);
    const now = this.stamp();
    const rec: SObjectRecord = { LastModifiedDate: now, SystemModstamp: now, CreatedDate: now, ...fields, Id: id };
    this.table(o).set(id, rec);
    return id;
  }

  get(object: string, id: string): SObjectRecord | undefined {
    return this.table(object).get(id);
  }

  all(object: string): SObjectRecord[] {
    return [...this.table(object).values()];
  }

  /** Another user edits a record: applies the fields and moves its stamps on. */
  touch(object: string, id: string, fields: Record<string, unknown> = {}): void {
    const rec = this.table(object).get(id);
    if (!rec) throw new Error(`no ${object} ${id}`);
    const now = this.stamp();
    this.track(this.canonicalObject(object), rec, fields, now);
    Object.assign(rec, fields, { LastModifiedDate: now, SystemModstamp: now });
  }

  private read = (object: string) => (record: Record<string, unknown>, field: string): unknown => {
    const dot = field.indexOf('.');
    if (dot < 0) return record[this.canonicalField(object, field)];
    const rel = field.slice(0, dot);
    const relObject = this.canonicalObject(rel);
    const lookup = record[this.canonicalField(object, `${rel}Id`)];
    const target = typeof lookup === 'string' ? this.objects.get(relObject)?.get(lookup) : undefined;
    return target ? this.read(relObject)(target, field.slice(dot + 1)) : null;
  };

  /** Runs a SOQL query; returns the matching records projected to the selected fields (with
   * `attributes`), or just the count for COUNT(). */
  query(soql: string, apiVersion = '62.0'): { parsed: ParsedQuery; records: Record<string, unknown>[]; totalSize: number } {
    const parsed = parseSoql(soql);
    const object = this.canonicalObject(parsed.object);
    const table = this.table(object);
    const read = this.read(object);
    const fields = parsed.fields.map((f) => (f.includes('.') ? f : this.canonicalField(object, f)));
    // Index lookup when the WHERE pins Id (Id IN (…) / Id = '…' in the top-level AND chain).
    const ids = idsOf(parsed.where);
    const candidates = ids ? ids.flatMap((id) => table.get(id) ?? []) : [...table.values()];
    let rows = candidates.filter((r) => !parsed.where || matches(parsed.where, r, read));
    sortRecords(rows, parsed.orderBy, read);
    if (parsed.offset) rows = rows.slice(parsed.offset);
    if (parsed.limit !== undefined) rows = rows.slice(0, parsed.limit);
    if (parsed.count) return { parsed, records: [], totalSize: rows.length };
    const records = rows.map((r) => {
      const out: Record<string, unknown> = { attributes: { type: object, url: `/services/data/v${apiVersion}/sobjects/${object}/${r.Id}` } };
      for (const f of fields) out[f] = read(r, f) ?? null;
      return out;
    });
    return { parsed, records, totalSize: records.length };
  }

  private fault(key: string, op: AppliedWrite['op']): SaveError | undefined {
    const f = this.recordFaults.get(key);
    if (!f || f.times <= 0 || (f.op && f.op !== op)) return undefined;
    f.times--;
    return { statusCode: f.statusCode, message: f.message ?? `${f.statusCode} (injected)`, fields: [] };
  }

  private runHook(op: AppliedWrite['op'], object: string, ids: string[]): void {
    const hook = this.beforeWrite;
    if (hook) {
      this.beforeWrite = undefined;
      hook(op, object, ids);
    }
  }

  private checkValue(object: string, field: string, value: unknown): SaveError | undefined {
    if (object === 'ForecastingQuota' && field === 'QuotaOwnerId') {
      if (typeof value !== 'string' || !this.get('User', value)) return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: ['QuotaOwnerId'] };
      if (value === this.actingUserId) return { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'you cannot edit your own quota', fields: ['QuotaOwnerId'] };
    }
    if (object === 'ForecastingQuota' && field === 'QuotaAmount' && !(typeof value === 'number' && value >= 0)) return { statusCode: 'INVALID_FIELD', message: 'quota amount must be a number ≥ 0', fields: ['QuotaAmount'] };
    if (object === 'Account' && field === 'OwnerId') {
      const user = typeof value === 'string' ? this.get('User', value) : undefined;
      if (!user) return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: ['OwnerId'] };
      if (user.IsActive !== true) return { statusCode: 'INACTIVE_OWNER_OR_USER', message: 'operation performed with inactive user', fields: ['OwnerId'] };
    }
    return undefined;
  }

  /** sObject Collections update. Throws SoqlError for request-level problems (unknown field). */
  update(object: string, records: Record<string, unknown>[], allOrNone = false): SaveResult[] {
    const o = this.canonicalObject(object);
    const table = this.table(o);
    const plans = records.map((r) => {
      const { attributes: _a, id, Id, ...rest } = r as Record<string, unknown> & { id?: string; Id?: string };
      const recId = (Id ?? id) as string | undefined;
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(rest)) fields[this.canonicalField(o, k)] = v;
      let error: SaveError | undefined;
      if (!recId) error = { statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] };
      else if (CREATE_DELETE_ONLY.has(o)) error = { statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: `${o} can only be created or deleted`, fields: [] };
      else if (!table.has(recId)) error = { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] };
      else if (o === 'ForecastingQuota' && table.get(recId)!.QuotaOwnerId === this.actingUserId) error = { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'you cannot edit your own quota', fields: ['QuotaOwnerId'] };
      else error = Object.keys(fields).map((f) => (READ_ONLY.has(f) || this.readOnly.has(`${o}.${f}`.toLowerCase()) ? { statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: `Unable to create/update fields: ${f}.`, fields: [f] } : this.checkValue(o, f, fields[f]))).find(Boolean) ?? this.fault(recId, 'update');
      return { recId, fields, error };
    });
    return this.finish(plans, allOrNone, () => {
      this.runHook('update', o, plans.map((p) => p.recId ?? ''));
      for (const p of plans) {
        if (p.error || !p.recId) continue;
        const now = this.stamp();
        this.track(o, table.get(p.recId)!, p.fields, now);
        Object.assign(table.get(p.recId)!, p.fields, { LastModifiedDate: now, SystemModstamp: now });
        this.applied.push({ op: 'update', object: o, id: p.recId, fields: p.fields });
      }
    });
  }

  create(object: string, records: Record<string, unknown>[], allOrNone = false): SaveResult[] {
    const o = this.canonicalObject(object);
    const table = this.table(o);
    const pairs = o === 'ObjectTerritory2Association' ? new Set([...table.values()].map((a) => `${a.ObjectId}|${a.Territory2Id}`)) : new Set<string>();
    const plans = records.map((r) => {
      const { attributes: _a, ...rest } = r as Record<string, unknown>;
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(rest)) fields[this.canonicalField(o, k)] = v;
      let error: SaveError | undefined;
      if (fields.Id) error = { statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: 'cannot specify Id in an insert call', fields: ['Id'] };
      else if (o === 'ObjectTerritory2Association') {
        const objectId = fields.ObjectId as string;
        if (!this.get('Account', objectId)) error = { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: ['ObjectId'] };
        else if (!this.get('Territory2', fields.Territory2Id as string)) error = { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: ['Territory2Id'] };
        else if (fields.AssociationCause !== 'Territory2Manual') error = { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'AssociationCause must be Territory2Manual', fields: ['AssociationCause'] };
        else if (pairs.has(`${objectId}|${fields.Territory2Id}`)) error = { statusCode: 'DUPLICATE_VALUE', message: 'duplicate value found: the account is already in this territory', fields: [] };
        else error = this.fault(objectId, 'create');
      } else if (o === 'ForecastingQuota') {
        const taken = [...table.values()].some((q) => q.QuotaOwnerId === fields.QuotaOwnerId && q.StartDate === fields.StartDate && q.ForecastingTypeId === fields.ForecastingTypeId && (q.ProductFamily ?? null) === null);
        error = Object.keys(fields).map((f) => this.checkValue(o, f, fields[f])).find(Boolean)
          ?? (taken ? { statusCode: 'DUPLICATE_VALUE', message: 'duplicate value found: a quota for this owner, period and forecast type exists', fields: [] } : undefined)
          ?? this.fault(String(fields.QuotaOwnerId), 'create');
        if (!error) fields.IsAmount = true;
      } else error = this.checkPlanning(o, fields) ?? Object.keys(fields).map((f) => this.checkValue(o, f, fields[f])).find(Boolean);
      if (o === 'Territory2Model' && !error) fields.State = 'Planning';
      return { recId: undefined as string | undefined, fields, error };
    });
    return this.finish(plans, allOrNone, () => {
      this.runHook('create', o, plans.map((p) => String(p.fields.ObjectId ?? '')));
      for (const p of plans) {
        if (p.error) continue;
        p.recId = this.insert(o, { SobjectType: o === 'ObjectTerritory2Association' ? 'Account' : undefined, ...p.fields });
        this.applied.push({ op: 'create', object: o, id: p.recId, fields: p.fields });
      }
    });
  }

  /**
   * Territory-model records on create, as Salesforce checks them: Territory2Model.State is not
   * createable (a new model is Planning), model DeveloperNames are unique in the org and territory
   * DeveloperNames within a model, references must exist, rule items only under a rule without
   * BooleanFilter.
   */
  private checkPlanning(o: string, f: Record<string, unknown>): SaveError | undefined {
    const missing = (field: string, object: string) => (typeof f[field] === 'string' && this.get(object, f[field] as string) ? undefined : { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `invalid cross reference id: ${field}`, fields: [field] });
    const dup = (field: string, same: (r: SObjectRecord) => boolean) => (this.all(o).some((r) => r[field] === f[field] && same(r)) ? { statusCode: 'DUPLICATE_DEVELOPER_NAME', message: `duplicate ${field} ${String(f[field])}`, fields: [field] } : undefined);
    if (o === 'Territory2Model') return 'State' in f ? { statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: 'Unable to create/update fields: State.', fields: ['State'] } : dup('DeveloperName', () => true);
    if (o === 'Territory2') return missing('Territory2ModelId', 'Territory2Model') ?? missing('Territory2TypeId', 'Territory2Type') ?? dup('DeveloperName', (r) => r.Territory2ModelId === f.Territory2ModelId);
    if (o === 'ObjectTerritory2AssignmentRule') return missing('Territory2ModelId', 'Territory2Model') ?? dup('DeveloperName', (r) => r.Territory2ModelId === f.Territory2ModelId);
    if (o === 'ObjectTerritory2AssignmentRuleItem') {
      const rule = typeof f.RuleId === 'string' ? this.get('ObjectTerritory2AssignmentRule', f.RuleId) : undefined;
      if (!rule) return missing('RuleId', 'ObjectTerritory2AssignmentRule');
      if (rule.BooleanFilter) return { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'rule items can be created only when the rule has no BooleanFilter', fields: ['RuleId'] };
    }
    if (o === 'RuleTerritory2Association') return missing('RuleId', 'ObjectTerritory2AssignmentRule') ?? missing('Territory2Id', 'Territory2');
    if (o === 'UserTerritory2Association') return missing('UserId', 'User') ?? missing('Territory2Id', 'Territory2');
    return undefined;
  }

  /** The sObject an id belongs to: by key prefix, else by looking it up (seeded custom ids). */
  objectOf(id: string): string | undefined {
    const byPrefix = Object.entries(PREFIX).find(([, p]) => id.startsWith(p))?.[0];
    if (byPrefix) return byPrefix;
    return [...this.objects.keys()].find((o) => this.objects.get(o)!.has(id));
  }

  /** sObject Collections delete: each id is resolved to its own sObject (as Salesforce does by key prefix). */
  destroy(ids: string[], allOrNone = false): SaveResult[] {
    const plans = ids.map((recId) => {
      const o = this.objectOf(recId);
      const rec = o ? this.objects.get(o)?.get(recId) : undefined;
      let error: SaveError | undefined;
      if (!o || !rec) error = { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] };
      else error = this.fault(o === 'ObjectTerritory2Association' ? (rec.ObjectId as string) : recId, 'delete');
      return { recId: recId as string | undefined, object: o, fields: {}, error };
    });
    return this.finish(plans, allOrNone, () => {
      this.runHook('delete', plans[0]?.object ?? '', ids);
      for (const p of plans) {
        if (p.error) continue;
        const table = this.objects.get(p.object!)!;
        const rec = table.get(p.recId!)!;
        table.delete(p.recId!);
        this.applied.push({ op: 'delete', object: p.object!, id: p.recId!, fields: { ObjectId: rec.ObjectId, Territory2Id: rec.Territory2Id } });
      }
    });
  }

  private finish(plans: { recId?: string; error?: SaveError }[], allOrNone: boolean, apply: () => void): SaveResult[] {
    const failed = plans.some((p) => p.error);
    if (allOrNone && failed) {
      return plans.map((p) => ({
        success: false,
        errors: [p.error ?? { statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] }],
      }));
    }
    apply();
    return plans.map((p) => (p.error ? { success: false, errors: [p.error] } : { id: p.recId, success: true, errors: [] }));
  }
}
