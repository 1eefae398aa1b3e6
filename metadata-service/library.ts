import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Router } from 'express';
import { openDatabase, type DatabaseLocation } from '../common/database';
import type { Logger } from '../common/logger';
import { migrateLibraryDatabase } from './database/migrations';
import type { LibraryDatabase } from './database/schema';
import { libraryRoutes } from './http/routes';
import { createFolderSource } from './ingest/folder-source';
import { runIngest, type IngestProgress, type IngestReport } from './ingest/ingest-run';
import { expandLabelForSearch } from './labels/label-hierarchy';
import { createLibraryService, type LibraryService } from './library-service';
import { PhotoRepository } from './repositories/photo-repository';

export type { IngestProgress, IngestReport, SkippedFile } from './ingest/ingest-run';
export type { SkipCode } from './ingest/skip-reasons';

export interface LibraryOptions {
  database: DatabaseLocation;
  logger: Logger;
  /** Owner for HTTP requests without the owner header; unset means the header is required. */
  defaultOwnerId?: string;
}

export interface IngestFolderOptions {
  ownerId: string;
  onProgress?: (progress: IngestProgress) => void;
}

export interface Library {
  /** The library HTTP API; mount at /v1/library. */
  router: Router;
  /** The same operations in-process. */
  api: LibraryService;
  ingestFolder(folder: string, options: IngestFolderOptions): Promise<IngestReport>;
  close(): Promise<void>;
}

/** Opens the library's database, brings its schema up to date and wires repository, service, routes and ingest. */
export async function createLibrary(options: LibraryOptions): Promise<Library> {
  const { logger } = options;
  if (options.database.kind === 'sqlite') mkdirSync(dirname(options.database.file), { recursive: true });
  const db = openDatabase<LibraryDatabase>(options.database);
  try {
    await migrateLibraryDatabase(db, logger);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const repository = new PhotoRepository(db, { expandLabel: expandLabelForSearch });
  const api = createLibraryService(repository);
  return {
    router: libraryRoutes({ api, logger, defaultOwnerId: options.defaultOwnerId }),
    api,
    ingestFolder: async (folder, { ownerId, onProgress }) => {
      const report = await runIngest(
        createFolderSource(folder),
        { ownerId, onProgress },
        { repository, logger },
      );
      // A run can change row counts by orders of magnitude; the planner's index choices depend on them.
      await repository.refreshStatistics();
      return report;
    },
    close: () => db.destroy(),
  };
}
