import type { Logger } from '../../common/logger';
import type { S3Settings } from '../config';
import { runIngest } from '../ingest/ingest-run';
import type { AlbumFolderMode } from '../ingest/photo-record';
import { sourceFor } from '../ingest/source-for';
import { runSunStage } from '../labels/sun/sun-stage';
import type { SunRepository } from '../labels/sun/sun-repository';
import type { PhotoRepository } from '../repositories/photo-repository';
import type { OriginalReader } from '../vision/original-reader';
import type { VisionRepository } from '../vision/vision-repository';
import type { JobHandler, JobQueue } from './job-queue';
import { ingestJobSchema } from './queue-definitions';
import { queueVisionJobs } from './vision-jobs-for';

export interface IngestJobDeps {
  repository: PhotoRepository;
  visionRepository: VisionRepository;
  sun: { repository: SunRepository; originals: OriginalReader };
  queue: JobQueue;
  s3: S3Settings;
  albumFolders?: AlbumFolderMode;
  /** The model version vision jobs are queued for; undefined when this deployment has no vision. */
  modelVersion: string | undefined;
  logger: Logger;
}

/**
 * One pass over a library location (incremental and resumable as `npm run ingest` is: unchanged files cost a
 * stat), its sun labels, then one vision job per photo the current model version has not looked at: the photos
 * are spread over every worker instead of one machine analysing the whole folder.
 */
export function ingestJobHandler(deps: IngestJobDeps): JobHandler<unknown> {
  return async (job) => {
    const { ownerId, location } = ingestJobSchema.parse(job.data);
    const opened = sourceFor(location, deps.s3);
    try {
      const report = await runIngest(
        opened.source,
        { ownerId, albumFolders: deps.albumFolders },
        { repository: deps.repository, logger: deps.logger },
      );
      await deps.repository.refreshStatistics();
      const sourceRoot = opened.source.root;
      let visionJobs = 0;
      if (deps.modelVersion !== undefined) {
        await runSunStage({ ownerId, sourceRoot }, { ...deps.sun, logger: deps.logger });
        visionJobs = await queueVisionJobs(deps.queue, deps.visionRepository, {
          ownerId,
          sourceRoot,
          modelVersion: deps.modelVersion,
        });
      }
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
