/**
 * HubSpot adapter benchmark: load 100k companies and save 10k owner changes against the CRM v3
 * emulator (test/emulators/hubspot), counting requests, each beside a same-run baseline; plus the
 * gzip size of the `territory-kit/adapters/hubspot` entry bundled with esbuild.
 *
 * Run: npm run bench:hubspot   (env COMPANIES=100000 CHANGES=10000 to change the sizes)
 */
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { build } from 'esbuild';
import { createHubSpotAdapter, DEFAULT_PROPERTY_MAP } from '../src/adapters/hubspot/index.js';
import { parseCompany } from '../src/adapters/hubspot/parse-company.js';
import { validateBatch } from '../src/model/validate-batch.js';
import type { Change } from '../src/adapters/crm-adapter.js';
import { startHubSpotEmulator } from '../test/emulators/hubspot/server.js';
import { makeCompanies, makeOwners } from '../test/emulators/hubspot/fixture.js';

const COMPANIES = Number(process.env.COMPANIES ?? 100_000);
const CHANGES = Number(process.env.CHANGES ?? 10_000);

const ms = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(2)} s`;

async function size(entry: string): Promise<{ raw: number; gzip: number }> {
  const out = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  const code = out.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const owners = makeOwners(50);
const companies = makeCompanies(COMPANIES, owners);
companies.forEach((c, i) => {
  if (i % 25 === 0) c.properties.latitude = c.properties.longitude = ''; // 4% without coordinates
});
const emu = await startHubSpotEmulator({ companies, owners });
console.log(`# HubSpot adapter bench — ${new Date().toISOString()} — ${os.cpus().length}× ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load avg ${os.loadavg()[0].toFixed(1)}`);

const adapter = createHubSpotAdapter({ fetch: (u, i) => fetch(u, i), baseUrl: emu.url });
let t0 = performance.now();
const marks: number[] = [];
const loaded = await adapter.load({ onProgress: (p) => p.phase === 'accounts' && p.loaded % (COMPANIES / 10) === 0 && marks.push(performance.now()) });
const loadRequests = adapter.requestCount;
console.log(`adapter load: ${loaded.accounts.length} accounts (${loaded.accounts.filter((a) => a.lat === null).length} without coordinates), ${loaded.reps.length} reps, ${loaded.rejected.length} rejected, ${loadRequests} requests, ${ms(t0)}`);
console.log(`  per tenth of the listing (s): ${marks.map((m, i) => ((m - (i === 0 ? t0 : marks[i - 1])) / 1000).toFixed(1)).join(', ')}`);
{
  // The adapter's own CPU share: parse the same companies' string properties and validate, no HTTP.
  const props = { ...DEFAULT_PROPERTY_MAP };
  const t = performance.now();
  const candidates = companies.map((c) => parseCompany({ id: c.id, properties: c.properties }, props).account);
  const { valid } = validateBatch('account', candidates);
  console.log(`  of which parse + validateBatch alone (no HTTP): ${valid.length} accounts in ${ms(t)}`);
}

// Baseline: raw paging with fetch + JSON.parse, same properties, no parsing or validation.
{
  const props = 'name,industry,latitude,longitude,annualrevenue,numberofemployees,hubspot_owner_id,hs_lastmodifieddate';
  const t0 = performance.now();
  let after: string | undefined;
  let n = 0;
  let requests = 0;
  do {
    const r = await fetch(`${emu.url}/crm/v3/objects/companies?limit=100&archived=false&properties=${props}${after ? `&after=${after}` : ''}`);
    requests++;
    const body = (await r.json()) as { results: unknown[]; paging?: { next?: { after: string } } };
    n += body.results.length;
    after = body.paging?.next?.after;
  } while (after);
  console.log(`baseline load (raw fetch paging): ${n} records, ${requests} requests, ${ms(t0)}`);
}

const changes: Change[] = loaded.accounts.slice(0, CHANGES).map((a, i) => ({ accountId: a.id, from: a.ownerId, to: owners[(owners.findIndex((o) => o.id === a.ownerId) + 1 + (i % 7)) % owners.length].id }));

// Baseline: blind batch/update of the same kind of change on other records (no conflict re-read).
{
  const other = loaded.accounts.slice(CHANGES, 2 * CHANGES);
  const t = performance.now();
  let requests = 0;
  for (let i = 0; i < other.length; i += 100) {
    const inputs = other.slice(i, i + 100).map((a) => ({ id: a.id, properties: { hubspot_owner_id: owners[0].id } }));
    await fetch(`${emu.url}/crm/v3/objects/companies/batch/update`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs }) }).then((r) => r.text());
    requests++;
  }
  console.log(`baseline save (blind batch/update, no re-read): ${other.length} changes, ${requests} requests, ${ms(t)}`);
}

t0 = performance.now();
const before = adapter.requestCount;
const outcomes = await adapter.save(changes);
const counts = outcomes.reduce<Record<string, number>>((acc, o) => ((acc[o.status] = (acc[o.status] ?? 0) + 1), acc), {});
console.log(`adapter save: ${changes.length} changes → ${JSON.stringify(counts)}, ${adapter.requestCount - before} requests (${emu.count('POST', '/crm/v3/objects/companies/batch/read')} batch/read + ${emu.count('POST', '/crm/v3/objects/companies/batch/update')} batch/update incl. baseline), ${ms(t0)}`);
const written = [...emu.writes.values()];
console.log(`writes per record: max ${Math.max(...written)}`);
await emu.close();

const entry = await size('src/adapters/hubspot/index.ts');
const model = await size('src/model/validate-batch.ts');
console.log(`bundle src/adapters/hubspot/index.ts (esbuild, minified, ESM, browser): ${(entry.raw / 1000).toFixed(1)} kB raw, ${(entry.gzip / 1000).toFixed(1)} kB gzip`);
console.log(`baseline bundle src/model/validate-batch.ts alone (the zod/mini model it carries): ${(model.raw / 1000).toFixed(1)} kB raw, ${(model.gzip / 1000).toFixed(1)} kB gzip`);
