// The quotas extension (demo/salesforce/quotas, TerritoryKitQuotas + its test): its own SFDX project,
// deployed only where Collaborative Forecasts is enabled, because it names ForecastingQuota and
// ForecastingType as types (an org without forecasting has neither, and a metadata deploy rolls back as
// a unit). Checked like territory2: prettier-plugin-apex parses it, apex-ls finds nothing in core +
// quotas, the core classes name no forecasting object (so the core deploys anywhere), and
// source-deploy-retrieve converts the project. Code Analyzer covers it through analyzer.test.mjs
// (it scans all of demo/salesforce).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import * as prettier from 'prettier';
import * as apexPlugin from 'prettier-plugin-apex';
import { apexLs } from '../lib/apex-ls.mjs';
import { convertToDeployPackage } from '../lib/sdr.mjs';
import { CLASSES, SALESFORCE } from '../lib/paths.mjs';

const QUOTAS = join(SALESFORCE, 'quotas');
const QUOTA_CLASSES = join(QUOTAS, 'force-app/main/default/classes');
const FORECASTING_OBJECTS = ['ForecastingQuota', 'ForecastingType', 'ForecastingItem', 'ForecastingAdjustment'];
const { ApexParserFactory, ApexLexer } = createRequire(import.meta.url)('@apexdevtools/apex-parser');
const apiVersion = JSON.parse(readFileSync(join(SALESFORCE, 'sfdx-project.json'), 'utf8')).sourceApiVersion;
const quotaClasses = readdirSync(QUOTA_CLASSES).filter((f) => f.endsWith('.cls')).sort();

/** Identifiers of an Apex source that name a forecasting object (string literals do not count). */
function forecastingIdentifiers(source) {
  return ApexParserFactory.createLexer(source).getAllTokens()
    .filter((t) => ApexLexer.symbolicNames[t.type] === 'Identifier' && FORECASTING_OBJECTS.some((o) => o.toLowerCase() === t.text.toLowerCase()))
    .map((t) => `${t.line}:${t.text}`);
}

test('the quotas project has its classes', () => {
  assert.deepEqual(quotaClasses, ['TerritoryKitQuotas.cls', 'TerritoryKitQuotasTest.cls']);
});

for (const file of quotaClasses) {
  test(`prettier-plugin-apex parses ${file}`, async () => {
    const formatted = await prettier.format(readFileSync(join(QUOTA_CLASSES, file), 'utf8'), { parser: 'apex', plugins: [apexPlugin], filepath: file });
    assert.ok(formatted.includes('class '), 'parsed and printed back');
  });
}

test('apex-ls: no errors and no warnings in core + quotas (an org with Collaborative Forecasts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tk-apex-quotas-'));
  try {
    cpSync(join(SALESFORCE, 'force-app'), join(dir, 'core'), { recursive: true });
    cpSync(join(QUOTAS, 'force-app'), join(dir, 'quotas'), { recursive: true });
    const project = JSON.parse(readFileSync(join(SALESFORCE, 'sfdx-project.json'), 'utf8'));
    writeFileSync(join(dir, 'sfdx-project.json'), JSON.stringify({ ...project, packageDirectories: [{ path: 'core', default: true }, { path: 'quotas' }] }));
    const issues = apexLs(dir);
    assert.deepEqual(issues.map((i) => `${i.path.split('/').pop()}:${i.line} ${i.category}: ${i.message}`), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the core classes name no forecasting object, so they compile in an org without Collaborative Forecasts', () => {
  for (const f of readdirSync(CLASSES).filter((x) => x.endsWith('.cls'))) assert.deepEqual(forecastingIdentifiers(readFileSync(join(CLASSES, f), 'utf8')), [], f);
});

test('the same lexer check finds the forecasting objects the quotas extension names (control)', () => {
  const found = forecastingIdentifiers(readFileSync(join(QUOTA_CLASSES, 'TerritoryKitQuotas.cls'), 'utf8'));
  assert.ok(found.some((t) => t.endsWith(':ForecastingQuota')) && found.some((t) => t.endsWith(':ForecastingType')), found.join(' '));
});

test('source-deploy-retrieve converts the quotas extension (its own project) into a deploy package', async () => {
  const out = mkdtempSync(join(tmpdir(), 'tk-sf-quotas-'));
  try {
    const { components } = await convertToDeployPackage([join(QUOTAS, 'force-app')], out, apiVersion);
    assert.deepEqual(components.map((c) => `${c.type}:${c.fullName}`).sort(), ['ApexClass:TerritoryKitQuotas', 'ApexClass:TerritoryKitQuotasTest']);
    assert.equal(JSON.parse(readFileSync(join(QUOTAS, 'sfdx-project.json'), 'utf8')).sourceApiVersion, apiVersion, 'the same API version as the core project');
    for (const f of quotaClasses) assert.match(readFileSync(join(QUOTA_CLASSES, `${f}-meta.xml`), 'utf8'), new RegExp(`<apiVersion>${apiVersion.replace('.', '\\.')}</apiVersion>`));
    const root = JSON.parse(readFileSync(join(SALESFORCE, 'sfdx-project.json'), 'utf8'));
    assert.deepEqual(root.packageDirectories.map((d) => d.path), ['force-app'], 'a plain deploy of demo/salesforce leaves quotas out');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
