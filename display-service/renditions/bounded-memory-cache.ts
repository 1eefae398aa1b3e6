import NodeCache from 'node-cache';

export interface BoundedMemoryCacheOptions<V> {
  /** Budget for the sum of `weigh(value)` over every entry (bytes for renditions, entries by default). */
  maxWeight: number;
  /** An entry's cost against the budget; 1 by default (a count bound). */
  weigh?: (value: V) => number;
  ttlSeconds: number;
}

/**
 * node-cache (expiry) with a weight budget. node-cache itself only bounds the number of keys and refuses new ones
 * when full (ECACHEFULL); a cache should instead make room, so the least recently used entries are dropped first
 * until the new one fits. An entry heavier than the whole budget is not kept at all. Only a cache: losing an
 * entry costs a reload.
 */
export class BoundedMemoryCache<V> {
  private readonly cache: NodeCache;
  /** Weight per key, in least- to most-recently-used order (a Map keeps insertion order). */
  private readonly weights = new Map<string, number>();
  private totalWeight = 0;
  private readonly weigh: (value: V) => number;

  constructor(private readonly options: BoundedMemoryCacheOptions<V>) {
    this.weigh = options.weigh ?? (() => 1);
    this.cache = new NodeCache({
      stdTTL: options.ttlSeconds,
      checkperiod: Math.max(1, Math.ceil(options.ttlSeconds / 4)),
      // Values are shared immutable buffers/objects; cloning an image on every hit would defeat the cache.
      useClones: false,
    });
    // Expiry and explicit deletes both end here, so the budget never counts entries that are gone.
    this.cache.on('del', (key: string) => this.forget(key));
  }

  get(key: string): V | undefined {
    const value = this.cache.get<V>(key);
    const weight = this.weights.get(key);
    if (value !== undefined && weight !== undefined) {
      this.weights.delete(key);
      this.weights.set(key, weight);
    }
    return value;
  }

  set(key: string, value: V): void {
    const weight = this.weigh(value);
    if (this.cache.has(key)) this.cache.del(key);
    if (weight > this.options.maxWeight) return;
    for (const oldest of this.weights.keys()) {
      if (this.totalWeight + weight <= this.options.maxWeight) break;
      this.cache.del(oldest);
    }
    this.cache.set(key, value);
    this.weights.set(key, weight);
    this.totalWeight += weight;
  }

  get size(): number {
    return this.weights.size;
  }

  /** The sum of the entries' weights (bytes, for renditions). */
  get weight(): number {
    return this.totalWeight;
  }

  close(): void {
    this.cache.flushAll();
    this.cache.close();
    this.weights.clear();
    this.totalWeight = 0;
  }

  private forget(key: string): void {
    const weight = this.weights.get(key);
    if (weight === undefined) return;
    this.weights.delete(key);
    this.totalWeight -= weight;
  }
}
