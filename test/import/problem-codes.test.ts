// Issue #14 (localisation): every code the importer can emit — import problems, unplaced reasons, import
// errors, the model's validation rules — has a wording in the file import (widgets/file-import/problem-text.ts),
// and fixtures trigger each code. In English the wording is the importer's `reason` word for word.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import writeXlsxFile from 'write-excel-file/node';
import { importAccounts, ImportError, type ImportProblem, type UnplacedAccount } from '../../src/import/index.js';
import { IMPORT_ERROR_CODES, IMPORT_PROBLEM_CODES, UNPLACED_CODES, importErrorMessage, importProblemReason, unplacedReason } from '../../src/import/problem-reason.js';
import { validateBatch, type FieldRule } from '../../src/model/validate-batch.js';
import { fieldRuleReason, ruleOfIssue } from '../../src/model/format-rejection.js';
import { fieldRuleText, importErrorText, importProblemText, unplacedText } from '../../widgets/file-import/problem-text.js';
import { formatters } from '../../widgets/shared/format.js';
import { EVERY_PROBLEM, PLACING_OFF, failingImports } from './fixtures/problem-fixtures.js';

const f = formatters('en-US');
/** The UI groups digits by locale ("1,000"); the importer writes numbers as JavaScript does ("1000"). */
const ungrouped = (s: string) => s.replace(/(\d),(?=\d{3}\b)/g, '$1');
/** Stands in for the English fallback: a wording that returns it has no words of its own for the code. */
const NONE = '\u0000no wording';

/** One sample of every rule the model's validation reports (a compile error when a rule code is left out). */
const RULES = {
  required: { code: 'required', expected: 'number' },
  type: { code: 'type', expected: 'number', got: { type: 'string', text: '41.2' } },
  'too-long': { code: 'too-long', length: 300, maximum: 255 },
  'too-many': { code: 'too-many', count: 1001, maximum: 1000 },
  'too-big': { code: 'too-big', maximum: 90, got: { type: 'number', text: '95' } },
  empty: { code: 'empty' },
  'too-short': { code: 'too-short', minimum: 3 },
  'too-few': { code: 'too-few', minimum: 4 },
  'too-small': { code: 'too-small', minimum: 0, got: { type: 'number', text: '-1500' } },
  'one-of': { code: 'one-of', values: ['"a"', '"b"'], got: { type: 'null' } },
  'unknown-fields': { code: 'unknown-fields', keys: ['x', 'y'] },
  unsupported: { code: 'unsupported', got: { type: 'list' } },
  format: { code: 'format', format: 'email', message: 'Invalid email address', got: { type: 'string', text: 'ana@' } },
  message: { code: 'message', message: 'lat and lng must both be numbers or both be null' },
  'duplicate-id': { code: 'duplicate-id', position: 1200 },
  total: { code: 'total', value: 1e200, field: 'potential', total: Infinity, limit: 1e150 },
} satisfies { [C in FieldRule['code']]: Extract<FieldRule, { code: C }> };

async function everyProblem(): Promise<{ problems: ImportProblem[]; unplaced: UnplacedAccount[] }> {
  const r = await importAccounts(EVERY_PROBLEM);
  const off = await importAccounts(PLACING_OFF);
  return { problems: [...r.rejected, ...r.warnings], unplaced: [...r.unplaced, ...off.unplaced] };
}

async function everyError(): Promise<ImportError[]> {
  const errors: ImportError[] = [];
  for (const { code, options } of failingImports()) {
    await assert.rejects(importAccounts(options), (e: ImportError) => {
      assert.equal(e.code, code);
      errors.push(e);
      return true;
    });
  }
  // The .xlsx variant of EMPTY: a sheet with one filled cell.
  const sheet = await writeXlsxFile([[{ value: 'only' }]] as never).toBuffer();
  await assert.rejects(importAccounts({ accounts: new Uint8Array(sheet) }), (e: ImportError) => (errors.push(e), e.code === 'EMPTY' && e.params !== undefined && (e.params as { what: string }).what === 'sheet'));
  return errors;
}

describe('import problem codes', () => {
  it('the fixtures trigger every import problem code and every unplaced code', async () => {
    const { problems, unplaced } = await everyProblem();
    assert.deepEqual([...new Set(problems.map((p) => p.code))].sort(), [...IMPORT_PROBLEM_CODES].sort());
    assert.deepEqual([...new Set(unplaced.map((u) => u.code))].sort(), [...UNPLACED_CODES].sort());
    // The three wordings of an address not found.
    const notFound = unplaced.filter((u) => u.code === 'address-not-found').map((u) => u.reason);
    assert.deepEqual(notFound, [
      'postal code "00000" and "Springfield, ZZ" not found in the offline table',
      'postal code "99999" not found in the offline table',
      '"Gotham, ZZ" not found in the offline table',
    ]);
  });

  it('the English reason is worded from the code and params, as before', async () => {
    const { problems, unplaced } = await everyProblem();
    for (const p of problems) assert.equal(p.reason, importProblemReason(p), p.code);
    for (const u of unplaced) assert.equal(u.reason, unplacedReason(u), u.code);
    const at = (row: number, file = 'accounts') => problems.filter((p) => p.row === row && p.file === file).map((p) => [p.code, p.column, p.reason, p.loaded]);
    assert.deepEqual(at(4), [['duplicate-account-id', 'account_id', 'duplicate account id "a1" (first on row 2)', false]]);
    assert.deepEqual(at(12), [['lat-lng-invalid', 'lat', '"95, 10" is not a latitude and longitude: placed from the address instead', true]]);
    assert.deepEqual(at(13), [['invalid', 'account_name', 'is too long: 300 characters, at most 255', false]]);
    // A record kept without its bad optional field is a warning (it was loaded), not a rejection.
    assert.deepEqual(at(14), [['invalid', 'industry', 'is too long: 300 characters, at most 255 (field dropped, the record was kept)', true]]);
    assert.deepEqual(at(8, 'reps'), [['invalid', 'capacity', 'must be at most 1000, got 5000 (field dropped, the record was kept)', true]]);
    assert.deepEqual(at(15), [['invalid', 'potential', '1e+200 makes the batch total of potential 1e+200, more than 1e+150', false]]);
    const invalid = problems.find((p) => p.row === 13 && p.file === 'accounts');
    assert.ok(invalid?.code === 'invalid');
    assert.deepEqual(invalid.params, { field: 'name', rule: { code: 'too-long', length: 300, maximum: 255 }, dropped: false });
  });

  it('the fixtures make every ImportError code, its message worded from the code and params', async () => {
    const errors = await everyError();
    assert.deepEqual([...new Set(errors.map((e) => e.code))].sort(), [...IMPORT_ERROR_CODES].sort());
    for (const e of errors) assert.equal(e.message, importErrorMessage(e.detail), e.code);
    assert.equal(errors.find((e) => e.code === 'MAPPING')!.message, 'the accounts file has no column "Potential" (mapped to potential); its columns are: id, name');
  });

  it('the file import words every problem, unplaced reason, error and rule by its code — in English as the importer does', async () => {
    const { problems, unplaced } = await everyProblem();
    for (const p of problems) {
      const text = importProblemText(f, { ...p, reason: NONE });
      assert.notEqual(text, NONE, `no wording for ${p.code}`);
      assert.equal(ungrouped(text), p.reason, p.code);
    }
    for (const u of unplaced) {
      const text = unplacedText(f, { ...u, reason: NONE });
      assert.notEqual(text, NONE, `no wording for ${u.code}`);
      assert.equal(text, u.reason, u.code);
    }
    for (const e of await everyError()) {
      const text = importErrorText(f, Object.assign(new ImportError(e.detail), { message: NONE }));
      assert.notEqual(text, NONE, `no wording for ${e.code}`);
      assert.equal(text, e.message, e.code);
    }
    for (const rule of Object.values(RULES) as FieldRule[]) {
      for (const dropped of [false, true]) assert.equal(ungrouped(fieldRuleText(f, rule, dropped)), fieldRuleReason(rule, dropped), rule.code);
    }
    // An unknown code, or none: the English reason as it is.
    assert.equal(importProblemText(f, { code: 'from-the-future', params: {}, reason: 'As is' }), 'As is');
    assert.equal(importProblemText(f, { reason: 'No code' }), 'No code');
    assert.equal(unplacedText(f, { reason: 'No code' }), 'No code');
    assert.equal(importErrorText(f, new Error('plain error')), 'plain error');
  });

  it('the model’s rules are what its validation reports, with the reason worded from them', () => {
    const accounts = [
      { id: 'a1', name: 'A', lat: '41.2', lng: 2, potential: 1, ownerId: null },
      { id: '', name: 'B', lat: null, lng: null, potential: 1, ownerId: null },
      { id: 'a3', name: 'C', lat: 95, lng: 2, potential: 1, ownerId: null },
      { id: 'a4', name: 'D', lat: null, lng: null, ownerId: null },
      'not a record',
      { id: 'a5', name: 'E', lat: null, lng: null, potential: 1, ownerId: null },
      { id: 'a5', name: 'again', lat: null, lng: null, potential: 1, ownerId: null },
      { id: 'a6', name: 'F', lat: null, lng: 2, potential: 1, ownerId: null },
      { id: 'a7', name: 'G', lat: null, lng: null, potential: 1, ownerId: null, fields: { x: {} } },
    ];
    const reps = [
      { id: 'r1', name: 'Ana', capacity: 0 },
      { id: 'r2', name: 'Ben', skills: Array.from({ length: 1001 }, (_, i) => `s${i}`) },
      { id: 'r3', name: 'x'.repeat(300) },
    ];
    const a = validateBatch('account', accounts, { rules: ruleOfIssue });
    const r = validateBatch('rep', reps, { rules: ruleOfIssue });
    // A record that is not an object has no rule: its reason stays the model's English.
    assert.deepEqual(
      a.rejected.map((x) => x.problems[0].rule?.code),
      ['type', 'empty', 'too-big', 'required', undefined, 'duplicate-id', 'message', 'unsupported'],
    );
    assert.deepEqual(r.rejected.map((x) => [x.problems[0].rule?.code, x.problems[0].dropped ?? false]), [['too-small', true], ['too-many', true], ['too-long', false]]);
    // Without `rules`, schema problems carry none (the pages that validate do not load ruleOfIssue).
    assert.equal(validateBatch('account', [accounts[2]]).rejected[0].problems[0].rule, undefined);
    // The model words its reasons itself; the rule's English (and the file import's) say the same.
    for (const x of [...a.rejected, ...r.rejected]) {
      for (const p of x.problems.filter((y) => y.rule)) {
        assert.equal(p.reason, fieldRuleReason(p.rule!, p.dropped === true));
        assert.equal(ungrouped(fieldRuleText(f, p.rule!, p.dropped === true)), p.reason);
      }
    }
    assert.equal(a.rejected[0].reason, 'expected number, got the string "41.2"');
  });
});
