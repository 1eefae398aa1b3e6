import { open } from 'node:fs/promises';
import { childBoxes } from '../readers/iso-bmff';
import { parseMoov } from '../readers/read-video';
import { rdfStructs, rdfText, readRdf, type RdfStruct } from '../readers/rdf';
import { MAX_MOTION_MS, MotionRefusal } from './motion-part';

const GCAMERA = 'http://ns.google.com/photos/1.0/camera/';
const CONTAINER = 'http://ns.google.com/photos/1.0/container/';
const ITEM = 'http://ns.google.com/photos/1.0/container/item/';

/** A motion photo's video is a few MB (3 s of 1080p); far more is not one we read into memory. */
const MAX_MOTION_PHOTO_VIDEO_BYTES = 64 * 1024 * 1024;

/** Where a motion photo's MP4 sits inside its JPEG: bytes [offset, offset + bytes). */
export interface EmbeddedVideo {
  offset: number;
  bytes: number;
}

/**
 * Where the XMP packet of a JPEG says its appended video is, or undefined when it announces none. Two forms exist:
 * the older `GCamera:MicroVideo` + `GCamera:MicroVideoOffset` (bytes from the end of the file to the video's start)
 * and the newer `Camera:MotionPhoto` with a `Container:Directory` whose items after the primary image are laid out
 * in order at the end of the file (each `Item:Length` bytes, `Item:Padding` before the next). An announced video
 * that does not fit in the file is refused (MOTION_OFFSET_OUTSIDE_FILE): the photo stays, without motion.
 */
export function locateEmbeddedVideo(
  xmp: Buffer | string | undefined,
  fileBytes: number,
): EmbeddedVideo | undefined {
  if (xmp === undefined) return undefined;
  const rdf = readRdf(xmp);
  const directory = rdfStructs(rdf[`${CONTAINER}Directory`]).map(
    (entry): RdfStruct => rdfStructs(entry[`${CONTAINER}Item`])[0] ?? entry,
  );
  const videoAt = directory.findIndex((item) => /^video\//i.test(rdfText(item[`${ITEM}Mime`]) ?? ''));
  if (rdfText(rdf[`${GCAMERA}MotionPhoto`]) === '1' && videoAt > 0) {
    // Items from the video to the end of the file: the video starts that many bytes before the end.
    const fromVideoToEnd = directory.slice(videoAt).reduce((sum, item, at, tail) => {
      const padding = at < tail.length - 1 ? (nonNegative(rdfText(item[`${ITEM}Padding`])) ?? 0) : 0;
      return sum + (nonNegative(rdfText(item[`${ITEM}Length`])) ?? Number.NaN) + padding;
    }, 0);
    const length = nonNegative(rdfText(directory[videoAt]?.[`${ITEM}Length`]));
    return checked(fileBytes - fromVideoToEnd, length, fileBytes);
  }
  if (rdfText(rdf[`${GCAMERA}MicroVideo`]) === '1') {
    const fromEnd = nonNegative(rdfText(rdf[`${GCAMERA}MicroVideoOffset`]));
    return checked(fromEnd === undefined ? Number.NaN : fileBytes - fromEnd, fromEnd, fileBytes);
  }
  return undefined;
}

function checked(offset: number, bytes: number | undefined, fileBytes: number): EmbeddedVideo {
  if (
    bytes === undefined ||
    !Number.isSafeInteger(offset) ||
    offset <= 0 ||
    bytes < 8 ||
    offset + bytes > fileBytes
  ) {
    throw new MotionRefusal(
      'MOTION_OFFSET_OUTSIDE_FILE',
      `announced video (${bytes ?? '?'} bytes at ${offset}) is not inside the ${fileBytes}-byte file`,
    );
  }
  return { offset, bytes };
}

function nonNegative(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,15}$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

/**
 * Reads the embedded video's bytes (from `content` when the caller holds the file, else from disk) and checks it is
 * an MP4 with a movie header: its duration, or a MotionRefusal (MOTION_NOT_MP4, MOTION_UNREADABLE, MOTION_TOO_LONG).
 */
export async function readEmbeddedVideo(
  absolutePath: string,
  video: EmbeddedVideo,
  content?: Buffer,
): Promise<{ durationMs: number | null }> {
  if (video.bytes > MAX_MOTION_PHOTO_VIDEO_BYTES) {
    throw new MotionRefusal(
      'MOTION_UNREADABLE',
      `${video.bytes} bytes is too large for a motion photo's video`,
    );
  }
  const data = content
    ? content.subarray(video.offset, video.offset + video.bytes)
    : await readRange(absolutePath, video);
  if (data.length < 12 || data.toString('latin1', 4, 8) !== 'ftyp') {
    throw new MotionRefusal('MOTION_NOT_MP4', 'no MP4 (ftyp) where the photo says its video starts');
  }
  const { boxes } = childBoxes(data, 0, data.length);
  const moov = boxes.find((box) => box.type === 'moov');
  if (!moov) throw new MotionRefusal('MOTION_UNREADABLE', 'embedded video has no movie header (moov)');
  let durationMs: number | null;
  try {
    durationMs = parseMoov(data.subarray(moov.start, moov.end), 'video/mp4').durationMs;
  } catch (error) {
    throw new MotionRefusal('MOTION_UNREADABLE', `embedded video is unreadable: ${(error as Error).message}`);
  }
  if (durationMs !== null && durationMs > MAX_MOTION_MS) {
    throw new MotionRefusal('MOTION_TOO_LONG', `${durationMs} ms is longer than a motion photo's video`);
  }
  return { durationMs };
}

async function readRange(absolutePath: string, video: EmbeddedVideo): Promise<Buffer> {
  const file = await open(absolutePath, 'r').catch(() => {
    throw new MotionRefusal('MOTION_UNREADABLE', 'photo could not be read again for its video');
  });
  try {
    const data = Buffer.alloc(video.bytes);
    const { bytesRead } = await file.read(data, 0, video.bytes, video.offset);
    return data.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
