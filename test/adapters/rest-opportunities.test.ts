// REST: opportunities (deal owner at close) load from GET /opportunities when the option asks for them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRestAdapter } from '../../src/adapters/rest/adapter.js';

function backend(items: Record<string, unknown[]>) {
  const asked: string[] = [];
  const fetch = async (url: string) => {
    const path = new URL(url).pathname.split('/').pop()!;
    asked.push(path);
    return new Response(JSON.stringify({ items: items[path] ?? [], nextCursor: null }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, asked };
}

describe('REST opportunities', () => {
  const data = {
    reps: [{ id: 'r1', name: 'Ana' }],
    accounts: [{ id: 'a1', name: 'A', lat: 1, lng: 2, potential: 5, ownerId: 'r1' }],
    opportunities: [
      { id: 'o1', accountId: 'a1', ownerId: 'r1', amount: 100, stage: 'won', closeDate: '2026-05-01' },
      { id: 'o2', accountId: 'a1', ownerId: 'r9', amount: 'lots', stage: 'won' },
    ],
  };

  it('loads and validates them when `opportunities` is set, naming a bad record and field', async () => {
    const { fetch, asked } = backend(data);
    const result = await createRestAdapter({ baseUrl: 'https://crm.example/api', fetch, opportunities: true }).load();
    assert.deepEqual(asked, ['reps', 'accounts', 'territories', 'opportunities']);
    assert.deepEqual(result.opportunities, [{ id: 'o1', accountId: 'a1', ownerId: 'r1', amount: 100, stage: 'won', closeDate: '2026-05-01' }]);
    assert.equal(result.rejected.length, 1);
    assert.equal(result.rejected[0].kind, 'opportunity');
    assert.equal(result.rejected[0].id, 'o2');
    assert.equal(result.rejected[0].field, 'amount');
  });

  it('does not ask for them by default', async () => {
    const { fetch, asked } = backend(data);
    const result = await createRestAdapter({ baseUrl: 'https://crm.example/api', fetch }).load();
    assert.deepEqual(asked, ['reps', 'accounts', 'territories']);
    assert.equal(result.opportunities, undefined);
  });
});
