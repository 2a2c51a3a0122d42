// <tk-file-import>: drop or choose files, check the suggested mapping on a preview, import, see every
// unusable row while the rest loads, and hand the result to the provider (the page's job).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../widgets/file-import/file-import.js';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { createFileAdapter } from '../../src/import/file-adapter.js';
import type { TkFileImport } from '../../widgets/file-import/file-import.component.js';
import type { TkImportEvent } from '../../widgets/file-import/import-event.js';

const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A Storage in memory (the element's remembered mappings). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

async function sampleFile(name: string): Promise<File> {
  const res = await fetch(`/demo/samples/${name}`);
  return new File([await res.blob()], name, { type: name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' });
}

async function mount(storage: Storage | null = memoryStorage()): Promise<TkFileImport> {
  return fixture<TkFileImport>(html`<tk-file-import .storage=${storage} locale="en-US"></tk-file-import>`);
}

function drop(el: TkFileImport, ...files: File[]): void {
  const data = new DataTransfer();
  for (const f of files) data.items.add(f);
  q(el, '[part~=drop]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
}

const mapped = (el: TkFileImport, file: string, field: string) => q<HTMLSelectElement>(el, `fieldset[data-file="${file}"] tr[data-field=${field}] select`)!;

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<tk-file-import>', () => {
  it('maps a dropped Salesforce report from its headers, previews it, imports it and lists every unusable row', async () => {
    const el = await mount();
    drop(el, await sampleFile('salesforce-accounts-report.csv'), await sampleFile('salesforce-opportunities-report.csv'));
    await waitUntil(() => qa(el, 'fieldset[part~=file] table[part~=mapping]').length === 2, 'the mapping step did not show', { timeout: 10_000 });
    const sf = 'salesforce-accounts-report.csv';
    expect(mapped(el, sf, 'id').value).to.equal('Account ID');
    expect(mapped(el, sf, 'ownerName').value).to.equal('Account Owner');
    expect(mapped(el, sf, 'postalCode').value).to.equal('Billing Zip/Postal Code');
    expect(mapped(el, sf, 'lat').value).to.equal('');
    expect(q<HTMLSelectElement>(el, `fieldset[data-file="salesforce-opportunities-report.csv"] select[name=kind]`)!.value).to.equal('opportunities');
    // The preview shows the first rows as they will be read, with spreadsheet row numbers.
    const preview = qa(el, `fieldset[data-file="${sf}"] [part~=preview] tbody tr`).map((tr) => [...tr.children].map(text));
    expect(preview).to.have.length(5);
    expect(preview[0].slice(0, 3)).to.deep.equal(['2', '0015g000001000AbQAAU', 'Ramsey Components Co.']);
    await expectNoAxeViolations(el);

    const done = oneEvent(el, 'tk-import') as Promise<TkImportEvent>;
    q<HTMLButtonElement>(el, 'button[part~=import]')!.click();
    const event = await done;
    expect(event.result.accounts).to.have.length(82);
    expect(event.files.map((f) => [f.name, f.kind])).to.deep.equal([[sf, 'accounts'], ['salesforce-opportunities-report.csv', 'opportunities']]);
    await el.updateComplete;
    const rows = qa(el, '[part~=problems] tbody tr').map((tr) => [...tr.children].map(text));
    expect(rows).to.deep.include(['accounts', '82', 'Account ID', 'no account id', 'no']);
    expect(rows).to.deep.include(['opportunities', '162', 'Amount', '"USD 5,000?" is not an amount ≥ 0', 'no']);
    expect(text(q(el, '[part~=unplaced]'))).to.contain('Row 84: Berliner Werke GmbH').and.to.contain('no offline table for country "Germany"');
    expect(text(q(el, '[part~=summary]'))).to.contain('Imported 82 accounts and');
    // The full list as CSV.
    qa<HTMLButtonElement>(el, 'button').find((b) => text(b).startsWith('Prepare the full list'))!.click();
    await el.updateComplete;
    const csv = await (await fetch(q<HTMLAnchorElement>(el, 'a[part~=download]')!.href)).text();
    expect(csv.split('\r\n')[0]).to.equal('file,row,column,id,problem,used');
    expect(csv).to.contain('accounts,82,Account ID,,no account id,no');
    expect(csv).to.contain('accounts,84,address,0015g000001901AbQAAU,');
    await expectNoAxeViolations(el);
  });

  it('remembers a mapping the user made, for the next file of that shape', async () => {
    const storage = memoryStorage();
    const csv = 'Kundennummer,Firma,PLZ\nk1,Alpha,10001\nk2,Beta,94105\n';
    const file = () => new File([csv], 'kunden.csv', { type: 'text/csv' });
    const first = await mount(storage);
    void first.addFiles([file()]);
    await waitUntil(() => qa(first, 'table[part~=mapping]').length === 1, 'no mapping step', { timeout: 10_000 });
    expect(mapped(first, 'kunden.csv', 'id').value).to.equal('');
    expect(q<HTMLButtonElement>(first, 'button[part~=import]')!.disabled).to.equal(true, 'nothing maps itself');
    expect(text(q(first, '.actions'))).to.contain('Map the accounts file\u2019s ID or Name column.');
    await choose(mapped(first, 'kunden.csv', 'id'), 'Kundennummer');
    await choose(mapped(first, 'kunden.csv', 'name'), 'Firma');
    await choose(mapped(first, 'kunden.csv', 'postalCode'), 'PLZ');
    await first.updateComplete;
    const done = oneEvent(first, 'tk-import') as Promise<TkImportEvent>;
    q<HTMLButtonElement>(first, 'button[part~=import]')!.click();
    const { result } = await done;
    expect(result.accounts.map((a) => [a.id, a.name, a.fields?.placedBy])).to.deep.equal([['k1', 'Alpha', 'postal-code'], ['k2', 'Beta', 'postal-code']]);

    const second = await mount(storage);
    drop(second, file());
    await waitUntil(() => qa(second, 'table[part~=mapping]').length === 1, 'no mapping step', { timeout: 10_000 });
    expect(mapped(second, 'kunden.csv', 'id').value).to.equal('Kundennummer');
    expect(mapped(second, 'kunden.csv', 'postalCode').value).to.equal('PLZ');
  });

  it('reads an .xlsx file, renders hostile cells as text, and explains what blocks the import', async () => {
    const el = await mount(null);
    const hostile = new File(['rep_id,rep_name\nr1,<img src=x onerror=window.__xss=1>\n'], 'reps.csv', { type: 'text/csv' });
    await el.addFiles([hostile]);
    await el.updateComplete;
    expect(q<HTMLSelectElement>(el, 'select[name=kind]')!.value).to.equal('reps');
    expect(q<HTMLButtonElement>(el, 'button[part~=import]')!.disabled).to.equal(true);
    expect(text(q(el, '.actions'))).to.contain('Add an accounts file.');
    expect(qa(el, 'img')).to.have.length(0);
    expect(text(q(el, '[part~=preview]'))).to.contain('<img src=x onerror=window.__xss=1>');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    await el.addFiles([await sampleFile('template-accounts.xlsx')]);
    await el.updateComplete;
    expect(text(q(el, 'fieldset[data-file="template-accounts.xlsx"] legend'))).to.contain('Excel');
    const done = oneEvent(el, 'tk-import') as Promise<TkImportEvent>;
    q<HTMLButtonElement>(el, 'button[part~=import]')!.click();
    const { result } = await done;
    expect(result.accounts).to.have.length(40);
    expect(result.reps.map((r) => r.name)).to.deep.equal(['<img src=x onerror=window.__xss=1>']);
    // Owners in the accounts file are not in this reps file: each row says so, and loads unassigned.
    expect(result.warnings.length).to.be.greaterThan(0);
    expect(result.warnings[0].reason).to.match(/is not in the reps file: imported unassigned$/);
  });

  it('the page hands the result to the provider, which switches to the imported plan', async () => {
    const provider = await mountProvider(testAdapter('test:before', smallLoad()), html`<tk-file-import .storage=${null}></tk-file-import>`);
    expect(provider.state.accounts).to.have.length(5);
    // What demo/import-demo.ts does on the page.
    provider.addEventListener('tk-import', (e) => {
      provider.adapter = createFileAdapter({ result: e.result, id: 'file:test' });
    });
    const el = provider.querySelector('tk-file-import')!;
    await el.addFiles([await sampleFile('template-accounts.csv'), await sampleFile('template-reps.csv')]);
    await el.updateComplete;
    q<HTMLButtonElement>(el, 'button[part~=import]')!.click();
    await waitUntil(() => provider.state.status === 'ready' && provider.state.accounts.length === 63, 'the provider did not switch to the import', { timeout: 15_000 });
    await settle(provider);
    expect(provider.state.reps).to.have.length(6);
    expect(provider.state.rejected.some((r) => r.id === 'acc-bad-potential' && r.field === 'potential')).to.equal(true);
  });
});
