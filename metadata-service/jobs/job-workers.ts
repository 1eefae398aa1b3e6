import type { DatabaseLocation } from '../../common/database';
import { openDatabase } from '../../common/database';
import type { Logger } from '../../common/logger';
import { ancestorsOf } from '../../common/vocabulary';
import { DEFAULT_S3_SETTINGS, type S3Settings } from '../config';
import { migrateLibraryDatabase } from '../database/migrations';
import type { LibraryDatabase } from '../database/schema';
import type { AlbumFolderMode } from '../ingest/photo-record';
import { SunRepository } from '../labels/sun/sun-repository';
import { PeopleRepository } from '../people/people-repository';
import { PeopleService } from '../people/people-service';
import { PhotoRepository } from '../repositories/photo-repository';
import { createOriginalReader } from '../vision/original-reader';
import { VisionRepository } from '../vision/vision-repository';
import { createLabelProvider, type VisionSettings } from '../vision/vision-settings';
import type { LabelProvider } from '../vision/vision-types';
import { ingestJobHandler, type IngestJobObserver } from './ingest-job';
import type { JobContext, JobHandler, JobQueue } from './job-queue';
import { peopleJobHandler } from './people-job';
import type { QueueName } from './queue-definitions';
import { modelVersionOf } from './vision-jobs-for';
import { visionJobHandler } from './vision-job';

export interface JobWorkersOptions {
  /** The library's database (the one the queue is in). */
  database: DatabaseLocation;
  queue: JobQueue;
  logger: Logger;
  /** Without it the vision queue is left to workers that have it. */
  vision?: VisionSettings;
  s3?: S3Settings;
  albumFolders?: AlbumFolderMode;
  /** Which queues this process works (default: all it can). */
  queues?: readonly QueueName[];
  /** Ingest jobs at once (each reads its files two at a time). */
  ingestConcurrency?: number;
  /** Files read and reports of this process's ingest jobs (the embedded stack's /healthz). */
  ingestObserver?: IngestJobObserver;
  /** Every job this process runs, as it starts and ends (an error: that attempt failed). */
  jobObserver?: JobObserver;
}

export interface JobObserver {
  started(queue: QueueName, job: JobContext<unknown>): void;
  finished(queue: QueueName, job: JobContext<unknown>, error?: unknown): void;
}

export interface JobWorkers {
  /** Takes no new jobs, finishes or releases those in flight, stops the vision models, closes the database. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/**
 * The workers of one process: `npm run worker` anywhere, or the embedded stack in-process. They read and write the
 * library's database directly (as `npm run ingest` does) and read originals from the folder or bucket the photos'
 * URIs name, so any machine that reaches both can work.
 */
export async function startJobWorkers(options: JobWorkersOptions): Promise<JobWorkers> {
  const { queue, logger } = options;
  const db = openDatabase<LibraryDatabase>(options.database);
  await migrateLibraryDatabase(db, logger).catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  const wanted = new Set(options.queues ?? ['ingest', 'vision', 'people']);
  const originals = createOriginalReader(options.s3);
  const visionRepository = new VisionRepository(db, ancestorsOf);
  const people = new PeopleService(new PeopleRepository(db), originals);
  let provider: LabelProvider | undefined;
  const vision = options.vision;
  const observed = (name: QueueName, handler: JobHandler<unknown>): JobHandler<unknown> => {
    const observer = options.jobObserver;
    if (!observer) return handler;
    return async (job) => {
      observer.started(name, job);
      try {
        await handler(job);
      } catch (error) {
        observer.finished(name, job, error);
        throw error;
      }
      observer.finished(name, job);
    };
  };

  if (wanted.has('ingest')) {
    await queue.work(
      'ingest',
      observed(
        'ingest',
        ingestJobHandler({
          db,
          observer: options.ingestObserver,
          repository: new PhotoRepository(db, { labelParents: ancestorsOf }),
          visionRepository,
          sun: { repository: new SunRepository(db, ancestorsOf), originals },
          queue,
          s3: options.s3 ?? DEFAULT_S3_SETTINGS,
          albumFolders: options.albumFolders,
          modelVersion: vision ? modelVersionOf(vision) : undefined,
          logger,
        }),
      ),
      { concurrency: options.ingestConcurrency ?? 1 },
    );
  }
  if (wanted.has('vision') && vision) {
    const startProvider = () => (provider ??= createLabelProvider(vision, { logger, originals }));
    await queue.work(
      'vision',
      observed(
        'vision',
        visionJobHandler({
          db: db,
          repository: visionRepository,
          modelVersion: modelVersionOf(vision),
          provider: startProvider,
          queue,
          logger,
        }),
      ),
      // Enough photos in flight to keep every model worker busy (one read while one is analysed).
      { concurrency: vision.provider === 'local' ? Math.max(1, vision.workers) * 2 : 8 },
    );
  }
  if (wanted.has('people')) {
    await queue.work('people', observed('people', peopleJobHandler({ people, logger })));
  }

  return {
    async stop(stopOptions = {}) {
      await queue.stop(stopOptions);
      await provider?.close();
      await db.destroy();
    },
  };
}
