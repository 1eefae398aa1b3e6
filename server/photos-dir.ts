import { statSync } from 'node:fs';
import { isS3Location } from '../metadata-service/ingest/source-for';

/**
 * Refuses to start on a PHOTOS_DIR that is not a folder: a typo would otherwise serve an empty library behind a
 * normal-looking banner. An s3:// location is checked by its first ingest (the bucket may be reachable only later).
 */
export function assertPhotosDirExists(photosDir: string | undefined): void {
  if (photosDir === undefined || isS3Location(photosDir)) return;
  let isFolder: boolean;
  try {
    isFolder = statSync(photosDir).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`PHOTOS_DIR ${photosDir} does not exist or cannot be read (${code})`);
  }
  if (!isFolder) throw new Error(`PHOTOS_DIR ${photosDir} is not a folder`);
}
