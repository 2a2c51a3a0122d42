/** The Salesforce emulator speaks the wire format the adapter relies on (checked with plain fetch). */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/server.js';
import { seedOrg, type SeededOrg } from '../emulators/salesforce/seed.js';
import { sfId } from '../emulators/salesforce/store.js';

describe('Salesforce REST emulator', () => {
  let emu: SalesforceEmulator;
  let org: SeededOrg;
  const base = () => `${emu.url}/services/data/v62.0`;
  const get = (path: string) => fetch(`${base()}${path}`, { headers: { authorization: `Bearer ${emu.accessToken}` } });
  const query = async (soql: string) => (await get(`/query?q=${encodeURIComponent(soql)}`)).json() as Promise<{ totalSize: number; done: boolean; nextRecordsUrl?: string; records: Record<string, unknown>[] }>;
  before(async () => {
    emu = await startSalesforceEmulator({ apiLimit: 1000 });
    org = seedOrg(emu.store, { users: 3, accounts: 4500 });
  });
  after(() => emu.close());

  it('makes 18-character ids with the case checksum', () => {
    assert.equal(sfId('001', 1), '001000000000001AAA');
    assert.equal(sfId('001', 10 * 36 ** 3).length, 18);
    assert.match(sfId('0MI', 5), /^0MI[0-9A-Z]{12}[A-Z0-5]{3}$/);
  });

  it('pages at 2,000 with nextRecordsUrl and reports totalSize; COUNT() answers with the count only', async () => {
    const first = await query('SELECT Id, Name FROM Account ORDER BY Id');
    assert.equal(first.totalSize, 4500);
    assert.equal(first.done, false);
    assert.equal(first.records.length, 2000);
    assert.deepEqual(first.records[0].attributes, { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${org.accountIds[0]}` });
    const second = await (await fetch(`${emu.url}${first.nextRecordsUrl}`, { headers: { authorization: `Bearer ${emu.accessToken}` } })).json() as typeof first;
    const third = await (await fetch(`${emu.url}${second.nextRecordsUrl}`, { headers: { authorization: `Bearer ${emu.accessToken}` } })).json() as typeof first;
    assert.equal(third.done, true);
    assert.equal(third.nextRecordsUrl, undefined);
    assert.deepEqual([...first.records, ...second.records, ...third.records].map((r) => r.Id), org.accountIds);
    const count = await query('SELECT COUNT() FROM Account');
    assert.deepEqual(count, { totalSize: 4500, done: true, records: [] });
  });

  it('evaluates WHERE with AND/OR/NOT/IN, escapes, relationships, ORDER BY DESC and LIMIT', async () => {
    const ids = org.accountIds.slice(0, 5);
    const r = await query(`SELECT Id FROM Account WHERE Id IN ('${ids.join("','")}') AND (Industry = 'Technology' OR NOT Industry IN ('Retail', 'Healthcare')) ORDER BY Id DESC LIMIT 2`);
    const expected = ids.filter((id) => !['Retail', 'Healthcare'].includes(emu.store.get('Account', id)!.Industry as string)).reverse().slice(0, 2);
    assert.deepEqual(r.records.map((x) => x.Id), expected);
    const quoted = await query("SELECT Id FROM Account WHERE Name = 'O\\'Brien \\\\ Sons'");
    assert.equal(quoted.totalSize, 0);
    emu.store.touch('Account', ids[0], { Name: "O'Brien \\ Sons" });
    assert.equal((await query("SELECT Id FROM Account WHERE Name = 'O\\'Brien \\\\ Sons'")).totalSize, 1);
    const bad = await get(`/query?q=${encodeURIComponent('SELECT Nope__c FROM Account')}`);
    assert.equal(bad.status, 400);
    assert.deepEqual(await bad.json(), [{ message: "No such column 'Nope__c' on entity 'Account'.", errorCode: 'INVALID_FIELD' }]);
  });

  it('sends Sforce-Limit-Info on every response and REQUEST_LIMIT_EXCEEDED past the limit', async () => {
    const res = await get(`/query?q=${encodeURIComponent('SELECT COUNT() FROM User')}`);
    assert.match(res.headers.get('sforce-limit-info') ?? '', /^api-usage=\d+\/1000$/);
    const unauth = await fetch(`${base()}/query?q=x`);
    assert.equal(unauth.status, 401);
    assert.equal(((await unauth.json()) as { errorCode: string }[])[0].errorCode, 'INVALID_SESSION_ID');
    const small = await startSalesforceEmulator({ apiLimit: 2 });
    try {
      const q = () => fetch(`${small.url}/services/data/v62.0/query?q=${encodeURIComponent('SELECT COUNT() FROM Account')}`, { headers: { authorization: `Bearer ${small.accessToken}` } });
      assert.deepEqual([(await q()).status, (await q()).status], [200, 200]);
      const over = await q();
      assert.equal(over.status, 403);
      assert.equal(over.headers.get('sforce-limit-info'), 'api-usage=3/2');
      assert.equal(((await over.json()) as { errorCode: string }[])[0].errorCode, 'REQUEST_LIMIT_EXCEEDED');
    } finally {
      await small.close();
    }
  });

  it('single-record PATCH honours If-Unmodified-Since with 412', async () => {
    const id = org.accountIds[10];
    const rec = emu.store.get('Account', id)!;
    const since = new Date(Date.parse(String(rec.LastModifiedDate).replace('+0000', 'Z')) - 60_000).toUTCString();
    const patch = (headers: Record<string, string>) => fetch(`${base()}/sobjects/Account/${id}`, {
      method: 'PATCH', headers: { authorization: `Bearer ${emu.accessToken}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ OwnerId: org.userIds[2] }),
    });
    assert.equal((await patch({ 'if-unmodified-since': since })).status, 412);
    assert.equal((await patch({})).status, 204);
    assert.equal(emu.store.get('Account', id)!.OwnerId, org.userIds[2]);
  });

  it('answers with per-record results in order, and rolls everything back with allOrNone', async () => {
    const [a, b] = org.accountIds;
    const body = (allOrNone: boolean) => JSON.stringify({ allOrNone, records: [{ attributes: { type: 'Account' }, id: a, OwnerId: org.userIds[1] }, { attributes: { type: 'Account' }, id: b, OwnerId: '005000000000ZZZAAA' }] });
    const send = async (allOrNone: boolean) => (await fetch(`${base()}/composite/sobjects`, { method: 'PATCH', headers: { authorization: `Bearer ${emu.accessToken}`, 'content-type': 'application/json' }, body: body(allOrNone) })).json() as Promise<{ success: boolean; errors: { statusCode: string }[] }[]>;
    const before = emu.store.get('Account', a)!.OwnerId;
    const rolledBack = await send(true);
    assert.deepEqual(rolledBack.map((r) => r.errors[0]?.statusCode), ['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'INVALID_CROSS_REFERENCE_KEY']);
    assert.equal(emu.store.get('Account', a)!.OwnerId, before);
    const partial = await send(false);
    assert.deepEqual(partial.map((r) => r.success), [true, false]);
    assert.equal(emu.store.get('Account', a)!.OwnerId, org.userIds[1]);
  });

  it('runs Bulk 2.0 query jobs with CSV pages chained by Sforce-Locator', async () => {
    const auth = { authorization: `Bearer ${emu.accessToken}`, 'content-type': 'application/json' };
    const job = await (await fetch(`${base()}/jobs/query`, { method: 'POST', headers: auth, body: JSON.stringify({ operation: 'query', query: 'SELECT Id, Name, BillingLatitude FROM Account' }) })).json() as { id: string; state: string };
    assert.equal(job.state, 'UploadComplete');
    const states = [];
    for (let i = 0; i < 2; i++) states.push(((await (await fetch(`${base()}/jobs/query/${job.id}`, { headers: auth })).json()) as { state: string }).state);
    assert.deepEqual(states, ['InProgress', 'JobComplete']);
    const page = await fetch(`${base()}/jobs/query/${job.id}/results?maxRecords=4000`, { headers: auth });
    assert.equal(page.headers.get('sforce-locator'), '4000');
    const lines = (await page.text()).trim().split('\n');
    assert.equal(lines[0], 'Id,Name,BillingLatitude');
    assert.equal(lines.length, 4001);
    const last = await fetch(`${base()}/jobs/query/${job.id}/results?locator=4000&maxRecords=4000`, { headers: auth });
    assert.equal(last.headers.get('sforce-locator'), 'null');
    assert.equal((await last.text()).trim().split('\n').length, 501);
  });
});
