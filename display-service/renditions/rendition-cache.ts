import type { Logger } from '../../common/logger';
import { BoundedMemoryCache } from './bounded-memory-cache';
import type { DisplayMetrics } from '../metrics/display-metrics';
import type { DiskRenditionStore } from './disk-rendition-store';

export interface RenditionCacheOptions {
  disk: DiskRenditionStore;
  /** Counts where each lookup was answered from (memory, disk, a fresh render). */
  metrics?: DisplayMetrics;
  logger: Logger;
  /** Memory budget for hot renditions, in bytes (default 32 MB: ~250 Echo Show 8 JPEGs). */
  hotBytes?: number;
  hotTtlSeconds?: number;
}

/**
 * 32 MB (~250 Echo Show 8 JPEGs, a few pages of every playing slideshow), not 64: with 50 slideshows starting at
 * once the hot cache filled to its budget and took the display's peak RSS to 339-359 MB between runs against the
 * 350 MB target (npm run bench:display, section 4); a miss here is a disk read, not a render.
 */
export const DEFAULT_HOT_BYTES = 32 * 1024 * 1024;

/**
 * Memory → disk → render, with concurrent requests for the same key sharing one render (a slideshow's first page
 * is often requested by the pre-renderer and the device at the same moment). A fresh render is answered as soon as
 * it is in memory: its disk copy is written behind it (the device that waits for a slideshow's first photo does not
 * also wait for a temp file, a rename and a directory), and close() waits for those writes.
 */
export class RenditionCache {
  private readonly hot: BoundedMemoryCache<Buffer>;
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private readonly persisting = new Set<Promise<void>>();

  constructor(private readonly options: RenditionCacheOptions) {
    this.hot = new BoundedMemoryCache<Buffer>({
      maxWeight: options.hotBytes ?? DEFAULT_HOT_BYTES,
      weigh: (image) => image.length,
      ttlSeconds: options.hotTtlSeconds ?? 3600,
    });
  }

  /** The rendition if it is in memory right now; never touches the disk or renders. */
  peek(key: string): Buffer | undefined {
    return this.hot.get(key);
  }

  getOrRender(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const hot = this.hot.get(key);
    if (hot) {
      this.options.metrics?.cacheHit('memory');
      return Promise.resolve(hot);
    }
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const loading = this.loadOrRender(key, render).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  /** Bytes held in memory (for tests and metrics). */
  get hotBytes(): number {
    return this.hot.weight;
  }

  /** Waits for every disk write started so far (a write that fails is logged, never thrown). */
  async persisted(): Promise<void> {
    while (this.persisting.size > 0) await Promise.all([...this.persisting]);
  }

  /** Lets the disk writes in progress finish, then drops the memory cache. */
  async close(): Promise<void> {
    await this.persisted();
    this.hot.close();
  }

  private async loadOrRender(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const stored = await this.readDisk(key);
    if (stored) {
      this.options.metrics?.cacheHit('disk');
      this.hot.set(key, stored);
      return stored;
    }
    this.options.metrics?.cacheHit('render');
    const image = await render();
    this.hot.set(key, image);
    this.persistBehind(key, image);
    return image;
  }

  private persistBehind(key: string, image: Buffer): void {
    const writing = this.options.disk.put(key, image).catch((error: unknown) => {
      // The image is good; failing to persist it only costs a re-render later.
      this.options.logger.warn('could not persist rendition', { key, error });
    });
    const tracked = writing.finally(() => this.persisting.delete(tracked));
    this.persisting.add(tracked);
  }

  private async readDisk(key: string): Promise<Buffer | undefined> {
    try {
      return await this.options.disk.get(key);
    } catch (error) {
      this.options.logger.warn('could not read persisted rendition; rendering again', { key, error });
      return undefined;
    }
  }
}
