import type { Logger } from '../../common/logger';
import type { NewPhoto, PhotoRepository, StoredSource } from '../repositories/photo-repository';
import type { VisionReport } from '../vision/vision-stage';
import {
  DEFAULT_ALBUM_FOLDER_MODE,
  folderAlbumNames,
  toPhotoRecord,
  type AlbumFolderMode,
} from './photo-record';
import { correctOldAlbums } from './album-correction';
import { runCaptureBackfill } from './capture-backfill';
import { captureLabels } from './capture-labels';
import { folderLabels, hierarchicalKeywordLabels, keywordLabels, textLabels } from './photo-labels';
import type { AddressableSource, PhotoSource, SourceFile } from './photo-source';
import { DEFAULT_WRITE_BATCH, PhotoBatchWriter } from './photo-batch-writer';
import { IngestSkip, MAX_FILE_BYTES, type SkipCode } from './skip-reasons';
import { forEachBounded } from './for-each-bounded';
import { runHashStage } from './hash-stage/run-hash-stage';
import type { PerceptualHashTiming } from './readers/read-image';

// The sun and vision stages bound their work with it too.
export { forEachBounded } from './for-each-bounded';

/**
 * How long a run's partial batch of new photos waits for more before it is committed: long enough for a batch to
 * fill at 1000 photos/s, short next to a run (a watcher's single files do not go through the batch writer).
 */
const WRITE_LINGER_MS = 50;

export interface IngestProgress {
  /**
   * Reading files (metadata), then decoding the new stills (hashes: hash-stage/), then analysing the new photos
   * (vision): each phase counts its own total.
   */
  phase: 'metadata' | 'hashes' | 'vision';
  done: number;
  total: number;
  currentPath: string;
}

/** How the vision phase of a run went: finished, left running after the run returned, or failed as a whole. */
export type VisionOutcome =
  ({ state: 'done' } & VisionReport) | { state: 'background' } | { state: 'failed'; error: string };

export interface SkippedFile {
  path: string;
  reason: string;
  code: SkipCode;
}

export interface IngestReport {
  scanned: number;
  added: number;
  /** Known bytes found at a new path (moved or renamed): same id, new path. */
  updated: number;
  /** Same size and modification time as stored (not even re-hashed), or same bytes as stored. */
  unchanged: number;
  /** Photos whose original is no longer in the source, dropped from the library. */
  removed: number;
  /** Photos the run's hash stage found undecodable (hash-stage/) are here, not counted as added or unchanged. */
  skipped: SkippedFile[];
  /** Present when the run had a vision phase. */
  vision?: VisionOutcome;
}

export interface IngestDeps {
  repository: PhotoRepository;
  logger: Logger;
  now?: () => Date;
}

export interface IngestRunOptions {
  ownerId: string;
  onProgress?: (progress: IngestProgress) => void;
  /** Files read at once; two keeps a 2-core machine responsive while it serves requests. */
  concurrency?: number;
  /** Which folders along a photo's path become albums (default: the folder it is in). */
  albumFolders?: AlbumFolderMode;
  /** New photos stored per transaction at most (default DEFAULT_WRITE_BATCH; 1 = a commit per photo). */
  writeBatch?: number;
  /**
   * 'run' (default): new stills are stored from their header segments and the run's hash stage decodes them after
   * the metadata pass, before the run returns. 'defer': they stay pending for a later run's stage (the bench times
   * the two apart). 'at-read': each still is decoded as it is read, as before issue #16 (the bench's reference).
   */
  hashStage?: 'run' | 'defer' | 'at-read';
}

export interface IngestFileOptions {
  ownerId: string;
  /** The photo the library holds for this path, if any: an unchanged size and mtime then skips all work. */
  storedAtPath?: StoredSource;
  /** Whether another path of the same source still holds an original (decides which of two copies stays). */
  pathExists(path: string): Promise<boolean>;
  albumFolders?: AlbumFolderMode;
  /** False when the run knows this path has no skip record to clear (saves a statement per photo). */
  mayHaveSkip?: boolean;
  /** 'later' when a hash stage will decode a new still (a full run); default 'now', decoded as it is read. */
  perceptualHash?: PerceptualHashTiming;
}

export type FileOutcome =
  | { kind: 'added' | 'updated' | 'unchanged'; photoId: string }
  | { kind: 'skipped'; code: SkipCode; reason: string };

/**
 * One pass over a source. Files whose size and mtime match what is stored are counted unchanged without being
 * read; others are hashed, new content is read and stored, known content keeps its id (and follows a move),
 * broken files are recorded as skips and the run goes on. New photos are committed in small batches (a photo is
 * never half stored), so a crash loses only the files in flight and a rerun resumes where it stopped. Photos whose original has gone are removed
 * at the end of a complete pass. Only storage failures abort the run.
 */
export async function runIngest(
  source: PhotoSource,
  options: IngestRunOptions,
  deps: IngestDeps,
): Promise<IngestReport> {
  const { ownerId } = options;
  const logger = deps.logger.child({ ownerId, root: source.root });
  const files = await source.list();
  const listedPaths = new Set(files.map((f) => f.path));
  const storedByPath = new Map(
    (await deps.repository.listSources(ownerId, source.root)).map((s) => [s.sourcePath, s]),
  );
  await correctOldAlbums(
    source,
    storedByPath,
    { ownerId, albumFolders: options.albumFolders ?? DEFAULT_ALBUM_FOLDER_MODE },
    { repository: deps.repository, logger },
  );
  const pathsWithSkips = new Map(
    (await deps.repository.listSkips(ownerId))
      .filter((skip) => skip.sourceRoot === source.root)
      .map((skip) => [skip.sourcePath, skip.reasonCode] as const),
  );
  const report: IngestReport = {
    scanned: files.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    skipped: [],
  };
  const confirmedIds = new Map<string, 'added' | 'updated' | 'unchanged'>();
  const skippedPaths = new Set<string>();
  const pathExists = (path: string): Promise<boolean> => Promise.resolve(listedPaths.has(path));

  let done = 0;
  const now = deps.now ?? (() => new Date());
  const runDeps: IngestDeps = { ...deps, logger };
  const writer = new PhotoBatchWriter(
    deps.repository,
    options.writeBatch ?? DEFAULT_WRITE_BATCH,
    WRITE_LINGER_MS,
  );
  const settle = async (file: SourceFile, outcome: FileOutcome): Promise<void> => {
    if (outcome.kind === 'skipped') {
      await recordSkip(source, file, outcome, { ownerId, now }, runDeps);
      skippedPaths.add(file.path);
      report.skipped.push({ path: file.path, reason: outcome.reason, code: outcome.code });
    } else {
      confirmedIds.set(outcome.photoId, outcome.kind);
      report[outcome.kind] += 1;
    }
    done += 1;
    options.onProgress?.({ phase: 'metadata', done, total: files.length, currentPath: file.path });
  };
  // Reading (bounded by `concurrency`) does not wait for writing: new photos go to the batch writer and the
  // next file is read while they commit. Writes in flight are bounded too, so memory stays flat.
  const writes = new Set<Promise<void>>();
  let writeFailure: { error: unknown } | undefined;
  const maxWritesInFlight = 4 * (options.writeBatch ?? DEFAULT_WRITE_BATCH);
  const readAll = forEachBounded(files, options.concurrency ?? 2, async (file) => {
    if (writeFailure) throw writeFailure.error;
    const fileOptions: IngestFileOptions = {
      ownerId,
      storedAtPath: storedByPath.get(file.path),
      pathExists,
      albumFolders: options.albumFolders,
      mayHaveSkip: pathsWithSkips.has(file.path),
      // A path last skipped as undecodable is decoded as it is read, so it never shows in search again meanwhile.
      perceptualHash:
        options.hashStage === 'at-read' || pathsWithSkips.get(file.path) === 'UNREADABLE_IMAGE'
          ? 'now'
          : 'later',
    };
    const read = await asSkip(() => readFile(source, file, fileOptions, runDeps, now));
    if (read.kind !== 'new') {
      await settle(file, read);
      return;
    }
    const write = asSkip(() =>
      storeNewPhoto(source, file, read.item, fileOptions, runDeps, (item) => writer.insert(item)),
    )
      .then((outcome) => settle(file, outcome))
      .catch((error: unknown) => {
        writeFailure ??= { error };
      })
      .finally(() => writes.delete(write));
    writes.add(write);
    while (writes.size >= maxWritesInFlight) await Promise.race(writes);
  });
  // Never return (and let the caller close the database) while a batch is still being written.
  await readAll.finally(() => Promise.allSettled(writes));
  await Promise.all(writes);
  if (writeFailure) throw writeFailure.error;

  if ((options.hashStage ?? 'run') === 'run') {
    const pending = await deps.repository.countPendingHashes(ownerId, source.root);
    const hashes = await runHashStage(
      source,
      {
        ownerId,
        onProgress: (hashed) =>
          options.onProgress?.({ phase: 'hashes', done: hashed, total: pending, currentPath: '' }),
      },
      runDeps,
    );
    for (const photo of hashes.unreadable) {
      const counted = confirmedIds.get(photo.photoId);
      if (counted) report[counted] -= 1;
      confirmedIds.delete(photo.photoId);
      skippedPaths.add(photo.path);
      report.skipped.push({ path: photo.path, reason: photo.reason, code: photo.code });
    }
    logger.info('hash stage finished', {
      hashed: hashes.hashed,
      unreadable: hashes.unreadable.length,
      leftPending: hashes.leftPending,
    });
    // Stills stored before capture labels (migration 0026): read once for them, the undecodable ones gone by now.
    await runCaptureBackfill(source, ownerId, runDeps);
  }

  // A stored photo is gone when its path was not listed, or now holds other bytes. A path that was only skipped
  // this run (e.g. unreadable for a moment) keeps its photo: we cannot tell it has changed.
  // Nor do the photos inside a folder that could not be read this run ("Private/" is skipped, its photos stay).
  const skippedFolders = [...skippedPaths].filter((path) => path.endsWith('/'));
  const stale = [...storedByPath.values()].filter(
    (photo) =>
      !confirmedIds.has(photo.id) &&
      !skippedPaths.has(photo.sourcePath) &&
      !skippedFolders.some((folder) => photo.sourcePath.startsWith(folder)),
  );
  report.removed = await deps.repository.deletePhotos(
    ownerId,
    stale.map((photo) => photo.id),
  );
  // A skip whose path is no longer listed at all (a deleted file, a folder readable again) is no longer true.
  for (const path of pathsWithSkips.keys()) {
    if (!listedPaths.has(path)) await deps.repository.clearSkip(ownerId, source.root, path);
  }
  report.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  logger.info('ingest run finished', {
    scanned: report.scanned,
    added: report.added,
    updated: report.updated,
    unchanged: report.unchanged,
    removed: report.removed,
    skipped: report.skipped.length,
  });
  return report;
}

/**
 * Ingests one original: the unit both a full run and an S3 event handler use. Content problems become a skip
 * (recorded in the library, with its reason) and never throw; storage failures do.
 */
export async function ingestOneFile(
  source: PhotoSource,
  file: SourceFile,
  options: IngestFileOptions,
  deps: IngestDeps,
): Promise<FileOutcome> {
  const { ownerId } = options;
  const now = deps.now ?? (() => new Date());
  const read = await asSkip(() => readFile(source, file, options, deps, now));
  const outcome =
    read.kind === 'new'
      ? await asSkip(() =>
          storeNewPhoto(source, file, read.item, options, deps, ({ photo, labels }) =>
            deps.repository.insertPhoto(photo, labels),
          ),
        )
      : read;
  if (outcome.kind === 'skipped') await recordSkip(source, file, outcome, { ownerId, now }, deps);
  return outcome;
}

/** Content problems (IngestSkip) become a skipped outcome; anything else (storage) is thrown. */
async function asSkip<T>(step: () => Promise<T>): Promise<T | Extract<FileOutcome, { kind: 'skipped' }>> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof IngestSkip)) throw error;
    return { kind: 'skipped', code: error.code, reason: error.message };
  }
}

async function recordSkip(
  source: PhotoSource,
  file: SourceFile,
  outcome: Extract<FileOutcome, { kind: 'skipped' }>,
  context: { ownerId: string; now: () => Date },
  deps: IngestDeps,
): Promise<void> {
  await deps.repository.recordSkip({
    ownerId: context.ownerId,
    sourceRoot: source.root,
    sourcePath: file.path,
    reasonCode: outcome.code,
    message: outcome.reason,
    seenAt: context.now().toISOString(),
  });
  deps.logger.warn('photo skipped', { path: file.path, code: outcome.code, reason: outcome.reason });
}

/** A photo read and ready to store: what the read half of ingest hands the write half. */
type ReadOutcome = FileOutcome | { kind: 'new'; item: NewPhoto };

/**
 * The read half of one file: everything up to storing a new photo (stat check, hash, known-content handling,
 * metadata). Known bytes are handled here; new ones come back to be stored.
 */
async function readFile(
  source: PhotoSource,
  file: SourceFile,
  options: IngestFileOptions,
  deps: IngestDeps,
  now: () => Date,
): Promise<ReadOutcome> {
  const { ownerId, storedAtPath } = options;
  if (file.problem) throw new IngestSkip(file.problem.code, file.problem.reason);
  const fileMtime = file.modifiedAt.toISOString();
  if (
    storedAtPath &&
    storedAtPath.bytes === file.bytes &&
    storedAtPath.fileMtime === fileMtime &&
    !motionChanged(storedAtPath, file)
  ) {
    return { kind: 'unchanged', photoId: storedAtPath.id };
  }
  if (file.bytes === 0) throw new IngestSkip('EMPTY_FILE', 'file is empty');
  if (file.bytes > MAX_FILE_BYTES) {
    throw new IngestSkip('FILE_TOO_LARGE', `${file.bytes} bytes exceeds ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  }
  const original = await source.readOriginal(file, { perceptualHash: options.perceptualHash ?? 'now' });
  const { contentHash } = original;
  const stored = await deps.repository.findByContentHash(ownerId, contentHash);
  if (stored) {
    const samePlace = stored.sourceRoot === source.root && stored.sourcePath === file.path;
    // Two copies of the same bytes in one source: the stored one stays put rather than flip-flopping every run.
    if (!samePlace && stored.sourceRoot === source.root && (await options.pathExists(stored.sourcePath))) {
      throw new IngestSkip('DUPLICATE_CONTENT', `same content as ${stored.sourcePath}`);
    }
    // Same bytes, new mtime (touched, copied back) or new path (moved): remember the stat so the next run is quick.
    await deps.repository.updateSource(ownerId, stored.id, {
      sourceRoot: source.root,
      sourcePath: file.path,
      sourceUri: source.uriFor(file.path),
      fileMtime,
      folderLabels: folderLabels(file.path),
      folderAlbums: folderAlbumNames(file.path, options.albumFolders ?? DEFAULT_ALBUM_FOLDER_MODE),
    });
    await deps.repository.clearSkip(ownerId, source.root, file.path);
    // The same still, but its Live Photo video came, changed or went (live-photos/pair-live-photos.ts).
    if (motionChanged(stored, file)) {
      await deps.repository.setMotion(ownerId, stored.id, (await original.readMetadata()).motion);
    }
    return { kind: samePlace ? 'unchanged' : 'updated', photoId: stored.id };
  }

  const metadata = await original.readMetadata();
  const photo = toPhotoRecord({
    ownerId,
    contentHash,
    file,
    sourceRoot: source.root,
    sourceUri: source.uriFor(file.path),
    metadata,
    ingestedAt: now(),
    albumFolders: options.albumFolders,
  });
  const labels = [
    ...keywordLabels(metadata.keywords),
    ...hierarchicalKeywordLabels(metadata.hierarchicalKeywords),
    ...textLabels([metadata.title, metadata.description]),
    ...folderLabels(file.path),
    ...captureLabels(metadata),
  ];
  return { kind: 'new', item: { photo, labels } };
}

/**
 * The write half of a new photo: stored by `insert` (one transaction, or a run's batch), then its old skip cleared.
 * Bytes stored meanwhile from another path (another worker, an earlier photo of the batch) make it a duplicate.
 */
async function storeNewPhoto(
  source: PhotoSource,
  file: SourceFile,
  item: NewPhoto,
  options: Pick<IngestFileOptions, 'ownerId' | 'mayHaveSkip'>,
  deps: IngestDeps,
  insert: (item: NewPhoto) => Promise<boolean>,
): Promise<FileOutcome> {
  const { ownerId } = options;
  if (!(await insert(item))) {
    const winner = await deps.repository.findByContentHash(ownerId, item.photo.contentHash);
    throw new IngestSkip('DUPLICATE_CONTENT', `same content as ${winner?.sourcePath ?? 'another file'}`);
  }
  if (options.mayHaveSkip !== false) await deps.repository.clearSkip(ownerId, source.root, file.path);
  return { kind: 'added', photoId: item.photo.id };
}

/**
 * Ingests the original now at `path` (an S3 ObjectCreated event): like one step of a run, and the photo that
 * used to live at this path is dropped when the path now holds other bytes.
 */
export async function ingestSourcePath(
  source: AddressableSource,
  path: string,
  options: { ownerId: string; albumFolders?: AlbumFolderMode },
  deps: IngestDeps,
): Promise<FileOutcome | { kind: 'missing' }> {
  const file = await source.stat(path);
  if (!file) return { kind: 'missing' };
  const storedAtPath = await storedAt(source, path, options.ownerId, deps);
  const outcome = await ingestOneFile(
    source,
    file,
    {
      ownerId: options.ownerId,
      storedAtPath,
      pathExists: async (p) => (await source.stat(p)) !== undefined,
      albumFolders: options.albumFolders,
    },
    deps,
  );
  if (storedAtPath && outcome.kind !== 'skipped' && outcome.photoId !== storedAtPath.id) {
    await deps.repository.deletePhotos(options.ownerId, [storedAtPath.id]);
  }
  return outcome;
}

export type RemovalOutcome = { kind: 'removed' | 'not-stored' } | { kind: 'moved'; toPath: string };

/**
 * The original at `path` is gone (an S3 ObjectRemoved event). Its photo is dropped, unless a copy of the same
 * bytes was skipped as a duplicate in this source: then the photo moves there and keeps its id.
 */
export async function removeSourcePath(
  source: AddressableSource,
  path: string,
  options: { ownerId: string },
  deps: IngestDeps,
): Promise<RemovalOutcome> {
  const { ownerId } = options;
  await deps.repository.clearSkip(ownerId, source.root, path);
  const stored = await storedAt(source, path, ownerId, deps);
  if (!stored) return { kind: 'not-stored' };
  const copies = (await deps.repository.listSkips(ownerId)).filter(
    (skip) => skip.sourceRoot === source.root && skip.reasonCode === 'DUPLICATE_CONTENT',
  );
  for (const copy of copies) {
    const file = await source.stat(copy.sourcePath);
    if (!file) continue;
    const hash = await source.contentHash(file).catch(() => undefined);
    if (hash !== stored.contentHash) continue;
    await deps.repository.updateSource(ownerId, stored.id, {
      sourceRoot: source.root,
      sourcePath: file.path,
      sourceUri: source.uriFor(file.path),
      fileMtime: file.modifiedAt.toISOString(),
      folderLabels: folderLabels(file.path),
    });
    await deps.repository.clearSkip(ownerId, source.root, file.path);
    return { kind: 'moved', toPath: file.path };
  }
  await deps.repository.deletePhotos(ownerId, [stored.id]);
  return { kind: 'removed' };
}

function storedAt(
  source: PhotoSource,
  path: string,
  ownerId: string,
  deps: IngestDeps,
): Promise<StoredSource | undefined> {
  return deps.repository.findBySourcePath(ownerId, source.root, path);
}

/** A companion video the listing paired with the file that the stored photo does not have, or the reverse. */
function motionChanged(stored: StoredSource, file: SourceFile): boolean {
  return stored.motionBytes !== undefined && stored.motionBytes !== (file.motion?.bytes ?? null);
}
