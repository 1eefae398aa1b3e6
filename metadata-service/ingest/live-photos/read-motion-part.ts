import { open } from 'node:fs/promises';
import sharp from 'sharp';
import type { Logger } from '../../../common/logger';
import type { PhotoMetadata } from '../photo-metadata';
import type { SourceFile } from '../photo-source';
import { MotionRefusal, type MotionPart, type MotionRefusalCode } from './motion-part';
import { locateEmbeddedVideo, readEmbeddedVideo } from './motion-photo';

/** The XMP announcing a motion photo sits in the JPEG's first segments; a cheap look precedes parsing it. */
const HEAD_BYTES = 128 * 1024;
const ANNOUNCEMENTS = ['MotionPhoto', 'MicroVideo'];

export interface MotionPartInput {
  absolutePath: string;
  /** The photo's bytes when the caller holds them. */
  content?: Buffer;
  file: SourceFile;
  metadata: PhotoMetadata;
  uriFor(path: string): string;
  logger: Logger;
}

export type MotionPartOutcome =
  { motion: MotionPart } | { refused: { code: MotionRefusalCode; reason: string } } | { none: true };

/**
 * A photo's motion part: the companion video the listing paired with it (pair-live-photos.ts), or the MP4 a motion
 * photo's XMP says is appended to it. A motion part that is announced but broken is refused with its code and
 * logged; the photo is kept either way (motion is extra, never a reason to lose a photo).
 */
export async function readMotionPart(input: MotionPartInput): Promise<MotionPartOutcome> {
  const { file } = input;
  if (file.motion) {
    return {
      motion: {
        kind: 'live-photo',
        path: file.motion.path,
        uri: input.uriFor(file.motion.path),
        offset: 0,
        bytes: file.motion.bytes,
        durationMs: file.motion.durationMs,
      },
    };
  }
  if (input.metadata.mediaType !== 'image/jpeg' || !(await announcesMotion(input))) return { none: true };
  try {
    const xmp = (await sharp(input.content ?? input.absolutePath, { limitInputPixels: false }).metadata())
      .xmp;
    const located = locateEmbeddedVideo(xmp, file.bytes);
    if (!located) return { none: true };
    const { durationMs } = await readEmbeddedVideo(input.absolutePath, located, input.content);
    return {
      motion: {
        kind: 'motion-photo',
        path: null,
        uri: null,
        offset: located.offset,
        bytes: located.bytes,
        durationMs,
      },
    };
  } catch (error) {
    const refused =
      error instanceof MotionRefusal
        ? { code: error.code, reason: error.message }
        : { code: 'MOTION_UNREADABLE' as const, reason: (error as Error).message };
    input.logger.warn('motion part refused, photo kept without it', { path: file.path, ...refused });
    return { refused };
  }
}

async function announcesMotion(input: MotionPartInput): Promise<boolean> {
  const head = input.content ? input.content.subarray(0, HEAD_BYTES) : await readHead(input.absolutePath);
  return ANNOUNCEMENTS.some((word) => head.includes(word, 0, 'latin1'));
}

async function readHead(absolutePath: string): Promise<Buffer> {
  const file = await open(absolutePath, 'r').catch(() => undefined);
  if (!file) return Buffer.alloc(0);
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
