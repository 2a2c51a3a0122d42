// Writes the sample import files in this folder (deterministic): `node --import tsx demo/samples/make-samples.ts`.
// - template-accounts.csv / template-reps.csv: our template (what "Plan as CSV" writes back)
// - salesforce-accounts-report.csv / salesforce-opportunities-report.csv: a Salesforce report export
//   ("Details only", CSV, with the report footer), accounts without coordinates (placed by ZIP)
// - hubspot-companies.csv / hubspot-deals.csv: a HubSpot export (companies with owner names, deals)
// - template-accounts.xlsx: the template as an Excel workbook (ZIP codes as numbers, as Excel keeps them)
// Each holds a few deliberately bad rows, so the import's problem list has something to show.
import writeXlsxFile from 'write-excel-file/node';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import { accountsTemplateCsv, csvCell, repsTemplateCsv } from '../../src/import/template.js';

const dir = new URL('./', import.meta.url);
const require = createRequire(import.meta.url);
const { codes } = require('zipcodes') as { codes: Record<string, { zip: string; latitude: number; longitude: number; city: string; state: string; country: string }> };
const us = Object.values(codes).filter((c) => c.country === 'US');

/** The ZIP whose centroid is nearest to a point (brute force: a few hundred lookups). */
function nearestZip(lat: number, lng: number) {
  let best = us[0];
  let bestD = Infinity;
  for (const c of us) {
    const d = (c.latitude - lat) ** 2 + ((c.longitude - lng) * Math.cos((lat * Math.PI) / 180)) ** 2;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

const data = generateDemoData({ seed: 7, accounts: 120, reps: 6 });
const accounts = data.accounts
  .filter((a) => a.lat !== null)
  .map((a, i) => {
    const z = nearestZip(a.lat!, a.lng!);
    return { ...a, fields: { street: `${100 + ((i * 37) % 900)} ${['Main', 'Oak', 'Market', 'Elm', 'Pine'][i % 5]} St`, city: z.city, state: z.state, postalCode: z.zip, country: 'US' } };
  });
const reps = data.reps;
const write = (name: string, text: string) => writeFileSync(new URL(name, dir), text);
const csv = (rows: (string | number | boolean | null | undefined)[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

// Our template: most rows with coordinates, some with a ZIP only, some with city + state only.
const template = accounts.slice(0, 60).map((a, i) => (i % 6 === 1 ? { ...a, lat: null, lng: null } : i % 6 === 4 ? { ...a, lat: null, lng: null, fields: { ...a.fields, postalCode: '' } } : a));
let templateCsv = accountsTemplateCsv(template as never, reps);
templateCsv +=
  csv([
    ['acc-bad-potential', 'Northwind (potential "lots")', reps[0].id, reps[0].name, null, null, 41.88, -87.63, null, 'Chicago', 'IL', '60601', 'US', 'Retail', 40, 2000000, 'lots', 1, null],
    [template[2].id, 'Duplicate of row 4', reps[1].id, reps[1].name, null, null, 40.7, -74, null, null, null, null, 'US', null, null, null, 1000, 1, null],
    ['acc-nowhere', 'Atlantis Trading (no address)', reps[2].id, reps[2].name, null, null, null, null, null, null, null, null, 'US', 'Retail', 12, 500000, 20000, 1, null],
    ['acc-unknown-zip', 'Zed Labs (ZIP not in the table)', reps[3].id, reps[3].name, null, null, null, null, '1 Nowhere Rd', 'Springfield', 'ZZ', '00000', 'US', 'Technology', 30, 900000, 40000, 1, null],
    ['acc-bad-employees', 'Contoso (employees "many")', 'nobody', 'Nobody Known', null, null, 47.61, -122.33, null, 'Seattle', 'WA', '98101', 'US', 'Technology', 'many', 5000000, 80000, 2, null],
  ]);
write('template-accounts.csv', templateCsv);
write('template-reps.csv', repsTemplateCsv(reps));

// A Salesforce report export (Accounts with owner and billing address), no coordinates.
const sfId = (i: number) => `0015g00000${String(1000 + i).padStart(4, '0')}AbQAAU`;
const sfOwner = (ownerId: string | null) => reps.find((r) => r.id === ownerId)?.name ?? '';
const sfRows: (string | number | null)[][] = [
  ['Account Owner', 'Account Name', 'Account ID', 'Type', 'Billing Street', 'Billing City', 'Billing State/Province', 'Billing Zip/Postal Code', 'Billing Country', 'Industry', 'Employees', 'Annual Revenue'],
  ...accounts.slice(0, 80).map((a, i) => [sfOwner(a.ownerId), a.name, sfId(i), 'Customer', a.fields.street, a.fields.city, a.fields.state, i % 10 === 3 ? `${a.fields.postalCode}-1234` : a.fields.postalCode, 'United States', a.industry ?? null, a.employees ?? null, a.annualRevenue ?? null]),
  [sfOwner(reps[0].id), 'Umbrella Corp (no account id)', '', 'Prospect', null, 'Denver', 'CO', '80202', 'United States', 'Healthcare', 300, 12000000],
  [sfOwner(reps[1].id), 'Maple Leaf Foods', sfId(900), 'Customer', null, 'Toronto', 'ON', 'M5V 3L9', 'Canada', 'Retail', 900, 40000000],
  [sfOwner(reps[2].id), 'Berliner Werke GmbH', sfId(901), 'Customer', null, 'Berlin', null, '10115', 'Germany', 'Manufacturing', 200, 30000000],
];
write(
  'salesforce-accounts-report.csv',
  csv(sfRows) + '\r\n' + csv([['Grand Totals (83 records)'], ['Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.'], ['Confidential Information - Do Not Distribute'], ['Generated By: Ana Ruiz  12/6/2026 9:14 AM'], ['Acme Sales Org']]),
);
const stages = ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost'];
write(
  'salesforce-opportunities-report.csv',
  csv([
    ['Opportunity Owner', 'Account Name', 'Account ID', 'Opportunity Name', 'Stage', 'Amount', 'Close Date'],
    ...accounts.slice(0, 80).flatMap((a, i) =>
      [0, 1].map((k) => [sfOwner(a.ownerId), a.name, sfId(i), `${a.name} — ${k ? 'Renewal' : 'Expansion'}`, stages[(i + k * 3) % stages.length], Math.round((a.potential * (k ? 0.3 : 0.6)) / 100) * 100, `${k ? 12 : 3}/15/2026`]),
    ),
    ['Ana Ruiz', 'Ghost Account', sfId(999), 'Ghost — New', 'Prospecting', 'USD 5,000?', '1/1/2027'],
  ]),
);

// A HubSpot export: companies (owner by name) and deals (associated company ids).
const hsId = (i: number) => String(18_000_000_000 + i * 7919);
write(
  'hubspot-companies.csv',
  csv([
    ['Record ID', 'Company name', 'Company owner', 'Company Domain Name', 'Street Address', 'City', 'State/Region', 'Postal Code', 'Country/Region', 'Industry', 'Number of Employees', 'Annual Revenue', 'Create Date'],
    ...accounts.slice(20, 100).map((a, i) => [hsId(i), a.name, sfOwner(a.ownerId), `${a.name.toLowerCase().replace(/[^a-z]+/g, '')}.example`, a.fields.street, a.fields.city, a.fields.state, i % 7 === 2 ? '' : a.fields.postalCode, 'United States', (a.industry ?? '').toUpperCase().replace(/ /g, '_'), a.employees ?? null, a.annualRevenue ?? null, '2025-03-14 09:30']),
    [hsId(500), '=HYPERLINK("http://evil.example","click")', sfOwner(reps[0].id), 'evil.example', null, 'Austin', 'TX', '78701', 'United States', 'COMPUTER_SOFTWARE', 'ten', 100000, '2025-03-14 09:30'],
  ]),
);
write(
  'hubspot-deals.csv',
  csv([
    ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Deal owner', 'Associated Company IDs (Primary)'],
    ...accounts.slice(20, 100).map((a, i) => [String(9_000_000 + i), `${a.name} deal`, ['appointmentscheduled', 'qualifiedtobuy', 'Closed won', 'Closed lost', 'contractsent'][i % 5], Math.round(a.potential / 2), '2026-12-31', sfOwner(a.ownerId), hsId(i)]),
  ]),
);

// The template as .xlsx: ZIP codes as numbers (Excel drops leading zeros: the import pads them back).
const header = templateCsv.split('\r\n')[0].split(',');
const xlsxRows = template.slice(0, 40).map((a) => [
  a.id, a.name, a.ownerId, reps.find((r) => r.id === a.ownerId)?.name ?? null, null, null, a.lat, a.lng,
  a.fields.street, a.fields.city, a.fields.state, a.fields.postalCode ? Number(a.fields.postalCode) : null, a.fields.country,
  a.industry ?? null, a.employees ?? null, a.annualRevenue ?? null, a.potential, a.workload, a.locked ?? null,
]);
const cell = (v: unknown) => (v === null || v === undefined || v === '' ? null : { value: v as string | number | boolean });
await writeXlsxFile([header.map((h) => ({ value: h, fontWeight: 'bold' as const })), ...xlsxRows.map((r) => r.map(cell))] as never).toFile(new URL('template-accounts.xlsx', dir).pathname);
console.log('samples written to', dir.pathname);
