import type { Logger } from '../../../common/logger';
import { forEachBounded } from '../for-each-bounded';
import type { SourceFile } from '../photo-source';
import { MAX_MOTION_BYTES, MAX_MOTION_MS, MotionRefusal, type CompanionVideo } from './motion-part';
import type { PairingReads } from './pairing-reads';

/** Stills a Live Photo is made of (the iPhone's HEIC, or JPEG from "Most Compatible" and most exports). */
export const STILL_NAME = /\.(heic|heif|jpe?g)$/i;
/** Its video: `.MOV` from the phone and AirDrop, `.MP4` from Google Takeout and some exporters. */
export const MOTION_NAME = /\.(mov|mp4)$/i;

/** Pairs whose two headers are read at the same time. */
const PAIRS_READ_AT_ONCE = 8;

/** IMG_1.HEIC → img_1 (folder included): a still and its video share it, in any case. */
export function livePhotoStem(path: string): string {
  return path.replace(/\.[^./]+$/, '').toLowerCase();
}

export interface PairingDeps {
  /** Reads the two facts that decide (a folder's files, or an S3 bucket's objects). */
  reads: PairingReads;
  logger: Logger;
}

/**
 * Folds Live Photo pairs into one listing entry: a still and a short video with the same base name in the same
 * folder (IMG_1234.HEIC + IMG_1234.MOV, any case) become the still, carrying the video as its `motion`; the video
 * is not listed on its own, so it is never a photo or a clip of its own and the pair counts one.
 *
 * Only the video's header is read (bounded, as ingest reads videos), and the still's maker note only when the video
 * names a content identifier. The pair is refused, and both files stay listed as they are, when the video cannot be
 * read (then ingest skips it with its own code: nothing is lost), is far larger or longer than a live photo's motion
 * (a large one is refused from its listed size, before a byte is read), or when both files carry Apple's content
 * identifier and the identifiers disagree (two unrelated files sharing a name).
 */
export async function pairLivePhotos(files: readonly SourceFile[], deps: PairingDeps): Promise<SourceFile[]> {
  const byStem = new Map<string, { stills: SourceFile[]; videos: SourceFile[] }>();
  for (const file of files) {
    if (file.problem) continue;
    const kind = STILL_NAME.test(file.path) ? 'stills' : MOTION_NAME.test(file.path) ? 'videos' : undefined;
    if (!kind) continue;
    const stem = livePhotoStem(file.path);
    const group = byStem.get(stem) ?? { stills: [], videos: [] };
    group[kind].push(file);
    byStem.set(stem, group);
  }
  const motionOf = new Map<string, CompanionVideo>();
  const folded = new Set<string>();
  // IMG_1.HEIC + IMG_1.JPG + IMG_1.MOV (an export next to the original) is ambiguous: nothing is paired.
  const pairs = [...byStem.values()].flatMap(({ stills, videos }) => {
    const [still] = stills;
    const [video] = videos;
    return stills.length === 1 && videos.length === 1 && still && video ? [{ still, video }] : [];
  });
  // A few pairs at once: on S3 each new pair is three small GETs of ~20-50 ms, so a first listing of 5,000 pairs
  // read one after another waited minutes before the first photo was ingested.
  await forEachBounded(pairs, PAIRS_READ_AT_ONCE, async ({ still, video }) => {
    try {
      motionOf.set(still.path, await companionOf(still, video, deps));
      folded.add(video.path);
    } catch (error) {
      if (!(error instanceof MotionRefusal)) throw error;
      deps.logger.info('live photo pair refused', {
        still: still.path,
        video: video.path,
        code: error.code,
        reason: error.message,
      });
    }
  });
  return files
    .filter((file) => !folded.has(file.path))
    .map((file) => {
      const motion = motionOf.get(file.path);
      return motion ? { ...file, motion } : file;
    });
}

/** The video as the still's motion part, or a MotionRefusal saying why it is not one. */
async function companionOf(still: SourceFile, video: SourceFile, deps: PairingDeps): Promise<CompanionVideo> {
  if (video.bytes > MAX_MOTION_BYTES) {
    throw new MotionRefusal(
      'MOTION_TOO_LARGE',
      `${video.bytes} bytes is a video, not a live photo's motion (at most ${MAX_MOTION_BYTES})`,
    );
  }
  let facts;
  try {
    facts = await deps.reads.videoFacts(video);
  } catch (error) {
    throw new MotionRefusal('MOTION_UNREADABLE', `video is unreadable: ${(error as Error).message}`);
  }
  if (facts.durationMs !== null && facts.durationMs > MAX_MOTION_MS) {
    throw new MotionRefusal(
      'MOTION_TOO_LONG',
      `${facts.durationMs} ms is a video, not a live photo's motion`,
    );
  }
  if (facts.contentIdentifier !== null) {
    const stillIdentifier = await deps.reads.stillIdentifier(still);
    if (stillIdentifier !== null && stillIdentifier !== facts.contentIdentifier) {
      throw new MotionRefusal(
        'MOTION_IDENTIFIER_MISMATCH',
        `content identifiers differ (${stillIdentifier} / ${facts.contentIdentifier})`,
      );
    }
  }
  return { path: video.path, bytes: video.bytes, modifiedAt: video.modifiedAt, durationMs: facts.durationMs };
}
