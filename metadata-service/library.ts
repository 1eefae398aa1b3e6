import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Router } from 'express';
import { sql, type Kysely } from 'kysely';
import sharp from 'sharp';
import { CredentialRepository } from '../common/auth/credential-repository';
import type { CredentialDatabase } from '../common/auth/credential-schema';
import { openDatabase, type DatabaseLocation } from '../common/database';
import { openKeptConnections } from '../common/database-warm-up';
import { assertDatabaseTakesWrites } from '../common/database-write-probe';
import { assertFolderTakesWrites, freeBytes, MIN_FREE_BYTES } from '../common/storage-faults';
import { badRequest } from '../common/errors';
import type { Logger } from '../common/logger';
// The display's error for public readiness reasons, so /readyz reports both tiers' reasons alike.
import { NotReadyError } from '../common/readiness';
import { migrateLibraryDatabase } from './database/migrations';
import type { LibraryDatabase } from './database/schema';
import { libraryRoutes } from './http/routes';
import { DEFAULT_S3_SETTINGS, type S3Settings } from './config';
import type { AlbumFolderMode } from './ingest/photo-record';
import { sourceFor } from './ingest/source-for';
import type { FolderChanges } from './ingest/watch/folder-changes';
import type { ChangesReport } from './ingest/watch/ingest-changes';
import { ingestWatchedChanges } from './ingest/watch/ingest-watched';
import { runIngest, type IngestProgress, type IngestReport, type VisionOutcome } from './ingest/ingest-run';
import { ancestorsOf } from '../common/vocabulary';
import { createLibraryService, type LibraryService } from './library-service';
import { PeopleRepository } from './people/people-repository';
import { PeopleService } from './people/people-service';
import { PhotoRepository } from './repositories/photo-repository';
import { createOriginalReader } from './vision/original-reader';
import { VisionRepository } from './vision/vision-repository';
import { SunRepository } from './labels/sun/sun-repository';
import { createProvenanceService } from './labels/provenance/provenance-service';
import { createLabelProvider, type VisionSettings } from './vision/vision-settings';
import { VisionProgress, type VisionProgressSnapshot } from './vision/vision-progress';
import { runVisionStage, VisionAborted, type VisionReport } from './vision/vision-stage';
import type { LabelProvider } from './vision/vision-types';

export type { IngestProgress, IngestReport, SkippedFile, VisionOutcome } from './ingest/ingest-run';
export type { SkipCode } from './ingest/skip-reasons';
export type { VisionReport } from './vision/vision-stage';
export type { VisionSettings } from './vision/vision-settings';
export type { FolderChanges } from './ingest/watch/folder-changes';
export type { ChangesReport } from './ingest/watch/ingest-changes';

export interface LibraryOptions {
  database: DatabaseLocation;
  logger: Logger;
  /** Which folders along a photo's path become albums (default: the folder it is in). */
  albumFolders?: AlbumFolderMode;
  /** For `s3://` library locations: endpoint, region, path style (credentials come from the SDK's chain). */
  s3?: S3Settings;
  /** Labels and faces from photo content (local models or Rekognition); unset means ingest has no vision phase. */
  vision?: VisionSettings;
  /**
   * Told after a person changed one photo through the API (hidden or shown, a favourite, a label or a face
   * removed), so a display in the same process stops serving what it kept of it (Display.forgetPhoto).
   */
  onPhotoChanged?: (ownerId: string, photoId: string) => void;
  /**
   * PostgreSQL connections kept open while idle, for a long-running server (SERVER_KEPT_CONNECTIONS); warmUp opens
   * them. Default none: a command-line run or a test lets its connections close.
   */
  keptConnections?: number;
}

/**
 * The vision phase of one ingest: 'wait' runs it before ingest resolves (the CLI), 'background' lets ingest
 * resolve after the metadata phase while vision goes on (a serving stack: photos are searchable at once, labels
 * and people arrive as they are found), 'off' skips it (`--no-vision`). Default: 'background' when the library
 * has vision settings, else 'off'.
 */
export type VisionMode = 'off' | 'wait' | 'background';

export interface IngestOptions {
  ownerId: string;
  onProgress?: (progress: IngestProgress) => void;
  /**
   * Files in flight. Most of a file's time is spent waiting on libvips and disk, so a dedicated ingest (the CLI)
   * runs twice the core count (measured 159 → 202 photos/s on 2 cores); a serving stack keeps the default 2.
   */
  concurrency?: number;
  vision?: VisionMode;
}

export interface Library {
  /** The library HTTP API; mount at /v1/library. */
  router: Router;
  /** The same operations in-process. */
  api: LibraryService;
  /** Person credentials (bearer tokens) kept in the library's database; see common/auth. */
  credentials: CredentialRepository;
  /** One incremental, resumable pass over a library location: a folder or `s3://bucket/prefix`. */
  ingest(location: string, options: IngestOptions): Promise<IngestReport>;
  /**
   * Just the paths a folder watcher reported (ingest/watch/): their metadata at once, and vision for new photos
   * in the background as `ingest` does by default.
   */
  ingestChanges(folder: string, changes: FolderChanges, options: { ownerId: string }): Promise<ChangesReport>;
  /** Resolves when no background vision phase is running (their reports went to the log). */
  visionIdle(): Promise<void>;
  /** Vision's state and photo counts across its passes, for /healthz (labels and people still coming?). */
  visionProgress(): VisionProgressSnapshot;
  /** Resolves when the database answers and takes writes; rejects with a NotReadyError naming what failed. */
  ready(): Promise<void>;
  /** Opens the kept database connections (LibraryOptions.keptConnections) before the first search needs them. */
  warmUp(): Promise<void>;
  /** Stops background vision (its workers), then closes the database. */
  close(): Promise<void>;
}

/** Opens the library's database, brings its schema up to date and wires repository, service, routes and ingest. */
export async function createLibrary(options: LibraryOptions): Promise<Library> {
  const { logger } = options;
  if (options.database.kind === 'sqlite') mkdirSync(dirname(options.database.file), { recursive: true });
  const db = openDatabase<LibraryDatabase>(
    options.database,
    options.keptConnections === undefined ? {} : { keptConnections: options.keptConnections },
  );
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
  const originals = createOriginalReader(options.s3);
  const people = new PeopleService(new PeopleRepository(db), originals);
  const visionRepository = new VisionRepository(db, ancestorsOf);
  const sunRepository = new SunRepository(db, ancestorsOf);
  const api = createLibraryService(repository, people, createProvenanceService(db, ancestorsOf), {
    onPhotoChanged: options.onPhotoChanged,
  });
  const closing = new AbortController();
  const visionProgress = new VisionProgress(options.vision !== undefined);
  const background = new Set<Promise<void>>();

  const startProvider = (): LabelProvider =>
    createLabelProvider(options.vision as VisionSettings, { logger, originals });
  const visionPass = async (
    ownerId: string,
    sourceRoot: string,
    onProgress: IngestOptions['onProgress'],
    provider: LabelProvider = startProvider(),
  ): Promise<VisionReport> => {
    // Closing the library stops the workers at once; the pass then ends with VisionAborted.
    const stop = () => void provider.close();
    closing.signal.addEventListener('abort', stop);
    const tracked = visionProgress.beginPass();
    try {
      const report = await runVisionStage(
        {
          ownerId,
          sourceRoot,
          signal: closing.signal,
          onPending: (total) => tracked.progress(0, total),
          onProgress: (p) => {
            tracked.progress(p.done, p.total);
            onProgress?.({ phase: 'vision', ...p });
          },
        },
        {
          provider,
          repository: visionRepository,
          people,
          logger,
          sun: { repository: sunRepository, originals },
        },
      );
      await repository.refreshStatistics();
      tracked.end();
      return report;
    } catch (error) {
      tracked.end(error instanceof VisionAborted ? undefined : error);
      throw error;
    } finally {
      closing.signal.removeEventListener('abort', stop);
      await provider.close();
    }
  };

  // One background vision pass per owner and location at a time: a change while one runs asks for one more pass
  // (a watched folder adds photos every few seconds; each pass starts its workers and loads the models).
  const visionRuns = new Map<string, { again: boolean }>();
  const startBackgroundVision = (
    ownerId: string,
    sourceRoot: string,
    onProgress?: IngestOptions['onProgress'],
  ): void => {
    const key = `${ownerId}\n${sourceRoot}`;
    const running = visionRuns.get(key);
    if (running) {
      running.again = true;
      return;
    }
    const run = { again: false };
    visionRuns.set(key, run);
    const task = (async () => {
      do {
        run.again = false;
        await visionPass(ownerId, sourceRoot, onProgress);
      } while (run.again && !closing.signal.aborted);
    })().then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof VisionAborted)) logger.error('vision pass failed', { ownerId, error });
      },
    );
    background.add(task);
    void task.finally(() => {
      background.delete(task);
      visionRuns.delete(key);
    });
  };

  // The library's database holds the credentials table (migration 0008); the repository sees only that table.
  const credentials = new CredentialRepository(db as unknown as Kysely<CredentialDatabase>);
  return {
    router: libraryRoutes({ api, logger, credentials }),
    credentials,
    api,
    ingest: async (location, { ownerId, onProgress, concurrency, vision }) => {
      const mode = vision ?? (options.vision ? 'background' : 'off');
      if (mode !== 'off' && !options.vision) {
        throw badRequest('VISION_NOT_CONFIGURED', 'This library has no vision provider configured');
      }
      const opened = sourceFor(location, options.s3 ?? DEFAULT_S3_SETTINGS);
      // A dedicated ingest that waits for vision starts its workers now: they load their models while files are read.
      const early = mode === 'wait' ? startProvider() : undefined;
      let report: IngestReport;
      try {
        report = await runIngest(
          opened.source,
          { ownerId, onProgress, concurrency, albumFolders: options.albumFolders },
          { repository, logger },
        );
        // A run can change row counts by orders of magnitude; the planner's index choices depend on them.
        await repository.refreshStatistics();
      } catch (error) {
        await early?.close();
        throw error;
      } finally {
        opened.close();
      }
      if (mode === 'off') return report;
      const sourceRoot = opened.source.root;
      if (mode === 'background') {
        startBackgroundVision(ownerId, sourceRoot, onProgress);
        return { ...report, vision: { state: 'background' } };
      }
      let outcome: VisionOutcome;
      try {
        outcome = { state: 'done', ...(await visionPass(ownerId, sourceRoot, onProgress, early)) };
      } catch (error) {
        if (error instanceof VisionAborted) throw error;
        logger.error('vision pass failed', { ownerId, error });
        outcome = { state: 'failed', error: error instanceof Error ? error.message : String(error) };
      }
      return { ...report, vision: outcome };
    },
    ingestChanges: async (folder, changes, { ownerId }) => {
      const { report, sourceRoot } = await ingestWatchedChanges(
        folder,
        changes,
        { ownerId, albumFolders: options.albumFolders },
        { db, repository, logger },
      );
      if (report.added > 0 && options.vision) startBackgroundVision(ownerId, sourceRoot);
      return report;
    },
    visionProgress: () => visionProgress.snapshot(),
    visionIdle: async () => {
      while (background.size > 0) await Promise.all([...background]);
    },
    // In turn: a database that does not answer is reported as such, not also as refusing writes.
    ready: async () => {
      try {
        await sql`select 1`.execute(db);
      } catch (error) {
        logger.warn('not ready', { reason: 'database does not answer', error });
        throw new NotReadyError(['database does not answer']);
      }
      if (options.database.kind === 'sqlite') {
        // Before the write probe: on a full disk that probe fails too, and this says why.
        const free = await freeBytes(dirname(options.database.file));
        if (free < MIN_FREE_BYTES) throw new NotReadyError([`database disk is full (${free} bytes free)`]);
      }
      try {
        await assertDatabaseTakesWrites(db, 'library_migrations');
        // A probe that changes nothing writes nothing, so it passes on a file system that went read-only.
        if (options.database.kind === 'sqlite') await assertFolderTakesWrites(dirname(options.database.file));
      } catch (error) {
        logger.warn('not ready', { reason: 'database refuses writes', error });
        throw new NotReadyError(['database refuses writes']);
      }
    },
    warmUp: () => openKeptConnections(db, options.keptConnections ?? 0),
    close: async () => {
      closing.abort();
      while (background.size > 0) await Promise.all([...background]);
      originals.close();
      await db.destroy();
    },
  };
}
