import { AppError } from '../../../common/errors';
import {
  forEachBounded,
  ingestSourcePath,
  removeSourcePath,
  type IngestDeps,
  type SkippedFile,
} from '../ingest-run';
import type { AlbumFolderMode } from '../photo-record';
import type { AddressableSource } from '../photo-source';
import { hierarchicalKeywordLabels, keywordLabels, textLabels } from '../photo-labels';
import type { TextFacts } from '../../repositories/text-facts';
import type { FolderChanges } from './folder-changes';
import { stillsBesideVideo, videosBesideStill } from '../live-photos/stills-beside-video';

/** Watched changes with each sidecar resolved to the photos it describes (sidecar-photos.ts). */
export type ResolvedChanges = Omit<FolderChanges, 'sidecars'> & {
  /** Photos whose sidecar was written or removed: their text facts are read again. */
  redescribed: string[];
};

export interface ChangesReport {
  added: number;
  /** Known bytes at a new path (a move or rename: same id, favourites and people kept). */
  updated: number;
  unchanged: number;
  /** Stored photos whose text facts (keywords, title, description, rating) were read again for a sidecar. */
  refreshed: number;
  removed: number;
  skipped: SkippedFile[];
}

export interface IngestChangesOptions {
  ownerId: string;
  albumFolders?: AlbumFolderMode;
  /** Files read at once (the serving stack's default of 2 keeps requests responsive). */
  concurrency?: number;
}

export interface IngestChangesDeps extends IngestDeps {
  /**
   * Whether the library root is still there. An unmounted disk or a deleted PHOTOS_DIR looks to a watcher like
   * every file being deleted; without the root nothing is removed (the periodic rescan reports the folder).
   */
  rootAvailable(): Promise<boolean>;
  /** Rewrites a stored photo's text facts (repositories/text-facts.ts); false when it is not stored. */
  refreshTextFacts(photo: { ownerId: string; photoId: string }, facts: TextFacts): Promise<boolean>;
}

/**
 * One incremental pass over the paths a watcher reported, with the same per-file code as a full run and an S3
 * event: new and rewritten originals first, then removals, so a move inside the library (old path removed, new
 * path added) finds the photo by its content hash at the new path and keeps its id, flags and people before the
 * old path is looked at. A path is always checked as it is now, not as its event said: a file removed then written
 * back is ingested, a file written then removed is dropped. Content problems become skips; storage failures throw.
 */
export async function ingestFolderChanges(
  source: AddressableSource,
  changes: ResolvedChanges,
  options: IngestChangesOptions,
  deps: IngestChangesDeps,
): Promise<ChangesReport> {
  if (!(await deps.rootAvailable())) {
    throw new AppError({
      status: 503,
      code: 'SOURCE_NOT_FOUND',
      publicMessage: 'Photo folder does not exist or cannot be read: no photo was removed',
    });
  }
  const report: ChangesReport = { added: 0, updated: 0, unchanged: 0, refreshed: 0, removed: 0, skipped: [] };
  const gone: string[] = [];
  const ingestPath = async (path: string): Promise<void> => {
    const outcome = await ingestSourcePath(source, path, options, deps);
    if (outcome.kind === 'missing') gone.push(path);
    else if (outcome.kind === 'skipped')
      report.skipped.push({ path, code: outcome.code, reason: outcome.reason });
    else report[outcome.kind] += 1;
  };
  await forEachBounded(changes.changed, options.concurrency ?? 2, ingestPath);
  const changed = new Set(changes.changed);
  // A still that arrived after its video, the video stored as a video of its own meanwhile: the video is its
  // motion now, no entry of its own, so looking at it again finds it gone and its photo is removed below.
  for (const path of changes.changed) {
    for (const video of await videosBesideStill(source.root, path))
      if (!changed.has(video)) await ingestPath(video);
  }
  for (const path of changes.redescribed) {
    if (changed.has(path)) continue; // read in full just now
    if (await refreshStored(source, path, options, deps)) report.refreshed += 1;
    else await ingestPath(path);
  }

  const removals = [
    ...changes.removed,
    ...gone,
    ...(await storedUnder(changes.removedFolders, source, options, deps)),
  ];
  // A Live Photo's video that came or went after its still is no entry of its own: its still is looked at again.
  const stills = new Set<string>();
  for (const path of [...gone, ...changes.removed]) {
    for (const still of await stillsBesideVideo(source.root, path))
      if (!changed.has(still)) stills.add(still);
  }
  for (const still of stills) await ingestPath(still);
  for (const path of new Set(removals)) {
    if (await source.stat(path)) {
      await ingestPath(path); // written back since its removal (an editor's save outside the watcher's window)
      continue;
    }
    const outcome = await removeSourcePath(source, path, options, deps);
    if (outcome.kind === 'removed') report.removed += 1;
    else if (outcome.kind === 'moved') report.updated += 1;
  }
  if (changes.removedFolders.length > 0) await clearSkipsUnder(changes.removedFolders, source, options, deps);
  deps.logger.info('folder changes ingested', {
    root: source.root,
    added: report.added,
    updated: report.updated,
    unchanged: report.unchanged,
    refreshed: report.refreshed,
    removed: report.removed,
    skipped: report.skipped.length,
  });
  return report;
}

/**
 * A sidecar of a stored, unchanged photo changed: its text facts are read again (with the sidecar as it is now) and
 * rewritten. False when the path holds no stored photo or other bytes than stored: then it is ingested as a change.
 */
async function refreshStored(
  source: AddressableSource,
  path: string,
  options: IngestChangesOptions,
  deps: IngestChangesDeps,
): Promise<boolean> {
  const file = await source.stat(path);
  if (!file || file.problem) return false;
  const stored = await deps.repository.findBySourcePath(options.ownerId, source.root, path);
  if (!stored || stored.bytes !== file.bytes || stored.fileMtime !== file.modifiedAt.toISOString())
    return false;
  let metadata;
  try {
    metadata = await source.readMetadata(file);
  } catch (error) {
    deps.logger.warn('sidecar change not read', { path, error });
    return false;
  }
  return deps.refreshTextFacts(
    { ownerId: options.ownerId, photoId: stored.id },
    {
      title: metadata.title,
      description: metadata.description,
      rating: metadata.rating,
      keywordLabels: [
        ...keywordLabels(metadata.keywords),
        ...hierarchicalKeywordLabels(metadata.hierarchicalKeywords),
      ],
      textLabels: textLabels([metadata.title, metadata.description]),
    },
  );
}

/** The stored paths inside removed folders (a folder deleted or moved away as a whole). */
async function storedUnder(
  folders: readonly string[],
  source: AddressableSource,
  options: IngestChangesOptions,
  deps: IngestDeps,
): Promise<string[]> {
  if (folders.length === 0) return [];
  const stored = await deps.repository.listSources(options.ownerId, source.root);
  return stored
    .map((photo) => photo.sourcePath)
    .filter((path) => folders.some((folder) => path.startsWith(folder)));
}

/** Skips recorded for files of a folder that is gone are no longer true (a full run drops them the same way). */
async function clearSkipsUnder(
  folders: readonly string[],
  source: AddressableSource,
  options: IngestChangesOptions,
  deps: IngestDeps,
): Promise<void> {
  const skips = await deps.repository.listSkips(options.ownerId);
  for (const skip of skips) {
    if (skip.sourceRoot !== source.root) continue;
    if (!folders.some((folder) => skip.sourcePath.startsWith(folder))) continue;
    if (!(await source.stat(skip.sourcePath))) {
      await deps.repository.clearSkip(options.ownerId, source.root, skip.sourcePath);
    }
  }
}
