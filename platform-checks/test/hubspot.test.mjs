// The HubSpot card: type-checked with tsc against @hubspot/ui-extensions pinned here at the same
// version as the card's own package.json and lockfile; a known-bad copy of the card must fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CARD, CHECKS } from '../lib/paths.mjs';

const TSC = join(CHECKS, 'node_modules/typescript/bin/tsc');
const tsc = (project) => spawnSync(process.execPath, [TSC, '-p', project], { encoding: 'utf8' });

test('the card pins @hubspot/ui-extensions and react exactly, with a lockfile, at the versions checked here', () => {
  const pkg = JSON.parse(readFileSync(join(CARD, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(CARD, 'package-lock.json'), 'utf8'));
  const ours = JSON.parse(readFileSync(join(CHECKS, 'package-lock.json'), 'utf8'));
  for (const name of ['@hubspot/ui-extensions', 'react']) {
    assert.match(pkg.dependencies[name], /^\d+\.\d+\.\d+$/, `${name} pinned to one version, not "${pkg.dependencies[name]}"`);
    assert.equal(lock.packages[`node_modules/${name}`].version, pkg.dependencies[name], `${name} locked at the pinned version`);
    assert.equal(ours.packages[`node_modules/${name}`].version, pkg.dependencies[name], `${name}: the type-check uses the card's version`);
  }
});

test('tsc: the card type-checks against the pinned @hubspot/ui-extensions', () => {
  const run = tsc(join(CHECKS, 'hubspot/tsconfig.json'));
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('tsc rejects a card that calls an action that does not exist or passes a wrong prop (control)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tk-card-control-'));
  try {
    const source = readFileSync(join(CARD, 'TerritoryCard.jsx'), 'utf8');
    assert.ok(source.includes('actions.openIframeModal(') && source.includes('variant="primary"'));
    writeFileSync(join(dir, 'Bad.jsx'), source.replace('actions.openIframeModal(', 'actions.openModalWindow(').replace('variant="primary"', 'variant="loud"'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(CHECKS, 'hubspot/tsconfig.json'), include: [join(dir, 'Bad.jsx')] }));
    const run = tsc(join(dir, 'tsconfig.json'));
    assert.notEqual(run.status, 0);
    assert.match(run.stdout, /Property 'openModalWindow' does not exist/);
    assert.match(run.stdout, /Type '"loud"' is not assignable/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
