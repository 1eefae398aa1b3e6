import assert from 'node:assert/strict';
import { TtlCache } from '../../../lambda/util/ttl-cache';

describe('TtlCache', () => {
  it('forgets an entry once its lifetime is over', () => {
    let now = 1_000;
    const cache = new TtlCache<string>(10, () => now);
    cache.set('token', 'owner-1', 300);
    now += 300; // the whole lifetime: still there at its last millisecond
    assert.equal(cache.get('token'), 'owner-1');
    now += 1;
    assert.equal(cache.get('token'), undefined);
    assert.equal(cache.size, 0);
  });

  it('never holds more than its bound: the least recently used entry goes first', () => {
    const cache = new TtlCache<number>(3);
    for (const [key, value] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      cache.set(key, value, 60_000);
    cache.set('a', 10, 60_000); // rewritten: now the newest
    cache.set('d', 4, 60_000);
    assert.equal(cache.size, 3);
    assert.equal(cache.get('b'), undefined);
    assert.deepEqual(
      ['a', 'c', 'd'].map((key) => cache.get(key)),
      [10, 3, 4],
    );
  });

  it('keeps nothing for a lifetime of zero, and forgets an entry deleted', () => {
    const cache = new TtlCache<string>(10, () => 5_000);
    cache.set('a', 'A', 60_000);
    cache.set('a', 'A again', 0);
    assert.equal(cache.get('a'), undefined);
    cache.set('b', 'B', 60_000);
    cache.delete('b');
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.size, 0);
  });
});
