// The pure edit helpers behind <tk-territory-editor>.
import { expect } from '@open-wc/testing';
import {
  colorInputValue,
  newTerritoryId,
  parsePredicate,
  parseRange,
  predicateText,
  updateTerritory,
  withRules,
} from '../../widgets/territory-editor/territory-edits.js';
import type { Territory } from '../../src/model/territory.js';

const list: Territory[] = [
  { id: 't1', name: 'West', repIds: [], priority: 0, definition: {} },
  { id: 'territory-3', name: 'East', repIds: [], priority: 0, definition: {} },
];

describe('territory edits', () => {
  it('parseRange reads open ends and refuses bad or inverted ones, naming the field', () => {
    expect(parseRange('Employees', '10', '')).to.deep.equal({ min: 10 });
    expect(parseRange('Employees', '', ' 99 ')).to.deep.equal({ max: 99 });
    expect(parseRange('Employees', '', '')).to.equal(undefined);
    expect(() => parseRange('Annual revenue', 'abc', '')).to.throw('Annual revenue: min must be a number, got "abc"');
    expect(() => parseRange('Employees', '5', '1')).to.throw('Employees: min (5) must not exceed max (1)');
  });

  it('parsePredicate types values by operator', () => {
    expect(parsePredicate(' Tier__c ', 'in', 'Gold, Silver,, 3')).to.deep.equal({ field: 'Tier__c', op: 'in', value: ['Gold', 'Silver', 3] });
    expect(parsePredicate('Score__c', 'gte', '4.5')).to.deep.equal({ field: 'Score__c', op: 'gte', value: 4.5 });
    expect(parsePredicate('Partner__c', 'eq', 'true')).to.deep.equal({ field: 'Partner__c', op: 'eq', value: true });
    expect(parsePredicate('Region__c', 'exists', 'ignored')).to.deep.equal({ field: 'Region__c', op: 'exists' });
    expect(() => parsePredicate('Score__c', 'lt', 'high')).to.throw('custom field "Score__c": lt needs a number, got "high"');
    expect(() => parsePredicate('', 'eq', 'x')).to.throw('the field name is empty');
    expect(() => parsePredicate('Tier__c', 'notIn', ' , ')).to.throw('give at least one value');
    expect(predicateText({ field: 'Tier__c', op: 'notIn', value: ['Gold', 'Silver'] })).to.equal('Tier__c is none of Gold, Silver');
  });

  it('withRules drops empty parts so that no condition means no rule', () => {
    expect(withRules({ industries: ['Retail'], employees: { min: 5 } }, { industries: [] })).to.deep.equal({ employees: { min: 5 } });
    expect(withRules(null, { employees: undefined, fields: [] })).to.deep.equal({});
    expect(withRules(undefined, { annualRevenue: { max: 10 } })).to.deep.equal({ annualRevenue: { max: 10 } });
  });

  it('updateTerritory validates the result against the Territory schema and leaves the input alone', () => {
    const next = updateTerritory(list, 't1', (t) => ({ ...t, color: '#abc' }));
    expect(next[0].color).to.equal('#abc');
    expect(list[0].color).to.equal(undefined);
    expect(() => updateTerritory(list, 't1', (t) => ({ ...t, color: 'red' }))).to.throw(/color/);
    expect(() => updateTerritory(list, 'nope', (t) => t)).to.throw('territory "nope" does not exist');
  });

  it('newTerritoryId avoids ids in use; colorInputValue expands #rgb', () => {
    expect(newTerritoryId(list)).to.equal('territory-4');
    expect(newTerritoryId([])).to.equal('territory-1');
    expect(colorInputValue('#AbC')).to.equal('#aabbcc');
    expect(colorInputValue(null)).to.equal('#888888');
  });
});
