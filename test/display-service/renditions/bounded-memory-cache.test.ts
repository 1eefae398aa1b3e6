import assert from 'node:assert/strict';
import { BoundedMemoryCache } from '../../../display-service/renditions/bounded-memory-cache';

describe('renditions/bounded-memory-cache', () => {
  it('drops the oldest entry instead of refusing new ones when full', () => {
    const cache = new BoundedMemoryCache<string>({ maxItems: 2, ttlSeconds: 60 });
    try {
      cache.set('a', 'A');
      cache.set('b', 'B');
      cache.set('c', 'C');
      assert.equal(cache.size, 2);
      assert.equal(cache.get('a'), undefined);
      assert.equal(cache.get('b'), 'B');
      assert.equal(cache.get('c'), 'C');
      cache.set('c', 'C2');
      assert.equal(cache.size, 2);
      assert.equal(cache.get('b'), 'B');
    } finally {
      cache.close();
    }
  });
});
