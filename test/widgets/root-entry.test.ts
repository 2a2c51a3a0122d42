import { expect } from '@open-wc/testing';
import { validateBatch } from '../../src/index.js';

describe('root entry in the browser', () => {
  it('validates a batch', () => {
    const { valid, rejected } = validateBatch('account', [
      { id: 'a', name: 'A', lat: 1, lng: 2, potential: 3, ownerId: null },
      { id: 'b', name: 'B', lat: 'x', lng: 2, potential: 3, ownerId: null },
    ]);
    expect(valid.map((a) => a.id)).to.deep.equal(['a']);
    expect(rejected[0].field).to.equal('lat');
  });
});
