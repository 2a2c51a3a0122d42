import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';

/**
 * What makes a spreadsheet run a cell as a formula (OWASP CSV injection): `=`, `+`, `-`, `@`, a tab,
 * carriage return or line feed at the start — also after leading blanks and invisible characters
 * (spaces, NBSP, zero-width space/joiners, word joiner, BOM, line breaks), which spreadsheets skip, and
 * in their full-width and small forms (`＝ ＋ － ＠`, `﹦ ﹢ ﹣ ﹫`) and the minus sign `−`, which
 * some spreadsheets fold to ASCII.
 */
const FORMULA_START = /^(?:[\t\r\n]|[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212])/;

/**
 * One CSV cell: numbers as they are; text prefixed with `'` when a spreadsheet could run it as a
 * formula (see above), then quoted (RFC 4180) when it holds a comma, a quote or a line break.
 *
 * @param value the cell value (null and undefined give an empty cell)
 * @returns the cell text
 * @example
 * csvCell('=HYPERLINK("x")'); // `"'=HYPERLINK(""x"")"`
 * csvCell('\u00A0=1+1'); // `'\u00A0=1+1`
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Our accounts template: what {@link accountsTemplateCsv} writes and the import reads without mapping. */
export const ACCOUNT_TEMPLATE_COLUMNS = [
  'account_id',
  'account_name',
  'owner_id',
  'owner_name',
  'previous_owner_id',
  'previous_owner_name',
  'lat',
  'lng',
  'street',
  'city',
  'state',
  'postal_code',
  'country',
  'industry',
  'employees',
  'annual_revenue',
  'potential',
  'workload',
  'locked',
] as const;

/** Our reps template: what {@link repsTemplateCsv} writes. */
export const REP_TEMPLATE_COLUMNS = ['rep_id', 'rep_name', 'email', 'home_lat', 'home_lng', 'capacity', 'quota', 'active', 'locked', 'skills'] as const;

/** Who owns each account in the file: `owner` (e.g. the working plan) and `previous` (e.g. the CRM's). */
export interface TemplateOwners {
  owner(account: Account): string | null;
  previous?(account: Account): string | null;
}

const field = (a: Account, key: string): string | number | null => {
  const v = a.fields?.[key];
  return typeof v === 'string' || typeof v === 'number' ? v : null;
};

const lines = (rows: (string | number | boolean | null | undefined)[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

/**
 * Accounts in our template (header {@link ACCOUNT_TEMPLATE_COLUMNS}, CRLF, injection-safe cells), so
 * that importing the file gives the same accounts with `owner` as their owner: a plan round-trips.
 *
 * @param accounts the accounts, in order
 * @param reps the reps (for owner names)
 * @param owners who owns each account; default its `ownerId`, no previous owner
 * @returns the CSV text, header first
 * @example
 * accountsTemplateCsv(state.accounts, state.reps, { owner: (a) => state.working[a.id] ?? null, previous: (a) => state.current[a.id] ?? null });
 */
export function accountsTemplateCsv(accounts: readonly Account[], reps: readonly Rep[], owners: TemplateOwners = { owner: (a) => a.ownerId }): string {
  const names = new Map(reps.map((r) => [r.id, r.name]));
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  const rows: (string | number | boolean | null)[][] = [[...ACCOUNT_TEMPLATE_COLUMNS]];
  for (const a of accounts) {
    const owner = owners.owner(a);
    const previous = owners.previous ? owners.previous(a) : null;
    rows.push([
      a.id,
      a.name,
      owner,
      nameOf(owner),
      previous,
      nameOf(previous),
      a.lat,
      a.lng,
      field(a, 'street'),
      field(a, 'city'),
      field(a, 'state'),
      field(a, 'postalCode'),
      field(a, 'country'),
      a.industry ?? null,
      a.employees ?? null,
      a.annualRevenue ?? null,
      a.potential,
      a.workload,
      a.locked ? true : null,
    ]);
  }
  return lines(rows);
}

/**
 * Reps in our template (header {@link REP_TEMPLATE_COLUMNS}); skills joined with `;`.
 *
 * @param reps the reps
 * @returns the CSV text, header first
 * @example
 * new Blob([repsTemplateCsv(state.reps)], { type: 'text/csv' });
 */
export function repsTemplateCsv(reps: readonly Rep[]): string {
  const rows: (string | number | boolean | null | undefined)[][] = [[...REP_TEMPLATE_COLUMNS]];
  for (const r of reps) rows.push([r.id, r.name, r.email, r.home?.lat, r.home?.lng, r.capacity, r.quota, r.active, r.locked ? true : null, r.skills.join(';')]);
  return lines(rows);
}
