import type { Logger } from '../../common/logger';
import type { PhotoRepository } from '../repositories/photo-repository';
import { toPhotoRecord } from './photo-record';
import { folderLabels, keywordLabels } from './photo-labels';
import type { PhotoSource, SourceFile } from './photo-source';
import { IngestSkip, MAX_FILE_BYTES, type SkipCode } from './skip-reasons';

export interface IngestProgress {
  done: number;
  total: number;
  currentPath: string;
}

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
  unchanged: number;
  /** Photos whose original is no longer in the folder, dropped from the library. */
  removed: number;
  skipped: SkippedFile[];
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
}

type Outcome =
  | { kind: 'added' | 'updated' | 'unchanged'; photoId: string }
  | { kind: 'skipped'; code: SkipCode; reason: string };

/**
 * One pass over a source: every JPEG is hashed, new content is read and stored, known content keeps its id (and
 * follows a move), broken files are recorded as skips and the run goes on. Only storage failures abort it.
 * Photos from this source whose original has gone are removed at the end.
 */
export async function runIngest(
  source: PhotoSource,
  options: IngestRunOptions,
  deps: IngestDeps,
): Promise<IngestReport> {
  const { ownerId } = options;
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger.child({ ownerId, root: source.root });
  const files = await source.list();
  const listedPaths = new Set(files.map((f) => f.path));
  const report: IngestReport = {
    scanned: files.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    skipped: [],
  };
  const confirmedIds = new Set<string>();
  const skippedPaths = new Set<string>();

  const ingestOne = async (file: SourceFile): Promise<Outcome> => {
    try {
      return await ingestFile(file);
    } catch (error) {
      if (error instanceof IngestSkip) return { kind: 'skipped', code: error.code, reason: error.message };
      throw error;
    }
  };

  const ingestFile = async (file: SourceFile): Promise<Outcome> => {
    if (file.bytes === 0) throw new IngestSkip('EMPTY_FILE', 'file is empty');
    if (file.bytes > MAX_FILE_BYTES) {
      throw new IngestSkip(
        'FILE_TOO_LARGE',
        `${file.bytes} bytes exceeds ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      );
    }
    const contentHash = await source.contentHash(file);
    const stored = await deps.repository.findByContentHash(ownerId, contentHash);
    if (stored) {
      if (stored.sourceRoot === source.root && stored.sourcePath === file.path) {
        return { kind: 'unchanged', photoId: stored.id };
      }
      // Two copies of the same bytes in one folder: the stored one stays put rather than flip-flopping every run.
      if (stored.sourceRoot === source.root && listedPaths.has(stored.sourcePath)) {
        throw new IngestSkip('DUPLICATE_CONTENT', `same content as ${stored.sourcePath}`);
      }
      await deps.repository.updateSource(ownerId, stored.id, {
        sourceRoot: source.root,
        sourcePath: file.path,
        sourceUri: source.uriFor(file.path),
        fileMtime: file.modifiedAt.toISOString(),
        folderLabels: folderLabels(file.path),
      });
      await deps.repository.clearSkip(ownerId, source.root, file.path);
      return { kind: 'updated', photoId: stored.id };
    }

    const metadata = await source.readMetadata(file);
    const photo = toPhotoRecord({
      ownerId,
      contentHash,
      file,
      sourceRoot: source.root,
      sourceUri: source.uriFor(file.path),
      metadata,
      ingestedAt: now(),
    });
    const labels = [...keywordLabels(metadata.keywords), ...folderLabels(file.path)];
    if (!(await deps.repository.insertPhoto(photo, labels))) {
      // Another worker stored the same bytes from another path a moment ago.
      const winner = await deps.repository.findByContentHash(ownerId, contentHash);
      throw new IngestSkip('DUPLICATE_CONTENT', `same content as ${winner?.sourcePath ?? 'another file'}`);
    }
    await deps.repository.clearSkip(ownerId, source.root, file.path);
    return { kind: 'added', photoId: photo.id };
  };

  let done = 0;
  await forEachBounded(files, options.concurrency ?? 2, async (file) => {
    const outcome = await ingestOne(file);
    if (outcome.kind === 'skipped') {
      skippedPaths.add(file.path);
      report.skipped.push({ path: file.path, reason: outcome.reason, code: outcome.code });
      await deps.repository.recordSkip({
        ownerId,
        sourceRoot: source.root,
        sourcePath: file.path,
        reasonCode: outcome.code,
        message: outcome.reason,
        seenAt: now().toISOString(),
      });
      logger.warn('photo skipped', { path: file.path, code: outcome.code, reason: outcome.reason });
    } else {
      confirmedIds.add(outcome.photoId);
      report[outcome.kind] += 1;
    }
    done += 1;
    options.onProgress?.({ done, total: files.length, currentPath: file.path });
  });

  // A stored photo is gone when its path was not listed, or now holds other bytes. A path that was only skipped
  // this run (e.g. unreadable for a moment) keeps its photo: we cannot tell it has changed.
  const stale = (await deps.repository.listSources(ownerId, source.root)).filter(
    (photo) => !confirmedIds.has(photo.id) && !skippedPaths.has(photo.sourcePath),
  );
  report.removed = await deps.repository.deletePhotos(
    ownerId,
    stale.map((photo) => photo.id),
  );
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

/** Runs `work` over items with at most `limit` in flight; the first failure stops new work and is rethrown. */
async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // allSettled: never return (and let the caller close the database) while a worker is still mid-file.
  const results = await Promise.allSettled(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}
