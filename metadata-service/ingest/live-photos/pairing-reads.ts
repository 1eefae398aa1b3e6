import type { SourceFile } from '../photo-source';
import { readVideo, type VideoFacts } from '../readers/read-video';
import { readAppleContentIdentifier } from './apple-content-identifier';

/** What decides a pair from the video's header. */
export type MotionVideoFacts = Pick<VideoFacts, 'durationMs' | 'contentIdentifier'>;

/**
 * How pair-live-photos.ts reads the two facts that decide a pair, wherever the files are: a folder reads them from
 * the files (below), an S3 source from the bucket with ranged GETs (s3-pairing-reads.ts).
 */
export interface PairingReads {
  /** The video's header; throws when the video cannot be read (the pair is then refused as MOTION_UNREADABLE). */
  videoFacts(video: SourceFile): Promise<MotionVideoFacts>;
  /** The still's Apple content identifier; null when it has none or it cannot be read. */
  stillIdentifier(still: SourceFile): Promise<string | null>;
}

/** Reads both facts from local files (`absolute` maps a listed path to its file). */
export function fileReads(absolute: (path: string) => string): PairingReads {
  return {
    videoFacts: (video) => readVideo(absolute(video.path), 'video/quicktime'),
    stillIdentifier: (still) => readAppleContentIdentifier(absolute(still.path)),
  };
}
