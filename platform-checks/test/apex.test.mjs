// Apex: every class parses with prettier-plugin-apex (Salesforce's own Apex parser, jorje) and
// passes apex-ls's semantic check against the standard object definitions; a known-bad control
// workspace proves apex-ls reports what it should.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import * as apexPlugin from 'prettier-plugin-apex';
import { apexLs } from '../lib/apex-ls.mjs';
import { CLASSES, CONTROLS, SALESFORCE } from '../lib/paths.mjs';

const classes = readdirSync(CLASSES).filter((f) => f.endsWith('.cls'));

test('the sample has its classes', () => {
  assert.deepEqual(classes.sort(), ['TerritoryKitController.cls', 'TerritoryKitControllerTest.cls']);
});

for (const file of classes) {
  test(`prettier-plugin-apex parses ${file}`, async () => {
    const source = readFileSync(join(CLASSES, file), 'utf8');
    const formatted = await prettier.format(source, { parser: 'apex', plugins: [apexPlugin], filepath: file });
    assert.ok(formatted.includes('class '), 'parsed and printed back');
  });
}

test('prettier-plugin-apex rejects a class that does not parse (control)', async () => {
  await assert.rejects(prettier.format('public class Broken { void f() { Map<String, Schema.SObjectType> global = null; } }', { parser: 'apex', plugins: [apexPlugin] }));
});

test('apex-ls: no errors and no warnings in any class of demo/salesforce', () => {
  const issues = apexLs(SALESFORCE);
  assert.deepEqual(issues.map((i) => `${i.path.split('/').pop()}:${i.line} ${i.category}: ${i.message}`), []);
});

test('apex-ls reports the field-token comparison and an unknown field in the control workspace', () => {
  const issues = apexLs(join(CONTROLS, 'apex-ls'));
  const lines = issues.map((i) => `${i.line} ${i.category}: ${i.message}`);
  assert.ok(lines.some((l) => l.startsWith("4 Error: Comparing incompatible types 'Schema.SObjectType' and 'Schema.SObjectField'")), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith("8 Missing: Unknown field 'NoSuchRegion__c' on SObject 'Schema.Account'")), lines.join('\n'));
});
