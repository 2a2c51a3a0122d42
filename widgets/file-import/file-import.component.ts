import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { currentLanguage } from '../shared/localize.js';
import { TkElement } from '../shared/tk-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { styles } from './file-import.styles.js';
import { TkImportEvent } from './import-event.js';
import { fieldLabels, kindLabels, PREVIEW_FIELDS } from './fields.js';
import { defaultStorage, readRemembered, remember } from './remembered-mapping.js';
import { importErrorText, importProblemText, unplacedText } from './problem-text.js';
import { suggestMapping } from '../../src/import/suggest-mapping.js';
import { csvCell } from '../../src/import/template.js';
import type { ColumnMapping, ImportKind, ImportProblem, ImportProgress, ImportResult, TableInspection } from '../../src/import/types.js';

/** The import code (parsers, ZIP table) loads when the first file is dropped, never with the element. */
const importModule = () => import('../../src/import/import-accounts.js');
const inspectModule = () => import('../../src/import/inspect-table.js');

interface Picked {
  key: number;
  file: File;
  look: TableInspection | null;
  /** Why the file could not be read (an ImportError, worded at render time in the UI language), or null. */
  error: unknown;
  kind: ImportKind;
  mapping: ColumnMapping;
}

type Step = 'pick' | 'map' | 'importing' | 'done';

/** Why the last import stopped: cancelled by the user, or an error (worded at render time). */
type Stopped = { cancelled: true } | { cancelled: false; error: unknown };

/** Whether `n` takes the singular message in the UI language (Intl.PluralRules; never "row(s)"). */
const one = (n: number): boolean => new Intl.PluralRules(currentLanguage()).select(n) === 'one';

/** What a file holds, as a lower-case noun in a sentence or table. */
function kindNoun(kind: string): string {
  if (kind === 'accounts') return msg('accounts', { id: 'import-kind-accounts', desc: 'What an import file holds (a noun in a table cell and in "Reading accounts: 120 rows"), not a count' });
  if (kind === 'reps') return msg('reps', { id: 'import-kind-reps', desc: 'What an import file holds (a noun in a table cell and in "Reading reps: 12 rows")' });
  if (kind === 'opportunities') return msg('opportunities', { id: 'import-kind-opportunities', desc: 'What an import file holds (a noun in a table cell and in "Reading opportunities: 80 rows")' });
  return kind;
}

/** Problems shown on the page; the full list is a download. */
const SHOWN = 500;

/**
 * @summary Imports accounts, reps and opportunities from CSV or Excel (.xlsx) files — our template, a
 * Salesforce report export, a HubSpot export: drop or choose files, check the suggested column mapping
 * (remembered for next time) on a preview, import, and see every row that could not be used (row
 * number, column, reason) while the rest loads. Fires `tk-import` with the result; the page hands it to
 * the provider (`provider.adapter = createFileAdapter({ result })`) — the element never touches an adapter.
 *
 * @fires tk-import - {@link TkImportEvent} when an import ends (accounts, reps, problems, unplaced accounts).
 *
 * @csspart drop - The drop zone with the file button.
 * @csspart file - One file's mapping step (a fieldset).
 * @csspart mapping - The field → column table.
 * @csspart preview - The preview table of a file's first rows.
 * @csspart import - The Import button.
 * @csspart progress - The progress bar while importing.
 * @csspart summary - What the import gave.
 * @csspart problems - The table of rows not used or used in part.
 * @csspart unplaced - The list of accounts without coordinates.
 * @csspart download - The link to the full problem list (CSV).
 *
 * Attributes: `locale`, `theme`. Property `storage` (where mappings are remembered; default
 * `localStorage`, `null` for none).
 */
export class TkFileImport extends TkElement {
  static override styles = [tokens, styles];
  static override properties = {
    step: { state: true },
    files: { state: true },
    progress: { state: true },
    problems: { state: true },
    result: { state: true },
    error: { state: true },
    dragging: { state: true },
  };

  /** Where mappings are remembered (default `localStorage`; `null` remembers nothing). */
  storage: Storage | null = defaultStorage();
  declare step: Step;
  declare files: Picked[];
  declare progress: ImportProgress | null;
  declare problems: ImportProblem[];
  declare result: ImportResult | null;
  declare error: Stopped | null;
  declare dragging: boolean;
  #abort: AbortController | null = null;
  #nextKey = 1;
  #download: string | null = null;

  constructor() {
    super();
    this.step = 'pick';
    this.files = [];
    this.progress = null;
    this.problems = [];
    this.result = null;
    this.error = null;
    this.dragging = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    if (this.#download) URL.revokeObjectURL(this.#download);
  }

  /** Adds files (as from a drop or the file button) and reads their headers for the mapping step. */
  async addFiles(list: Iterable<File>): Promise<void> {
    const added = [...list].map((file): Picked => ({ key: this.#nextKey++, file, look: null, error: null, kind: 'accounts', mapping: {} }));
    if (added.length === 0) return;
    this.files = [...this.files, ...added];
    this.step = 'map';
    this.error = null;
    const { inspectTable } = await inspectModule();
    const remembered = readRemembered(this.storage);
    await Promise.all(
      added.map(async (p) => {
        let next: Picked;
        try {
          const look = await inspectTable(p.file, { remembered });
          next = { ...p, look, kind: look.kind, mapping: look.mapping };
        } catch (error) {
          next = { ...p, error: error ?? new Error(String(error)) };
        }
        this.files = this.files.map((f) => (f.key === p.key ? next : f));
      }),
    );
    this.#warmGazetteer();
  }

  /**
   * Loads the offline ZIP table while the user checks the mapping, when an accounts file has an address
   * and no coordinates mapped: evaluating it is one long task (about 0.5 s on a quiet machine), better
   * spent now than in the middle of the import.
   */
  #warmGazetteer(): void {
    const m = this.files.find((f) => f.look && f.kind === 'accounts')?.mapping as ColumnMapping<'accounts'> | undefined;
    if (m && (m.postalCode || (m.city && m.state))) void importModule().then((mod) => mod.preloadGazetteer());
  }

  private setKind(p: Picked, kind: ImportKind): void {
    const remembered = readRemembered(this.storage);
    const mapping = p.look ? suggestMapping(kind, p.look.headers, remembered[kind] ?? {}) : {};
    this.files = this.files.map((f) => (f.key === p.key ? { ...f, kind, mapping } : f));
    this.#warmGazetteer();
  }

  private setColumn(p: Picked, field: string, header: string): void {
    const mapping: Record<string, string> = { ...(p.mapping as Record<string, string>) };
    if (header === '') delete mapping[field];
    else {
      // A column feeds one field: taking it here frees it elsewhere.
      for (const [f, h] of Object.entries(mapping)) if (h === header) delete mapping[f];
      mapping[field] = header;
    }
    this.files = this.files.map((f) => (f.key === p.key ? { ...f, mapping } : f));
  }

  private removeFile(p: Picked): void {
    this.files = this.files.filter((f) => f.key !== p.key);
    if (this.files.length === 0) this.step = 'pick';
  }

  /** Why the Import button is disabled, or null when it may run. */
  private blocker(): string | null {
    const ready = this.files.filter((f) => f.look);
    const accounts = ready.filter((f) => f.kind === 'accounts');
    if (this.files.some((f) => !f.look && f.error === null)) return msg('Reading the files…');
    if (accounts.length !== 1) return accounts.length === 0 ? msg('Add an accounts file.') : msg('Choose one accounts file (the others can be reps or opportunities).');
    if (ready.filter((f) => f.kind === 'reps').length > 1) return msg('Choose one reps file.');
    if (ready.filter((f) => f.kind === 'opportunities').length > 1) return msg('Choose one opportunities file.');
    const m = accounts[0].mapping as ColumnMapping<'accounts'>;
    if (!m.id && !m.name) return msg('Map the accounts file\u2019s ID or Name column.');
    return null;
  }

  /** Runs the import with the mapping shown; fires `tk-import` when it ends. */
  async runImport(): Promise<ImportResult | null> {
    if (this.blocker()) return null;
    const ready = this.files.filter((f) => f.look);
    const of = (kind: ImportKind) => ready.find((f) => f.kind === kind);
    const used: Partial<Record<ImportKind, ColumnMapping>> = {};
    for (const f of ready) used[f.kind] = f.mapping;
    remember(this.storage, used);
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.step = 'importing';
    this.problems = [];
    this.result = null;
    this.error = null;
    this.progress = null;
    try {
      const { importAccounts } = await importModule();
      const result = await importAccounts({
        accounts: of('accounts')!.file,
        ...(of('reps') ? { reps: of('reps')!.file } : {}),
        ...(of('opportunities') ? { opportunities: of('opportunities')!.file } : {}),
        mapping: used,
        signal: abort.signal,
        onProgress: (p) => {
          this.progress = p;
          if (p.problems.length > 0 && this.problems.length < SHOWN) this.problems = [...this.problems, ...p.problems.slice(0, SHOWN - this.problems.length)];
        },
      });
      if (abort.signal.aborted) return null;
      this.result = result;
      this.problems = [...result.rejected, ...result.warnings].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
      this.step = 'done';
      this.dispatchEvent(new TkImportEvent(result, ready.map((f) => ({ name: f.file.name, size: f.file.size, kind: f.kind }))));
      return result;
    } catch (error) {
      this.error = abort.signal.aborted ? { cancelled: true } : { cancelled: false, error };
      this.step = 'map';
      return null;
    }
  }

  private cancel(): void {
    this.#abort?.abort();
  }

  private reset(): void {
    this.files = [];
    this.result = null;
    this.problems = [];
    this.progress = null;
    this.step = 'pick';
  }

  private onDrop(e: DragEvent): void {
    e.preventDefault();
    this.dragging = false;
    if (e.dataTransfer?.files.length) void this.addFiles(e.dataTransfer.files);
  }

  private onDragOver(e: DragEvent): void {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onPick(e: Event): void {
    const input = e.target as HTMLInputElement;
    if (input.files?.length) void this.addFiles([...input.files]);
    input.value = '';
  }

  private problemsCsv(): string {
    const all = this.result ? [...this.result.rejected, ...this.result.warnings] : this.problems;
    // The header and our words follow the UI language; rows, columns, ids and the importer's reasons are as read.
    const header = [msg('file'), msg('row'), msg('column'), msg('id'), msg('problem'), msg('used')];
    const rows = [header, ...all.map((p) => [kindNoun(p.file), p.row, p.column, p.id ?? '', p.reason, p.loaded ? msg('yes, without this field') : msg('no')])];
    const unplaced =
      this.result?.unplaced.map((u) => {
        const reason = u.reason;
        const address = u.address;
        return [kindNoun('accounts'), u.row, msg('address'), u.id, msg(str`not placed: ${reason} (${address})`), msg('yes, without coordinates')];
      }) ?? [];
    return [...rows, ...unplaced].map((r) => r.map((c) => csvCell(c)).join(',')).join('\r\n') + '\r\n';
  }

  private offerProblems(): void {
    if (this.#download) URL.revokeObjectURL(this.#download);
    this.#download = URL.createObjectURL(new Blob([this.problemsCsv()], { type: 'text/csv' }));
    this.requestUpdate();
  }

  protected override render(): TemplateResult {
    return html`<div class="import" role="region" aria-label=${msg('Import accounts from files')}>
      ${this.step === 'pick' || this.step === 'map' ? this.renderDrop() : nothing} ${this.step === 'map' ? this.renderMapping() : nothing}
      ${this.step === 'importing' || this.step === 'done' ? this.renderProgress() : nothing} ${this.error ? html`<p class="error" role="alert">${this.error.cancelled ? msg('The import was cancelled.') : importErrorText(this.fmt, this.error.error)}</p>` : nothing}
      ${this.step === 'importing' || this.step === 'done' ? this.renderProblems() : nothing}
    </div>`;
  }

  private renderDrop(): TemplateResult {
    return html`<div part="drop" class=${this.dragging ? 'drop dragging' : 'drop'} @dragover=${this.onDragOver} @dragleave=${() => (this.dragging = false)} @drop=${this.onDrop}>
      <p><strong>${msg('Drop CSV or Excel (.xlsx) files here')}</strong>
        <button type="button" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>${msg('or choose files…')}</button></p>
      <p class="weak">${msg('An accounts file, and optionally reps and opportunities: our template, a Salesforce report export or a HubSpot export. Nothing leaves this page.')}</p>
      <input type="file" multiple accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" class="visually-hidden" tabindex="-1" aria-hidden="true" @change=${this.onPick} />
    </div>`;
  }

  private renderMapping(): TemplateResult {
    const blocker = this.blocker();
    return html`${this.files.map((p) => this.renderFile(p))}
      <div class="actions">
        <button type="button" part="import" class="brand" ?disabled=${blocker !== null} @click=${() => void this.runImport()}>${msg('Import')}</button>
        <button type="button" @click=${this.reset}>${msg('Start over')}</button>
        ${blocker ? html`<span class="weak">${blocker}</span>` : nothing}
      </div>`;
  }

  private renderFile(p: Picked): TemplateResult {
    const look = p.look;
    const kindId = `kind-${p.key}`;
    return html`<fieldset part="file" data-file=${p.file.name}>
      <legend>${p.file.name}${look ? html` <span class="weak">· ${look.format === 'xlsx' ? 'Excel' : 'CSV'} · ${this.columnsText(look.headers.length)}</span>` : nothing}</legend>
      ${p.error !== null ? html`<p class="error" role="alert">${p.file.name}: ${importErrorText(this.fmt, p.error)}</p>` : nothing} ${!look && p.error === null ? html`<p class="weak">${msg('Reading…')}</p>` : nothing}
      ${look
        ? html`<div class="kind">
              <label for=${kindId}>${msg('This file holds')}</label>
              <select id=${kindId} name="kind" @change=${(e: Event) => this.setKind(p, (e.target as HTMLSelectElement).value as ImportKind)}>
                ${(['accounts', 'reps', 'opportunities'] as const).map((k) => html`<option value=${k} ?selected=${p.kind === k}>${kindLabels()[k]}</option>`)}
              </select>
            </div>
            ${this.renderColumns(p, look)} ${this.renderPreview(p, look)}`
        : nothing}
      <button type="button" class="remove" @click=${() => this.removeFile(p)}>${msg(str`Remove ${p.file.name}`)}</button>
    </fieldset>`;
  }

  private renderColumns(p: Picked, look: TableInspection): TemplateResult {
    const mapping = p.mapping as Record<string, string | undefined>;
    const first = look.preview[0] ?? [];
    return html`<table part="mapping" class="mapping">
      <caption class="visually-hidden">${msg(str`Columns of ${p.file.name}`)}</caption>
      <thead><tr><th scope="col">${msg('Field')}</th><th scope="col">${msg('Column')}</th><th scope="col">${msg('First row')}</th></tr></thead>
      <tbody>
        ${(fieldLabels()[p.kind] as [string, string][]).map(([field, label]) => {
          const header = mapping[field];
          const at = header === undefined ? -1 : look.headers.indexOf(header);
          const id = `f-${p.key}-${field}`;
          return html`<tr data-field=${field}>
            <th scope="row"><label for=${id}>${label}</label></th>
            <td><select id=${id} @change=${(e: Event) => this.setColumn(p, field, (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${at < 0}>${msg('— not used —')}</option>
              ${look.headers.map((h) => html`<option value=${h} ?selected=${h === header}>${h}</option>`)}
            </select></td>
            <td class="sample">${at >= 0 ? (first[at] ?? '') : ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private renderPreview(p: Picked, look: TableInspection): TemplateResult {
    const mapping = p.mapping as Record<string, string | undefined>;
    const labels = new Map(fieldLabels()[p.kind] as [string, string][]);
    const fields = (PREVIEW_FIELDS[p.kind] as string[]).filter((f) => mapping[f] !== undefined);
    const cols = fields.map((f) => look.headers.indexOf(mapping[f]!));
    const shown = this.fmt.number(look.preview.length, 0);
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${msg(str`Preview of ${p.file.name}`)}><table part="preview" class="preview">
      <caption>${one(look.preview.length) ? msg(str`Preview: the first ${shown} row as it will be read`) : msg(str`Preview: the first ${shown} rows as they will be read`)}</caption>
      <thead><tr><th scope="col">${msg('Row')}</th>${fields.map((f) => html`<th scope="col">${labels.get(f)}</th>`)}</tr></thead>
      <tbody>${look.preview.map((cells, i) => html`<tr><td>${look.headerRow + 1 + i}</td>${cols.map((c) => html`<td>${cells[c] ?? ''}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }

  private renderProgress(): TemplateResult {
    const p = this.progress;
    const r = this.result;
    if (this.step === 'importing') {
      const pct = p?.totalBytes ? Math.round(((p.bytes ?? 0) / p.totalBytes) * 100) : undefined;
      return html`<div class="progress" role="status" aria-live="polite">
        <progress part="progress" max="100" .value=${pct ?? 0} aria-label=${msg('Import progress')}></progress>
        <span>${p ? this.progressText(p) : msg('Loading the reader…')}</span>
        <button type="button" @click=${this.cancel}>${msg('Cancel')}</button>
      </div>`;
    }
    if (!r) return html``;
    const placed = r.stats.placed['postal-code'] + r.stats.placed['city-state'];
    const n = (count: number) => this.fmt.number(count, 0);
    const accounts = n(r.accounts.length);
    const reps = n(r.reps.length);
    const opportunities = n(r.stats.opportunities);
    const accountsAndReps = one(r.accounts.length)
      ? one(r.reps.length) ? msg(str`Imported ${accounts} account and ${reps} rep`) : msg(str`Imported ${accounts} account and ${reps} reps`)
      : one(r.reps.length) ? msg(str`Imported ${accounts} accounts and ${reps} rep`) : msg(str`Imported ${accounts} accounts and ${reps} reps`);
    const withOpportunities = one(r.stats.opportunities) ? msg(str`with ${opportunities} opportunity`) : msg(str`with ${opportunities} opportunities`);
    const notUsed = n(r.rejected.length);
    const withoutField = n(r.warnings.length);
    const unplaced = n(r.unplaced.length);
    const placedCount = n(placed);
    return html`<div part="summary" class="summary" role="status">
      <p><strong>${accountsAndReps}</strong>${r.stats.opportunities ? html` ${withOpportunities}` : nothing}.
        ${placed ? (one(placed) ? msg(str`${placedCount} placed from its address.`) : msg(str`${placedCount} placed from their address.`)) : nothing}
        ${r.rejected.length ? (one(r.rejected.length) ? msg(str`${notUsed} row not used.`) : msg(str`${notUsed} rows not used.`)) : nothing}
        ${r.warnings.length ? (one(r.warnings.length) ? msg(str`${withoutField} row used without a field.`) : msg(str`${withoutField} rows used without a field.`)) : nothing}
        ${r.unplaced.length ? (one(r.unplaced.length) ? msg(str`${unplaced} account without a place on the map.`) : msg(str`${unplaced} accounts without a place on the map.`)) : nothing}</p>
      <div class="actions"><button type="button" @click=${this.reset}>${msg('Import other files')}</button></div>
    </div>`;
  }

  /** "Reading accounts: 1,234 rows" */
  private progressText(p: ImportProgress): string {
    const rows = this.fmt.number(p.rows, 0);
    const kind = kindNoun(p.phase);
    if (p.phase === 'placing') return one(p.rows) ? msg(str`Placing accounts: ${rows} row`) : msg(str`Placing accounts: ${rows} rows`);
    return one(p.rows) ? msg(str`Reading ${kind}: ${rows} row`) : msg(str`Reading ${kind}: ${rows} rows`);
  }

  private columnsText(count: number): string {
    const n = this.fmt.number(count, 0);
    return one(count) ? msg(str`${n} column`) : msg(str`${n} columns`);
  }

  private renderProblems(): TemplateResult {
    const r = this.result;
    const total = r ? r.rejected.length + r.warnings.length : this.problems.length;
    const shown = this.problems.slice(0, SHOWN);
    const count = this.fmt.number(total, 0);
    const unplacedCount = this.fmt.number(r?.unplaced.length ?? 0, 0);
    return html`${total > 0
      ? html`<div class="scroll problems" tabindex="0" role="region" aria-label=${msg('Import problems')}><table part="problems">
          <caption>${r ? msg(str`Rows not used, or used without one field: ${count}`) : msg(str`Rows not used, or used without one field (so far): ${count}`)}</caption>
          <thead><tr><th scope="col">${msg('File')}</th><th scope="col">${msg('Row')}</th><th scope="col">${msg('Column')}</th><th scope="col">${msg('Problem')}</th><th scope="col">${msg('Loaded')}</th></tr></thead>
          <tbody>${shown.map((p) => html`<tr class=${p.loaded ? 'warning' : 'rejected'}><td>${kindNoun(p.file)}</td><td>${p.row}</td><td>${p.column}</td><td>${importProblemText(this.fmt, p)}</td><td>${p.loaded ? msg('yes, without it') : msg('no')}</td></tr>`)}</tbody>
        </table></div>`
      : nothing}
    ${r && r.unplaced.length > 0
      ? html`<details part="unplaced" class="unplaced" open>
          <summary>${msg(str`Accounts without a place on the map: ${unplacedCount}`)}</summary>
          <ul>${r.unplaced.slice(0, SHOWN).map((u) => html`<li>${msg(str`Row ${u.row}: ${u.name}`)} <span class="weak">(${u.address || msg('no address')})</span> — ${unplacedText(this.fmt, u)}</li>`)}</ul>
        </details>`
      : nothing}
    ${r && (total > 0 || r.unplaced.length > 0)
      ? html`<p class="actions">
          ${total > SHOWN || r.unplaced.length > SHOWN ? html`<span class="weak">${msg(str`The first ${SHOWN} are shown.`)}</span>` : nothing}
          <button type="button" @click=${this.offerProblems}>${msg('Prepare the full list (CSV)')}</button>
          ${this.#download ? html`<a part="download" href=${this.#download} download="import-problems.csv">${msg(str`Download ${'import-problems.csv'}`)}</a>` : nothing}
        </p>`
      : nothing}`;
  }
}
