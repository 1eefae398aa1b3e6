import { basename } from 'node:path';
import type { PhotoMetadata } from './photo-metadata';
import { readPhotoMetadata } from './readers/read-photo-metadata';

export { readPhotoMetadata } from './readers/read-photo-metadata';

/**
 * @deprecated The walking skeleton's JPEG-only reader; every format now goes through readPhotoMetadata (kept for
 * callers that have not moved yet, e.g. the demo library test).
 */
export function readJpegMetadata(absolutePath: string, modifiedAt: Date): Promise<PhotoMetadata> {
  return readPhotoMetadata({ absolutePath, fileName: basename(absolutePath), modifiedAt });
}
