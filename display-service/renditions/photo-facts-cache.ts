import type { LibraryApi } from '../../common/clients/library-client';
import type { PhotoFacts } from '../../common/contracts';
import { AppError } from '../../common/errors';
import { BoundedMemoryCache } from './bounded-memory-cache';

/**
 * Photo facts from the library, kept briefly: a slideshow asks for the same photos in bursts, and a minute-old
 * content hash is at worst one stale rendition until the next lookup. A hidden photo is answered as a missing one,
 * so rendition URLs signed before it was hidden stop working, as they do once it is deleted: at once where the
 * library says so (forget(), in the embedded stack), else within that minute.
 */
export class PhotoFactsCache {
  private readonly cache = new BoundedMemoryCache<PhotoFacts>({ maxWeight: 10_000, ttlSeconds: 60 });

  constructor(private readonly library: LibraryApi) {}

  async get(ownerId: string, photoId: string): Promise<PhotoFacts> {
    const key = factsKey(ownerId, photoId);
    let facts = this.cache.get(key);
    if (!facts) {
      facts = await this.library.getPhoto(ownerId, photoId);
      this.cache.set(key, facts);
    }
    if (facts.hidden) {
      throw new AppError({ status: 404, code: 'PHOTO_NOT_FOUND', publicMessage: 'Photo not found' });
    }
    return facts;
  }

  /** The photo changed in the library (hidden, a label or face removed): the next lookup asks again. */
  forget(ownerId: string, photoId: string): void {
    this.cache.delete(factsKey(ownerId, photoId));
  }

  close(): void {
    this.cache.close();
  }
}

/** NUL cannot appear in either id, so the pair is unambiguous. */
function factsKey(ownerId: string, photoId: string): string {
  return `${ownerId}\u0000${photoId}`;
}
