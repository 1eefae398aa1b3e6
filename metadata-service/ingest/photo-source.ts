import type { PhotoMetadata } from './photo-metadata';

/** One original as a source lists it, before anything is read. */
export interface SourceFile {
  /** Relative to the source root, '/'-separated. */
  path: string;
  bytes: number;
  modifiedAt: Date;
}

/**
 * Where originals live. The folder source is the only one today; an S3 source implements the same four calls so
 * ingest itself does not change. Methods that read a file throw IngestSkip for content problems.
 */
export interface PhotoSource {
  /** Stable identity of the library root (absolute folder, later `s3://bucket/prefix`). */
  readonly root: string;
  list(): Promise<SourceFile[]>;
  uriFor(path: string): string;
  contentHash(file: SourceFile): Promise<string>;
  readMetadata(file: SourceFile): Promise<PhotoMetadata>;
}
