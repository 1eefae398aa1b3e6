import { LRUCache } from 'lru-cache';

export interface BoundedMemoryCacheOptions<V> {
  /** Budget for the sum of `weigh(value)` over every entry (bytes for renditions, entries by default). */
  maxWeight: number;
  /** An entry's cost against the budget; 1 by default (a count bound). */
  weigh?: (value: V) => number;
  ttlSeconds: number;
}

/**
 * An in-memory cache with a weight budget and an expiry, on lru-cache: the least recently used entries are dropped
 * until a new one fits, and an entry heavier than the whole budget is not kept at all. Only a cache: losing an
 * entry costs a reload. Values are kept as they are (shared immutable buffers/objects, never cloned).
 */
export class BoundedMemoryCache<V extends NonNullable<unknown>> {
  private readonly cache: LRUCache<string, V>;

  constructor(options: BoundedMemoryCacheOptions<V>) {
    const weigh = options.weigh ?? (() => 1);
    this.cache = new LRUCache<string, V>({
      maxSize: options.maxWeight,
      // lru-cache refuses sizes below 1; an empty buffer still takes a slot.
      sizeCalculation: (value) => Math.max(1, Math.ceil(weigh(value))),
      ttl: options.ttlSeconds * 1000,
    });
  }

  get(key: string): V | undefined {
    return this.cache.get(key);
  }

  set(key: string, value: V): void {
    // A value over the budget is refused by lru-cache; the old value under the key must not outlive it.
    this.cache.delete(key);
    this.cache.set(key, value);
  }

  delete(key: string): void {
    this.cache.delete(key);
  }

  /** Drops every entry; the cache stays usable. */
  clear(): void {
    this.cache.clear();
  }

  get size(): number {
    return this.cache.size;
  }

  /** The sum of the entries' weights (bytes, for renditions). */
  get weight(): number {
    return this.cache.calculatedSize;
  }

  close(): void {
    this.cache.clear();
  }
}
