import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureAcceptanceLibrary } from '../../eval/build-library';
import { writeTwelveMegapixelJpegs } from '../display/fixtures';

/** Camera-sized originals next to the real photographs, so cold renditions cost what a phone's photos cost. */
const TWELVE_MEGAPIXEL_FILES = 6;

/**
 * The PHOTOS_DIR the bench serves: the acceptance eval's library (real photographs from Debian packages laid out
 * as Takeout, Lightroom, Apple Photos, phone and camera exports, HEIC and videos included; fetched and built once,
 * cached under ~/.cache/photo-frame) copied into `dir`, plus a few 12 MP JPEGs from the display bench's fixtures.
 * Returns the folder and a one-line description of it.
 */
export async function buildPhotoFolder(dir: string): Promise<{ root: string; description: string }> {
  const library = await ensureAcceptanceLibrary();
  const root = join(dir, 'photos');
  await cp(library.root, root, { recursive: true });
  await rm(join(root, '.complete'), { force: true });
  await writeTwelveMegapixelJpegs(join(root, 'Camera 12MP'), TWELVE_MEGAPIXEL_FILES);
  return {
    root,
    description: `acceptance library ${library.hash} (real photographs in export layouts) + ${TWELVE_MEGAPIXEL_FILES} photo-like 12 MP JPEGs`,
  };
}
