import type { PhotoRecord } from '../repositories/photo-repository';
import { photoIdFor } from './photo-id';
import type { PhotoMetadata } from './photo-metadata';
import type { SourceFile } from './photo-source';

export interface PhotoRecordInput {
  ownerId: string;
  contentHash: string;
  file: SourceFile;
  sourceRoot: string;
  sourceUri: string;
  metadata: PhotoMetadata;
  ingestedAt: Date;
}

/** What the library stores for one original: its metadata, where it lives, and whose it is. */
export function toPhotoRecord(input: PhotoRecordInput): PhotoRecord {
  const { metadata, file } = input;
  return {
    id: photoIdFor(input.ownerId, input.contentHash),
    ownerId: input.ownerId,
    contentHash: input.contentHash,
    bytes: file.bytes,
    sourceRoot: input.sourceRoot,
    sourcePath: file.path,
    sourceUri: input.sourceUri,
    mediaType: metadata.mediaType,
    width: metadata.width,
    height: metadata.height,
    orientation: metadata.orientation,
    takenLocal: metadata.taken.local,
    takenUtc: metadata.taken.utc,
    takenTimeSource: metadata.taken.source,
    latitude: metadata.gps?.latitude ?? null,
    longitude: metadata.gps?.longitude ?? null,
    cameraMake: metadata.camera.make,
    cameraModel: metadata.camera.model,
    fileMtime: file.modifiedAt.toISOString(),
    ingestedAt: input.ingestedAt.toISOString(),
  };
}
