import type { LibraryApi } from '../../common/clients/library-client';
import { MAX_SEARCH_PAGE, type PhotoQuery, type PhotoSummary } from '../../common/contracts';

/** A slideshow never holds more than this; at 10 s a photo that is over a day of pictures. */
export const MAX_SLIDESHOW_PHOTOS = 10_000;

/**
 * Pages through the library's search (MAX_SEARCH_PAGE at a time) in the library's order, up to `maxPhotos`,
 * following its cursors: a photo ingested while we page can neither be counted twice nor push another one out.
 */
export async function collectMatchingPhotos(
  library: LibraryApi,
  ownerId: string,
  query: PhotoQuery,
  maxPhotos = MAX_SLIDESHOW_PHOTOS,
): Promise<PhotoSummary[]> {
  const photos: PhotoSummary[] = [];
  let cursor: string | undefined;
  while (photos.length < maxPhotos) {
    const limit = Math.min(MAX_SEARCH_PAGE, maxPhotos - photos.length);
    const page = await library.search(ownerId, { query, limit, ...(cursor === undefined ? {} : { cursor }) });
    photos.push(...page.photos.slice(0, limit));
    if (page.nextCursor === undefined || page.photos.length === 0) break;
    cursor = page.nextCursor;
  }
  return photos;
}
