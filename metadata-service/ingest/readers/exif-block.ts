import exifr from 'exifr';
import { exifTiff } from '../../../common/images/jpeg-segments';

/** What Photo Frame uses from EXIF (IFD0, Exif IFD, GPS IFD). Raw values; callers validate. */
export interface ExifFacts {
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  createDate?: string;
  offsetTimeDigitized?: string;
  orientation?: number;
  gps: { latitude: number; longitude: number } | null;
  make: string | null;
  model: string | null;
  /** IFD0 Rating (Windows writes it alongside xmp:Rating). */
  rating?: number;
  userComment?: string;
  /** Exif LensModel: phones name the camera that took the photo ("iPhone 13 front camera 2.71mm f/2.2"). */
  lensModel?: string;
}

/** Raw tags: `reviveValues:false` keeps dates as camera-local text (exifr would shift them by our TZ). */
const EXIFR_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  xmp: false,
  iptc: false,
  icc: false,
  jfif: false,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: true,
  reviveValues: false,
  translateValues: false,
  mergeOutput: true,
} as const;

const NO_EXIF: ExifFacts = { gps: null, make: null, model: null };

/**
 * Parses an EXIF block as sharp returns it (JPEG/WebP/AVIF/HEIF carry `Exif\0\0` + TIFF, PNG and HEIC plain TIFF),
 * or a whole TIFF file. Damaged EXIF must not cost the photo: it yields no facts instead of an error.
 */
export async function parseExif(source: Buffer | string | undefined): Promise<ExifFacts> {
  if (source === undefined) return NO_EXIF;
  let input = source;
  if (Buffer.isBuffer(input)) {
    input = exifTiff(input);
    if (input.length < 8) return NO_EXIF;
  }
  let tags: Record<string, unknown>;
  try {
    const parsed: unknown = await exifr.parse(input, EXIFR_OPTIONS);
    if (typeof parsed !== 'object' || parsed === null) return NO_EXIF;
    tags = parsed as Record<string, unknown>;
  } catch {
    return NO_EXIF;
  }
  return {
    dateTimeOriginal: text(tags.DateTimeOriginal) ?? undefined,
    offsetTimeOriginal: text(tags.OffsetTimeOriginal) ?? undefined,
    createDate: text(tags.CreateDate) ?? undefined,
    offsetTimeDigitized: text(tags.OffsetTimeDigitized) ?? undefined,
    orientation: typeof tags.Orientation === 'number' ? tags.Orientation : undefined,
    gps: gpsFrom(tags.latitude, tags.longitude),
    make: text(tags.Make),
    model: text(tags.Model),
    rating: typeof tags.Rating === 'number' ? tags.Rating : undefined,
    userComment: userCommentText(tags.userComment ?? tags.UserComment),
    lensModel: text(tags.LensModel) ?? undefined,
  };
}

/** Signed decimal degrees in range; 0,0 is what broken GPS modules write, not a photo from the Gulf of Guinea. */
export function gpsFrom(latitude: unknown, longitude: unknown): ExifFacts['gps'] {
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  if (latitude === 0 && longitude === 0) return null;
  return { latitude, longitude };
}

/** EXIF strings are NUL-padded and space-padded by many cameras. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/\u0000/g, '').trim();
  return cleaned.length > 0 ? cleaned : null;
}

/** UserComment is 8 bytes of charset id ("ASCII\0\0\0", "UNICODE\0") then the text. */
function userCommentText(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value) ?? undefined;
  if (!(value instanceof Uint8Array) || value.length <= 8) return undefined;
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const charset = bytes.toString('latin1', 0, 8).replace(/\0/g, '').trim();
  const body = bytes.subarray(8);
  const decoded = charset === 'UNICODE' ? body.toString('utf16le') : body.toString('utf8');
  return text(decoded) ?? undefined;
}
