import type { PhotoFacts, PhotoSummary } from '../../common/contracts';

/**
 * The facts of a photo that carries nothing but its summary and keywords: what a LibraryApi double answers when
 * the display under test only needs the original's location (display tests and the display bench).
 */
export function barePhotoFacts(summary: PhotoSummary, keywords: readonly string[] = []): PhotoFacts {
  return {
    ...summary,
    takenUtc: null,
    takenTimeSource: 'file-modified',
    timeZone: null,
    timeZoneSource: null,
    mediaKind: 'photo',
    durationMs: null,
    gps: null,
    place: null,
    camera: null,
    title: null,
    description: null,
    favorite: false,
    rating: null,
    labels: keywords.map((name) => ({ name, source: 'keyword', confidence: 1 })),
    people: [],
    albums: [],
    duplicateGroupId: null,
    hidden: false,
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
}
