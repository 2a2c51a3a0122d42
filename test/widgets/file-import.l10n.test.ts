// Issue #14 (real localisation): <tk-file-import> words each import problem, unplaced reason and import
// error by its code in the UI language (widgets/file-import/problem-text.ts). In English the words are the
// importer's `reason` / `message` word for word; in German and Japanese the problem list, the unplaced list
// and a file's error leave no English word (the file's own values — headers, ids, names, cells — aside).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../widgets/file-import/file-import.js';
import { rootOf } from '../helpers/mount.js';
import { importAccounts } from '../../src/import/import-accounts.js';
import { ImportError } from '../../src/import/read-table.js';
import { IMPORT_ERROR_CODES, IMPORT_PROBLEM_CODES, UNPLACED_CODES } from '../../src/import/problem-reason.js';
import { importErrorText, importProblemText, unplacedText } from '../../widgets/file-import/problem-text.js';
import { formatters } from '../../widgets/shared/format.js';
import { currentLanguage } from '../../widgets/shared/localize.js';
import { ACCOUNTS_CSV, EVERY_PROBLEM, OPPORTUNITIES_CSV, PLACING_OFF, REPS_CSV, failingImports } from '../import/fixtures/problem-fixtures.js';
import type { TkFileImport } from '../../widgets/file-import/file-import.component.js';
import type { TkImportEvent } from '../../widgets/file-import/import-event.js';

const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The UI groups digits by locale ("1,000"); the importer writes numbers as JavaScript does ("1000"). */
const ungrouped = (s: string) => s.replace(/(\d),(?=\d{3}\b)/g, '$1');

/**
 * English words of the importer's sentences that no German or Japanese render should show. Words German
 * uses too are left out: Account, ID, Name, Import, Offline, Problem, in, Excel, CSV.
 */
const ENGLISH =
  /\b(no|not|is|the|and|of|or|file|row|column|rep|reps|owner|duplicate|number|amount|potential|workload|employees|whole|left|out|yes|placed|address|instead|latitude|longitude|postal|code|city|state|table|found|coordinates|country|covered|too|long|characters|most|least|field|dropped|record|kept|batch|total|imported|unassigned|shown|save|header|filled|cells|cancelled|could|read|spreadsheet|sheet|first|used|without|loaded)\b/i;

/** The file's own words (headers, ids, names, cells, addresses, file names): shown as they are, never translated. */
const FILE_WORDS = [ACCOUNTS_CSV, REPS_CSV, OPPORTUNITIES_CSV]
  .flatMap((csv) => csv.split('\n').flatMap((line) => line.split(',')))
  .concat(['accounts.csv', 'reps.csv', 'opportunities.csv', 'old.xls', 'empty.csv', 'Unter den Linden 1, Berlin, 10117, Germany', 'Springfield, ZZ, 00000', 'Gotham, ZZ'])
  .filter((w) => w.length > 0);

/** Every text node and label under the element's shadow root. */
function uiText(root: Element): string[] {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node.textContent!.replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
      return;
    }
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = node.getAttribute(a);
        if (v) out.push(v);
      }
      if (node.shadowRoot) node.shadowRoot.childNodes.forEach(visit);
    }
    node.childNodes.forEach(visit);
  };
  visit(rootOf(root) as unknown as Element);
  return out;
}

/** English words left in the element's UI, with the text they were found in (a text that is the file's own is skipped). */
function englishLeft(el: Element): string[] {
  const own = new Set(FILE_WORDS);
  return uiText(el)
    .filter((t) => !own.has(t))
    .filter((t) => ENGLISH.test(t))
    .map((t) => `${ENGLISH.exec(t)![0]} in "${t}"`);
}

const csvFile = (name: string, content: string) => new File([content], name, { type: 'text/csv' });

async function imported(lang: string): Promise<TkFileImport> {
  const el = await fixture<TkFileImport>(html`<tk-file-import .storage=${null} locale=${lang}></tk-file-import>`);
  await waitUntil(() => currentLanguage() === lang.slice(0, 2), `${lang} did not load`, { timeout: 10_000 });
  await el.addFiles([csvFile('accounts.csv', ACCOUNTS_CSV), csvFile('reps.csv', REPS_CSV), csvFile('opportunities.csv', OPPORTUNITIES_CSV)]);
  await el.updateComplete;
  const done = oneEvent(el, 'tk-import') as Promise<TkImportEvent>;
  q<HTMLButtonElement>(el, 'button[part~=import]')!.click();
  const { result } = await done;
  // The element mapped the files from their headers as the fixtures' mapping does: every code is there.
  expect([...new Set([...result.rejected, ...result.warnings].map((p) => p.code))].sort()).to.deep.equal([...IMPORT_PROBLEM_CODES].sort());
  await el.updateComplete;
  return el;
}

/** A second element with two files it cannot read (an old .xls, a file without a header row). */
async function unreadable(lang: string): Promise<TkFileImport> {
  const el = await fixture<TkFileImport>(html`<tk-file-import .storage=${null} locale=${lang}></tk-file-import>`);
  await el.addFiles([new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])], 'old.xls'), csvFile('empty.csv', 'just one cell\n')]);
  await el.updateComplete;
  expect(qa(el, 'fieldset[part~=file] .error')).to.have.length(2);
  return el;
}

const problemCells = (el: Element) => qa(el, '[part~=problems] tbody tr').map((tr) => text(tr.children[3]));
const unplacedItems = (el: Element) => qa(el, '[part~=unplaced] li').map(text);

describe('<tk-file-import> in the UI language', () => {
  it('in English, words every problem, unplaced reason and import error exactly as the importer', async () => {
    expect(currentLanguage()).to.equal('en');
    const f = formatters('en-US');
    const r = await importAccounts(EVERY_PROBLEM);
    const off = await importAccounts(PLACING_OFF);
    const problems = [...r.rejected, ...r.warnings];
    const unplaced = [...r.unplaced, ...off.unplaced];
    expect([...new Set(problems.map((p) => p.code))].sort()).to.deep.equal([...IMPORT_PROBLEM_CODES].sort());
    expect([...new Set(unplaced.map((u) => u.code))].sort()).to.deep.equal([...UNPLACED_CODES].sort());
    for (const p of problems) expect(ungrouped(importProblemText(f, p)), `${p.code} on row ${p.row}`).to.equal(p.reason);
    for (const u of unplaced) expect(unplacedText(f, u), u.code).to.equal(u.reason);
    const errors: ImportError[] = [];
    for (const { options } of failingImports()) await importAccounts(options).catch((e: ImportError) => errors.push(e));
    expect(errors.map((e) => e.code).sort()).to.deep.equal([...IMPORT_ERROR_CODES].sort());
    for (const e of errors) expect(importErrorText(f, e), e.code).to.equal(e.message);

    // And on the page: the element's English problem list is the importer's reasons.
    const el = await imported('en-US');
    const result = (el as unknown as { result: { rejected: { reason: string }[]; warnings: { reason: string }[] } }).result;
    expect(problemCells(el).map(ungrouped).sort()).to.deep.equal([...result.rejected, ...result.warnings].map((p) => p.reason).sort());
    expect(englishLeft(el), 'English shows English words: the scan finds them').to.not.be.empty;
  });

  it('in German: the problem list, the unplaced accounts and a file’s error, with no English left', async () => {
    const el = await imported('de-DE');
    const cells = problemCells(el);
    expect(cells).to.include('doppelte Account-ID „a1“ (zuerst in Zeile 2)');
    expect(cells).to.include('„lots“ ist kein Potenzial ≥ 0');
    expect(cells).to.include('Inhaber „nobody“ steht nicht in der Vertriebsmitarbeiter-Datei: nicht zugewiesen importiert');
    expect(cells).to.include('ist zu lang: 300 Zeichen, höchstens 255 (Feld weggelassen, der Datensatz wurde behalten)');
    expect(cells).to.include('darf höchstens 1.000 sein, erhalten: 5.000 (Feld weggelassen, der Datensatz wurde behalten)');
    expect(cells).to.include('1e+200 bringt die Stapelsumme auf Potenzial 1e+200, mehr als 1e+150');
    expect(unplacedItems(el).some((li) => li.endsWith('— keine Offline-Tabelle für das Land „Germany“ (abgedeckt sind die USA und Kanada)'))).to.equal(true);
    expect(englishLeft(el)).to.deep.equal([]);

    const bad = await unreadable('de-DE');
    expect(qa(bad, 'fieldset[part~=file] .error').map(text)).to.deep.equal([
      'old.xls: dies ist eine .xls-Datei von Excel 97–2003: Speichern Sie sie als .xlsx oder CSV und importieren Sie diese',
      'empty.csv: die Datei hat keine Kopfzeile (keine Zeile mit zwei oder mehr gefüllten Zellen)',
    ]);
    expect(englishLeft(bad)).to.deep.equal([]);
  });

  it('in Japanese: the problem list, the unplaced accounts and a file’s error, with no English left', async () => {
    const el = await imported('ja-JP');
    const cells = problemCells(el);
    // The file column names what the file holds (取引先), not the count metric (取引先数).
    expect([...new Set(qa(el, '[part~=problems] tbody tr').map((tr) => text(tr.children[0])))].sort()).to.deep.equal(['取引先', '営業担当', '商談'].sort());
    expect(cells).to.include('取引先ID「a1」が重複しています（最初は 2 行目）');
    expect(cells).to.include('取引先ファイルに取引先「zz」がありません：除外しました');
    expect(unplacedItems(el).some((li) => li.endsWith('— 郵便番号「99999」はオフライン表にありません'))).to.equal(true);
    expect(englishLeft(el)).to.deep.equal([]);

    const bad = await unreadable('ja-JP');
    expect(text(q(bad, 'fieldset[part~=file] .error'))).to.equal('old.xls: これは Excel 97–2003 の .xls ファイルです：.xlsx または CSV で保存して、それを取り込んでください');
    expect(englishLeft(bad)).to.deep.equal([]);
  });

  it('in French, and worded again when the language changes after the import', async () => {
    const el = await imported('fr-FR');
    expect(problemCells(el)).to.include('identifiant de compte « a1 » en double (d’abord à la ligne 2)');
    expect(unplacedItems(el).some((li) => li.endsWith('— ni coordonnées, ni code postal, ni ville et région'))).to.equal(true);
    el.setAttribute('locale', 'de-DE');
    await waitUntil(() => problemCells(el).includes('doppelte Account-ID „a1“ (zuerst in Zeile 2)'), 'the problems were not worded again in German', { timeout: 10_000 });
    expect(englishLeft(el)).to.deep.equal([]);
  });
});
