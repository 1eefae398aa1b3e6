import type { LibraryApi } from '../../common/clients/library-client';
import type { PhotoSummary } from '../../common/contracts';
import { BoundedMemoryCache } from './bounded-memory-cache';

/**
 * Photo facts from the library, kept briefly: a slideshow asks for the same photos in bursts, and a minute-old
 * content hash is at worst one stale rendition until the next lookup.
 */
export class PhotoFactsCache {
  private readonly cache = new BoundedMemoryCache<PhotoSummary>({ maxWeight: 10_000, ttlSeconds: 60 });

  constructor(private readonly library: LibraryApi) {}

  async get(ownerId: string, photoId: string): Promise<PhotoSummary> {
    // NUL cannot appear in either id, so the pair is unambiguous.
    const key = `${ownerId}\u0000${photoId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const facts = await this.library.getPhoto(ownerId, photoId);
    this.cache.set(key, facts);
    return facts;
  }

  close(): void {
    this.cache.close();
  }
}
