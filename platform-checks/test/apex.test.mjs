// Apex: every class parses with prettier-plugin-apex (Salesforce's own Apex parser, jorje) and
// passes apex-ls's semantic check against the standard object definitions — the core project alone
// (what an org without Sales Territories gets) and core + territory2 (an org with it); the core
// classes name no Sales Territories object (apex-parser's lexer: identifiers, not string literals).
// Known-bad controls prove each check reports what it should.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import * as prettier from 'prettier';
import * as apexPlugin from 'prettier-plugin-apex';
import { apexLs } from '../lib/apex-ls.mjs';
import { CLASSES, CONTROLS, SALESFORCE, TERRITORY2, TERRITORY2_CLASSES } from '../lib/paths.mjs';

const { ApexParserFactory, ApexLexer } = createRequire(import.meta.url)('@apexdevtools/apex-parser');
const core = readdirSync(CLASSES).filter((f) => f.endsWith('.cls')).sort();
const territory2 = readdirSync(TERRITORY2_CLASSES).filter((f) => f.endsWith('.cls')).sort();
const classes = [...core.map((f) => join(CLASSES, f)), ...territory2.map((f) => join(TERRITORY2_CLASSES, f))];
const TERRITORY_OBJECTS = ['Territory2', 'Territory2Model', 'Territory2Type', 'UserTerritory2Association', 'ObjectTerritory2Association', 'ObjectTerritory2AssignmentRule', 'ObjectTerritory2AssignmentRuleItem', 'RuleTerritory2Association'];

/** Identifiers of an Apex source that name a Sales Territories object (string literals do not count). */
function territoryIdentifiers(source) {
  return ApexParserFactory.createLexer(source).getAllTokens()
    .filter((t) => ApexLexer.symbolicNames[t.type] === 'Identifier' && TERRITORY_OBJECTS.some((o) => o.toLowerCase() === t.text.toLowerCase()))
    .map((t) => `${t.line}:${t.text}`);
}

test('the sample has its classes', () => {
  assert.deepEqual(core, ['TerritoryKitController.cls', 'TerritoryKitControllerTest.cls']);
  assert.deepEqual(territory2, ['TerritoryKitTerritory2.cls', 'TerritoryKitTerritory2Test.cls']);
});

for (const path of classes) {
  const file = path.split('/').pop();
  test(`prettier-plugin-apex parses ${file}`, async () => {
    const source = readFileSync(path, 'utf8');
    const formatted = await prettier.format(source, { parser: 'apex', plugins: [apexPlugin], filepath: file });
    assert.ok(formatted.includes('class '), 'parsed and printed back');
  });
}

test('prettier-plugin-apex rejects a class that does not parse (control)', async () => {
  await assert.rejects(prettier.format('public class Broken { void f() { Map<String, Schema.SObjectType> global = null; } }', { parser: 'apex', plugins: [apexPlugin] }));
});

test('apex-ls: no errors and no warnings in the core project (demo/salesforce, an org without Sales Territories)', () => {
  const issues = apexLs(SALESFORCE);
  assert.deepEqual(issues.map((i) => `${i.path.split('/').pop()}:${i.line} ${i.category}: ${i.message}`), []);
});

test('apex-ls: no errors and no warnings in core + territory2 (an org with Sales Territories)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tk-apex-etm-'));
  try {
    cpSync(join(SALESFORCE, 'force-app'), join(dir, 'core'), { recursive: true });
    cpSync(join(TERRITORY2, 'force-app'), join(dir, 'territory2'), { recursive: true });
    const project = JSON.parse(readFileSync(join(SALESFORCE, 'sfdx-project.json'), 'utf8'));
    writeFileSync(join(dir, 'sfdx-project.json'), JSON.stringify({ ...project, packageDirectories: [{ path: 'core', default: true }, { path: 'territory2' }] }));
    const issues = apexLs(dir);
    assert.deepEqual(issues.map((i) => `${i.path.split('/').pop()}:${i.line} ${i.category}: ${i.message}`), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the core classes name no Sales Territories object, so they compile in an org without it', () => {
  for (const f of core) assert.deepEqual(territoryIdentifiers(readFileSync(join(CLASSES, f), 'utf8')), [], f);
});

test('the same lexer check finds the territory objects the territory2 extension names (control)', () => {
  const found = territoryIdentifiers(readFileSync(join(TERRITORY2_CLASSES, 'TerritoryKitTerritory2.cls'), 'utf8'));
  assert.ok(found.some((t) => t.endsWith(':ObjectTerritory2Association')) && found.some((t) => t.endsWith(':Territory2')), found.join(' '));
});

test('apex-ls reports the field-token comparison and an unknown field in the control workspace', () => {
  const issues = apexLs(join(CONTROLS, 'apex-ls'));
  const lines = issues.map((i) => `${i.line} ${i.category}: ${i.message}`);
  assert.ok(lines.some((l) => l.startsWith("4 Error: Comparing incompatible types 'Schema.SObjectType' and 'Schema.SObjectField'")), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith("8 Missing: Unknown field 'NoSuchRegion__c' on SObject 'Schema.Account'")), lines.join('\n'));
});
