import { MEDIA_LIMITS } from '../../../common/media-limits';

/** What a clip may be before any work is done on it, and how long each step may take. */
export interface VideoLimits {
  /** Largest video file read, in bytes (the shared original limit: ingest indexes nothing larger). */
  maxBytes: number;
  /** Largest frame, in pixels, as ffprobe reads it from the header. */
  maxPixels: number;
  /** Longest duration a header may claim; a missing duration is refused too. */
  maxDurationMs: number;
  /** A longer clip is trimmed to this in its device rendition. */
  clipCapMs: number;
  /** ffprobe's time to read the header of one file. */
  probeTimeoutMs: number;
  /** ffmpeg's time to cut one poster frame. */
  posterTimeoutMs: number;
  /** ffmpeg's time to make one device rendition (a capped clip at a screen's size). */
  transcodeTimeoutMs: number;
}

export const DEFAULT_VIDEO_LIMITS: VideoLimits = {
  maxBytes: MEDIA_LIMITS.maxOriginalBytes,
  maxPixels: MEDIA_LIMITS.maxVideoPixels,
  maxDurationMs: MEDIA_LIMITS.maxVideoDurationMs,
  clipCapMs: 30_000,
  probeTimeoutMs: 10_000,
  posterTimeoutMs: 15_000,
  transcodeTimeoutMs: 120_000,
};

export function resolveVideoLimits(overrides: Partial<VideoLimits> = {}): VideoLimits {
  const limits = { ...DEFAULT_VIDEO_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new Error(`Video limit ${name} must be a positive integer (got ${String(value)})`);
    }
  }
  return limits;
}
