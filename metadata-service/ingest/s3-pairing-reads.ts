import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { LRUCache } from 'lru-cache';
import { readAppleContentIdentifier } from './live-photos/apple-content-identifier';
import type { MotionVideoFacts, PairingReads } from './live-photos/pairing-reads';
import type { SourceFile } from './photo-source';
import { readVideoFrom } from './readers/read-video';
import { getRange, ObjectReadError, rangedReader, type S3ObjectRef } from './s3-ranged-reader';
import { MAX_FILE_BYTES } from './skip-reasons';

/** A JPEG's EXIF (with Apple's maker note) is one APP1 segment of at most 64 KB near its start. */
const STILL_HEAD_BYTES = 128 * 1024;
/** A HEIC's EXIF item may lie anywhere its iloc says: when the head does not hold it, the still is read whole. */
const WHOLE_READ_NAME = /\.(heic|heif)$/i;

/** Per object: the video's header facts, why it was unreadable, or the still's identifier. */
type Fact = { video: MotionVideoFacts } | { unreadable: string } | { identifier: string | null };

/**
 * Facts already read, by bucket + key + size + ETag + LastModified: a rescan of unchanged pairs makes no GET, and a
 * rewritten still or video (new ETag) is read again. Module-level on purpose: every run builds a new source
 * (source-for.ts is called per ingest job and per library.ingest, and closes its client after), so a cache inside
 * createS3Source would die with each run; the S3 event handler keeps one source per container, which also works.
 * ~300 bytes an entry: 50,000 (25,000 pairs) stay under 15 MB.
 */
const facts = new LRUCache<string, Fact>({ max: 50_000 });

export interface S3PairingReadsOptions {
  client: S3Client;
  bucket: string;
  keyFor(path: string): string;
  /** The listed ETag and LastModified of a path; undefined keeps its facts out of the cache. */
  versionOf(path: string): string | undefined;
  /** Where a HEIC still read whole is written (always deleted). */
  tempDir: string;
}

/** pair-live-photos.ts's two reads from a bucket: bounded ranged GETs, remembered between listings. */
export function s3PairingReads(options: S3PairingReadsOptions): PairingReads {
  const { client, bucket } = options;
  const objectOf = (file: SourceFile): S3ObjectRef => ({
    client,
    bucket,
    key: options.keyFor(file.path),
    size: file.bytes,
  });
  const cacheKey = (file: SourceFile): string | undefined => {
    const version = options.versionOf(file.path);
    return version === undefined
      ? undefined
      : [bucket, options.keyFor(file.path), file.bytes, version].join('\n');
  };
  return {
    async videoFacts(video) {
      const key = cacheKey(video);
      const known = key === undefined ? undefined : facts.get(key);
      if (known && 'video' in known) return known.video;
      if (known && 'unreadable' in known) throw new Error(known.unreadable);
      try {
        const { durationMs, contentIdentifier } = await readVideoFrom(
          rangedReader(objectOf(video)),
          video.bytes,
          'video/quicktime',
        );
        if (key !== undefined) facts.set(key, { video: { durationMs, contentIdentifier } });
        return { durationMs, contentIdentifier };
      } catch (error) {
        // A failed GET says nothing about the video: it is refused for this listing only and read again next time.
        if (key !== undefined && !(error instanceof ObjectReadError))
          facts.set(key, { unreadable: (error as Error).message });
        throw error;
      }
    },

    async stillIdentifier(still) {
      const key = cacheKey(still);
      const known = key === undefined ? undefined : facts.get(key);
      if (known && 'identifier' in known) return known.identifier;
      let identifier: string | null;
      try {
        identifier = await readStillIdentifier(objectOf(still), options.tempDir);
      } catch (error) {
        if (!(error instanceof ObjectReadError)) throw error;
        return null; // unread, as a folder's unreadable maker note: the pair is decided without it, not remembered
      }
      if (key !== undefined) facts.set(key, { identifier });
      return identifier;
    },
  };
}

async function readStillIdentifier(object: S3ObjectRef, tempDir: string): Promise<string | null> {
  const head = await getRange(object, 0, Math.min(object.size, STILL_HEAD_BYTES));
  const identifier = await readAppleContentIdentifier(head);
  if (
    identifier !== null ||
    object.size <= STILL_HEAD_BYTES ||
    object.size > MAX_FILE_BYTES ||
    !WHOLE_READ_NAME.test(object.key)
  ) {
    return identifier;
  }
  const folder = await mkdtemp(join(tempDir, 'pf-s3-still-'));
  try {
    const copy = join(folder, 'still.heic');
    try {
      const response = await object.client.send(
        new GetObjectCommand({ Bucket: object.bucket, Key: object.key }),
      );
      if (!response.Body) return null;
      await pipeline(response.Body as Readable, createWriteStream(copy));
    } catch (cause) {
      throw new ObjectReadError(`GET ${object.key} failed: ${(cause as Error).message}`, { cause });
    }
    return await readAppleContentIdentifier(copy);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
