// The Lightning web component: compiled with @lwc/compiler (the compiler the platform runs) and
// linted with @salesforce/eslint-config-lwc's recommended rules. Its behaviour on the real bundle is
// the sfdx-lwc-jest suite in lwc-jest/ (run.mjs runs it after these).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ESLint } from 'eslint';
import { CHECKS, LWC, SALESFORCE } from '../lib/paths.mjs';

const require = createRequire(import.meta.url);
const { transformSync } = require('@lwc/compiler');
const files = readdirSync(LWC).filter((f) => /\.(js|html|css)$/.test(f)).sort();

test('the bundle has its template, script and styles', () => {
  assert.deepEqual(files, ['territoryKitPlanner.css', 'territoryKitPlanner.html', 'territoryKitPlanner.js']);
});

for (const file of files) {
  test(`@lwc/compiler compiles ${file} without errors or warnings`, () => {
    const result = transformSync(readFileSync(join(LWC, file), 'utf8'), file, { namespace: 'c', name: 'territoryKitPlanner' });
    assert.ok(result.code.length > 0);
    assert.deepEqual(result.warnings ?? [], []);
  });
}

test('@lwc/compiler refuses lwc:external on a plain element (control)', () => {
  assert.throws(() => transformSync('<template><div lwc:external></div></template>', 'x.html', { namespace: 'c', name: 'x' }), /lwc:external/);
});

test('eslint with @salesforce/eslint-config-lwc (recommended): no errors, no warnings', async () => {
  const eslint = new ESLint({ cwd: SALESFORCE, overrideConfigFile: join(CHECKS, 'eslint.config.mjs') });
  const results = await eslint.lintFiles(['force-app/**/lwc/**/*.js']);
  assert.equal(results.length, 1, 'the component script was linted');
  assert.deepEqual(results.flatMap((r) => r.messages.map((m) => `${r.filePath.split('/').pop()}:${m.line} ${m.ruleId}: ${m.message}`)), []);
});

test('the same lint config reports LWC mistakes (control)', async () => {
  const eslint = new ESLint({ cwd: SALESFORCE, overrideConfigFile: join(CHECKS, 'eslint.config.mjs') });
  const bad = "import { LightningElement } from 'lwc';\nexport default class X extends LightningElement {\n  connectedCallback() {\n    this.template.querySelector('div').innerHTML = this.name;\n  }\n}\n";
  const [result] = await eslint.lintText(bad, { filePath: join(SALESFORCE, 'force-app/main/default/lwc/x/x.js') });
  assert.ok(result.messages.some((m) => m.ruleId === '@lwc/lwc/no-inner-html'), JSON.stringify(result.messages.map((m) => m.ruleId)));
});
