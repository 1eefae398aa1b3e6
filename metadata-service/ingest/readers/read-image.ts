import { open, readFile } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import { decodeHeic } from '../../../common/images/decode-heic';
import { perceptualHash, perceptualHashOfRgba } from '../perceptual-hash';
import { IngestSkip, MAX_PIXELS } from '../skip-reasons';
import { parseExif } from './exif-block';
import { extendedXmpOf } from './extended-xmp';
import { readJpegHeader } from '../../../common/images/jpeg-segments';
import type { ImageFacts } from './image-facts';
import { parseIptc } from './iptc';
import type { ImageFamily } from './sniff-format';
import { parseXmp } from './xmp';

/**
 * When the pixels are decoded: 'now' (one small decode here proves the data complete and yields the perceptual
 * hash), or 'later' (header segments only; a full run's hash stage, ingest/hash-stage/, decodes the photo after it
 * is stored and removes it as UNREADABLE_IMAGE if the decode fails: issue #16, ingest at 1000 photos/s).
 */
export type PerceptualHashTiming = 'now' | 'later';

/**
 * One still image: the header first (limits are checked before any pixel is decoded), then, unless the hash is
 * left for later, one small decode that both proves the data is complete and yields the perceptual hash, then the
 * embedded EXIF/XMP/IPTC blocks.
 * HEIF holding HEVC is decoded by heic-decode (wasm libheif): sharp's libheif reads its header but not its pixels.
 */
export async function readImage(
  absolutePath: string,
  format: { family: ImageFamily; mediaType: string },
  content?: Buffer,
  hashTiming: PerceptualHashTiming = 'now',
): Promise<ImageFacts> {
  // The bytes already read for the content hash, when the caller kept them: no second read of the file.
  const input = content ?? absolutePath;
  const header = await readHeader(input, format, hashTiming);
  if (!header.width || !header.height) {
    throw new IngestSkip('UNREADABLE_IMAGE', `${format.mediaType} header has no size`);
  }
  if (header.width * header.height > MAX_PIXELS) {
    throw new IngestSkip(
      'TOO_MANY_PIXELS',
      `${header.width}x${header.height} exceeds ${MAX_PIXELS / 1_000_000} MP`,
    );
  }

  const isHeif = format.family === 'heif' || format.family === 'avif';
  // libheif reports the displayed size of a HEIF in its header, as heic-decode decodes it.
  const pixels: DecodedPixels =
    hashTiming === 'later'
      ? { width: header.width, height: header.height, hash: null }
      : await decodePixels(input, format.family, header.compression, header);

  // libheif applies HEIF's own rotation (irot/imir) when it reports and decodes the image, so the size is already
  // the displayed one and the EXIF Orientation tag (kept only for information in HEIF) must not be applied again.
  const exif = await parseExif(format.family === 'tiff' ? input : header.exif);
  // libvips reads the same IFD0 Orientation tag from the same EXIF block.
  const orientation = isHeif
    ? 1
    : validOrientation(header.fromSegments ? exif.orientation : header.orientation);
  const swapped = orientation >= 5;
  return {
    mediaType: isHeif && header.compression === 'av1' ? 'image/avif' : format.mediaType,
    width: swapped ? pixels.height : pixels.width,
    height: swapped ? pixels.width : pixels.height,
    orientation,
    // libvips reports every format's channels; three (colour) if a header somehow had none.
    channels: header.channels ?? 3,
    perceptualHash: pixels.hash,
    exif,
    xmp: parseXmp(header.xmp, await extendedXmp(format.family, input, header.xmp)),
    iptc: parseIptc(header.iptc),
  };
}

type ImageHeader = Pick<
  Metadata,
  'width' | 'height' | 'orientation' | 'compression' | 'exif' | 'xmp' | 'iptc'
> & {
  /** Colour channels as encoded (libvips' count, or the JPEG frame's components). */
  channels?: number;
  /** Read from the JPEG's segments here (its orientation is the EXIF block's), not by libvips. */
  fromSegments?: boolean;
};

/**
 * The size and metadata blocks. A JPEG in memory whose decode is left for later is read from its segments
 * (jpeg-segments.ts: no libvips round trip on the metadata pass); anything else, or a JPEG whose segments are not
 * plain, by libvips, as before.
 */
async function readHeader(
  input: Buffer | string,
  format: { family: ImageFamily; mediaType: string },
  hashTiming: PerceptualHashTiming,
): Promise<ImageHeader> {
  if (hashTiming === 'later' && format.family === 'jpeg' && Buffer.isBuffer(input)) {
    const segments = readJpegHeader(input);
    if (segments) return { ...segments, fromSegments: true };
  }
  // Reading the header decodes nothing, so sharp's own pixel limit must not stop it: we refuse with our code after.
  return sharp(input, { limitInputPixels: false })
    .metadata()
    .catch((cause: unknown) => {
      throw new IngestSkip('UNREADABLE_IMAGE', `${format.mediaType} header is unreadable`, { cause });
    });
}

/** Bytes of a JPEG's head searched for extended XMP when the original was not kept in memory. */
const JPEG_HEAD_BYTES = 4 * 1024 * 1024;

/** A JPEG's extended XMP, looked for only when its main packet says there is one (xmpNote:HasExtendedXMP). */
async function extendedXmp(
  family: ImageFamily,
  input: Buffer | string,
  main: Buffer | undefined,
): Promise<string | undefined> {
  if (family !== 'jpeg' || !main?.includes('HasExtendedXMP')) return undefined;
  if (Buffer.isBuffer(input)) return extendedXmpOf(input);
  const file = await open(input, 'r').catch(() => undefined);
  if (!file) return undefined;
  try {
    const head = Buffer.alloc(JPEG_HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, JPEG_HEAD_BYTES, 0);
    return extendedXmpOf(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

interface DecodedPixels {
  /** Stored size, before orientation. */
  width: number;
  height: number;
  /** Null when the decode is left for the hash stage. */
  hash: string | null;
}

/**
 * The perceptual hash of an image's bytes, by the same decode ingest has always made: IngestSkip UNREADABLE_IMAGE
 * (with the same reasons) when the data is broken or truncated, TOO_MANY_PIXELS past the limit.
 */
export async function decodePerceptualHash(
  content: Buffer,
  format: { family: ImageFamily; mediaType: string },
): Promise<string> {
  // Only a HEIF needs its header first (HEVC goes to heic-decode); the header read is another libvips round trip.
  if (format.family !== 'heif') {
    try {
      return (await decodeWithSharp(content, { width: 0, height: 0 })).hash;
    } catch (error) {
      // A header libvips cannot read is reported as the metadata read reports it.
      await sizedHeader(content, format);
      throw error;
    }
  }
  const header = await sizedHeader(content, format);
  const size = { width: header.width, height: header.height };
  return (await decodePixels(content, format.family, header.compression, size)).hash;
}

async function sizedHeader(
  content: Buffer,
  format: { family: ImageFamily; mediaType: string },
): Promise<ImageHeader & { width: number; height: number }> {
  const header = await readHeader(content, format, 'now');
  const { width, height } = header;
  if (!width || !height) throw new IngestSkip('UNREADABLE_IMAGE', `${format.mediaType} header has no size`);
  return { ...header, width, height };
}

function decodePixels(
  input: Buffer | string,
  family: ImageFamily,
  compression: Metadata['compression'],
  size: { width: number; height: number },
): Promise<DecodedPixels & { hash: string }> {
  return family === 'heif' && compression === 'hevc' ? decodeHevc(input) : decodeWithSharp(input, size);
}

async function decodeWithSharp(
  input: Buffer | string,
  size: { width: number; height: number },
): Promise<DecodedPixels & { hash: string }> {
  try {
    const hash = await perceptualHash(
      sharp(input, { failOn: 'truncated', limitInputPixels: MAX_PIXELS }).autoOrient(),
    );
    return { ...size, hash };
  } catch (cause) {
    throw new IngestSkip('UNREADABLE_IMAGE', 'image data is broken or truncated', { cause });
  }
}

async function decodeHevc(input: Buffer | string): Promise<DecodedPixels & { hash: string }> {
  try {
    const decoded = await decodeHeic(typeof input === 'string' ? await readFile(input) : input);
    const hash = await perceptualHashOfRgba(decoded.data, decoded.width, decoded.height);
    return { width: decoded.width, height: decoded.height, hash };
  } catch (cause) {
    throw new IngestSkip('UNREADABLE_IMAGE', 'HEIC data is broken or truncated', { cause });
  }
}

function validOrientation(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8 ? value : 1;
}
