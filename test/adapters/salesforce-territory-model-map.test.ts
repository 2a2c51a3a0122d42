// What a plan territory becomes in a Territory2 planning model, and what is said instead (issue #14).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { developerName, draftTerritory, type DraftOptions } from '../../src/adapters/salesforce/territory-model-map.js';
import type { Territory } from '../../src/model/territory.js';

const opts: DraftOptions = { fields: { industry: 'Industry', employees: 'NumberOfEmployees', annualRevenue: 'AnnualRevenue', potential: 'Potential__c', region: null }, stateField: 'BillingState' };
const base = (definition: Territory['definition'], extra: Partial<Territory> = {}): Territory => ({ id: 't-1', name: 'North', repIds: [], priority: 0, definition, ...extra });
const codes = (t: Territory, o = opts) => draftTerritory(t, o).notices.map((n) => `${n.code}@${n.field}`);

describe('draftTerritory: plan territory → Territory2 records', () => {
  it('maps rules, ranges and field predicates to AND-ed rule items', () => {
    const d = draftTerritory(base({ rules: { industries: ['Retail'], potential: { max: 9 }, fields: [{ field: 'Tier__c', op: 'in', value: ['Gold', 'Silver'] }, { field: 'Score__c', op: 'gt', value: 5 }] } }), opts);
    assert.deepEqual(d.rule?.items, [
      { Field: 'Account.Industry', Operation: 'equals', Value: 'Retail' },
      { Field: 'Account.Potential__c', Operation: 'lessOrEqual', Value: '9' },
      { Field: 'Account.Tier__c', Operation: 'equals', Value: 'Gold,Silver' },
      { Field: 'Account.Score__c', Operation: 'greaterThan', Value: '5' },
    ]);
    assert.deepEqual(d.notices, []);
  });

  it('writes no rule that would be broader than the plan, and says why per field', () => {
    assert.equal(draftTerritory(base({ rules: { industries: ['Retail, Wholesale'] } }), opts).rule, null);
    assert.deepEqual(codes(base({ rules: { industries: ['Retail, Wholesale'] } })), ['NOT_EXPRESSIBLE@definition.rules.industries', 'RULE_NOT_WRITTEN@definition']);
    assert.deepEqual(codes(base({ rules: { fields: [{ field: 'X__c', op: 'exists' }], industries: ['Retail'] } })), ['NOT_EXPRESSIBLE@definition.rules.fields[0]', 'RULE_NOT_WRITTEN@definition']);
    assert.deepEqual(codes(base({ rules: { employees: { min: 5 } } }), { ...opts, fields: { ...opts.fields, employees: null } }), ['NOT_EXPRESSIBLE@definition.rules.employees', 'RULE_NOT_WRITTEN@definition']);
    assert.deepEqual(codes(base({ regions: ['06037'], rules: { industries: ['Retail'] } })), ['NOT_EXPRESSIBLE@definition.regions', 'RULE_NOT_WRITTEN@definition']);
  });

  it('regions: state FIPS, US-XX and USPS codes map to BillingState; a mapped region field takes the codes as they are', () => {
    assert.deepEqual(draftTerritory(base({ regions: ['06', 'US-TX', 'ny', '06'] }), opts).rule?.items, [{ Field: 'Account.BillingState', Operation: 'equals', Value: 'CA,TX,NY' }]);
    assert.deepEqual(draftTerritory(base({ regions: ['06'] }), { ...opts, stateField: 'BillingStateCode' }).rule?.items, [{ Field: 'Account.BillingStateCode', Operation: 'equals', Value: 'CA' }]);
    const byField = { ...opts, fields: { ...opts.fields, region: 'Sales_Region__c' } };
    assert.deepEqual(draftTerritory(base({ regions: ['EMEA North', 'APAC'] }), byField).rule?.items, [{ Field: 'Account.Sales_Region__c', Operation: 'equals', Value: 'EMEA North,APAC' }]);
  });

  it('names, named accounts, reps and the ids Salesforce cannot take', () => {
    const d = draftTerritory(base({ include: ['001000000000001AAA', 'acc-7'], exclude: ['001000000000002AAA'] }, { repIds: ['005000000000001AAA', 'rep-9'], name: 'N'.repeat(90), parentId: 't-0' }), opts);
    assert.deepEqual(d.accountIds, ['001000000000001AAA']);
    assert.deepEqual(d.userIds, ['005000000000001AAA']);
    assert.equal(d.parentId, 't-0');
    assert.equal(d.name.length, 80);
    assert.deepEqual(d.notices.map((n) => `${n.code}@${n.field}`), ['NOT_EXPRESSIBLE@definition.include', 'NOT_EXPRESSIBLE@definition.exclude', 'NOT_EXPRESSIBLE@repIds', 'TRUNCATED@name']);
    assert.deepEqual(codes(base({})), ['NO_ACCOUNTS@definition']);
  });

  it('DeveloperNames are valid and distinct for ids that slug alike', () => {
    const names = ['t-1', 't_1', 't 1', '__x__', '日本', 'a'.repeat(200)].map((id) => developerName('tk', id));
    for (const n of names) assert.match(n, /^[A-Za-z](?!.*__)[A-Za-z0-9_]*[A-Za-z0-9]$/, n);
    for (const n of names) assert.ok(n.length <= 80, n);
    assert.equal(new Set(names).size, names.length);
  });
});
