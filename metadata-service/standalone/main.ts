import '../../common/load-env';
import cluster from 'node:cluster';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { cliArgumentsOrExit } from '../../common/cli-arguments';
import { openDatabase } from '../../common/database';
import { createLogger, type Logger } from '../../common/logger';
import { assertPortAvailable } from '../../common/port-check';
import { serveInWorkerProcesses } from '../../common/worker-processes';
import { IngestStatus } from '../../server/ingest-status';
import { migrateLibraryDatabase } from '../database/migrations';
import { createLibrary, type Library } from '../library';
import { standaloneLibraryConfigFromEnv, type StandaloneLibraryConfig } from './config';
import { publishIngestState } from './ingest-relay';
import { serveLibrary } from './serve-library';

const USAGE = `Usage: npm run start:library [-- --help]

The library (metadata) tier on its own, for the scale-out deployment: serves /v1/library (every route needs
Authorization: Bearer <token>: a service token from SERVICE_TOKENS, or an owner credential kept in the library's
database), /v1/library/openapi.json, and open /healthz, /readyz and /metrics, from LIBRARY_WORKERS processes sharing
PORT. The schema is brought up to date once, in the primary process, before the workers start.

Environment:
  PORT                   8082                port to listen on
  HOST                   127.0.0.1           listen address (0.0.0.0 behind a load balancer)
  SERVICE_TOKENS         (required)          service credentials the display and the skill send, comma-separated
                                             (each at least 32 characters; all are accepted)
  DATABASE_URL           unset → SQLite      postgres://… shared by every library and display instance
  DATA_DIR               ./data              SQLite file DATA_DIR/library.sqlite when DATABASE_URL is unset
  LIBRARY_WORKERS        one per core        processes sharing PORT (a worker that dies is replaced)
  PHOTOS_DIR             unset → no ingest   a folder or s3://bucket/prefix indexed once at startup (primary only)
  PHOTO_OWNER_ID         local               owner the PHOTOS_DIR ingest is filed under
  LIBRARY_ALBUM_FOLDERS  leaf                which folders become albums
  VISION                 true                labels and faces for the PHOTOS_DIR ingest (VISION_PROVIDER, …)
  AWS_REGION, S3_ENDPOINT, S3_FORCE_PATH_STYLE   for s3:// originals
  LOG_LEVEL              info                debug, info, warn, error, silent`;

/**
 * `npm run start:library`: the library tier on its own (the display and the skill run elsewhere and call it with
 * a service credential). The primary checks the port, brings the schema up to date once, and runs the PHOTOS_DIR
 * ingest when one is configured (one writer); the workers only serve.
 */
async function main(): Promise<void> {
  if (cluster.isPrimary) cliArgumentsOrExit({ name: 'start:library', usage: USAGE, options: {} });
  const config = standaloneLibraryConfigFromEnv();
  const logger = createLogger(config.logLevel, { service: 'library', pid: process.pid });
  let ingesting: Library | undefined;
  if (cluster.isPrimary) {
    await assertPortAvailable(
      config.port,
      config.host,
      `Stop it, or start on another port: PORT=${config.port + 1} npm run start:library`,
    );
    if (config.photosDir === undefined) await migrate(config, logger);
    else ingesting = await ingestInBackground(config, config.photosDir, logger);
  }
  await serveInWorkerProcesses(config.workers, () => serveLibrary(config, logger), logger, {
    tier: 'library',
    beforeExit: async () => ingesting?.close(),
  });
}

async function migrate(config: StandaloneLibraryConfig, logger: Logger): Promise<void> {
  if (config.database.kind === 'sqlite') mkdirSync(dirname(config.database.file), { recursive: true });
  const db = openDatabase(config.database);
  try {
    await migrateLibraryDatabase(db, logger);
  } finally {
    await db.destroy();
  }
}

/**
 * Opens the library (which migrates it) and indexes PHOTOS_DIR while the workers already serve; its progress
 * reaches their /healthz over the cluster's IPC channel (ingest-relay.ts).
 */
async function ingestInBackground(
  config: StandaloneLibraryConfig,
  photosDir: string,
  logger: Logger,
): Promise<Library> {
  const library = await createLibrary({
    database: config.database,
    logger,
    albumFolders: config.albumFolders,
    s3: config.s3,
    vision: config.vision,
  });
  const status = new IngestStatus();
  const publish = publishIngestState(() => status.snapshot());
  let lastLogged = 0;
  const ingest = library.ingest(photosDir, {
    ownerId: config.ownerId,
    onProgress: (progress) => {
      status.progress(progress);
      publish();
      // A progress line every few seconds: the log is what an operator watches on a headless tier.
      if (Date.now() - lastLogged < 5_000 && progress.done !== progress.total) return;
      lastLogged = Date.now();
      logger.info('ingest progress', { phase: progress.phase, done: progress.done, total: progress.total });
    },
  });
  void status.track(ingest, photosDir).then(
    (report) => {
      publish();
      logger.info('ingest finished', {
        photosDir,
        added: report.added,
        updated: report.updated,
        unchanged: report.unchanged,
        removed: report.removed,
        skipped: report.skipped.length,
      });
    },
    (error: unknown) => {
      publish();
      logger.error('ingest failed', { photosDir, error });
    },
  );
  publish();
  return library;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `library failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
