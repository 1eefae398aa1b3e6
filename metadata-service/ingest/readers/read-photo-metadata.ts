import { open } from 'node:fs/promises';
import type { Logger } from '../../../common/logger';
import {
  captureTimeFromExif,
  captureTimeFromFileModified,
  captureTimeFromInstant,
  captureTimeFromIso,
  captureTimeWithOffset,
  localCaptureTime,
  type CaptureTime,
} from '../exif-dates';
import { hierarchicalKeywordPeople } from '../photo-labels';
import type { PhotoMetadata } from '../photo-metadata';
import { applyTakeoutSidecar, parseTakeoutSidecar } from '../sidecars/takeout';
import { applyXmpSidecar } from '../sidecars/xmp-sidecar';
import { IngestSkip } from '../skip-reasons';
import type { ImageFacts } from './image-facts';
import { readImage, type PerceptualHashTiming } from './read-image';
import { readVideo, type VideoFacts } from './read-video';
import { sniffFormat, SNIFF_BYTES } from './sniff-format';

export interface ReadPhotoInput {
  absolutePath: string;
  /** The file's bytes when the caller already holds them (read once for the content hash); images use them. */
  content?: Buffer;
  /** The original's own name (screenshots are often only recognisable by it). Never used to guess the format. */
  fileName: string;
  /** The file's mtime: the capture time of last resort. */
  modifiedAt: Date;
  /** The parsed JSON of its Google Takeout sidecar, if one was found; validated here. */
  sidecar?: unknown;
  /** The text of its XMP sidecar (`IMG_1.xmp`, `IMG_1.HEIC.xmp`), if one was found. */
  xmpSidecar?: string;
  /** Album names from the folder's Takeout `metadata.json`. */
  folderAlbums?: string[];
  /** Where an ignored (invalid) sidecar is reported. */
  logger?: Logger;
  /** 'later': header segments only, the perceptual hash is left null for the hash stage (default 'now'). */
  perceptualHash?: PerceptualHashTiming;
}

/**
 * Everything ingest learns from one original. The content is sniffed (never the extension) and read by one reader
 * per family; then the capture time is settled, the Takeout sidecar merged and screenshots recognised. Content
 * problems throw IngestSkip with a stable code; unreadable metadata never does (the photo is dated by its file).
 */
export async function readPhotoMetadata(input: ReadPhotoInput): Promise<PhotoMetadata> {
  const format = sniffFormat(
    input.content === undefined ? await readHead(input.absolutePath) : input.content.subarray(0, SNIFF_BYTES),
  );
  let metadata: PhotoMetadata;
  switch (format.kind) {
    case 'empty':
      throw new IngestSkip('EMPTY_FILE', 'file is empty');
    case 'unknown':
      throw new IngestSkip('NOT_AN_IMAGE', 'content is not a photo or video');
    case 'unsupported':
      throw new IngestSkip('UNSUPPORTED_FORMAT', `content is ${format.name}, not a supported photo or video`);
    case 'image':
      metadata = fromImage(
        await readImage(input.absolutePath, format, input.content, input.perceptualHash),
        input.modifiedAt,
      );
      break;
    case 'video':
      metadata = fromVideo(await readVideo(input.absolutePath, format.mediaType), input.modifiedAt);
      break;
  }

  if (input.xmpSidecar !== undefined) metadata = applyXmpSidecar(metadata, input.xmpSidecar);
  if (input.sidecar !== undefined) {
    const sidecar = parseTakeoutSidecar(input.sidecar);
    if (sidecar.ok) metadata = applyTakeoutSidecar(metadata, sidecar.value);
    else input.logger?.warn('takeout sidecar ignored', { file: input.fileName, reason: sidecar.reason });
  }
  const albums = [...metadata.albums, ...(input.folderAlbums ?? [])];
  return {
    ...metadata,
    albums: [...new Set(albums)],
    isScreenshot: metadata.isScreenshot || isScreenshotName(input.fileName),
  };
}

async function readHead(absolutePath: string): Promise<Buffer> {
  try {
    const file = await open(absolutePath, 'r');
    try {
      const head = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch (cause) {
    throw new IngestSkip('UNREADABLE_FILE', 'file could not be read', { cause });
  }
}

function fromImage(facts: ImageFacts, modifiedAt: Date): PhotoMetadata {
  const { exif, xmp, iptc } = facts;
  // Editors that strip EXIF may keep the position in XMP (exif:GPSLatitude): the EXIF block still wins.
  const gps = exif.gps ?? xmp.gps ?? null;
  const taken =
    captureTimeFromExif(exif.dateTimeOriginal, exif.offsetTimeOriginal, gps) ??
    captureTimeFromExif(exif.createDate, exif.offsetTimeDigitized, gps) ??
    captureTimeFromIso(xmp.dateCreated, gps) ??
    captureTimeFromFileModified(modifiedAt);
  const rating = validRating(xmp.rating ?? exif.rating);
  const userComment = exif.userComment ?? xmp.userComment;
  return {
    mediaType: facts.mediaType,
    mediaKind: 'photo',
    width: facts.width,
    height: facts.height,
    orientation: facts.orientation,
    durationMs: null,
    taken,
    gps,
    camera: { make: exif.make, model: exif.model },
    keywords: [...new Set([...xmp.keywords, ...iptc.keywords])],
    title: xmp.title ?? iptc.objectName ?? null,
    description: xmp.description ?? iptc.caption ?? null,
    people: [...new Set([...xmp.people, ...hierarchicalKeywordPeople(xmp.hierarchicalKeywords)])],
    favorite: rating === 5,
    rating,
    albums: xmp.albums,
    perceptualHash: facts.perceptualHash,
    // iOS marks screenshots with a "Screenshot" user comment; a camera never does, so only trust it without one.
    isScreenshot:
      (facts.mediaType === 'image/png' || exif.make === null) &&
      /^screenshot$/i.test(userComment?.trim() ?? ''),
    location: Object.keys(xmp.location).length > 0 ? xmp.location : iptc.location,
    hierarchicalKeywords: xmp.hierarchicalKeywords,
    capture: {
      lens: exif.lensModel ?? xmp.lens ?? null,
      projection: xmp.projection ?? null,
      greyscale: facts.channels <= 2,
    },
  };
}

function fromVideo(facts: VideoFacts, modifiedAt: Date): PhotoMetadata {
  return {
    mediaType: facts.mediaType,
    mediaKind: 'video',
    width: facts.width,
    height: facts.height,
    orientation: 1,
    durationMs: facts.durationMs,
    taken: videoCaptureTime(facts) ?? captureTimeFromFileModified(modifiedAt),
    gps: facts.gps,
    camera: { make: facts.make, model: facts.model },
    keywords: [],
    title: null,
    description: null,
    people: [],
    favorite: false,
    rating: null,
    albums: [],
    perceptualHash: null,
    isScreenshot: false,
    location: {},
    hierarchicalKeywords: [],
    capture: { lens: null, projection: null, greyscale: false },
  };
}

/**
 * The phone's own creation date carries the local time and its offset; the movie header only the UTC instant,
 * which the GPS zone turns into local time. A creation date without an offset is placed like an EXIF local time.
 */
function videoCaptureTime(facts: VideoFacts): CaptureTime | undefined {
  const created = facts.createdLocal;
  if (created?.offsetMinutes !== undefined) {
    return captureTimeWithOffset(created.local, created.offsetMinutes, 'video-container');
  }
  if (facts.createdUtcMs !== null)
    return captureTimeFromInstant(facts.createdUtcMs, 'video-container', facts.gps);
  if (created) return { ...localCaptureTime(created.local, facts.gps), source: 'video-container' };
  return undefined;
}

function validRating(value: number | undefined): number | null {
  return value !== undefined && Number.isInteger(value) && value >= -1 && value <= 5 ? value : null;
}

/** File names phones and desktops give screen captures: "Screenshot_2024…", "Screen Shot 2019-…", "Screen Recording…". */
const SCREENSHOT_NAME = /(^|[^a-z])(screenshot|screen[ _-]?shot|screen[ _-]?recording)/i;

export function isScreenshotName(fileName: string): boolean {
  return SCREENSHOT_NAME.test(fileName);
}
