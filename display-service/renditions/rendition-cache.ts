import type { Logger } from '../../common/logger';
import { BoundedMemoryCache } from './bounded-memory-cache';
import type { DiskRenditionStore } from './disk-rendition-store';

export interface RenditionCacheOptions {
  disk: DiskRenditionStore;
  logger: Logger;
  hotItems?: number;
  hotTtlSeconds?: number;
}

/**
 * Memory → disk → render, with concurrent requests for the same key sharing one render (a slideshow's first page
 * is often requested by the pre-renderer and the device at the same moment).
 */
export class RenditionCache {
  private readonly hot: BoundedMemoryCache<Buffer>;
  private readonly inFlight = new Map<string, Promise<Buffer>>();

  constructor(private readonly options: RenditionCacheOptions) {
    this.hot = new BoundedMemoryCache({
      maxItems: options.hotItems ?? 256,
      ttlSeconds: options.hotTtlSeconds ?? 3600,
    });
  }

  getOrRender(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const hot = this.hot.get(key);
    if (hot) return Promise.resolve(hot);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const loading = this.loadOrRender(key, render).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  close(): void {
    this.hot.close();
  }

  private async loadOrRender(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const stored = await this.readDisk(key);
    if (stored) {
      this.hot.set(key, stored);
      return stored;
    }
    const jpeg = await render();
    this.hot.set(key, jpeg);
    try {
      await this.options.disk.put(key, jpeg);
    } catch (error) {
      // The image is good; failing to persist it only costs a re-render later.
      this.options.logger.warn('could not persist rendition', { key, error });
    }
    return jpeg;
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
