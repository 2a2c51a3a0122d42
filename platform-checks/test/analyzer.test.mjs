// Salesforce Code Analyzer (code-analyzer-core + PMD engine): its Security and AppExchange rules find
// nothing anywhere in demo/salesforce (Apex, LWC, metadata XML), and do find the problems of the
// known-bad control class — they run, although they cannot see queryWithBinds or user-mode DML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../lib/analyzer.mjs';
import { CONTROLS, SALESFORCE } from '../lib/paths.mjs';

const SELECTORS = ['pmd:Security', 'pmd:AppExchange'];

test('zero Security/AppExchange findings in demo/salesforce', async () => {
  const { rules, violations } = await analyze([SALESFORCE], SELECTORS);
  assert.ok(rules.includes('ApexSOQLInjection') && rules.includes('ApexCRUDViolation') && rules.includes('ApexSharingViolations'), `rules run: ${rules.join(' ')}`);
  assert.ok(rules.length >= 30, `${rules.length} rules selected`);
  assert.deepEqual(violations.map((v) => `${v.rule} ${v.file.split('/').pop()}:${v.line} ${v.message}`), []);
});

test('the same rules fire on the known-bad control class', async () => {
  const { violations } = await analyze([join(CONTROLS, 'analyzer')], SELECTORS);
  const fired = new Set(violations.map((v) => v.rule));
  for (const rule of ['ApexSOQLInjection', 'ApexCRUDViolation', 'ApexSharingViolations', 'AvoidHardcodedCredentialsInFieldDecls']) {
    assert.ok(fired.has(rule), `${rule} fired (got: ${[...fired].join(', ')})`);
  }
});
