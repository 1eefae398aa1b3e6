import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../common/logger';
import {
  DEFAULT_FOLLOW_TUNING,
  FolderFollower,
  type FollowSettings,
  type FollowTuning,
} from '../metadata-service/ingest/watch/folder-follower';
import { isS3Location } from '../metadata-service/ingest/source-for';
import type { Library } from '../metadata-service/library';
import { publicIngestFailure, type IngestStatus } from './ingest-status';

const RUNNING_POLL_MS = 500;

export interface FollowPhotosOptions {
  /** PHOTOS_DIR: a folder (watched and rescanned) or `s3://…` (rescanned only: S3 events are its watcher). */
  photosDir: string;
  ownerId: string;
  settings: FollowSettings;
  tuning?: FollowTuning;
  library: Pick<Library, 'ingestChanges'>;
  /** A full pass over PHOTOS_DIR through the stack's one ingest runner (never two full passes at once). */
  rescan: () => Promise<void>;
  /** The status that runner reports to: a rescan that leaves it 'failed' counts as a failed rescan. */
  status: IngestStatus;
  /** The startup ingest: changes are only ingested after it. */
  startAfter: Promise<unknown>;
  logger: Logger;
}

/** The running stack's follower of PHOTOS_DIR (see metadata-service/ingest/watch/folder-follower.ts). */
export function followPhotos(options: FollowPhotosOptions): FolderFollower {
  const { photosDir, ownerId, status } = options;
  const folder = !isS3Location(photosDir);
  const settings = { ...options.settings, watch: options.settings.watch && folder };
  return new FolderFollower(
    photosDir,
    settings,
    {
      ingestChanges: async (changes) => {
        // A full pass the runner started on its own (a retry after a failure, SIGHUP) may be reading the same
        // new files: two inserts of one photo would record the loser as a duplicate of itself.
        while (status.snapshot().state === 'running') await delay(RUNNING_POLL_MS);
        return options.library.ingestChanges(photosDir, changes, { ownerId });
      },
      rescan: async () => {
        await options.rescan();
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
