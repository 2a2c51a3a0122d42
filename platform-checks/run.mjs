// The platform checks (npm run test:platform, part of npm test): Salesforce's and HubSpot's own
// tools on demo/salesforce and demo/hubspot/card.
//   1. stage: copy demo/salesforce to a temp folder, build the Salesforce bundle (rollup.config.mjs's
//      settings) and pack it into the static resource there, as `npm run build:salesforce` would;
//   2. node --test platform-checks/test/*.test.mjs: Apex parse (prettier-plugin-apex) and semantic
//      check (apex-ls), Code Analyzer security rules, @lwc/compiler, eslint-config-lwc,
//      source-deploy-retrieve package + meta XML, HubSpot card tsc — each with a known-bad control;
//   3. sfdx-lwc-jest on the staged project: the LWC on the real built bundle.
// Needs `npm ci --prefix platform-checks` and Java (apex-ls, PMD); .ci/run installs both.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CHECKS, ROOT, SALESFORCE } from './lib/paths.mjs';
import { buildSalesforceDist, writeSalesforceResource } from '../scripts/build-salesforce.mjs';

const fail = (message) => {
  console.error(`platform checks: ${message}`);
  process.exit(1);
};
if (!existsSync(join(CHECKS, 'node_modules/@salesforce/code-analyzer-core'))) fail('platform-checks/node_modules is missing: run `npm ci --prefix platform-checks`');
if (spawnSync('java', ['-version']).error) fail('Java is missing (apex-ls and PMD need it): install a JRE, e.g. `apt-get install default-jre-headless`');

const started = Date.now();
const stage = mkdtempSync(join(tmpdir(), 'tk-platform-'));
let status = 0;
try {
  const salesforce = join(stage, 'salesforce');
  cpSync(SALESFORCE, salesforce, { recursive: true });
  const dist = join(stage, 'dist');
  await buildSalesforceDist(dist);
  const { bytes } = writeSalesforceResource({ distDir: dist, out: join(salesforce, 'force-app/main/default/staticresources/territoryKit.resource') });
  console.log(`platform checks: built the Salesforce bundle and its static resource (${(bytes / 1024).toFixed(0)} kB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const env = { ...process.env, TK_STAGE: stage, TK_SALESFORCE_BUNDLE: join(dist, 'territory-kit-salesforce.iife.js') };

  const tests = readdirSync(join(CHECKS, 'test')).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(CHECKS, 'test', f));
  const node = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...tests], { stdio: 'inherit', env, cwd: ROOT });
  status ||= node.status ?? 1;

  const jest = spawnSync(process.execPath, [join(CHECKS, 'node_modules/jest/bin/jest.js'), '--config', join(CHECKS, 'lwc-jest/jest.config.cjs'), '--ci'], { stdio: 'inherit', env, cwd: salesforce });
  status ||= jest.status ?? 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
console.log(`platform checks: ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
