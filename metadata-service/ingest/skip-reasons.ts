import { MEDIA_LIMITS } from '../../common/media-limits';

/**
 * Why a file was left out of the library. Codes are stable (stored in ingest_skips, shown by the CLI); a skip is
 * never fatal: the run records it and moves on.
 */
export type SkipCode =
  | 'EMPTY_FILE'
  | 'FILE_TOO_LARGE'
  | 'TOO_MANY_PIXELS'
  | 'NOT_AN_IMAGE'
  | 'UNSUPPORTED_FORMAT'
  | 'UNREADABLE_IMAGE'
  | 'UNREADABLE_FILE'
  | 'TRUNCATED_VIDEO'
  | 'UNREADABLE_VIDEO'
  | 'DUPLICATE_CONTENT'
  /** A folder the walk could not read (EACCES, EIO): its path is recorded, and its photos are kept as they were. */
  | 'UNREADABLE_FOLDER'
  /** A symbolic link that points back at itself or a chain that never ends (ELOOP). */
  | 'SYMLINK_LOOP'
  /** A symbolic link whose target is gone. */
  | 'DANGLING_LINK'
  /** A device, FIFO or socket with a photo's name: reading it could block or never end. */
  | 'NOT_A_FILE';

/** Larger originals are almost certainly not photos (or are hostile); checked before reading a byte. */
export const MAX_FILE_BYTES = MEDIA_LIMITS.maxOriginalBytes;
/** The display renders up to this too (common/media-limits.ts); checked from the header alone. */
export const MAX_PIXELS = MEDIA_LIMITS.maxImagePixels;

export class IngestSkip extends Error {
  constructor(
    readonly code: SkipCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'IngestSkip';
  }
}
