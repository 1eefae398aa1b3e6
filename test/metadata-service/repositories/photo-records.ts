import type { LabelRecord, PhotoRecord } from '../../../metadata-service/repositories/photo-repository';

/** A stored-photo record with plain defaults; tests override only what they are about. */
export function photoRecord(ownerId: string, id: string, overrides: Partial<PhotoRecord> = {}): PhotoRecord {
  const takenLocal = overrides.takenLocal === undefined ? '2026-07-14T10:00:00' : overrides.takenLocal;
  return {
    id,
    ownerId,
    contentHash: `${id}-hash`,
    bytes: 1234,
    sourceRoot: '/photos',
    sourcePath: `${id}.jpg`,
    sourceUri: `file:///photos/${id}.jpg`,
    mediaType: 'image/jpeg',
    mediaKind: 'photo',
    width: 3000,
    height: 2000,
    orientation: 1,
    durationMs: null,
    takenLocal,
    takenUtc: null,
    takenTimeSource: takenLocal === null ? 'file-modified' : 'exif-local-only',
    timeZone: null,
    timeZoneSource: null,
    latitude: null,
    longitude: null,
    place: null,
    cameraMake: null,
    cameraModel: null,
    title: null,
    description: null,
    favorite: false,
    rating: null,
    isScreenshot: false,
    perceptualHash: null,
    people: [],
    albums: [],
    fileMtime: '2026-01-01T00:00:00.000Z',
    ingestedAt: '2026-11-25T12:00:00.000Z',
    ...overrides,
  };
}

export const keywords = (...names: string[]): LabelRecord[] =>
  names.map((label) => ({ label, source: 'keyword', confidence: 1 }));
