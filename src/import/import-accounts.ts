import type { Account, AccountInput, FieldValue } from '../model/account.js';
import type { Rep, RepInput } from '../model/rep.js';
import { validateBatch } from '../model/validate-batch.js';
import { ruleOfIssue } from '../model/format-rejection.js';
import { parseBoolean, parseNumber, squash } from './cells.js';
import { ImportError, readTable, yieldToEventLoop, type TableRow } from './read-table.js';
import { suggestMapping } from './suggest-mapping.js';
import { gazetteerCovers, loadZipGazetteer } from './zip-gazetteer.js';
import { importProblemReason, unplacedReason } from './problem-reason.js';
import type {
  ColumnMapping,
  FieldOf,
  Gazetteer,
  ImportKind,
  ImportOptions,
  ImportProblem,
  ImportProblemDetail,
  ImportResult,
  ImportSource,
  Placement,
  UnplacedAccount,
  UnplacedDetail,
} from './types.js';

type Columns<K extends ImportKind> = Partial<Record<FieldOf[K], number>>;

/** Field → column index, from a mapping (header names) and the file's headers. */
function columnsOf<K extends ImportKind>(kind: K, mapping: ColumnMapping<K>, headers: readonly string[]): Columns<K> {
  const cols: Record<string, number> = {};
  for (const [field, header] of Object.entries(mapping as Record<string, string | undefined>)) {
    if (header === undefined || header === '') continue;
    const at = headers.indexOf(header);
    if (at < 0) throw new ImportError({ code: 'MAPPING', params: { kind, header, field, headers: [...headers] } });
    cols[field] = at;
  }
  return cols as Columns<K>;
}

interface Reader<K extends ImportKind> {
  headers: string[];
  mapping: ColumnMapping<K>;
  cols: Columns<K>;
  /** The cell of a field, `''` when the field is not mapped. */
  get(cells: readonly string[], field: FieldOf[K]): string;
  /** The header a field is read from (for problems), or the field name. */
  header(field: FieldOf[K] | string): string;
}

function reader<K extends ImportKind>(kind: K, headers: string[], given: ColumnMapping<K> | undefined): Reader<K> {
  const mapping = given ?? suggestMapping(kind, headers);
  const cols = columnsOf(kind, mapping, headers);
  const colOf = cols as Record<string, number | undefined>;
  const map = mapping as Record<string, string | undefined>;
  return {
    headers,
    mapping,
    cols,
    get: (cells, field) => {
      const at = colOf[field];
      return at === undefined ? '' : (cells[at] ?? '');
    },
    header: (field) => map[field] ?? String(field),
  };
}

/** Reads one whole file through `onRow`, with progress and yields between batches. */
async function eachRow<K extends ImportKind>(
  kind: K,
  source: ImportSource,
  given: ColumnMapping<K> | undefined,
  options: ImportOptions,
  problems: ProblemLog,
  onRow: (r: Reader<K>, row: TableRow) => void,
  onBatchEnd?: (r: Reader<K>) => void,
): Promise<number> {
  let r: Reader<K> | null = null;
  let rows = 0;
  await readTable(source, {
    signal: options.signal,
    chunkRows: options.chunkRows,
    chunkBytes: options.chunkBytes,
    onHeader: (headers) => {
      r = reader(kind, headers, given);
    },
    onRows: (batch, progress) => {
      for (const row of batch) onRow(r!, row);
      onBatchEnd?.(r!);
      rows += batch.length;
      options.onProgress?.({ phase: kind, rows, ...progress, problems: problems.flush() });
    },
  });
  return rows;
}

/** Where a problem is: file, row, column and the row's record id. */
interface ProblemAt {
  file: ImportKind;
  row: number;
  column: string;
  id?: string;
}

/** Collects problems, and hands out those found since the last progress report. */
class ProblemLog {
  readonly rejected: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  #since: ImportProblem[] = [];
  /** The row was not loaded. `reason`: the English, when it is not worded from the detail (the model's). */
  reject(at: ProblemAt, detail: ImportProblemDetail, reason?: string): void {
    this.#add(this.rejected, at, detail, false, reason);
  }
  /** The row was loaded without the field. */
  warn(at: ProblemAt, detail: ImportProblemDetail, reason?: string): void {
    this.#add(this.warnings, at, detail, true, reason);
  }
  #add(list: ImportProblem[], at: ProblemAt, detail: ImportProblemDetail, loaded: boolean, reason = importProblemReason(detail)): void {
    const { id, ...where } = at;
    const p = { ...where, ...detail, reason, ...(id ? { id } : {}), loaded } as ImportProblem;
    list.push(p);
    this.#since.push(p);
  }
  flush(): ImportProblem[] {
    const out = this.#since;
    this.#since = [];
    return out;
  }
}

interface Perf {
  pipeline: number;
  closedWon: number;
  won: number;
  closed: number;
  rows: number[];
  used: boolean;
}

const WON = /closed\s*won|^won$/i;
const LOST = /closed\s*lost|^lost$/i;

/**
 * Imports accounts, and optionally reps and opportunities, from CSV or `.xlsx` files (our template, a
 * Salesforce report export, a HubSpot export): maps columns (given, or suggested from the headers),
 * reads in batches without freezing the page, places accounts without coordinates by postal code or by
 * city and state from the offline table, and validates every record.
 *
 * Nothing is dropped silently: a row that cannot be used is in `rejected` (row number, column, reason);
 * a row used without one of its fields in `warnings`; an account without coordinates in `unplaced`
 * (and in `accounts`, with `lat`/`lng` null).
 *
 * Owners: with a reps file, an account's owner is matched by rep id, then e-mail, then name; without
 * one, a rep is made for each distinct owner. Potential: the mapped column, else open pipeline +
 * closed-won from the opportunities, else annual revenue, else 0 (`stats.potentialFrom` says which).
 *
 * @param options files, mapping, gazetteer, progress and abort
 * @returns valid accounts and reps, problems, unplaced accounts and counts
 * @throws ImportError when a file cannot be read at all (`XLS_UNSUPPORTED`, `UNREADABLE`, `EMPTY`, `MAPPING`, `ABORTED`)
 * @example
 * const result = await importAccounts({ accounts: fileInput.files[0], onProgress: (p) => console.log(p.rows) });
 * for (const p of result.rejected) console.log(`row ${p.row}, ${p.column}: ${p.reason}`);
 */
export async function importAccounts(options: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const problems = new ProblemLog();
  const mapping = options.mapping ?? {};
  const stats: ImportResult['stats'] = {
    rows: { accounts: 0, reps: 0, opportunities: 0 },
    placed: { file: 0, 'postal-code': 0, 'city-state': 0 },
    opportunities: 0,
    potentialFrom: 'none',
    ms: 0,
  };
  let gazetteer: Gazetteer | null = null;
  const needGazetteer = async () => {
    if (options.gazetteer === false) return null;
    gazetteer ??= options.gazetteer ?? (await loadZipGazetteer());
    return gazetteer;
  };

  // 1. Reps (small): by id, e-mail and name, for matching account owners.
  const repInputs: { input: RepInput; row: number }[] = [];
  const repBy = { id: new Map<string, string>(), email: new Map<string, string>(), name: new Map<string, string>() };
  if (options.reps !== undefined) {
    const pending: { row: number; postal: string; at: number }[] = [];
    stats.rows.reps = await eachRow('reps', options.reps, mapping.reps, options, problems, (r, { row, cells }) => {
      const p = (column: string, id?: string): ProblemAt => ({ file: 'reps', row, column, id });
      const name = r.get(cells, 'name') || [r.get(cells, 'firstName'), r.get(cells, 'lastName')].filter(Boolean).join(' ');
      const email = r.get(cells, 'email');
      const id = r.get(cells, 'id') || (r.cols.id === undefined ? email || name : '');
      if (!id) return problems.reject(p(r.header(r.cols.id === undefined ? 'name' : 'id')), { code: 'no-rep-id', params: {} });
      if (repBy.id.has(id)) return problems.reject(p(r.header('id'), id), { code: 'duplicate-rep-id', params: { id } });
      const input: RepInput = { id, name: name || email || id };
      if (email) input.email = email;
      const lat = parseNumber(r.get(cells, 'homeLat'));
      const lng = parseNumber(r.get(cells, 'homeLng'));
      if (typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) input.home = { lat, lng };
      else if (lat !== undefined || lng !== undefined) problems.warn(p(r.header('homeLat'), id), { code: 'rep-home-invalid', params: { lat: r.get(cells, 'homeLat'), lng: r.get(cells, 'homeLng') } });
      const postal = r.get(cells, 'homePostalCode');
      if (!input.home && postal) pending.push({ row, postal, at: repInputs.length });
      for (const [field, key] of [['capacity', 'capacity'], ['quota', 'quota']] as const) {
        const v = parseNumber(r.get(cells, field));
        if (typeof v === 'number') input[key] = v;
        else if (v === null) problems.warn(p(r.header(field), id), { code: 'not-a-number', params: { value: r.get(cells, field) } });
      }
      for (const field of ['active', 'locked'] as const) {
        const v = parseBoolean(r.get(cells, field));
        if (typeof v === 'boolean') input[field] = v;
        else if (v === null) problems.warn(p(r.header(field), id), { code: 'not-yes-no', params: { value: r.get(cells, field) } });
      }
      const skills = r.get(cells, 'skills');
      if (skills) input.skills = skills.split(/[;|,]/).map((s) => s.trim()).filter(Boolean);
      repInputs.push({ input, row });
      repBy.id.set(id, id);
      if (email) repBy.email.set(email.toLowerCase(), id);
      if (input.name) repBy.name.set(squash(input.name), id);
    });
    if (pending.length > 0) {
      const g = await needGazetteer();
      for (const { postal, at } of pending) {
        const hit = g?.byPostalCode(postal, null);
        if (hit) repInputs[at].input.home = hit;
      }
    }
  }

  // 2. Opportunities: aggregated per account id and per account name.
  const perfById = new Map<string, Perf>();
  const perfByName = new Map<string, Perf>();
  if (options.opportunities !== undefined) {
    stats.rows.opportunities = await eachRow('opportunities', options.opportunities, mapping.opportunities, options, problems, (r, { row, cells }) => {
      const p = (column: string): ProblemAt => ({ file: 'opportunities', row, column, id: r.get(cells, 'id') });
      const accountId = r.get(cells, 'accountId');
      const accountName = r.get(cells, 'accountName');
      if (!accountId && !accountName) return problems.reject(p(r.header(r.cols.accountId === undefined ? 'accountName' : 'accountId')), { code: 'no-account-ref', params: {} });
      const amount = parseNumber(r.get(cells, 'amount'));
      if (amount === null || (amount ?? 0) < 0) return problems.reject(p(r.header('amount')), { code: 'amount-invalid', params: { value: r.get(cells, 'amount') } });
      const stage = r.get(cells, 'stage');
      const closedCell = parseBoolean(r.get(cells, 'isClosed'));
      const wonCell = parseBoolean(r.get(cells, 'isWon'));
      const won = wonCell ?? WON.test(stage);
      const closed = closedCell ?? (won || LOST.test(stage));
      const table = accountId ? perfById : perfByName;
      const key = accountId || squash(accountName);
      let perf = table.get(key);
      if (!perf) table.set(key, (perf = { pipeline: 0, closedWon: 0, won: 0, closed: 0, rows: [], used: false }));
      if (!closed) perf.pipeline += amount ?? 0;
      else {
        perf.closed++;
        if (won) {
          perf.won++;
          perf.closedWon += amount ?? 0;
        }
      }
      perf.rows.push(row);
      stats.opportunities++;
    });
  }

  // 3. Accounts, streamed: owner, performance, placement, validation per batch.
  const accounts: Account[] = [];
  const unplaced: UnplacedAccount[] = [];
  const derivedReps = new Map<string, RepInput>();
  const seen = new Map<string, number>();
  type Pending = { input: AccountInput; row: number; placedBy: Placement | null; address: string; why: UnplacedDetail | null };
  let batch: Pending[] = [];
  let potentialFrom: ImportResult['stats']['potentialFrom'] = 'none';
  const accountMapping = mapping.accounts;
  /** Accounts to place from their address once the whole file is read (the table loads only if needed). */
  const deferred: (Pending & { fields: Record<string, FieldValue>; place: { postalCode: string; city: string; state: string; country: string | null } })[] = [];

  let accountReader: Reader<'accounts'> | null = null;
  const flush = (r: Reader<'accounts'>) => {
    if (batch.length === 0) return;
    const result = validateBatch('account', batch.map((b) => b.input), { rules: ruleOfIssue });
    const bad = new Map(result.rejected.map((x) => [x.index, x]));
    batch.forEach((b, i) => {
      const rejection = bad.get(i);
      if (rejection) {
        const field = rejection.field.split('.')[0] === 'fields' ? rejection.field.split('.')[1] : rejection.field.split('.')[0];
        const at = { file: 'accounts' as const, row: b.row, column: field === 'performance' ? 'opportunities' : r.header(field), id: b.input.id };
        const detail = { code: 'invalid' as const, params: { field: rejection.field, rule: rejection.problems[0].rule, dropped: rejection.kept === true } };
        // Kept: the record is in `result.valid`, loaded without the bad optional field.
        if (rejection.kept) problems.warn(at, detail, rejection.reason);
        else return problems.reject(at, detail, rejection.reason);
      }
      if (b.placedBy) stats.placed[b.placedBy]++;
      else if (b.why) unplaced.push({ row: b.row, id: b.input.id, name: b.input.name, address: b.address, ...b.why, reason: unplacedReason(b.why) });
    });
    for (const a of result.valid) accounts.push(a);
    batch = [];
  };

  stats.rows.accounts = await eachRow(
    'accounts',
    options.accounts,
    accountMapping,
    options,
    problems,
    (r, { row, cells }) => {
      const p = (column: string, id?: string): ProblemAt => ({ file: 'accounts', row, column, id });
      const id = r.cols.id === undefined ? `row-${row}` : r.get(cells, 'id');
      if (!id) return problems.reject(p(r.header('id')), { code: 'no-account-id', params: {} });
      const first = seen.get(id);
      if (first !== undefined) return problems.reject(p(r.header('id'), id), { code: 'duplicate-account-id', params: { id, firstRow: first } });
      seen.set(id, row);
      let name = r.get(cells, 'name');
      if (!name) {
        name = id;
        if (r.cols.name !== undefined) problems.warn(p(r.header('name'), id), { code: 'no-name', params: {} });
      }
      const input: AccountInput = { id, name, lat: null, lng: null, potential: 0, ownerId: null };
      const fields: Record<string, FieldValue> = {};

      // Numbers that drive the plan: unreadable → the row is rejected (a guess would skew the balance).
      if (r.cols.potential !== undefined) {
        const v = parseNumber(r.get(cells, 'potential'));
        if (v === null || (v ?? 0) < 0) return problems.reject(p(r.header('potential'), id), { code: 'potential-invalid', params: { value: r.get(cells, 'potential') } });
        input.potential = v ?? 0;
      }
      if (r.cols.workload !== undefined) {
        const v = parseNumber(r.get(cells, 'workload'));
        if (v === null || (v ?? 0) < 0) return problems.reject(p(r.header('workload'), id), { code: 'workload-invalid', params: { value: r.get(cells, 'workload') } });
        if (v !== undefined) input.workload = v;
      }
      // Descriptive fields: unreadable → left out, with a warning.
      const industry = r.get(cells, 'industry');
      if (industry) input.industry = industry;
      const employees = parseNumber(r.get(cells, 'employees'));
      if (typeof employees === 'number' && Number.isInteger(employees) && employees >= 0) input.employees = employees;
      else if (employees !== undefined) problems.warn(p(r.header('employees'), id), { code: 'employees-invalid', params: { value: r.get(cells, 'employees') } });
      const revenue = parseNumber(r.get(cells, 'annualRevenue'));
      if (typeof revenue === 'number' && revenue >= 0) input.annualRevenue = revenue;
      else if (revenue !== undefined) problems.warn(p(r.header('annualRevenue'), id), { code: 'revenue-invalid', params: { value: r.get(cells, 'annualRevenue') } });
      const locked = parseBoolean(r.get(cells, 'locked'));
      if (locked === true) input.locked = true;
      else if (locked === null) problems.warn(p(r.header('locked'), id), { code: 'not-yes-no', params: { value: r.get(cells, 'locked') } });

      // Owner.
      const ownerId = r.get(cells, 'ownerId');
      const ownerName = r.get(cells, 'ownerName');
      const ownerEmail = r.get(cells, 'ownerEmail');
      if (ownerId || ownerName || ownerEmail) {
        if (options.reps !== undefined) {
          const match =
            (ownerId && (repBy.id.get(ownerId) ?? repBy.email.get(ownerId.toLowerCase()) ?? repBy.name.get(squash(ownerId)))) ||
            (ownerEmail && repBy.email.get(ownerEmail.toLowerCase())) ||
            (ownerName && (repBy.name.get(squash(ownerName)) ?? repBy.id.get(ownerName)));
          if (match) input.ownerId = match;
          else {
            const field = ownerId ? 'ownerId' : ownerEmail ? 'ownerEmail' : 'ownerName';
            problems.warn(p(r.header(field), id), { code: 'owner-not-in-reps', params: { owner: ownerId || ownerEmail || ownerName } });
          }
        } else {
          const key = ownerId || (ownerEmail ? `rep:${ownerEmail.toLowerCase()}` : `rep:${squash(ownerName)}`);
          if (!derivedReps.has(key)) derivedReps.set(key, { id: key, name: ownerName || ownerEmail || ownerId, ...(ownerEmail ? { email: ownerEmail } : {}) });
          input.ownerId = key;
        }
      }

      // Performance from opportunities, and potential when no column gives it.
      const perf = perfById.get(id) ?? perfByName.get(squash(name));
      if (perf) {
        perf.used = true;
        input.performance = { pipeline: perf.pipeline, closedWon: perf.closedWon, winRate: perf.closed > 0 ? perf.won / perf.closed : null };
      }
      if (r.cols.potential === undefined) {
        if (options.opportunities !== undefined) {
          potentialFrom = 'opportunities';
          input.potential = perf ? perf.pipeline + perf.closedWon : 0;
        } else if (r.cols.annualRevenue !== undefined) {
          potentialFrom = 'annual-revenue';
          input.potential = input.annualRevenue ?? 0;
        }
      } else potentialFrom = 'column';

      // Address, kept in `fields`; coordinates from the file, else from the offline table.
      const address = { street: r.get(cells, 'street'), city: r.get(cells, 'city'), state: r.get(cells, 'state'), postalCode: r.get(cells, 'postalCode'), country: r.get(cells, 'country') };
      for (const [k, v] of Object.entries(address)) if (v) fields[k] = v;
      if (Object.keys(fields).length > 0) input.fields = fields;
      let placedBy: Placement | null = null;
      let why: UnplacedDetail | null = null;
      const lat = parseNumber(r.get(cells, 'lat'));
      const lng = parseNumber(r.get(cells, 'lng'));
      if (typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && !(lat === 0 && lng === 0)) {
        input.lat = lat;
        input.lng = lng;
        placedBy = 'file';
      } else {
        if (lat !== undefined || lng !== undefined) {
          problems.warn(p(r.header('lat'), id), { code: 'lat-lng-invalid', params: { lat: r.get(cells, 'lat'), lng: r.get(cells, 'lng') } });
        }
        const country = address.country || null;
        if (!address.postalCode && !(address.city && address.state)) why = { code: 'no-address', params: {} };
        else if (!gazetteerCovers(country)) why = { code: 'country-not-covered', params: { country: country ?? '' } };
        else {
          const where = [address.street, address.city, address.state, address.postalCode, address.country].filter(Boolean).join(', ');
          deferred.push({ input, row, placedBy: null, address: where, why: null, fields, place: { ...address, country } });
          return;
        }
      }
      const where = [address.street, address.city, address.state, address.postalCode, address.country].filter(Boolean).join(', ');
      batch.push({ input, row, placedBy, address: where, why });
    },
    (r) => {
      accountReader = r;
      flush(r);
    },
  );
  if (deferred.length > 0 && accountReader) {
    const g = await needGazetteer();
    const step = options.chunkRows ?? 2000;
    for (let i = 0; i < deferred.length; i += step) {
      if (options.signal?.aborted) throw new ImportError({ code: 'ABORTED', params: {} }, { cause: options.signal.reason });
      for (const d of deferred.slice(i, i + step)) {
        const { postalCode, city, state, country } = d.place;
        const byPostal = g && postalCode ? g.byPostalCode(postalCode, country) : null;
        const byCity = g && !byPostal && city && state ? g.byCityState(city, state, country) : null;
        const hit = byPostal ?? byCity;
        if (hit) {
          d.input.lat = hit.lat;
          d.input.lng = hit.lng;
          d.placedBy = byPostal ? 'postal-code' : 'city-state';
          d.fields.placedBy = d.placedBy;
          d.input.fields = d.fields;
        } else if (!g) d.why = { code: 'placing-off', params: {} };
        else d.why = { code: 'address-not-found', params: { postalCode: postalCode || null, city: city && state ? city : null, state: city && state ? state : null } };
        batch.push(d);
      }
      flush(accountReader);
      options.onProgress?.({ phase: 'placing', rows: Math.min(deferred.length, i + step), problems: problems.flush() });
      await yieldToEventLoop();
    }
  }
  stats.potentialFrom = potentialFrom;

  // Opportunities that matched no account.
  for (const [key, perf] of [...perfById, ...perfByName]) {
    if (perf.used) continue;
    const column = mapping.opportunities?.accountId ?? mapping.opportunities?.accountName ?? 'account';
    for (const row of perf.rows) problems.warn({ file: 'opportunities', row, column }, { code: 'opportunity-account-missing', params: { account: key } });
  }

  // Reps: from the file, or made from the owners.
  const repRows = options.reps !== undefined ? repInputs : [...derivedReps.values()].map((input) => ({ input, row: 0 }));
  const repResult = validateBatch('rep', repRows.map((x) => x.input), { rules: ruleOfIssue });
  for (const x of repResult.rejected) {
    const row = repRows[x.index].row;
    const top = x.field.split('.')[0];
    const at = { file: 'reps' as const, row, column: mapping.reps?.[x.field as keyof ColumnMapping<'reps'>] ?? mapping.reps?.[top as keyof ColumnMapping<'reps'>] ?? x.field, id: x.id };
    const detail = { code: 'invalid' as const, params: { field: x.field, rule: x.problems[0].rule, dropped: x.kept === true } };
    // Kept: the rep is in `repResult.valid`, loaded without the bad optional field.
    if (x.kept) problems.warn(at, detail, x.reason);
    else problems.reject(at, detail, x.reason);
  }
  const reps: Rep[] = repResult.valid;
  // Deferred (placed) accounts were validated last: back to file order.
  accounts.sort((a, b) => seen.get(a.id)! - seen.get(b.id)!);
  unplaced.sort((a, b) => a.row - b.row);
  const last = problems.flush();
  if (last.length > 0) options.onProgress?.({ phase: 'placing', rows: accounts.length, problems: last });
  stats.ms = Date.now() - started;
  return { accounts, reps, rejected: problems.rejected, warnings: problems.warnings, unplaced, stats };
}

/** Starts loading the offline ZIP table (the widget does while the user checks the mapping). */
export function preloadGazetteer(): void {
  void loadZipGazetteer().catch(() => undefined);
}
