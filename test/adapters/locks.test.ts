// Lock flags written where the CRM has a field for them: the memory adapter, and REST with `lockField`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { createRestAdapter } from '../../src/adapters/rest/adapter.js';

describe('saveLocks', () => {
  it('memory: writes locked on accounts and reps, a later load sees it, unknown ids fail', async () => {
    const adapter = createMemoryAdapter({
      accounts: [{ id: 'a1', name: 'A', lat: 1, lng: 2, potential: 5, ownerId: 'r1' }],
      reps: [{ id: 'r1', name: 'Ana' }],
    });
    assert.equal((await adapter.capabilities()).canWriteLocks, true);
    await adapter.load();
    const out = await adapter.saveLocks!([
      { kind: 'account', id: 'a1', locked: true },
      { kind: 'rep', id: 'r1', locked: true },
      { kind: 'account', id: 'nope', locked: true },
    ]);
    assert.deepEqual(out.map((o) => o.status), ['saved', 'saved', 'failed']);
    assert.equal(out[2].code, 'NOT_FOUND');
    const { accounts, reps } = await adapter.load();
    assert.equal(accounts[0].locked, true);
    assert.equal(reps[0].locked, true);
    const readOnly = createMemoryAdapter({ accounts: [], reps: [], canWriteLocks: false });
    assert.deepEqual((await readOnly.saveLocks!([{ kind: 'rep', id: 'r1', locked: true }])).map((o) => o.code), ['READ_ONLY']);
  });

  it('rest: POST /locks:batch with the mapped field, one outcome per change; without lockField nothing is sent', async () => {
    const sent: { url: string; body: unknown }[] = [];
    const fetch = async (url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body));
      sent.push({ url, body });
      const results = body.changes.map((c: { kind: string; id: string }) => ({ kind: c.kind, id: c.id, status: c.id === 'gone' ? 'failed' : 'saved', ...(c.id === 'gone' ? { code: 'NOT_FOUND' } : {}) }));
      return new Response(JSON.stringify({ results }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const adapter = createRestAdapter({ baseUrl: 'https://crm.example/api', fetch, lockField: 'Territory_Locked__c', requestId: () => 'req-1' });
    assert.equal((await adapter.capabilities()).canWriteLocks, true);
    const out = await adapter.saveLocks!([
      { kind: 'account', id: 'a1', locked: true },
      { kind: 'rep', id: 'r9', locked: false },
      { kind: 'account', id: 'gone', locked: true },
    ]);
    assert.deepEqual(out.map((o) => [o.accountId, o.status, o.code]), [['a1', 'saved', undefined], ['r9', 'saved', undefined], ['gone', 'failed', 'NOT_FOUND']]);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].url, 'https://crm.example/api/locks:batch');
    assert.deepEqual(sent[0].body, {
      requestId: 'req-1',
      field: 'Territory_Locked__c',
      changes: [{ kind: 'account', id: 'a1', locked: true }, { kind: 'rep', id: 'r9', locked: false }, { kind: 'account', id: 'gone', locked: true }],
    });
    const plain = createRestAdapter({ baseUrl: 'https://crm.example/api', fetch });
    assert.equal((await plain.capabilities()).canWriteLocks, undefined);
    assert.deepEqual((await plain.saveLocks!([{ kind: 'account', id: 'a1', locked: true }])).map((o) => o.code), ['READ_ONLY']);
    assert.equal(sent.length, 1, 'nothing sent without a lock field');
  });
});
