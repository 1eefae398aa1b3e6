import type { LibraryApi } from '../../common/clients/library-client';
import type { PhotoSummary } from '../../common/contracts';
import { captionFor, describeAll } from './captions';
import { arrangeItems, type Arranged } from './pair-portraits';
import type { ItemPhotoIds, SlideshowEntry } from './slideshow';

/**
 * Ordered photos → numbered items from `startIndex`: portrait pairs when `pairing` is on, and a caption for each
 * item from the library's caption facts, fetched here once so paging never has to ask the library again.
 */
export async function buildEntries(
  library: LibraryApi,
  ownerId: string,
  photos: readonly PhotoSummary[],
  options: { pairing: boolean; startIndex: number },
): Promise<SlideshowEntry[]> {
  const items = arrangeItems(photos, options.pairing);
  const described = await describeAll(
    library,
    ownerId,
    photos.map((photo) => photo.id),
  );
  return items.map((item, offset) => ({
    index: options.startIndex + offset,
    photoIds: idsOf(item),
    takenLocal: item[0].takenLocal,
    caption: captionFor(item, described),
    ...(item[0].mediaKind === 'video' ? { clip: { durationMs: item[0].durationMs ?? null } } : {}),
    ...(item.length === 1 && item[0].motion ? { motion: { durationMs: item[0].motion.durationMs } } : {}),
  }));
}

function idsOf(item: Arranged): ItemPhotoIds {
  return item.length === 1 ? [item[0].id] : [item[0].id, item[1].id];
}
