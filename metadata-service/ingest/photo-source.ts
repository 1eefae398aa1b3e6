import type { PhotoMetadata } from './photo-metadata';
import type { PerceptualHashTiming } from './readers/read-image';
import type { CompanionVideo } from './live-photos/motion-part';
import type { SkipCode } from './skip-reasons';

/** One original as a source lists it, before anything is read. */
export interface SourceFile {
  /** Relative to the source root, '/'-separated. */
  path: string;
  bytes: number;
  modifiedAt: Date;
  /**
   * Set when listing already found the path unusable (an unreadable folder, a dangling or looping link, a FIFO):
   * ingest records it as a skip with this code instead of reading it, and the run goes on.
   */
  problem?: { code: SkipCode; reason: string };
  /** A Live Photo's video, paired with this still by the listing (live-photos/pair-live-photos.ts). */
  motion?: CompanionVideo;
}

/**
 * Where originals live (a local folder, an S3 prefix). Ingest only speaks to this interface, so every source
 * gets the same incremental, resumable run. Methods that read a file throw IngestSkip for content problems.
 */
export interface PhotoSource {
  /** Stable identity of the library root (absolute folder, or `s3://bucket/prefix`). */
  readonly root: string;
  list(): Promise<SourceFile[]>;
  uriFor(path: string): string;
  contentHash(file: SourceFile): Promise<string>;
  readMetadata(file: SourceFile, options?: ReadMetadataOptions): Promise<PhotoMetadata>;
  /**
   * The content hash, and a way to read the metadata of those same bytes: a source may read the original once for
   * both (a folder keeps small files in memory between the two), which is most of an ingest's I/O.
   */
  readOriginal(file: SourceFile, options?: ReadMetadataOptions): Promise<LoadedOriginal>;
  /** The bytes now at `path` (the hash stage decodes them); IngestSkip UNREADABLE_FILE when they cannot be read. */
  readContent(path: string): Promise<Buffer>;
}

export interface ReadMetadataOptions {
  /** 'later' leaves a still's perceptual hash null for the run's hash stage (default 'now'). */
  perceptualHash?: PerceptualHashTiming;
}

export interface LoadedOriginal {
  contentHash: string;
  readMetadata(): Promise<PhotoMetadata>;
}

/**
 * A source that can look at one path without listing everything: what an event handler needs to ingest or
 * remove a single object ("ObjectCreated photos/2026/a.jpg") on a library of a million photos.
 */
export interface AddressableSource extends PhotoSource {
  /** The original at `path` as it is now; undefined when it is gone or is not something ingest would list. */
  stat(path: string): Promise<SourceFile | undefined>;
}
