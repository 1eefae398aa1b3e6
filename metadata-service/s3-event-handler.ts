/**
 * Lambda entry point for S3 event notifications on the library bucket (ObjectCreated:* / ObjectRemoved:*): the
 * scale-out path keeps the index current without batch scans, running the same ingest code as `npm run ingest`,
 * and queues a vision job for each photo it indexed (the job queue, jobs/; `npm run worker` analyses it, once
 * per model version). Env: PHOTOS_DIR=s3://bucket/prefix, DATABASE_URL (or DATA_DIR for SQLite), PHOTO_OWNER_ID,
 * AWS_REGION, S3_ENDPOINT, S3_FORCE_PATH_STYLE, VISION (false: no vision jobs), JOBS_SCHEMA, LOG_LEVEL.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { envFlag, envLogLevel, loadEnv } from '../common/config';
import { openDatabase } from '../common/database';
import { createLogger, type Logger } from '../common/logger';
import { z } from 'zod';
import { s3EventHandlerEnvFrom } from './config';
import { migrateLibraryDatabase } from './database/migrations';
import type { LibraryDatabase } from './database/schema';
import { handleS3Event, type S3RecordResult } from './ingest/s3-events';
import type { JobQueue } from './jobs/job-queue';
import { openJobQueue } from './jobs/open-job-queue';
import { visionJobKey } from './jobs/vision-jobs-for';
import { createS3Source } from './ingest/s3-source';
import { createS3Client } from './ingest/source-for';
import { PhotoRepository } from './repositories/photo-repository';

export interface S3EventHandler {
  handle(event: unknown): Promise<S3RecordResult[]>;
  close(): Promise<void>;
}

export interface S3EventHandlerOverrides {
  /** Tests pass a client configured for their S3-compatible server. */
  s3Client?: S3Client;
  logger?: Logger;
}

/** Reads and validates the environment, opens (and migrates) the library database once per container. */
export async function createS3EventHandler(
  env: NodeJS.ProcessEnv,
  overrides: S3EventHandlerOverrides = {},
): Promise<S3EventHandler> {
  const config = s3EventHandlerEnvFrom(env);
  const jobsEnv = loadEnv(
    z.object({ VISION: envFlag(true), JOBS_SCHEMA: z.string().trim().min(1).default('pgboss') }),
    env,
  );
  const logger =
    overrides.logger ??
    createLogger(loadEnv(z.object({ LOG_LEVEL: envLogLevel }), env).LOG_LEVEL, { tool: 's3-events' });
  if (config.database.kind === 'sqlite') mkdirSync(dirname(config.database.file), { recursive: true });
  const db = openDatabase<LibraryDatabase>(config.database);
  try {
    await migrateLibraryDatabase(db, logger);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let queue: JobQueue | undefined;
  try {
    queue = jobsEnv.VISION
      ? await openJobQueue(config.database, { logger, schema: jobsEnv.JOBS_SCHEMA, producerOnly: true })
      : undefined;
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const client = overrides.s3Client ?? createS3Client(config.s3);
  const source = createS3Source(config.photosLocation, client);
  const repository = new PhotoRepository(db);
  const ownerId = config.library.ownerId;
  return {
    async handle(event) {
      const results = await handleS3Event(event, { source, ownerId, repository, logger });
      if (queue) await queueVision(queue, ownerId, results);
      return results;
    },
    async close() {
      if (!overrides.s3Client) client.destroy();
      await queue?.stop({ graceMs: 1000 });
      await db.destroy();
    },
  };
}

/**
 * A vision job for each photo a record indexed (added, moved or already known: the job finds out whether this
 * model version has looked at it). A failure to queue rejects the invocation: Lambda delivers the event again, and
 * the ingest part of it is a no-op the second time.
 */
async function queueVision(
  queue: JobQueue,
  ownerId: string,
  results: readonly S3RecordResult[],
): Promise<void> {
  for (const { outcome } of results) {
    if (outcome.kind !== 'added' && outcome.kind !== 'updated' && outcome.kind !== 'unchanged') continue;
    await queue.send(
      'vision',
      { ownerId, photoId: outcome.photoId },
      { key: visionJobKey(ownerId, outcome.photoId) },
    );
  }
}

let shared: Promise<S3EventHandler> | undefined;

/** AWS Lambda handler: a failed record rejects the invocation, so Lambda's retry delivers the event again. */
export async function handler(event: unknown): Promise<{ records: S3RecordResult[] }> {
  shared ??= createS3EventHandler(process.env).catch((error: unknown) => {
    shared = undefined; // a bad start (database down) must not poison every later invocation
    throw error;
  });
  return { records: await (await shared).handle(event) };
}
