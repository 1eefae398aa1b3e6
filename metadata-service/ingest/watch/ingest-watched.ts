import type { Kysely } from 'kysely';
import type { Logger } from '../../../common/logger';
import { ancestorsOf } from '../../../common/vocabulary';
import type { LibraryDatabase } from '../../database/schema';
import type { PhotoRepository } from '../../repositories/photo-repository';
import { refreshTextFacts } from '../../repositories/text-facts';
import { createFolderSource } from '../folder-source';
import type { AlbumFolderMode } from '../photo-record';
import type { FolderChanges } from './folder-changes';
import { ingestFolderChanges, type ChangesReport } from './ingest-changes';
import { isFolder } from './is-folder';
import { photosNextToSidecar } from './sidecar-photos';

export interface IngestWatchedDeps {
  db: Kysely<LibraryDatabase>;
  repository: PhotoRepository;
  logger: Logger;
}

/**
 * The metadata of just the paths a folder watcher reported (ingest-changes.ts), as a queue job runs it: sidecars
 * resolved to the photos they describe, removals only while the folder itself is there. Vision is the caller's.
 */
export async function ingestWatchedChanges(
  folder: string,
  changes: FolderChanges,
  options: { ownerId: string; albumFolders?: AlbumFolderMode },
  deps: IngestWatchedDeps,
): Promise<{ report: ChangesReport; sourceRoot: string }> {
  // A fresh source per pass: a folder source keeps each folder's names (sidecars, albums) for its lifetime.
  const source = createFolderSource(folder, { logger: deps.logger });
  const described = await Promise.all(changes.sidecars.map((path) => photosNextToSidecar(source.root, path)));
  const report = await ingestFolderChanges(
    source,
    { ...changes, redescribed: [...new Set(described.flat())] },
    options,
    {
      repository: deps.repository,
      logger: deps.logger,
      rootAvailable: () => isFolder(source.root),
      refreshTextFacts: (photo, facts) => refreshTextFacts(deps.db, ancestorsOf, photo, facts),
    },
  );
  return { report, sourceRoot: source.root };
}
