import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importAccounts, inspectTable, suggestMapping, guessKind, ImportError, type ImportProblem, type ImportResult, type Gazetteer } from '../../src/import/index.js';

const sample = (name: string) => readFileSync(new URL(`../../demo/samples/${name}`, import.meta.url));
const text = (name: string) => sample(name).toString('utf8');
const at = (list: ImportProblem[], row: number) => list.filter((p) => p.row === row).map((p) => `${p.file} ${p.row} [${p.column}] ${p.reason}`);

describe('suggestMapping / guessKind', () => {
  it('maps a Salesforce report export by its headers', () => {
    const headers = ['Account Owner', 'Account Name', 'Account ID', 'Type', 'Billing Street', 'Billing City', 'Billing State/Province', 'Billing Zip/Postal Code', 'Billing Country', 'Industry', 'Employees', 'Annual Revenue'];
    assert.equal(guessKind(headers), 'accounts');
    assert.deepEqual(suggestMapping('accounts', headers), {
      id: 'Account ID',
      name: 'Account Name',
      ownerName: 'Account Owner',
      street: 'Billing Street',
      city: 'Billing City',
      state: 'Billing State/Province',
      postalCode: 'Billing Zip/Postal Code',
      country: 'Billing Country',
      industry: 'Industry',
      employees: 'Employees',
      annualRevenue: 'Annual Revenue',
    });
  });

  it('maps a HubSpot companies export and recognises a deals export', () => {
    const headers = ['Record ID', 'Company name', 'Company owner', 'Company Domain Name', 'Street Address', 'City', 'State/Region', 'Postal Code', 'Country/Region', 'Industry', 'Number of Employees', 'Annual Revenue'];
    const m = suggestMapping('accounts', headers);
    assert.deepEqual(
      { id: m.id, name: m.name, owner: m.ownerName, state: m.state, zip: m.postalCode, country: m.country, employees: m.employees },
      { id: 'Record ID', name: 'Company name', owner: 'Company owner', state: 'State/Region', zip: 'Postal Code', country: 'Country/Region', employees: 'Number of Employees' },
    );
    const deals = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Deal owner', 'Associated Company IDs (Primary)'];
    assert.equal(guessKind(deals), 'opportunities');
    assert.deepEqual(suggestMapping('opportunities', deals), { id: 'Record ID', accountId: 'Associated Company IDs (Primary)', amount: 'Amount', stage: 'Deal Stage', closeDate: 'Close Date' });
    assert.equal(guessKind(['rep_id', 'rep_name', 'email', 'quota']), 'reps');
  });

  it('keeps a remembered mapping where its columns exist, and uses each column once', () => {
    const headers = ['Kunde', 'Name', 'PLZ'];
    const m = suggestMapping('accounts', headers, { id: 'Kunde', postalCode: 'PLZ', city: 'Stadt' });
    assert.deepEqual(m, { id: 'Kunde', postalCode: 'PLZ', name: 'Name' });
  });
});

describe('importAccounts', () => {
  it('reads a Salesforce report: skips the footer, places by ZIP (ZIP+4 too) and Canadian FSA, lists the rest', async () => {
    const r = await importAccounts({ accounts: text('salesforce-accounts-report.csv') });
    assert.equal(r.stats.rows.accounts, 83, 'data rows (footer not counted)');
    assert.equal(r.accounts.length, 82);
    // Row 82: the account without an id is rejected, naming its row and column.
    assert.deepEqual(at(r.rejected, 82), ['accounts 82 [Account ID] no account id']);
    assert.equal(r.rejected.length, 1);
    // Every US account is placed from its ZIP (row 5 has a ZIP+4), Toronto by its FSA; Berlin is listed.
    assert.equal(r.stats.placed['postal-code'], 81);
    const toronto = r.accounts.find((a) => a.name === 'Maple Leaf Foods')!;
    assert.ok(Math.abs(toronto.lat! - 43.64) < 0.2 && Math.abs(toronto.lng! + 79.39) < 0.3, `Toronto at ${toronto.lat}, ${toronto.lng}`);
    assert.deepEqual(
      r.unplaced.map((u) => [u.row, u.id, u.reason]),
      [[84, '0015g000001901AbQAAU', 'no offline table for country "Germany" (the US and Canada are covered)']],
    );
    const berlin = r.accounts.find((a) => a.id === '0015g000001901AbQAAU')!;
    assert.equal(berlin.lat, null, 'unplaced accounts are kept, without coordinates');
    // Owners become reps (no reps file); potential from annual revenue (no potential column).
    assert.equal(r.stats.potentialFrom, 'annual-revenue');
    assert.ok(r.reps.length >= 5 && r.reps.every((rep) => rep.id.startsWith('rep:')));
    assert.ok(r.accounts.every((a) => a.ownerId === null || r.reps.some((rep) => rep.id === a.ownerId)));
    const first = r.accounts[0];
    assert.equal(first.fields?.postalCode, '11569');
    assert.equal(first.fields?.placedBy, 'postal-code');
  });

  it('reads our template with a reps file: rejects unusable rows, warns on dropped fields, places by ZIP or city + state', async () => {
    const r = await importAccounts({ accounts: text('template-accounts.csv'), reps: text('template-reps.csv') });
    assert.equal(r.reps.length, 6);
    // Rows 62–66 are the bad ones.
    assert.deepEqual(at(r.rejected, 62), ['accounts 62 [potential] "lots" is not a potential ≥ 0']);
    assert.match(at(r.rejected, 63)[0], /^accounts 63 \[account_id\] duplicate account id "acc-\d+" \(first on row 4\)$/);
    assert.deepEqual(at(r.warnings, 66), ['accounts 66 [employees] "many" is not a whole number of employees: left out', 'accounts 66 [owner_id] owner "nobody" is not in the reps file: imported unassigned']);
    const contoso = r.accounts.find((a) => a.id === 'acc-bad-employees')!;
    assert.equal(contoso.ownerId, null);
    assert.equal(contoso.employees, undefined);
    assert.deepEqual(
      r.unplaced.map((u) => [u.row, u.reason]),
      [
        [64, 'no coordinates, postal code, or city and state'],
        [65, 'postal code "00000" and "Springfield, ZZ" not found in the offline table'],
      ],
    );
    // 60 template rows: every 6th from row 3 has a ZIP only, every 6th from row 6 city + state only.
    assert.deepEqual(r.stats.placed, { file: 41, 'postal-code': 10, 'city-state': 10 });
    assert.equal(r.accounts.length, 63);
    assert.deepEqual(r.accounts.map((a) => a.id).slice(0, 3), ['acc-00001', 'acc-00002', 'acc-00003'], 'file order kept');
  });

  it('aggregates opportunities (HubSpot deals by company id) into performance and potential', async () => {
    const r = await importAccounts({ accounts: text('hubspot-companies.csv'), opportunities: text('hubspot-deals.csv') });
    assert.equal(r.stats.potentialFrom, 'opportunities');
    assert.equal(r.stats.opportunities, 80);
    const deals = text('hubspot-deals.csv').trim().split('\r\n').slice(1).map((l) => l.split(','));
    const [, , stage, amount, , , companyId] = deals[2]; // 'Closed won'
    assert.equal(stage, 'Closed won');
    const won = r.accounts.find((a) => a.id === companyId)!;
    assert.deepEqual(won.performance, { pipeline: 0, closedWon: Number(amount), winRate: 1 });
    assert.equal(won.potential, Number(amount));
    const open = r.accounts.find((a) => a.id === deals[0][6])!;
    assert.deepEqual(open.performance, { pipeline: Number(deals[0][3]), closedWon: 0, winRate: null });
    // The formula-looking name was escaped by the export and comes back as written; 'ten' employees is a warning.
    const evil = r.accounts.find((a) => a.name.startsWith('=HYPERLINK'))!;
    assert.ok(evil, 'the escaped name is read back without its apostrophe');
    assert.deepEqual(at(r.warnings, 82), ['accounts 82 [Number of Employees] "ten" is not a whole number of employees: left out']);
  });

  it('matches Salesforce opportunities by account id and lists the ones without an account', async () => {
    const r = await importAccounts({ accounts: text('salesforce-accounts-report.csv'), opportunities: text('salesforce-opportunities-report.csv') });
    assert.equal(r.stats.opportunities, 160);
    assert.deepEqual(at(r.rejected.filter((p) => p.file === 'opportunities'), 162), ['opportunities 162 [Amount] "USD 5,000?" is not an amount ≥ 0']);
    assert.ok(r.accounts.slice(0, 80).every((a) => a.performance !== undefined));
    assert.ok(r.accounts.every((a) => a.potential === (a.performance ? a.performance.pipeline + a.performance.closedWon : 0)));
  });

  it('reads an .xlsx workbook and pads ZIP codes Excel kept as numbers', async () => {
    const bytes = sample('template-accounts.xlsx');
    const look = await inspectTable(new Uint8Array(bytes));
    assert.equal(look.format, 'xlsx');
    assert.equal(look.headers[0], 'account_id');
    const r = await importAccounts({ accounts: new Uint8Array(bytes) });
    assert.equal(r.accounts.length, 40);
    assert.equal(r.rejected.length, 0);
    const csv = await importAccounts({ accounts: text('template-accounts.csv'), gazetteer: false });
    // Same ids and owners as the CSV's first 40 rows.
    assert.deepEqual(
      r.accounts.map((a) => [a.id, a.ownerId]),
      csv.accounts.slice(0, 40).map((a) => [a.id, a.ownerId === null ? null : a.ownerId]),
    );
    const padded = r.accounts.filter((a) => typeof a.fields?.postalCode === 'string' && (a.fields.postalCode as string).length < 5 && a.lat !== null);
    for (const a of padded) assert.ok(a.fields?.placedBy === 'postal-code' || a.fields?.placedBy === undefined);
  });

  it('places with a given gazetteer, or lists every address-only account when placing is off', async () => {
    const csv = 'id,name,zip,city,state\na,A,12345,,\nb,B,,Gotham,NJ\nc,C,99999,,\n';
    const calls: string[] = [];
    const gazetteer: Gazetteer = {
      byPostalCode: (z) => (calls.push(`zip ${z}`), z === '12345' ? { lat: 1, lng: 2 } : null),
      byCityState: (c, s) => (calls.push(`city ${c} ${s}`), c === 'Gotham' ? { lat: 3, lng: 4 } : null),
    };
    const r = await importAccounts({ accounts: csv, gazetteer });
    assert.deepEqual(r.accounts.map((a) => [a.id, a.lat, a.lng]), [['a', 1, 2], ['b', 3, 4], ['c', null, null]]);
    assert.deepEqual(calls, ['zip 12345', 'city Gotham NJ', 'zip 99999']);
    const off = await importAccounts({ accounts: csv, gazetteer: false });
    assert.deepEqual(off.unplaced.map((u) => [u.row, u.reason]), [[2, 'placing by address is turned off'], [3, 'placing by address is turned off'], [4, 'placing by address is turned off']]);
  });

  it('streams a large file in batches, yielding to the event loop, with exact row numbers', async () => {
    const n = 30_000;
    const lines = ['account_id,account_name,lat,lng,potential'];
    for (let i = 0; i < n; i++) lines.push(i === 12_345 ? `x${i},"Multi\nline",40,-70,oops` : `x${i},Acct ${i},${40 + (i % 10) / 10},-70,${i}`);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const progress: number[] = [];
    const ticksAt: number[] = [];
    const seen: ImportProblem[] = [];
    let r: ImportResult;
    try {
      r = await importAccounts({ accounts: new Blob([lines.join('\n')]), onProgress: (p) => (progress.push(p.rows), ticksAt.push(ticks), seen.push(...p.problems)) });
    } finally {
      clearInterval(timer);
    }
    assert.equal(r.accounts.length, n - 1);
    assert.deepEqual(r.rejected.map((p) => [p.row, p.column, p.reason]), [[12_347, 'potential', '"oops" is not a potential ≥ 0']]);
    assert.deepEqual(seen, r.rejected, 'problems are reported while the rest loads');
    assert.ok(progress.length >= 3, `progress reports: ${progress.length}`);
    // Timers ran between the batches: the event loop turned while the file was being parsed.
    assert.ok(ticksAt[ticksAt.length - 1] - ticksAt[0] >= 3, `timer ticks at each progress report: ${ticksAt.join(' ')}`);
  });

  it('refuses what it cannot read, with a clear error', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await assert.rejects(importAccounts({ accounts: xls }), (e: ImportError) => e.code === 'XLS_UNSUPPORTED' && /save it as \.xlsx or CSV/.test(e.message));
    await assert.rejects(importAccounts({ accounts: 'just one cell\n' }), (e: ImportError) => e.code === 'EMPTY');
    await assert.rejects(
      importAccounts({ accounts: 'id,name\n1,A\n', mapping: { accounts: { id: 'id', potential: 'Potential' } } }),
      (e: ImportError) => e.code === 'MAPPING' && e.message.includes('"Potential"') && e.message.includes('id, name'),
    );
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(importAccounts({ accounts: 'id,name\n1,A\n', signal: abort.signal }), (e: ImportError) => e.code === 'ABORTED');
  });

  it('reads Windows-1252 text and ids named like built-in properties', async () => {
    const bytes = Uint8Array.from([...Buffer.from('id,name,lat,lng\n__proto__,Caf'), 0xe9, ...Buffer.from(',1,2\nconstructor,B,3,4\n')]);
    const r = await importAccounts({ accounts: bytes });
    assert.deepEqual(r.accounts.map((a) => [a.id, a.name]), [['__proto__', 'Café'], ['constructor', 'B']]);
  });
});
