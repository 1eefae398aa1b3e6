import assert from 'node:assert/strict';
import { BoundedMemoryCache } from '../../../display-service/renditions/bounded-memory-cache';

describe('renditions/bounded-memory-cache', () => {
  const caches: { close(): void }[] = [];
  afterEach(() => caches.splice(0).forEach((cache) => cache.close()));
  function newCache<V extends NonNullable<unknown>>(
    maxWeight: number,
    weigh?: (value: V) => number,
  ): BoundedMemoryCache<V> {
    const cache = new BoundedMemoryCache<V>({ maxWeight, ttlSeconds: 60, ...(weigh ? { weigh } : {}) });
    caches.push(cache);
    return cache;
  }

  it('counts entries by default and drops the least recently used instead of refusing new ones', () => {
    const cache = newCache<string>(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    assert.equal(cache.get('a'), 'A'); // a is now more recent than b
    cache.set('c', 'C');
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 'A');
    assert.equal(cache.get('c'), 'C');
    cache.set('c', 'C2');
    assert.deepEqual([cache.size, cache.get('c'), cache.get('a')], [2, 'C2', 'A']);
  });

  it('keeps the sum of byte sizes within the budget, evicting as many old entries as it takes', () => {
    const cache = newCache<Buffer>(1000, (buffer) => buffer.length);
    cache.set('a', Buffer.alloc(400));
    cache.set('b', Buffer.alloc(400));
    cache.set('c', Buffer.alloc(100));
    assert.equal(cache.weight, 900);
    cache.set('d', Buffer.alloc(900)); // a and b must go; then c (100) + d (900) fits exactly
    assert.deepEqual(
      ['a', 'b', 'c', 'd'].map((key) => cache.get(key) !== undefined),
      [false, false, true, true],
    );
    assert.equal(cache.weight, 1000);
    cache.set('d', Buffer.alloc(10)); // replacing an entry re-weighs it
    assert.equal(cache.weight, 110);
  });

  it('does not keep an entry heavier than the whole budget, nor evict others for it', () => {
    const cache = newCache<Buffer>(1000, (buffer) => buffer.length);
    cache.set('small', Buffer.alloc(10));
    cache.set('huge', Buffer.alloc(5000));
    assert.equal(cache.get('huge'), undefined);
    assert.equal(cache.get('small')?.length, 10);
    assert.equal(cache.weight, 10);
  });
});
