import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';

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
 * A problem with one row. `row` is the row number as a spreadsheet shows it (the header row is row
 * `headerRow`, usually 1); `column` the header of the column at fault, or `''` for the whole row.
 */
export interface ImportProblem {
  file: ImportKind;
  row: number;
  column: string;
  reason: string;
  /** The record id on that row, when it had one. */
  id?: string;
  /** Whether the row was loaded all the same (without this field): false for a rejected row. */
  loaded: boolean;
}

/** An account loaded without coordinates: no usable lat/lng, and neither its postal code nor its city and state are in the offline table. */
export interface UnplacedAccount {
  row: number;
  id: string;
  name: string;
  /** The address as read (street, city, state, postal code, country), for the user to fix. */
  address: string;
  reason: string;
}

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
