import { LRUCache } from 'lru-cache';

/**
 * A small in-process cache with a per-entry lifetime and a hard size bound (least recently used evicted first), on
 * lru-cache. Only a cache: a cold Lambda container or a second instance simply asks again.
 */
export class TtlCache<V extends NonNullable<unknown>> {
  private readonly entries: LRUCache<string, V>;

  constructor(maxEntries: number, now: () => number = Date.now) {
    this.entries = new LRUCache<string, V>({
      max: maxEntries,
      // Every entry brings its own lifetime (set); ttlResolution 0 reads the clock on each get, so expiry is exact.
      ttlResolution: 0,
      perf: { now },
    });
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** Keeps the value for `ttlMs`; a lifetime of zero or less keeps nothing (to lru-cache, a ttl of 0 is forever). */
  set(key: string, value: V, ttlMs: number): void {
    if (ttlMs <= 0) this.entries.delete(key);
    else this.entries.set(key, value, { ttl: ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
