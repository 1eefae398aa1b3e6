import type { Logger } from '../common/logger';
import {
  DEFAULT_FOLLOW_TUNING,
  FolderFollower,
  type FollowSettings,
  type FollowTuning,
} from '../metadata-service/ingest/watch/folder-follower';
import { isS3Location } from '../metadata-service/ingest/source-for';
import type { EmbeddedJobs } from './embedded-jobs';
import { publicIngestFailure, type IngestStatus } from './ingest-status';

export interface FollowPhotosOptions {
  /** PHOTOS_DIR: a folder (watched and rescanned) or `s3://…` (rescanned only: S3 events are its watcher). */
  photosDir: string;
  settings: FollowSettings;
  tuning?: FollowTuning;
  /**
   * The stack's job queue: each batch of changes and each rescan is an ingest job, run one at a time by the
   * queue's ingest worker (so a batch never races a full pass over the same new files).
   */
  jobs: Pick<EmbeddedJobs, 'ingestChanges' | 'rescan'>;
  /** The status full passes report to: a rescan that leaves it 'failed' counts as a failed rescan. */
  status: IngestStatus;
  /** The startup ingest: changes are only queued after it. */
  startAfter: Promise<unknown>;
  logger: Logger;
}

/** The running stack's follower of PHOTOS_DIR (see metadata-service/ingest/watch/folder-follower.ts). */
export function followPhotos(options: FollowPhotosOptions): FolderFollower {
  const { photosDir, status, jobs } = options;
  const folder = !isS3Location(photosDir);
  const settings = { ...options.settings, watch: options.settings.watch && folder };
  return new FolderFollower(
    photosDir,
    settings,
    {
      ingestChanges: (changes) => jobs.ingestChanges(changes),
      rescan: async () => {
        await jobs.rescan();
        const after = status.snapshot();
        if (after.state === 'failed') throw new Error(after.reason ?? 'the rescan failed');
      },
      logger: options.logger.child({ photosDir }),
      describe: (error) => publicIngestFailure(error, photosDir),
    },
    options.tuning ?? DEFAULT_FOLLOW_TUNING,
    options.startAfter,
  );
}
