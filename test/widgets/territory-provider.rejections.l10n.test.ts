// The provider's rejected records and its "Why … not saved" table in the UI language (issue #14): a record
// rejected at load is worded from its broken rule (the adapters ask validateBatch for `rules`), its kind too;
// an unsaved change's reason from the outcome's sentence (key/params). In English the reasons are the
// adapter's, word for word; in German and Japanese no English is left besides the CRM's data.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { account, rep } from '../helpers/plan-fixture.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { Account } from '../../src/model/account.js';
import { currentLanguage, useLanguage } from '../../widgets/shared/localize.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';
import { createFileAdapter } from '../../src/import/file-adapter.js';
import { EVERY_PROBLEM } from '../import/fixtures/problem-fixtures.js';

/** English words the rejected list and the save problems must not show in German or Japanese (as in localize.elements.test.ts). */
const ENGLISH = /\b(expected|got|string|number|too|long|characters|most|least|required|must|empty|the|and|of|with|by|from|no|not|is|rep|inactive|account|territory|records?|field|reason|rejected|saved)\b/i;
// Data and codes as they are; "Account" is also the German word for an account (docs/localization.md terminology).
const CRM = ['a8', 'a9', 'a2', 'r3', 'Account', 'INVALID_OWNER', '"lots"'];

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function crm() {
  return createMemoryAdapter({
    accounts: [
      account('a1', 'r1'),
      account('a2', 'r1'),
      { ...account('a8', 'r1'), potential: 'lots' } as unknown as Account,
      { ...account('a9', 'r1'), name: 'x'.repeat(300) },
    ],
    reps: [rep('r1', 'Ana Ruiz'), rep('r3', 'Cleo Park', { active: false })],
  });
}

async function rendered(locale: string): Promise<{ provider: TkTerritoryProvider; rows: string[][]; problems: string[][] }> {
  const provider = await mountProvider(crm(), html``, { locale });
  await waitUntil(() => currentLanguage() === locale.slice(0, 2), `${locale} did not load`, { timeout: 10_000 });
  provider.actions.assign(['a2'], 'r3'); // failed: inactive rep
  await provider.actions.save();
  await settle(provider);
  const root = rootOf(provider);
  await waitUntil(() => root.querySelector('[part~=rejections] tbody tr') && root.querySelector('[part~=save-problems] tbody tr'), 'the lists did not show', { timeout: 10_000 });
  // The wording loads on demand (load-notice.ts): wait until the kind is worded (in English it reads the same).
  if (!locale.startsWith('en')) await waitUntil(() => !/^account /.test(text(root.querySelector('[part~=rejections] tbody td'))), 'the wording did not load', { timeout: 10_000 });
  else await settle(provider);
  const cells = (part: string) => [...root.querySelectorAll(`[part~=${part}] tbody tr`)].map((tr) => [...tr.querySelectorAll('td')].map(text));
  return { provider, rows: cells('rejections'), problems: cells('save-problems') };
}

function englishIn(t: string): string | null {
  let rest = t;
  for (const w of [...CRM].sort((a, b) => b.length - a.length)) rest = rest.split(w).join(' ');
  const m = ENGLISH.exec(rest);
  return m ? `${m[0]} in "${rest}"` : null;
}

describe('<tk-territory-provider>: rejected records and unsaved changes in the UI language', () => {
  after(() => useLanguage('en'));

  it('in English, shows the adapter\'s reasons word for word', async () => {
    const { provider, rows, problems } = await rendered('en-US');
    expect(rows).to.deep.equal(provider.state.rejected.map((r) => [`account ${r.id}`, r.field, r.reason]));
    expect(rows.map((r) => r[2])).to.deep.equal(['expected number, got the string "lots"', 'is too long: 300 characters, at most 255']);
    expect(problems[0][2]).to.equal(provider.state.lastSave!.find((o) => o.status === 'failed')!.message);
  });

  for (const locale of ['de-DE', 'ja-JP']) {
    it(`in ${locale}, words the kinds, rules and save reasons with no English left`, async () => {
      const { rows, problems } = await rendered(locale);
      const shown = [...rows.flat(), ...problems.map((p) => p[2])];
      expect(shown.map(englishIn).filter((x) => x !== null)).to.deep.equal([]);
    });
  }

  // An imported file's rejected rows ("accounts row 12: …"): worded from the import problem's code.
  async function fileRows(locale: string): Promise<{ provider: TkTerritoryProvider; rows: string[][] }> {
    const provider = await mountProvider(createFileAdapter({ ...EVERY_PROBLEM, id: 'file:test' }), html``, { locale });
    await waitUntil(() => currentLanguage() === locale.slice(0, 2), `${locale} did not load`, { timeout: 10_000 });
    const root = rootOf(provider);
    await waitUntil(() => root.querySelector('[part~=rejections] tbody tr'), 'the rejected rows did not show', { timeout: 10_000 });
    if (!locale.startsWith('en')) await waitUntil(() => !/ row \d+:/.test(text(root.querySelector('[part~=rejections] tbody tr td:last-child'))), 'the wording did not load', { timeout: 10_000 });
    else await settle(provider);
    const rows = [...root.querySelectorAll('[part~=rejections] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text));
    return { provider, rows };
  }

  it('an imported file\'s rejected rows: in English the file adapter\'s reasons word for word', async () => {
    const { provider, rows } = await fileRows('en-US');
    expect(rows.length).to.be.greaterThan(3);
    // Word for word, but for digit grouping (the UI formats numbers for the locale: "1,000" for "1000").
    const ungrouped = (t: string) => t.replace(/(\d),(?=\d{3}\b)/g, '$1');
    expect(rows.map((r) => ungrouped(r[2]))).to.deep.equal(provider.state.rejected.slice(0, rows.length).map((r) => r.reason));
    expect(rows.map((r) => r[2])).to.include('accounts row 3: no account id');
  });

  for (const locale of ['de-DE', 'ja-JP']) {
    it(`an imported file's rejected rows in ${locale}: no English left`, async () => {
      const { rows } = await fileRows(locale);
      const reasons = rows.map((r) => r[2].replace(/N{300}|R{300}/g, ' '));
      expect(reasons.map(englishIn).filter((x) => x !== null)).to.deep.equal([]);
      expect(reasons.some((r) => (locale === 'de-DE' ? /^Accounts, Zeile 3: / : /^取引先 3 行目：/).test(r))).to.equal(true, reasons.join(' | '));
    });
  }
});
