import exifr from 'exifr';
import sharp from 'sharp';
import { captureTimeFromExif, captureTimeFromFileModified } from './exif-dates';
import type { PhotoMetadata } from './photo-metadata';
import { IngestSkip, MAX_PIXELS } from './skip-reasons';

/** Tags we read, raw: `reviveValues:false` keeps dates as camera-local text (exifr would shift them by our TZ). */
const EXIFR_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  xmp: true,
  iptc: true,
  icc: false,
  jfif: false,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  reviveValues: false,
  translateValues: false,
  mergeOutput: true,
} as const;

/** Decoding a small shrink-on-load copy reads the whole entropy stream, so truncation shows up cheaply. */
const DECODE_CHECK_EDGE = 64;

/**
 * Reads one JPEG's size, orientation and embedded metadata (EXIF, GPS, XMP, IPTC) with sharp + exifr. Limits are
 * checked from the header before any pixel is decoded; broken content throws IngestSkip with a stable code.
 */
export async function readJpegMetadata(absolutePath: string, modifiedAt: Date): Promise<PhotoMetadata> {
  const header = await sharp(absolutePath)
    .metadata()
    .catch((cause: unknown) => {
      throw new IngestSkip('NOT_AN_IMAGE', 'content is not a readable image', { cause });
    });
  if (header.format !== 'jpeg') {
    throw new IngestSkip('UNSUPPORTED_FORMAT', `content is ${header.format}, not JPEG`);
  }
  if (header.width * header.height > MAX_PIXELS) {
    throw new IngestSkip(
      'TOO_MANY_PIXELS',
      `${header.width}x${header.height} exceeds ${MAX_PIXELS / 1_000_000} MP`,
    );
  }
  try {
    await sharp(absolutePath, { failOn: 'truncated', limitInputPixels: MAX_PIXELS })
      .resize(DECODE_CHECK_EDGE, DECODE_CHECK_EDGE, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch (cause) {
    throw new IngestSkip('UNREADABLE_IMAGE', 'JPEG data is broken or truncated', { cause });
  }

  // Damaged metadata must not cost the photo: without tags it is still a photo, dated by its file.
  const tags = await readTags(absolutePath);
  const orientation = validOrientation(header.orientation ?? tags.Orientation);
  const swapped = orientation >= 5;
  return {
    mediaType: 'image/jpeg',
    width: swapped ? header.height : header.width,
    height: swapped ? header.width : header.height,
    orientation,
    taken:
      captureTimeFromExif(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ??
      captureTimeFromExif(tags.CreateDate, tags.OffsetTimeDigitized) ??
      captureTimeFromFileModified(modifiedAt),
    gps: gpsFrom(tags.latitude, tags.longitude),
    camera: { make: cleanText(tags.Make), model: cleanText(tags.Model) },
    keywords: [...textList(tags.subject), ...textList(tags.Keywords)],
    mediaKind: 'photo',
    durationMs: null,
    title: null,
    description: null,
    people: [],
    favorite: false,
    rating: null,
    albums: [],
    perceptualHash: null,
    isScreenshot: false,
  };
}

type Tags = Record<string, unknown>;

async function readTags(absolutePath: string): Promise<Tags> {
  try {
    const parsed: unknown = await exifr.parse(absolutePath, EXIFR_OPTIONS);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Tags) : {};
  } catch {
    return {};
  }
}

function validOrientation(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8 ? value : 1;
}

function gpsFrom(latitude: unknown, longitude: unknown): PhotoMetadata['gps'] {
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

/** EXIF strings are NUL-padded and space-padded by many cameras. */
function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/\u0000/g, '').trim();
  return text.length > 0 ? text : null;
}

/** exifr gives one keyword as a string and several as an array. */
function textList(value: unknown): string[] {
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  return items.map(cleanText).filter((item): item is string => item !== null);
}
