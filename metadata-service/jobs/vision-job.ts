import type { Kysely } from 'kysely';
import type { Logger } from '../../common/logger';
import type { LibraryDatabase } from '../database/schema';
import type { VisionRepository } from '../vision/vision-repository';
import { VisionSkip, type LabelProvider } from '../vision/vision-types';
import { WorkerCrashed } from '../vision/worker-pool';
import type { JobHandler, JobQueue } from './job-queue';
import { visionJobSchema } from './queue-definitions';
import { photoVisionState } from './photo-vision-state';

export interface VisionJobDeps {
  db: Kysely<LibraryDatabase>;
  repository: VisionRepository;
  /** The version photos are analysed with, known before the provider starts. */
  modelVersion: string;
  /** Started on the first photo that needs it and kept: loading the models is the slow part. */
  provider: () => LabelProvider;
  queue: JobQueue;
  logger: Logger;
  now?: () => Date;
}

/** What one vision job did: the log line tests and operators count on. */
export type VisionJobOutcome = 'analysed' | 'skipped' | 'already-analysed' | 'gone';

/**
 * One photo, analysed once per model version, whoever queued it (an ingest pass, an S3 event) and however often:
 * a photo this model version already looked at is left alone, so a retried or repeated job does no work twice.
 * A photo vision cannot read is recorded as a skip (never retried by this version); a failure outside the photo
 * (a service down) throws, and the queue retries it with backoff. New faces ask for one people job per owner.
 */
export function visionJobHandler(deps: VisionJobDeps): JobHandler<unknown> {
  const now = deps.now ?? (() => new Date());
  return async (job) => {
    const { ownerId, photoId } = visionJobSchema.parse(job.data);
    const state = await photoVisionState(deps.db, ownerId, photoId);
    const log = (outcome: VisionJobOutcome, fields: Record<string, unknown> = {}) =>
      deps.logger.info('vision job', {
        outcome,
        ownerId,
        photoId,
        jobId: job.id,
        attempt: job.attempt,
        ...fields,
      });
    if (!state) return log('gone');
    if (state.seenBy === deps.modelVersion) return log('already-analysed');
    const provider = deps.provider();
    let analysis;
    try {
      analysis = await provider.analyse(state.photo);
    } catch (error) {
      if (!(error instanceof VisionSkip || error instanceof WorkerCrashed)) throw error;
      await deps.repository.recordSkip(
        ownerId,
        photoId,
        provider.modelVersion,
        error.message,
        now().toISOString(),
      );
      return log('skipped', { reason: error.message, path: state.photo.sourcePath });
    }
    const saved = await deps.repository.saveAnalysis(
      ownerId,
      photoId,
      provider.modelVersion,
      analysis,
      now().toISOString(),
    );
    if (!saved) return log('gone');
    log('analysed', {
      labels: analysis.labels.length,
      faces: analysis.faces.length,
      path: state.photo.sourcePath,
    });
    if (analysis.faces.length > 0) await deps.queue.send('people', { ownerId }, { key: ownerId });
  };
}
