import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';
import type { FieldRule } from '../model/validate-batch.js';

/** What a file holds: accounts (required), reps, or opportunities (aggregated into account performance). */
export type ImportKind = 'accounts' | 'reps' | 'opportunities';

/** A file as the browser hands it (File is a Blob), its text, or its bytes. */
export type ImportSource = Blob | string | ArrayBuffer | Uint8Array;

/** The table formats read: CSV (any delimiter PapaParse detects) and Excel `.xlsx` (first sheet). */
export type TableFormat = 'csv' | 'xlsx';

/** Account fields a column can map to. Address fields are kept in `Account.fields` and used for placing. */
export type AccountField =
  | 'id'
  | 'name'
  | 'ownerId'
  | 'ownerName'
  | 'ownerEmail'
  | 'lat'
  | 'lng'
  | 'street'
  | 'city'
  | 'state'
  | 'postalCode'
  | 'country'
  | 'industry'
  | 'employees'
  | 'annualRevenue'
  | 'potential'
  | 'workload'
  | 'locked';

/** Rep fields a column can map to. */
export type RepField = 'id' | 'name' | 'firstName' | 'lastName' | 'email' | 'homeLat' | 'homeLng' | 'homePostalCode' | 'capacity' | 'quota' | 'active' | 'locked' | 'skills';

/** Opportunity fields a column can map to. */
export type OpportunityField = 'id' | 'accountId' | 'accountName' | 'amount' | 'stage' | 'closeDate' | 'isClosed' | 'isWon';

export interface FieldOf {
  accounts: AccountField;
  reps: RepField;
  opportunities: OpportunityField;
}

/** Field → the header of the column it is read from (a field left out is not read). */
export type ColumnMapping<K extends ImportKind = ImportKind> = Partial<Record<FieldOf[K], string>>;

/** One mapping per file kind. */
export interface ImportMapping {
  accounts?: ColumnMapping<'accounts'>;
  reps?: ColumnMapping<'reps'>;
  opportunities?: ColumnMapping<'opportunities'>;
}

/**
 * What an import problem says, as data (for wording it in another language; the English `reason` is
 * worded from it). Values are cells as read from the file; `firstRow` a spreadsheet row number.
 * - `no-rep-id` "no rep id" · `duplicate-rep-id` "duplicate rep id "r1""
 * - `rep-home-invalid` "home 95, 10 is not a latitude and longitude: left out"
 * - `not-a-number` ""lots" is not a number: left out" (rep capacity, quota)
 * - `not-yes-no` ""maybe" is not yes or no: left out" (rep active and locked, account locked)
 * - `no-account-ref` "no account id or name" (an opportunity) · `amount-invalid` ""x" is not an amount ≥ 0" (an opportunity)
 * - `no-account-id` "no account id" · `duplicate-account-id` "duplicate account id "a1" (first on row 4)"
 * - `no-name` "no name: the id is shown instead"
 * - `potential-invalid` ""lots" is not a potential ≥ 0" · `workload-invalid` ""x" is not a workload ≥ 0"
 * - `employees-invalid` ""many" is not a whole number of employees: left out"
 * - `revenue-invalid` ""x" is not an amount ≥ 0: left out" (annual revenue)
 * - `owner-not-in-reps` "owner "nobody" is not in the reps file: imported unassigned"
 * - `lat-lng-invalid` ""95, 10" is not a latitude and longitude: placed from the address instead"
 * - `opportunity-account-missing` "no account "a9" in the accounts file: left out"
 * - `invalid` the model's validation of the record: `field` (the model's field path), `rule` (absent for a rule the
 *   model gives no data for; `reason` is then the model's English) and whether the field was `dropped` (the record
 *   kept without it), e.g. "is too long: 300 characters, at most 255"
 */
export interface ImportProblemParams {
  'no-rep-id': Record<string, never>;
  'duplicate-rep-id': { id: string };
  'rep-home-invalid': { lat: string; lng: string };
  'not-a-number': { value: string };
  'not-yes-no': { value: string };
  'no-account-ref': Record<string, never>;
  'amount-invalid': { value: string };
  'no-account-id': Record<string, never>;
  'duplicate-account-id': { id: string; firstRow: number };
  'no-name': Record<string, never>;
  'potential-invalid': { value: string };
  'workload-invalid': { value: string };
  'employees-invalid': { value: string };
  'revenue-invalid': { value: string };
  'owner-not-in-reps': { owner: string };
  'lat-lng-invalid': { lat: string; lng: string };
  'opportunity-account-missing': { account: string };
  invalid: { field: string; rule?: FieldRule; dropped: boolean };
}

export type ImportProblemCode = keyof ImportProblemParams;

/** An import problem's code with its params (see {@link ImportProblemParams}). */
export type ImportProblemDetail = { [C in ImportProblemCode]: { code: C; params: ImportProblemParams[C] } }[ImportProblemCode];

/**
 * A problem with one row. `row` is the row number as a spreadsheet shows it (the header row is row
 * `headerRow`, usually 1); `column` the header of the column at fault, or `''` for the whole row.
 * `reason` is the English sentence; `code` and `params` say the same as data (for other languages).
 */
export type ImportProblem = ImportProblemDetail & {
  file: ImportKind;
  row: number;
  column: string;
  reason: string;
  /** The record id on that row, when it had one. */
  id?: string;
  /** Whether the row was loaded all the same (without this field): false for a rejected row. */
  loaded: boolean;
};

/**
 * Why an account has no place, as data (the English `reason` is worded from it):
 * - `no-address` "no coordinates, postal code, or city and state"
 * - `country-not-covered` "no offline table for country "Germany" (the US and Canada are covered)"
 * - `placing-off` "placing by address is turned off"
 * - `address-not-found` "postal code "00000" and "Springfield, ZZ" not found in the offline table" (`postalCode`
 *   null when the row has none; `city` and `state` null unless the row has both)
 */
export interface UnplacedParams {
  'no-address': Record<string, never>;
  'country-not-covered': { country: string };
  'placing-off': Record<string, never>;
  'address-not-found': { postalCode: string | null; city: string | null; state: string | null };
}

export type UnplacedCode = keyof UnplacedParams;

export type UnplacedDetail = { [C in UnplacedCode]: { code: C; params: UnplacedParams[C] } }[UnplacedCode];

/** An account loaded without coordinates: no usable lat/lng, and neither its postal code nor its city and state are in the offline table. */
export type UnplacedAccount = UnplacedDetail & {
  row: number;
  id: string;
  name: string;
  /** The address as read (street, city, state, postal code, country), for the user to fix. */
  address: string;
  reason: string;
};

/**
 * Why a file could not be read at all (`ImportError.code` and `.params`; the English `message` is worded from it):
 * - `XLS_UNSUPPORTED` "this is an Excel 97–2003 .xls file: save it as .xlsx or CSV and import that"
 * - `UNREADABLE` "the file could not be read: <the parser's words>" (`what` `spreadsheet` for an .xlsx)
 * - `EMPTY` "the file has no header row (no row with two or more filled cells)" (`what` `sheet` for an .xlsx)
 * - `MAPPING` "the accounts file has no column "Potential" (mapped to potential); its columns are: id, name"
 * - `ABORTED` "the import was cancelled"
 */
export interface ImportErrorParams {
  XLS_UNSUPPORTED: Record<string, never>;
  UNREADABLE: { what: 'file' | 'spreadsheet'; detail: string };
  EMPTY: { what: 'file' | 'sheet' };
  MAPPING: { kind: ImportKind; header: string; field: string; headers: string[] };
  ABORTED: Record<string, never>;
}

export type ImportErrorCode = keyof ImportErrorParams;

export type ImportErrorDetail = { [C in ImportErrorCode]: { code: C; params: ImportErrorParams[C] } }[ImportErrorCode];

/** How an account's coordinates were found. */
export type Placement = 'file' | 'postal-code' | 'city-state';

export interface ImportStats {
  /** Data rows read per file (blank rows and report footers not counted). */
  rows: Record<ImportKind, number>;
  /** Accounts per placement. */
  placed: Record<Placement, number>;
  /** Opportunities aggregated into account performance. */
  opportunities: number;
  /** Where `potential` came from when no column was mapped to it. */
  potentialFrom: 'column' | 'opportunities' | 'annual-revenue' | 'none';
  /** Wall time of the import in ms. */
  ms: number;
}

/** What an import gives: valid records, and every row that could not be used (or used only in part). */
export interface ImportResult {
  accounts: Account[];
  reps: Rep[];
  /** Rows not loaded, each with row number, column and reason. */
  rejected: ImportProblem[];
  /** Rows loaded with one field left out (e.g. an unreadable employee count, an unknown owner). */
  warnings: ImportProblem[];
  /** Accounts loaded without coordinates (they are in `accounts` too, with `lat`/`lng` null). */
  unplaced: UnplacedAccount[];
  stats: ImportStats;
}

export interface ImportProgress {
  phase: ImportKind | 'placing';
  /** Rows read so far in this phase. */
  rows: number;
  /** Bytes read so far and in all, when known (CSV files). */
  bytes?: number;
  totalBytes?: number;
  /** Problems found since the last report (rejected rows and warnings). */
  problems: ImportProblem[];
}

/** Looks up the centroid of a postal code, or of a city in a state. `null` when unknown. */
export interface Gazetteer {
  byPostalCode(postalCode: string, country: string | null): { lat: number; lng: number } | null;
  byCityState(city: string, state: string, country: string | null): { lat: number; lng: number } | null;
}

export interface ImportOptions {
  /** The accounts file (required). */
  accounts: ImportSource;
  /** A reps file. Without one, reps are made from the accounts' owner columns. */
  reps?: ImportSource;
  /** An opportunities file: open amounts become pipeline, won amounts closed-won, per account. */
  opportunities?: ImportSource;
  /** Column mapping per file; fields not given are suggested from the headers ({@link suggestMapping}). */
  mapping?: ImportMapping;
  /**
   * Places accounts without coordinates. Default: the offline US ZIP / Canadian FSA table, loaded on
   * demand; `false` leaves them unplaced (listed in `unplaced`).
   */
  gazetteer?: Gazetteer | false;
  /** Rows handled between two yields to the event loop for `.xlsx` and for placing (default 2000). */
  chunkRows?: number;
  /** CSV bytes parsed between two yields (default 64 KiB; `Infinity` parses in one go, as a baseline). */
  chunkBytes?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/** What {@link inspectTable} reads from the top of a file, for the mapping step. */
export interface TableInspection {
  format: TableFormat;
  /** The header cells, as written (a blank header becomes `Column N`). */
  headers: string[];
  /** Row number of the header row (1 unless a report title sits above the table). */
  headerRow: number;
  /** The first data rows (at most `previewRows`), as strings. */
  preview: string[][];
  /** The kind the headers look like. */
  kind: ImportKind;
  /** A suggested mapping for that kind. */
  mapping: ColumnMapping;
}
