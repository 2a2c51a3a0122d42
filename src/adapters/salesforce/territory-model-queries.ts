/**
 * The queries of the planning-model save (territory2 mode's `saveTerritories`). The Apex sample
 * allow-lists the names: `territories`, `userTerritories`, `objectTerritories` in
 * TerritoryKitController, the others in TerritoryKitTerritory2 (`queryShape`).
 */
import type { SoqlQuery } from './types.js';

/** Every Territory2Model of the org (a handful: Salesforce allows 2 to 4). */
export const territoryModelsQuery = (): SoqlQuery => ({
  name: 'territoryModels',
  object: 'Territory2Model',
  fields: ['Id', 'Name', 'DeveloperName', 'State'],
  orderBy: 'Id',
});

export const territoryTypesQuery = (): SoqlQuery => ({
  name: 'territoryTypes',
  object: 'Territory2Type',
  fields: ['Id', 'DeveloperName'],
  orderBy: 'Id',
});

export const modelTerritoriesQuery = (modelId: string): SoqlQuery => ({
  name: 'territories',
  object: 'Territory2',
  fields: ['Id', 'Name', 'DeveloperName', 'ParentTerritory2Id', 'Territory2TypeId', 'LastModifiedDate'],
  where: [{ field: 'Territory2ModelId', op: '=', value: modelId }],
  orderBy: 'Id',
  params: { modelId },
});

export const assignmentRulesQuery = (modelId: string): SoqlQuery => ({
  name: 'assignmentRules',
  object: 'ObjectTerritory2AssignmentRule',
  fields: ['Id', 'DeveloperName', 'MasterLabel', 'BooleanFilter', 'IsActive'],
  where: [{ field: 'Territory2ModelId', op: '=', value: modelId }],
  orderBy: 'Id',
  params: { modelId },
});

export const assignmentRuleItemsQuery = (ruleIds: string[]): SoqlQuery => ({
  name: 'assignmentRuleItems',
  object: 'ObjectTerritory2AssignmentRuleItem',
  fields: ['Id', 'RuleId', 'SortOrder', 'Field', 'Operation', 'Value'],
  where: [{ field: 'RuleId', op: 'IN', values: ruleIds }],
  orderBy: 'Id',
  params: { ids: ruleIds },
});

export const ruleTerritoriesQuery = (modelId: string): SoqlQuery => ({
  name: 'ruleTerritories',
  object: 'RuleTerritory2Association',
  fields: ['Id', 'RuleId', 'Territory2Id'],
  where: [{ field: 'Territory2.Territory2ModelId', op: '=', value: modelId }],
  orderBy: 'Id',
  params: { modelId },
});
