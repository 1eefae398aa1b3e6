import type { Kysely } from 'kysely';
import type { LibraryDatabase } from '../database/schema';
import { LIVE_PHOTO_LABEL, liveLabel } from '../ingest/capture-labels';
import { recountAround } from './key-month-counts';
import { joinCopyOfRow, replaceLabelsFrom, type LabelRecord } from './label-rows';
import type { LabelParents } from './photo-filters';

/** A still stored before ingest read how photos were made, whose file is to be read for it. */
export interface CapturePendingPhoto {
  id: string;
  sourcePath: string;
  /** The file's mtime as stored: the capture time of last resort, as the first read had it. */
  fileMtime: string;
}

/**
 * The pending stills of one source (migration 0026's capture_pending), in id order from after `afterId`; rows left
 * by photos deleted since are passed over.
 */
export async function listCapturePending(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  sourceRoot: string,
  afterId: string | undefined,
  limit: number,
): Promise<CapturePendingPhoto[]> {
  let query = db
    .selectFrom('capture_pending as c')
    .innerJoin('photos as p', 'p.id', 'c.photo_id')
    .select(['p.id', 'p.source_path', 'p.file_mtime'])
    .where('p.owner_id', '=', ownerId)
    .where('p.source_root', '=', sourceRoot);
  if (afterId !== undefined) query = query.where('c.photo_id', '>', afterId);
  const rows = await query.orderBy('c.photo_id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    sourcePath: r.source_path,
    fileMtime: r.file_mtime,
  }));
}

/**
 * Stores what reading the files said, in ONE transaction: each photo's capture labels (with "live photo" from its
 * stored motion, which a companion video gives and the still's own bytes cannot tell) replace the ones it had, as
 * ingest would have filed them; the counts of every label that changed are recounted, and each photo leaves
 * capture_pending, labelled or not. `labels` undefined: the file said nothing usable (no longer a still); the photo
 * leaves the list with its labels as they are. Returns how many photos changed labels.
 */
export async function storeCaptureReadings(
  db: Kysely<LibraryDatabase>,
  labelParents: LabelParents,
  ownerId: string,
  readings: readonly { photoId: string; labels: readonly LabelRecord[] | undefined }[],
): Promise<number> {
  if (readings.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const ids = readings.map((r) => r.photoId);
    const photos = await trx
      .selectFrom('photos')
      .select(['id', 'taken_local', 'left_out', 'shuffle_key', 'motion_kind'])
      .where('owner_id', '=', ownerId)
      .where('id', 'in', ids)
      .execute();
    const stored = await trx
      .selectFrom('photo_label_sources')
      .select(['photo_id', 'label'])
      .where('photo_id', 'in', ids)
      .where('source', '=', 'capture')
      .execute();
    const namesOf = (labels: readonly { label: string }[]) =>
      labels
        .map((l) => l.label)
        .sort()
        .join('\u0000');
    const changed = photos.flatMap((photo) => {
      const read = readings.find((r) => r.photoId === photo.id)?.labels;
      if (read === undefined) return [];
      const fromFile = read.filter((l) => l.label !== LIVE_PHOTO_LABEL);
      const labels = photo.motion_kind === null ? fromFile : [...fromFile, liveLabel(photo.motion_kind)];
      const had = stored.filter((row) => row.photo_id === photo.id);
      return namesOf(labels) === namesOf(had) ? [] : [{ photo, labels }];
    });
    if (changed.length > 0) {
      await recountAround(
        trx,
        ownerId,
        changed.map(({ photo }) => photo.id),
        async () => {
          for (const { photo, labels } of changed) {
            const copy = joinCopyOfRow(photo);
            await replaceLabelsFrom(
              trx,
              'capture',
              { ownerId, photoId: photo.id, copy },
              labels,
              labelParents,
            );
          }
        },
      );
    }
    await trx.deleteFrom('capture_pending').where('photo_id', 'in', ids).execute();
    return changed.length;
  });
}
