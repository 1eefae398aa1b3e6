import { posix } from 'node:path';
import type { Logger } from '../../common/logger';
import type { PhotoRepository } from '../repositories/photo-repository';
import type { LabelRecord } from '../repositories/label-rows';
import { captureLabels } from './capture-labels';
import { forEachBounded } from './for-each-bounded';
import type { PhotoSource } from './photo-source';
import { readPhotoMetadata } from './readers/read-photo-metadata';
import { IngestSkip } from './skip-reasons';

/** Pending photos read per query, and stored per transaction. */
export const CAPTURE_BACKFILL_PAGE = 256;
/** Files read at once: header segments only, so mostly I/O. */
const CONCURRENCY = 4;

export interface CaptureBackfillReport {
  /** Photos whose files were read and that left the list. */
  read: number;
  /** Of those, photos whose capture labels changed (a selfie, a greyscale scan found). */
  labelled: number;
  /** Photos whose file could not be read now: left on the list for the next run. */
  leftPending: number;
}

export interface CaptureBackfillDeps {
  repository: Pick<PhotoRepository, 'listCapturePending' | 'storeCaptureReadings'>;
  logger: Logger;
}

/**
 * Reads how each still stored before capture labels was made (migration 0026 listed them): its header segments
 * only, as ingest now reads every new photo, through the same readers and the same captureLabels, so a library
 * ingested before finds its selfies and greyscale scans like a new one. Runs in a full ingest run after the hash
 * stage; the list is in the database, so a run that stops mid-way is finished by the next one, and once every
 * photo has been read the stage costs one query.
 */
export async function runCaptureBackfill(
  source: Pick<PhotoSource, 'root' | 'readContent'>,
  ownerId: string,
  deps: CaptureBackfillDeps,
): Promise<CaptureBackfillReport> {
  const report: CaptureBackfillReport = { read: 0, labelled: 0, leftPending: 0 };
  let afterId: string | undefined;
  for (;;) {
    const pending = await deps.repository.listCapturePending(
      ownerId,
      source.root,
      afterId,
      CAPTURE_BACKFILL_PAGE,
    );
    if (pending.length === 0) break;
    afterId = pending.at(-1)?.id;
    const readings: { photoId: string; labels: readonly LabelRecord[] | undefined }[] = [];
    await forEachBounded(pending, CONCURRENCY, async (photo) => {
      const labels = await labelsOf(source, photo);
      if (labels === 'left') report.leftPending += 1;
      else readings.push({ photoId: photo.id, labels });
    });
    report.labelled += await deps.repository.storeCaptureReadings(ownerId, readings);
    report.read += readings.length;
  }
  if (report.read + report.leftPending > 0) deps.logger.info('capture labels read', { ...report });
  return report;
}

/** The capture labels the file now at the photo's path gives; undefined when it says nothing; 'left' when unread. */
async function labelsOf(
  source: Pick<PhotoSource, 'root' | 'readContent'>,
  photo: { sourcePath: string; fileMtime: string },
): Promise<readonly LabelRecord[] | undefined | 'left'> {
  let content: Buffer;
  try {
    content = await source.readContent(photo.sourcePath);
  } catch (error) {
    // Gone or unreadable for now: an ingest run keeps the stored photo for the same reason.
    if (error instanceof IngestSkip) return 'left';
    throw error;
  }
  try {
    const metadata = await readPhotoMetadata({
      absolutePath: posix.join(source.root, photo.sourcePath),
      content,
      fileName: posix.basename(photo.sourcePath),
      modifiedAt: new Date(photo.fileMtime),
      perceptualHash: 'later',
    });
    return captureLabels(metadata);
  } catch (error) {
    // Other bytes than were stored (replaced since), or a header that no longer reads: the next run reads the
    // file as it reads any changed file.
    if (error instanceof IngestSkip) return undefined;
    throw error;
  }
}
