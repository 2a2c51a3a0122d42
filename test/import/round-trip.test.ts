import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assign, createPlanState, loadStarted, loadSucceeded } from '../../src/store/index.js';
import { createFileAdapter, csvCell, importAccounts, repsTemplateCsv } from '../../src/import/index.js';
import { CrmLoadError } from '../../src/adapters/crm-adapter.js';
import { planCsv } from '../../widgets/rep-assignment-panel/export/plan-csv.js';

const text = (name: string) => readFileSync(new URL(`../../demo/samples/${name}`, import.meta.url), 'utf8');

describe('csvCell (issue #13 item 15: formula look-alikes)', () => {
  it('neutralises the OWASP starters, also after blanks, invisible characters and in full-width forms', () => {
    const hostile = [
      '=1+1', '+1', '-1', '@x', '\tx', '\rx', '\nx',
      ' =1+1', '  +cmd', '\u00A0=1+1', '\u200B=1+1', '\u200B\u200D@SUM(A1)', '\uFEFF=1+1', '\u2060-1', '\n=1+1', '\r\n+1', ' \t @x',
      '\uFF1D1+1', '\uFF0B1', '\uFF0D1', '\uFF20SUM(A1)', ' \uFF1DHYPERLINK("x")', '\u2212 2', '\uFE661+1',
    ];
    for (const value of hostile) {
      const cell = csvCell(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      assert.equal(unquoted, `'${value}`, `${JSON.stringify(value)} → ${JSON.stringify(cell)}`);
    }
  });

  it('leaves ordinary text, numbers and inner signs alone, and quotes per RFC 4180', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a-b'), 'a-b');
    assert.equal(csvCell(' plain'), ' plain');
    assert.equal(csvCell('\u00A0x'), '\u00A0x');
    assert.equal(csvCell('foo@example.com'), 'foo@example.com');
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(Infinity), '');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(true), 'true');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('=A1,"x"'), `"'=A1,""x"""`);
  });
});

describe('export → import round trip', () => {
  it('a plan exported as CSV (and its reps) imports as the same accounts, owned as in the plan', async () => {
    const first = await importAccounts({ accounts: text('template-accounts.csv'), reps: text('template-reps.csv') });
    let state = loadSucceeded(loadStarted(createPlanState()), { accounts: first.accounts, reps: first.reps, territories: [], rejected: [] }, null);
    const moved = first.accounts.slice(0, 5).map((a) => a.id);
    state = assign(state, moved, 'rep-06');
    const hostile = first.accounts.find((a) => a.id === 'acc-bad-employees')!;
    assert.ok(hostile);

    const exported = planCsv(state);
    assert.equal(exported.split('\r\n')[0], 'account_id,account_name,owner_id,owner_name,previous_owner_id,previous_owner_name,lat,lng,street,city,state,postal_code,country,industry,employees,annual_revenue,potential,workload,locked');
    const again = await importAccounts({ accounts: exported, reps: repsTemplateCsv(state.reps) });
    assert.deepEqual(again.rejected, []);
    assert.deepEqual(again.warnings, []);
    assert.deepEqual(again.reps, first.reps);
    const owned = (a: { id: string }) => (Object.hasOwn(state.working, a.id) ? state.working[a.id] : state.current[a.id]) ?? null;
    const strip = (a: (typeof first.accounts)[number]) => {
      const { placedBy: _placed, ...fields } = a.fields ?? {};
      return { ...a, fields };
    };
    assert.deepEqual(
      again.accounts.map(strip),
      first.accounts.map((a) => strip({ ...a, ownerId: owned(a) })),
    );
    for (const id of moved) assert.equal(again.accounts.find((a) => a.id === id)!.ownerId, 'rep-06');
    // Unplaced accounts stay unplaced (and listed) after the round trip.
    assert.deepEqual(again.unplaced.map((u) => u.id), first.unplaced.map((u) => u.id));
  });

  it('changes only: the moved accounts with both owners', async () => {
    const first = await importAccounts({ accounts: text('template-accounts.csv'), reps: text('template-reps.csv'), gazetteer: false });
    let state = loadSucceeded(loadStarted(createPlanState()), { accounts: first.accounts, reps: first.reps, territories: [], rejected: [] }, null);
    state = assign(state, ['acc-00001'], 'rep-02');
    const lines = planCsv(state, { changesOnly: true }).trim().split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[1], /^acc-00001,Ramsey Components Co\.,rep-02,Quinn Diaz,rep-05,Sofia Murphy,/);
  });
});

describe('createFileAdapter', () => {
  it('loads the import, lists its problems as rejections, saves in memory and says so', async () => {
    const adapter = createFileAdapter({ accounts: text('template-accounts.csv'), reps: text('template-reps.csv'), gazetteer: false, id: 'file:test' });
    assert.equal(adapter.result, null);
    assert.deepEqual(await adapter.capabilities(), { canWrite: true, canWriteTerritories: false, system: 'file', mode: 'in-memory', maxBatchSize: 1000 });
    const loaded = await adapter.load();
    assert.equal(loaded.accounts.length, 63);
    assert.equal(loaded.reps.length, 6);
    const bad = loaded.rejected.find((r) => r.id === 'acc-bad-potential')!;
    assert.deepEqual([bad.kind, bad.field, bad.reason], ['account', 'potential', 'accounts row 62: "lots" is not a potential ≥ 0']);
    assert.equal(adapter.result!.rejected.length, 2);
    const a = loaded.accounts[0];
    const [outcome] = await adapter.save([{ accountId: a.id, from: a.ownerId, to: 'rep-02' }]);
    assert.equal(outcome.status, 'saved');
    const [unknown] = await adapter.save([{ accountId: a.id, from: 'rep-02', to: 'rep-99' }]);
    assert.deepEqual([unknown.status, unknown.code], ['failed', 'INVALID_OWNER']);
    const reloaded = await adapter.load();
    assert.equal(reloaded.accounts[0].ownerId, 'rep-02', 'the saved change is in the in-memory store');
    // Same rules as the memory adapter: a stale `from` is a conflict and writes nothing; twice in one save too.
    const b = loaded.accounts[1];
    const outcomes = await adapter.save([
      { accountId: a.id, from: a.ownerId, to: 'rep-03' },
      { accountId: b.id, from: b.ownerId, to: 'rep-03' },
      { accountId: b.id, from: 'rep-03', to: 'rep-02' },
      { accountId: 'nope', from: null, to: 'rep-01' },
    ]);
    assert.deepEqual(outcomes.map((o) => [o.status, o.code]), [['conflict', 'STALE'], ['saved', undefined], ['conflict', 'STALE'], ['failed', 'NOT_FOUND']]);
    assert.deepEqual((await adapter.load()).accounts.slice(0, 2).map((x) => x.ownerId), ['rep-02', 'rep-03']);
    const abort = new AbortController();
    abort.abort();
    assert.deepEqual((await adapter.save([{ accountId: b.id, from: 'rep-03', to: 'rep-01' }], { signal: abort.signal }))[0].code, 'ABORTED');
    await assert.rejects(adapter.load({ signal: abort.signal }), (e: CrmLoadError) => e.code === 'ABORTED');
  });

  it('takes an import already made (the tk-import event) and fails a load with a clear error', async () => {
    const result = await importAccounts({ accounts: 'id,name,lat,lng\n1,A,1,2\n' });
    const adapter = createFileAdapter({ result, id: 'file:given' });
    assert.deepEqual((await adapter.load()).accounts.map((x) => x.id), ['1']);
    const broken = createFileAdapter({ accounts: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) });
    await assert.rejects(broken.load(), (e: CrmLoadError) => e instanceof CrmLoadError && e.code === 'XLS_UNSUPPORTED' && /could not be imported/.test(e.message));
  });
});
