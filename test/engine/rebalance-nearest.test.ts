import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { insertNearest } from '../../src/engine/rebalance/nearest.js';

test('insertNearest keeps the `size` nearest candidates in order, earlier first on ties', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (dists, size) => {
      const d = new Float64Array(size);
      const order = new Int32Array(size);
      let count = 0;
      dists.forEach((dj, j) => (count = insertNearest(d, order, count, size, dj, j)));
      const want = dists
        .map((dj, j) => [dj, j])
        .sort((x, y) => x[0] - y[0] || x[1] - y[1])
        .slice(0, size);
      assert.equal(count, want.length);
      assert.deepEqual([...order.slice(0, count)], want.map((x) => x[1]));
      assert.deepEqual([...d.slice(0, count)], want.map((x) => x[0]));
    }),
    { numRuns: 300, seed: 5 },
  );
});
