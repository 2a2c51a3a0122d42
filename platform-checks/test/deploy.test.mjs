// The deployable package: Salesforce's source-deploy-retrieve (what `sf project deploy start` uses)
// converts the staged demo/salesforce — with the static resource built from the real bundle — into
// a metadata-API package; every -meta.xml is well-formed metadata of its type, at the project's API
// version. A deploy to a real org is the one step no tool here can take.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { convertToDeployPackage } from '../lib/sdr.mjs';
import { SALESFORCE, TERRITORY2, stage } from '../lib/paths.mjs';

const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';
const apiVersion = JSON.parse(readFileSync(join(SALESFORCE, 'sfdx-project.json'), 'utf8')).sourceApiVersion;
const filesUnder = (dir) => readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(join(dir, f)).isFile());

test('source-deploy-retrieve converts the project (with the built static resource) into a deploy package', async () => {
  const { salesforce } = stage();
  const out = mkdtempSync(join(tmpdir(), 'tk-sf-package-'));
  try {
    const { components, packageXml } = await convertToDeployPackage([join(salesforce, 'force-app')], out, apiVersion);
    assert.deepEqual(components.map((c) => `${c.type}:${c.fullName}`).sort(), [
      'ApexClass:TerritoryKitController',
      'ApexClass:TerritoryKitControllerTest',
      'CustomField:Account.Territory_Locked__c',
      'LightningComponentBundle:territoryKitPlanner',
      'PermissionSet:Territory_Kit_User',
      'StaticResource:territoryKit',
    ]);
    assert.match(packageXml, new RegExp(`<version>${apiVersion.replace('.', '\\.')}</version>`));
    const written = filesUnder(out).sort();
    for (const f of ['package.xml', 'classes/TerritoryKitController.cls', 'classes/TerritoryKitController.cls-meta.xml', 'lwc/territoryKitPlanner/territoryKitPlanner.js', 'staticresources/territoryKit.resource', 'staticresources/territoryKit.resource-meta.xml', 'permissionsets/Territory_Kit_User.permissionset']) {
      assert.ok(written.includes(f), `${f} in the package (has: ${written.join(', ')})`);
    }
    const zip = unzipSync(new Uint8Array(readFileSync(join(out, 'staticresources/territoryKit.resource'))));
    assert.ok(zip['territory-kit-salesforce.iife.js']?.length > 100_000, 'the static resource holds the bundle the LWC loads');
    assert.ok(Object.keys(zip).some((f) => f.startsWith('assets/')), 'and the basemap assets');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('source-deploy-retrieve converts the territory2 extension (its own project) into a deploy package', async () => {
  const out = mkdtempSync(join(tmpdir(), 'tk-sf-package-'));
  try {
    const { components, packageXml } = await convertToDeployPackage([join(TERRITORY2, 'force-app')], out, apiVersion);
    assert.deepEqual(components.map((c) => `${c.type}:${c.fullName}`).sort(), ['ApexClass:TerritoryKitTerritory2', 'ApexClass:TerritoryKitTerritory2Test']);
    assert.match(packageXml, /<name>ApexClass<\/name>/);
    const project = JSON.parse(readFileSync(join(TERRITORY2, 'sfdx-project.json'), 'utf8'));
    assert.equal(project.sourceApiVersion, apiVersion, 'the same API version as the core project');
    const root = JSON.parse(readFileSync(join(SALESFORCE, 'sfdx-project.json'), 'utf8'));
    assert.deepEqual(root.packageDirectories.map((d) => d.path), ['force-app'], 'a plain deploy of demo/salesforce leaves territory2 out');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('without the built static resource, source-deploy-retrieve refuses (control)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tk-sf-unbuilt-'));
  try {
    cpSync(join(stage().salesforce, 'force-app'), join(dir, 'force-app'), { recursive: true });
    rmSync(join(dir, 'force-app/main/default/staticresources/territoryKit.resource'));
    await assert.rejects(convertToDeployPackage([join(dir, 'force-app')], join(dir, 'out'), apiVersion), /Expected source files for type 'StaticResource'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`every -meta.xml is well-formed metadata of its type, at API ${apiVersion}`, () => {
  const metas = [
    ...filesUnder(join(SALESFORCE, 'force-app')).map((f) => join('force-app', f)),
    ...filesUnder(join(TERRITORY2, 'force-app')).map((f) => join('territory2/force-app', f)),
  ].filter((f) => f.endsWith('-meta.xml'));
  assert.ok(metas.length >= 7, metas.join(', '));
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });
  const rootOf = { 'cls-meta.xml': 'ApexClass', 'js-meta.xml': 'LightningComponentBundle', 'permissionset-meta.xml': 'PermissionSet', 'resource-meta.xml': 'StaticResource', 'field-meta.xml': 'CustomField' };
  for (const f of metas) {
    const text = readFileSync(join(SALESFORCE, f), 'utf8');
    assert.equal(XMLValidator.validate(text), true, `${f} is well-formed XML`);
    const doc = parser.parse(text);
    const kind = Object.keys(rootOf).find((k) => f.endsWith(`.${k}`));
    assert.ok(kind, `${f}: a metadata type this check knows`);
    const root = doc[rootOf[kind]];
    assert.ok(root, `${f}: root element ${rootOf[kind]}`);
    assert.equal(root['@_xmlns'], METADATA_NS, `${f}: metadata namespace`);
    if (kind === 'cls-meta.xml' || kind === 'js-meta.xml') assert.equal(String(root.apiVersion), apiVersion, `${f}: apiVersion ${apiVersion}`);
  }
});

test('the permission set grants the controller the LWC calls', () => {
  const doc = new XMLParser().parse(readFileSync(join(SALESFORCE, 'force-app/main/default/permissionsets/Territory_Kit_User.permissionset-meta.xml'), 'utf8'));
  const classes = [doc.PermissionSet.classAccesses].flat().map((c) => c.apexClass);
  const js = readFileSync(join(SALESFORCE, 'force-app/main/default/lwc/territoryKitPlanner/territoryKitPlanner.js'), 'utf8');
  const called = [...new Set([...js.matchAll(/@salesforce\/apex\/(\w+)\./g)].map((m) => m[1]))];
  assert.deepEqual(called, ['TerritoryKitController']);
  assert.deepEqual(classes, called);
});
