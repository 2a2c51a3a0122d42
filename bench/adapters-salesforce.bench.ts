/**
 * Salesforce adapter benchmark (npm run bench:salesforce):
 * - load 100k accounts from the REST emulator through a real jsforce Connection (requests, time),
 *   beside a baseline of plain jsforce autoFetch of the same SOQL (no mapping, no validation);
 * - the same load through a Bulk API 2.0 query job;
 * - save 10k owner changes (requests, time), beside a baseline of plain jsforce
 *   sobject().update(…, { allowRecursive }) with no conflict re-read;
 * - territory2: move 10k accounts between territories (create + delete per move);
 * - gzip size of the `territory-kit/adapters/salesforce` entry bundled with esbuild, jsforce external.
 */
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { build } from 'esbuild';
import { createSalesforceAdapter, jsforceTransport, toSoql } from '../src/adapters/salesforce/index.js';
import { startSalesforceEmulator } from '../test/emulators/salesforce/server.js';
import { seedOrg, seedTerritories } from '../test/emulators/salesforce/seed.js';
import { emulatorConnection } from '../test/emulators/salesforce/connect.js';

const ACCOUNTS = Number(process.env.ACCOUNTS ?? 100_000);
const CHANGES = Number(process.env.CHANGES ?? 10_000);

const emu = await startSalesforceEmulator();
const org = seedOrg(emu.store, { users: 200, accounts: ACCOUNTS });
const conn = emulatorConnection(emu);
const rows: string[][] = [];
const ms = (t0: number) => `${Math.round(performance.now() - t0)} ms`;
const routes = () => [...emu.counts].filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${v}`).join(', ');

// 1. Load through the adapter (REST pages).
const adapter = createSalesforceAdapter({ transport: jsforceTransport(conn), performance: false });
emu.resetCounts();
let t0 = performance.now();
const loaded = await adapter.load();
rows.push([`load ${ACCOUNTS.toLocaleString('en-US')} accounts (adapter, REST pages)`, String(emu.counts.get('total')), ms(t0), `${routes()}; ${loaded.accounts.length} accounts, ${loaded.report.withoutCoordinates.length} without coordinates`]);

// Baseline: plain jsforce autoFetch of the same SOQL.
emu.resetCounts();
t0 = performance.now();
const raw = await conn.query(toSoql({ name: 'accounts', object: 'Account', fields: ['Id', 'Name', 'OwnerId', 'BillingLatitude', 'BillingLongitude', 'Industry', 'NumberOfEmployees', 'AnnualRevenue', 'LastActivityDate', 'LastModifiedDate'], orderBy: 'Id' }), { autoFetch: true, maxFetch: ACCOUNTS + 1 });
rows.push(['baseline: jsforce autoFetch, same SOQL, no mapping/validation', String(emu.counts.get('total')), ms(t0), `${routes()}; ${raw.records.length} rows`]);

// 2. Load through a Bulk API 2.0 query job.
const bulk = createSalesforceAdapter({ transport: jsforceTransport(conn, { bulkPollIntervalMs: 50 }), performance: false, bulkThreshold: ACCOUNTS - 1 });
emu.resetCounts();
t0 = performance.now();
const viaBulk = await bulk.load();
rows.push([`load ${ACCOUNTS.toLocaleString('en-US')} accounts (adapter, Bulk 2.0 query)`, String(emu.counts.get('total')), ms(t0), `${routes()}; ${viaBulk.accounts.length} accounts (50k rows per result page, 50 ms poll)`]);

// 3. Save CHANGES owner changes.
const changes = loaded.accounts.slice(0, CHANGES).map((a, i) => ({ accountId: a.id, from: a.ownerId, to: org.userIds[(org.userIds.indexOf(a.ownerId!) + 1 + (i % 7)) % org.userIds.length] }));
emu.resetCounts();
t0 = performance.now();
const outcomes = await adapter.save(changes);
const saved = outcomes.filter((o) => o.status === 'saved').length;
rows.push([`save ${CHANGES.toLocaleString('en-US')} owner changes (adapter)`, String(emu.counts.get('total')), ms(t0), `${routes()}; ${saved} saved (re-read + PATCH per 200)`]);

// Baseline: plain jsforce collection update, no conflict re-read (moving them back).
emu.resetCounts();
t0 = performance.now();
const back = await conn.sobject('Account').update(changes.map((c) => ({ Id: c.accountId, OwnerId: c.from })), { allOrNone: false, allowRecursive: true });
rows.push([`baseline: jsforce update(…, allowRecursive), ${CHANGES.toLocaleString('en-US')} records, no re-read`, String(emu.counts.get('total')), ms(t0), `${routes()}; ${back.filter((r) => r.success).length} ok`]);
await emu.close();

// 4. territory2: move CHANGES accounts between territories (create new association, then delete old).
const etm = await startSalesforceEmulator();
const etmOrg = seedOrg(etm.store, { users: 20, accounts: CHANGES * 2 });
const tm = seedTerritories(etm.store, etmOrg, 20);
const t2 = createSalesforceAdapter({ transport: jsforceTransport(emulatorConnection(etm)), mode: 'territory2', performance: false });
const t2Loaded = await t2.load();
const moves = t2Loaded.accounts.slice(0, CHANGES).map((a) => ({ accountId: a.id, from: a.territoryId ?? null, to: tm.territoryIds[(tm.territoryIds.indexOf(a.territoryId!) + 1) % 20] }));
etm.resetCounts();
t0 = performance.now();
const t2Outcomes = await t2.save(moves);
rows.push([`territory2: move ${CHANGES.toLocaleString('en-US')} accounts (adapter)`, String(etm.counts.get('total')), ms(t0), `${[...etm.counts].filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${v}`).join(', ')}; ${t2Outcomes.filter((o) => o.status === 'saved').length} saved (per 200: 2 re-reads, create, delete)`]);
await etm.close();

// 5. Bundle size of the entry, jsforce external.
const out = await build({ entryPoints: ['src/adapters/salesforce/index.ts'], bundle: true, minify: true, format: 'esm', platform: 'browser', external: ['jsforce'], write: false, logLevel: 'silent' });
const code = out.outputFiles[0].contents;
const importsJsforce = /from\s*["']jsforce["']/.test(Buffer.from(code).toString('utf8'));

console.log(`\nSalesforce adapter bench — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`);
console.log('| case | requests | time | detail |\n|---|---:|---:|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nentry bundle (esbuild, minified, jsforce external): ${(code.length / 1024).toFixed(1)} kB raw, ${(gzipSync(code).length / 1024).toFixed(1)} kB gzip; imports jsforce at run time: ${importsJsforce ? 'yes' : 'no'}`);
