import type { LibraryApi } from '../../common/clients/library-client';
import type { PhotoCaptionFacts, PhotoSummary, SlideshowCaption } from '../../common/contracts';

/** The library answers describePhotos for at most this many ids at once. */
export const DESCRIBE_BATCH = 1000;

/** Caption facts for every id, asked in batches of DESCRIBE_BATCH; ids the library leaves out are simply absent. */
export async function describeAll(
  library: LibraryApi,
  ownerId: string,
  photoIds: readonly string[],
): Promise<Map<string, PhotoCaptionFacts>> {
  const described = new Map<string, PhotoCaptionFacts>();
  for (let start = 0; start < photoIds.length; start += DESCRIBE_BATCH) {
    const batch = photoIds.slice(start, start + DESCRIBE_BATCH);
    for (const facts of await library.describePhotos(ownerId, batch)) described.set(facts.id, facts);
  }
  return described;
}

/**
 * One item's caption: for a single photo its own facts; for a pair the earliest date, the place only when both
 * were taken there, and everyone in either photo (left photo's people first, each name once).
 */
export function captionFor(
  photos: readonly PhotoSummary[],
  described: ReadonlyMap<string, PhotoCaptionFacts>,
): SlideshowCaption {
  const facts = photos.map(
    (photo) => described.get(photo.id) ?? { takenLocal: photo.takenLocal, place: null, people: [] },
  );
  const dates = facts.flatMap((f) => (f.takenLocal === null ? [] : [f.takenLocal])).sort();
  const [first, ...others] = facts;
  const place =
    first?.place && others.every((other) => samePlace(other.place, first.place)) ? first.place : null;
  return {
    takenLocal: dates[0] ?? null,
    place: place && { city: place.city, region: place.region, country: place.country },
    people: [...new Set(facts.flatMap((f) => f.people))],
  };
}

function samePlace(a: PhotoCaptionFacts['place'], b: PhotoCaptionFacts['place']): boolean {
  return a !== null && b !== null && a.city === b.city && a.region === b.region && a.country === b.country;
}
