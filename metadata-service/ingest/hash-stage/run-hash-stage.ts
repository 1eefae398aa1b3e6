import { availableParallelism } from 'node:os';
import type { Logger } from '../../../common/logger';
import type { PendingHash, PhotoRepository } from '../../repositories/photo-repository';
import type { PhotoSource } from '../photo-source';
import { decodePerceptualHash } from '../readers/read-image';
import { sniffFormat, SNIFF_BYTES } from '../readers/sniff-format';
import { IngestSkip, type SkipCode } from '../skip-reasons';
import { forEachBounded } from '../for-each-bounded';

/** Pending photos read per query, and hashes stored per transaction. */
export const HASH_STAGE_PAGE = 256;

/**
 * Originals above this size are decoded one at a time (the stage holds an original's bytes while it decodes them):
 * as the folder source keeps only originals up to this size in memory, the others in flight stay small.
 */
export const BIG_ORIGINAL_BYTES = 24 * 1024 * 1024;

export interface HashStageOptions {
  ownerId: string;
  /** Decodes in flight (libvips decodes on libuv's pool; default twice the cores, as the CLI reads files). */
  concurrency?: number;
  /** Pending photos per page (query and transaction; default HASH_STAGE_PAGE). */
  page?: number;
  /** After each page: photos looked at so far. */
  onProgress?: (done: number) => void;
}

export interface HashStageDeps {
  repository: Pick<
    PhotoRepository,
    'listPendingHashes' | 'storePerceptualHashes' | 'deletePhotos' | 'recordSkip'
  >;
  logger: Logger;
  now?: () => Date;
}

export interface UnreadablePhoto {
  photoId: string;
  path: string;
  code: SkipCode;
  reason: string;
}

export interface HashStageReport {
  /** Photos whose hash was stored (and that joined their near-duplicates). */
  hashed: number;
  /**
   * Photos whose pixels could not be decoded: removed from the library and recorded as skipped with the code and
   * reason a decode during the metadata read gives, so they leave search and appear among the skipped files.
   */
  unreadable: UnreadablePhoto[];
  /** Photos whose original could not be read now, or no longer holds an image: left pending for the next run. */
  leftPending: number;
}

/**
 * The perceptual hash stage of a full ingest run (issue #16): the metadata pass stores each still from its header
 * segments without decoding it; this stage then decodes every still of the source that has no hash yet, as the
 * metadata read used to, and stores the hash (joining near-duplicate groups) or, when the decode fails, removes
 * the photo and records the skip. Pending photos are found in the database, not remembered by the run, so a run
 * that died mid-stage (or before it) is finished by the next one, and a re-ingest of an unchanged file, which
 * keeps its stored hash, decodes nothing.
 */
export async function runHashStage(
  source: Pick<PhotoSource, 'root' | 'readContent'>,
  options: HashStageOptions,
  deps: HashStageDeps,
): Promise<HashStageReport> {
  const { ownerId } = options;
  const page = options.page ?? HASH_STAGE_PAGE;
  const concurrency = options.concurrency ?? availableParallelism() * 2;
  const now = deps.now ?? (() => new Date());
  const report: HashStageReport = { hashed: 0, unreadable: [], leftPending: 0 };
  let afterId: string | undefined;
  let done = 0;
  // A page's writes go on while the next page decodes; at most one page's writes are in flight.
  let writing: Promise<void> = Promise.resolve();
  let bigOriginal: Promise<unknown> = Promise.resolve();
  for (;;) {
    const pending = await deps.repository.listPendingHashes(ownerId, source.root, afterId, page);
    if (pending.length === 0) break;
    afterId = pending.at(-1)?.id;
    const hashes: { photoId: string; perceptualHash: string }[] = [];
    const unreadable: UnreadablePhoto[] = [];
    await forEachBounded(pending, concurrency, async (photo) => {
      let outcome: HashOutcome;
      if (photo.bytes > BIG_ORIGINAL_BYTES) {
        const turn = bigOriginal.then(() => hashOf(source, photo));
        bigOriginal = turn.catch(() => undefined);
        outcome = await turn;
      } else {
        outcome = await hashOf(source, photo);
      }
      if (outcome.kind === 'hashed') hashes.push({ photoId: photo.id, perceptualHash: outcome.hash });
      else if (outcome.kind === 'unreadable')
        unreadable.push({
          photoId: photo.id,
          path: photo.sourcePath,
          code: outcome.code,
          reason: outcome.reason,
        });
      else report.leftPending += 1;
    });
    await writing;
    writing = (async () => {
      report.hashed += await deps.repository.storePerceptualHashes(ownerId, hashes);
      await removeUnreadable(source.root, unreadable, { ownerId, now }, deps);
      report.unreadable.push(...unreadable);
    })();
    // A failed write must not wait for the next page to be decoded to be seen.
    writing.catch(() => undefined);
    done += pending.length;
    options.onProgress?.(done);
  }
  await writing;
  return report;
}

type HashOutcome =
  | { kind: 'hashed'; hash: string }
  | { kind: 'unreadable'; code: SkipCode; reason: string }
  | { kind: 'left' };

async function hashOf(source: Pick<PhotoSource, 'readContent'>, photo: PendingHash): Promise<HashOutcome> {
  try {
    const content = await source.readContent(photo.sourcePath);
    const format = sniffFormat(content.subarray(0, SNIFF_BYTES));
    // Other bytes than were read at ingest (replaced since): the next run reads them as a new photo.
    if (format.kind !== 'image') return { kind: 'left' };
    // The media type stored at ingest names the header in a skip reason, as the read did.
    const hash = await decodePerceptualHash(content, { family: format.family, mediaType: photo.mediaType });
    return { kind: 'hashed', hash };
  } catch (error) {
    if (!(error instanceof IngestSkip)) throw error;
    // Gone or unreadable for now: an ingest run would keep the stored photo for the same reason.
    if (error.code === 'UNREADABLE_FILE') return { kind: 'left' };
    return { kind: 'unreadable', code: error.code, reason: error.message };
  }
}

/**
 * What the metadata read did with a photo it could not decode: not in the library, listed as skipped. The skip is
 * recorded first: a crash between the two leaves a skipped, still pending photo that the next stage removes.
 */
async function removeUnreadable(
  sourceRoot: string,
  photos: readonly UnreadablePhoto[],
  context: { ownerId: string; now: () => Date },
  deps: HashStageDeps,
): Promise<void> {
  if (photos.length === 0) return;
  for (const photo of photos) {
    await deps.repository.recordSkip({
      ownerId: context.ownerId,
      sourceRoot,
      sourcePath: photo.path,
      reasonCode: photo.code,
      message: photo.reason,
      seenAt: context.now().toISOString(),
    });
    deps.logger.warn('photo skipped', { path: photo.path, code: photo.code, reason: photo.reason });
  }
  await deps.repository.deletePhotos(
    context.ownerId,
    photos.map((p) => p.photoId),
  );
}
