import { open } from 'node:fs/promises';
import exifr from 'exifr';
import { exifTiff, readJpegHeader } from '../../../common/images/jpeg-segments';
import type { SourceProbe } from './context';

/** Enough for a phone's or camera's header segments (EXIF with its thumbnail, XMP, ICC) up to the scan. */
const HEAD_BYTES = 256 * 1024;

/**
 * A JPEG's probe read from its header segments (common/images/jpeg-segments.ts) and its EXIF orientation (exifr),
 * without libvips. Measured reason: sharp.metadata() cost ~2.2 ms of CPU per cold render (libvips opens the file,
 * parses the EXIF and sharp copies every metadata block into the result), which the decode then does again; this
 * costs ~0.1 ms (npm run bench:display, "in-process stages"). Undefined whenever the file is not a plain JPEG head
 * (another format, a header past HEAD_BYTES, unusual segments, EXIF exifr cannot read): the caller asks libvips,
 * so anything unusual is probed exactly as before. A header read here is no proof the image decodes; the decode
 * stage's is.
 */
export async function probeJpeg(input: Buffer | string): Promise<SourceProbe | undefined> {
  const head = Buffer.isBuffer(input) ? input.subarray(0, HEAD_BYTES) : await readHead(input);
  if (head === undefined || head[0] !== 0xff || head[1] !== 0xd8) return undefined;
  const header = readJpegHeader(head);
  if (header === undefined) return undefined;
  const orientation = header.exif === undefined ? 1 : await orientationOf(header.exif);
  if (orientation === undefined) return undefined;
  // Orientations 5-8 turn the picture a quarter: the displayed width is the stored height.
  const swapped = orientation >= 5 && orientation <= 8;
  return {
    width: swapped ? header.height : header.width,
    height: swapped ? header.width : header.height,
    format: 'jpeg',
    hasAlpha: false,
    needsHeicDecoder: false,
  };
}

/** The file's first HEAD_BYTES, or undefined when it cannot be read here (libvips then reports why). */
async function readHead(path: string): Promise<Buffer | undefined> {
  let file;
  try {
    file = await open(path, 'r');
    const head = Buffer.allocUnsafe(HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } catch {
    return undefined;
  } finally {
    await file?.close();
  }
}

/** IFD0's Orientation (1 when absent or out of range, as libvips treats it); undefined when the EXIF is unreadable. */
async function orientationOf(exif: Buffer): Promise<number | undefined> {
  try {
    const orientation: unknown = await exifr.orientation(exifTiff(exif));
    return typeof orientation === 'number' && orientation >= 1 && orientation <= 8 ? orientation : 1;
  } catch {
    return undefined;
  }
}
