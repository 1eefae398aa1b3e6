import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Router } from 'express';
import { sql } from 'kysely';
import sharp from 'sharp';
import { openDatabase, type DatabaseLocation } from '../common/database';
import type { Logger } from '../common/logger';
import { migrateLibraryDatabase } from './database/migrations';
import type { LibraryDatabase } from './database/schema';
import { libraryRoutes } from './http/routes';
import { DEFAULT_S3_SETTINGS, type S3Settings } from './config';
import type { AlbumFolderMode } from './ingest/photo-record';
import { sourceFor } from './ingest/source-for';
import { runIngest, type IngestProgress, type IngestReport } from './ingest/ingest-run';
import { ancestorsOf } from './labels/label-hierarchy';
import { createLibraryService, type LibraryService } from './library-service';
import { PhotoRepository } from './repositories/photo-repository';

export type { IngestProgress, IngestReport, SkippedFile } from './ingest/ingest-run';
export type { SkipCode } from './ingest/skip-reasons';

export interface LibraryOptions {
  database: DatabaseLocation;
  logger: Logger;
  /** Owner for HTTP requests without the owner header; unset means the header is required. */
  defaultOwnerId?: string;
  /** Which folders along a photo's path become albums (default: the folder it is in). */
  albumFolders?: AlbumFolderMode;
  /** For `s3://` library locations: endpoint, region, path style (credentials come from the SDK's chain). */
  s3?: S3Settings;
}

export interface IngestOptions {
  ownerId: string;
  onProgress?: (progress: IngestProgress) => void;
  /**
   * Files in flight. Most of a file's time is spent waiting on libvips and disk, so a dedicated ingest (the CLI)
   * runs twice the core count (measured 159 → 202 photos/s on 2 cores); a serving stack keeps the default 2.
   */
  concurrency?: number;
}

export interface Library {
  /** The library HTTP API; mount at /v1/library. */
  router: Router;
  /** The same operations in-process. */
  api: LibraryService;
  /** One incremental, resumable pass over a library location: a folder or `s3://bucket/prefix`. */
  ingest(location: string, options: IngestOptions): Promise<IngestReport>;
  /** Resolves when the database answers; rejects (with the cause) when it does not, for a readiness probe. */
  ready(): Promise<void>;
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
  // Ingest opens every original once: libvips' operation cache would only hold memory, and it costs about 0.5 ms
  // per small file (bench/ingest-throughput.ts). The display turns it off for its renders too (sharp-settings.ts).
  sharp.cache(false);
  const repository = new PhotoRepository(db, { labelParents: ancestorsOf });
  const api = createLibraryService(repository);
  return {
    router: libraryRoutes({ api, logger, defaultOwnerId: options.defaultOwnerId }),
    api,
    ingest: async (location, { ownerId, onProgress, concurrency }) => {
      const opened = sourceFor(location, options.s3 ?? DEFAULT_S3_SETTINGS);
      try {
        const report = await runIngest(
          opened.source,
          { ownerId, onProgress, concurrency, albumFolders: options.albumFolders },
          { repository, logger },
        );
        // A run can change row counts by orders of magnitude; the planner's index choices depend on them.
        await repository.refreshStatistics();
        return report;
      } finally {
        opened.close();
      }
    },
    ready: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
