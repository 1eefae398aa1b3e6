import type { Kysely } from 'kysely';
import type { LibraryDatabase } from '../database/schema';
import { countEntriesOf, recountEntries } from './key-month-counts';
import { replaceLabelsFrom, type LabelRecord } from './label-rows';
import type { LabelParents } from './photo-filters';

/** A still stored before ingest read how photos were made, whose file is to be read for it. */
export interface CapturePendingPhoto {
  id: string;
  sourcePath: string;
  mediaType: string;
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
    .select(['p.id', 'p.source_path', 'p.media_type', 'p.file_mtime'])
    .where('p.owner_id', '=', ownerId)
    .where('p.source_root', '=', sourceRoot);
  if (afterId !== undefined) query = query.where('c.photo_id', '>', afterId);
  const rows = await query.orderBy('c.photo_id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    sourcePath: r.source_path,
    mediaType: r.media_type,
    fileMtime: r.file_mtime,
  }));
}

/**
 * Stores what reading the files said, in ONE transaction: each photo's capture labels replace the ones it had (as
 * ingest would have filed them), the counts of every label that changed are recounted, and each photo leaves
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
    const stored = await trx
      .selectFrom('photo_label_sources')
      .select(['photo_id', 'label'])
      .where('photo_id', 'in', ids)
      .where('source', '=', 'capture')
      .execute();
    const storedOf = (photoId: string) =>
      stored
        .filter((row) => row.photo_id === photoId)
        .map((row) => row.label)
        .sort()
        .join('\u0000');
    const changed = readings.filter(
      (r): r is { photoId: string; labels: readonly LabelRecord[] } =>
        r.labels !== undefined &&
        r.labels
          .map((l) => l.label)
          .sort()
          .join('\u0000') !== storedOf(r.photoId),
    );
    if (changed.length > 0) {
      const changedIds = changed.map((r) => r.photoId);
      const countedBefore = await countEntriesOf(trx, ownerId, changedIds);
      const photos = await trx
        .selectFrom('photos')
        .select(['id', 'taken_local', 'left_out', 'shuffle_key'])
        .where('owner_id', '=', ownerId)
        .where('id', 'in', changedIds)
        .execute();
      for (const photo of photos) {
        const labels = changed.find((r) => r.photoId === photo.id)?.labels ?? [];
        const copy = {
          takenLocal: photo.taken_local,
          leftOut: Number(photo.left_out),
          shuffleKey: Number(photo.shuffle_key),
        };
        await replaceLabelsFrom(trx, 'capture', { ownerId, photoId: photo.id, copy }, labels, labelParents);
      }
      const countedAfter = await countEntriesOf(trx, ownerId, changedIds);
      const entries = new Map(
        [...countedBefore, ...countedAfter].map((e) => [`${e.kind}\u0000${e.key}\u0000${e.month}`, e]),
      );
      await recountEntries(trx, [...entries.values()]);
    }
    await trx.deleteFrom('capture_pending').where('photo_id', 'in', ids).execute();
    return changed.length;
  });
}
