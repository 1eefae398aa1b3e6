import type { MotionKind } from '../../database/schema';

export type { MotionKind };

/**
 * A live photo's motion part, as ingest found it: a companion video next to the still (an Apple Live Photo's
 * IMG_1.HEIC + IMG_1.MOV) or an MP4 appended to the JPEG itself (a Google/Samsung motion photo). The pair is one
 * photo in the library: the video is never a photo (or a clip) of its own.
 */
export interface MotionPart {
  kind: MotionKind;
  /** The companion video, relative to the library root ('/'-separated); null when it is inside the photo's file. */
  path: string | null;
  /** Where the companion video lives (`file://` or `s3://`); null when it is inside the photo's own file. */
  uri: string | null;
  /** Where the video's bytes start in that file (0 for a companion video) and how many there are. */
  offset: number;
  bytes: number;
  /** As the video's own header says; null when it does not. */
  durationMs: number | null;
}

/** A companion video the listing paired with a still, read when the still is. */
export interface CompanionVideo {
  path: string;
  bytes: number;
  modifiedAt: Date;
  durationMs: number | null;
}

/**
 * A live photo's motion lasts 1.5-3 s (Apple) or up to ~3 s (Google, Samsung); a same-named video much longer
 * than that is a video of its own that happens to share a name with a photo (a camera's poster frame), not motion.
 */
export const MAX_MOTION_MS = 10_000;

/**
 * An iPhone's Live Photo MOV is 1-6 MB (about 3 s of HEVC at up to 1920x1440), a Takeout MP4 alike; a same-named
 * video over this is a clip of its own. Checked from the listed size, so no source reads a big video to decide
 * (on S3 that would be a download per pair).
 */
export const MAX_MOTION_BYTES = 32 * 1024 * 1024;

/** Why a motion part was refused (the photo itself is kept): stable codes, logged with the photo's path. */
export type MotionRefusalCode =
  | 'MOTION_OFFSET_OUTSIDE_FILE'
  | 'MOTION_NOT_MP4'
  | 'MOTION_UNREADABLE'
  | 'MOTION_TOO_LONG'
  | 'MOTION_TOO_LARGE'
  | 'MOTION_IDENTIFIER_MISMATCH';

export class MotionRefusal extends Error {
  constructor(
    readonly code: MotionRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'MotionRefusal';
  }
}
