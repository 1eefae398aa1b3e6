import type { Kysely } from 'kysely';
import type { Logger } from '../../common/logger';
import type { S3Settings } from '../config';
import type { LibraryDatabase } from '../database/schema';
import { runIngest, type IngestProgress, type IngestReport } from '../ingest/ingest-run';
import { ingestWatchedChanges } from '../ingest/watch/ingest-watched';
import type { ChangesReport } from '../ingest/watch/ingest-changes';
import type { AlbumFolderMode } from '../ingest/photo-record';
import { sourceFor } from '../ingest/source-for';
import { runSunStage } from '../labels/sun/sun-stage';
import type { SunRepository } from '../labels/sun/sun-repository';
import type { PhotoRepository } from '../repositories/photo-repository';
import type { OriginalReader } from '../vision/original-reader';
import type { VisionRepository } from '../vision/vision-repository';
import type { JobHandler, JobQueue } from './job-queue';
import { ingestJobSchema, type IngestJob } from './queue-definitions';
import { queueVisionJobs } from './vision-jobs-for';

/** What a process that runs ingest jobs may watch (the embedded stack's /healthz): files read, and each report. */
export interface IngestJobObserver {
  progress(job: IngestJob, progress: IngestProgress): void;
  ingested(job: IngestJob, report: IngestReport | ChangesReport): void;
}

export interface IngestJobDeps {
  db: Kysely<LibraryDatabase>;
  repository: PhotoRepository;
  visionRepository: VisionRepository;
  sun: { repository: SunRepository; originals: OriginalReader };
  queue: JobQueue;
  s3: S3Settings;
  albumFolders?: AlbumFolderMode;
  /** The model version vision jobs are queued for; undefined when this deployment has no vision. */
  modelVersion: string | undefined;
  logger: Logger;
  observer?: IngestJobObserver;
}

/**
 * One pass over a library location (incremental and resumable as `npm run ingest` is: unchanged files cost a
 * stat), its sun labels, then one vision job per photo the current model version has not looked at: the photos
 * are spread over every worker instead of one machine analysing the whole folder.
 */
export function ingestJobHandler(deps: IngestJobDeps): JobHandler<unknown> {
  const afterIngest = async (ownerId: string, sourceRoot: string): Promise<number> => {
    if (deps.modelVersion === undefined) return 0;
    await runSunStage({ ownerId, sourceRoot }, { ...deps.sun, logger: deps.logger });
    return queueVisionJobs(deps.queue, deps.visionRepository, {
      ownerId,
      sourceRoot,
      modelVersion: deps.modelVersion,
    });
  };
  return async (job) => {
    const data = ingestJobSchema.parse(job.data);
    const { ownerId, location, changes } = data;
    if (changes !== undefined) {
      // A watcher's batch: only its paths, then vision for what it added (a photo already queued is not again).
      const { report, sourceRoot } = await ingestWatchedChanges(
        location,
        changes,
        { ownerId, albumFolders: deps.albumFolders },
        deps,
      );
      const visionJobs = report.added + report.updated > 0 ? await afterIngest(ownerId, sourceRoot) : 0;
      deps.observer?.ingested(data, report);
      deps.logger.info('ingest job (folder changes)', {
        ownerId,
        added: report.added,
        updated: report.updated,
        refreshed: report.refreshed,
        removed: report.removed,
        skipped: report.skipped.length,
        visionJobs,
      });
      return;
    }
    const opened = sourceFor(location, deps.s3);
    try {
      const report = await runIngest(
        opened.source,
        {
          ownerId,
          albumFolders: deps.albumFolders,
          onProgress: deps.observer && ((progress) => deps.observer?.progress(data, progress)),
        },
        { repository: deps.repository, logger: deps.logger },
      );
      await deps.repository.refreshStatistics();
      const visionJobs = await afterIngest(ownerId, opened.source.root);
      deps.observer?.ingested(data, report);
      deps.logger.info('ingest job', {
        ownerId,
        location,
        added: report.added,
        updated: report.updated,
        unchanged: report.unchanged,
        removed: report.removed,
        skipped: report.skipped.length,
        visionJobs,
      });
    } finally {
      opened.close();
    }
  };
}
