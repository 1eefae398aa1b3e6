import { randomUUID } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhotoFacts } from '../../../common/contracts';
import { displayErrors } from '../../errors';
import type { OriginalStore } from '../original-store';
import { withLocalVideoFile } from './local-video-file';
import { videoErrors } from './video-errors';

export type MotionPartFacts = NonNullable<PhotoFacts['motionPart']>;

/**
 * Runs `use` with a local path of a live photo's motion part, for ffprobe and ffmpeg: a companion video (an Apple
 * Live Photo's MOV) as any clip original is used; a motion photo's MP4 is cut out of the JPEG by its byte range
 * into a temporary file (ffmpeg must seek in an MP4, which a pipe cannot), removed afterwards. The range is bounded
 * by `maxBytes` and must lie inside the file: a photo that shrank since ingest is refused, never read past.
 */
export async function withMotionVideoFile<T>(
  motion: MotionPartFacts,
  originals: OriginalStore,
  options: { maxBytes: number; signal: AbortSignal },
  use: (path: string) => Promise<T>,
): Promise<T> {
  if (motion.kind === 'live-photo' && motion.offset === 0) {
    return withLocalVideoFile(motion.uri, originals, options, use);
  }
  if (motion.bytes > options.maxBytes) throw videoErrors.tooLarge(motion.bytes, options.maxBytes);
  const bytes = await readRange(motion, originals, options);
  if (bytes.length !== motion.bytes) {
    throw videoErrors.unreadable(new Error(`motion part is ${bytes.length} of ${motion.bytes} bytes`));
  }
  const dir = await mkdtemp(join(tmpdir(), 'photoframe-motion-'));
  try {
    const path = join(dir, `${randomUUID()}.mp4`);
    await writeFile(path, bytes);
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function readRange(
  motion: MotionPartFacts,
  originals: OriginalStore,
  options: { maxBytes: number; signal: AbortSignal },
): Promise<Buffer> {
  const end = motion.offset + motion.bytes;
  if (!motion.uri.startsWith('file:')) {
    // Other stores hand over whole originals: the photo is small (a phone JPEG plus a few seconds of video).
    const whole = await originals.read(motion.uri, { maxBytes: end, signal: options.signal });
    return whole.subarray(motion.offset, end);
  }
  let path: string;
  try {
    path = fileURLToPath(motion.uri);
  } catch (error) {
    throw displayErrors.originalNotFound(error);
  }
  const file = await open(path, 'r').catch((error: unknown) => {
    throw displayErrors.originalNotFound(error);
  });
  try {
    const data = Buffer.alloc(motion.bytes);
    const { bytesRead } = await file.read(data, 0, motion.bytes, motion.offset);
    return data.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
