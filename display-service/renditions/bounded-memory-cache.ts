import NodeCache from 'node-cache';

export interface BoundedMemoryCacheOptions {
  maxItems: number;
  ttlSeconds: number;
}

/**
 * node-cache with a size bound. node-cache refuses new keys when full (ECACHEFULL); a cache should instead make
 * room, so the oldest entry (insertion order) is dropped first. Only a cache: losing an entry costs a reload.
 */
export class BoundedMemoryCache<V> {
  private readonly cache: NodeCache;

  constructor(private readonly options: BoundedMemoryCacheOptions) {
    this.cache = new NodeCache({
      stdTTL: options.ttlSeconds,
      checkperiod: Math.max(1, Math.ceil(options.ttlSeconds / 4)),
      // Values are shared immutable buffers/objects; cloning a JPEG on every hit would defeat the cache.
      useClones: false,
    });
  }

  get(key: string): V | undefined {
    return this.cache.get<V>(key);
  }

  set(key: string, value: V): void {
    if (!this.cache.has(key)) {
      const keys = this.cache.keys();
      for (let i = 0; i <= keys.length - this.options.maxItems; i++) this.cache.del(keys[i] ?? '');
    }
    this.cache.set(key, value);
  }

  get size(): number {
    return this.cache.keys().length;
  }

  close(): void {
    this.cache.flushAll();
    this.cache.close();
  }
}
